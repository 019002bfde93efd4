"""Poll: single or multiple choice among options the moderator wrote."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation, BallotRules
from ..domain.errors import DomainError
from ..domain.results import poll_results
from ..domain.vocabulary import N_
from ..exports.report import Chart, ResultSection, Series, Table
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ConfigField, ResultInput, int_field, register, text_list_field


@register
class Poll(ActivityType):
    name = "poll"
    input_kind = "ballot"
    baseline = True
    label = N_("Poll")
    labels = {
        "choose_one": N_("Choose one answer."),
        "choose_up_to": N_("Choose up to %(maximum)s answers."),
        "count_percent": N_("%(count)s (%(percent)s)"),
        "config_options": N_("Options"),
        "one_per_line": N_("One per line."),
        "config_multiple": N_("Several choices allowed"),
        "config_max_choices": N_("At most this many choices"),
    }
    config_fields = (
        ConfigField("options", "lines", "config_options", hint="one_per_line", minimum=2, maximum=12, max_length=120),
        ConfigField("multiple", "boolean", "config_multiple", default=False),
        # Shown when "multiple" is ticked; the server bounds it by the number of options (all of them when unsaid).
        ConfigField("max_choices", "integer", "config_max_choices", default=2, minimum=1, maximum=12),
    )

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        listed = self.config_field("options")
        options = text_list_field(raw, "options", minimum=listed.minimum or 0, maximum=listed.maximum or 0,
                                  max_length=listed.max_length or 0)
        multiple = self.config_field("multiple").read(raw)
        max_choices = int_field(raw, "max_choices", len(options) if multiple else 1, minimum=1, maximum=len(options))
        return super().validate_config(raw, context) | {
            "options": options, "multiple": multiple, "max_choices": max_choices if multiple else 1,
        }

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        return BallotRules(points=(1, 1), positions=len(config["options"]), out_of_range="over_item_limit")

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        for allocation in allocations:
            if not 0 <= allocation.target_id < len(config["options"]):
                raise DomainError("unknown_target", target_id=allocation.target_id)
            if allocation.points != 1:
                raise DomainError("over_item_limit", target_id=allocation.target_id, max_per_item=1)
        if len(allocations) > config["max_choices"]:
            raise DomainError("too_many_choices", maximum=config["max_choices"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        return poll_results(config["options"], data.ballots)

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        options = results["options"]
        return ResultSection(
            responses=results["respondents"], summary=words["answers_count"] % {"count": results["respondents"]},
            chart=Chart("bar", words["answers"], tuple(option["label"] for option in options),
                        (Series(words["answers"], tuple(float(option["count"]) for option in options)),)),
            table=Table((words["option"], words["answers"], words["percent"]),
                        tuple((option["label"], str(option["count"]), f"{words.number(float(option['percent']))} %")
                              for option in options), numeric_columns=(1, 2)))
