"""Brainstorm: open ideas, shown on the wall as they arrive."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.errors import DomainError
from .base import ActivityType, ConfigContext, ResultInput, cluster_board, int_field, register

MAX_IDEA_LENGTH = 1000


@register
class Brainstorm(ActivityType):
    name = "brainstorm"
    input_kind = "idea"
    default_live_results = True  # the idea wall is the point of a brainstorm

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | {
            "max_length": int_field(raw, "max_length", 280, minimum=10, maximum=MAX_IDEA_LENGTH),
            "max_per_participant": int_field(raw, "max_per_participant", 5, minimum=1, maximum=50),
        }

    def check_idea(self, config: Mapping[str, Any], text: str, ideas_already_given: int) -> None:
        if len(text) > config["max_length"]:
            raise DomainError("text_too_long", field="text", max_length=config["max_length"], length=len(text))
        if ideas_already_given >= config["max_per_participant"]:
            raise DomainError("too_many_ideas", maximum=config["max_per_participant"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        contributors = {idea.participant_key for idea in data.ideas if idea.participant_key}
        return {"ideas": sum(idea.on_wall for idea in data.ideas), "contributors": len(contributors),
                "board": cluster_board(data)}
