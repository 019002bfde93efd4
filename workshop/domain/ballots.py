"""Ballots: what one participant allocated to the items of one activity, and how ballots add up."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from .errors import DomainError
from .numbers import MAX_ID, is_whole

MAX_ALLOCATIONS = 200  # far above any real ballot; bounds the work one message can cause


@dataclass(frozen=True)
class Allocation:
    target_id: int
    points: int
    criterion: str = ""  # what was scored, when one item gets several scores (criteria, matrix axes)


@dataclass(frozen=True)
class BallotRules:
    """What one allocation of a ballot may hold, as one activity type declares it from its config.

    ``points`` bounds a given allocation (0 always means "not given" and is left out); ``criteria`` lists the
    criteria an allocation must name (none when empty: the key is then refused); ``positions``, for types whose
    targets are positions in their config (poll options, scale statements, questions), how many there are.
    """

    points: tuple[int, int]
    criteria: tuple[str, ...] = ()
    positions: int | None = None
    out_of_range: str = "points_out_of_range"  # the error code that says it best for this type

    @property
    def keys(self) -> frozenset[str]:
        return _KEYS_WITH_CRITERION if self.criteria else _KEYS


_KEYS = frozenset({"target_id", "points"})
_KEYS_WITH_CRITERION = _KEYS | {"criterion"}
MAX_CRITERION_LENGTH = 40


def parse_allocations(raw: object) -> list[dict[str, object]]:
    """The wire shape every ballot shares, checked before any database work: a list of at most MAX_ALLOCATIONS
    objects with whole ``target_id`` and ``points`` within 64 bits, and nothing but those keys and ``criterion``.

    Cheap and type-independent; what the activity allows is ``parse_ballot``'s, with the activity's rules.
    """
    if not isinstance(raw, list):
        raise DomainError("invalid_type", field="allocations", expected="list")
    if len(raw) > MAX_ALLOCATIONS:
        raise DomainError("too_many_allocations", maximum=MAX_ALLOCATIONS)
    for item in raw:
        if not isinstance(item, dict):
            raise DomainError("invalid_type", field="allocations", expected="object")
        for key in item:
            if key not in _KEYS_WITH_CRITERION:
                raise DomainError("unexpected_field", field=str(key)[:MAX_CRITERION_LENGTH])
        target_id, points = item.get("target_id"), item.get("points")
        if not is_whole(target_id) or not is_whole(points):
            raise DomainError("invalid_type", field="allocations", expected="integers")
        assert isinstance(target_id, int) and isinstance(points, int)
        if not 0 <= target_id <= MAX_ID:
            raise DomainError("unknown_target", target_id=str(target_id)[:20])
        if points < 0:
            raise DomainError("points_negative")
        if points > MAX_ID:
            raise DomainError("points_out_of_range", minimum=0, maximum=MAX_ID)
    return raw


def parse_ballot(raw: object, rules: BallotRules) -> list[Allocation]:
    """Turn the wire list into allocations under one activity's ``rules``, refusing anything else.

    Allowed keys only, ``criterion`` only where the type has criteria and then from its list, whole points in range
    (0: left out), each target (or target and criterion) once.
    """
    parse_allocations(raw)
    assert isinstance(raw, list)
    seen: set[tuple[int, str]] = set()
    allocations: list[Allocation] = []
    low, high = rules.points
    for item in raw:
        for key in item:
            if key not in rules.keys:
                raise DomainError("unexpected_field", field=key)
        target_id, points = item["target_id"], item["points"]
        criterion = item.get("criterion", "")
        if rules.criteria and (not isinstance(criterion, str) or criterion not in rules.criteria):
            raise DomainError("unknown_criterion", criterion=str(criterion)[:MAX_CRITERION_LENGTH])
        if rules.positions is not None and target_id >= rules.positions:
            raise DomainError("unknown_target", target_id=target_id)
        if points and not low <= points <= high:
            raise DomainError(rules.out_of_range, target_id=target_id, minimum=low, maximum=high, max_per_item=high)
        if (target_id, criterion) in seen:
            raise DomainError("duplicate_target", target_id=target_id)
        seen.add((target_id, criterion))
        if points:
            allocations.append(Allocation(target_id, points, criterion))
    return allocations


def repaired_ballot(allocations: Iterable[Allocation], rules: BallotRules) -> tuple[list[Allocation], int]:
    """What of a stored ballot the rules allow (the first of each target, or target and criterion), and how many
    allocations were left out: results computed from data written before the rules were strict never raise."""
    kept: list[Allocation] = []
    seen: set[tuple[int, str]] = set()
    dropped = 0
    low, high = rules.points
    for allocation in allocations:
        key = (allocation.target_id, allocation.criterion)
        allowed = (allocation.criterion in rules.criteria if rules.criteria else allocation.criterion == "")
        in_range = low <= allocation.points <= high and (rules.positions is None
                                                         or 0 <= allocation.target_id < rules.positions)
        if key in seen or not allowed or not in_range:
            dropped += 1
            continue
        seen.add(key)
        kept.append(allocation)
    return kept, dropped


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
