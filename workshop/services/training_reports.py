"""The builder of the capacity-building report's own part (exports/training_report.py), in one read transaction.

Each post-test of the room (a quiz whose results pair it with its pre-test) becomes one piece of evidence: the
matched change of the scores, the share right per question before and after. The room's other parts (agenda,
attendance by type and sex, satisfaction) come from the room's report (services/reports.py).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..activities.quiz import paired_summary
from ..domain.capacities import MODALITIES, ROUNDS
from ..domain.languages import decimal_number
from ..domain.profiles import ORGANISATION_TAG
from ..exports.report import CountRow, Table
from ..exports.training_report import QuizEvidence, TrainingReport
from ..exports.words import Words
from ..models import Activity, Participant
from ..models.activities import activities_of_room
from .context import ServiceContext
from .capacities_results import assessment
from .events import find_room
from .participants import event_organisations
from .state import compute_results


GROUP_WORKSHOP = MODALITIES[0]  # « atelier collectif »: a shared need met by a training


def _percent(value: float | None, words: Words) -> str:
    return "–" if value is None else f"{words.number(float(value))} %"


def _signed(value: float | None, words: Words) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + words.number(float(value))


def _evidence(post: Activity, pre: Activity | None, results: Mapping[str, Any], words: Words) -> QuizEvidence:
    paired, questions = results["paired"], results["questions"]
    interval = paired["interval"]
    numbered = tuple(f"Q{index + 1}. {question['text']}" for index, question in enumerate(questions))
    return QuizEvidence(
        title=post.prompt, pre_title=pre.prompt if pre is not None else "",
        pairing=words[f"quiz_pairing_{post.config['pairing']}"], summary=paired_summary(results, words),
        paired=Table((words["training_matched"], words["training_mean_before"], words["training_mean_after"],
                      words["training_change"], words["training_interval"], words["training_improved"]),
                     ((str(paired["n"]), _percent(paired["before_mean"], words), _percent(paired["after_mean"], words),
                       _signed(paired["mean_change"], words),
                       f"{_signed(interval[0], words)} ; {_signed(interval[1], words)}" if interval else "–",
                       _percent(paired["improved_percent"], words)),), numeric_columns=(0, 1, 2, 3, 4, 5)),
        questions=numbered,
        before=tuple(question["before"]["percent"] for question in questions),
        after=tuple(question["now"]["percent"] for question in questions),
        table=Table((words["quiz_question"], words["quiz_right_before"], words["quiz_right_after"]),
                    tuple((label, _percent(question["before"]["percent"], words),
                           _percent(question["now"]["percent"], words)) for label, question in zip(numbered, questions)),
                    numeric_columns=(1, 2)),
        same_questions=bool(results.get("same_questions", True)),
        activity_ids=(post.id, *((pre.id,) if pre is not None else ())))


def _by_organisation(session: Session, room_id: int, organisations: Mapping[str, str], words: Words
                     ) -> tuple[CountRow, ...]:
    """Phones of the room by the organisation their profile names (the event's list), then those that named none."""
    if not organisations:
        return ()
    counts = Counter(tags.get(ORGANISATION_TAG) for tags in session.scalars(
        select(Participant.tags).where(Participant.room_id == room_id)))
    rows = [CountRow(name, counts[slug]) for slug, name in organisations.items() if counts[slug]]
    not_given = sum(count for slug, count in counts.items() if slug not in organisations)
    return tuple(rows + ([CountRow(words["not_given"], not_given)] if not_given else []))


def _domain_labels(found: Mapping[str, Any], language: str) -> dict[str, str]:
    return {domain["key"]: domain["labels"].get(language) or domain["labels"]["fr"]
            for domain in found["template"]["domains"]}


def _objectives(found: Mapping[str, Any], labels: Mapping[str, str]) -> tuple[str, ...]:
    """The plan de renforcement's group workshops: what the organisations' shared needs ask a training to cover."""
    return tuple(f"{labels.get(action['domain'], action['domain'])} — {action['action'] or action['need']}"
                 for action in found["plan"] if action["modality"] == GROUP_WORKSHOP
                 and (action["action"] or action["need"]))


def _follow_up(found: Mapping[str, Any], labels: Mapping[str, str], words: Words) -> Table | None:
    """Each organisation assessed twice: per domain scored in both rounds, the initial score, the follow-up score and
    the change (1–4 scale)."""
    rows = []
    for organisation in found["organisations"]:
        rounds = {round_view["round"]: round_view for round_view in organisation["rounds"]}
        if set(ROUNDS) - set(rounds):
            continue
        initial = {domain["key"]: domain["score"] for domain in rounds[ROUNDS[0]]["domains"]}
        for domain in rounds[ROUNDS[1]]["domains"]:
            if initial.get(domain["key"]) is None or domain["score"] is None:
                continue  # scored in one round only: no change to show
            rows.append((organisation["name"], labels.get(domain["key"], domain["key"]),
                         _score(initial.get(domain["key"]), words), _score(domain["score"], words),
                         _score(domain.get("change"), words, signed=True)))
    if not rows:
        return None
    return Table((words["training_organisation"], words["training_domain"], words["training_round_initial"],
                  words["training_round_suivi"], words["training_change_levels"]), tuple(rows),
                 numeric_columns=(2, 3, 4))


def _score(value: float | None, words: Words, *, signed: bool = False) -> str:
    """A 1–4 score with two decimals, as the self-assessment prints them."""
    if value is None:
        return "–"
    text = decimal_number(f"{value:.2f}", words.language)
    return ("+" if signed and value > 0 else "") + text


def build_training_report(ctx: ServiceContext, code: str, words: Words) -> TrainingReport:
    """The evidence of every post-test of the room, in agenda order (drafts left out); attendance by organisation,
    the objectives from the plan de renforcement and the self-assessment's follow-up when the event has them."""
    with ctx.db.read() as session:
        room = find_room(session, code)
        evidence = []
        for activity in session.scalars(activities_of_room(room.id)):
            if activity.phase == "draft":
                continue
            results = compute_results(session, activity)
            if "paired" not in results:  # not a post-test: its own results are in the room's report
                continue
            linked = activity_type(activity.type).linked_activity_id(activity.config)
            pre = session.get(Activity, linked) if linked is not None else None
            evidence.append(_evidence(activity, pre, results, words))
        organisations = event_organisations(session, room.id)
        if not organisations:  # no self-assessment without organisations: nothing more to read
            return TrainingReport(evidence=tuple(evidence))
        found = assessment(session, room.event_id)
        labels = _domain_labels(found, words.language)
        return TrainingReport(evidence=tuple(evidence), objectives=_objectives(found, labels),
                              by_organisation=_by_organisation(session, room.id, organisations, words),
                              follow_up=_follow_up(found, labels, words))
