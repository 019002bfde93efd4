"""Ballots: what one participant allocated to the items of one activity, and how ballots add up."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from .errors import DomainError

MAX_ALLOCATIONS = 200  # far above any real ballot; bounds the work one message can cause


@dataclass(frozen=True)
class Allocation:
    target_id: int
    points: int
    criterion: str = ""  # what was scored, when one item gets several scores (criteria, matrix axes)


def parse_allocations(raw: object) -> list[Allocation]:
    """Turn the wire list ``[{"target_id", "points"}]`` into allocations, refusing wrong shapes."""
    if not isinstance(raw, list):
        raise DomainError("invalid_type", field="allocations", expected="list")
    if len(raw) > MAX_ALLOCATIONS:
        raise DomainError("too_many_allocations", maximum=MAX_ALLOCATIONS)
    allocations: dict[tuple[int, str], int] = {}
    for item in raw:
        if not isinstance(item, dict):
            raise DomainError("invalid_type", field="allocations", expected="object")
        target_id, points, criterion = item.get("target_id"), item.get("points"), item.get("criterion", "")
        if type(target_id) is not int or type(points) is not int:  # bool is an int subclass: refuse it too
            raise DomainError("invalid_type", field="allocations", expected="integers")
        if not isinstance(criterion, str) or len(criterion) > 40:
            raise DomainError("invalid_type", field="criterion", expected="string")
        if points < 0:
            raise DomainError("points_negative")
        if (target_id, criterion) in allocations:
            raise DomainError("duplicate_target", target_id=target_id)
        allocations[(target_id, criterion)] = points
    return [Allocation(target, points, criterion) for (target, criterion), points in allocations.items() if points > 0]


def check_budget(
    allocations: Iterable[Allocation], *, budget: int, max_per_item: int, targets: Set[int]
) -> None:
    """Refuse a ballot that votes on unknown items, exceeds the per-item cap or the total budget."""
    total = 0
    for allocation in allocations:
        if allocation.target_id not in targets:
            raise DomainError("unknown_target", target_id=allocation.target_id)
        if allocation.points > max_per_item:
            raise DomainError("over_item_limit", target_id=allocation.target_id, max_per_item=max_per_item)
        total += allocation.points
    if total > budget:
        raise DomainError("over_budget", budget=budget, total=total)


def tally(
    ballots: Iterable[Iterable[Allocation]], *, merged_into: Mapping[int, int] | None = None
) -> dict[int, tuple[int, int]]:
    """Sum points and count voters per item; votes on a merged item count for the item it joined."""
    merged_into = merged_into or {}
    points: dict[int, int] = {}
    voters: dict[int, int] = {}
    for ballot in ballots:
        seen: set[int] = set()
        for allocation in ballot:
            target = merged_into.get(allocation.target_id, allocation.target_id)
            points[target] = points.get(target, 0) + allocation.points
            if target not in seen:
                voters[target] = voters.get(target, 0) + 1
                seen.add(target)
    return {target: (points[target], voters[target]) for target in points}


def rank_items(totals: Mapping[int, tuple[int, int]], order: Mapping[int, int]) -> list[int]:
    """Items by points, then by number of voters, then by earliest submission (``order``), which is stated to the room."""
    return sorted(totals, key=lambda item: (-totals[item][0], -totals[item][1], order.get(item, 0), item))
