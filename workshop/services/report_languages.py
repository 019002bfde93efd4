"""Typed content in the report's language: an axe's title and record sentences, the strategy's title and vision,
each in its version for that language when someone gave one (domain/multilingual.py), else the French text marked
« [en français] », so an Arabic document never prints French under Arabic headings without saying so.
"""
from __future__ import annotations

import copy
from typing import Any

from ..domain.axes import VERSIONED_FIELDS, base_text
from ..domain.multilingual import localized
from ..exports.words import Words
from ..models import Axis

BASE_LANGUAGE = "fr"  # what people type in the console


def marked(text: str, fallback: bool, words: Words) -> str:
    """The text, with the "still in French" mark when it stands in for a missing version."""
    return words["in_french_only"] % {"text": text} if fallback and text else text


def localized_text(record: Any, field: str, base: str, words: Words) -> str:
    """One field of a record that may carry ``versions`` (the event and the strategy once they have the column)."""
    found = localized(field, base, getattr(record, "versions", None), words.language, base_language=BASE_LANGUAGE)
    return marked(found.text, found.fallback, words)


def localized_axis(axis: Axis, words: Words) -> tuple[str, dict[str, Any], tuple[str, ...]]:
    """The axe's title and a copy of its record with every versioned sentence in the report's language; and the
    fields that are still only in French."""
    fields = copy.deepcopy(axis.fields)
    untranslated = []
    title = axis.title
    for path in VERSIONED_FIELDS:
        found = localized(path, base_text(axis.title, axis.fields, path), axis.versions, words.language,
                          base_language=BASE_LANGUAGE)
        if found.fallback:
            untranslated.append(path)
        text = marked(found.text, found.fallback, words)
        if path == "title":
            title = text
            continue
        group, _, name = path.partition(".")
        if isinstance(fields.get(group), dict) and text:
            fields[group][name] = text
    return title, fields, tuple(untranslated)
