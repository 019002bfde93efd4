"""What the capacity-building workshop report (« Rapport d'atelier de renforcement des capacités ») adds to a room's
report: the before/after evidence of each post-test, the objectives, attendance by organisation, the follow-up of
the self-assessment. Plain values, translated by the builder (services/training_reports.py)."""
from __future__ import annotations

from dataclasses import dataclass

from .report import CountRow, Table


@dataclass(frozen=True)
class QuizEvidence:
    """One post-test against its pre-test: the paired change, and the share right per question at both moments."""

    title: str  # the post-test's prompt
    pre_title: str  # its pre-test's prompt
    pairing: str  # translated: by phone, or by anonymous code
    summary: str  # one sentence: n, the mean scores, the change with its interval, who improved
    paired: Table  # one row: n, mean before, mean after, change, 95 % interval, share improved
    questions: tuple[str, ...]  # "Q1. text"
    before: tuple[float | None, ...]  # % right per question, before
    after: tuple[float | None, ...]  # % right per question, after
    table: Table  # question, % right before, % right after
    same_questions: bool = True  # False: the pre-test was edited after the post-test copied it; nothing paired
    activity_ids: tuple[int, ...] = ()  # the post-test's and the pre-test's


@dataclass(frozen=True)
class TrainingReport:
    evidence: tuple[QuizEvidence, ...]
    objectives: tuple[str, ...] = ()  # from the organisations' plan de renforcement, when the event has one
    by_organisation: tuple[CountRow, ...] = ()  # attendance by named organisation, when the event lists them
    follow_up: Table | None = None  # the self-assessment, initial round against follow-up, per organisation × domain

    @property
    def paired_activity_ids(self) -> frozenset[int]:
        """The quizzes the evidence already compares (the others are printed as knowledge checks)."""
        return frozenset(activity_id for evidence in self.evidence for activity_id in evidence.activity_ids)
