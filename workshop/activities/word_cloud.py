"""Word cloud: answers of one to three words, drawn by the projector from server-side frequencies."""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from stop_words import get_stop_words

from ..domain.errors import DomainError
from ..domain.text import word_count
from ..domain.vocabulary import N_
from ..domain.wordfreq import word_frequencies
from ..exports.report import ResultSection
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ConfigField, ResultInput, board_columns, cluster_board, register

MAX_ANSWER_LENGTH = 60


@cache
def cloud_stopwords() -> frozenset[str]:
    """French first, with English and Arabic: a room mixes the three."""
    words: set[str] = set()
    for language in ("french", "english", "arabic"):
        words.update(word.lower() for word in get_stop_words(language))
    return frozenset(words)


@register
class WordCloud(ActivityType):
    name = "word_cloud"
    input_kind = "idea"
    label = N_("Word cloud")
    default_live_results = True
    draws_word_cloud = True
    labels = {
        "your_words": N_("Your answer, in %(maximum)s words at most"),
        "words": N_("%(count)s / %(maximum)s words"),
        "too_many_words": N_("Answer in %(maximum)s words at most."),
        "results_answers": N_("Answers: %(count)s"),
        "config_max_words": N_("Words per answer (1 to 3)"),
        "config_max_answers": N_("Answers per participant"),
    }
    config_fields = (
        ConfigField("max_words", "integer", "config_max_words", default=3, minimum=1, maximum=3),
        ConfigField("max_per_participant", "integer", "config_max_answers", default=3, minimum=1, maximum=10),
    )
    browser_limits = {"max_answer_length": MAX_ANSWER_LENGTH}

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | {field.name: field.read(raw) for field in self.config_fields}

    def check_idea(self, config: Mapping[str, Any], text: str, ideas_already_given: int) -> None:
        if len(text) > MAX_ANSWER_LENGTH:
            raise DomainError("text_too_long", field="text", max_length=MAX_ANSWER_LENGTH, length=len(text))
        if word_count(text) > config["max_words"]:
            raise DomainError("too_many_words", max_words=config["max_words"])
        if ideas_already_given >= config["max_per_participant"]:
            raise DomainError("too_many_ideas", maximum=config["max_per_participant"])

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        visible = [idea.text for idea in data.ideas if idea.shown]
        frequencies = word_frequencies(visible, cloud_stopwords(), limit=120)
        return {"answers": len(visible), "frequencies": [[word, count] for word, count in frequencies],
                "board": cluster_board(data)}

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        answers = results.get("answers", 0)
        return ResultSection(
            responses=answers, summary=words["answers_count"] % {"count": answers},
            word_frequencies=tuple((word, count) for word, count in results.get("frequencies", [])),
            clusters=board_columns(results, words))
