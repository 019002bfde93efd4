"""Criteria scoring: each participant scores each item 1–5 on the criteria the moderator chose, with visible weights."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.errors import DomainError
from ..domain.prioritization import (CRITERIA, DEFAULT_WEIGHTS, MAX_WEIGHT, SCORE_MAX, SCORE_MIN, TieBreak,
                                     check_scores, item_agreement, item_score, rank, respondent_count, sensitivity,
                                     validate_weights)
from ..domain.vocabulary import N_
from ..exports.report import ResultSection, Table
from ..exports.words import Words
from .base import (ActivityType, AxisEvidence, ConfigContext, ConfigField, ResultInput, item_source_config,
                   items_field, register)
from .prioritizing import by_group, check_targets, display, items_of, ranked_section

# The console proposes the four criteria most workshops use; the server takes all of them when unsaid.
PROPOSED_CRITERIA = ("impact", "faisabilite", "urgence", "alignement")


def _scores_by_item(ballots: Sequence[Sequence[Allocation]]) -> dict[int, list[dict[str, int]]]:
    """item → one {criterion: score} per participant who scored it."""
    scores: dict[int, list[dict[str, int]]] = {}
    for ballot in ballots:
        mine: dict[int, dict[str, int]] = {}
        for allocation in ballot:
            mine.setdefault(allocation.target_id, {})[allocation.criterion] = allocation.points
        for item, item_scores in mine.items():
            scores.setdefault(item, []).append(item_scores)
    return scores


@register
class CriteriaScoring(ActivityType):
    name = "criteria_scoring"
    input_kind = "ballot"
    label = N_("Criteria scoring")
    prioritization = True
    ranks_items = True
    score_key = "score"
    labels = {
        "criteria_instructions": N_("Score each item from 1 (low) to 5 (high) on every criterion. The weights show "
                                    "how much each criterion counts."),
        "not_scored_yet": N_("Not scored yet"),
        "respondents_count": N_("respondents: %(count)s"),
        "tied": N_("tied"),
        "weights_used": N_("Weights: %(weights)s"),
        "criteria_means": N_("Average score per criterion (1 to 5; weight in brackets)"),
        "sensitivity_title": N_("Does the ranking depend on the weights?"),
        "sensitivity_stable": N_("Stable: the first ranks stay the same under other weights."),
        "sensitivity_unstable": N_("Top ranks change under other weights: discuss the weights before deciding."),
        "scenario_equal_weights": N_("Equal weights"),
        "scenario_doubled": N_("%(criterion)s doubled"),
        "scenario_removed": N_("Without %(criterion)s"),
        "sensitivity_top_changes": N_("Sensitivity: the first item changes when the weights vary (%(scenarios)s): "
                                      "read the ranking with care."),
        "sensitivity_top3_changes": N_("Sensitivity: the first item holds, but the first three change when the "
                                       "weights vary (%(scenarios)s)."),
        "config_criteria": N_("Criteria and their weights"),
        "config_criteria_hint": N_("Weights from 0 to 10; participants see them."),
        "config_weight": N_("Weight"),
    }
    config_fields = (
        items_field(),
        ConfigField("criteria", "criteria", "config_criteria", hint="config_criteria_hint", default=list(CRITERIA),
                    initial=list(PROPOSED_CRITERIA), choices=tuple(CRITERIA),
                    extra={"weight": {"label": "config_weight", "defaults": dict(DEFAULT_WEIGHTS), "minimum": 0,
                                      "maximum": MAX_WEIGHT}}),
    )

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        target, chosen = self.config_fields
        criteria = raw.get("criteria", list(chosen.default))
        if not isinstance(criteria, list) or not criteria or len(set(criteria)) != len(criteria):
            raise DomainError("invalid_config", field="criteria", expected="list")
        for criterion in criteria:
            if criterion not in CRITERIA:
                raise DomainError("unknown_criterion", criterion=str(criterion)[:40])
        weights = raw.get("weights", {})
        if not isinstance(weights, dict):
            raise DomainError("invalid_config", field="weights", expected="object")
        return super().validate_config(raw, context) | item_source_config(raw, context, target) | {
            "criteria": criteria, "weights": validate_weights(weights, criteria),
        }

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """A score from 1 to 5 on one of the criteria the moderator chose."""
        return BallotRules(points=(SCORE_MIN, SCORE_MAX), criteria=tuple(config["criteria"]),
                           out_of_range="score_out_of_range")

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        check_targets(allocations, targets)
        scores: dict[int, dict[str, object]] = {}
        for allocation in allocations:
            scores.setdefault(allocation.target_id, {})[allocation.criterion] = allocation.points
        for item_scores in scores.values():
            check_scores(item_scores, config["criteria"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        weights = config["weights"]
        items = items_of(data)
        scores = _scores_by_item(data.ballots)
        order = {item: position for item, _text, position in items}
        ranking = rank({item: item_score(scores.get(item, []), weights) for item, _text, _order in items},
                       {item: TieBreak(0, respondent_count(scores.get(item, [])), order[item]) for item in order})
        by_item = {entry.item: entry for entry in ranking.entries}
        texts = {item: text for item, text, _order in items}
        per_participant = {item: dict(enumerate(scores.get(item, []))) for item in order}
        stability = sensitivity(per_participant, weights)

        def summary(item: int, item_scores: list[dict[str, int]]) -> dict[str, Any]:
            agreement = item_agreement(item_scores, config["criteria"])
            return {
                "id": item, "text": texts[item], "score": display(item_score(item_scores, weights)),
                "respondents": respondent_count(item_scores),
                "criteria": {criterion: display(_mean(item_scores, criterion)) for criterion in config["criteria"]},
                "agreement": {"index": display(agreement.index), "label": agreement.label,
                              "sd": {key: display(value) for key, value in agreement.sd_by_criterion.items()}},
            }

        def group_summary(ballots: Sequence[Sequence[Allocation]]) -> dict[int, Any]:
            group_scores = _scores_by_item(ballots)
            return {item: {"score": display(item_score(group_scores.get(item, []), weights)),
                           "respondents": respondent_count(group_scores.get(item, []))} for item in order}

        return {
            "respondents": len([ballot for ballot in data.ballots if ballot]),
            "criteria": config["criteria"],
            "weights": weights,
            "scale": [SCORE_MIN, SCORE_MAX],
            "tie_break": ranking.rule,
            "items": [summary(entry.item, scores.get(entry.item, [])) | {"rank": entry.rank, "tied": entry.tied}
                      for entry in ranking.entries],
            "groups": by_group(data, group_summary),
            "sensitivity": {
                "stable": stability.stable, "top_1_changed": stability.top_1_changed,
                "top_3_changed": stability.top_3_changed,
                "max_rank_shift": {str(item): shift for item, shift in stability.max_rank_shift.items()},
                "scenarios": [{"kind": scenario.kind, "criterion": scenario.criterion,
                               "top": scenario.ranking.top(3), "top_1_changed": scenario.top_1_changed,
                               "top_3_changed": scenario.top_3_changed} for scenario in stability.scenarios],
            },
            "unscored": [item for item in order if by_item[item].rank is None],
        }


    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        """The ranked scores with each criterion's mean (its weight in the header), and what the sensitivity
        analysis found: said plainly when the first item changes as the weights vary."""
        section = ranked_section(results, words, value_key=self.score_key, value_label="score",
                                 extra=(("agreement", "agreement"), ("respondents", "respondents")))
        criteria = list(results.get("criteria", []))
        if section.table is None or not criteria:
            return section
        weights = results.get("weights", {})
        headers = (words["item"], *(f"{words.of('criterion', criterion)} (×{words.number(weights.get(criterion))})"
                                    for criterion in criteria))
        rows = tuple((item["text"], *(words.number(item.get("criteria", {}).get(criterion)) for criterion in criteria))
                     for item in results["items"])
        detail = Table(headers, rows, numeric_columns=tuple(range(1, len(criteria) + 1)))
        return replace(section, detail=detail, detail_caption=words["criteria_means"],
                       notes=_sensitivity(results, words))

    def axis_evidence(self, item: Mapping[str, Any]) -> AxisEvidence:
        if item.get("score") is None:
            return {}
        return {"score": item["score"], "agreement": (item.get("agreement") or {}).get("label")}


def _mean(item_scores: list[dict[str, int]], criterion: str) -> float | None:
    values = [scores[criterion] for scores in item_scores if criterion in scores]
    return sum(values) / len(values) if values else None


def _sensitivity(results: Mapping[str, Any], words: Words) -> tuple[str, ...]:
    """One sentence: the first item holds whatever the weights, or which weightings change it (or the top three)."""
    found = results.get("sensitivity")
    if not found or len(results.get("items", [])) < 2:
        return ()

    def named(scenario: Mapping[str, Any]) -> str:
        if scenario["kind"] == "equal_weights":
            return words["scenario_equal_weights"]
        return words[f"scenario_{scenario['kind']}"] % {"criterion": words.of("criterion", scenario["criterion"])}

    if found.get("top_1_changed"):
        changing = [named(scenario) for scenario in found["scenarios"] if scenario["top_1_changed"]]
        return (words["sensitivity_top_changes"] % {"scenarios": ", ".join(changing)},)
    if found.get("top_3_changed"):
        changing = [named(scenario) for scenario in found["scenarios"] if scenario["top_3_changed"]]
        return (words["sensitivity_top3_changes"] % {"scenarios": ", ".join(changing)},)
    return (words["sensitivity_stable"],)
