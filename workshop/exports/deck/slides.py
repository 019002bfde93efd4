"""Writing slides: fitted text boxes, shapes, the content slide with its kicker, title and footer, the cover and the
section slides. Right-to-left reports get rtl="1" on every paragraph, start-aligned text on the right, the Arabic
run language and the layout mirrored.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import deepcopy
from xml.sax.saxutils import escape

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.text import CT_RegularTextRun
from pptx.shapes.autoshape import AutoShapeType, Shape
from pptx.util import Pt

from ...domain.languages import decimal_number
from ..labels import Labels
from ..report import Report
from ..typography import FONT, bidi_safe
from .fitting import Fit, Para, fit_paragraphs, font_size
from .layout import (CONTENT_WIDTH, FOOTER_HEIGHT, FOOTER_TOP, GAP, INSET_X, INSET_Y, KICKER_HEIGHT, KICKER_TOP, MARGIN,
                     MUTED, PANEL, RUN_LANGUAGE, SLIDE_WIDTH, SUBLINE_HEIGHT, SUBLINE_TOP, TEMPLATE, TEXT_COLOUR,
                     TITLE_COLOUR, TITLE_HEIGHT, TITLE_TOP, WHITE, Align, Colour, inches, set_colour)


_SHAPE_NAMESPACES = nsdecls("a", "p")
_TEXT_NAMESPACE = nsdecls("a")
_DEFAULT_INSET_X, _DEFAULT_INSET_Y = 91440, 45720  # a:bodyPr's lIns/rIns and tIns/bIns when they are left out
_RUN_PROPERTIES: dict[tuple[object, ...], str] = {}
_RUN_PROPERTY_ELEMENTS: dict[tuple[object, ...], object] = {}


def run_text_xml(text: str) -> str:
    """A run's text escaped for ``a:t`` as python-pptx's ``run.text`` writes it (control characters as ``_xHHHH_``)."""
    return escape(CT_RegularTextRun._escape_ctrl_chars(text))


def fill_xml(colour: Colour, brightness: float = 0.0) -> str:
    """``a:solidFill`` of a theme or RGB colour, lightened (> 0) or darkened (< 0), as python-pptx's ``ColorFormat``
    writes it (``set_colour``)."""
    tag, value = ("a:srgbClr", str(colour)) if isinstance(colour, RGBColor) else ("a:schemeClr", colour.xml_value)
    if brightness > 0:
        adjust = f'<a:lumMod val="{_percentage(1.0 - brightness)}"/><a:lumOff val="{_percentage(brightness)}"/>'
    elif brightness < 0:
        adjust = f'<a:lumMod val="{_percentage(1.0 - abs(brightness))}"/>'
    else:
        return f'<a:solidFill><{tag} val="{value}"/></a:solidFill>'
    return f'<a:solidFill><{tag} val="{value}">{adjust}</{tag}></a:solidFill>'


def _percentage(value: float) -> int:
    return int(round(value * 100000.0))  # python-pptx's ST_Percentage


class SlideWriter:
    """A deck being written: the report, its labels, the presentation and its layouts."""

    full = True  # every slide; the meeting's summary leaves some out (see Deck)

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

    def directed(self, text: str) -> str:
        """Right to left, a Latin text or stretch keeps its own order (typography.bidi_safe): "+2", "5 idées ?",
        "Casablanca-Settat (10)" inside Arabic. The marks are zero-width: what was fitted is what is shown."""
        return bidi_safe(text) if self.rtl else text

    def paragraph_properties_xml(self, align: Align = "start") -> str:
        """The ``a:pPr`` that ``style_paragraph`` writes on a new paragraph, as text."""
        rtl = ' rtl="1"' if self.rtl else ""
        return f'<a:pPr algn="{self._alignment(align).xml_value}"{rtl}/>'

    def style_paragraph(self, paragraph, align: Align = "start") -> None:  # type: ignore[no-untyped-def]
        paragraph.alignment = self._alignment(align)
        if self.rtl:
            paragraph._p.get_or_add_pPr().set("rtl", "1")

    def style_run(self, run, size: float, bold: bool = False, colour: Colour = TEXT_COLOUR,  # type: ignore[no-untyped-def]
                  italic: bool = False) -> None:
        if run._r.rPr is None:  # a new run (the usual case): a copy of the properties built once per style
            run._r.insert(0, deepcopy(self._run_properties(font_size(size), bold, italic, colour)))
            return
        font = run.font
        font.size = Pt(font_size(size))
        font.bold = bold
        font.italic = italic or None
        font.name = FONT
        set_colour(font.color, colour)
        properties = run._r.get_or_add_rPr()
        properties.set("lang", self.language)
        if properties.find(qn("a:cs")) is None:
            etree.SubElement(properties, qn("a:cs")).set("typeface", FONT)

    def run_properties_xml(self, size: float, bold: bool, italic: bool, colour: Colour) -> str:
        """A run's ``a:rPr`` as text, the very element ``style_run`` wrote through python-pptx's properties (size,
        weight, slant, font, colour, language), which cost about a millisecond a run: tables and walls have
        thousands. The attributes and children are in the order python-pptx writes them."""
        key = (size, bold, italic, colour, self.language)
        xml = _RUN_PROPERTIES.get(key)
        if xml is None:
            slant = ' i="1"' if italic else ""
            xml = (f'<a:rPr sz="{Pt(size).centipoints}" b="{int(bold)}"{slant} lang="{escape(self.language)}">'
                   f'{fill_xml(colour)}<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:rPr>')
            _RUN_PROPERTIES[key] = xml
        return xml

    def _run_properties(self, size: float, bold: bool, italic: bool, colour: Colour):  # type: ignore[no-untyped-def]
        key = (size, bold, italic, colour, self.language)
        element = _RUN_PROPERTY_ELEMENTS.get(key)
        if element is None:
            element = parse_xml(f"<a:r {nsdecls('a')}>{self.run_properties_xml(size, bold, italic, colour)}</a:r>")[0]
            _RUN_PROPERTY_ELEMENTS[key] = element
        return element

    def write(self, frame, fits: Sequence[Fit], paragraphs: Sequence[Para], *, colour: Colour = TEXT_COLOUR,  # type: ignore[no-untyped-def]
              align: Align = "start", anchor: MSO_ANCHOR = MSO_ANCHOR.TOP, base: float = 0.0,
              colours: Sequence[Colour] | None = None) -> None:
        """Fitted paragraphs into a text frame, which keeps its first paragraph's properties and nothing else.

        The XML is the one python-pptx's frame, paragraph and run properties wrote (clear, word wrap, no autofit,
        anchor, insets; alignment, direction, space before; runs as ``style_run``), written directly: they cost
        about a millisecond a box, and a deck has a thousand boxes."""
        body = frame._txBody
        first, *others = body.p_lst
        for paragraph in others:
            body.remove(paragraph)
        for content in first.content_children:
            first.remove(content)
        properties = body.find(qn("a:bodyPr"))
        properties.set("wrap", "square")
        properties.set("anchor", anchor.xml_value)
        for name, value, default in (("lIns", INSET_X, _DEFAULT_INSET_X), ("rIns", INSET_X, _DEFAULT_INSET_X),
                                     ("tIns", INSET_Y, _DEFAULT_INSET_Y), ("bIns", INSET_Y, _DEFAULT_INSET_Y)):
            if value == default:  # python-pptx leaves a default value out
                properties.attrib.pop(name, None)
            else:
                properties.set(name, str(value))
        for child in list(properties):  # no shrink-on-overflow inherited from a layout: the text was fitted
            properties.remove(child)
        etree.SubElement(properties, qn("a:noAutofit"))
        alignment = self._alignment(align).xml_value
        for index, (fit, paragraph) in enumerate(zip(fits, paragraphs)):
            run = (f"<a:r>{self.run_properties_xml(font_size(fit.size), paragraph.bold, False, colours[index] if colours else colour)}"
                   f"<a:t>{run_text_xml(self.directed(fit.text))}</a:t></a:r>")
            if index == 0:
                paragraph_properties = first.get_or_add_pPr()
                paragraph_properties.set("algn", alignment)
                if self.rtl:
                    paragraph_properties.set("rtl", "1")
                first.insert_element_before(parse_xml(f"<a:p {_TEXT_NAMESPACE}>{run}</a:p>")[0], "a:endParaRPr")
                continue
            space = (f'<a:spcBef><a:spcPts val="{Pt(paragraph.space_before * base).centipoints}"/></a:spcBef>'
                     if paragraph.space_before else "")
            rtl = ' rtl="1"' if self.rtl else ""
            body.append(parse_xml(f'<a:p {_TEXT_NAMESPACE}><a:pPr algn="{alignment}"{rtl}'
                                  f'{">" + space + "</a:pPr>" if space else "/>"}{run}</a:p>'))

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
        """A shape without a theme style: its effect reference puts a shadow under every shape in LibreOffice, empty
        effect list or not; fill, line and text colours are all set here.

        Written as text and parsed once: the ``p:sp`` python-pptx's ``add_shape`` writes, without its ``p:style``,
        with the fill, line and corner set as its properties write them (they cost about a millisecond a shape, and
        a wall or a grid has hundreds)."""
        shapes = slide.shapes
        autoshape = AutoShapeType(shape_type)
        shape_id = shapes._next_shape_id
        corners = '<a:gd name="adj" fmla="val 8000"/>' if shape_type == MSO_SHAPE.ROUNDED_RECTANGLE else ""
        outline = "<a:noFill/>" if line is None else fill_xml(line)
        width_attribute = "" if line is None else f' w="{Pt(1)}"'
        xml = (f'<p:sp {_SHAPE_NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{autoshape.basename} '
               f'{shape_id - 1}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{int(self.x(left, width) if mirror else left)}" '
               f'y="{int(top)}"/><a:ext cx="{int(width)}" cy="{int(height)}"/></a:xfrm><a:prstGeom prst="{autoshape.prst}">'
               f'{"<a:avLst>" + corners + "</a:avLst>" if corners else "<a:avLst/>"}</a:prstGeom>'
               f'{"<a:noFill/>" if fill is None else fill_xml(fill, brightness)}<a:ln{width_attribute}>{outline}</a:ln>'
               '</p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p>'
               "</p:txBody></p:sp>")
        element = parse_xml(xml)
        shapes._spTree.insert_element_before(element, "p:extLst")
        return Shape(element, shapes)

    def _drop_unused_placeholders(self, slide, keep: Iterable[int]) -> None:  # type: ignore[no-untyped-def]
        keep = set(keep)
        for placeholder in list(slide.placeholders):
            if placeholder.placeholder_format.idx not in keep:
                placeholder._element.getparent().remove(placeholder._element)

    def slide(self, title: str, *, kicker: str = "", subline: str = ""):  # type: ignore[no-untyped-def]
        """A content slide: kicker (where it belongs), title placeholder, one line under it, footer."""
        slide = self.prs.slides.add_slide(self.layouts["Title Only"])
        self._drop_unused_placeholders(slide, {0})
        # Each new shape's id is one more than the slide's largest: python-pptx searches every id of the slide for
        # each shape unless it keeps the count (a wall or a grid has dozens of shapes). Every shape of a content
        # slide is added through this one ``slide.shapes``, so the ids are those the search would give.
        slide.shapes.turbo_add_enabled = True
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

    def number_slides(self) -> None:
        """Each slide-number field's text is its slide's place in the final order (the summary draws its slides out
        of order, then moves them)."""
        for number, slide in enumerate(self.prs.slides, start=1):
            for shape in slide.shapes:
                if shape.name == "Slide number":
                    for field in shape._element.iter(qn("a:fld")):
                        text = field.find(qn("a:t"))
                        if text is not None:
                            text.text = str(number)

    def footer(self, slide) -> None:  # type: ignore[no-untyped-def]
        meta = self.report.meta
        # Every slide's footer: the title unmarked (the cover says when it is still only in French).
        text = " · ".join(part for part in (meta.file_title or meta.title, meta.date) if part)
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
        when_where = " · ".join(part for part in (meta.date, meta.place) if part)
        lines = [Para(text, scale=scale, space_before=0.4)
                 for text, scale in ((meta.subtitle, 1.0), (when_where, 0.8), (meta.project, 0.7)) if text]
        if lines:
            fits = fit_paragraphs(lines, subtitle.width, subtitle.height, max_size=22, min_size=14)
            self.write(subtitle.text_frame, fits, lines, colour=PANEL, base=fits[0].size / lines[0].scale)
        else:
            subtitle._element.getparent().remove(subtitle._element)
        self.text_box(slide, inches(0.9), inches(1.25), inches(11.53), inches(0.5), self.label("deck_kicker"),
                      max_size=16, min_size=12, bold=True, colour=MSO_THEME_COLOR.ACCENT_2, max_lines=1, name="Kicker")
        self._cover_logos(slide)

    def _cover_logos(self, slide) -> None:  # type: ignore[no-untyped-def]
        """The organisers' and partners' logos in a row along the foot of the cover, 0.8 inch high."""
        import io

        from PIL import Image

        left, row_height = MARGIN, inches(0.8)
        for logo in self.report.meta.logos:
            with Image.open(io.BytesIO(logo)) as image:
                aspect = image.width / max(image.height, 1)
            width = min(int(row_height * aspect), inches(2.4))
            height = int(width / aspect)
            if left + width > SLIDE_WIDTH - MARGIN:
                break  # no room left on the row: the documents' covers carry every logo
            slide.shapes.add_picture(io.BytesIO(logo), self.x(left, width), FOOTER_TOP - height, width, height)
            left += width + GAP

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

    def number(self, value: float) -> str:
        """A mean or a score, one decimal, written as the report's language writes it."""
        return decimal_number(f"{value:.1f}", self.report.meta.language)
