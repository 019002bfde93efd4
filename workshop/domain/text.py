"""Cleaning what people type: one normal form, no invisible tricks, bounded length."""
from __future__ import annotations

import re
import unicodedata

from .errors import DomainError

# Bidi overrides and isolates let a text display reversed or spoofed; plain RTL letters need none of them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_SPACES = re.compile(r"\s+")


def clean_text(raw: object) -> str:
    """NFC-normalize, drop control and bidi-override characters, fold runs of white space."""
    if not isinstance(raw, str):
        raise DomainError("invalid_type", field="text", expected="string")
    text = unicodedata.normalize("NFC", raw)
    kept = []
    for char in text:
        if char in _BIDI_CONTROLS:
            continue
        category = unicodedata.category(char)
        if category == "Cc" and char not in "\t\n\r":
            continue
        if category in ("Cs", "Co", "Cn"):  # lone surrogates, private use, unassigned
            continue
        kept.append(char)
    return _SPACES.sub(" ", "".join(kept)).strip()


def checked_text(raw: object, *, max_length: int, field: str = "text") -> str:
    """Clean ``raw`` and refuse it when empty or longer than ``max_length`` characters."""
    text = clean_text(raw)
    if not text:
        raise DomainError("text_empty", field=field)
    if len(text) > max_length:
        raise DomainError("text_too_long", field=field, max_length=max_length, length=len(text))
    return text


def word_count(text: str) -> int:
    """Words as a participant would count them: runs of letters or digits, apostrophes kept inside."""
    return len(re.findall(r"[\w'’-]+", text))
