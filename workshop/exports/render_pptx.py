"""The restitution deck: a 16:9 PowerPoint file the moderator projects the afternoon of the meeting.

Built on the committed template (assets/deck_template.pptx: theme colours, layouts with title placeholders), with
native charts, tables and shapes that stay editable. Every text is fitted before it is written: wrapped with the
committed DejaVu Sans metrics, shrunk down to a floor, then cut with "…", so nothing runs off its box. The deck
names DejaVu Sans, the font it measured with; where it is missing, PowerPoint's substitute (Arial, Calibri) is
narrower, so the text still fits.

Right-to-left reports get rtl="1" on every paragraph, start-aligned text on the right, Arabic run language, the
layout mirrored (panels, columns of cards, footers); the quantitative plots keep their axes.
"""
from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from lxml import etree
from PIL import ImageFont
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from .render_csv import clean_text
from ..domain.languages import decimal_number
from .labels import Labels
from .render_wordcloud import render_wordcloud_png
from .report import (ActivityReport, ActorPoint, AxisReport, Chart, ClusterCards, MatrixPoint, Report, RoomReport,
                     StrategyReport, Table)

ASSETS = Path(__file__).parent / "assets"
TEMPLATE = ASSETS / "deck_template.pptx"
FONT = "DejaVu Sans"  # covers Latin and Arabic; the committed TTFs are the ones text is measured with
FONT_FILES = {False: ASSETS / "DejaVuSans.ttf", True: ASSETS / "DejaVuSans-Bold.ttf"}
RUN_LANGUAGE = {"fr": "fr-FR", "en": "en-GB", "ar": "ar-MA"}

EMU_PER_INCH = 914400
EMU_PER_POINT = 12700
SLIDE_WIDTH, SLIDE_HEIGHT = 12192000, 6858000


def inches(value: float) -> int:
    return int(round(value * EMU_PER_INCH))


MARGIN = inches(0.6)
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
KICKER_TOP, KICKER_HEIGHT = inches(0.2), inches(0.34)
TITLE_TOP, TITLE_HEIGHT = inches(0.52), inches(0.95)
SUBLINE_TOP, SUBLINE_HEIGHT = inches(1.47), inches(0.4)
BODY_TOP, BODY_BOTTOM = inches(2.0), inches(6.85)
BODY_HEIGHT = BODY_BOTTOM - BODY_TOP
FOOTER_TOP, FOOTER_HEIGHT = inches(7.02), inches(0.36)
GAP = inches(0.2)

# ---------------------------------------------------------------------------------------------------------------
# Measuring and fitting text
# ---------------------------------------------------------------------------------------------------------------

LINE_HEIGHT = 1.2  # line pitch over font size at single spacing (PowerPoint: 1.2; LibreOffice, DejaVu: 1.164)
WIDTH_SLACK = 0.92  # lines are wrapped to 92% of the box: hinting, kerning and another renderer's breaks differ
INSET_X, INSET_Y = inches(0.08), inches(0.05)
ELLIPSIS = "…"
TEXT_CAP = 4000  # no box shows more characters than this; longer texts are cut before they are measured


@lru_cache(maxsize=2)
def _measuring_font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[bold]), 100)


@lru_cache(maxsize=100_000)
def _advance(text: str, bold: bool) -> float:
    """Width of ``text`` at 1 pt, in points (shaped by raqm when Pillow has it)."""
    return float(_measuring_font(bold).getlength(text)) / 100


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of one line of text; long runs are summed by character (no shaping: a little wider)."""
    if len(text) <= 48:
        return _advance(text, bold) * size
    return sum(_advance(character, bold) for character in text) * size


# Where a line may break: any white space but the no-break spaces (French puts one before ":" and inside "(9)").
BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


def wrap_lines(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap, as PowerPoint and Impress do it; a word wider than the line is cut by characters."""
    space = _advance(" ", bold) * size
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
                character_width = _advance(character, bold) * size
                if chunk and chunk_width + character_width > width:
                    lines.append(chunk)
                    chunk, chunk_width = "", 0.0
                chunk += character
                chunk_width += character_width
            current, current_width = [chunk], chunk_width
        lines.append(" ".join(current))
    return lines


def normalise(text: str) -> str:
    """One line of clean text: control characters gone, runs of spaces and line breaks collapsed."""
    return BREAKABLE_SPACE.sub(" ", clean_text(text)).strip()


def _font_size(points: float) -> float:
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
    last = kept[-1] if kept else ""
    while last and text_width(last + ELLIPSIS, size, bold) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1:] = [last.rstrip(" ,;:.") + ELLIPSIS]
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
        sizes = [_font_size(size * paragraph.scale) for paragraph in paragraphs]
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


# ---------------------------------------------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------------------------------------------

Colour = MSO_THEME_COLOR | RGBColor
TITLE_COLOUR = MSO_THEME_COLOR.TEXT_2
TEXT_COLOUR = MSO_THEME_COLOR.TEXT_1
MUTED = RGBColor(0x5B, 0x6B, 0x73)
WHITE = MSO_THEME_COLOR.BACKGROUND_1
PANEL = MSO_THEME_COLOR.BACKGROUND_2
ACCENTS = (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2, MSO_THEME_COLOR.ACCENT_6, MSO_THEME_COLOR.ACCENT_3,
           MSO_THEME_COLOR.ACCENT_4, MSO_THEME_COLOR.ACCENT_5)
# Alignment of an actor, −2 … +2: red to green through grey, as on the strategy pages.
ALIGNMENT_COLOURS = {-2: RGBColor(0xA2, 0x3B, 0x52), -1: RGBColor(0xD9, 0x78, 0x2D), 0: RGBColor(0x8A, 0x96, 0x9C),
                     1: RGBColor(0x7F, 0xA6, 0x6A), 2: RGBColor(0x2E, 0x6B, 0x3A)}
ALIGNMENT_LABELS = {-2: "deck_alignment_strongly_opposed", -1: "deck_alignment_opposed", 0: "deck_alignment_neutral",
                    1: "deck_alignment_supportive", 2: "deck_alignment_strongly_supportive"}
# Ordered answers (a scale) from the lowest level to the highest: red, orange, grey, light green, green.
SCALE_STOPS = ((0xA2, 0x3B, 0x52), (0xD9, 0x78, 0x2D), (0xB8, 0xC0, 0xC4), (0x7F, 0xA6, 0x6A), (0x2E, 0x6B, 0x3A))


def scale_colours(count: int) -> list[RGBColor]:
    """``count`` colours spread evenly over the red → green ramp."""
    if count == 1:
        return [RGBColor(*SCALE_STOPS[-1])]
    colours = []
    for index in range(count):
        position = index / (count - 1) * (len(SCALE_STOPS) - 1)
        low = min(int(position), len(SCALE_STOPS) - 2)
        fraction = position - low
        colours.append(RGBColor(*(round(a + (b - a) * fraction) for a, b in zip(SCALE_STOPS[low], SCALE_STOPS[low + 1]))))
    return colours


def _set_colour(colour_format, colour: Colour, brightness: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    if isinstance(colour, RGBColor):
        colour_format.rgb = colour
    else:
        colour_format.theme_color = colour
    if brightness:
        colour_format.brightness = brightness


# ---------------------------------------------------------------------------------------------------------------
# The deck
# ---------------------------------------------------------------------------------------------------------------

Align = Literal["start", "end", "center"]


class TablePage(NamedTuple):
    start: int
    end: int
    left_out: int = 0  # rows past the last page allowed (see MAX_TABLE_PAGES)


@dataclass(frozen=True)
class WallColumn:
    colour_index: int
    label: str
    continued: bool
    cards: tuple[Fit, ...]
    ideas: tuple[str, ...]  # the ideas as written, for the speaker notes (a card may show them cut)
    left_out: int = 0  # ideas that did not fit on the last slide allowed (see MAX_WALL_SLIDES)


@dataclass(frozen=True)
class Wall:
    width: int
    size: float
    pages: list[list[WallColumn]]


MAX_WALL_SLIDES = 8  # per activity: beyond, the deck points to the spreadsheet (a wall of 2,000 ideas is no slide)
MAX_BARS = 15  # bars in one chart; the rest are in the spreadsheet
MAX_TABLE_PAGES = 4


class _Deck:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.labels = Labels(report.labels)
        self.rtl = report.meta.direction == "rtl"
        self.language = RUN_LANGUAGE.get(report.meta.language, report.meta.language or "fr-FR")
        self.prs = Presentation(str(TEMPLATE))
        self.layouts = {layout.name: layout for layout in self.prs.slide_layouts}

    # -- helpers ---------------------------------------------------------------------------------------------------

    def label(self, key: str) -> str:
        return self.labels.get_or_key(key)

    def formatted(self, key: str, **values: object) -> str:
        """A label with placeholders (``%(name)s``); a translation that lost one falls back to English."""
        try:
            return self.label(key) % values
        except (KeyError, TypeError, ValueError):
            return Labels.english(key) % values

    def pair(self, key: str, value: object) -> str:
        """“Label: value”, punctuated as the language wants it (French puts a space before the colon)."""
        return self.formatted("deck_label_value", label=self.label(key), value=value)

    def x(self, left: int, width: int) -> int:
        """A left edge laid out for a left-to-right page, mirrored on a right-to-left one."""
        return SLIDE_WIDTH - left - width if self.rtl else left

    def _alignment(self, align: Align) -> PP_ALIGN:
        if align == "center":
            return PP_ALIGN.CENTER
        return PP_ALIGN.RIGHT if (align == "start") == self.rtl else PP_ALIGN.LEFT

    def style_paragraph(self, paragraph, align: Align = "start") -> None:  # type: ignore[no-untyped-def]
        paragraph.alignment = self._alignment(align)
        if self.rtl:
            paragraph._p.get_or_add_pPr().set("rtl", "1")

    def style_run(self, run, size: float, bold: bool = False, colour: Colour = TEXT_COLOUR,  # type: ignore[no-untyped-def]
                  italic: bool = False) -> None:
        font = run.font
        font.size = Pt(_font_size(size))
        font.bold = bold
        font.italic = italic or None
        font.name = FONT
        _set_colour(font.color, colour)
        properties = run._r.get_or_add_rPr()
        properties.set("lang", self.language)
        if properties.find(qn("a:cs")) is None:
            etree.SubElement(properties, qn("a:cs")).set("typeface", FONT)

    def write(self, frame, fits: Sequence[Fit], paragraphs: Sequence[Para], *, colour: Colour = TEXT_COLOUR,  # type: ignore[no-untyped-def]
              align: Align = "start", anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, base: float = 0.0,
              colours: Sequence[Colour] | None = None) -> None:
        frame.clear()
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = INSET_X
        frame.margin_top = frame.margin_bottom = INSET_Y
        body = frame._txBody.find(qn("a:bodyPr"))
        for child in list(body):  # no shrink-on-overflow inherited from a layout: the text was fitted
            body.remove(child)
        etree.SubElement(body, qn("a:noAutofit"))
        for index, (fit, paragraph) in enumerate(zip(fits, paragraphs)):
            target = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            self.style_paragraph(target, align)
            if index and paragraph.space_before:
                target.space_before = Pt(paragraph.space_before * base)
            run = target.add_run()
            run.text = fit.text
            self.style_run(run, fit.size, paragraph.bold, colours[index] if colours else colour)

    def text_box(self, slide, left: int, top: int, width: int, height: int, paragraphs: Sequence[Para] | str, *,  # type: ignore[no-untyped-def]
                 max_size: float, min_size: float, bold: bool = False, colour: Colour = TEXT_COLOUR,
                 align: Align = "start", anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, max_lines: int | None = None,
                 mirror: bool = True, colours: Sequence[Colour] | None = None, name: str | None = None):
        if isinstance(paragraphs, str):
            paragraphs = [Para(paragraphs, bold=bold)]
        fits = fit_paragraphs(paragraphs, width, height, max_size=max_size, min_size=min_size, max_lines=max_lines)
        shape = slide.shapes.add_textbox(self.x(left, width) if mirror else left, top, width, height)
        if name:
            shape.name = name
        base = fits[0].size / paragraphs[0].scale if fits else max_size
        self.write(shape.text_frame, fits, paragraphs[:len(fits)], colour=colour, align=align, anchor=anchor,
                   base=base, colours=colours)
        return shape

    def rectangle(self, slide, left: int, top: int, width: int, height: int, fill: Colour | None, *,  # type: ignore[no-untyped-def]
                  brightness: float = 0.0, line: Colour | None = None, shape_type: MSO_SHAPE = MSO_SHAPE.RECTANGLE,
                  mirror: bool = True):
        shape = slide.shapes.add_shape(shape_type, self.x(left, width) if mirror else left, top, width, height)
        # No theme style: its effect reference puts a shadow under every shape in LibreOffice, empty effect list or
        # not; fill, line and text colours are all set here.
        style = shape._element.find(qn("p:style"))
        if style is not None:
            shape._element.remove(style)
        if fill is None:
            shape.fill.background()
        else:
            shape.fill.solid()
            _set_colour(shape.fill.fore_color, fill, brightness)
        if line is None:
            shape.line.fill.background()
        else:
            _set_colour(shape.line.color, line)
            shape.line.width = Pt(1)
        if shape_type == MSO_SHAPE.ROUNDED_RECTANGLE:
            shape.adjustments[0] = 0.08
        return shape

    def _drop_unused_placeholders(self, slide, keep: Iterable[int]) -> None:  # type: ignore[no-untyped-def]
        keep = set(keep)
        for placeholder in list(slide.placeholders):
            if placeholder.placeholder_format.idx not in keep:
                placeholder._element.getparent().remove(placeholder._element)

    def slide(self, title: str, *, kicker: str = "", subline: str = ""):  # type: ignore[no-untyped-def]
        """A content slide: kicker (where it belongs), title placeholder, one line under it, footer."""
        slide = self.prs.slides.add_slide(self.layouts["Title Only"])
        self._drop_unused_placeholders(slide, {0})
        title_shape = slide.shapes.title
        title_shape.left, title_shape.top, title_shape.width, title_shape.height = (MARGIN, TITLE_TOP, CONTENT_WIDTH,
                                                                                    TITLE_HEIGHT)
        paragraphs = [Para(title, bold=True)]
        fits = fit_paragraphs(paragraphs, CONTENT_WIDTH, TITLE_HEIGHT, max_size=28, min_size=18)
        self.write(title_shape.text_frame, fits, paragraphs, colour=TITLE_COLOUR, anchor=MSO_ANCHOR.MIDDLE)
        if kicker:
            self.text_box(slide, MARGIN, KICKER_TOP, CONTENT_WIDTH, KICKER_HEIGHT, kicker, max_size=13, min_size=10,
                          bold=True, colour=MSO_THEME_COLOR.ACCENT_1, max_lines=1, name="Kicker")
        if subline:
            self.text_box(slide, MARGIN, SUBLINE_TOP, CONTENT_WIDTH, SUBLINE_HEIGHT, subline, max_size=15,
                          min_size=11, colour=MUTED, max_lines=1, name="Subline")
        self.footer(slide)
        return slide

    def footer(self, slide) -> None:  # type: ignore[no-untyped-def]
        meta = self.report.meta
        text = " · ".join(part for part in (meta.title, meta.date) if part)
        number_width = inches(0.8)
        if text:
            self.text_box(slide, MARGIN, FOOTER_TOP, CONTENT_WIDTH - number_width - GAP, FOOTER_HEIGHT, text,
                          max_size=10, min_size=8, colour=MUTED, max_lines=1, anchor=MSO_ANCHOR.MIDDLE, name="Footer")
        number = slide.shapes.add_textbox(self.x(SLIDE_WIDTH - MARGIN - number_width, number_width), FOOTER_TOP,
                                          number_width, FOOTER_HEIGHT)
        number.name = "Slide number"
        fit = Fit(str(len(self.prs.slides)), 10, 1)
        self.write(number.text_frame, [fit], [Para(fit.text)], colour=MUTED, align="end", anchor=MSO_ANCHOR.MIDDLE)
        # A slide-number field, so that a moderator who moves slides keeps the right numbers.
        run = number.text_frame.paragraphs[0].runs[0]._r
        field = etree.SubElement(run.getparent(), qn("a:fld"), id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}",
                                 type="slidenum")
        field.append(run.find(qn("a:rPr")))
        etree.SubElement(field, qn("a:t")).text = fit.text
        run.getparent().replace(run, field)

    # -- cover and sections ----------------------------------------------------------------------------------------

    def cover(self) -> None:
        meta = self.report.meta
        slide = self.prs.slides.add_slide(self.layouts["Title Slide"])
        self._drop_unused_placeholders(slide, {0, 1})
        title = slide.shapes.title
        paragraphs = [Para(meta.title or self.label("deck_kicker"), bold=True)]
        fits = fit_paragraphs(paragraphs, title.width, title.height, max_size=40, min_size=24)
        self.write(title.text_frame, fits, paragraphs, colour=WHITE, anchor=MSO_ANCHOR.BOTTOM)
        subtitle = slide.placeholders[1]
        lines = [Para(text, scale=scale, space_before=0.4) for text, scale in ((meta.subtitle, 1.0), (meta.date, 0.8))
                 if text]
        if lines:
            fits = fit_paragraphs(lines, subtitle.width, subtitle.height, max_size=22, min_size=14)
            self.write(subtitle.text_frame, fits, lines, colour=PANEL, base=fits[0].size / lines[0].scale)
        else:
            subtitle._element.getparent().remove(subtitle._element)
        self.text_box(slide, inches(0.9), inches(1.25), inches(11.53), inches(0.5), self.label("deck_kicker"),
                      max_size=16, min_size=12, bold=True, colour=MSO_THEME_COLOR.ACCENT_2, max_lines=1, name="Kicker")

    def section(self, title: str, paragraphs: Sequence[Para]) -> None:
        slide = self.prs.slides.add_slide(self.layouts["Section Header"])
        self._drop_unused_placeholders(slide, {0, 1})
        heading = slide.shapes.title
        heading_paragraphs = [Para(title, bold=True)]
        fits = fit_paragraphs(heading_paragraphs, heading.width, heading.height, max_size=36, min_size=22)
        self.write(heading.text_frame, fits, heading_paragraphs, colour=WHITE, anchor=MSO_ANCHOR.BOTTOM)
        body = slide.placeholders[1]
        if paragraphs:
            fits = fit_paragraphs(paragraphs, body.width, body.height, max_size=18, min_size=11)
            self.write(body.text_frame, fits, paragraphs[:len(fits)], colour=WHITE,
                       base=fits[0].size / paragraphs[0].scale)
        else:
            body._element.getparent().remove(body._element)

    def room_section(self, room: RoomReport) -> None:
        people = room.participants
        paragraphs = [Para(self.pair("participants", people.total), bold=True)]
        for key, rows in (("organisation_type", people.by_organisation_type), ("region", people.by_region)):
            if rows:
                counts = " · ".join(f"{row.label}\u00a0({row.count})" for row in rows)
                paragraphs.append(Para(f"{self.label(key)} — {counts}", scale=0.85, space_before=0.6))
        if room.activities:
            listed = " · ".join(activity.type_label for activity in room.activities)
            paragraphs.append(Para(listed, scale=0.85, space_before=0.6))
        self.section(room.name, paragraphs)

    # -- activities ------------------------------------------------------------------------------------------------

    def activity(self, room: RoomReport, activity: ActivityReport) -> None:
        kicker = " · ".join(part for part in (room.name, activity.type_label) if part)
        prompt = activity.prompt or activity.type_label
        summary = activity.summary
        pages: list[Callable[[object], None]] = []
        chart = activity.chart if activity.chart and activity.chart.categories and activity.chart.series else None
        table = activity.table if _has_rows(activity.table) else None
        table_beside = chart is not None and table is not None and len(table.rows) <= 10 and len(table.headers) <= 5
        if chart:
            pages.append(lambda slide: self.chart(slide, chart, table if table_beside else None))
        if table and not table_beside:
            for rows in self.table_pages(table, CONTENT_WIDTH, BODY_HEIGHT):
                pages.append(lambda slide, rows=rows: self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, table, rows))
        if activity.word_frequencies:
            pages.append(lambda slide: self.word_cloud(slide, activity))
        if activity.matrix:
            pages.append(lambda slide: self.matrix(slide, activity.matrix))
        if any(cluster.ideas for cluster in activity.clusters):
            wall = self.wall_layout(activity.clusters)
            for columns in wall.pages:
                pages.append(lambda slide, columns=columns: self.wall(slide, columns, wall.width))
        if not pages:
            pages.append(lambda slide: self.nothing_yet(slide))
        for number, page in enumerate(pages, start=1):
            subline = summary
            if len(pages) > 1:
                subline = f"{summary} · {number}/{len(pages)}" if summary else f"{number}/{len(pages)}"
            page(self.slide(prompt, kicker=kicker, subline=subline))

    def nothing_yet(self, slide) -> None:  # type: ignore[no-untyped-def]
        self.text_box(slide, MARGIN, BODY_TOP + inches(1.4), CONTENT_WIDTH, inches(1.0), self.label("deck_no_results"),
                      max_size=24, min_size=14, colour=MUTED, align="center", anchor=MSO_ANCHOR.MIDDLE)

    def chart(self, slide, chart: Chart, table: Table | None) -> None:  # type: ignore[no-untyped-def]
        categories = chart.categories[:MAX_BARS]
        width = int(CONTENT_WIDTH * 0.58) if table else CONTENT_WIDTH
        data = CategoryChartData(number_format=chart.number_format)
        data.categories = [normalise(category)[:60] or "—" for category in categories]
        for series in chart.series:
            values = [float(value) for value in series.values[:len(categories)]]
            data.add_series(normalise(series.name)[:60] or "—", values + [None] * (len(categories) - len(values)))
        kind = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
                "stacked_bar": XL_CHART_TYPE.BAR_STACKED}.get(chart.kind, XL_CHART_TYPE.BAR_CLUSTERED)
        horizontal = kind != XL_CHART_TYPE.COLUMN_CLUSTERED
        stacked = kind == XL_CHART_TYPE.BAR_STACKED
        legend = len(chart.series) > 1
        if horizontal:
            height = min(BODY_HEIGHT, inches(1.0 + 0.8 * len(categories) + (0.5 if legend else 0)))
            height = max(height, inches(3.0))
        else:
            height = BODY_HEIGHT
        if len(chart.categories) > MAX_BARS:  # room for the note that says where the other bars are
            height = min(height, BODY_HEIGHT - inches(0.45))
        frame = slide.shapes.add_chart(kind, self.x(MARGIN, width), BODY_TOP, width, height, data)
        frame.name = "Chart"
        graph = frame.chart
        graph.font.size = Pt(14)
        graph.font.name = FONT
        graph.has_title = bool(chart.title)
        if chart.title:
            graph.chart_title.text_frame.text = normalise(chart.title)[:80]
            title_paragraph = graph.chart_title.text_frame.paragraphs[0]
            title_paragraph.font.size = Pt(13)
            title_paragraph.font.bold = False
            title_paragraph.font.color.rgb = MUTED
            self.style_paragraph(title_paragraph)
        category_axis, value_axis = graph.category_axis, graph.value_axis
        # Bar charts list categories from the bottom up: reverse them so that the first (the winner) is on top.
        # Right to left, bars grow leftwards from labels on the right; columns run from the right.
        category_axis.reverse_order = horizontal or self.rtl
        if horizontal and self.rtl:
            value_axis.reverse_order = True
        category_axis.major_tick_mark = XL_TICK_MARK.NONE
        category_axis.tick_labels.font.size = Pt(14 if len(categories) <= 8 else 12)
        category_axis.format.line.color.rgb = RGBColor(0xB8, 0xC0, 0xC4)
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        values = [value for series in chart.series for value in series.values[:len(categories)]]
        if min(values, default=0) >= 0:
            value_axis.minimum_scale = 0
            if not stacked:  # room for the labels past the longest bar
                value_axis.maximum_scale = max(values, default=0) * 1.18 or 1
        plot = graph.plots[0]
        plot.gap_width = 45 if not stacked else 35
        plot.vary_by_categories = False
        if stacked:
            plot.overlap = 100
        plot.has_data_labels = True
        labels = plot.data_labels
        number_format = chart.number_format or "0"
        labels.number_format = f"{number_format};-{number_format};;" if stacked else number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(13 if stacked else 14)
        labels.font.bold = True
        labels.position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END
        colours: Sequence[Colour] = scale_colours(len(chart.series)) if stacked else [
            ACCENTS[index % len(ACCENTS)] for index in range(len(chart.series))]
        for series, colour in zip(plot.series, colours):
            series.format.fill.solid()
            _set_colour(series.format.fill.fore_color, colour)
            if stacked:
                series.data_labels.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                series.data_labels.font.size = Pt(12)
                series.data_labels.font.bold = True
                series.data_labels.number_format = labels.number_format
                series.data_labels.number_format_is_linked = False
                series.data_labels.position = XL_LABEL_POSITION.CENTER
                series.data_labels.show_value = True
        graph.has_legend = legend
        if legend:
            graph.legend.position = XL_LEGEND_POSITION.BOTTOM
            graph.legend.include_in_layout = False
            graph.legend.font.size = Pt(12)
        self._chart_text_direction(graph)
        if len(chart.categories) > MAX_BARS:
            note = f"{self.label('deck_more_in_spreadsheet')} {len(chart.categories) - MAX_BARS}"
            self.text_box(slide, MARGIN, BODY_BOTTOM - inches(0.4), width, inches(0.4), note, max_size=12, min_size=10,
                          colour=MUTED, max_lines=1)
        if table:
            left = MARGIN + width + GAP
            table_width = CONTENT_WIDTH - width - GAP
            pages = self.table_pages(table, table_width, BODY_HEIGHT)
            self.table(slide, left, BODY_TOP, table_width, table, pages[0])

    def _chart_text_direction(self, graph) -> None:  # type: ignore[no-untyped-def]
        """The chart's default text: DejaVu Sans for Arabic too, the run language, right to left when asked."""
        text_properties = graph._chartSpace.find(qn("c:txPr"))
        if text_properties is None:
            return
        for paragraph_properties in text_properties.iter(qn("a:pPr")):
            if self.rtl:
                paragraph_properties.set("rtl", "1")
            default = paragraph_properties.find(qn("a:defRPr"))
            if default is not None:
                default.set("lang", self.language)
                if default.find(qn("a:cs")) is None:
                    etree.SubElement(default, qn("a:cs")).set("typeface", FONT)

    # -- tables ----------------------------------------------------------------------------------------------------

    TABLE_MAX_SIZE, TABLE_MIN_SIZE, CELL_MAX_LINES = 18.0, 11.0, 4
    TABLE_NOTE_HEIGHT = inches(0.36)
    CELL_INSET_X, CELL_INSET_Y = inches(0.08), inches(0.04)

    def _column_widths(self, table: Table, width: int, size: float) -> list[int]:
        count = len(table.headers)
        padding = 2 * self.CELL_INSET_X / EMU_PER_POINT + 4

        def emu(points: float) -> float:
            return (points / WIDTH_SLACK + padding) * EMU_PER_POINT

        natural, shortest = [], []  # the whole text on one line; the longest word (no column breaks a word)
        for column in range(count):
            cells = [table.headers[column], *(row[column] if column < len(row) else "" for row in table.rows[:60])]
            texts = [(normalise(cell)[:160], index == 0) for index, cell in enumerate(cells)]
            natural.append(emu(max(text_width(text, size, bold) for text, bold in texts)))
            shortest.append(min(emu(max((text_width(word[:40], size, bold) for text, bold in texts
                                         for word in text.split()), default=0)), width * 0.45))
        if sum(natural) <= width:
            text_columns = [index for index in range(count) if index not in table.numeric_columns] or list(range(count))
            extra = (width - sum(natural)) / len(text_columns)
            widths = [value + (extra if index in text_columns else 0) for index, value in enumerate(natural)]
        elif sum(shortest) <= width:
            wanted = [high - low for high, low in zip(natural, shortest)]
            spare = width - sum(shortest)
            widths = [low + spare * want / sum(wanted) for low, want in zip(shortest, wanted)]
        else:
            widths = [width * low / sum(shortest) for low in shortest]
        widths = [int(value) for value in widths]
        widths[-1] += width - sum(widths)
        return widths

    def _cell_fit(self, text: str, width: int, size: float, bold: bool) -> Fit:
        cell_width = width - 2 * self.CELL_INSET_X + 2 * INSET_X  # fit_text removes INSET_X on each side
        return fit_text(text, cell_width, 10 ** 9, max_size=size, min_size=size, bold=bold,
                        max_lines=self.CELL_MAX_LINES)

    def _row_height(self, cells: Sequence[str], widths: Sequence[int], size: float, bold: bool) -> int:
        lines = max((self._cell_fit(cell, width, size, bold).lines for cell, width in zip(cells, widths)), default=1)
        return int(math.ceil(lines * size * LINE_HEIGHT * EMU_PER_POINT)) + 2 * self.CELL_INSET_Y

    def _table_size(self, table: Table, width: int, height: int) -> tuple[float, list[int]]:
        size = self.TABLE_MAX_SIZE
        while True:
            widths = self._column_widths(table, width, size)
            total = self._row_height(table.headers, widths, size, True) + sum(
                self._row_height(row, widths, size, False) for row in table.rows[:40])
            words_fit = all(self._cell_fit(word, column_width, size, index == 0).lines == 1
                            for index, row in enumerate((table.headers, *table.rows[:40]))
                            for cell, column_width in zip(row, widths) for word in normalise(cell).split()[:12]
                            if len(word) <= 40)
            if (total <= height and words_fit and size <= self._comfortable_size(table)) or size <= self.TABLE_MIN_SIZE:
                return size, widths
            size -= 1

    @staticmethod
    def _comfortable_size(table: Table) -> float:
        """Large type for a short table (it is read from the back of the room), smaller for a long one."""
        return 18.0 if len(table.rows) <= 5 else 16.0 if len(table.rows) <= 10 else 14.0

    def table_pages(self, table: Table, width: int, height: int) -> list[TablePage]:
        """The pages a table needs, a header on each; past MAX_TABLE_PAGES, the last one says how many rows are left
        out (they are in the spreadsheet)."""
        size, widths = self._table_size(table, width, height)
        header = self._row_height(table.headers, widths, size, True)
        heights = [self._row_height(row, widths, size, False) for row in table.rows]
        pages: list[TablePage] = []
        start = 0
        while start < len(heights):
            last_allowed = len(pages) == MAX_TABLE_PAGES - 1
            rest = header + sum(heights[start:])
            limit = height if (not last_allowed or rest <= height) else height - self.TABLE_NOTE_HEIGHT
            end, used = start, header
            while end < len(heights) and (end == start or used + heights[end] <= limit):
                used += heights[end]
                end += 1
            if last_allowed and end < len(heights):
                pages.append(TablePage(start, end, len(heights) - end))
                break
            pages.append(TablePage(start, end))
            start = end
        return pages

    def table(self, slide, left: int, top: int, width: int, table: Table, rows: TablePage,  # type: ignore[no-untyped-def]
              height: int | None = None) -> None:
        """One page of a table, laid out for ``height`` (the height its pages were cut for)."""
        size, widths = self._table_size(table, width, BODY_BOTTOM - top if height is None else height)
        body = table.rows[rows[0]:rows[1]]
        heights = [self._row_height(table.headers, widths, size, True),
                   *(self._row_height(row, widths, size, False) for row in body)]
        frame = slide.shapes.add_table(len(body) + 1, len(table.headers), self.x(left, width), top, width, sum(heights))
        frame.name = "Table"
        shape = frame.table
        # Right to left, the first column is the rightmost. The columns are written in that order rather than with
        # the table's rtl attribute, which LibreOffice ignores.
        order = list(range(len(table.headers)))[::-1] if self.rtl else list(range(len(table.headers)))
        shape.first_row = True
        shape.horz_banding = False
        for position, column_index in enumerate(order):
            shape.columns[position].width = widths[column_index]
        for row_index, (height, cells) in enumerate(zip(heights, (table.headers, *body))):
            shape.rows[row_index].height = height
            header = row_index == 0
            for position, column_index in enumerate(order):
                text = cells[column_index] if column_index < len(cells) else ""
                cell = shape.cell(row_index, position)
                cell.margin_left = cell.margin_right = self.CELL_INSET_X
                cell.margin_top = cell.margin_bottom = self.CELL_INSET_Y
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.fill.solid()
                if header:
                    _set_colour(cell.fill.fore_color, TITLE_COLOUR)
                elif row_index % 2 == 0:
                    _set_colour(cell.fill.fore_color, PANEL)
                else:
                    _set_colour(cell.fill.fore_color, WHITE)
                fit = self._cell_fit(text, widths[column_index], size, header)
                frame_text = cell.text_frame
                frame_text.word_wrap = True
                paragraph = frame_text.paragraphs[0]
                numeric = column_index in table.numeric_columns and not header
                self.style_paragraph(paragraph, "end" if numeric else "start")
                run = paragraph.add_run()
                run.text = fit.text
                self.style_run(run, size, header, WHITE if header else TEXT_COLOUR)
        if rows.left_out:
            self.text_box(slide, left, top + sum(heights) + inches(0.03), width, self.TABLE_NOTE_HEIGHT - inches(0.03),
                          f"{self.label('deck_more_in_spreadsheet')} {rows.left_out}", max_size=12, min_size=9,
                          colour=MUTED, bold=True, max_lines=1, name="Rows left out")

    # -- word cloud ------------------------------------------------------------------------------------------------

    def word_cloud(self, slide, activity: ActivityReport) -> None:  # type: ignore[no-untyped-def]
        words = [(normalise(word), count) for word, count in activity.word_frequencies if normalise(word)]
        top = words[:8]
        table = Table((self.label("word"), self.label("count")), tuple((word, str(count)) for word, count in top),
                      numeric_columns=(1,))
        list_width = inches(3.4) if top else 0
        width = CONTENT_WIDTH - (list_width + GAP if top else 0)
        height = BODY_HEIGHT
        dpi = 150
        png = render_wordcloud_png(activity.word_frequencies, self.report.meta.direction,
                                   int(width / EMU_PER_INCH * dpi), int(height / EMU_PER_INCH * dpi),
                                   empty_text=self.label("deck_no_words"))
        picture = slide.shapes.add_picture(io.BytesIO(png), self.x(MARGIN, width), BODY_TOP, width, height)
        picture.name = "Word cloud"
        description = ", ".join(f"{word} ({count})" for word, count in words[:30])
        picture._element.nvPicPr.cNvPr.set("descr", description)
        if top:
            page = self.table_pages(table, list_width, BODY_HEIGHT)[0]
            self.table(slide, MARGIN + width + GAP, BODY_TOP, list_width, table, TablePage(page.start, page.end))

    # -- idea wall -------------------------------------------------------------------------------------------------

    WALL_COLUMNS = 4
    CARD_SIZES = (18.0, 16.0, 14.0, 12.0)  # the largest that puts a small wall on one slide; 12 pt beyond
    CARD_LINES = 4
    HEADER_HEIGHT = inches(0.62)
    CARD_GAP = inches(0.1)

    def wall_layout(self, clusters: Sequence[ClusterCards]) -> Wall:
        """Columns of cards, one cluster per column (a long one goes on in the next), over as few slides as fit."""
        filled = [cluster for cluster in clusters if cluster.ideas]
        total = sum(len(cluster.ideas) for cluster in filled)
        columns = min(self.WALL_COLUMNS, max(len(filled), math.ceil(total / 6), 1))
        width = min(inches(3.9), (CONTENT_WIDTH - (columns - 1) * GAP) // columns)
        for size in self.CARD_SIZES:
            pages = self._wall_pages(clusters, columns, width, size)
            if len(pages) == 1 or size == self.CARD_SIZES[-1]:
                return Wall(width, size, pages)
        raise AssertionError("unreachable")

    def _wall_pages(self, clusters: Sequence[ClusterCards], columns: int, width: int,
                    size: float) -> list[list[WallColumn]]:
        space = BODY_HEIGHT - self.HEADER_HEIGHT - self.CARD_GAP
        pages: list[list[WallColumn]] = [[]]
        total = sum(len(cluster.ideas) for cluster in clusters)

        def close(column: WallColumn) -> None:
            if len(pages[-1]) == columns:
                pages.append([])
            pages[-1].append(column)

        for index, cluster in enumerate(clusters):
            if not cluster.ideas:
                continue
            cards: list[Fit] = []
            ideas: list[str] = []
            used, continued = 0, False
            for idea in cluster.ideas:
                fit = fit_text(idea, width, inches(3), max_size=size, min_size=size, max_lines=self.CARD_LINES)
                height = box_height_for([fit]) + self.CARD_GAP
                if cards and used + height > space:
                    close(WallColumn(index, cluster.label, continued, tuple(cards), tuple(ideas)))
                    cards, ideas, used, continued = [], [], 0, True
                    if len(pages) > MAX_WALL_SLIDES:
                        break
                cards.append(fit)
                ideas.append(idea)
                used += height
            if len(pages) > MAX_WALL_SLIDES:
                break
            close(WallColumn(index, cluster.label, continued, tuple(cards), tuple(ideas)))
        pages = [page for page in pages[:MAX_WALL_SLIDES] if page]
        shown = sum(len(column.cards) for page in pages for column in page)
        if shown < total:
            last = pages[-1][-1]
            pages[-1][-1] = replace(last, left_out=total - shown)
        return pages

    def wall(self, slide, columns: Sequence[WallColumn], width: int) -> None:  # type: ignore[no-untyped-def]
        """One slide of a wall: the same column width on every slide, centred when a slide has fewer columns."""
        count = len(columns)
        first = MARGIN + (CONTENT_WIDTH - (count * width + (count - 1) * GAP)) // 2
        for position, column in enumerate(columns):
            colour = ACCENTS[column.colour_index % len(ACCENTS)]
            left = first + position * (width + GAP)
            header = self.rectangle(slide, left, BODY_TOP, width, self.HEADER_HEIGHT, colour,
                                    shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
            header.name = "Cluster"
            title = column.label or self.label("unclustered")
            if column.continued:
                title = f"{title} ({self.label('deck_continued')})"
            paragraphs = [Para(title, bold=True)]
            fits = fit_paragraphs(paragraphs, width, self.HEADER_HEIGHT, max_size=15, min_size=10, max_lines=2)
            self.write(header.text_frame, fits, paragraphs, colour=WHITE, anchor=MSO_ANCHOR.MIDDLE)
            top = BODY_TOP + self.HEADER_HEIGHT + self.CARD_GAP
            for fit in column.cards:
                height = box_height_for([fit])
                card = self.rectangle(slide, left, top, width, height, colour, brightness=0.9,
                                      shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
                card.name = "Idea"
                self.write(card.text_frame, [fit], [Para(fit.text)], anchor=MSO_ANCHOR.MIDDLE)
                top += height + self.CARD_GAP
            if column.left_out:
                note = f"{self.label('deck_more_in_spreadsheet')} {column.left_out}"
                self.text_box(slide, left, min(top, BODY_BOTTOM - inches(0.4)), width, inches(0.4), note,
                              max_size=11, min_size=9, colour=MUTED, max_lines=1, bold=True)
        # The speaker notes hold every idea of the slide whole, for the moderator who reads one out.
        notes = [f"{column.label or self.label('unclustered')}\n" + "\n".join(f"• {clean_text(idea)[:2000]}"
                                                                           for idea in column.ideas)
                 for column in columns]
        slide.notes_slide.notes_text_frame.text = "\n\n".join(notes)

    # -- matrices --------------------------------------------------------------------------------------------------

    def quadrant_plot(self, slide, left: int, top: int, side: int, *, low: float, high: float, split: float,  # type: ignore[no-untyped-def]
                      x_label: str, y_label: str, quadrants: dict[tuple[bool, bool], tuple[str, Colour]],
                      ticks: Sequence[int], points: Sequence[tuple[float, float, str, Colour, bool]]) -> None:
        """A square plot with a 2×2 background; points (x, y, number, fill, outlined) as numbered dots.

        ``quadrants`` maps (high y?, high x?) to (label, colour). The plot is not mirrored right to left: its axes
        grow rightwards and upwards, as on the screen.
        """
        axis_band = inches(0.5)
        plot_left, plot_top = left + axis_band, top
        plot_side = side - axis_band

        def at(value: float) -> float:
            return (min(max(value, low), high) - low) / (high - low)

        split_fraction = at(split)
        for (high_y, high_x), (label, colour) in quadrants.items():
            x0 = plot_left + (int(plot_side * split_fraction) if high_x else 0)
            x1 = plot_left + (plot_side if high_x else int(plot_side * split_fraction))
            y0 = plot_top + (0 if high_y else int(plot_side * (1 - split_fraction)))
            y1 = plot_top + (int(plot_side * (1 - split_fraction)) if high_y else plot_side)
            area = self.rectangle(slide, x0, y0, x1 - x0, y1 - y0, colour, brightness=0.8, line=WHITE, mirror=False)
            area.name = "Quadrant"
            label_height = inches(0.5)
            label_top = y0 + inches(0.04) if high_y else y1 - label_height - inches(0.04)
            self.text_box(slide, x0 + inches(0.04), label_top, x1 - x0 - inches(0.08), label_height, label,
                          max_size=12, min_size=9, bold=True, colour=colour, max_lines=2, mirror=False,
                          align="center", anchor=MSO_ANCHOR.TOP if high_y else MSO_ANCHOR.BOTTOM, name="Quadrant label")
        for tick in ticks:
            fraction = at(tick)
            self.text_box(slide, plot_left + int(plot_side * fraction) - inches(0.2), plot_top + plot_side,
                          inches(0.4), inches(0.3), str(tick), max_size=10, min_size=9, colour=MUTED, align="center",
                          mirror=False, name="Tick")
            self.text_box(slide, left + inches(0.18), plot_top + int(plot_side * (1 - fraction)) - inches(0.15),
                          inches(0.32), inches(0.3), str(tick), max_size=10, min_size=9, colour=MUTED,
                          align="center", mirror=False, name="Tick")
        self.text_box(slide, plot_left, plot_top + plot_side + inches(0.25), plot_side, inches(0.36), f"{x_label} →",
                      max_size=13, min_size=10, bold=True, colour=MUTED, align="center", max_lines=1, mirror=False,
                      name="Axis")
        vertical = self.text_box(slide, left - plot_side // 2 + inches(0.09), plot_top + plot_side // 2 - inches(0.18),
                                 plot_side, inches(0.36), f"{y_label} →", max_size=13, min_size=10, bold=True,
                                 colour=MUTED, align="center", max_lines=1, mirror=False, name="Axis")
        vertical.rotation = 270
        dot = inches(0.36)
        placed: list[tuple[int, int]] = []
        for x_value, y_value, number, fill, outlined in points:
            cx = plot_left + int(plot_side * at(x_value))
            cy = plot_top + int(plot_side * (1 - at(y_value)))
            # Dots on the same spot fan out round it, so each number can be read.
            clash = sum(1 for px, py in placed if abs(px - cx) < dot * 0.8 and abs(py - cy) < dot * 0.8)
            placed.append((cx, cy))
            if clash:
                angle = clash * 2.4
                cx += int(math.cos(angle) * dot * 0.9)
                cy += int(math.sin(angle) * dot * 0.9)
            cx = min(max(cx, plot_left + dot // 2), plot_left + plot_side - dot // 2)
            cy = min(max(cy, plot_top + dot // 2), plot_top + plot_side - dot // 2)
            circle = self.rectangle(slide, cx - dot // 2, cy - dot // 2, dot, dot, WHITE if outlined else fill,
                                    line=fill if outlined else WHITE, shape_type=MSO_SHAPE.OVAL, mirror=False)
            circle.name = "Point"
            fit = Fit(number, 11 if len(number) < 3 else 9, 1)
            frame = circle.text_frame
            self.write(frame, [fit], [Para(number, bold=True)], colour=fill if outlined else WHITE, align="center",
                       anchor=MSO_ANCHOR.MIDDLE)
            frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0

    def legend_list(self, slide, left: int, top: int, width: int, height: int,  # type: ignore[no-untyped-def]
                    items: Sequence[tuple[str, str]], colours: Sequence[Colour] | None = None) -> None:
        """Numbered lines beside a plot: (number, text)."""
        paragraphs = [Para(f"{number}. {text}" if number else f"– {text}", space_before=0.35) for number, text in items]
        if paragraphs:
            self.text_box(slide, left, top, width, height, paragraphs, max_size=16, min_size=10, colours=colours,
                          max_lines=3)

    def matrix(self, slide, points: Sequence[MatrixPoint]) -> None:  # type: ignore[no-untyped-def]
        side = BODY_HEIGHT
        plot_left = self.x(MARGIN, side)
        quadrants = {(True, True): (self.label("quadrant_quick_wins"), MSO_THEME_COLOR.ACCENT_3),
                     (True, False): (self.label("quadrant_major_projects"), MSO_THEME_COLOR.ACCENT_6),
                     (False, True): (self.label("quadrant_fill_ins"), MSO_THEME_COLOR.ACCENT_2),
                     (False, False): (self.label("quadrant_thankless"), RGBColor(0x8A, 0x96, 0x9C))}
        self.quadrant_plot(slide, plot_left, BODY_TOP, side, low=1, high=5, split=3, x_label=self.label("feasibility"),
                           y_label=self.label("impact"), quadrants=quadrants, ticks=(1, 2, 3, 4, 5),
                           points=[(point.feasibility, point.impact, str(number), TITLE_COLOUR, False)
                                   for number, point in enumerate(points, start=1)])
        items = [(str(number), f"{normalise(point.label)} — {point.quadrant} ({_number(point.impact, self.report.meta.language)}"
                  f" × {_number(point.feasibility, self.report.meta.language)})")
                 for number, point in enumerate(points, start=1)]
        self.legend_list(slide, MARGIN + side + GAP * 2, BODY_TOP, CONTENT_WIDTH - side - GAP * 2, BODY_HEIGHT, items)

    def power_grid(self, slide, actors: Sequence[ActorPoint]) -> None:  # type: ignore[no-untyped-def]
        side = BODY_HEIGHT - inches(0.1)
        quadrants = {(True, True): (self.label("grid_manage_closely"), MSO_THEME_COLOR.ACCENT_5),
                     (True, False): (self.label("grid_keep_satisfied"), MSO_THEME_COLOR.ACCENT_2),
                     (False, True): (self.label("grid_keep_informed"), MSO_THEME_COLOR.ACCENT_6),
                     (False, False): (self.label("grid_monitor"), RGBColor(0x8A, 0x96, 0x9C))}
        placed = [index for index, actor in enumerate(actors)
                  if actor.influence is not None and actor.interest is not None]
        numbers = {index: str(number) for number, index in enumerate(placed, start=1)}
        grey = RGBColor(0x8A, 0x96, 0x9C)
        points = [(float(actors[index].interest), float(actors[index].influence), numbers[index],  # type: ignore[arg-type]
                   ALIGNMENT_COLOURS.get(actors[index].alignment, grey)  # type: ignore[arg-type]
                   if actors[index].alignment is not None else grey, actors[index].alignment is None)
                  for index in placed]
        # Whole numbers 1–5 sit in the middle of their cells; 3 and above is high (domain.axes).
        self.quadrant_plot(slide, self.x(MARGIN, side), BODY_TOP, side, low=0.5, high=5.5, split=2.5,
                           x_label=self.label("interest"), y_label=self.label("influence"), quadrants=quadrants,
                           ticks=(1, 2, 3, 4, 5), points=points)
        panel_left = MARGIN + side + GAP * 2
        panel_width = CONTENT_WIDTH - side - GAP * 2
        legend_height = inches(0.95)
        items: list[tuple[str, str]] = []
        for index, actor in enumerate(actors):
            role = f" — {actor.role}" if actor.role else ""
            alignment = f" ({self.label(ALIGNMENT_LABELS[actor.alignment])})" if actor.alignment in ALIGNMENT_LABELS else ""
            if index in numbers:
                items.append((numbers[index], f"{normalise(actor.name)}{role}{alignment}"))
            else:
                items.append(("", f"{normalise(actor.name)}{role}{alignment} — {self.label('deck_not_placed')}"))
        self.legend_list(slide, panel_left, BODY_TOP, panel_width, BODY_HEIGHT - legend_height - GAP, items)
        # The colour key: five dots with their meaning.
        key_top = BODY_BOTTOM - legend_height
        column = panel_width // 3
        for index, alignment in enumerate((2, 1, 0, -1, -2)):
            row, position = divmod(index, 3)
            x = panel_left + position * column
            y = key_top + row * inches(0.45)
            dot = self.rectangle(slide, x, y + inches(0.09), inches(0.2), inches(0.2), ALIGNMENT_COLOURS[alignment],
                                 shape_type=MSO_SHAPE.OVAL)
            dot.name = "Key"
            self.text_box(slide, x + inches(0.24), y, column - inches(0.28), inches(0.4),
                          self.label(ALIGNMENT_LABELS[alignment]), max_size=11, min_size=8, colour=MUTED, max_lines=1,
                          anchor=MSO_ANCHOR.MIDDLE)

    # -- strategy --------------------------------------------------------------------------------------------------

    def strategy(self, strategy: StrategyReport) -> None:
        paragraphs = []
        if strategy.region:
            paragraphs.append(Para(strategy.region, bold=True))
        if strategy.parent_title:
            paragraphs.append(Para(self.pair("deck_declines", strategy.parent_title), scale=0.85, space_before=0.4))
        if strategy.vision:
            paragraphs.append(Para(strategy.vision, scale=1.0, space_before=0.8))
        self.section(strategy.title, paragraphs)
        if _has_rows(strategy.scores):
            method_height = inches(0.9) if strategy.method else 0
            pages = self.table_pages(strategy.scores, CONTENT_WIDTH, BODY_HEIGHT - method_height)
            for number, rows in enumerate(pages, start=1):
                subline = f"{number}/{len(pages)}" if len(pages) > 1 else ""
                slide = self.slide(self.label("deck_priority_axes"), kicker=strategy.title, subline=subline)
                self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, strategy.scores, rows, BODY_HEIGHT - method_height)
                if strategy.method and number == len(pages):
                    self.text_box(slide, MARGIN, BODY_BOTTOM - method_height, CONTENT_WIDTH, method_height,
                                  [Para(f"{self.label('deck_method')} — {strategy.method}")], max_size=13, min_size=10,
                                  colour=MUTED, anchor=MSO_ANCHOR.BOTTOM)
        for axis in strategy.axes:
            self.axis(strategy, axis)

    def axis(self, strategy: StrategyReport, axis: AxisReport) -> None:
        title = f"{axis.code} · {axis.title}" if axis.code else axis.title
        language = self.report.meta.language
        facts = [f"{self.label('rank')} {axis.rank}"]
        if axis.score is not None:
            facts.append(f"{self.label('score')} {_number(axis.score, language)}")
        if axis.agreement:
            facts.append(self.pair("agreement", axis.agreement))
        if axis.votes is not None:
            facts.append(f"{self.label('votes')} {axis.votes}")
        subline = " · ".join(facts)
        left_paragraphs: list[Para] = []
        if axis.central_message:
            left_paragraphs += [Para(self.label("central_message"), scale=0.75, bold=True),
                                Para(self.formatted("deck_quote", text=axis.central_message), scale=1.15, bold=True,
                                     space_before=0.2)]
        if axis.change_objective:
            left_paragraphs += [Para(self.label("change_objective"), scale=0.75, bold=True, space_before=1.0),
                                Para(axis.change_objective, space_before=0.2)]
        if axis.parent_code or axis.parent_title:
            parent = " ".join(part for part in (axis.parent_code, axis.parent_title) if part)
            disposition = f" — {axis.disposition}" if axis.disposition else ""
            left_paragraphs += [Para(self.label("deck_parent_axis"), scale=0.75, bold=True, space_before=1.0),
                                Para(f"{parent}{disposition}", space_before=0.2)]
            if axis.parent_summary:
                left_paragraphs.append(Para(axis.parent_summary, scale=0.85, space_before=0.2))
        if left_paragraphs or axis.asks:
            slide = self.slide(title, kicker=strategy.title, subline=subline)
            asks = Table((self.label("measure"), self.label("decision_maker"), self.label("instrument"),
                          self.label("level")), tuple(axis.asks)) if axis.asks else None
            left_width = inches(5.6) if asks else CONTENT_WIDTH
            if left_paragraphs:
                colours: list[Colour] = [MSO_THEME_COLOR.ACCENT_1 if paragraph.scale == 0.75 else
                                         (TITLE_COLOUR if paragraph.scale > 1 else TEXT_COLOUR)
                                         for paragraph in left_paragraphs]
                panel = self.rectangle(slide, MARGIN, BODY_TOP, left_width, BODY_HEIGHT, PANEL,
                                       shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
                panel.name = "Panel"
                inset = inches(0.15)
                self.text_box(slide, MARGIN + inset, BODY_TOP + inset, left_width - 2 * inset, BODY_HEIGHT - 2 * inset,
                              left_paragraphs, max_size=18, min_size=11, colours=colours)
            if asks:
                left = MARGIN + left_width + GAP if left_paragraphs else MARGIN
                width = CONTENT_WIDTH - left_width - GAP if left_paragraphs else CONTENT_WIDTH
                self.text_box(slide, left, BODY_TOP, width, inches(0.45), self.label("block_asks"), max_size=16,
                              min_size=12, bold=True, colour=MSO_THEME_COLOR.ACCENT_1, max_lines=1)
                pages = self.table_pages(asks, width, BODY_HEIGHT - inches(0.5))
                self.table(slide, left, BODY_TOP + inches(0.5), width, asks, pages[0])
        if axis.actors:
            slide = self.slide(title, kicker=strategy.title, subline=self.label("deck_power_interest"))
            self.power_grid(slide, axis.actors)

    # -- comparison and next steps ---------------------------------------------------------------------------------

    def comparison(self) -> None:
        comparison = self.report.comparison
        if comparison is None:
            return
        clusters = []
        if comparison.common:
            clusters.append(ClusterCards(self.label("deck_common_priorities"), comparison.common))
        for room, own in comparison.distinct:
            clusters.append(ClusterCards(f"{room} — {self.label('deck_distinct_priorities')}", own))
        if any(cluster.ideas for cluster in clusters):
            wall = self.wall_layout(clusters)
            for columns in wall.pages:
                self.wall(self.slide(self.label("deck_comparison"), kicker=" · ".join(comparison.rooms)), columns,
                          wall.width)
        if _has_rows(comparison.table):
            for rows in self.table_pages(comparison.table, CONTENT_WIDTH, BODY_HEIGHT):
                slide = self.slide(self.label("deck_comparison"), kicker=" · ".join(comparison.rooms))
                self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, comparison.table, rows)

    def room_priorities(self, room: RoomReport) -> None:
        if not _has_rows(room.priorities):
            return
        for rows in self.table_pages(room.priorities, CONTENT_WIDTH, BODY_HEIGHT):
            slide = self.slide(self.label("deck_room_priorities"), kicker=room.name)
            self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, room.priorities, rows)

    def next_steps(self) -> None:
        steps = [normalise(step) for step in self.report.next_steps if normalise(step)]
        if not steps:
            return
        slide = self.slide(self.label("deck_next_steps"), kicker=self.report.meta.title)
        shown = steps[:6]
        gap = inches(0.14)
        height = min(inches(0.95), (BODY_HEIGHT - (len(shown) - 1) * gap) // len(shown))
        for index, step in enumerate(shown):
            top = BODY_TOP + index * (height + gap)
            badge = self.rectangle(slide, MARGIN, top, height, height, MSO_THEME_COLOR.ACCENT_1,
                                   shape_type=MSO_SHAPE.OVAL if height < inches(0.8) else MSO_SHAPE.ROUNDED_RECTANGLE)
            fit = Fit(str(index + 1), 18, 1)
            self.write(badge.text_frame, [fit], [Para(fit.text, bold=True)], colour=WHITE, align="center",
                       anchor=MSO_ANCHOR.MIDDLE)
            card = self.rectangle(slide, MARGIN + height + GAP, top, CONTENT_WIDTH - height - GAP, height, PANEL,
                                  shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
            paragraphs = [Para(step)]
            fits = fit_paragraphs(paragraphs, card.width, height, max_size=20, min_size=12)
            self.write(card.text_frame, fits, paragraphs, anchor=MSO_ANCHOR.MIDDLE)
        if len(steps) > len(shown):
            self.text_box(slide, MARGIN, BODY_BOTTOM - inches(0.3), CONTENT_WIDTH, inches(0.3),
                          " · ".join(steps[len(shown):]), max_size=11, min_size=9, colour=MUTED, max_lines=1)

    # -- the whole deck --------------------------------------------------------------------------------------------

    def build(self) -> bytes:
        self.cover()
        for room in self.report.rooms:
            self.room_section(room)
            for activity in room.activities:
                self.activity(room, activity)
            self.room_priorities(room)
        self.comparison()
        if self.report.strategy is not None:
            self.strategy(self.report.strategy)
        self.next_steps()
        properties = self.prs.core_properties
        properties.title = normalise(self.report.meta.title)[:200]
        properties.subject = normalise(self.report.meta.subtitle)[:200]
        properties.language = RUN_LANGUAGE.get(self.report.meta.language, self.report.meta.language)
        properties.author = properties.last_modified_by = "workshop"
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def _has_rows(table: Table | None) -> bool:
    return table is not None and bool(table.headers) and bool(table.rows)


def _number(value: float, language: str) -> str:
    return decimal_number(f"{value:.1f}", language)


def render_deck(report: Report) -> bytes:
    """The restitution deck of a report, as .pptx bytes (16:9)."""
    return _Deck(report).build()
