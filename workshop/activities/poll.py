"""Poll: single or multiple choice among options the moderator wrote."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.results import poll_results
from .base import ActivityType, ConfigContext, ResultInput, bool_field, int_field, register, text_list_field


@register
class Poll(ActivityType):
    name = "poll"
    input_kind = "ballot"

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        options = text_list_field(raw, "options", minimum=2, maximum=12, max_length=120)
        multiple = bool_field(raw, "multiple", False)
        max_choices = int_field(raw, "max_choices", len(options) if multiple else 1, minimum=1, maximum=len(options))
        return super().validate_config(raw, context) | {
            "options": options, "multiple": multiple, "max_choices": max_choices if multiple else 1,
        }

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
