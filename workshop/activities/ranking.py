"""Ranking: each participant orders the items; a Borda count makes the room's order."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.errors import DomainError
from ..domain.prioritization import borda_points
from ..domain.vocabulary import N_
from ..exports.report import ResultSection
from ..exports.words import Words
from .base import (ActivityType, AxisEvidence, ConfigContext, ConfigField, ResultInput, item_source_config, items_field,
                   register)
from .prioritizing import by_group, check_targets, display, items_of, ranked_section

TIE_BREAK = "borda_then_first_places_then_earliest"


def _rankings(ballots: Sequence[Sequence[Allocation]]) -> list[list[int]]:
    """Each ballot's items in the order given (``points`` is the position, 1 first)."""
    return [[allocation.target_id for allocation in sorted(ballot, key=lambda allocation: allocation.points)]
            for ballot in ballots]


@register
class Ranking(ActivityType):
    name = "ranking"
    input_kind = "ballot"
    label = N_("Ranking")
    prioritization = True
    ranks_items = True
    score_key = "points"
    labels = {
        "ranking_instructions": N_("Put the items in your order of priority with the arrows, then send."),
        "ranking_instructions_top": N_("Put the items in your order of priority with the arrows: the first %(count)s "
                                       "count."),
        "results_borda_points": N_("Borda points: %(points)s"),
        "results_first_places": N_("ranked first: %(count)s"),
        "config_max_ranked": N_("Items that count in each ranking"),
        "borda_points": N_("Borda points"),
        "first_places": N_("First places"),
    }
    config_fields = (
        items_field(),
        ConfigField("max_ranked", "integer", "config_max_ranked", default=10, minimum=1, maximum=50),
    )

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        target, max_ranked = self.config_fields
        return super().validate_config(raw, context) | item_source_config(raw, context, target) | {
            "max_ranked": max_ranked.read(raw),
        }

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """A position from 1 to the number of items that count."""
        return BallotRules(points=(1, config["max_ranked"]), out_of_range="invalid_ranking")

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        check_targets(allocations, targets)
        if len(allocations) > config["max_ranked"]:
            raise DomainError("too_many_choices", maximum=config["max_ranked"])
        # Positions 1..k, each once: a ranking with gaps or ties is not a ranking.
        if sorted(allocation.points for allocation in allocations) != list(range(1, len(allocations) + 1)):
            raise DomainError("invalid_ranking")

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        items = items_of(data)
        ids = [item for item, _text, _order in items]
        rankings = [[item for item in ranking if item in set(ids)] for ranking in _rankings(data.ballots)]
        points = borda_points(rankings, ids)
        firsts = {item: sum(1 for ranking in rankings if ranking and ranking[0] == item) for item in ids}
        order = {item: position for item, _text, position in items}
        ordered = sorted(ids, key=lambda item: (-points[item], -firsts[item], order[item]))
        texts = {item: text for item, text, _order in items}

        def group_summary(ballots: Sequence[Sequence[Allocation]]) -> dict[int, Any]:
            group_rankings = [[item for item in ranking if item in set(ids)] for ranking in _rankings(ballots)]
            return {item: {"points": display(value)} for item, value in borda_points(group_rankings, ids).items()}

        return {
            "respondents": len([ranking for ranking in rankings if ranking]),
            "tie_break": TIE_BREAK,
            "items": [{"id": item, "text": texts[item], "points": display(points[item]), "first_places": firsts[item],
                       "rank": position} for position, item in enumerate(ordered, start=1)],
            "groups": by_group(data, group_summary),
        }

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        return ranked_section(results, words, value_key=self.score_key, value_label="borda_points",
                              extra=(("first_places", "first_places"),))

    def axis_evidence(self, item: Mapping[str, Any]) -> AxisEvidence:
        """Borda points count in an axe's score like the points of the other methods."""
        return {"votes": item.get("points")} if item.get("points") is not None else {}
