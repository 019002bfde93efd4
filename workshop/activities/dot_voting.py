"""Dot voting: each participant spends a budget of points on the ideas of an earlier activity."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules, check_budget, rank_items, tally
from ..domain.vocabulary import N_
from ..exports.report import ResultSection
from ..exports.words import Words
from .base import (ActivityType, AxisEvidence, ConfigContext, ConfigField, ResultInput, int_field, item_source_config,
                   items_field, register)
from .prioritizing import by_group, ranked_section

TIE_BREAK = "points, then voters, then earliest idea"


@register
class DotVoting(ActivityType):
    name = "dot_voting"
    input_kind = "ballot"
    label = N_("Dot voting")
    prioritization = True
    ranks_items = True
    score_key = "points"
    labels = {
        "add_point": N_("Add a point"),
        "remove_point": N_("Remove a point"),
        "results_voters": N_("Voters: %(count)s"),
        "points_voters": N_("Points: %(points)s · voters: %(voters)s"),
        "config_budget": N_("Points per participant"),
        "config_max_per_item": N_("Points at most on one idea"),
    }
    config_fields = (
        items_field(offered=("ideas", "clusters")),
        ConfigField("budget", "integer", "config_budget", default=5, minimum=1, maximum=100),
        # The server bounds it by the budget (and takes 3, or the budget if smaller, when unsaid).
        ConfigField("max_per_item", "integer", "config_max_per_item", default=3, minimum=1, maximum=100),
    )

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        target, budget_field, per_item = self.config_fields
        source = item_source_config(raw, context, target)
        budget = budget_field.read(raw)
        max_per_item = int_field(raw, "max_per_item", min(per_item.default, budget), minimum=per_item.minimum or 1,
                                 maximum=budget)
        return super().validate_config(raw, context) | source | {"budget": budget, "max_per_item": max_per_item}

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        return BallotRules(points=(1, config["max_per_item"]), out_of_range="over_item_limit")

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        check_budget(allocations, budget=config["budget"], max_per_item=config["max_per_item"], targets=targets)

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        merged_into = {idea.id: idea.merged_into_id for idea in data.targets if idea.merged_into_id is not None}
        totals = tally(data.ballots, merged_into=merged_into)
        on_wall = {idea.id: idea for idea in data.targets if idea.on_wall}
        for idea_id in on_wall:
            totals.setdefault(idea_id, (0, 0))
        ranked = [item for item in rank_items(totals, {idea_id: idea_id for idea_id in totals}) if item in on_wall]
        def group_summary(ballots: Sequence[Sequence[Allocation]]) -> dict[int, Any]:
            group_totals = tally(ballots, merged_into=merged_into)
            return {item: {"points": group_totals.get(item, (0, 0))[0], "voters": group_totals.get(item, (0, 0))[1]}
                    for item in ranked}

        return {
            "groups": by_group(data, group_summary),
            "voters": len([ballot for ballot in data.ballots if ballot]),
            "budget": config["budget"],
            "tie_break": TIE_BREAK,
            "items": [
                {"id": item, "text": on_wall[item].text, "points": totals[item][0], "voters": totals[item][1],
                 "rank": rank}
                for rank, item in enumerate(ranked, start=1)
            ],
        }

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        return ranked_section(results, words, value_key=self.score_key, value_label="points", extra=(("voters", "voters"),))

    def axis_evidence(self, item: Mapping[str, Any]) -> AxisEvidence:
        return {"votes": item.get("points", item.get("total"))}
