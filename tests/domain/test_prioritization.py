import itertools
import math
import random

import pytest

from workshop.domain.errors import DomainError
from workshop.domain.prioritization import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    TIE_BREAK_RULE,
    Agreement,
    GroupItemScore,
    MatrixPosition,
    PointsResult,
    RankedItem,
    Support,
    TieBreak,
    agreement_label,
    borda_points,
    check_placement,
    check_points,
    check_scores,
    default_alternatives,
    item_agreement,
    item_score,
    matrix_positions,
    points_results,
    quadrant,
    rank,
    respondent_count,
    round_for_display,
    scores_by_group,
    sensitivity,
    validate_weights,
    vote_support,
)

ACTIVITY_CRITERIA = ["impact", "faisabilite", "risque"]


def refused(call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as error:
        call(*args, **kwargs)
    return error.value


# --- catalogue -------------------------------------------------------------------------------------

def test_catalogue_order_and_only_risk_is_reversed() -> None:
    assert list(CRITERIA) == ["impact", "faisabilite", "urgence", "opportunite", "valeur_ajoutee", "coalition",
                              "risque", "alignement"]
    assert [criterion for criterion, reversed_ in CRITERIA.items() if reversed_] == ["risque"]
    assert dict(DEFAULT_WEIGHTS) == {criterion: 1 for criterion in CRITERIA}
    with pytest.raises(TypeError):
        CRITERIA["impact"] = True  # type: ignore[index]


# --- weights ---------------------------------------------------------------------------------------

def test_weights_default_to_one_and_follow_criteria_order() -> None:
    checked = validate_weights({"risque": 0, "impact": 2.5}, ACTIVITY_CRITERIA)
    assert checked == {"impact": 2.5, "faisabilite": 1, "risque": 0}
    assert list(checked) == ACTIVITY_CRITERIA
    assert validate_weights({}, ACTIVITY_CRITERIA) == {"impact": 1, "faisabilite": 1, "risque": 1}
    assert validate_weights({"impact": 10, "faisabilite": 0}, ACTIVITY_CRITERIA)["impact"] == 10


@pytest.mark.parametrize("weights", [{"cout": 1}, {"urgence": 1}])
def test_weight_on_a_criterion_outside_the_activity_is_refused(weights: dict) -> None:
    error = refused(validate_weights, weights, ACTIVITY_CRITERIA)
    assert error.code == "unknown_criterion"


def test_activity_criterion_outside_the_catalogue_is_refused() -> None:
    error = refused(validate_weights, {}, ["impact", "cout"])
    assert (error.code, error.params) == ("unknown_criterion", {"criterion": "cout"})


@pytest.mark.parametrize("weight", [-1, -0.1, 10.5, 11, "2", None, True, math.nan, math.inf])
def test_invalid_weights_are_refused(weight: object) -> None:
    error = refused(validate_weights, {"impact": weight}, ACTIVITY_CRITERIA)
    assert error.code == "invalid_weight"
    assert error.params["criterion"] == "impact"


def test_all_zero_weights_are_refused() -> None:
    error = refused(validate_weights, {"impact": 0, "faisabilite": 0, "risque": 0.0}, ACTIVITY_CRITERIA)
    assert error.code == "weights_all_zero"
    # A criterion left out defaults to 1, so this is not all zero.
    assert validate_weights({"impact": 0, "faisabilite": 0}, ACTIVITY_CRITERIA)["risque"] == 1


# --- one participant's scores ----------------------------------------------------------------------

def test_scores_are_checked_reordered_and_may_be_partial() -> None:
    checked = check_scores({"risque": 1, "impact": 5}, ACTIVITY_CRITERIA)
    assert checked == {"impact": 5, "risque": 1}
    assert list(checked) == ["impact", "risque"]
    assert check_scores({}, ACTIVITY_CRITERIA) == {}
    assert check_scores({"impact": None, "faisabilite": 3}, ACTIVITY_CRITERIA) == {"faisabilite": 3}


@pytest.mark.parametrize("score", [0, 6, -1])
def test_score_out_of_range(score: int) -> None:
    error = refused(check_scores, {"faisabilite": score}, ACTIVITY_CRITERIA)
    assert (error.code, error.params) == (
        "score_out_of_range", {"criterion": "faisabilite", "score": score, "minimum": 1, "maximum": 5})


@pytest.mark.parametrize("score", [3.0, "3", True])
def test_score_that_is_not_a_whole_number(score: object) -> None:
    assert refused(check_scores, {"impact": score}, ACTIVITY_CRITERIA).code == "invalid_type"


@pytest.mark.parametrize("criterion", ["cout", "urgence"])
def test_score_on_unknown_criterion(criterion: str) -> None:
    error = refused(check_scores, {criterion: 3}, ACTIVITY_CRITERIA)
    assert (error.code, error.params) == ("unknown_criterion", {"criterion": criterion})


# --- item score ------------------------------------------------------------------------------------

ROOM = [
    {"impact": 5, "faisabilite": 3, "risque": 2},
    {"impact": 4, "faisabilite": 2, "risque": 4},
    {"impact": 3},  # skipped feasibility and risk
]


def test_item_score_by_hand() -> None:
    # impact mean 4 → 3/4; faisabilite mean 2.5 → 1.5/4; risque mean 3 → 6 − 3 = 3 → 2/4.
    # Equal weights, the five unscored criteria left out: (0.75 + 0.375 + 0.5) / 3 × 100 = 54.1666…
    assert item_score(ROOM) == pytest.approx(325 / 6)
    assert round_for_display(item_score(ROOM)) == 54.2
    # impact counts twice: (2 × 0.75 + 0.375 + 0.5) / 4 × 100 = 59.375
    assert item_score(ROOM, {"impact": 2, "faisabilite": 1, "risque": 1}) == 59.375


def test_risk_is_reversed() -> None:
    assert item_score([{"risque": 1}, {"risque": 1}]) == 100.0
    assert item_score([{"risque": 5}]) == 0.0
    assert item_score([{"risque": 2}, {"risque": 3}]) == 62.5  # mean 2.5 → 3.5 → 2.5/4
    # A criterion that is not reversed reads the other way.
    assert item_score([{"impact": 2}, {"impact": 3}]) == 37.5


def test_extreme_items() -> None:
    best = {criterion: 5 for criterion in CRITERIA} | {"risque": 1}
    worst = {criterion: 1 for criterion in CRITERIA} | {"risque": 5}
    assert item_score([best]) == 100.0
    assert item_score([worst]) == 0.0
    assert item_score([best, worst]) == 50.0


def test_each_criterion_is_a_mean_over_those_who_scored_it() -> None:
    # Two people skip urgence; it still counts as its one score, not as three scores with zeros.
    scores = [{"impact": 1, "urgence": 5}, {"impact": 1}, {"impact": 1}]
    assert item_score(scores) == 50.0


def test_no_score_gives_none() -> None:
    assert item_score([]) is None
    assert item_score([{}, {}]) is None
    # Only a criterion weighted 0 was scored, or only one outside the weights: nothing to weigh.
    assert item_score([{"urgence": 4}], {"impact": 1, "urgence": 0}) is None
    assert item_score([{"urgence": 4}], {"impact": 1}) is None


def test_weight_on_unknown_criterion_is_refused_by_the_score() -> None:
    assert refused(item_score, [{"impact": 3}], {"cout": 1}).code == "unknown_criterion"


def test_respondent_count() -> None:
    assert respondent_count([{"impact": 3}, {}, {"risque": 2}]) == 2


@pytest.mark.parametrize(("value", "shown"), [
    (56.25, 56.3),  # round() would say 56.2 (half to even)
    (37.45, 37.5),
    (54.16666666666667, 54.2),
    (59.375, 59.4),
    (0.04, 0.0),
    (100.0, 100.0),
    (None, None),
])
def test_round_for_display(value: float | None, shown: float | None) -> None:
    assert round_for_display(value) == shown


def test_a_score_on_a_half_shows_rounded_up() -> None:
    # impact mean 3.25 → 2.25 / 4 = 56.25 exactly, then 56.3 on screen.
    score = item_score([{"impact": 3}, {"impact": 3}, {"impact": 3}, {"impact": 4}])
    assert (score, round_for_display(score)) == (56.25, 56.3)


# --- agreement -------------------------------------------------------------------------------------

def test_everyone_agreeing_is_a_full_consensus() -> None:
    agreement = item_agreement([{"impact": 4, "risque": 2}] * 3, ["impact", "risque"])
    assert agreement == Agreement({"impact": 0.0, "risque": 0.0}, 100.0, "consensus")


def test_agreement_by_hand() -> None:
    # impact 1 and 5: sd 2 (the largest); risque 3 and 3: sd 0; mean sd 1 → 100 × (1 − 1/2) = 50.
    agreement = item_agreement([{"impact": 1, "risque": 3}, {"impact": 5, "risque": 3}], ["impact", "risque"])
    assert agreement == Agreement({"impact": 2.0, "risque": 0.0}, 50.0, "mixed")
    # impact 2 and 4: sd 1; urgence 3 and 4: sd 0.5; mean 0.75 → 62.5.
    agreement = item_agreement([{"impact": 2, "urgence": 3}, {"impact": 4, "urgence": 4}], ["impact", "urgence"])
    assert (agreement.index, agreement.label) == (62.5, "mixed")
    # A room split between 1 and 5 on everything.
    agreement = item_agreement([{"impact": 1, "alignement": 5}, {"impact": 5, "alignement": 1}] * 2)
    assert (agreement.index, agreement.label) == (0.0, "divided")
    # sd 0.5 exactly → 75, which is already a consensus.
    assert item_agreement([{"impact": 3}, {"impact": 4}]).label == "consensus"


def test_agreement_with_an_odd_split() -> None:
    # 1, 1, 5: mean 7/3, variance (16/9 + 16/9 + 64/9) / 3 = 32/9, sd = √32 / 3 ≈ 1.886.
    agreement = item_agreement([{"impact": 1}, {"impact": 1}, {"impact": 5}], ["impact"])
    assert agreement.sd_by_criterion["impact"] == pytest.approx(math.sqrt(32) / 3)
    assert agreement.index == pytest.approx(100 * (1 - math.sqrt(32) / 6))
    assert agreement.label == "divided"


def test_a_single_score_measures_no_agreement() -> None:
    agreement = item_agreement([{"impact": 4}], ["impact", "risque"])
    assert agreement == Agreement({"impact": None, "risque": None}, None, None)
    # The lone urgence score is left out of the index rather than counted as a perfect agreement.
    agreement = item_agreement([{"impact": 2, "urgence": 5}, {"impact": 4}], ["impact", "urgence"])
    assert agreement == Agreement({"impact": 1.0, "urgence": None}, 50.0, "mixed")


def test_agreement_lists_every_catalogue_criterion_by_default() -> None:
    assert list(item_agreement([]).sd_by_criterion) == list(CRITERIA)


@pytest.mark.parametrize(("index", "label"), [
    (100, "consensus"), (75, "consensus"), (74.96, "consensus"),  # shown as 75.0
    (74.94, "mixed"), (50, "mixed"), (49.96, "mixed"),
    (49.94, "divided"), (0, "divided"), (None, None),
])
def test_agreement_label_thresholds(index: float | None, label: str | None) -> None:
    assert agreement_label(index) == label


def test_vote_support_counts_voters_not_points() -> None:
    ballots = [{1: 2, 2: 1}, {2: 3}, {}, {3: 0}]
    assert vote_support(ballots, [1, 2, 3, 4]) == {
        1: Support(1, 4, 25.0), 2: Support(2, 4, 50.0), 3: Support(0, 4, 0.0), 4: Support(0, 4, 0.0)}
    assert vote_support([], [1]) == {1: Support(0, 0, None)}


# --- ranking ---------------------------------------------------------------------------------------

def test_rank_with_ties_broken_by_votes_then_respondents() -> None:
    scores = {10: 60.0, 11: 75.0, 12: 60.0, 13: None, 14: 60.04, 15: 40.0}
    tie_break = {10: TieBreak(3, 5, 1), 12: TieBreak(3, 6, 2), 14: TieBreak(5, 4, 3), 13: TieBreak(9, 9, 0)}
    ranking = rank(scores, tie_break)
    # 60.04 shows as 60.0: three items tie on screen; 14 has more votes; 12 and 10 equal votes, 12 more respondents.
    assert ranking.entries == (
        RankedItem(11, 75.0, 1, False),
        RankedItem(14, 60.04, 2, True),
        RankedItem(12, 60.0, 3, True),
        RankedItem(10, 60.0, 4, True),
        RankedItem(15, 40.0, 5, False),
        RankedItem(13, None, None, False),  # votes do not lift an item nobody scored
    )
    assert ranking.rule == TIE_BREAK_RULE == "score_then_votes_then_respondents_then_earliest"
    assert ranking.order() == [11, 14, 12, 10, 15, 13]
    assert ranking.top(3) == [11, 14, 12]


def test_rank_last_resort_is_earliest_created_then_unknown() -> None:
    scores = {"b": 50.0, "a": 50.0, "c": 50.0}
    ranking = rank(scores, {"b": TieBreak(1, 2, 7), "c": TieBreak(1, 2, 3)})
    # c before b (created 3 < 7); a has no votes at all.
    assert ranking.order() == ["c", "b", "a"]
    assert rank({"b": 50.0, "a": 50.0}).order() == ["a", "b"]  # nothing known: the id keeps it deterministic


def test_rank_top_skips_unscored_items() -> None:
    ranking = rank({1: None, 2: 10.0})
    assert ranking.top(3) == [2]
    assert [entry.rank for entry in ranking.entries] == [1, None]
    assert rank({}).entries == ()


def test_rank_does_not_depend_on_input_order() -> None:
    scores = {1: 30.0, 2: 30.0, 3: 80.0, 4: None, 5: 55.5, 6: 30.0}
    tie_break = {1: TieBreak(2, 3, 1), 2: TieBreak(2, 3, 2), 6: TieBreak(4, 1, 3)}
    expected = rank(scores, tie_break)
    for permutation in itertools.permutations(scores):
        assert rank({item: scores[item] for item in permutation}, tie_break) == expected
    assert expected.order() == [3, 5, 6, 1, 2, 4]


# --- groups ----------------------------------------------------------------------------------------

GROUP_SCORES = {
    "A": {"p1": {"impact": 5}, "p2": {"impact": 4}, "p3": {"impact": 3}, "p4": {"impact": 1}, "p5": {}},
    "B": {"p1": {"impact": 2}, "p4": {"impact": 5}, "p5": {"impact": 3}},
}
GROUP_OF = {"p1": "opm", "p2": "opm", "p3": "opm", "p4": "association"}  # p5 gave no organisation type


def test_scores_by_group_by_hand() -> None:
    association, opm, unknown = scores_by_group(GROUP_SCORES, GROUP_OF, min_n=3)
    assert (association.group, association.n, association.small_group) == ("association", 1, True)
    assert association.items["A"] == GroupItemScore(0.0, 1, True)
    assert (association.items["B"].score, association.items["B"].n) == (100.0, 1)
    assert (opm.group, opm.n, opm.small_group) == ("opm", 3, False)
    # impact 5, 4, 3: mean 4 → 75; only p1 scored B, so B is flagged even though the group is large enough.
    assert (opm.items["A"].score, opm.items["A"].n, opm.items["A"].small_group) == (75.0, 3, False)
    assert (opm.items["B"].score, opm.items["B"].n, opm.items["B"].small_group) == (25.0, 1, True)
    assert (unknown.group, unknown.n, unknown.small_group) == (None, 1, True)
    assert (unknown.items["A"].score, unknown.items["A"].n) == (None, 0)
    assert (unknown.items["B"].score, unknown.items["B"].n) == (50.0, 1)


def test_scores_by_group_minimum_and_weights() -> None:
    groups = scores_by_group(GROUP_SCORES, GROUP_OF, {"impact": 1}, min_n=1)
    assert [(group.group, group.small_group) for group in groups] == [("association", False), ("opm", False),
                                                                      (None, False)]
    assert groups[2].items["A"].small_group  # nobody of that group scored A
    assert refused(scores_by_group, GROUP_SCORES, GROUP_OF, min_n=0).code == "invalid_minimum"


def test_group_scores_agree_with_the_whole_room_when_everyone_is_in_one_group() -> None:
    everyone = {participant: "all" for participant in ("p1", "p2", "p3", "p4", "p5")}
    [group] = scores_by_group(GROUP_SCORES, everyone)
    assert group.n == 5
    for item, by_participant in GROUP_SCORES.items():
        assert group.items[item].score == item_score(list(by_participant.values()))


# --- sensitivity -----------------------------------------------------------------------------------

# One participant per item, two criteria. In quarters of the 0..100 range, impact a and feasibility f:
# X (4, 0), Y (2, 3), Z (1, 2), W (0, 1).
SENSITIVE = {
    "X": {"p1": {"impact": 5, "faisabilite": 1}},
    "Y": {"p1": {"impact": 3, "faisabilite": 4}},
    "Z": {"p1": {"impact": 2, "faisabilite": 3}},
    "W": {"p1": {"impact": 1, "faisabilite": 2}},
}
EQUAL = {"impact": 1, "faisabilite": 1}


def test_sensitivity_by_hand() -> None:
    result = sensitivity(SENSITIVE, EQUAL)
    # Base (a + f) / 2: X 50, Y 62.5, Z 37.5, W 12.5 → Y X Z W.
    assert result.base.order() == ["Y", "X", "Z", "W"]
    assert [entry.score for entry in result.base.entries] == [62.5, 50.0, 37.5, 12.5]
    # "equal_weights" is the base itself, so it is not repeated.
    assert [(scenario.kind, scenario.criterion) for scenario in result.scenarios] == [
        ("doubled", "impact"), ("doubled", "faisabilite"), ("removed", "impact"), ("removed", "faisabilite")]
    doubled_impact, doubled_feasibility, removed_impact, removed_feasibility = result.scenarios
    # (2a + f) / 3: X 8, Y 7, Z 4, W 1 → X Y Z W: the first place changes, not the three first.
    assert doubled_impact.weights == {"impact": 2, "faisabilite": 1}
    assert doubled_impact.ranking.order() == ["X", "Y", "Z", "W"]
    assert [round_for_display(entry.score) for entry in doubled_impact.ranking.entries] == [66.7, 58.3, 33.3, 8.3]
    assert (doubled_impact.top_1_changed, doubled_impact.top_3_changed) == (True, False)
    # (a + 2f) / 3: X 4, Y 8, Z 5, W 2 → Y Z X W: same first, same three.
    assert doubled_feasibility.ranking.order() == ["Y", "Z", "X", "W"]
    assert (doubled_feasibility.top_1_changed, doubled_feasibility.top_3_changed) == (False, False)
    # f alone: X 0, Y 3, Z 2, W 1 → Y Z W X: X leaves the three first.
    assert removed_impact.weights == {"impact": 0, "faisabilite": 1}
    assert removed_impact.ranking.order() == ["Y", "Z", "W", "X"]
    assert (removed_impact.top_1_changed, removed_impact.top_3_changed) == (False, True)
    # a alone: X 4, Y 2, Z 1, W 0 → X Y Z W.
    assert removed_feasibility.ranking.order() == ["X", "Y", "Z", "W"]
    assert (removed_feasibility.top_1_changed, removed_feasibility.top_3_changed) == (True, False)
    # X moves from 2nd to 4th when impact is removed; the others move one place at most.
    assert result.max_rank_shift == {"Y": 1, "X": 2, "Z": 1, "W": 1}
    assert (result.top_1_changed, result.top_3_changed, result.stable) == (True, True, False)


def test_sensitivity_is_stable_when_one_order_holds_on_every_criterion() -> None:
    scores = {item: {"p1": {"impact": value, "faisabilite": value + 1}, "p2": {"impact": value, "faisabilite": value}}
              for item, value in (("a", 4), ("b", 3), ("c", 2), ("d", 1))}
    result = sensitivity(scores, EQUAL)
    assert len(result.scenarios) == 4
    assert all(scenario.ranking.order() == ["a", "b", "c", "d"] for scenario in result.scenarios)
    assert result.max_rank_shift == {"a": 0, "b": 0, "c": 0, "d": 0}
    assert (result.top_1_changed, result.top_3_changed, result.stable) == (False, False, True)


def test_sensitivity_with_custom_alternatives() -> None:
    result = sensitivity(SENSITIVE, EQUAL, [{"impact": 0}, {"impact": 3, "faisabilite": 1}])
    assert [(scenario.kind, scenario.criterion) for scenario in result.scenarios] == [("custom", None)] * 2
    # The first is f alone (faisabilite defaults to 1); the second (3a + f) / 4: X 12, Y 9, Z 5, W 1.
    assert result.scenarios[0].ranking.order() == ["Y", "Z", "W", "X"]
    assert result.scenarios[1].ranking.order() == ["X", "Y", "Z", "W"]
    assert sensitivity(SENSITIVE, EQUAL, []).stable
    assert refused(sensitivity, SENSITIVE, EQUAL, [{"impact": -1}]).code == "invalid_weight"
    assert refused(sensitivity, SENSITIVE, EQUAL, [{"impact": 0, "faisabilite": 0}]).code == "weights_all_zero"


def test_sensitivity_passes_the_tie_break_on() -> None:
    scores = {"a": {"p1": {"impact": 4, "faisabilite": 2}}, "b": {"p1": {"impact": 2, "faisabilite": 4}}}
    result = sensitivity(scores, EQUAL, tie_break={"a": TieBreak(1, 1, 2), "b": TieBreak(5, 1, 1)})
    assert result.base.order() == ["b", "a"]  # both 50: b has more dot votes
    assert [scenario.ranking.order() for scenario in result.scenarios] == [["a", "b"], ["b", "a"], ["b", "a"],
                                                                          ["a", "b"]]


def test_default_alternatives_skip_copies_of_the_base_and_empty_weightings() -> None:
    alternatives = default_alternatives({"impact": 2, "faisabilite": 1, "risque": 0})
    assert alternatives == [
        ("equal_weights", None, {"impact": 1, "faisabilite": 1, "risque": 1}),
        ("doubled", "impact", {"impact": 4, "faisabilite": 1, "risque": 0}),
        ("doubled", "faisabilite", {"impact": 2, "faisabilite": 2, "risque": 0}),
        ("removed", "impact", {"impact": 0, "faisabilite": 1, "risque": 0}),
        ("removed", "faisabilite", {"impact": 2, "faisabilite": 0, "risque": 0}),
    ]
    assert default_alternatives({"impact": 1}) == [("doubled", "impact", {"impact": 2})]


def test_sensitivity_is_deterministic() -> None:
    assert sensitivity(SENSITIVE, EQUAL) == sensitivity(dict(reversed(list(SENSITIVE.items()))), EQUAL)


# --- Borda -----------------------------------------------------------------------------------------

def test_borda_by_hand() -> None:
    rankings = [["a", "b", "c", "d"], ["b", "a"], ["c"], []]
    # [a b c d]: 3 2 1 0. [b a]: 3 2, then c and d share 1 + 0 → 0.5 each. [c]: 3, the others share
    # 2 + 1 + 0 → 1 each. The empty ranking counts for nothing.
    assert borda_points(rankings, ["a", "b", "c", "d"]) == {"a": 6.0, "b": 6.0, "c": 4.5, "d": 1.5}


def test_borda_every_ballot_weighs_the_same() -> None:
    items = [1, 2, 3, 4, 5]
    rankings = [[1, 2, 3, 4, 5], [5], [2, 4], [3, 1, 5, 2]]
    assert sum(borda_points(rankings, items).values()) == len(rankings) * 5 * 4 / 2
    # Ranking all but one item says the same as ranking them all.
    assert borda_points([[3, 1, 5, 2]], items) == borda_points([[3, 1, 5, 2, 4]], items)


def test_borda_refusals() -> None:
    error = refused(borda_points, [["a", "x"]], ["a", "b"])
    assert (error.code, error.params) == ("unknown_item", {"item": "x"})
    error = refused(borda_points, [["a", "b", "a"]], ["a", "b"])
    assert (error.code, error.params) == ("duplicate_item", {"item": "a"})
    assert refused(borda_points, [], ["a", "b", "a"]).code == "duplicate_item"


def test_borda_without_ballots() -> None:
    assert borda_points([], [1, 2]) == {1: 0.0, 2: 0.0}
    assert borda_points([], []) == {}


# --- 100 points ------------------------------------------------------------------------------------

def test_points_ballot_checks() -> None:
    items = {1, 2, 3}
    assert check_points({1: 60, 2: 40}, items, exact=True) == {1: 60, 2: 40}
    assert check_points({1: 100, 2: 0}, items, exact=True) == {1: 100}
    assert check_points({1: 60, 2: 30}, items, exact=False) == {1: 60, 2: 30}
    assert check_points({}, items, exact=False) == {}
    error = refused(check_points, {1: 60, 2: 30}, items, exact=True)
    assert (error.code, error.params) == ("points_total_not_100", {"budget": 100, "total": 90})
    for exact in (True, False):
        error = refused(check_points, {1: 70, 2: 40}, items, exact=exact)
        assert (error.code, error.params) == ("over_budget", {"budget": 100, "total": 110})


@pytest.mark.parametrize(("allocation", "code"), [
    ({1: -5, 2: 105}, "points_negative"),
    ({9: 10}, "unknown_item"),
    ({1: 2.5}, "invalid_type"),
    ({1: True}, "invalid_type"),
    ({1: "50"}, "invalid_type"),
])
def test_malformed_points_ballots(allocation: dict, code: str) -> None:
    assert refused(check_points, allocation, {1, 2, 3}, exact=False).code == code


def test_points_results_by_hand() -> None:
    allocations = [{1: 60, 2: 40}, {1: 100}, {2: 50, 3: 50}]
    results = points_results(allocations, [1, 2, 3, 4])
    assert results[1] == PointsResult(160, pytest.approx(160 / 3), 2, pytest.approx(200 / 3))
    assert results[2] == PointsResult(90, 30.0, 2, pytest.approx(200 / 3))
    assert results[3] == PointsResult(50, pytest.approx(50 / 3), 1, pytest.approx(100 / 3))
    assert results[4] == PointsResult(0, 0.0, 0, 0.0)
    assert points_results([], [1]) == {1: PointsResult(0, None, 0, None)}


# --- impact × feasibility matrix -------------------------------------------------------------------

def test_matrix_by_hand() -> None:
    placements = {
        "a": [(5, 4), (4, 5), (3, 3)],
        "b": [(4, 1), (5, 2)],
        "c": [(2, 4), (1, 5)],
        "d": [(1, 1), (2, 2), (2, 1)],
        "e": [(2, 4), (4, 2)],  # both means exactly 3: high
        "g": [(3, 2), (3, 3)],
        "f": [],
    }
    assert matrix_positions(placements) == {
        "a": MatrixPosition(4.0, 4.0, 3, "quick_wins"),
        "b": MatrixPosition(4.5, 1.5, 2, "major_projects"),
        "c": MatrixPosition(1.5, 4.5, 2, "fill_ins"),
        "d": MatrixPosition(pytest.approx(5 / 3), pytest.approx(4 / 3), 3, "thankless"),
        "e": MatrixPosition(3.0, 3.0, 2, "quick_wins"),
        "g": MatrixPosition(3.0, 2.5, 2, "major_projects"),
        "f": MatrixPosition(None, None, 0, None),
    }


@pytest.mark.parametrize(("impact", "feasibility", "expected"), [
    (3, 3, "quick_wins"), (5, 1, "major_projects"), (2.99, 3, "fill_ins"), (1, 2.99, "thankless"),
    (3, 2.99, "major_projects"),
])
def test_quadrant_threshold(impact: float, feasibility: float, expected: str) -> None:
    assert quadrant(impact, feasibility) == expected


def test_placement_checks() -> None:
    assert check_placement(3, 5) == (3, 5)
    error = refused(check_placement, 0, 3)
    assert (error.code, error.params["criterion"]) == ("score_out_of_range", "impact")
    error = refused(check_placement, 3, 6)
    assert (error.code, error.params["criterion"]) == ("score_out_of_range", "faisabilite")
    assert refused(check_placement, 3.0, 3).code == "invalid_type"
    assert refused(check_placement, 3, None).code == "invalid_type"


# --- properties ------------------------------------------------------------------------------------

def random_room(rng: random.Random, participants: int) -> list[dict[str, int]]:
    room = []
    for _ in range(participants):
        chosen = rng.sample(list(CRITERIA), rng.randint(0, len(CRITERIA)))
        room.append({criterion: rng.randint(1, 5) for criterion in chosen})
    return room


def test_permuting_participants_changes_nothing() -> None:
    rng = random.Random(7)
    for _ in range(20):
        room = random_room(rng, 5)
        weights = {criterion: rng.choice([0, 0.5, 1, 2, 3.5, 10]) for criterion in CRITERIA}
        score, agreement = item_score(room, weights), item_agreement(room)
        for permutation in itertools.permutations(room):
            assert item_score(list(permutation), weights) == score
            assert item_agreement(list(permutation)).index == pytest.approx(agreement.index)


@pytest.mark.parametrize("factor", [0.5, 2, 3, 1 / 3, 0.1])
def test_scaling_all_weights_changes_no_score_and_no_ranking(factor: float) -> None:
    rng = random.Random(11)
    weights = {criterion: rng.choice([0.5, 1, 2, 3]) for criterion in CRITERIA}
    scaled = {criterion: weight * factor for criterion, weight in weights.items()}
    items = {item: {f"p{n}": scores for n, scores in enumerate(random_room(rng, 6))} for item in range(12)}
    for by_participant in items.values():
        room = list(by_participant.values())
        assert item_score(room, scaled) == pytest.approx(item_score(room, weights))
    base = sensitivity(items, weights, [scaled])
    assert base.scenarios[0].ranking.order() == base.base.order()
    assert base.stable


def test_scores_and_agreement_stay_in_range() -> None:
    rng = random.Random(3)
    for _ in range(200):
        room = random_room(rng, rng.randint(1, 7))
        weights = {criterion: rng.choice([0, 1, 2, 10]) for criterion in CRITERIA}
        score = item_score(room, weights)
        assert score is None or 0 <= score <= 100
        index = item_agreement(room).index
        assert index is None or 0 <= index <= 100


def test_reversing_a_score_mirrors_it() -> None:
    # risque is read as 6 − s, so scores s on risque give 100 minus what the same scores give on impact.
    for values in ([1], [2, 5], [3, 3, 4], [1, 2, 3, 4, 5]):
        assert item_score([{"risque": value} for value in values]) == 100 - item_score(
            [{"impact": value} for value in values])
