"""The look of the documents, in one place: A4 and margins, fonts (Latin and right-to-left), colours, and the small
OOXML helpers every part of the renderer writes with."""
from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# A4 and margins, in centimetres; the text is 16.6 cm wide.
PAGE_WIDTH, PAGE_HEIGHT = 21.0, 29.7
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 2.2, 2.4, 2.2
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - 2 * MARGIN_SIDE  # a landscape section (wide tables): 25.3 cm

# Latin documents use Arial (Liberation Sans, metric-compatible, where Arial is missing); right-to-left ones use
# DejaVu Sans in every slot: it has Arabic and Latin glyphs, so mixed lines keep one look under LibreOffice too.
LATIN_FONT, ARABIC_FONT = "Arial", "DejaVu Sans"
RUN_LANGUAGES = {"fr": "fr-MA", "en": "en-GB", "ar": "fr-MA"}  # Latin words in Arabic documents are mostly French

NAVY, TEAL, INK, GREY, RULE = "1B3A5C", "1F7A8C", "222B36", "5F6B7A", "C9D1DA"
BAND, FACT_FILL, CALLOUT_FILL, CALLOUT_RULE, CALLOUT_INK = "F3F6F9", "EAF0F5", "FFF4D9", "E0A526", "7A5300"
CHART_COLOURS = ("1F7A8C", "1B3A5C", "E0A526", "8FB8C4", "B5543C", "6B8E23", "9A8FB5")


def element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def shading(fill: str) -> Any:
    return element("w:shd", val="clear", color="auto", fill=fill)


def twips(centimetres: float) -> str:
    return str(round(centimetres * 567))
