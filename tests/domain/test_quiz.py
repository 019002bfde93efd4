"""The quiz's questions, its strict ballot, scores and before/after results with plain values."""
from __future__ import annotations

import pytest

from workshop.domain.ballots import Allocation
from workshop.domain.errors import DomainError
from workshop.domain.quiz import (Answered, QuizBallot, checked_questions, public_questions, quiz_results,
                                  read_ballot, score)

QUESTIONS = checked_questions([
    {"text": "Qui approuve les comptes annuels ?", "options": ["Le bureau", "L'assemblée générale", "Le trésorier"],
     "correct": [1]},
    {"text": "Quelles pièces justifient une dépense ?", "options": ["Une facture", "Un reçu", "Une promesse"],
     "correct": [1, 0]},
])


def option(question: int, index: int) -> Allocation:
    return Allocation(question, 1, f"option:{index}")


def refused(allocations: list[Allocation], pairing: str = "phone") -> str:
    with pytest.raises(DomainError) as error:
        read_ballot(QUESTIONS, allocations, pairing=pairing)
    return error.value.code


def test_questions_are_cleaned_and_their_correct_options_sorted() -> None:
    assert QUESTIONS[1]["correct"] == [0, 1]
    assert checked_questions([{"text": "  Deux  espaces ", "options": ["a", "b"], "correct": [0]}])[0]["text"] == \
        "Deux espaces"


@pytest.mark.parametrize("raw, code", [
    ([], "config_out_of_range"),
    ([{"text": "Q", "options": ["a"], "correct": [0]}], "config_out_of_range"),
    ([{"text": "Q", "options": ["a", "b"], "correct": []}], "quiz_no_correct_option"),
    ([{"text": "Q", "options": ["a", "b"], "correct": [2]}], "quiz_no_correct_option"),
    ([{"text": "Q", "options": ["a", "b"], "correct": [True]}], "quiz_no_correct_option"),
    ([{"text": "Q", "options": ["a", "b"], "correct": [0, 0]}], "quiz_no_correct_option"),
    ([{"text": "Q", "options": ["a", "a"], "correct": [0]}], "invalid_config"),
    ([{"text": "Q", "options": ["a", "b"], "correct": [0], "hint": "x"}], "invalid_config"),
    ([{"text": "", "options": ["a", "b"], "correct": [0]}], "text_empty"),
    ("Q", "config_out_of_range"),
])
def test_a_question_without_options_or_a_correct_one_is_refused(raw: object, code: str) -> None:
    with pytest.raises(DomainError) as error:
        checked_questions(raw)
    assert error.value.code == code


def test_phones_get_the_correct_options_only_when_the_quiz_shows_them() -> None:
    hidden = public_questions(QUESTIONS, with_answers=False)
    assert hidden[1] == {"text": QUESTIONS[1]["text"], "options": QUESTIONS[1]["options"], "multiple": True}
    assert public_questions(QUESTIONS, with_answers=True)[0]["correct"] == [1]


def test_a_ballot_reads_as_options_chosen_per_question() -> None:
    ballot = read_ballot(QUESTIONS, [option(0, 1), option(1, 0), option(1, 1)], pairing="phone")
    assert ballot == QuizBallot({0: frozenset({1}), 1: frozenset({0, 1})}, None)
    assert score(QUESTIONS, ballot) == 100.0
    assert score(QUESTIONS, read_ballot(QUESTIONS, [option(1, 0)], pairing="phone")) == 0.0  # half right is wrong


def test_the_ballot_is_read_strictly() -> None:
    assert refused([option(2, 0)]) == "unknown_target"  # no third question
    assert refused([option(0, 3)]) == "unknown_target"  # no fourth option
    assert refused([Allocation(0, 1, "option:x")]) == "unknown_target"
    assert refused([Allocation(0, 1, "option:١")]) == "unknown_target"  # digits are ASCII
    assert refused([Allocation(0, 1, "")]) == "unknown_target"
    assert refused([Allocation(0, 1, "impact")]) == "unknown_target"
    assert refused([Allocation(0, 2, "option:1")]) == "over_item_limit"
    assert refused([option(0, 0), option(0, 1)]) == "too_many_choices"  # one correct option: one choice
    assert refused([Allocation(0, 1, "code:FA07")]) == "unknown_target"  # this quiz pairs by phone


def test_a_quiz_paired_by_code_needs_one_valid_code() -> None:
    ballot = read_ballot(QUESTIONS, [Allocation(0, 1, "code:fa-7"), option(0, 1)], pairing="code")
    assert ballot.code == "FA07"
    assert refused([option(0, 1)], "code") == "pairing_code_missing"
    assert refused([Allocation(0, 1, "code:Fatima"), option(0, 1)], "code") == "invalid_pairing_code"
    assert refused([Allocation(1, 1, "code:FA07"), option(0, 1)], "code") == "unknown_target"
    assert read_ballot(QUESTIONS, [], pairing="code") == QuizBallot({}, None)  # withdrawing answers needs no code


def answered(right: tuple[bool, bool], participant: str | None = None, code: str | None = None) -> Answered:
    chosen = {0: frozenset({1} if right[0] else {0}), 1: frozenset({0, 1} if right[1] else {2})}
    return Answered(QuizBallot(chosen, code), participant)


def test_a_quiz_alone_gives_the_share_right_per_question() -> None:
    results = quiz_results(QUESTIONS, [answered((True, False)), answered((True, True)),
                                       Answered(QuizBallot({}), "empty")], pairing="phone")
    assert results["respondents"] == 2
    assert results["mean_score"] == 75.0
    assert results["questions"][0]["now"] == {"answered": 2, "right": 2, "percent": 100.0, "chosen": [0, 2, 0]}
    assert results["questions"][1]["now"]["percent"] == 50.0
    assert "paired" not in results


def test_after_a_training_answers_pair_by_phone() -> None:
    before = [answered((False, False), "p1"), answered((True, False), "p2"), answered((False, False), "p3"),
              answered((True, True), "gone")]
    after = [answered((True, True), "p1"), answered((True, False), "p2"), answered((True, False), "p3"),
             answered((True, True), "late")]
    results = quiz_results(QUESTIONS, after, pairing="phone", before=before)
    paired = results["paired"]
    assert (paired["n"], paired["before_mean"], paired["after_mean"], paired["mean_change"]) == (3, 16.7, 66.7, 50.0)
    assert (paired["improved"], paired["unchanged"], paired["improved_percent"]) == (2, 1, 66.7)
    low, high = paired["interval"]
    assert low < 50.0 < high
    assert results["unpaired"] == {"before": 1, "after": 1, "duplicate_codes": 0}
    assert results["questions"][0]["before"]["percent"] == 50.0
    assert results["questions"][0]["now"]["percent"] == 100.0
    assert (results["before_mean_score"], results["mean_score"]) == (37.5, 75.0)


def test_on_different_days_answers_pair_by_code_and_a_shared_code_pairs_no_one() -> None:
    before = [answered((False, False), "day1-a", "FA07"), answered((False, True), "day1-b", "MO03"),
              answered((False, False), "day1-c", "ZA11"), answered((True, False), "day1-d", "ZA11")]
    after = [answered((True, True), "day2-a", "FA07"), answered((True, True), "day2-b", "MO03"),
             answered((True, True), "day2-c", "ZA11")]
    results = quiz_results(QUESTIONS, after, pairing="code", before=before)
    assert results["paired"]["n"] == 2
    assert results["paired"]["mean_change"] == 75.0
    assert results["unpaired"] == {"before": 2, "after": 1, "duplicate_codes": 2}
    # By phone, none of these would pair: the phones differ between the days.
    assert quiz_results(QUESTIONS, after, pairing="phone", before=before)["paired"]["n"] == 0
