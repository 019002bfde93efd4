"""Quiz: the knowledge test of a training, taken before it (pre-test) and again after it (post-test).

A trainer writes the questions once, in the pre-test. The post-test is a second quiz linked to it
(``pre_test_id``): it copies the pre-test's questions and pairing, and its results put the two moments side by
side: per question the share right before and after, and over the people seen twice the paired change of their
score with its 95 % interval and the share who improved (domain/quiz.py, domain/pairing.py). Two activities rather
than one switched between moments, because a training puts its sessions between them on the agenda, and on
different days the post-test is opened in the same room the next morning.

People are paired by their phone in the room, or, when the training spans days (phones and browsers change),
by the anonymous code they make themselves (``pairing: "code"``). The correct options reach phones only when the
quiz shows them after answering (``show_answers``); results carry them once revealed.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import MAX_CRITERION_LENGTH, Allocation, BallotRules, parse_allocations
from ..domain.errors import DomainError
from ..domain.quiz import (CODE_PREFIX, OPTION_PREFIX, PAIRINGS, Answered, checked_questions, parse_questions_text,
                           public_questions, quiz_results, read_ballot)
from ..domain.vocabulary import N_
from ..exports.report import Chart, ResultSection, Series, Table
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ConfigField, LinkedInput, ResultInput, bool_field, register

EXAMPLE_QUESTIONS = [{"text": "Qui approuve les comptes annuels d'une association ?",
                      "options": ["Le bureau", "L'assemblée générale", "Le trésorier"], "correct": [1]}]


def _answered(questions: Sequence[Mapping[str, Any]], ballots: Sequence[Sequence[Allocation]],
              keys: Sequence[str], pairing: str) -> list[Answered]:
    """Ballots as answers; one the rules no longer accept (the questions changed since) is left out."""
    answered = []
    for index, ballot in enumerate(ballots):
        try:
            read = read_ballot(questions, ballot, pairing=pairing)
        except DomainError:
            continue
        answered.append(Answered(read, keys[index] if index < len(keys) else None))
    return answered


@register
class Quiz(ActivityType):
    name = "quiz"
    input_kind = "ballot"
    label = N_("Knowledge quiz")
    labels = {
        "config_quiz_questions": N_("Questions"),
        "config_quiz_questions_hint": N_("One block per question, separated by an empty line: the question on its "
                                         "first line, then one option per line; start the correct ones with *."),
        "config_quiz_pre_test": N_("Post-test of"),
        "config_quiz_pre_test_hint": N_("A post-test asks the questions of its pre-test again, to measure what "
                                        "was learnt. Leave empty for a pre-test."),
        "config_quiz_no_pre_test": N_("None: this quiz is a pre-test"),
        "config_quiz_pairing": N_("Before and after answers are matched"),
        "quiz_pairing_phone": N_("by the phone (same day, same room)"),
        "quiz_pairing_code": N_("by an anonymous code each person makes (different days)"),
        "config_quiz_show_answers": N_("Show the correct answer after answering"),
        "quiz_moment_avant": N_("Before the training"),
        "quiz_moment_apres": N_("After the training"),
        "quiz_code_title": N_("Your anonymous code"),
        "quiz_code_hint": N_("It links your answers before and after the training, without your name: the first "
                             "two letters of your mother's first name, then your birth month."),
        "quiz_code_letters": N_("Two first letters of your mother's first name"),
        "quiz_code_month": N_("Your birth month"),
        "quiz_choose_all": N_("Several answers are correct: tick all of them."),
        "quiz_question_of": N_("Question %(number)s of %(total)s"),
        "quiz_right": N_("Right"),
        "quiz_wrong": N_("Not quite: the correct answer is marked."),
        "quiz_before": N_("Before"),
        "quiz_after": N_("After"),
        "quiz_mean_score": N_("Average score: %(score)s"),
        "quiz_summary": N_("Answered: %(count)s · average score %(score)s"),
        "quiz_paired_summary": N_("%(count)s people answered before and after: average score %(before)s → "
                                  "%(after)s, change %(change)s points (%(level)s interval: %(low)s to %(high)s); "
                                  "%(improved)s improved."),
        "quiz_paired_few": N_("%(count)s people answered before and after: too few for an interval."),
        "quiz_unpaired": N_("Not matched: %(before)s before, %(after)s after; codes given by more than one "
                            "person: %(duplicates)s."),
        "quiz_question": N_("Question"),
        "quiz_right_before": N_("Right before (%)"),
        "quiz_right_after": N_("Right after (%)"),
        "quiz_right_now": N_("Right answers (%)"),
        "quiz_chart_title": N_("Share of right answers per question (%)"),
        "quiz_options_title": N_("How many chose each option"),
        "quiz_option": N_("Option"),
        "quiz_chosen": N_("Chosen by"),
    }
    config_fields = (
        ConfigField("questions", "text", "config_quiz_questions", hint="config_quiz_questions_hint", rows=12),
        ConfigField("pre_test_id", "activity", "config_quiz_pre_test", hint="config_quiz_pre_test_hint",
                    optional=True),
        ConfigField("pairing", "choice", "config_quiz_pairing", default="phone", choices=PAIRINGS),
        ConfigField("show_answers", "boolean", "config_quiz_show_answers", default=False),
    )
    example_config = {"questions": EXAMPLE_QUESTIONS}

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        config = super().validate_config(raw, context) | {
            "show_answers": bool_field(raw, "show_answers", False)}
        pre_test_id = raw.get("pre_test_id")
        if pre_test_id is not None:  # a post-test: the pre-test's questions and pairing, asked again
            known = type(pre_test_id) is int and 0 < pre_test_id < 2**31  # an id the database can hold
            pre_test = context.config_of_activity(pre_test_id) if known else None
            if pre_test is None or context.type_of_activity(pre_test_id) != self.name or "pre_test_id" in pre_test:
                raise DomainError("quiz_unknown_pre_test")
            return config | {"moment": "apres", "pre_test_id": pre_test_id, "questions": pre_test["questions"],
                             "pairing": pre_test["pairing"]}
        questions = raw.get("questions")
        if isinstance(questions, str):  # the console's box
            questions = parse_questions_text(questions)
        pairing = raw.get("pairing", "phone")
        if pairing not in PAIRINGS:
            raise DomainError("invalid_config", field="pairing", expected="|".join(PAIRINGS))
        return config | {"moment": "avant", "questions": checked_questions(questions), "pairing": pairing}

    def public_config(self, config: Mapping[str, Any]) -> dict[str, Any]:
        return dict(config) | {"questions": public_questions(config["questions"],
                                                             with_answers=bool(config.get("show_answers")))}

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """One point per option ticked, on its question; the code (``code:<code>``) is read by ``parse_ballot``."""
        widest = max(len(question["options"]) for question in config["questions"])
        return BallotRules(points=(1, 1), criteria=tuple(f"{OPTION_PREFIX}{index}" for index in range(widest)),
                           positions=len(config["questions"]), out_of_range="over_item_limit")

    def parse_ballot(self, config: Mapping[str, Any], raw: object) -> list[Allocation]:
        """The wire ballot read strictly by the quiz's own rules (domain/quiz.py), its pairing code included."""
        parse_allocations(raw)  # list of objects with only target_id, points, criterion; whole numbers
        assert isinstance(raw, list)
        allocations: list[Allocation] = []
        seen: set[tuple[int, str]] = set()
        for item in raw:
            criterion = item.get("criterion", "")
            if not isinstance(criterion, str) or len(criterion) > MAX_CRITERION_LENGTH:
                raise DomainError("unknown_criterion", criterion=str(criterion)[:MAX_CRITERION_LENGTH])
            if (item["target_id"], criterion) in seen:
                raise DomainError("duplicate_target", target_id=item["target_id"])
            seen.add((item["target_id"], criterion))
            if item["points"]:  # 0: not given
                allocations.append(Allocation(item["target_id"], item["points"], criterion))
        read_ballot(config["questions"], allocations, pairing=config["pairing"])
        return allocations

    def stored_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation]
                      ) -> tuple[list[Allocation], int]:
        """A stored ballot the rules no longer take (questions edited since) counts as not answered, whole: half a
        quiz's answers would score the person on questions they did not see."""
        try:
            read_ballot(config["questions"], allocations, pairing=config["pairing"])
        except DomainError:
            return [], len(allocations)
        return list(allocations), 0

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation],
                     targets: frozenset[int]) -> None:
        read_ballot(config["questions"], allocations, pairing=config["pairing"])

    def linked_activity_id(self, config: Mapping[str, Any]) -> int | None:
        return config.get("pre_test_id")

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        questions, pairing = config["questions"], config["pairing"]
        now = _answered(questions, data.ballots, data.ballot_keys, pairing)
        linked: LinkedInput | None = data.linked
        if config.get("moment") != "apres" or linked is None:
            return {"moment": config.get("moment", "avant")} | quiz_results(questions, now, pairing=pairing)
        # The pre-test's ballots are read with its own questions: were they edited after the copy, nothing pairs.
        same = linked.config.get("questions") == questions
        before = _answered(questions, linked.ballots, linked.ballot_keys, pairing) if same else []
        return {"moment": "apres", "same_questions": same} | quiz_results(questions, now, pairing=pairing,
                                                                          before=before)

    def criterion_label(self, criterion: str, words: Words) -> str:
        """A vote's option by its number; the pairing code never leaves the room's results."""
        if criterion.startswith(OPTION_PREFIX):
            return f"{words['option']} {int(criterion[len(OPTION_PREFIX):]) + 1}"
        return "" if criterion.startswith(CODE_PREFIX) else criterion

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        questions = results["questions"]
        numbers = tuple(f"Q{index + 1}" for index in range(len(questions)))
        paired = results.get("paired")
        if paired is None:
            summary = words["quiz_summary"] % {"count": results["respondents"],
                                               "score": _percent(results["mean_score"], words)}
            return ResultSection(
                responses=results["respondents"], summary=summary,
                chart=Chart("bar", words["quiz_chart_title"], numbers,
                            (Series(words["quiz_right_now"], tuple(float(q["now"]["percent"] or 0) for q in questions)),),
                            number_format="0.0"),
                table=Table((words["quiz_question"], words["answers"], words["quiz_right_now"]),
                            tuple((f"{number}. {q['text']}", str(q["now"]["answered"]), _percent(q["now"]["percent"], words))
                                  for number, q in zip(numbers, questions)), numeric_columns=(1, 2)))
        return ResultSection(
            responses=results["respondents"], summary=paired_summary(results, words),
            chart=before_after_chart(results, words),
            table=Table((words["quiz_question"], words["quiz_right_before"], words["quiz_right_after"]),
                        tuple((f"{number}. {q['text']}", _percent(q["before"]["percent"], words),
                               _percent(q["now"]["percent"], words)) for number, q in zip(numbers, questions)),
                        numeric_columns=(1, 2)))


def _percent(value: float | None, words: Words) -> str:
    return "–" if value is None else f"{words.number(float(value))} %"


def before_after_chart(results: Mapping[str, Any], words: Words) -> Chart:
    """A post-test's share right per question, before and after: the report's before/after figure."""
    questions = results["questions"]
    return Chart("bar", words["quiz_chart_title"], tuple(f"Q{index + 1}" for index in range(len(questions))),
                 (Series(words["quiz_before"], tuple(float(q["before"]["percent"] or 0) for q in questions)),
                  Series(words["quiz_after"], tuple(float(q["now"]["percent"] or 0) for q in questions))),
                 number_format="0.0")


def paired_summary(results: Mapping[str, Any], words: Words) -> str:
    """One sentence: who was seen twice, the average scores, the change with its interval, who improved."""
    paired = results["paired"]
    if paired["interval"] is None:
        sentence = words["quiz_paired_few"] % {"count": paired["n"]}
    else:
        sentence = words["quiz_paired_summary"] % {
            "count": paired["n"], "before": _percent(paired["before_mean"], words),
            "after": _percent(paired["after_mean"], words), "change": _signed(paired["mean_change"], words),
            "low": _signed(paired["interval"][0], words), "high": _signed(paired["interval"][1], words),
            "improved": _percent(paired["improved_percent"], words), "level": f"{words.number(95)} %"}
    unpaired = results["unpaired"]
    return f"{sentence} " + words["quiz_unpaired"] % {"before": unpaired["before"], "after": unpaired["after"],
                                                      "duplicates": unpaired["duplicate_codes"]}


def _signed(value: float, words: Words) -> str:
    return ("+" if value > 0 else "") + words.number(float(value))
