"""Matrix: each participant places each item on impact (1–5) and feasibility (1–5); the projector draws the 2×2."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.errors import DomainError
from ..domain.prioritization import MATRIX_THRESHOLD, SCORE_MAX, SCORE_MIN, check_placement, matrix_positions
from ..domain.vocabulary import N_
from ..exports.report import MatrixPoint, ResultSection, Table
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ResultInput, item_source_config, items_field, register
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
    label = N_("Impact × feasibility matrix")
    prioritization = True
    labels = {
        "matrix_instructions": N_("Place each item: how much impact would it have, and how feasible is it? From 1 "
                                  "(low) to 5 (high)."),
        "matrix_impact": N_("Impact"),
        "matrix_feasibility": N_("Feasibility"),
        "matrix_impact_hint": N_("How much it would change for the people concerned"),
        "matrix_feasibility_hint": N_("How likely we are to obtain it"),
        "matrix_label": N_("Impact and feasibility matrix"),
        "not_placed_yet": N_("not placed yet"),
    }
    config_fields = (items_field(),)

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | item_source_config(raw, context, self.config_fields[0])

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """A place from 1 to 5 on each of the two axes."""
        return BallotRules(points=(SCORE_MIN, SCORE_MAX), criteria=AXES, out_of_range="score_out_of_range")

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

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        placed = [item for item in results["items"] if item["n"]]
        return ResultSection(
            responses=results["respondents"], summary=words["ballots_count"] % {"count": results["respondents"]},
            matrix=tuple(MatrixPoint(item["text"], item["impact"], item["feasibility"],
                                     words.of("quadrant", item["quadrant"])) for item in placed),
            table=Table((words["item"], words["impact"], words["feasibility"], words["quadrant"], words["respondents"]),
                        tuple((item["text"], words.number(item["impact"]), words.number(item["feasibility"]),
                               words.of("quadrant", item["quadrant"]), str(item["n"])) for item in results["items"]),
                        numeric_columns=(1, 2, 4)))

    def ranking(self, results: Mapping[str, Any]) -> list[int]:
        """Placed items by impact plus feasibility (the quick wins first), to compare with the other methods."""
        placed = [item for item in results["items"] if item["n"]]
        return [item["id"] for item in sorted(placed, key=lambda item: -(item["impact"] + item["feasibility"]))]

    def criterion_label(self, criterion: str, words: Words) -> str:
        """Matrix ballots place items on "impact" and "feasibility", not on criteria of the catalogue."""
        return words[criterion] if criterion else ""
