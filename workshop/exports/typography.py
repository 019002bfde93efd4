"""Text as every export writes it: cleaned for Office files, measured with the committed fonts, cut with an ellipsis,
kept in its own direction inside right-to-left pages, punctuated as its language wants.

The slides measure every text with DejaVu Sans (assets/, the font the deck names), so what was fitted is what is
shown; the documents' chart pictures draw with the body's font where the system has it. Nothing here knows of a
report: renderers (deck/, word/, render_*.py) call it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import ImageFont

ASSETS = Path(__file__).parent / "assets"
FONT = "DejaVu Sans"  # covers Latin and Arabic; the committed TTFs are the ones text is measured with
FONT_FILES = {False: ASSETS / "DejaVuSans.ttf", True: ASSETS / "DejaVuSans-Bold.ttf"}  # bold?
ELLIPSIS = "…"
LRM = "\u200e"  # left-to-right mark
ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")

# --- Cleaning ----------------------------------------------------------------------------------------------------

# XML 1.0 forbids C0 control characters except tab, line feed and carriage return: openpyxl refuses them, python-docx
# raises and python-pptx writes a file PowerPoint cannot open; lone surrogates and U+FFFE/U+FFFF are refused too.
# A vertical tab or form feed is what Word pastes for a manual line break, and a carriage return ends a line on
# Windows, so those become line breaks; the others carry nothing a reader could see.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029]")
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """The text without the characters that XML (so xlsx, pptx and docx) cannot hold; its line breaks as ``\\n``."""
    return _FORBIDDEN.sub("", _LINE_BREAKS.sub("\n", text))


# Where a line may break: any white space but the no-break spaces (French puts one before ":" and inside "(9)").
BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def normalise(text: str) -> str:
    """One line of clean text: control characters gone, runs of spaces and line breaks collapsed."""
    return BREAKABLE_SPACE.sub(" ", clean_text(text)).strip()


# --- Measuring with the committed font ----------------------------------------------------------------------------

@lru_cache(maxsize=2)
def _measuring_font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[bold]), 100)


@lru_cache(maxsize=100_000)
def advance(text: str, bold: bool) -> float:
    """Width of ``text`` at 1 pt, in points (shaped by raqm when Pillow has it)."""
    return float(_measuring_font(bold).getlength(text)) / 100


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of text; long runs are summed by character (no shaping: a little wider)."""
    if len(text) <= 48:
        return advance(text, bold) * size
    return sum(advance(character, bold) for character in text) * size


def wrap_lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap, as PowerPoint and Impress do it; a word wider than the line is cut by characters."""
    space = advance(" ", bold) * size
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current: list[str] = []
        current_width = 0.0
        for word in (word for word in BREAKABLE_SPACE.split(paragraph) if word):
            word_width = text_width(word, size, bold)
            if current and current_width + space + word_width <= width:
                current.append(word)
                current_width += space + word_width
                continue
            if current:
                lines.append(" ".join(current))
                current, current_width = [], 0.0
            if word_width <= width:
                current, current_width = [word], word_width
                continue
            chunk, chunk_width = "", 0.0
            for character in word:
                character_width = advance(character, bold) * size
                if chunk and chunk_width + character_width > width:
                    lines.append(chunk)
                    chunk, chunk_width = "", 0.0
                chunk += character
                chunk_width += character_width
            current, current_width = [chunk], chunk_width
        lines.append(" ".join(current))
    return lines


@lru_cache(maxsize=8)
def picture_font(size: int, arabic: bool, bold: bool = False) -> Any:
    """A font to draw a picture with: the documents' body font where the system has it (Arial or Liberation Sans),
    DejaVu Sans for Arabic and as the fallback; None when none can be loaded."""
    dejavu = str(FONT_FILES[bold])
    latin = ("LiberationSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf") if bold else \
        ("LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf")
    names = (dejavu, FONT_FILES[bold].name) if arabic else (*latin, dejavu)
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


# --- Cutting with an ellipsis ------------------------------------------------------------------------------------

def ellipsized_line(line: str, fits: Callable[[str], bool]) -> str:
    """The line, shortened word by word until it fits with its ellipsis; trailing punctuation goes too."""
    while line and not fits(line + ELLIPSIS):
        line = line.rsplit(" ", 1)[0] if " " in line else line[:-1]
    return line.rstrip(" ,;:.") + ELLIPSIS


def _word_boundary(text: str, length: int) -> str:
    """The first ``length`` characters, back to the end of their last whole word when there is one; a single word
    longer than that is cut where it must be."""
    if length >= len(text):
        return text
    if text[length].isspace():
        kept = text[:length]
    else:
        kept = text[:length].rsplit(None, 1)[0] if any(character.isspace() for character in text[:length]) else \
            text[:length]
    return kept.rstrip(" ,;:.-–—(")


def ellipsized_prefix(text: str, fits: Callable[[str], bool]) -> str:
    """The text whole if it fits, else its longest beginning of whole words that fits with an ellipsis (a picture's
    label); a lone word too long is cut inside, still with its ellipsis."""
    if fits(text):
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle] + ELLIPSIS):
            low = middle
        else:
            high = middle - 1
    return _word_boundary(text, low) + ELLIPSIS


def shortened(text: str, limit: int) -> str:
    """At most ``limit`` characters: whole words and an ellipsis when it is longer (chart categories, titles)."""
    if len(text) <= limit:
        return text
    return _word_boundary(text, limit - 1) + ELLIPSIS


# --- Direction and punctuation -----------------------------------------------------------------------------------

def _left_to_right_first(text: str) -> bool:
    """True when the text starts with a Latin letter, or has no letter at all (numbers, dates, "+1")."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return True
        if kind in ("R", "AL"):
            return False
    return True


# A Latin stretch inside Arabic text: from a Latin letter to the last character before the next Arabic letter, so a
# count or a bracket after a French name ("Casablanca-Settat (10)") goes with it.
_LATIN_STRETCH = re.compile(r"[A-Za-z\u00c0-\u024f][^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\n]*")


def bidi_safe(text: str) -> str:
    """A French sentence or a number inside a right-to-left paragraph, kept in its own order.

    The paragraph's direction would otherwise claim the neutral characters at its ends: "5 idées ?" shows as
    "? idées 5" and "+1" as "1+". Left-to-right marks at both ends hold them to the Latin text. Inside an Arabic
    sentence, each Latin stretch gets a mark at its end, so "الجهة Casablanca-Settat (10)" keeps "(10)" after the
    name instead of swapping its brackets to the other side.
    """
    if text and _left_to_right_first(text):
        return LRM + text.replace("\n", LRM + "\n" + LRM) + LRM
    if ARABIC.search(text):
        return _LATIN_STRETCH.sub(lambda match: match.group(0).rstrip() + LRM + match.group(0)[len(match.group(0).rstrip()):],
                                  text)
    return text


def list_separator(language: str) -> str:
    """Between the items of a list: the Arabic comma in Arabic (« ، »), a comma elsewhere."""
    return "، " if language == "ar" else ", "


def listed(items: Iterable[str], language: str) -> str:
    return list_separator(language).join(items)


def colon(language: str) -> str:
    """"Label : text" in French typography, "Label: text" elsewhere."""
    return "\u00a0: " if language == "fr" else ": "
