"""Cleaning what people type: one normal form, no invisible tricks, bounded length."""
from __future__ import annotations

import re
import unicodedata

from .errors import DomainError

# Bidi overrides and isolates let a text display reversed or spoofed; plain RTL letters need none of them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_SPACES = re.compile(r"\s+")
# Characters that draw nothing but are not format characters (Cf): the Hangul fillers, the braille blank, the
# combining grapheme joiner, the Mongolian vowel separator. With the Cf ones (U+200B, U+FEFF, U+2060…) and white
# space, a text made only of them is a blank card and "idea\u200b" stands beside "idea": stripped at the ends.
_DRAWS_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u180e")


def _invisible(char: str) -> bool:
    return char.isspace() or char in _DRAWS_NOTHING or unicodedata.category(char) == "Cf"


def _strip_invisible(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def clean_text(raw: object) -> str:
    """NFC-normalize, drop control and bidi-override characters, fold runs of white space, strip what draws nothing
    (white space, zero-width and other format characters, fillers) at both ends."""
    if not isinstance(raw, str):
        raise DomainError("invalid_type", field="text", expected="string")
    text = unicodedata.normalize("NFC", raw)
    if text.isprintable():
        # Nothing to drop: a printable text holds no control (Cc), format (Cf, the bidi controls among them),
        # surrogate, private-use or unassigned character. Most ideas take this way, without the loop below.
        return _strip_invisible(_SPACES.sub(" ", text))
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
    return _strip_invisible(_SPACES.sub(" ", "".join(kept)))


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
