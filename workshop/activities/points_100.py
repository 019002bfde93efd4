"""100 points: each participant shares 100 points among the items."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.prioritization import POINTS_BUDGET, check_points, points_results
from ..domain.vocabulary import N_
from ..exports.report import ResultSection
from ..exports.words import Words
from .base import (ActivityType, AxisEvidence, ConfigContext, ConfigField, ResultInput, item_source_config,
                   items_field, register)
from .prioritizing import by_group, display, items_of, ranked_section

TIE_BREAK = "points_then_supporters_then_earliest"


def _allocations(ballots: Sequence[Sequence[Allocation]]) -> list[dict[int, int]]:
    return [{allocation.target_id: allocation.points for allocation in ballot} for ballot in ballots if ballot]


@register
class Points100(ActivityType):
    name = "points_100"
    input_kind = "ballot"
    label = N_("100 points")
    prioritization = True
    ranks_items = True
    score_key = "total"
    labels = {
        "points_instructions": N_("Share 100 points among the items: more points for what matters most to you."),
        "points_left_exact": N_("Points left to share: %(left)s of %(budget)s. The vote can be sent once all are "
                                "shared."),
        "points_over": N_("%(over)s points too many: %(budget)s at most."),
        "add_points": N_("Add %(count)s points"),
        "remove_points": N_("Remove %(count)s points"),
        "points_total": N_("%(points)s points"),
        "points_mean_support": N_("average %(mean)s per participant · given points by %(percent)s"),
        "config_exact": N_("Exactly 100 points (otherwise up to 100)"),
        "supporters": N_("Supporters"),
    }
    config_fields = (
        items_field(),
        # Exactly 100 by default: "I keep 40 points" is how a participant abstains without saying so.
        ConfigField("exact", "boolean", "config_exact", default=True),
    )
    browser_limits = {"budget": POINTS_BUDGET}

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        target, exact = self.config_fields
        return super().validate_config(raw, context) | item_source_config(raw, context, target) | {
            "exact": exact.read(raw),
        }

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        return BallotRules(points=(1, POINTS_BUDGET))

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

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        return ranked_section(results, words, value_key=self.score_key, value_label="points",
                              extra=(("mean", "mean"), ("supporters", "supporters")))

    def axis_evidence(self, item: Mapping[str, Any]) -> AxisEvidence:
        return {"votes": item.get("points", item.get("total"))}
