"""Content people type in several languages: one base text (as typed, usually French) and optional versions.

A record that carries typed content (an activity's prompt and options, a room's name, an axe's fields, the
strategy's title and vision, the event's title) keeps its base text in its own columns and the other
languages in one JSON value shaped ``{"ar": {"prompt": "…"}, "en": {"prompt": "…"}}``. Pages and documents ask
for a field in their language and learn whether they got a fallback, so they can mark it instead of silently
printing French under Arabic headings.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import DomainError
from .languages import LANGUAGE_CODES
from .text import clean_text

Versions = dict[str, dict[str, str]]


@dataclass(frozen=True)
class Localized:
    text: str
    language: str | None  # the language the text is in; None when the base text's language is not known
    fallback: bool  # True when the asked language had no version and the base text stands in


def localized(field: str, base: str, versions: Mapping[str, Mapping[str, str]] | None, language: str,
              *, base_language: str | None = "fr") -> Localized:
    """The text of ``field`` in ``language``: its version if there is one, else the base text (flagged)."""
    version = ((versions or {}).get(language) or {}).get(field)
    if version:
        return Localized(version, language, False)
    if base_language == language:
        return Localized(base, language, False)
    return Localized(base, base_language, bool(base))


def with_version(versions: Mapping[str, Mapping[str, str]] | None, language: str, field: str, raw: object,
                 *, max_length: int) -> Versions:
    """A copy of ``versions`` with ``field`` set in ``language`` (an empty text removes that version)."""
    if language not in LANGUAGE_CODES:
        raise DomainError("unknown_language", language=language)
    text = clean_text(raw) if raw is not None else ""
    if len(text) > max_length:
        raise DomainError("text_too_long", field=field, max_length=max_length, length=len(text))
    copy: Versions = {code: dict(fields) for code, fields in (versions or {}).items() if fields}
    fields = copy.setdefault(language, {})
    if text:
        fields[field] = text
    else:
        fields.pop(field, None)
    return {code: fields for code, fields in copy.items() if fields}


def checked_versions(raw: Any, fields: Mapping[str, int]) -> Versions:
    """Versions sent by a page or a command: known languages and fields only, each text cleaned and bounded.

    ``fields`` maps each field that may carry versions to its maximum length.
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_type", field="versions", expected="object")
    result: Versions = {}
    for language, by_field in raw.items():
        if not isinstance(by_field, Mapping):
            raise DomainError("invalid_type", field="versions", expected="object")
        for field, text in by_field.items():
            if field not in fields:
                raise DomainError("invalid_versions", field=str(field)[:40])
            result = with_version(result, str(language), field, text, max_length=fields[field])
    return result
