"""Scale: rate one or several statements from 1 to 5, with labels for the ends."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.results import scale_results
from .base import ActivityType, ConfigContext, ResultInput, register, text_list_field

MINIMUM, MAXIMUM = 1, 5


@register
class Scale(ActivityType):
    name = "scale"
    input_kind = "ballot"

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        items = text_list_field(raw, "items", minimum=1, maximum=10, max_length=200, default=[context.prompt[:200]])
        labels = raw.get("labels")
        config: dict[str, Any] = {"items": items, "minimum": MINIMUM, "maximum": MAXIMUM}
        # Without labels the pages show translated defaults (« Pas du tout d'accord » … « Tout à fait d'accord »).
        if labels is not None:
            config["labels"] = text_list_field(raw, "labels", minimum=MAXIMUM - MINIMUM + 1,
                                               maximum=MAXIMUM - MINIMUM + 1, max_length=40)
        return super().validate_config(raw, context) | config

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        for allocation in allocations:
            if not 0 <= allocation.target_id < len(config["items"]):
                raise DomainError("unknown_target", target_id=allocation.target_id)
            if not config["minimum"] <= allocation.points <= config["maximum"]:
                raise DomainError("score_out_of_range", minimum=config["minimum"], maximum=config["maximum"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        return scale_results(config["items"], data.ballots, minimum=config["minimum"], maximum=config["maximum"])
