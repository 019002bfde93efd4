"""Self-assessment use cases: the event's questionnaire and its edits, answers from phones (item by item), the
consensus step and the plan de renforcement. Scores and exports: services/capacities_results.py."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain.capacities import (MODALITIES, ROLES, ROUNDS, checked_choice, level_code, parse_level, spread_of)
from ..domain.capacities_template import (add_item, checked_template, items_of, remove_item, reword_item,
                                          set_domain)
from ..domain.errors import DomainError
from ..domain.phases import accepts_contributions
from ..domain.text import checked_text
from ..models import (Activity, CapacityAnswer, CapacityConsensus, CapacityPlanAction, CapacityQuestionnaire,
                      CapacityResponse, Organisation, Room)
from ..models.capacities import organisations_of
from .agenda import room_activity
from .context import ServiceContext
from .operations import run_once
from .organisations import find_event, find_organisation, organisation_view
from .participants import Joined
from .publisher import Audience, Message, Published, ResultsChanged, to

MAX_EVIDENCE_LENGTH = 500
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TYPE_NAME = "questionnaire"


def default_template() -> dict[str, Any]:
    """The OCA questionnaire every assessment starts from (workshop/data/oca_template.json, fr/ar/en)."""
    text = resources.files("workshop").joinpath("data/oca_template.json").read_text(encoding="utf-8")
    return checked_template(json.loads(text))


def questionnaire_in(session: Session, event_id: int, clock: Callable[[], Any]) -> CapacityQuestionnaire:
    """The event's questionnaire, made from the default template the first time it is needed."""
    found = session.scalar(select(CapacityQuestionnaire).where(CapacityQuestionnaire.event_id == event_id))
    if found is None:
        found = CapacityQuestionnaire(event_id=event_id, template=default_template(), version=1, created_at=clock())
        session.add(found)
        session.flush()
    return found


def stored_questionnaire(session: Session, event_id: int) -> dict[str, Any]:
    """The event's questionnaire as stored, or the default one when none was made yet (nothing is written)."""
    found = session.scalar(select(CapacityQuestionnaire).where(CapacityQuestionnaire.event_id == event_id))
    return found.template if found is not None else default_template()


EDITS = {"add_item": add_item, "remove_item": remove_item, "reword_item": reword_item, "set_domain": set_domain}


def edit_questionnaire(ctx: ServiceContext, *, event_id: object, edit: object, params: object,
                       op_id: object = None, actor: str = "moderator") -> dict[str, Any]:
    """One edit of the console's questionnaire editor: ``add_item`` (domain, labels, levels), ``remove_item``
    (item), ``reword_item`` (item, labels, levels), ``set_domain`` (domain, target, importance, labels)."""
    if not isinstance(edit, str) or edit not in EDITS or not isinstance(params, Mapping):
        raise DomainError("invalid_payload")
    arguments = dict(params)
    subject = arguments.pop("domain", None) if edit in ("add_item", "set_domain") else arguments.pop("item", None)
    allowed = {"add_item": {"labels", "levels"}, "remove_item": set(), "reword_item": {"labels", "levels"},
               "set_domain": {"target", "importance", "labels"}}[str(edit)]
    if set(arguments) - allowed:
        raise DomainError("invalid_payload")

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        event = find_event(session, event_id)
        questionnaire = questionnaire_in(session, event.id, ctx.clock)
        questionnaire.template = EDITS[str(edit)](questionnaire.template, subject, **arguments)
        questionnaire.version += 1
        return {"ok": True, "template": questionnaire.template, "version": questionnaire.version}, \
            _to_questionnaire_rooms(session, event.id, {"event_id": event.id, "version": questionnaire.version})

    return run_once(ctx, op_id=op_id, actor=actor, kind="edit_questionnaire", room_id=None, work=work,
                    rate_limited=False)


def _to_questionnaire_rooms(session: Session, event_id: int, payload: dict[str, Any]) -> list[Published]:
    """Tell every room running a questionnaire of this event that the assessment changed."""
    rooms = session.execute(select(Room.code, Activity.id).join(Activity, Activity.room_id == Room.id)
                            .where(Room.event_id == event_id, Activity.type == TYPE_NAME)).all()
    messages: list[Published] = []
    for code in sorted({code for code, _ in rooms}):
        messages.append(Message("questionnaire_changed", code, to(Audience.MODERATORS, Audience.PARTICIPANTS),
                                payload))
    messages.extend(ResultsChanged(code, activity_id) for code, activity_id in rooms)
    return messages


# Phones -----------------------------------------------------------------------------------------------------------

def _room_uuid(activity_id: int, participant_id: int, round_name: str) -> str:
    return f"room-{activity_id}-{participant_id}-{round_name}"


def _questionnaire_activity(session: Session, joined: Joined, activity_id: object) -> tuple[Activity, Room]:
    activity = room_activity(session, joined.room_id, activity_id)
    if activity.type != TYPE_NAME:
        raise DomainError("wrong_input_kind", expected="ballot")
    room = session.get(Room, joined.room_id)
    assert room is not None
    return activity, room


def my_questionnaire(ctx: ServiceContext, joined: Joined, *, activity_id: object) -> dict[str, Any]:
    """What a phone needs to answer (or resume): the questionnaire, the event's organisations, the roles, the
    round, and what this phone already answered in this round."""
    with ctx.db.write() as session:
        activity, room = _questionnaire_activity(session, joined, activity_id)
        template = questionnaire_in(session, room.event_id, ctx.clock).template
        round_name = activity.config.get("round", ROUNDS[0])
        response = session.scalar(select(CapacityResponse).where(
            CapacityResponse.event_id == room.event_id,
            CapacityResponse.uuid == _room_uuid(activity.id, joined.participant_id, round_name)))
        mine: dict[str, Any] = {"organisation": None, "role": None, "answers": {}}
        if response is not None:
            organisation = session.get_one(Organisation, response.organisation_id)
            mine = {"organisation": organisation.slug, "role": response.role,
                    "answers": {answer.item: {"level": answer.level, "evidence": answer.evidence,
                                              "comment": answer.comment}
                                for answer in session.scalars(select(CapacityAnswer).where(
                                    CapacityAnswer.response_id == response.id))}}
        return {"ok": True, "round": round_name, "template": template, "roles": list(ROLES),
                "organisations": [organisation_view(organisation)
                                  for organisation in session.scalars(organisations_of(room.event_id))],
                "mine": mine}


def answer_item(ctx: ServiceContext, joined: Joined, *, activity_id: object, organisation: object, role: object,
                item: object, level: object, evidence: object = "", comment: object = "",
                op_id: object) -> dict[str, Any]:
    """Save one answer of one phone (replacing its earlier answer to that item); the organisation and role travel
    with every answer so that any single one, replayed alone from the outbox, is complete."""
    chosen_role = checked_choice(role, ROLES, "unknown_role")
    parsed = parse_level(level)
    clean_evidence = checked_text(evidence, max_length=MAX_EVIDENCE_LENGTH, field="evidence") if evidence else ""
    clean_comment = checked_text(comment, max_length=MAX_EVIDENCE_LENGTH, field="comment") if comment else ""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity, room = _questionnaire_activity(session, joined, activity_id)
        if not accepts_contributions(activity.current_phase):
            raise DomainError("activity_not_open", activity_id=activity.id)
        template = questionnaire_in(session, room.event_id, ctx.clock).template
        if not isinstance(item, str) or item not in {known["key"] for known in items_of(template)}:
            raise DomainError("unknown_questionnaire_item")
        assessed = find_organisation(session, room.event_id, organisation)
        round_name = activity.config.get("round", ROUNDS[0])
        uuid = _room_uuid(activity.id, joined.participant_id, round_name)
        response = session.scalar(select(CapacityResponse).where(CapacityResponse.event_id == room.event_id,
                                                                 CapacityResponse.uuid == uuid).with_for_update())
        if response is None:
            response = CapacityResponse(event_id=room.event_id, uuid=uuid, source="room", round=round_name,
                                        organisation_id=assessed.id, role=chosen_role, activity_id=activity.id,
                                        submitted_at=ctx.clock().isoformat(timespec="seconds"),
                                        created_at=ctx.clock())
            session.add(response)
            session.flush()
        elif (response.organisation_id, response.role) != (assessed.id, chosen_role):
            response.organisation_id, response.role = assessed.id, chosen_role
        answer = session.scalar(select(CapacityAnswer).where(CapacityAnswer.response_id == response.id,
                                                             CapacityAnswer.item == item))
        if answer is None:
            session.add(CapacityAnswer(response_id=response.id, item=str(item), level=level_code(parsed),
                                       evidence=clean_evidence, comment=clean_comment, updated_at=ctx.clock()))
        else:
            answer.level, answer.evidence, answer.comment = level_code(parsed), clean_evidence, clean_comment
            answer.updated_at = ctx.clock()
        session.flush()
        answered = session.scalar(select(func.count()).select_from(CapacityAnswer)
                                  .where(CapacityAnswer.response_id == response.id))
        return {"ok": True, "answered": answered}, [ResultsChanged(room.code, activity.id)]

    return run_once(ctx, op_id=op_id, actor=joined.public_id, kind="answer_item", room_id=joined.room_id, work=work)


# The consensus step (console) ---------------------------------------------------------------------------------------

def _answers_by_item(session: Session, organisation_id: int, round_name: str) -> dict[str, list[CapacityAnswer]]:
    rows = session.scalars(select(CapacityAnswer).join(CapacityResponse).where(
        CapacityResponse.organisation_id == organisation_id, CapacityResponse.round == round_name))
    found: dict[str, list[CapacityAnswer]] = {}
    for answer in rows:
        found.setdefault(answer.item, []).append(answer)
    return found


def consensus_sheet(ctx: ServiceContext, *, event_id: object, organisation: object, round_name: object
                    ) -> dict[str, Any]:
    """For one organisation and round, every item with its answers' spread and the level agreed so far."""
    chosen_round = checked_choice(round_name, ROUNDS, "unknown_round")
    with ctx.db.read() as session:
        event = find_event(session, event_id)
        assessed = find_organisation(session, event.id, organisation)
        template = stored_questionnaire(session, event.id)
        answers = _answers_by_item(session, assessed.id, chosen_round)
        agreed = {row.item: row for row in session.scalars(select(CapacityConsensus).where(
            CapacityConsensus.organisation_id == assessed.id, CapacityConsensus.round == chosen_round))}
        respondents = session.scalar(select(func.count()).select_from(CapacityResponse).where(
            CapacityResponse.organisation_id == assessed.id, CapacityResponse.round == chosen_round))
        items = []
        for item in items_of(template):
            given = answers.get(item["key"], [])
            spread = spread_of(parse_level(answer.level) for answer in given)
            items.append({"key": item["key"], "domain": item["domain"], "labels": item["labels"],
                          "counts": {str(level): count for level, count in spread.counts.items()},
                          "not_applicable": spread.not_applicable, "lowest": spread.lowest,
                          "highest": spread.highest, "mean": None if spread.mean is None else round(spread.mean, 2),
                          "to_discuss": spread.to_discuss,
                          "evidence": [answer.evidence for answer in given if answer.evidence],
                          "comments": [answer.comment for answer in given if answer.comment],
                          "agreed": agreed[item["key"]].level if item["key"] in agreed else None,
                          "note": agreed[item["key"]].note if item["key"] in agreed else ""})
        return {"organisation": organisation_view(assessed), "round": chosen_round, "respondents": respondents,
                "items": items}


def record_consensus(ctx: ServiceContext, *, event_id: object, organisation: object, round_name: object,
                     item: object, level: object, note: object = "", op_id: object = None,
                     actor: str = "moderator") -> dict[str, Any]:
    """Record (or, with ``level`` None, withdraw) the level an organisation agreed on for one item."""
    chosen_round = checked_choice(round_name, ROUNDS, "unknown_round")
    parsed = None if level is None else level_code(parse_level(level))
    clean_note = checked_text(note, max_length=MAX_EVIDENCE_LENGTH, field="note") if note else ""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        event = find_event(session, event_id)
        assessed = find_organisation(session, event.id, organisation)
        if not isinstance(item, str) or item not in {known["key"] for known in items_of(stored_questionnaire(session,
                                                                                                         event.id))}:
            raise DomainError("unknown_questionnaire_item")
        row = session.scalar(select(CapacityConsensus).where(
            CapacityConsensus.organisation_id == assessed.id, CapacityConsensus.round == chosen_round,
            CapacityConsensus.item == item))
        if parsed is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(CapacityConsensus(event_id=event.id, organisation_id=assessed.id, round=chosen_round,
                                          item=str(item), level=parsed, note=clean_note, updated_at=ctx.clock()))
        else:
            row.level, row.note, row.updated_at = parsed, clean_note, ctx.clock()
        payload = {"event_id": event.id, "organisation": assessed.slug, "round": chosen_round, "item": item,
                   "level": parsed, "note": clean_note}
        return {"ok": True, "consensus": payload}, _to_questionnaire_rooms(session, event.id, payload)

    return run_once(ctx, op_id=op_id, actor=actor, kind="record_consensus", room_id=None, work=work,
                    rate_limited=False)


# The plan de renforcement -------------------------------------------------------------------------------------------

PLAN_FIELDS = ("organisation", "domain", "need", "action", "modality", "owner", "deadline", "target")


def plan_view(action: CapacityPlanAction, slugs: Mapping[int, str]) -> dict[str, Any]:
    return {"id": action.id, "organisation": slugs.get(action.organisation_id) if action.organisation_id else None,
            "domain": action.domain, "need": action.need, "action": action.action, "modality": action.modality,
            "owner": action.owner, "deadline": action.deadline, "target": action.target}


def _checked_plan_fields(session: Session, event_id: int, raw: Mapping[str, Any]) -> dict[str, Any]:
    template = stored_questionnaire(session, event_id)
    if not isinstance(raw.get("domain"), str) or raw["domain"] not in {domain["key"] for domain in template["domains"]}:
        raise DomainError("unknown_domain", value=str(raw.get("domain"))[:40])
    deadline = raw.get("deadline") or ""
    if not isinstance(deadline, str) or (deadline and not ISO_DATE.match(deadline.strip())):
        raise DomainError("invalid_date")
    target = raw.get("target")
    if target is not None and (type(target) is not int or not 1 <= target <= 4):
        raise DomainError("config_out_of_range", field="target", minimum=1, maximum=4)
    organisation = raw.get("organisation")
    return {"organisation_id": None if organisation in (None, "") else find_organisation(session, event_id,
                                                                                          organisation).id,
            "domain": raw["domain"], "modality": checked_choice(raw.get("modality"), MODALITIES, "unknown_modality"),
            "need": checked_text(raw.get("need") or "", max_length=1000, field="need") if raw.get("need") else "",
            "action": checked_text(raw.get("action") or "", max_length=1000, field="action") if raw.get("action")
            else "",
            "owner": checked_text(raw.get("owner") or "", max_length=200, field="owner") if raw.get("owner") else "",
            "deadline": deadline.strip(), "target": target}


def save_plan_action(ctx: ServiceContext, *, event_id: object, action_id: object = None, fields: object,
                     op_id: object = None, actor: str = "moderator", session: Session | None = None
                     ) -> dict[str, Any]:
    """Add a line to the plan (``action_id`` None) or replace one line's fields."""
    if not isinstance(fields, Mapping) or set(fields) - set(PLAN_FIELDS):
        raise DomainError("invalid_payload")

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        event = find_event(session, event_id)
        values = _checked_plan_fields(session, event.id, fields)
        if action_id is None:
            position = session.scalar(select(func.coalesce(func.max(CapacityPlanAction.position), -1))
                                      .where(CapacityPlanAction.event_id == event.id))
            action = CapacityPlanAction(event_id=event.id, position=int(position) + 1, created_at=ctx.clock(),
                                        **values)
            session.add(action)
        else:
            action = session.get(CapacityPlanAction, action_id) if type(action_id) is int else None
            if action is None or action.event_id != event.id:
                raise DomainError("unknown_plan_action")
            for key, value in values.items():
                setattr(action, key, value)
        session.flush()
        slugs = {organisation.id: organisation.slug for organisation in session.scalars(organisations_of(event.id))}
        view = plan_view(action, slugs)
        return {"ok": True, "action": view}, _to_questionnaire_rooms(session, event.id, {"event_id": event.id})

    if session is not None:
        return work(session)[0]
    return run_once(ctx, op_id=op_id, actor=actor, kind="save_plan_action", room_id=None, work=work,
                    rate_limited=False)


def delete_plan_action(ctx: ServiceContext, *, event_id: object, action_id: object, op_id: object = None,
                       actor: str = "moderator") -> dict[str, Any]:
    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        event = find_event(session, event_id)
        action = session.get(CapacityPlanAction, action_id) if type(action_id) is int else None
        if action is None or action.event_id != event.id:
            raise DomainError("unknown_plan_action")
        session.execute(delete(CapacityPlanAction).where(CapacityPlanAction.id == action.id))
        return {"ok": True}, _to_questionnaire_rooms(session, event.id, {"event_id": event.id})

    return run_once(ctx, op_id=op_id, actor=actor, kind="delete_plan_action", room_id=None, work=work,
                    rate_limited=False)


def plan_of(session: Session, event_id: int) -> list[dict[str, Any]]:
    slugs = {organisation.id: organisation.slug for organisation in session.scalars(organisations_of(event_id))}
    return [plan_view(action, slugs) for action in session.scalars(
        select(CapacityPlanAction).where(CapacityPlanAction.event_id == event_id)
        .order_by(CapacityPlanAction.position, CapacityPlanAction.id))]


def activity_records(session: Session, activity: Activity) -> dict[str, Any]:
    """What the questionnaire activity's results are computed from: its round's responses (organisation, role,
    items answered) and the number of items."""
    room = session.get_one(Room, activity.room_id)
    round_name = activity.config.get("round", ROUNDS[0])
    names = {organisation.id: (organisation.slug, organisation.name)
             for organisation in session.scalars(organisations_of(room.event_id))}
    rows = session.execute(
        select(CapacityResponse.organisation_id, CapacityResponse.role, func.count(CapacityAnswer.id))
        .outerjoin(CapacityAnswer, CapacityAnswer.response_id == CapacityResponse.id)
        .where(CapacityResponse.activity_id == activity.id, CapacityResponse.round == round_name)
        .group_by(CapacityResponse.id, CapacityResponse.organisation_id, CapacityResponse.role)
        .order_by(CapacityResponse.id)).all()
    return {"items": len(items_of(stored_questionnaire(session, room.event_id))),
            "organisations": [{"slug": slug, "name": name} for slug, name in names.values()],
            "responses": [{"organisation": names[organisation_id][0], "role": role, "answered": answered}
                          for organisation_id, role, answered in rows if organisation_id in names]}
