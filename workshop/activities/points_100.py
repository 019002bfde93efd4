"""100 points: each participant shares 100 points among the items."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.prioritization import POINTS_BUDGET, check_points, points_results
from .base import TARGET_KINDS, ActivityType, ConfigContext, ResultInput, bool_field, item_source_config, register
from .prioritizing import by_group, display, items_of

TIE_BREAK = "points_then_supporters_then_earliest"


def _allocations(ballots: Sequence[Sequence[Allocation]]) -> list[dict[int, int]]:
    return [{allocation.target_id: allocation.points for allocation in ballot} for ballot in ballots if ballot]


@register
class Points100(ActivityType):
    name = "points_100"
    input_kind = "ballot"

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | item_source_config(raw, context, allowed=TARGET_KINDS) | {
            # Exactly 100 by default: "I keep 40 points" is how a participant abstains without saying so.
            "exact": bool_field(raw, "exact", True),
        }

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        if not allocations:
            return  # an empty ballot withdraws one's points
        check_points({allocation.target_id: allocation.points for allocation in allocations}, targets,
                     exact=config["exact"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        items = items_of(data)
        ids = [item for item, _text, _order in items]
        results = points_results(_allocations(data.ballots), ids)
        order = {item: position for item, _text, position in items}
        ordered = sorted(ids, key=lambda item: (-results[item].total, -results[item].supporters, order[item]))
        texts = {item: text for item, text, _order in items}

        def group_summary(ballots: Sequence[Sequence[Allocation]]) -> dict[int, Any]:
            return {item: {"total": value.total, "mean": display(value.mean)}
                    for item, value in points_results(_allocations(ballots), ids).items()}

        return {
            "respondents": len(_allocations(data.ballots)),
            "budget": POINTS_BUDGET,
            "tie_break": TIE_BREAK,
            "items": [{"id": item, "text": texts[item], "total": results[item].total, "mean": display(results[item].mean),
                       "supporters": results[item].supporters, "percent_supporting": display(results[item].percent_supporting),
                       "rank": position} for position, item in enumerate(ordered, start=1)],
            "groups": by_group(data, group_summary),
        }
