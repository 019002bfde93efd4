"""The quiz type with plain values: its config (the console's box, the post-test's copy), ballots, results."""
from __future__ import annotations

import pytest

from workshop.activities import REGISTRY, ConfigContext, LinkedInput, ResultInput
from workshop.domain.ballots import Allocation
from workshop.domain.errors import DomainError
from workshop.domain.quiz import parse_questions_text, questions_text
from workshop.services.reports import report_words

QUIZ = REGISTRY["quiz"]
BOX = """Qui approuve les comptes annuels ?
- Le bureau
* L'assemblée générale
- Le trésorier

Quelles pièces justifient une dépense ?
* Une facture
* Un reçu
- Une promesse
"""


def context(siblings: dict[int, tuple[str, dict]] | None = None) -> ConfigContext:
    siblings = siblings or {}
    return ConfigContext(type_of_activity=lambda id_: siblings[id_][0] if id_ in siblings else None,
                         prompt="Quiz", config_of_activity=lambda id_: siblings[id_][1] if id_ in siblings else None)


PRE = QUIZ.validate_config({"questions": BOX, "pairing": "code"}, context())


def test_the_consoles_box_becomes_questions_with_their_correct_options() -> None:
    assert PRE["moment"] == "avant"
    assert PRE["questions"][0] == {"text": "Qui approuve les comptes annuels ?",
                                   "options": ["Le bureau", "L'assemblée générale", "Le trésorier"], "correct": [1]}
    assert PRE["questions"][1]["correct"] == [0, 1]
    assert (PRE["pairing"], PRE["show_answers"], PRE["live_results"]) == ("code", False, False)
    assert parse_questions_text(questions_text(PRE["questions"])) == PRE["questions"]


def test_a_post_test_copies_its_pre_tests_questions_and_pairing() -> None:
    post = QUIZ.validate_config({"pre_test_id": 7, "questions": "ignored", "pairing": "phone", "show_answers": True},
                                context({7: ("quiz", PRE)}))
    assert post["moment"] == "apres"
    assert (post["questions"], post["pairing"], post["show_answers"]) == (PRE["questions"], "code", True)
    assert QUIZ.linked_activity_id(post) == 7 and QUIZ.linked_activity_id(PRE) is None


@pytest.mark.parametrize("siblings, pre_test_id", [
    ({}, 7), ({7: ("poll", {"options": ["a", "b"]})}, 7), ({7: ("quiz", PRE)}, "7"), ({7: ("quiz", PRE)}, True),
])
def test_a_post_test_needs_a_pre_test_quiz_of_the_room(siblings: dict, pre_test_id: object) -> None:
    with pytest.raises(DomainError) as refused:
        QUIZ.validate_config({"pre_test_id": pre_test_id}, context(siblings))
    assert refused.value.code == "quiz_unknown_pre_test"


def test_a_post_test_of_a_post_test_is_refused() -> None:
    post = QUIZ.validate_config({"pre_test_id": 7}, context({7: ("quiz", PRE)}))
    with pytest.raises(DomainError) as refused:
        QUIZ.validate_config({"pre_test_id": 8}, context({7: ("quiz", PRE), 8: ("quiz", post)}))
    assert refused.value.code == "quiz_unknown_pre_test"


@pytest.mark.parametrize("raw, code", [
    ({"questions": "Une question sans options"}, "config_out_of_range"),
    ({"questions": "Q ?\n- a\n- b"}, "quiz_no_correct_option"),
    ({"questions": BOX, "pairing": "name"}, "invalid_config"),
    ({"questions": BOX, "show_answers": "yes"}, "invalid_config"),
    ({}, "config_out_of_range"),
])
def test_bad_settings_are_refused(raw: dict, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        QUIZ.validate_config(raw, context())
    assert refused.value.code == code


def test_phones_see_the_correct_options_only_when_the_quiz_shows_them() -> None:
    hidden = QUIZ.public_config(PRE)
    assert all("correct" not in question for question in hidden["questions"])
    assert [question["multiple"] for question in hidden["questions"]] == [False, True]
    shown = QUIZ.public_config(PRE | {"show_answers": True})
    assert shown["questions"][1]["correct"] == [0, 1]
    assert PRE["questions"][0]["correct"] == [1]  # the stored config keeps them


def test_the_ballot_is_checked_against_the_config() -> None:
    QUIZ.check_ballot(PRE, [Allocation(0, 1, "code:FA07"), Allocation(0, 1, "option:1")], frozenset())
    for ballot, code in (([Allocation(0, 1, "option:1")], "pairing_code_missing"),
                         ([Allocation(0, 1, "code:FA07"), Allocation(5, 1, "option:0")], "unknown_target"),
                         ([Allocation(0, 1, "code:FA07"), Allocation(0, 1, "option:0"), Allocation(0, 1, "option:1")],
                          "too_many_choices")):
        with pytest.raises(DomainError) as refused:
            QUIZ.check_ballot(PRE, ballot, frozenset())
        assert refused.value.code == code


def ballot(code: str, first: int, second: tuple[int, ...]) -> list[Allocation]:
    return [Allocation(0, 1, f"code:{code}"), Allocation(0, 1, f"option:{first}"),
            *(Allocation(1, 1, f"option:{index}") for index in second)]


def test_the_post_test_pairs_with_its_pre_tests_ballots_and_reports_them() -> None:
    post = QUIZ.validate_config({"pre_test_id": 7}, context({7: ("quiz", PRE)}))
    before = LinkedInput(PRE, [ballot("FA07", 0, (2,)), ballot("MO03", 1, (0,)), ballot("ZA11", 0, (0, 1))],
                         ["p1", "p2", "p3"])
    after = [ballot("fa 7", 1, (0, 1)), ballot("MO03", 1, (0, 1)), ballot("ZA11", 1, (0, 1))]
    results = QUIZ.results(post, ResultInput(ideas=[], targets=[], ballots=after, ballot_keys=["q1", "q2", "q3"],
                                             linked=before))
    assert results["same_questions"] is True
    assert results["paired"]["n"] == 3
    assert (results["paired"]["before_mean"], results["paired"]["after_mean"]) == (33.3, 100.0)
    assert results["paired"]["improved"] == 3
    assert [question["before"]["percent"] for question in results["questions"]] == [33.3, 33.3]
    assert [question["now"]["percent"] for question in results["questions"]] == [100.0, 100.0]

    words = report_words(lambda text: text, "fr")
    section = QUIZ.report_section(results, post, words)
    assert section.responses == 3
    assert "3 people answered before and after" in section.summary and "+66,7" in section.summary
    assert [series.values for series in section.chart.series] == [(33.3, 33.3), (100.0, 100.0)]
    assert section.table.rows[0] == ("Q1. Qui approuve les comptes annuels ?", "33,3 %", "100,0 %")
    assert QUIZ.criterion_label("option:2", words) == f"{words['option']} 3"
    assert QUIZ.criterion_label("code:FA07", words) == ""  # the code stays out of the data exports


def test_a_pre_test_edited_after_its_copy_pairs_nothing() -> None:
    post = QUIZ.validate_config({"pre_test_id": 7}, context({7: ("quiz", PRE)}))
    edited = PRE | {"questions": PRE["questions"][:1]}
    results = QUIZ.results(post, ResultInput(ideas=[], targets=[], ballots=[ballot("FA07", 1, (0, 1))],
                                             linked=LinkedInput(edited, [ballot("FA07", 0, (2,))])))
    assert results["same_questions"] is False
    assert results["paired"]["n"] == 0
