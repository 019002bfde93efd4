"""What the prioritization types share: items from a source, a per-item breakdown by participant group."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.prioritization import MIN_GROUP_SIZE, round_for_display
from ..domain.profiles import PROFILE_TAGS
from .base import ResultInput

GROUP_TAGS = tuple(PROFILE_TAGS)  # organisation_type, region


def check_targets(allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
    for allocation in allocations:
        if allocation.target_id not in targets:
            raise DomainError("unknown_target", target_id=allocation.target_id)


def items_of(data: ResultInput) -> list[tuple[int, str, int]]:
    """(id, text, order) of the items that stand (on the wall, live clusters, current axes)."""
    return [(item.id, item.text, order) for order, item in enumerate(data.targets) if item.on_wall]


def by_group(data: ResultInput, summarize: Callable[[Sequence[Sequence[Allocation]]], Mapping[int, Any]]
             ) -> dict[str, list[dict[str, Any]]]:
    """For each profile tag, the results recomputed within each group of participants who gave that tag.

    Groups under MIN_GROUP_SIZE people are flagged ``small_group``: the room sees them, and is told not to
    over-read them, and nobody's own ballot can be read off a group of one.
    """
    breakdown: dict[str, list[dict[str, Any]]] = {}
    for tag in GROUP_TAGS:
        groups: dict[str, list[Sequence[Allocation]]] = {}
        for ballot, tags in zip(data.ballots, data.ballot_tags, strict=False):
            value = tags.get(tag)
            if value:
                groups.setdefault(value, []).append(ballot)
        if not groups:
            continue
        breakdown[tag] = [
            {"group": value, "n": len(ballots), "small_group": len(ballots) < MIN_GROUP_SIZE,
             "items": {str(item): summary for item, summary in summarize(ballots).items()}}
            for value, ballots in sorted(groups.items())
        ]
    return breakdown


def display(value: float | None) -> float | None:
    return round_for_display(value)
