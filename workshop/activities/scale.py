"""Scale: rate one or several statements from 1 to 5, with labels for the ends."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.errors import DomainError
from ..domain.results import scale_results
from ..domain.vocabulary import N_
from ..exports.report import Chart, ResultSection, Series, Table
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ConfigField, ResultInput, register, text_list_field

MINIMUM, MAXIMUM = 1, 5


@register
class Scale(ActivityType):
    name = "scale"
    input_kind = "ballot"
    baseline = True
    label = N_("Scale")
    labels = {
        # Without labels of its own, a scale shows these under its ends (« Pas du tout d'accord » …).
        "scale_1": N_("Strongly disagree"),
        "scale_2": N_("Disagree"),
        "scale_3": N_("Neither agree nor disagree"),
        "scale_4": N_("Agree"),
        "scale_5": N_("Strongly agree"),
        "scale_mean": N_("Average: %(mean)s / %(maximum)s · answers: %(count)s"),
        "distribution": N_("Distribution of the answers"),
        "config_items": N_("Statements to rate"),
        "config_items_hint": N_("One per line. Empty: the question itself is rated."),
        "config_labels": N_("Labels of the 5 steps (optional)"),
        "config_labels_hint": N_("Five lines, from 1 to 5. Empty: from “Strongly disagree” to “Strongly agree”."),
    }
    config_fields = (
        ConfigField("items", "lines", "config_items", hint="config_items_hint", minimum=1, maximum=10, max_length=200,
                    optional=True),
        ConfigField("labels", "lines", "config_labels", hint="config_labels_hint", minimum=MAXIMUM - MINIMUM + 1,
                    maximum=MAXIMUM - MINIMUM + 1, max_length=40, optional=True, rows=5),
    )

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        statements, steps = self.config_fields
        items = text_list_field(raw, "items", minimum=statements.minimum or 0, maximum=statements.maximum or 0,
                                max_length=statements.max_length or 0, default=[context.prompt[:200]])
        labels = raw.get("labels")
        config: dict[str, Any] = {"items": items, "minimum": MINIMUM, "maximum": MAXIMUM}
        # Without labels the pages show translated defaults (« Pas du tout d'accord » … « Tout à fait d'accord »).
        if labels is not None:
            config["labels"] = text_list_field(raw, "labels", minimum=steps.minimum or 0, maximum=steps.maximum or 0,
                                               max_length=steps.max_length or 0)
        return super().validate_config(raw, context) | config

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        return BallotRules(points=(config["minimum"], config["maximum"]), positions=len(config["items"]),
                           out_of_range="score_out_of_range")

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        for allocation in allocations:
            if not 0 <= allocation.target_id < len(config["items"]):
                raise DomainError("unknown_target", target_id=allocation.target_id)
            if not config["minimum"] <= allocation.points <= config["maximum"]:
                raise DomainError("score_out_of_range", minimum=config["minimum"], maximum=config["maximum"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        return scale_results(config["items"], data.ballots, minimum=config["minimum"], maximum=config["maximum"])

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        items = results["items"]
        levels = range(results["minimum"], results["maximum"] + 1)
        labels = config.get("labels") or [str(level) for level in levels]
        return ResultSection(
            responses=results["respondents"], summary=words["answers_count"] % {"count": results["respondents"]},
            chart=Chart("stacked_bar", words["answers"], tuple(item["label"] for item in items),
                        tuple(Series(labels[index], tuple(float(item["distribution"][index]) for item in items))
                              for index, _level in enumerate(levels))),
            table=Table((words["item"], words["answers"], words["mean"], words["median"]),
                        tuple((item["label"], str(item["count"]), words.number(item["mean"]), words.number(item["median"]))
                              for item in items), numeric_columns=(1, 2, 3)))
