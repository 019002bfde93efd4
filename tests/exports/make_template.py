"""Build workshop/exports/assets/deck_template.pptx, the 16:9 template of the restitution deck.

Run it after changing the design: ``.venv/bin/python -m tests.exports.make_template``; commit the .pptx it writes.

Why a committed file rather than a template built at every export: an NGO's designer can open it in PowerPoint or
Impress and change the theme's colours, add a logo to the layouts, and the next deck follows without a line of
code (the renderer draws with theme colours and the layouts' placeholders). This script keeps it reproducible.

It starts from python-pptx's own default template (4:3, Office theme), then: 16:9 slide size; the four layouts the
renderer uses, stretched to the new width, the others removed; the theme's colours and fonts (DejaVu Sans for Latin
and Arabic, the font the renderer measures text with); backgrounds and mirror-symmetric decorations (full-width
bands), so a right-to-left deck needs no second set of layouts.
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "workshop" / "exports" / "assets" / "deck_template.pptx"

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, PowerPoint's "Widescreen"
FONT = "DejaVu Sans"
LAYOUTS = ("Title Slide", "Section Header", "Title Only", "Blank")

# Colour scheme "Workshop": deep blue-teal for titles and covers, teal as the main accent, then colours that stay
# apart on a washed-out projector and for most colour-blind readers (orange next to teal, not red next to green).
COLOURS = {
    "dk1": "1E293B", "lt1": "FFFFFF", "dk2": "0B4F6C", "lt2": "EEF3F5",
    "accent1": "0E7C7B", "accent2": "D9782D", "accent3": "4E7D32", "accent4": "6B3F8C",
    "accent5": "A23B52", "accent6": "1F6F9E", "hlink": "1F6F9E", "folHlink": "6B3F8C",
}


def _theme(prs) -> None:  # type: ignore[no-untyped-def]
    part = prs.slide_master.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    theme.set("name", "Workshop")
    scheme = theme.find(".//a:clrScheme", NS)
    scheme.set("name", "Workshop")
    for name, value in COLOURS.items():
        slot = scheme.find(f"a:{name}", NS)
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{NS['a']}}}srgbClr", val=value)
    fonts = theme.find(".//a:fontScheme", NS)
    fonts.set("name", "Workshop")
    for kind in ("majorFont", "minorFont"):
        block = fonts.find(f"a:{kind}", NS)
        block.find("a:latin", NS).set("typeface", FONT)
        block.find("a:cs", NS).set("typeface", FONT)
        block.find("a:font[@script='Arab']", NS).set("typeface", FONT)
    theme.find(".//a:fmtScheme", NS).set("name", "Workshop")
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _stretch(shapes) -> None:  # type: ignore[no-untyped-def]
    for shape in shapes:
        if shape._element.xpath("./p:spPr/a:xfrm"):  # a placeholder without its own position inherits the master's
            shape.left, shape.width = Emu(int(shape.left * WIDTH / 9144000)), Emu(int(shape.width * WIDTH / 9144000))


def _place(layout, kind: str, left: float, top: float, width: float, height: float) -> None:  # type: ignore[no-untyped-def]
    for shape in layout.placeholders:
        if shape.placeholder_format.type is not None and shape.placeholder_format.type.name.lower().endswith(kind):
            shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)
            return
    raise LookupError(f"{layout.name} has no {kind} placeholder")


def _background(layout, colour: MSO_THEME_COLOR) -> None:  # type: ignore[no-untyped-def]
    fill = layout.background.fill
    fill.solid()
    fill.fore_color.theme_color = colour


def _band(layout, top: float, height: float, colour: MSO_THEME_COLOR, name: str) -> None:  # type: ignore[no-untyped-def]
    # A layout's shape collection cannot add shapes: draw the band on a scratch slide and move its XML over.
    scratch = Presentation()
    slide = scratch.slides.add_slide(scratch.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(top), WIDTH, Inches(height))
    band.name = name
    band.fill.solid()
    band.fill.fore_color.theme_color = colour
    band.line.fill.background()
    band.shadow.inherit = False
    element = copy.deepcopy(band._element)
    tree = layout.shapes._spTree
    ids = [int(value) for value in tree.xpath("//p:cNvPr/@id")]
    element.find("p:nvSpPr/p:cNvPr", NS).set("id", str(max(ids, default=1) + 1))
    tree.insert(2, element)  # behind the placeholders


def _text_style(layout, kind: str, size: int, colour: MSO_THEME_COLOR, bold: bool, anchor: MSO_ANCHOR) -> None:  # type: ignore[no-untyped-def]
    for shape in layout.placeholders:
        if shape.placeholder_format.type.name.lower().endswith(kind):
            frame = shape.text_frame
            frame.vertical_anchor = anchor
            frame.word_wrap = True
            paragraph = frame.paragraphs[0]
            paragraph.font.size = Pt(size)
            paragraph.font.bold = bold
            paragraph.font.color.theme_color = colour
            body = frame._txBody.find("a:bodyPr", NS)
            for autofit in list(body):
                body.remove(autofit)  # the renderer fits text itself; PowerPoint's shrink-on-overflow would fight it
            return


def build() -> Presentation:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.part._element.find("p:sldSz", NS).attrib.pop("type", None)  # no longer "screen4x3"
    _theme(prs)
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        if layout.name not in LAYOUTS:
            master.slide_layouts.remove(layout)
    _stretch(master.shapes)
    for layout in master.slide_layouts:
        _stretch(layout.shapes)
    title_style = master._element.find("p:txStyles/p:titleStyle/a:lvl1pPr", NS)
    title_style.set("algn", "l")
    title_run = title_style.find("a:defRPr", NS)
    title_run.set("b", "1")
    title_run.set("sz", "2800")
    colour = title_run.find("a:solidFill/a:schemeClr", NS)
    colour.set("val", "tx2")

    cover, section, content, blank = (master.slide_layouts.get_by_name(name) for name in LAYOUTS)
    _background(cover, MSO_THEME_COLOR.TEXT_2)
    _band(cover, 7.1, 0.4, MSO_THEME_COLOR.ACCENT_1, "Cover band")
    _band(cover, 7.02, 0.08, MSO_THEME_COLOR.ACCENT_2, "Cover rule")
    _place(cover, "title", 0.9, 1.9, 11.53, 2.2)
    _place(cover, "subtitle", 0.9, 4.35, 11.53, 1.9)
    _text_style(cover, "title", 40, MSO_THEME_COLOR.BACKGROUND_1, True, MSO_ANCHOR.BOTTOM)
    _text_style(cover, "subtitle", 20, MSO_THEME_COLOR.BACKGROUND_2, False, MSO_ANCHOR.TOP)

    _background(section, MSO_THEME_COLOR.ACCENT_1)
    _band(section, 7.1, 0.4, MSO_THEME_COLOR.TEXT_2, "Section band")
    _place(section, "title", 0.9, 1.7, 11.53, 2.0)
    _place(section, "body", 0.9, 3.95, 11.53, 2.9)
    _text_style(section, "title", 36, MSO_THEME_COLOR.BACKGROUND_1, True, MSO_ANCHOR.BOTTOM)
    _text_style(section, "body", 18, MSO_THEME_COLOR.BACKGROUND_1, False, MSO_ANCHOR.TOP)
    for run_properties in section._element.iter(f"{{{NS['a']}}}defRPr"):
        run_properties.attrib.pop("cap", None)  # no capitals: long room names in capitals are hard to read

    _band(content, 0, 0.1, MSO_THEME_COLOR.ACCENT_1, "Top band")
    _band(content, 6.98, 0.02, MSO_THEME_COLOR.BACKGROUND_2, "Footer rule")
    _place(content, "title", 0.6, 0.5, 12.13, 0.95)
    _text_style(content, "title", 28, MSO_THEME_COLOR.TEXT_2, True, MSO_ANCHOR.MIDDLE)

    _band(blank, 0, 0.1, MSO_THEME_COLOR.ACCENT_1, "Top band")

    properties = prs.core_properties
    properties.title, properties.author, properties.last_modified_by = "Workshop restitution", "workshop", "workshop"
    properties.subject = properties.keywords = properties.comments = ""
    properties.revision = 1
    return prs


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(TARGET))
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
