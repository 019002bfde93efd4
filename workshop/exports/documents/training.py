"""« Rapport d'atelier de renforcement des capacités »: one training room, written for the funder and the organisations.

Outline: facts; objectives (the organisations' shared needs from their plan de renforcement, else to complete);
agenda; attendance (by organisation, by type of organisation, by sex); knowledge before and after (per post-test:
the matched change with its interval, the figure and the table per question); satisfaction (the room's scales and
polls); the facilitator's observations; the follow-up of the self-assessment; next steps.
"""
from __future__ import annotations

from ..charts import to_png
from ..report import ActivityReport, CountRow, Report, RoomReport
from ..training_charts import before_after_scene
from ..training_report import QuizEvidence, TrainingReport
from .builder import Builder, meeting_facts, nothing_yet
from .model import DocumentModel, Facts, Figure, Picture, TableBlock, ToComplete

# The existing types that serve as the satisfaction survey, and the type whose results are knowledge checks.
SATISFACTION_TYPES = ("scale", "poll")
KNOWLEDGE_TYPE = "quiz"


def _counts(b: Builder, heading: str, rows: tuple[CountRow, ...]) -> None:
    if rows:
        b.add(TableBlock((heading, b.labels["count"]), tuple((row.label, str(row.count)) for row in rows), (1,),
                         (3, 1)))


def _attendance(b: Builder, room: RoomReport, training: TrainingReport) -> None:
    people = room.participants
    b.heading("training_attendance", 1)
    b.add(Facts(((b.labels["participants"], str(people.total)),)))
    _counts(b, b.labels["training_organisation"], training.by_organisation)
    _counts(b, b.labels["organisation_type"], people.by_organisation_type)
    _counts(b, b.labels["sex"], people.by_sex)
    b.paragraph(b.labels["training_attendance_note"], "note")


def _evidence(b: Builder, evidence: QuizEvidence, rtl: bool) -> None:
    labels = b.labels
    b.heading(labels["training_post_test_of"] % {"post": evidence.title, "pre": evidence.pre_title}, 2, text=True)
    if not evidence.same_questions:
        b.paragraph(labels["training_questions_changed"], "lead")
        return
    b.paragraph(evidence.summary, "lead")
    b.table(evidence.paired)
    scene = before_after_scene(evidence.questions, evidence.before, evidence.after, title=labels["quiz_chart_title"],
                               before_name=labels["quiz_before"], after_name=labels["quiz_after"], rtl=rtl)
    b.add(Picture(to_png(scene), scene.height / scene.width, 16.0, f"{scene.title}. {scene.description}"))
    b.table(evidence.table)
    b.paragraph(labels["training_method"] % {"pairing": evidence.pairing, "level": "95 %"}, "note")


def _activity_results(b: Builder, activity: ActivityReport) -> None:
    b.heading(activity.prompt, 2, text=True)
    b.paragraph(activity.summary, "note")
    if activity.chart is not None and activity.chart.categories:
        b.add(Figure(activity.chart))
    b.table(activity.table)


def compose_rapport_renforcement(report: Report) -> DocumentModel:
    """The capacity-building workshop report of report.rooms[0], with report.training's evidence."""
    b = Builder(report)
    labels = b.labels
    title = labels["training_report"]
    if not report.rooms:
        return nothing_yet(b, "nothing_yet", title)
    room = report.rooms[0]
    training = report.training or TrainingReport(evidence=())
    facts = meeting_facts(b, (labels["workshop"], room.name))
    b.add(Facts((*facts.rows, (labels["facilitation"], ToComplete()))))

    b.heading("training_objectives", 1)
    if training.objectives:
        b.paragraph(labels["training_objectives_from_plan"], "note")
        b.bullets(training.objectives)
    b.callout("training_hint_objectives")

    b.heading("training_agenda", 1)
    if room.activities:
        b.add(TableBlock(("#", labels["activity"], labels["question"]),
                         tuple((str(number), activity.type_label, activity.prompt)
                               for number, activity in enumerate(room.activities, start=1)), (0,), (0.6, 2, 5)))
    else:
        b.paragraph(labels["nothing_yet"], "lead")

    _attendance(b, room, training)

    b.heading("training_knowledge", 1)
    for evidence in training.evidence:
        _evidence(b, evidence, report.meta.direction == "rtl")
    if not training.evidence:
        b.paragraph(labels["training_no_post_test"], "lead")
    checks = [activity for activity in room.activities
              if activity.type == KNOWLEDGE_TYPE and activity.id not in training.paired_activity_ids]
    if checks:
        b.heading("training_checks", 2)
        for activity in checks:
            _activity_results(b, activity)

    b.heading("training_satisfaction", 1)
    satisfaction = [activity for activity in room.activities if activity.type in SATISFACTION_TYPES]
    if satisfaction:
        b.paragraph(labels["training_satisfaction_note"], "note")
        for activity in satisfaction:
            _activity_results(b, activity)
    else:
        b.callout("training_hint_satisfaction")

    b.heading("training_observations", 1)
    b.callout("training_hint_observations")

    b.heading("training_follow_up", 1)
    if training.follow_up is not None:
        b.paragraph(labels["training_follow_up_note"], "note")
        b.table(training.follow_up, (3, 3, 1.2, 1.2, 1.2))
    else:
        b.paragraph(labels["training_follow_up_pending"], "note")

    b.heading("next_steps", 1)
    if report.next_steps:
        b.bullets(report.next_steps)
    else:
        b.callout("hint_next_steps")
    return b.model(title, kind=title, kicker=report.meta.title, subtitle=room.name)
