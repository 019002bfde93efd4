"""The deck's page: the 16:9 template, where titles, bodies and footers go, and the colours it uses.

Slides are laid out in EMU (914,400 to the inch); text sizes in points. Right to left, left edges are mirrored by
the writer (slides.py); the quadrant plots keep their axes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR

TEMPLATE = Path(__file__).resolve().parents[1] / "assets" / "deck_template.pptx"
RUN_LANGUAGE = {"fr": "fr-FR", "en": "en-GB", "ar": "ar-MA"}  # the language PowerPoint checks the spelling in

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

# Text boxes: what the fitting (fitting.py) measures against.
LINE_HEIGHT = 1.2  # line pitch over font size at single spacing (PowerPoint: 1.2; LibreOffice, DejaVu: 1.164)
WIDTH_SLACK = 0.92  # lines are wrapped to 92% of the box: hinting, kerning and another renderer's breaks differ
INSET_X, INSET_Y = inches(0.08), inches(0.05)
TEXT_CAP = 4000  # no box shows more characters than this; longer texts are cut before they are measured

Align = Literal["start", "end", "center"]

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


def set_colour(colour_format, colour: Colour, brightness: float = 0.0) -> None:  # type: ignore[no-untyped-def]
    if isinstance(colour, RGBColor):
        colour_format.rgb = colour
    else:
        colour_format.theme_color = colour
    if brightness:
        colour_format.brightness = brightness
