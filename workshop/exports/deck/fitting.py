"""Fitting text into slide boxes: wrapped with the committed DejaVu Sans metrics, shrunk down to a floor, then cut
with "…", so that nothing runs off its box.

The deck names DejaVu Sans, the font it measured with; where it is missing, PowerPoint's substitute (Arial,
Calibri) is narrower, so the text still fits.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pptx.oxml.ns import qn

from ..typography import ellipsized_line, normalise, text_width, wrap_lines
from .layout import EMU_PER_POINT, INSET_X, INSET_Y, LINE_HEIGHT, TEXT_CAP, WIDTH_SLACK


def font_size(points: float) -> float:
    """Sizes are written in half points: round down, so the text written is never larger than the text measured."""
    return math.floor(points * 2 + 1e-9) / 2


@dataclass(frozen=True)
class Fit:
    """A text as it will be written: possibly cut, at a font size, on so many lines."""

    text: str
    size: float
    lines: int
    truncated: bool = False

    @property
    def height(self) -> float:
        """Points of height the lines take."""
        return self.lines * self.size * LINE_HEIGHT


def _available(width: int, height: int) -> tuple[float, float]:
    return ((width - 2 * INSET_X) / EMU_PER_POINT * WIDTH_SLACK, (height - 2 * INSET_Y) / EMU_PER_POINT)


def _cut(lines: list[str], keep: int, width: float, size: float, bold: bool) -> str:
    """The first ``keep`` lines, the last one ending in an ellipsis that fits on it."""
    kept = lines[:keep]
    kept[-1:] = [ellipsized_line(kept[-1] if kept else "", lambda line: text_width(line, size, bold) <= width)]
    return " ".join(kept)


@dataclass(frozen=True)
class Para:
    """One paragraph to fit: its text, its size relative to the box's base size, its weight, the space above it."""

    text: str
    scale: float = 1.0
    bold: bool = False
    space_before: float = 0.0  # in units of the base size


def fit_paragraphs(paragraphs: Sequence[Para], width: int, height: int, *, max_size: float, min_size: float,
                   max_lines: int | None = None) -> list[Fit]:
    """Fit paragraphs into a box (EMU): the largest base size from max to min that holds them all; at the floor,
    the paragraph that straddles the bottom is cut with "…" and those after it are dropped."""
    line_width, box_height = _available(width, height)
    texts = [normalise(paragraph.text)[:TEXT_CAP] for paragraph in paragraphs]
    size = max_size
    while True:
        sizes = [font_size(size * paragraph.scale) for paragraph in paragraphs]
        wrapped = [wrap_lines(text, line_width, paragraph_size, paragraph.bold)
                   for text, paragraph, paragraph_size in zip(texts, paragraphs, sizes)]
        used = sum(len(lines) * paragraph_size * LINE_HEIGHT + paragraph.space_before * size * (index > 0)
                   for index, (lines, paragraph, paragraph_size) in enumerate(zip(wrapped, paragraphs, sizes)))
        too_long = max_lines is not None and any(len(lines) > max_lines for lines in wrapped)
        if used <= box_height and not too_long:
            return [Fit(text, paragraph_size, len(lines)) for text, lines, paragraph_size in zip(texts, wrapped, sizes)]
        if size - 1 < min_size - 1e-9:
            break
        size = max(size - 1, min_size)
    fits: list[Fit] = []
    remaining = box_height
    for index, (text, lines, paragraph) in enumerate(zip(texts, wrapped, paragraphs)):
        paragraph_size = sizes[index]
        pitch = paragraph_size * LINE_HEIGHT
        remaining -= paragraph.space_before * size * (index > 0)
        space_room = int((remaining + 1e-6) // pitch)
        room = space_room if max_lines is None else min(space_room, max_lines)
        if room <= 0:
            if fits and not fits[-1].truncated:
                previous = fits[-1]
                previous_paragraph = paragraphs[index - 1]
                previous_lines = wrap_lines(previous.text, line_width, previous.size, previous_paragraph.bold)
                fits[-1] = Fit(_cut(previous_lines, previous.lines, line_width, previous.size, previous_paragraph.bold),
                               previous.size, previous.lines, True)
            if not fits:  # not even one line fits: write one line, cut; the caller's box is too small
                fits.append(Fit(_cut(lines, 1, line_width, paragraph_size, paragraph.bold), paragraph_size, 1, True))
            break
        if len(lines) <= room:
            fits.append(Fit(text, paragraph_size, len(lines)))
            remaining -= len(lines) * pitch
            continue
        fits.append(Fit(_cut(lines, room, line_width, paragraph_size, paragraph.bold), paragraph_size, room, True))
        remaining -= room * pitch
        if room == space_room:  # out of room: the paragraphs after it are dropped
            break
    return fits


def fit_text(text: str, width: int, height: int, *, max_size: float, min_size: float, bold: bool = False,
             max_lines: int | None = None) -> Fit:
    """Fit one text into a box (EMU): see ``fit_paragraphs``."""
    return fit_paragraphs([Para(text, bold=bold)], width, height, max_size=max_size, min_size=min_size,
                          max_lines=max_lines)[0]


def box_height_for(fits: Iterable[Fit]) -> int:
    """The EMU height a box needs for these fitted lines (no space between them), insets included."""
    return int(math.ceil(sum(fit.height for fit in fits) * EMU_PER_POINT)) + 2 * INSET_Y


def needed_height(shape) -> int:  # type: ignore[no-untyped-def]
    """The EMU height a text shape of a written deck needs: its paragraphs wrapped at their run sizes.

    Measures what is in the file, not what the renderer meant (runs and fields, their sizes and weights): the
    tests check it against every box.
    """
    frame = shape.text_frame
    width = shape.width - (frame.margin_left or 0) - (frame.margin_right or 0)
    line_width = width / EMU_PER_POINT * WIDTH_SLACK
    points = 0.0
    for index, paragraph in enumerate(frame.paragraphs):
        pieces = [element for element in paragraph._p if element.tag in (qn("a:r"), qn("a:fld"))]
        sizes = [int(properties.get("sz")) / 100 for piece in pieces
                 if (properties := piece.find(qn("a:rPr"))) is not None and properties.get("sz")]
        size = max(sizes, default=18.0)
        bold = any((properties := piece.find(qn("a:rPr"))) is not None and properties.get("b") == "1"
                   for piece in pieces)
        text = "".join(piece.findtext(qn("a:t")) or "" for piece in pieces)
        points += len(wrap_lines(text, line_width, size, bold)) * size * LINE_HEIGHT
        if index and paragraph.space_before is not None:
            points += paragraph.space_before.pt
    return int(math.ceil(points * EMU_PER_POINT)) + (frame.margin_top or 0) + (frame.margin_bottom or 0)
