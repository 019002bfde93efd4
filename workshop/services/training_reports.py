"""The builder of the capacity-building report's own part (exports/training_report.py), in one read transaction.

Each post-test of the room (a quiz whose results pair it with its pre-test) becomes one piece of evidence: the
matched change of the scores, the share right per question before and after. The room's other parts (agenda,
attendance by type and sex, satisfaction) come from the room's report (services/reports.py).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..activities import activity_type
from ..activities.quiz import paired_summary
from ..exports.report import Table
from ..exports.training_report import QuizEvidence, TrainingReport
from ..exports.words import Words
from ..models import Activity
from ..models.activities import activities_of_room
from .context import ServiceContext
from .events import find_room
from .state import compute_results


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


def build_training_report(ctx: ServiceContext, code: str, words: Words) -> TrainingReport:
    """The evidence of every post-test of the room, in agenda order (drafts left out)."""
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
        return TrainingReport(evidence=tuple(evidence))
