"""The self-assessment's rules with plain values: item and domain scores, consensus, spread, gaps, priorities,
shared and specific needs, the proposed plan, change between rounds, and the questionnaire's edits."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop.domain.capacities import (DomainScore, change, domain_scores, item_score, parse_level, proposed_plan,
                                        shared_needs, specific_needs, spread_of, strengths_and_gaps)
from workshop.domain.capacities_template import (add_item, checked_template, items_of, remove_item, reword_item,
                                                 set_domain)
from workshop.domain.errors import DomainError

DEFAULT = Path(__file__).resolve().parents[2] / "workshop" / "data" / "oca_template.json"
LEVELS = {str(level): {"fr": f"niveau {level}"} for level in (1, 2, 3, 4)}


def template(*domains: tuple[str, int, int, int]) -> dict:  # type: ignore[type-arg]
    """(key, items, target, importance) per domain; items are keyed <domain>_<n>."""
    return checked_template({"domains": [
        {"key": key, "labels": {"fr": key}, "target": target, "importance": importance,
         "items": [{"key": f"{key}_{n}", "labels": {"fr": f"{key} {n}"}, "levels": LEVELS} for n in range(1, count + 1)]}
        for key, count, target, importance in domains]})


def test_levels_parse_from_forms_and_phones() -> None:
    assert [parse_level(raw) for raw in ("1", 4, " NA ", "3")] == [1, 4, None, 3]
    for wrong in ("5", 0, "", True, "deux", None):
        with pytest.raises(DomainError) as refused:
            parse_level(wrong)
        assert refused.value.code == "invalid_level"


def test_an_item_scores_its_consensus_else_the_mean_without_na() -> None:
    assert item_score([1, 2, None, 4]) == pytest.approx(7 / 3)
    assert item_score([None, None]) is None
    assert item_score([1, 2, 4], consensus=3) == 3.0
    assert item_score([1, 2, 4], consensus=None) is None  # agreed « non applicable »


def test_spread_shows_what_the_consensus_step_must_discuss() -> None:
    spread = spread_of([1, 3, 3, None])
    assert spread.counts == {1: 1, 2: 0, 3: 2, 4: 0} and spread.not_applicable == 1
    assert (spread.lowest, spread.highest, spread.width, spread.to_discuss) == (1, 3, 2, True)
    assert not spread_of([2, 3]).to_discuss
    assert spread_of([None]).width == 0 and spread_of([None]).mean is None


def test_domain_scores_gaps_and_priorities() -> None:
    questionnaire = template(("gouvernance", 3, 3, 3), ("finances", 2, 4, 2), ("protection", 1, 3, 1))
    answers = {"gouvernance_1": [1, 2], "gouvernance_2": [2, None], "gouvernance_3": [None],
               "finances_1": [4, 4], "finances_2": [3]}
    scores = {score.key: score for score in domain_scores(questionnaire, answers, {"gouvernance_2": 4})}
    governance = scores["gouvernance"]
    assert governance.score == pytest.approx((1.5 + 4) / 2) and governance.items_answered == 2
    assert governance.gap == pytest.approx(3 - 2.75) and governance.priority == pytest.approx(0.75)
    assert not governance.is_need  # a quarter of a level is within noise
    assert scores["finances"].gap == pytest.approx(0.5) and scores["finances"].priority == pytest.approx(1.0)
    assert scores["finances"].is_need
    assert scores["protection"].score is None and scores["protection"].gap is None
    assert scores["protection"].priority is None and scores["protection"].items_answered == 0


def test_needs_most_organisations_share_go_to_group_training() -> None:
    order = ["gouvernance", "finances", "protection", "partenariats"]
    needs = {"opm1": ["gouvernance", "finances"], "opm2": ["finances", "protection"], "opm3": ["finances"],
             "opm4": ["gouvernance", "protection", "partenariats"], "opm5": ["gouvernance"]}
    shared = shared_needs(needs, order)
    assert shared == ["gouvernance", "finances"]  # 3 of 5 each; protection 2 of 5 is not « most »
    assert specific_needs(needs, shared) == {"opm1": [], "opm2": ["protection"], "opm3": [],
                                             "opm4": ["protection", "partenariats"], "opm5": []}
    assert shared_needs({"seule": ["gouvernance"]}, order) == []  # one organisation shares nothing


def test_strengths_gaps_change_and_the_proposed_plan() -> None:
    first = [DomainScore("gouvernance", 1.5, 3, 3, 3), DomainScore("finances", 3.5, 2, 3, 2),
             DomainScore("protection", 2.0, 1, 3, 1)]
    second = [DomainScore("gouvernance", 2.0, 3, 3, 3), DomainScore("finances", 2.0, 2, 3, 2),
              DomainScore("protection", 3.0, 1, 3, 1)]
    assert strengths_and_gaps(first) == (["finances"], ["gouvernance", "protection"])
    assert change(1.5, 2.25) == 0.75 and change(None, 2.0) is None
    plan = proposed_plan({"opm1": first, "opm2": second}, ["gouvernance", "finances", "protection"])
    assert [(action.domain, action.organisation, action.modality) for action in plan] == [
        ("gouvernance", None, "atelier_collectif"), ("protection", "opm1", "accompagnement"),
        ("finances", "opm2", "accompagnement")]
    assert plan[0].priority == pytest.approx((4.5 + 3.0) / 2) and plan[0].target == 3


def test_the_default_questionnaire_has_ten_domains_of_three_to_five_items_in_three_languages() -> None:
    default = checked_template(json.loads(DEFAULT.read_text(encoding="utf-8")))
    assert len(default["domains"]) == 10
    assert all(3 <= len(domain["items"]) <= 5 for domain in default["domains"])
    for item in items_of(default):
        assert all(item["labels"][language] for language in ("fr", "ar", "en"))
        assert all(item["levels"][level][language] for level in "1234" for language in ("fr", "ar", "en"))


def test_edits_keep_item_keys_and_refuse_what_breaks_the_questionnaire() -> None:
    questionnaire = template(("gouvernance", 2, 3, 2), ("finances", 1, 3, 2))
    edited = add_item(questionnaire, "gouvernance", labels={"fr": "Nouvel item"}, levels=LEVELS)
    assert [item["key"] for item in edited["domains"][0]["items"]] == ["gouvernance_1", "gouvernance_2",
                                                                       "gouvernance_3"]
    edited = remove_item(edited, "gouvernance_2")
    edited = add_item(edited, "gouvernance", labels={"fr": "Encore"}, levels=LEVELS)
    assert [item["key"] for item in edited["domains"][0]["items"]] == ["gouvernance_1", "gouvernance_3",
                                                                       "gouvernance_4"]
    edited = reword_item(edited, "gouvernance_1", labels={"fr": "Reformulé", "ar": "معاد"})
    assert edited["domains"][0]["items"][0]["labels"] == {"fr": "Reformulé", "ar": "معاد", "en": ""}
    edited = set_domain(edited, "finances", target=4, importance=3)
    assert (edited["domains"][1]["target"], edited["domains"][1]["importance"]) == (4, 3)
    assert questionnaire["domains"][1]["target"] == 3  # edits return a new questionnaire
    for attempt, code in ((lambda: remove_item(edited, "finances_1"), "config_out_of_range"),
                          (lambda: remove_item(edited, "inconnu"), "unknown_questionnaire_item"),
                          (lambda: set_domain(edited, "finances", target=5), "config_out_of_range"),
                          (lambda: set_domain(edited, "nulle_part", importance=1), "unknown_domain"),
                          (lambda: reword_item(edited, "gouvernance_1", labels={"fr": ""}), "text_empty"),
                          (lambda: checked_template({"domains": [edited["domains"][0], edited["domains"][0]]}),
                           "duplicate_key")):
        with pytest.raises(DomainError) as refused:
            attempt()
        assert refused.value.code == code
