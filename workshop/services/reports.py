"""The one builder of reports: reads a room or an event, in one read transaction, into exports.report dataclasses.

Everything a renderer prints is decided and translated here (``translate`` is gettext in the language asked
for); renderers only lay it out.

Length: the one builder of reports (a single door, by design); each document's own parts live in sibling modules.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import fields as dataclass_fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import REGISTRY, ActivityType, activity_type, type_labels
from ..domain.axes import risk_level
from ..domain.errors import DomainError
from ..domain.languages import text_direction
from ..domain.multilingual import localized
from ..domain.profiles import ORGANISATION_TYPES, REGIONS, SEXES
from ..domain.vocabulary import merged_labels
from ..exports.labels import all_labels
from ..exports.report import (ActivityReport, ActorPoint, AxisReport, Comparison, CountRow, DeclinationRow, FieldBlock,
                              IdeaRecord, Meta, ParticipantsSummary, Report, ResultSection, RoomReport, StrategyReport,
                              Table, VoteRecord)
from ..exports.typography import listed
from ..exports.words import Words, plain_number
from ..models import Activity, Axis, Ballot, Event, Idea, Participant, Room, Strategy, Vote
from ..models.activities import activities_of_room
from ..models.strategy import axes_of_strategy
from .axis_order import axis_scores, declared_order
from .context import ServiceContext
from .events import find_room
from .identity import logos_of_event
from .items import item_views
from .axis_matching import axis_labels_of, common_and_distinct_axes
from .matching import common_and_distinct, labels_of
from .signals import compared, pair_sentence, room_kind, side_by_side_tables, signal_of, signals_table
from .report_languages import localized_axis, localized_text
from .state import compute_results, results_available

log = logging.getLogger(__name__)

Translate = Callable[[str], str]


def report_words(translate: Translate, language: str) -> Words:
    """Every label an export may print (the exports' own, the vocabulary's, every activity type's), translated."""
    return Words(merged_labels(all_labels(), type_labels()), translate, language)  # type: ignore[arg-type]


def build_room_report(ctx: ServiceContext, code: str, *, language: str, translate: Translate,
                      include_hidden: bool = False, with_pseudonyms: bool = False) -> Report:
    """One room: its participants by type, every activity with its results, ideas and votes."""
    words = report_words(translate, language)
    with ctx.db.read() as session:
        room = find_room(session, code)
        event = room.event
        room_report = _room(session, room, words, include_hidden, with_pseudonyms)
        return Report(meta=_meta(session, event, words, room_report.name, room.theme, ctx.settings.min_group_size),
                      labels=words.labels,
                      rooms=(room_report,),
                      strategy=_strategy(session, event, words,
                                         only_axes=_axes_of_room(session, room) if len(event.rooms) > 1 else None),
                      next_steps=tuple(event.next_steps or ()), decisions=tuple(event.decisions or ()))


def build_event_report(ctx: ServiceContext, event_id: int, *, language: str, translate: Translate,
                       include_hidden: bool = False, with_pseudonyms: bool = False,
                       without_drafts: bool = False) -> Report:
    """A whole event: every room, the strategy (``without_drafts``: its validated axes only), the thematic
    workshops compared."""
    words = report_words(translate, language)
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        rooms = tuple(_room(session, room, words, include_hidden, with_pseudonyms)
                      for room in event.rooms)
        common, distinct = common_and_distinct(session, event)
        common_axes, distinct_axes = _localized_sides(session, *common_and_distinct_axes(session, event), words)
        return Report(meta=_meta(session, event, words, "", "", ctx.settings.min_group_size), labels=words.labels,
                      rooms=rooms,
                      strategy=_with_common_axes(_strategy(session, event, words, without_drafts=without_drafts),
                                                 common_axes),
                      comparison=_comparison(rooms),
                      next_steps=tuple(event.next_steps or ()), decisions=tuple(event.decisions or ()),
                      common_priorities=tuple(labels_of([pair for pair in common if pair["confirmed"]])),
                      proposed_priorities=tuple(labels_of([pair for pair in common if not pair["confirmed"]])),
                      distinct_priorities=tuple(
                          (room.name, tuple(side["label"] for side in distinct if side["room"] == room.code))
                          for room in event.rooms if room.kind == "workshop"),
                      common_axes=tuple(axis_labels_of([entry for entry in common_axes if entry["confirmed"]])),
                      proposed_axes=tuple(axis_labels_of([entry for entry in common_axes if not entry["confirmed"]])),
                      distinct_axes=tuple(
                          (room.name, tuple(f"{side['code']} {side['label']}" for side in distinct_axes
                                            if side["room"] == room.code))
                          for room in event.rooms if any(side["room"] == room.code for side in distinct_axes)))


def _localized_sides(session: Session, common: list[dict[str, Any]], distinct: list[dict[str, Any]],
                     words: Words) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The matched axes' titles in the report's language (marked when still only in French), as every axe's."""
    def side(found: dict[str, Any]) -> dict[str, Any]:
        axis = session.get(Axis, found["axis_id"])
        return found | {"label": localized_axis(axis, words)[0]} if axis is not None else found

    return ([entry | {"axes": [side(found) for found in entry["axes"]]} for entry in common],
            [side(found) for found in distinct])


def _with_common_axes(strategy: StrategyReport | None, common: list[dict[str, Any]]) -> StrategyReport | None:
    """Each axe knows the axes of other rooms the moderator confirmed as the same one (the SNI says so beside it)."""
    if strategy is None:
        return None
    others: dict[int, list[str]] = {}
    for entry in common:
        if entry["confirmed"]:
            for side in entry["axes"]:
                others[side["axis_id"]] = [f"{other['code']} {other['label']} ({other['room_name']})"
                                           for other in entry["axes"] if other is not side]
    if not others:
        return strategy
    return replace(strategy, axes=tuple(replace(axis, same_as=tuple(others.get(axis.id, ()))) for axis in strategy.axes))


def meeting_days(first: date | None, last: date | None, words: Words) -> str:
    """The meeting's day or days as the covers print them; "" when the moderator has not given them."""
    if first is None:
        return ""
    if last is None or last == first:
        return first.strftime("%d/%m/%Y")
    return words["date_range"] % {"first": first.strftime("%d/%m/%Y"), "last": last.strftime("%d/%m/%Y")}


def _meta(session: Session, event: Event, words: Words, subtitle: str, theme: str, min_group_size: int) -> Meta:
    language = words.language
    versions = event.versions or {}
    organisations = list(event.organised_by or ())
    ordered = [entry for entry in organisations if entry.get("role") == "organiser"] + \
        [entry for entry in organisations if entry.get("role") == "partner"]
    logos = logos_of_event(session, event)
    untranslated = tuple(field for field, text in (("title", event.title), ("project_name", event.project_name))
                         if localized(field, text or "", versions, language).fallback)
    return Meta(language=language, direction="rtl" if text_direction(language) == "rtl" else "ltr",
                title=localized_text(event, "title", event.title, words), subtitle=subtitle,
                date=meeting_days(event.first_day, event.last_day, words),
                # A place is a name: printed as typed when it has no version, never marked as untranslated.
                place=localized("place", event.place, versions, language).text,
                generated_at=datetime.now().strftime("%Y-%m-%d %H:%M"), event_id=event.id,
                project=localized_text(event, "project_name", event.project_name, words),
                organisers=tuple(entry["name"] for entry in ordered if entry.get("role") == "organiser"),
                partners=tuple(entry["name"] for entry in ordered if entry.get("role") == "partner"),
                logos=tuple(logos[entry["logo_id"]] for entry in ordered if entry.get("logo_id") in logos),
                room_theme=theme, min_group_size=min_group_size,
                file_title=localized("title", event.title, versions, language).text, untranslated=untranslated)


def _room(session: Session, room: Room, words: Words, include_hidden: bool, with_pseudonyms: bool) -> RoomReport:
    people = list(session.scalars(select(Participant).where(Participant.room_id == room.id).order_by(Participant.id)))
    names = {person.id: (person.pseudonym if with_pseudonyms and person.pseudonym else person.public_id)
             for person in people}
    tags = {person.id: dict(person.tags or {}) for person in people}
    reports, signals = [], []
    for activity in session.scalars(activities_of_room(room.id)):
        if activity.phase == "draft":
            continue
        results = compute_results(session, activity)
        reports.append(_activity(session, activity, results, words, names, tags, include_hidden))
        signal = signal_of(activity, activity_type(activity.type), results)
        if signal is not None:
            signals.append(signal)
    activities = tuple(reports)
    pairs = compared(signals)
    # The room's name in the document's language when it has a version in it (domain/multilingual.py).
    return RoomReport(name=localized("name", room.name, room.versions, words.language).text, code=room.code,
                      kind=room_kind(room.kind, signals),
                      participants=_participants(people, words, with_pseudonyms),
                      activities=activities, priorities=_priorities(activities), theme=room.theme,
                      signals=signals_table(signals, words), side_by_side=side_by_side_tables(signals, words),
                      disagreements=tuple(pair_sentence(pair, signals, words) for pair in pairs
                                          if pair.agreement.disagree),
                      agreements=tuple(pair_sentence(pair, signals, words) for pair in pairs
                                       if not pair.agreement.disagree and pair.agreement.correlation is not None))


def _participants(people: Sequence[Participant], words: Words, with_pseudonyms: bool) -> ParticipantsSummary:
    """Counted by type, never named: a pseudonym appears only when its owner gave it and the export asks for it."""
    def counts(tag: str, values: Sequence[str]) -> tuple[CountRow, ...]:
        counter = Counter(person.tags.get(tag) for person in people)
        rows = [CountRow(words.of(tag, value), counter[value]) for value in values if counter[value]]
        if counter[None]:
            rows.append(CountRow(words["not_given"], counter[None]))
        return tuple(rows)

    return ParticipantsSummary(
        total=len(people), by_organisation_type=counts("organisation_type", ORGANISATION_TYPES),
        by_region=counts("region", REGIONS),
        by_sex=counts("sex", SEXES) if any(person.tags.get("sex") for person in people) else (),
        pseudonyms=tuple(sorted(person.pseudonym for person in people if person.pseudonym)) if with_pseudonyms else ())


def _activity(session: Session, activity: Activity, results: dict[str, Any], words: Words, names: dict[int, str],
              tags: dict[int, dict[str, str]], include_hidden: bool) -> ActivityReport:
    kind = activity_type(activity.type)
    ideas = list(session.scalars(select(Idea).where(Idea.activity_id == activity.id).order_by(Idea.id)))
    cluster_label = {column["id"]: column["label"] for column in results.get("board", {}).get("clusters", [])}
    records = tuple(
        IdeaRecord(id=idea.id, text=idea.text, cluster=cluster_label.get(idea.cluster_id, ""), hidden=idea.hidden,
                   merged_into=idea.merged_into_id, participant=names.get(idea.participant_id, ""),
                   created_at=idea.created_at.isoformat() + "Z")
        for idea in ideas if include_hidden or not idea.hidden)
    items = {item.id: item.text for item in item_views(session, activity)}
    votes = tuple(
        VoteRecord(participant=names.get(participant_id, ""), item=items.get(target_id, str(target_id)),
                   criterion=kind.criterion_label(criterion, words), points=points,
                   organisation_type=words.of("organisation_type", tags.get(participant_id, {}).get("organisation_type")),
                   region=words.of("region", tags.get(participant_id, {}).get("region")))
        for participant_id, target_id, criterion, points in session.execute(
            select(Ballot.participant_id, Vote.target_id, Vote.criterion, Vote.points)
            .join(Vote, Vote.ballot_id == Ballot.id).where(Ballot.activity_id == activity.id)
            .order_by(Ballot.id, Vote.target_id, Vote.criterion)))
    section = _section(kind, results, activity, words)
    return ActivityReport(id=activity.id, type=activity.type, type_label=words.of("type", activity.type),
                          # The document's language when the prompt has a version in it (domain/multilingual.py).
                          prompt=localized("prompt", activity.prompt, activity.versions, words.language).text,
                          phase_label=words.of("phase", activity.phase), ideas=records, baseline=kind.baseline,
                          votes=votes, **{field.name: getattr(section, field.name) for field in dataclass_fields(section)})


def _section(kind: ActivityType, results: dict[str, Any], activity: Activity, words: Words) -> ResultSection:
    """The type's section; one sentence saying why when its results could not be computed (the room's other
    activities are still printed)."""
    if results_available(results):
        try:
            return kind.report_section(results, activity.config, words)
        except Exception as error:  # noqa: BLE001 — one activity must not break the room's documents
            log.error("activity %s (%s): report section not written: %s: %s", activity.id, activity.type,
                      type(error).__name__, str(error)[:200])
    return ResultSection(responses=0, summary=words["results_unavailable"])


def _priorities(activities: Sequence[ActivityReport]) -> Table | None:
    """The room's last prioritization with a table: what the room put first."""
    ranked = [activity for activity in activities if REGISTRY[activity.type].ranks_items and activity.table]
    return ranked[-1].table if ranked else None


def _comparison(rooms: Sequence[RoomReport]) -> Comparison | None:
    workshops = [room for room in rooms if room.kind == "workshop" and room.priorities]
    if len(workshops) < 2:
        return None
    tops = [[row[1] for row in room.priorities.rows[:5]] for room in workshops]  # type: ignore[union-attr]
    counted = Counter(item for top in tops for item in set(top))
    common = tuple(item for item in tops[0] if counted[item] >= 2) + tuple(
        item for top in tops[1:] for item in top if counted[item] >= 2 and item not in tops[0])
    distinct = tuple((room.name, tuple(item for item in top if counted[item] < 2)) for room, top in zip(workshops, tops))
    depth = max(len(top) for top in tops)
    table = Table(tuple(room.name for room in workshops),
                  tuple(tuple(top[index] if index < len(top) else "" for top in tops) for index in range(depth)))
    return Comparison(rooms=tuple(room.name for room in workshops), common=common, distinct=distinct, table=table)


def _axes_of_room(session: Session, room: Room) -> set[int]:
    """The axes a room's deck carries: those drafted from its ideas and those it voted on (a restitution)."""
    ids = set(session.scalars(select(Axis.id).where(Axis.origin_room_id == room.id)))
    for activity in session.scalars(activities_of_room(room.id)):
        kind = activity_type(activity.type)
        if kind.prioritization and kind.target_kind(activity.config) == "axes":
            ids.update(item.id for item in item_views(session, activity))
    return ids


def _strategy(session: Session, event: Event, words: Words, only_axes: set[int] | None = None,
              without_drafts: bool = False) -> StrategyReport | None:
    """The event's strategy; ``only_axes``: a room's export, with that room's axes only (none: no strategy)."""
    strategy = session.scalar(select(Strategy).where(Strategy.event_id == event.id))
    if strategy is None or only_axes == set():
        return None
    axes = [axis for axis in session.scalars(axes_of_strategy(strategy.id))
            if not axis.archived and axis.disposition != "dropped" and (only_axes is None or axis.id in only_axes)
            and not (without_drafts and axis.status == "draft")]
    scores, methods = axis_scores(session, event, axes)
    parents = {axis.id: axis for axis in session.scalars(select(Axis).where(
        Axis.id.in_([axis.parent_axis_id for axis in axes if axis.parent_axis_id])))}
    chosen = {axis.id: position for position, axis in enumerate(axes, start=1)}
    room_names = {room.id: room.name for room in event.rooms if room.kind == "workshop"}
    reports = tuple(_axis(axis, rank, chosen[axis.id], scores.get(axis.id, {}), parents.get(axis.parent_axis_id), words,
                          room_names.get(axis.origin_room_id or axis.provenance.get("room_id") or 0, ""))
                    for rank, axis in enumerate(declared_order(axes, scores), start=1))
    table = _scores_table(reports, words) if reports else None
    parent = session.get(Strategy, strategy.parent_strategy_id) if strategy.parent_strategy_id else None
    regions = list(strategy.regions or ([strategy.region] if strategy.region else []))
    return StrategyReport(
        kind="sri" if strategy.kind == "sri" else "sni",
        title=localized_text(strategy, "title", strategy.title, words),
        region=listed((words.of("region", region) for region in regions), words.language),
        vision=localized_text(strategy, "vision", strategy.vision, words), axes=reports,
        version_label=strategy.version_label,
        method=words["method_text"] % {"methods": listed(sorted(words.of("type", method) for method in methods),
                                                         words.language) or "–"},
        scores=table,
        declination=_declination(session, strategy, words) if strategy.kind == "sri" else (),
        parent_title=localized_text(parent, "title", parent.title, words) if parent else "",
        drafts_left_out=without_drafts)


def _scores_table(reports: Sequence[AxisReport], words: Words) -> Table:
    """« Rang » by declared score; the moderator's order as « ordre retenu » only when it differs somewhere. A
    measure no axe has (no criteria score, hence no agreement either; no points) is left out rather than printed as
    a column of dashes."""
    differs = any(report.rank != report.chosen for report in reports)
    scored = any(report.score is not None for report in reports)
    agreed = any(report.agreement for report in reports)
    voted = any(report.votes is not None for report in reports)
    columns = [(words["rank"], True, lambda report: str(report.rank)),
               (words["axis"], False, lambda report: f"{report.code} {report.title}"),
               *(((words["score"], True, lambda report: words.number(report.score)),) if scored else ()),
               *(((words["agreement"], False, lambda report: report.agreement or "–"),) if agreed else ()),
               *(((words["points"], True, lambda report: words.number(report.votes)),) if voted else ()),
               *(((words["chosen_order"], True, lambda report: str(report.chosen)),) if differs else ())]
    return Table(tuple(header for header, _numeric, _cell in columns),
                 tuple(tuple(cell(report) for _header, _numeric, cell in columns) for report in reports),
                 numeric_columns=tuple(index for index, (_header, numeric, _cell) in enumerate(columns) if numeric))


def _axis(axis: Axis, position: int, chosen: int, score: dict[str, Any], parent: Axis | None,
          words: Words, origin: str = "") -> AxisReport:
    title, fields, untranslated = localized_axis(axis, words)
    parent_title, parent_fields, _ = localized_axis(parent, words) if parent else ("", {}, ())
    actors = tuple(ActorPoint(row.get("name", ""), words.of("actor_role", row.get("role")), row.get("influence"),
                              row.get("interest"), row.get("alignment"), role_key=row.get("role") or "")
                   for row in fields.get("actors", []))
    asks = tuple((row.get("measure", ""), row.get("decision_maker", ""), words.of("instrument", row.get("instrument")),
                  words.of("level", row.get("level"))) for row in fields.get("asks", []))
    agreement = score.get("agreement")
    return AxisReport(
        id=axis.id, code=axis.code, title=title, theme=words.of("theme", axis.theme),
        status=words.of("status", axis.status), rank=position, chosen=chosen, origin=origin, score=score.get("score"),
        agreement=words.of("agreement", agreement) if agreement else "", votes=score.get("votes"),
        blocks=_blocks(fields, words), actors=actors,
        sources=tuple(idea.get("text", "") for idea in axis.provenance.get("ideas", [])),
        clusters=tuple(cluster.get("label", "") for cluster in axis.provenance.get("clusters", [])),
        parent_code=parent.code if parent else "", parent_title=parent_title,
        parent_summary=parent_fields.get("objectives", {}).get("change", ""),
        disposition=words.of("disposition", axis.disposition),
        central_message=fields.get("messages", {}).get("central", ""),
        change_objective=fields.get("objectives", {}).get("change", ""), asks=asks,
        problem=fields.get("problem", {}).get("central", ""), causes=tuple(fields.get("problem", {}).get("causes", [])),
        effects=tuple(fields.get("problem", {}).get("effects", [])),
        status_key=axis.status or "", disposition_key=axis.disposition or "",
        ask_levels=tuple(row.get("level") or "" for row in fields.get("asks", [])),
        objectives=tuple((row.get("statement", ""), row.get("deadline", ""))
                         for row in fields.get("objectives", {}).get("smart", []) if row.get("statement")),
        parent_objectives=tuple(row.get("statement", "") for row in
                                (parent.fields.get("objectives", {}).get("smart", []) if parent else [])
                                if row.get("statement")),
        parent_asks=tuple(" — ".join(part for part in (row.get("measure", ""), row.get("decision_maker", "")) if part)
                          for row in (parent.fields.get("asks", []) if parent else []) if row.get("measure")),
        inherited=_inherited(axis.fields, parent.fields) if parent else (), untranslated=untranslated)


def _inherited(fields: dict[str, Any], parent: dict[str, Any]) -> tuple[str, ...]:
    """The parts of a regional axe's record still exactly as the national axe has them (not yet declined)."""
    parts = {"problem": "problem", "objectives": "objectives", "asks": "asks", "actors": "actors",
             "messages": "messages", "activities": "activities", "windows": "windows", "risks": "risks",
             "indicators": "indicators"}
    return tuple(key for key, field in parts.items() if fields.get(field) and fields.get(field) == parent.get(field)
                 and _filled(fields.get(field)))


def _filled(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_filled(item) for item in value.values())
    if isinstance(value, list):
        return bool(value)
    return bool(value)


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], numeric: tuple[int, ...] = ()) -> tuple[Table, ...]:
    if not rows:
        return ()
    return (Table(tuple(headers), tuple(tuple(plain_number(cell) if not isinstance(cell, str) else cell
                                        for cell in row)
                                        for row in rows), numeric_columns=numeric),)


def _blocks(fields: dict[str, Any], words: Words) -> tuple[FieldBlock, ...]:
    """The axe's record as headed blocks; an empty block is marked for the writer to complete, never invented."""
    problem, objectives, messages = fields.get("problem", {}), fields.get("objectives", {}), fields.get("messages", {})
    blocks = [
        FieldBlock(words["block_problem"], paragraphs=tuple(filter(None, [problem.get("central")])),
                   bullets=tuple(f"{words['causes']} : {cause}" for cause in problem.get("causes", []))
                   + tuple(f"{words['effects']} : {effect}" for effect in problem.get("effects", [])),
                   tables=_table((words["fact"], words["figure"], words["source"], words["date"]),
                                 [(row["fact"], row["figure"], row["source"], row["date"])
                                  for row in problem.get("evidence", [])])),
        FieldBlock(words["block_objectives"],
                   paragraphs=tuple(filter(None, [objectives.get("change"),
                                                  f"{words['change_type']} : {words.of('change_type', objectives['change_type'])}"
                                                  if objectives.get("change_type") else ""])),
                   tables=_table((words["smart_objective"], words["indicator"], words["deadline"]),
                                 [(row["statement"], row["indicator"], row["deadline"]) for row in objectives.get("smart", [])])),
        FieldBlock(words["block_asks"], tables=_table(
            (words["measure"], words["decision_maker"], words["instrument"], words["level"]),
            [(row["measure"], row["decision_maker"], words.of("instrument", row["instrument"]), words.of("level", row["level"]))
             for row in fields.get("asks", [])])),
        FieldBlock(words["block_actors"], tables=_table(
            (words["actor"], words["role"], words["influence"], words["interest"], words["alignment"]),
            [(row["name"], words.of("actor_role", row["role"]), row["influence"], row["interest"], row["alignment"])
             for row in fields.get("actors", [])], (2, 3, 4))),
        FieldBlock(words["block_messages"], paragraphs=tuple(filter(None, [messages.get("central")])),
                   tables=_table((words["target"], words["message"], words["messenger"], words["channel"]),
                                 [(row["target"], row["message"], row["messenger"], row["channel"])
                                  for row in messages.get("by_target", [])])),
        FieldBlock(words["block_activities"], tables=_table(
            (words["activity_type"], words["description"], words["owner"], words["start"], words["end"], words["resources"]),
            [(words.of("axis_activity", row["type"]), row["description"], row["owner"], row["start"], row["end"], row["resources"])
             for row in fields.get("activities", [])])),
        FieldBlock(words["block_windows"], tables=_table((words["event"], words["date"]),
                                                         [(row["event"], row["date"]) for row in fields.get("windows", [])])),
        FieldBlock(words["block_risks"], tables=_table(
            (words["risk"], words["risk_type"], words["probability"], words["impact"], words["risk_level"], words["mitigation"]),
            [(row["description"], words.of("risk_type", row["type"]), row["probability"], row["impact"],
              risk_level(row["probability"], row["impact"]), row["mitigation"])
             for row in sorted(fields.get("risks", []), key=lambda row: -(risk_level(row["probability"], row["impact"]) or 0))],
            (2, 3, 4))),
        FieldBlock(words["block_indicators"], tables=_table(
            (words["level"], words["indicator"], words["baseline"], words["target_value"], words["source"]),
            [(words.of("indicator_level", row["level"]), row["indicator"], row["baseline"], row["target"], row["source"])
             for row in fields.get("indicators", [])]) + _table(
            (words["progress_expect"], words["progress_like"], words["progress_love"]),
            [(row["expect"], row["like"], row["love"]) for row in fields.get("progress_markers", [])])),
    ]
    keys = ("problem", "objectives", "asks", "actors", "messages", "activities", "windows", "risks", "indicators")
    return tuple(FieldBlock(block.heading, block.paragraphs, block.bullets, block.tables,
                            to_complete=not (block.paragraphs or block.bullets or block.tables), key=key)
                 for key, block in zip(keys, blocks, strict=True))


def _declination(session: Session, strategy: Strategy, words: Words) -> tuple[DeclinationRow, ...]:
    rows = []
    national = {axis.id: axis for axis in session.scalars(axes_of_strategy(strategy.parent_strategy_id))} \
        if strategy.parent_strategy_id else {}
    for axis in session.scalars(axes_of_strategy(strategy.id)):
        parent = national.get(axis.parent_axis_id)
        fields = axis.fields
        rows.append(DeclinationRow(
            sni_axis=f"{parent.code} {localized_axis(parent, words)[0]}" if parent else "",
            sri_axis=f"{axis.code} {localized_axis(axis, words)[0]}", disposition=words.of("disposition", axis.disposition),
            objectives=tuple(row["statement"] for row in fields.get("objectives", {}).get("smart", []) if row["statement"]),
            asks=tuple(f"{row['measure']} — {row['decision_maker']}" for row in fields.get("asks", [])
                       if row.get("level") in ("regional", "communal")),
            targets=tuple(row["name"] for row in fields.get("actors", [])
                          if row.get("role") in ("primary_target", "secondary_target")),
            disposition_key=axis.disposition or ""))
    return tuple(rows)


