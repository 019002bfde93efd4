"""Brainstorm: open ideas, shown on the wall as they arrive."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.errors import DomainError
from ..domain.vocabulary import N_
from ..exports.report import ResultSection
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ConfigField, ResultInput, board_columns, cluster_board, register

MAX_IDEA_LENGTH = 1000


@register
class Brainstorm(ActivityType):
    name = "brainstorm"
    input_kind = "idea"
    label = N_("Brainstorm")
    default_live_results = True  # the idea wall is the point of a brainstorm
    labels = {
        "your_idea": N_("Your idea"),
        "too_long": N_("Too long: %(maximum)s characters at most."),
        "results_ideas": N_("Ideas: %(ideas)s · participants: %(contributors)s"),
        "config_max_length": N_("Maximum length of an idea (characters)"),
        "config_max_per_participant": N_("Ideas per participant"),
    }
    config_fields = (
        ConfigField("max_length", "integer", "config_max_length", default=280, minimum=10, maximum=MAX_IDEA_LENGTH),
        ConfigField("max_per_participant", "integer", "config_max_per_participant", default=5, minimum=1, maximum=50),
    )

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | {field.name: field.read(raw) for field in self.config_fields}

    def check_idea(self, config: Mapping[str, Any], text: str, ideas_already_given: int) -> None:
        if len(text) > config["max_length"]:
            raise DomainError("text_too_long", field="text", max_length=config["max_length"], length=len(text))
        if ideas_already_given >= config["max_per_participant"]:
            raise DomainError("too_many_ideas", maximum=config["max_per_participant"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        contributors = {idea.participant_key for idea in data.ideas if idea.participant_key}
        return {"ideas": sum(idea.on_wall for idea in data.ideas), "contributors": len(contributors),
                "board": cluster_board(data)}

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        return ResultSection(
            responses=results.get("ideas", 0), clusters=board_columns(results, words),
            summary=words["ideas_from"] % {"ideas": results.get("ideas", 0),
                                           "contributors": results.get("contributors", 0)})
