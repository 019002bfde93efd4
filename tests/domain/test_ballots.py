import pytest

from workshop.domain.ballots import Allocation, check_budget, parse_allocations, rank_items, tally
from workshop.domain.errors import DomainError


def test_parse_allocations_drops_zero_points() -> None:
    assert parse_allocations([{"target_id": 3, "points": 2}, {"target_id": 4, "points": 0}]) == [Allocation(3, 2)]


@pytest.mark.parametrize(("raw", "code"), [
    ("nope", "invalid_type"),
    ([1, 2], "invalid_type"),
    ([{"target_id": "3", "points": 1}], "invalid_type"),
    ([{"target_id": 3, "points": 1.5}], "invalid_type"),
    ([{"target_id": 3, "points": True}], "invalid_type"),
    ([{"target_id": 3, "points": -1}], "points_negative"),
    ([{"target_id": 3, "points": 1}, {"target_id": 3, "points": 1}], "duplicate_target"),
    ([{"target_id": n, "points": 1} for n in range(201)], "too_many_allocations"),
])
def test_malformed_allocations_are_refused(raw: object, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_allocations(raw)
    assert refused.value.code == code


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
