"""Survey: the barometer's questionnaire answered on phones in a room, self-paced, one question at a time.

Created from the barometer's console (services/barometer_survey.py), which copies the edition's questions into the
config; the ballot holds one allocation per answered question (``target_id`` the question's index, ``points`` the
position of the chosen answer among ``domain.barometer.question_choices``, from 1: a 0-point allocation is no
vote) and replaces the previous one, so a phone saves as it goes and a dropped connection loses nothing (the outbox replays it). The room's answers count in the
edition's scores with the field's (services/barometer.py).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.barometer import QUESTION_KINDS, SECTORS, question_choices
from ..domain.barometer_framework import checked_labels
from ..domain.errors import DomainError
from ..domain.vocabulary import N_
from ..exports.barometer_labels import BAROMETER_LABELS
from ..exports.report import ResultSection, Table
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ResultInput, register

QUESTION_KEY = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
MAX_QUESTIONS = 120


def _checked_question(raw: object) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_config", field="questions", expected="list of objects")
    key, kind = raw.get("key"), raw.get("kind")
    if not isinstance(key, str) or not QUESTION_KEY.match(key) or kind not in QUESTION_KINDS:
        raise DomainError("invalid_config", field="questions", expected="key and kind")
    question: dict[str, Any] = {"key": key, "kind": kind}
    if kind not in ("region", "status", "sex"):  # who-you-are questions are worded by the pages
        if raw.get("sector") not in SECTORS:
            raise DomainError("invalid_config", field="questions", expected="sector")
        question["sector"] = raw["sector"]
        question["labels"] = checked_labels(raw.get("labels", {}), "questions")
    return question


def answers_of_ballot(config: Mapping[str, Any], allocations: Sequence[Allocation]) -> dict[str, str]:
    """The ballot as {question key: choice name}."""
    questions = config["questions"]
    return {questions[allocation.target_id]["key"]: question_choices(questions[allocation.target_id]["kind"])[
        allocation.points - 1] for allocation in allocations}


@register
class Survey(ActivityType):
    name = "survey"
    input_kind = "ballot"
    label = N_("Barometer questionnaire")
    labels = {
        # The questions and answers as the XLSForm and the reports word them, declared once (barometer_labels.py).
        **{f"survey_{key}": text for key, text in BAROMETER_LABELS.items()
           if key.startswith(("form_", "status_", "sex_", "answer_")) or key == "prefer_not_to_say"},
        "survey_progress": N_("Question %(number)s of %(total)s"),
        "survey_previous": N_("Previous"),
        "survey_next": N_("Next"),
        "survey_done": N_("Thank you: your answers are saved. You can still change them while the questionnaire is "
                          "open."),
        "survey_anonymous": N_("Anonymous: no name is asked, and answers are only counted with others'."),
        "survey_summary": N_("%(count)s respondents, %(complete)s of them to the end"),
    }
    # Made by the barometer's console (services/barometer_survey.py), which copies the edition's questions here.
    in_console_menu = False
    example_config = {"edition_id": 1, "questions": [{"key": "region", "kind": "region"}]}

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        edition_id = raw.get("edition_id")
        if type(edition_id) is not int or edition_id < 1:
            raise DomainError("invalid_config", field="edition_id", expected="integer")
        questions = raw.get("questions")
        if not isinstance(questions, list) or not 1 <= len(questions) <= MAX_QUESTIONS:
            raise DomainError("config_out_of_range", field="questions", minimum=1, maximum=MAX_QUESTIONS)
        checked = [_checked_question(question) for question in questions]
        keys = [question["key"] for question in checked]
        if len(set(keys)) != len(keys) or "region" not in keys:
            raise DomainError("invalid_config", field="questions", expected="unique keys with a region question")
        return super().validate_config(raw, context) | {"edition_id": edition_id, "questions": checked}

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """One answer per question (by its index): the position of the choice, from 1; each question's own number
        of choices is checked with the whole ballot."""
        most = max(len(question_choices(question["kind"])) for question in config["questions"])
        return BallotRules(points=(1, most), positions=len(config["questions"]), out_of_range="score_out_of_range")

    def stored_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation]) -> tuple[list[Allocation], int]:
        """Also leaves out an answer beyond its own question's choices (the rules bound it by the longest list)."""
        kept, dropped = super().stored_ballot(config, allocations)
        questions = config["questions"]
        fitting = [allocation for allocation in kept
                   if allocation.points <= len(question_choices(questions[allocation.target_id]["kind"]))]
        return fitting, dropped + len(kept) - len(fitting)

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation],
                     targets: frozenset[int]) -> None:
        questions = config["questions"]
        for allocation in allocations:
            if not 0 <= allocation.target_id < len(questions):
                raise DomainError("unknown_target", target_id=allocation.target_id)
            choices = question_choices(questions[allocation.target_id]["kind"])
            if not 1 <= allocation.points <= len(choices):
                raise DomainError("score_out_of_range", minimum=1, maximum=len(choices))

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        """How many answered, how many reached the end, and from which regions: the room's progress, not scores
        (scores need the field's answers too: the barometer's dashboard has them)."""
        indicator_questions = [index for index, question in enumerate(config["questions"])
                               if question["kind"] not in ("region", "status", "sex")]
        regions: Counter[str] = Counter()
        complete = 0
        for ballot in data.ballots:
            answers = answers_of_ballot(config, ballot)
            if "region" in answers:
                regions[answers["region"]] += 1
            answered = {allocation.target_id for allocation in ballot}
            complete += all(index in answered for index in indicator_questions
                            if config["questions"][index]["kind"] != "usage")
        return {"respondents": sum(1 for ballot in data.ballots if ballot), "complete": complete,
                "questions": len(config["questions"]),
                "regions": [{"region": region, "count": count} for region, count in regions.most_common()]}

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        """The room's progress through the questionnaire; its scores are in the barometer's own reports."""
        regions = results["regions"]
        return ResultSection(
            responses=results["respondents"],
            summary=words["survey_summary"] % {"count": results["respondents"], "complete": results["complete"]},
            table=Table((words["region"], words["count"]),
                        tuple((words.of("region", row["region"]), str(row["count"])) for row in regions),
                        numeric_columns=(1,)) if regions else None)
