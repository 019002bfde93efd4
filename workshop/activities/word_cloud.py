"""Word cloud: answers of one to three words, drawn by the projector from server-side frequencies."""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from stop_words import get_stop_words

from ..domain.errors import DomainError
from ..domain.text import word_count
from ..domain.wordfreq import word_frequencies
from .base import ActivityType, ConfigContext, ResultInput, cluster_board, int_field, register

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
    default_live_results = True

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        return super().validate_config(raw, context) | {
            "max_words": int_field(raw, "max_words", 3, minimum=1, maximum=3),
            "max_per_participant": int_field(raw, "max_per_participant", 3, minimum=1, maximum=10),
        }

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
