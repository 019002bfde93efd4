"""Matrix: each participant places each item on impact (1–5) and feasibility (1–5); the projector draws the 2×2."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.prioritization import MATRIX_THRESHOLD, check_placement, matrix_positions
from .base import TARGET_KINDS, ActivityType, ConfigContext, ResultInput, item_source_config, register
from .prioritizing import check_targets, display, items_of

AXES = ("impact", "feasibility")


def _placements(ballots: Sequence[Sequence[Allocation]]) -> dict[int, list[tuple[int, int]]]:
    placements: dict[int, list[tuple[int, int]]] = {}
    for ballot in ballots:
        mine: dict[int, dict[str, int]] = {}
        for allocation in ballot:
            mine.setdefault(allocation.target_id, {})[allocation.criterion] = allocation.points
        for item, pair in mine.items():
            if set(pair) == set(AXES):
                placements.setdefault(item, []).append((pair["impact"], pair["feasibility"]))
    return placements


@register
class Matrix(ActivityType):
    name = "matrix"
    input_kind = "ballot"

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | item_source_config(raw, context, allowed=TARGET_KINDS)

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        check_targets(allocations, targets)
        pairs: dict[int, dict[str, int]] = {}
        for allocation in allocations:
            if allocation.criterion not in AXES:
                raise DomainError("unknown_criterion", criterion=allocation.criterion[:40])
            pairs.setdefault(allocation.target_id, {})[allocation.criterion] = allocation.points
        for pair in pairs.values():
            if set(pair) != set(AXES):
                raise DomainError("placement_incomplete")  # a point on one axis only cannot be drawn
            check_placement(pair["impact"], pair["feasibility"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        items = items_of(data)
        placements = _placements(data.ballots)
        positions = matrix_positions({item: placements.get(item, []) for item, _text, _order in items})
        return {
            "respondents": len([ballot for ballot in data.ballots if ballot]),
            "threshold": MATRIX_THRESHOLD,
            "items": [{"id": item, "text": text, "impact": display(positions[item].impact),
                       "feasibility": display(positions[item].feasibility), "n": positions[item].n,
                       "quadrant": positions[item].quadrant} for item, text, _order in items],
        }
