import pytest

from workshop.domain.ballots import (Allocation, BallotRules, check_budget, parse_ballot, rank_items, repaired_ballot,
                                     tally)
from workshop.domain.errors import DomainError


PLAIN = BallotRules(points=(1, 5))
SCORED = BallotRules(points=(1, 5), criteria=("impact", "urgence"))


def test_parse_ballot_drops_zero_points() -> None:
    assert parse_ballot([{"target_id": 3, "points": 2}, {"target_id": 4, "points": 0}], PLAIN) == [Allocation(3, 2)]


@pytest.mark.parametrize(("raw", "rules", "code"), [
    ("nope", PLAIN, "invalid_type"),
    ([1, 2], PLAIN, "invalid_type"),
    ([{"target_id": "3", "points": 1}], PLAIN, "invalid_type"),
    ([{"target_id": 3, "points": 1.5}], PLAIN, "invalid_type"),
    ([{"target_id": 3, "points": True}], PLAIN, "invalid_type"),
    ([{"target_id": 3, "points": -1}], PLAIN, "points_negative"),
    ([{"target_id": 3, "points": 6}], PLAIN, "points_out_of_range"),
    ([{"target_id": 2**64, "points": 1}], PLAIN, "unknown_target"),
    ([{"target_id": 3, "points": 10**30}], PLAIN, "points_out_of_range"),
    ([{"target_id": 3, "points": 1}, {"target_id": 3, "points": 1}], PLAIN, "duplicate_target"),
    ([{"target_id": n, "points": 1} for n in range(201)], PLAIN, "too_many_allocations"),
    # A criterion where the type has none is refused, not counted as another item (the smuggling of issue 7).
    ([{"target_id": 3, "points": 1, "criterion": "a"}], PLAIN, "unexpected_field"),
    ([{"target_id": 3, "points": 1, "weight": 9}], SCORED, "unexpected_field"),
    ([{"target_id": 3, "points": 1}], SCORED, "unknown_criterion"),
    ([{"target_id": 3, "points": 1, "criterion": "beauty"}], SCORED, "unknown_criterion"),
    ([{"target_id": 3, "points": 1, "criterion": 7}], SCORED, "unknown_criterion"),
    ([{"target_id": 3, "points": 1, "criterion": "impact"}, {"target_id": 3, "points": 2, "criterion": "impact"}],
     SCORED, "duplicate_target"),
    ([{"target_id": 2, "points": 1}], BallotRules(points=(1, 1), positions=2), "unknown_target"),
])
def test_malformed_allocations_are_refused(raw: object, rules: BallotRules, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_ballot(raw, rules)
    assert refused.value.code == code


def test_one_item_scored_on_each_criterion_once() -> None:
    raw = [{"target_id": 3, "points": 1, "criterion": "impact"}, {"target_id": 3, "points": 4, "criterion": "urgence"}]
    assert parse_ballot(raw, SCORED) == [Allocation(3, 1, "impact"), Allocation(3, 4, "urgence")]


def test_a_stored_ballot_is_repaired_not_refused() -> None:
    stored = [Allocation(1, 3, "a"), Allocation(1, 2, "b"), Allocation(2, 9), Allocation(3, 2), Allocation(3, 1)]
    assert repaired_ballot(stored, PLAIN) == ([Allocation(3, 2)], 4)


def test_budget_rules() -> None:
    targets = frozenset({1, 2, 3})
    check_budget([Allocation(1, 2), Allocation(2, 3)], budget=5, max_per_item=3, targets=targets)
    with pytest.raises(DomainError) as over:
        check_budget([Allocation(1, 3), Allocation(2, 3)], budget=5, max_per_item=3, targets=targets)
    assert (over.value.code, over.value.params) == ("over_budget", {"budget": 5, "total": 6})
    with pytest.raises(DomainError) as per_item:
        check_budget([Allocation(1, 4)], budget=5, max_per_item=3, targets=targets)
    assert per_item.value.code == "over_item_limit"
    with pytest.raises(DomainError) as unknown:
        check_budget([Allocation(9, 1)], budget=5, max_per_item=3, targets=targets)
    assert unknown.value.code == "unknown_target"


def test_tally_counts_points_and_voters_and_follows_merges() -> None:
    ballots = [[Allocation(1, 2), Allocation(2, 1)], [Allocation(2, 3)], [Allocation(3, 1)]]
    assert tally(ballots) == {1: (2, 1), 2: (4, 2), 3: (1, 1)}
    # 3 merged into 2: its point goes to 2, and a voter who voted for both counts once.
    assert tally(ballots + [[Allocation(2, 1), Allocation(3, 1)]], merged_into={3: 2}) == {1: (2, 1), 2: (7, 4)}


def test_rank_ties_broken_by_voters_then_earliest() -> None:
    totals = {10: (4, 1), 11: (4, 2), 12: (5, 1), 13: (4, 2)}
    assert rank_items(totals, {10: 1, 11: 3, 12: 4, 13: 2}) == [12, 13, 11, 10]
