"""Writing slides: fitted text boxes, shapes, the content slide with its kicker, title and footer, the cover and the
section slides. Right-to-left reports get rtl="1" on every paragraph, start-aligned text on the right, the Arabic
run language and the layout mirrored.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...domain.languages import decimal_number
from ..labels import Labels
from ..report import Report
from ..typography import FONT, bidi_safe
from .fitting import Fit, Para, fit_paragraphs, font_size
from .layout import (CONTENT_WIDTH, FOOTER_HEIGHT, FOOTER_TOP, GAP, INSET_X, INSET_Y, KICKER_HEIGHT, KICKER_TOP, MARGIN,
                     MUTED, PANEL, RUN_LANGUAGE, SLIDE_WIDTH, SUBLINE_HEIGHT, SUBLINE_TOP, TEMPLATE, TEXT_COLOUR,
                     TITLE_COLOUR, TITLE_HEIGHT, TITLE_TOP, WHITE, Align, Colour, inches, set_colour)


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

    def style_paragraph(self, paragraph, align: Align = "start") -> None:  # type: ignore[no-untyped-def]
        paragraph.alignment = self._alignment(align)
        if self.rtl:
            paragraph._p.get_or_add_pPr().set("rtl", "1")

    def style_run(self, run, size: float, bold: bool = False, colour: Colour = TEXT_COLOUR,  # type: ignore[no-untyped-def]
                  italic: bool = False) -> None:
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
            run.text = self.directed(fit.text)
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
            set_colour(shape.fill.fore_color, fill, brightness)
        if line is None:
            shape.line.fill.background()
        else:
            set_colour(shape.line.color, line)
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
