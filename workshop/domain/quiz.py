"""The knowledge quiz of a training: its questions, the ballot a phone sends, scores, and before/after results.

A question has 2–8 options and one or more correct ones; an answer is right when the options chosen are exactly
the correct ones (no partial credit: « cochez toutes les bonnes réponses » is the rule trainers state). A
person's score is the share of all the quiz's questions they got right, in percent, so a question left blank
counts as not known.

The ballot (one allocation per chosen option, plus the pairing code when the quiz pairs by code) is read
strictly: an allocation is ``option:<k>`` on question ``target_id`` with 1 point, or ``code:<code>`` on target 0;
nothing else passes.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .ballots import Allocation
from .errors import DomainError
from .pairing import PairedChange, paired_change, pairing_code, unique_by_key
from .text import checked_text

MAX_QUESTIONS = 30
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_QUESTION_LENGTH = 300
MAX_OPTION_LENGTH = 160
MOMENTS = ("avant", "apres")  # before the training, after it
PAIRINGS = ("phone", "code")  # the same phone in the room, or the person's own anonymous code
OPTION_PREFIX = "option:"
CODE_PREFIX = "code:"


def checked_questions(raw: object) -> list[dict[str, Any]]:
    """``[{"text", "options": [...], "correct": [indices]}]``, cleaned; refuses with ``invalid_config``."""
    if not isinstance(raw, list) or not 1 <= len(raw) <= MAX_QUESTIONS:
        raise DomainError("config_out_of_range", field="questions", minimum=1, maximum=MAX_QUESTIONS)
    questions = []
    for question in raw:
        if not isinstance(question, Mapping) or set(question) - {"text", "options", "correct"}:
            raise DomainError("invalid_config", field="questions", expected="text, options, correct")
        options = question.get("options")
        if not isinstance(options, list) or not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
            raise DomainError("config_out_of_range", field="options", minimum=MIN_OPTIONS, maximum=MAX_OPTIONS)
        clean_options = [checked_text(option, max_length=MAX_OPTION_LENGTH, field="options") for option in options]
        if len(set(clean_options)) != len(clean_options):
            raise DomainError("invalid_config", field="options", expected="different options")
        correct = question.get("correct")
        if (not isinstance(correct, list) or not correct
                or any(type(index) is not int or not 0 <= index < len(options) for index in correct)
                or len(set(correct)) != len(correct)):
            raise DomainError("quiz_no_correct_option")
        questions.append({"text": checked_text(question.get("text"), max_length=MAX_QUESTION_LENGTH, field="question"),
                          "options": clean_options, "correct": sorted(correct)})
    return questions


def parse_questions_text(text: str) -> list[dict[str, Any]]:
    """The console's box as questions: one block per question, separated by a blank line; its first line is the
    question, each other line an option, the correct ones starting with ``*`` (a leading ``-`` is dropped).

    Checked by ``checked_questions`` afterwards, like a list sent as it is.
    """
    questions = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        options, correct = [], []
        for line in lines[1:]:
            if line.startswith("*"):
                correct.append(len(options))
            options.append(line.lstrip("*-").strip())
        questions.append({"text": lines[0], "options": options, "correct": correct})
    return questions


def questions_text(questions: Sequence[Mapping[str, Any]]) -> str:
    """The questions written back in the console's box format (``parse_questions_text`` reads it again)."""
    return "\n\n".join("\n".join([question["text"], *(("* " if index in question["correct"] else "- ") + option
                                                      for index, option in enumerate(question["options"]))])
                       for question in questions)


def public_questions(questions: Sequence[Mapping[str, Any]], *, with_answers: bool) -> list[dict[str, Any]]:
    """The questions as phones get them: whether several options may be chosen, the correct ones only if shown."""
    return [{"text": question["text"], "options": list(question["options"]),
             "multiple": len(question["correct"]) > 1}
            | ({"correct": list(question["correct"])} if with_answers else {}) for question in questions]


@dataclass(frozen=True)
class QuizBallot:
    """One person's answers: the options chosen per question, and the code they gave (canonical), if any."""

    chosen: Mapping[int, frozenset[int]]
    code: str | None = None


def read_ballot(questions: Sequence[Mapping[str, Any]], allocations: Sequence[Allocation], *, pairing: str
                ) -> QuizBallot:
    """The ballot's answers, refusing anything the quiz does not ask (``DomainError``, nothing kept)."""
    chosen: dict[int, set[int]] = {}
    code: str | None = None
    for allocation in allocations:
        criterion = allocation.criterion
        if allocation.points != 1:
            raise DomainError("over_item_limit", target_id=allocation.target_id, max_per_item=1)
        if criterion.startswith(CODE_PREFIX):
            if pairing != "code" or allocation.target_id != 0 or code is not None:
                raise DomainError("unknown_target", target_id=allocation.target_id)
            code = pairing_code(criterion[len(CODE_PREFIX):])
            continue
        option_text = criterion[len(OPTION_PREFIX):] if criterion.startswith(OPTION_PREFIX) else ""
        if not 0 <= allocation.target_id < len(questions) or not option_text.isdigit() or not option_text.isascii():
            raise DomainError("unknown_target", target_id=allocation.target_id)
        question = questions[allocation.target_id]
        option = int(option_text)
        if option >= len(question["options"]):
            raise DomainError("unknown_target", target_id=allocation.target_id)
        chosen.setdefault(allocation.target_id, set()).add(option)
        if len(question["correct"]) == 1 and len(chosen[allocation.target_id]) > 1:
            raise DomainError("too_many_choices", maximum=1)
    if pairing == "code" and chosen and code is None:
        raise DomainError("pairing_code_missing")
    return QuizBallot({question: frozenset(options) for question, options in chosen.items()}, code)


def is_right(question: Mapping[str, Any], chosen: frozenset[int] | None) -> bool:
    return chosen is not None and chosen == frozenset(question["correct"])


def score(questions: Sequence[Mapping[str, Any]], ballot: QuizBallot) -> float:
    """Percent of the quiz's questions answered right."""
    right = sum(1 for index, question in enumerate(questions) if is_right(question, ballot.chosen.get(index)))
    return 100.0 * right / len(questions)


@dataclass(frozen=True)
class Answered:
    """One ballot of one moment and who gave it: the phone's opaque key in the room (None when unknown)."""

    ballot: QuizBallot
    participant: str | None = None


def _question_rows(questions: Sequence[Mapping[str, Any]], ballots: Sequence[QuizBallot]) -> list[dict[str, Any]]:
    rows = []
    for index, question in enumerate(questions):
        answers = [ballot.chosen[index] for ballot in ballots if ballot.chosen.get(index)]
        right = sum(1 for chosen in answers if is_right(question, chosen))
        rows.append({"answered": len(answers), "right": right,
                     "percent": round(100 * right / len(answers), 1) if answers else None,
                     "chosen": [sum(1 for chosen in answers if option in chosen)
                                for option in range(len(question["options"]))]})
    return rows


def _rounded(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _paired_view(change: PairedChange) -> dict[str, Any]:
    # A score moves by at most 100 points either way: the t interval of a few people can reach past that, and
    # is printed within what a change can be.
    interval = change.interval and (max(-100.0, change.interval[0]), min(100.0, change.interval[1]))
    return {"n": change.n, "before_mean": _rounded(change.before_mean), "after_mean": _rounded(change.after_mean),
            "mean_change": _rounded(change.mean_change),
            "interval": [round(interval[0], 1), round(interval[1], 1)] if interval else None,
            "improved": change.improved, "unchanged": change.unchanged, "worsened": change.worsened,
            "improved_percent": _rounded(None if change.improved_share is None else 100 * change.improved_share)}


def quiz_results(questions: Sequence[Mapping[str, Any]], answered: Iterable[Answered], *, pairing: str,
                 before: Iterable[Answered] | None = None) -> dict[str, Any]:
    """Per question the share right (``now``; after a training, ``before`` too); with ``before``, the paired change
    of the scores, who improved, and how many answers could not be paired (no match, or a code given twice)."""
    now = [entry for entry in answered if entry.ballot.chosen]
    results: dict[str, Any] = {
        "respondents": len(now),
        "mean_score": _rounded(sum(score(questions, e.ballot) for e in now) / len(now)) if now else None,
        "questions": [{"text": question["text"], "options": list(question["options"]),
                       "correct": list(question["correct"]), "now": row}
                      for question, row in zip(questions, _question_rows(questions, [e.ballot for e in now]))],
    }
    if before is None:
        return results
    earlier = [entry for entry in before if entry.ballot.chosen]
    for question, row in zip(results["questions"], _question_rows(questions, [e.ballot for e in earlier])):
        question["before"] = row

    def key(entry: Answered) -> str | None:
        return entry.ballot.code if pairing == "code" else entry.participant

    keyed_before = unique_by_key((key(entry), score(questions, entry.ballot)) for entry in earlier)
    keyed_after = unique_by_key((key(entry), score(questions, entry.ballot)) for entry in now)
    change = paired_change(keyed_before.by_key, keyed_after.by_key)
    results |= {
        "before_respondents": len(earlier),
        "before_mean_score": _rounded(sum(score(questions, e.ballot) for e in earlier) / len(earlier))
        if earlier else None,
        "paired": _paired_view(change),
        "unpaired": {"before": len(earlier) - change.n, "after": len(now) - change.n,
                     "duplicate_codes": keyed_before.ambiguous + keyed_after.ambiguous},
    }
    return results
