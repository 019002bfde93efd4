"""Print a document model (documents.py) as .docx bytes: real heading styles, A4, header and page numbers, RTL.

Right-to-left documents follow recipes.md: ``<w:bidi/>`` on every paragraph, ``<w:rtl/>`` and ``ar-MA`` on every
run, ``bidiVisual`` tables, one font that has both Arabic and Latin glyphs in every slot, and no explicit RIGHT
alignment (LibreOffice reads a bidi paragraph's "right" as its end and left-aligns it).
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import Table as DocxTable, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from .documents import (BulletList, Callout, Cell, Cover, DocumentModel, Facts, Figure, Heading, PageBreak, Paragraph,
                        Picture, TableBlock, ToComplete, colon, compose)
from .report import Chart, Report

# A4 and margins, in centimetres; the text is 16.6 cm wide.
PAGE_WIDTH, PAGE_HEIGHT = 21.0, 29.7
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 2.2, 2.4, 2.2
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE

# Latin documents use Arial (Liberation Sans, metric-compatible, where Arial is missing); right-to-left ones use
# DejaVu Sans in every slot: it has Arabic and Latin glyphs, so mixed lines keep one look under LibreOffice too.
LATIN_FONT, ARABIC_FONT = "Arial", "DejaVu Sans"
CHARACTER_WIDTH = {LATIN_FONT: 0.18, ARABIC_FONT: 0.21}  # cm, an average character at 9.5 pt, to size columns
RUN_LANGUAGES = {"fr": "fr-MA", "en": "en-GB", "ar": "fr-MA"}  # Latin words in Arabic documents are mostly French

NAVY, TEAL, INK, GREY, RULE = "1B3A5C", "1F7A8C", "222B36", "5F6B7A", "C9D1DA"
BAND, FACT_FILL, CALLOUT_FILL, CALLOUT_RULE, CALLOUT_INK = "F3F6F9", "EAF0F5", "FFF4D9", "E0A526", "7A5300"
CHART_COLOURS = ("1F7A8C", "1B3A5C", "E0A526", "8FB8C4", "B5543C", "6B8E23", "9A8FB5")

# XML 1.0 refuses C0 controls other than tab and newline, lone surrogates and U+FFFE/U+FFFF; python-docx raises on them.
_XML_INVALID = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n"})  # Word's own text uses \v for a line break
LRM = "\u200e"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def clean(text: str) -> str:
    """Plain text that XML can carry: vertical tabs and carriage returns become line breaks, other controls go."""
    return _XML_INVALID.sub("", text.replace("\r\n", "\n").translate(_LINE_BREAKS))


def _left_to_right_first(text: str) -> bool:
    """True when the text starts with a Latin letter, or has no letter at all (numbers, dates, "+1")."""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind == "L":
            return True
        if kind in ("R", "AL"):
            return False
    return True


def bidi_safe(text: str) -> str:
    """A French sentence or a number inside a right-to-left paragraph, kept in its own order.

    The paragraph's direction would otherwise claim the neutral characters at its ends: "5 idées ?" shows as
    "? idées 5" and "+1" as "1+". Left-to-right marks at both ends hold them to the Latin text.
    """
    if text and _left_to_right_first(text):
        return LRM + text.replace("\n", LRM + "\n" + LRM) + LRM
    return text


def render_document(report: Report, name: str) -> bytes:
    """The .docx bytes of the document called ``name`` (see documents.COMPOSERS) for this report."""
    return render_docx(compose(report, name))


def render_docx(model: DocumentModel) -> bytes:
    """The model printed as a Word document."""
    return _Renderer(model).render()


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _shading(fill: str) -> Any:
    return _element("w:shd", val="clear", color="auto", fill=fill)


def _twips(centimetres: float) -> str:
    return str(round(centimetres * 567))


class _Renderer:
    def __init__(self, model: DocumentModel) -> None:
        self.model = model
        self.rtl = model.direction == "rtl"
        self.font = ARABIC_FONT if self.rtl else LATIN_FONT
        self.document: DocxDocument = Document()
        self.styles: dict[str, Any] = {}
        self.page_break_pending = False
        self.handlers: dict[type, Callable[[Any], None]] = {
            Heading: self._heading, Paragraph: self._paragraph, BulletList: self._bullets, TableBlock: self._table,
            Facts: self._facts, Callout: self._callout, Figure: self._figure, Picture: self._picture,
            PageBreak: self._page_break}

    def render(self) -> bytes:
        self._setup_styles()
        self._setup_numbering()
        self._setup_section()
        if self.model.cover is not None:
            self._cover(self.model.cover)
        else:
            self._title()
        for block in self.model.blocks:
            self.handlers[type(block)](block)
        self._properties()
        output = io.BytesIO()
        self.document.save(output)
        return output.getvalue()

    # --- styles ---------------------------------------------------------------------------------------

    def _setup_styles(self) -> None:
        styles = self.document.styles
        root = styles.element
        # Theme fonts would win over the explicit ones: drop them so one font applies everywhere.
        for fonts in root.iter(qn("w:rFonts")):
            for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(qn(f"w:{attribute}"), None)
        language = RUN_LANGUAGES.get(self.model.language, "fr-MA")
        defaults = root.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for child in list(run_defaults):
            run_defaults.remove(child)
        run_defaults.append(parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{self.font}" w:hAnsi="{self.font}" w:cs="{self.font}" '
            f'w:eastAsia="{self.font}"/>'))
        run_defaults.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{language}" w:bidi="ar-MA"/>'))

        def define(name: str, ppr: str, rpr: str, base: str | None = "Normal", next_style: str | None = None) -> None:
            try:
                style = styles[name]
            except KeyError:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            element = style.element
            for tag in ("w:pPr", "w:rPr"):
                for old in element.findall(qn(tag)):
                    element.remove(old)
            if base and name != "Normal":
                style.base_style = styles[base]
            if next_style:
                style.next_paragraph_style = styles[next_style]
            bidi = "<w:bidi/>" if self.rtl else ""
            element.append(parse_xml(f'<w:pPr {nsdecls("w")}>{ppr.replace("<BIDI/>", bidi)}</w:pPr>'))
            element.append(parse_xml(f'<w:rPr {nsdecls("w")}>{rpr}</w:rPr>'))
            self.styles[name] = style

        def run(size: float, colour: str = INK, bold: bool = False, italic: bool = False, caps: bool = False) -> str:
            half_points = round(size * 2)
            return ((f"<w:rFonts w:ascii='{self.font}' w:hAnsi='{self.font}' w:cs='{self.font}' "
                     f"w:eastAsia='{self.font}'/>")
                    + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
                    + ("<w:caps/>" if caps else "")
                    + f"<w:color w:val='{colour}'/><w:sz w:val='{half_points}'/><w:szCs w:val='{half_points}'/>")

        define("Normal", "<w:widowControl/><BIDI/><w:spacing w:after='120' w:line='276' w:lineRule='auto'/>",
               run(10.5), base=None)
        heading = "<w:keepNext/><w:keepLines/>{border}<BIDI/><w:spacing w:before='{before}' w:after='{after}'/>" \
                  "<w:outlineLvl w:val='{level}'/>"
        define("Heading 1", heading.format(
            border=f"<w:pBdr><w:bottom w:val='single' w:sz='6' w:space='3' w:color='{TEAL}'/></w:pBdr>",
            before=360, after=140, level=0), run(15, NAVY, bold=True), next_style="Normal")
        define("Heading 2", heading.format(border="", before=260, after=100, level=1), run(12.5, TEAL, bold=True),
               next_style="Normal")
        define("Heading 3", heading.format(border="", before=200, after=80, level=2), run(11, NAVY, bold=True),
               next_style="Normal")
        define("Heading 4", heading.format(border="", before=160, after=60, level=3), run(10.5, TEAL, bold=True),
               next_style="Normal")
        define("Heading 5", heading.format(border="", before=140, after=40, level=4), run(10.5, NAVY, bold=True,
                                                                                          italic=True),
               next_style="Normal")
        define("Heading 6", heading.format(border="", before=120, after=40, level=5), run(10, GREY, bold=True),
               next_style="Normal")
        define("Title", "<w:keepNext/><BIDI/><w:spacing w:before='0' w:after='120' w:line='240' w:lineRule='auto'/>",
               run(22, NAVY, bold=True), next_style="Normal")
        define("Subtitle", "<w:keepNext/><BIDI/><w:spacing w:before='0' w:after='320'/>", run(12, TEAL),
               next_style="Normal")
        define("Kicker", "<w:keepNext/><BIDI/><w:spacing w:before='0' w:after='60'/>", run(9, TEAL, bold=True, caps=True))
        define("Lead", "<BIDI/><w:spacing w:before='60' w:after='160'/>", run(12, NAVY))
        define("Note", "<w:keepNext/><BIDI/><w:spacing w:after='100'/>", run(9, GREY, italic=True))  # introduces
        define("Callout",
               "<w:pBdr>" + "".join(f"<w:{side} w:val='single' w:sz='6' w:space='5' w:color='{CALLOUT_RULE}'/>"
                                    for side in ("top", "left", "bottom", "right")) + "</w:pBdr>"
               f"<w:shd w:val='clear' w:color='auto' w:fill='{CALLOUT_FILL}'/><BIDI/>"
               "<w:spacing w:before='100' w:after='200'/><w:ind w:left='110' w:right='110'/>",
               run(10, CALLOUT_INK))
        define("Table Text", "<BIDI/><w:spacing w:before='0' w:after='0' w:line='252' w:lineRule='auto'/>", run(9.5))
        define("Table Heading", "<w:keepNext/><BIDI/><w:spacing w:before='0' w:after='0'/>",
               run(9.5, "FFFFFF", bold=True))
        define("Cover Kicker", "<BIDI/><w:spacing w:before='0' w:after='160'/>", run(10, "CFE3EA", bold=True, caps=True))
        define("Cover Title", "<BIDI/><w:spacing w:before='0' w:after='200' w:line='240' w:lineRule='auto'/>",
               run(26, "FFFFFF", bold=True))
        define("Cover Subtitle", "<BIDI/><w:spacing w:before='0' w:after='0'/>", run(13, "E6EEF2"))
        define("Figure", "<w:keepNext/><BIDI/><w:spacing w:before='120' w:after='120'/><w:jc w:val='center'/>", run(9))
        define("List Bullet", f"<w:numPr><w:numId w:val='{self._BULLET_NUM_ID}'/></w:numPr><BIDI/>"
                              "<w:spacing w:after='60'/><w:ind w:left='425' w:hanging='283'/>", run(10.5))
        define("Header", f"<w:pBdr><w:bottom w:val='single' w:sz='4' w:space='4' w:color='{RULE}'/></w:pBdr><BIDI/>"
                         "<w:spacing w:after='0'/>", run(8.5, GREY))
        define("Footer", "<BIDI/><w:spacing w:after='0'/><w:jc w:val='center'/>", run(8.5, GREY))

    # --- numbering: one bullet list definition, in the document's font ----------------------------------

    _BULLET_NUM_ID = 901  # above the template's own ids

    def _setup_numbering(self) -> None:
        numbering = self.document.part.numbering_part.element
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{self._BULLET_NUM_ID}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="425" w:hanging="283"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{self.font}" w:hAnsi="{self.font}" w:cs="{self.font}"/>'
            f'<w:color w:val="{TEAL}"/></w:rPr></w:lvl></w:abstractNum>')
        first_num = numbering.find(qn("w:num"))  # every abstractNum comes before the first num
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{self._BULLET_NUM_ID}">'
                                   f'<w:abstractNumId w:val="{self._BULLET_NUM_ID}"/></w:num>'))

    # --- page, header, footer, properties ----------------------------------------------------------

    def _setup_section(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(PAGE_WIDTH), Cm(PAGE_HEIGHT)
        section.left_margin = section.right_margin = Cm(MARGIN_SIDE)
        section.top_margin, section.bottom_margin = Cm(MARGIN_TOP), Cm(MARGIN_BOTTOM)
        section.header_distance = section.footer_distance = Cm(1.1)
        if self.rtl:
            section._sectPr.insert_element_before(_element("w:bidi"), "w:rtlGutter", "w:docGrid",
                                                  "w:printerSettings", "w:sectPrChange")
        section.different_first_page_header_footer = self.model.cover is not None
        header = section.header.paragraphs[0]
        self._set_style(header, "Header")
        self._bidi(header)
        self._run(header, self.model.header)
        footer = section.footer.paragraphs[0]
        self._set_style(footer, "Footer")
        self._bidi(footer)
        self._field(footer, "PAGE", "1")
        self._run(footer, " / ")
        self._field(footer, "NUMPAGES", "1")

    def _field(self, paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
        field = _element("w:fldSimple", instr=instruction)
        run = _element("w:r")
        run.append(self._run_properties())
        text = _element("w:t")
        text.text = placeholder
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def _properties(self) -> None:
        package = self.document.part.package
        for relationship_id, relationship in list(package.rels.items()):
            if relationship.reltype == RT.THUMBNAIL:  # python-docx's template shows a blank page as preview
                package.rels.pop(relationship_id)
        properties = self.document.core_properties
        properties.title = clean(self.model.title)[:250]
        properties.subject = clean(self.model.header)[:250]
        properties.author = properties.last_modified_by = "workshop"
        properties.language = RUN_LANGUAGES.get(self.model.language, "") if not self.rtl else "ar-MA"
        properties.comments = properties.keywords = properties.category = ""
        properties.revision = 1
        try:  # the report's time makes two exports of the same data identical
            created = datetime.fromisoformat(self.model.generated_at)
        except ValueError:
            return
        properties.created = properties.modified = created

    # --- paragraphs and runs ---------------------------------------------------------------------

    def _bidi(self, paragraph: DocxParagraph) -> None:
        if self.rtl:
            paragraph._p.get_or_add_pPr().insert_element_before(
                _element("w:bidi"), "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")

    def _run_properties(self, bold: bool = False, italic: bool = False, colour: str = "") -> Any:
        properties = _element("w:rPr")
        if bold:
            properties.extend((_element("w:b"), _element("w:bCs")))
        if italic:
            properties.extend((_element("w:i"), _element("w:iCs")))
        if colour:
            properties.append(_element("w:color", val=colour))
        if self.rtl:
            properties.append(_element("w:rtl"))
            properties.append(_element("w:lang", val=RUN_LANGUAGES["ar"], bidi="ar-MA"))
        return properties

    def _run(self, paragraph: DocxParagraph, text: str, *, bold: bool = False, italic: bool = False,
             colour: str = "") -> None:
        run = paragraph.add_run()
        run._r.insert(0, self._run_properties(bold, italic, colour))
        text = clean(text)
        run.text = bidi_safe(text) if self.rtl else text  # python-docx turns \n into <w:br/>, \t into <w:tab/>

    def _set_style(self, paragraph: DocxParagraph, style: str) -> None:
        """The style by id: python-docx's ``paragraph.style =`` scans every style of the template each time."""
        if style != "Normal":
            paragraph._p.get_or_add_pPr().style = self.styles[style].style_id

    def _new_paragraph(self, style: str, container: Any = None) -> DocxParagraph:
        paragraph = (container or self.document).add_paragraph()
        self._set_style(paragraph, style)
        if self.page_break_pending and container is None:
            paragraph._p.get_or_add_pPr().insert_element_before(
                _element("w:pageBreakBefore"), *_PPR_AFTER_PAGE_BREAK)
            self.page_break_pending = False
        self._bidi(paragraph)
        return paragraph

    def _write(self, style: str, text: str, container: Any = None, **run: Any) -> DocxParagraph:
        paragraph = self._new_paragraph(style, container)
        self._run(paragraph, text, **run)
        return paragraph

    # --- blocks -----------------------------------------------------------------------------------

    def _title(self) -> None:
        if self.model.kicker:
            self._write("Kicker", self.model.kicker)
        self._write("Title", self.model.title)
        if self.model.subtitle:
            self._write("Subtitle", self.model.subtitle)

    def _cover(self, cover: Cover) -> None:
        spacer = self._new_paragraph("Normal")
        spacer.paragraph_format.space_before = Cm(3.2)
        banner = self._new_table(1, (1.0,))
        cell = banner.rows[0].cells[0]
        self._cell_fill(cell, NAVY)
        cell._tc.get_or_add_tcPr().append(parse_xml(
            f'<w:tcMar {nsdecls("w")}><w:top w:w="520" w:type="dxa"/>'
            '<w:left w:w="420" w:type="dxa"/><w:bottom w:w="520" w:type="dxa"/><w:right w:w="420" w:type="dxa"/>'
            '</w:tcMar>'))
        self._fill_cell(cell, cover.kicker, "Cover Kicker")
        self._write("Cover Title", cover.title, cell)
        if cover.subtitle:
            self._write("Cover Subtitle", cover.subtitle, cell)
        gap = self._new_paragraph("Normal")
        gap.paragraph_format.space_after = Cm(1.2)
        self._facts(Facts(cover.facts))
        notice = self._new_paragraph("Note")
        notice.paragraph_format.space_before = Cm(5)
        notice.paragraph_format.keep_with_next = False  # the page break follows: stay on the cover
        self._run(notice, cover.notice)
        self.page_break_pending = True

    def _heading(self, block: Heading) -> None:
        self._write(f"Heading {min(max(block.level, 1), 6)}", block.text)

    def _paragraph(self, block: Paragraph) -> None:
        style = {"body": "Normal", "lead": "Lead", "note": "Note"}[block.kind]
        paragraph = self._new_paragraph(style)
        if block.label:
            self._run(paragraph, block.label + colon(self.model.language), bold=True, colour=NAVY)
        self._run(paragraph, block.text)

    def _bullets(self, block: BulletList) -> None:
        for item in block.items:
            self._write("List Bullet", item)

    def _callout(self, block: Callout) -> None:
        paragraph = self._new_paragraph("Callout")
        self._run(paragraph, block.label + colon(self.model.language), bold=True)
        self._run(paragraph, block.hint)

    def _page_break(self, _: PageBreak) -> None:
        self.page_break_pending = True

    def _figure(self, block: Figure) -> None:
        picture = _chart_png(block.chart, self.rtl)
        if picture is None:  # no font or no Arabic shaping here: the table beside it carries the numbers
            return
        png, aspect = picture
        paragraph = self._new_paragraph("Figure")
        run = paragraph.add_run()
        width = min(TEXT_WIDTH, 15.0)
        run.add_picture(io.BytesIO(png), width=Cm(width), height=Cm(width * aspect))

    def _picture(self, block: Picture) -> None:
        paragraph = self._new_paragraph("Figure")
        width = min(TEXT_WIDTH, block.width)
        run = paragraph.add_run()
        shape = run.add_picture(io.BytesIO(block.png), width=Cm(width), height=Cm(width * block.aspect))
        if block.description:  # the alternative text screen readers and Word's accessibility checker read
            shape._inline.docPr.set("descr", clean(block.description))

    # --- tables -----------------------------------------------------------------------------------

    def _new_table(self, rows: int, widths: tuple[float, ...]) -> DocxTable:
        if self.page_break_pending:  # a table cannot carry the break itself
            self._new_paragraph("Normal").paragraph_format.space_after = Cm(0)
        total = sum(widths) or 1.0
        columns = [Cm(TEXT_WIDTH * width / total) for width in widths]
        table = self.document.add_table(rows=rows, cols=len(widths))
        table.autofit = False  # fixed layout: a 5,000-character word wraps inside its column
        properties = table._tbl.tblPr
        table_width = properties.find(qn("w:tblW"))
        if table_width is None:
            table_width = _element("w:tblW")
            properties.append(table_width)
        table_width.set(qn("w:w"), _twips(TEXT_WIDTH))
        table_width.set(qn("w:type"), "dxa")
        for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, columns):
            grid_column.w = width
        for row in table.rows:
            for cell, width in zip(row.cells, columns):
                cell.width = width
        if self.rtl:
            properties.insert_element_before(_element("w:bidiVisual"), "w:tblStyleRowBandSize",
                                             "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing",
                                             "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
                                             "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
        self._table_widths = columns
        return table

    def _order_table_properties(self, table: DocxTable, borders: str) -> None:
        """tblPr children must follow the schema's order: rebuild the ones we set, in that order."""
        properties = table._tbl.tblPr
        order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
                 "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]
        properties.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'))
        properties.append(parse_xml(f'<w:tblCellMar {nsdecls("w")}><w:top w:w="50" w:type="dxa"/>'
                                    '<w:left w:w="90" w:type="dxa"/><w:bottom w:w="50" w:type="dxa"/>'
                                    '<w:right w:w="90" w:type="dxa"/></w:tblCellMar>'))
        children = sorted(properties, key=lambda child: order.index(child.tag.split("}")[1])
                          if child.tag.split("}")[1] in order else len(order))
        for child in children:
            properties.remove(child)
            properties.append(child)

    def _fill_cell(self, cell: _Cell, value: Cell, style: str, *, numeric: bool = False, bold: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        self._set_style(paragraph, style)
        self._bidi(paragraph)
        if numeric:  # in a bidi paragraph Word and LibreOffice read "right" as its end: the left side
            paragraph._p.get_or_add_pPr().insert_element_before(
                _element("w:jc", val="right"), "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
        if isinstance(value, ToComplete):
            self._cell_fill(cell, CALLOUT_FILL)
            self._run(paragraph, self.model.to_complete, italic=True, colour=CALLOUT_INK)
            if value.hint:
                self._run(paragraph, colon(self.model.language) + value.hint, colour=CALLOUT_INK)
            return
        self._run(paragraph, value, bold=bold)

    @staticmethod
    def _cell_fill(cell: _Cell, fill: str) -> None:
        properties = cell._tc.get_or_add_tcPr()
        for old in properties.findall(qn("w:shd")):
            properties.remove(old)
        properties.insert_element_before(_shading(fill), "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                                         "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
                                         "w:cellMerge", "w:tcPrChange")

    def _table(self, block: TableBlock) -> None:
        if not block.rows and not block.headers:
            return
        width = len(block.headers) or max((len(row) for row in block.rows), default=1)
        widths = block.widths if len(block.widths) == width else \
            _automatic_widths(block, width, CHARACTER_WIDTH[self.font])
        has_header = any(header.strip() for header in block.headers)
        table = self._new_table(1 if has_header else 0, widths)
        self._order_table_properties(table, _borders(NAVY, 8))
        if has_header:
            header = table.rows[0]
            header_properties = header._tr.get_or_add_trPr()
            header_properties.append(_element("w:cantSplit"))
            header_properties.append(_element("w:tblHeader"))  # repeated at the top of every page
            for index, cell in enumerate(header.cells):
                self._cell_fill(cell, NAVY)
                self._fill_cell(cell, block.headers[index] if index < len(block.headers) else "", "Table Heading",
                                numeric=index in block.numeric_columns)
        for number, values in enumerate(block.rows):
            row = table.add_row()
            for index, cell in enumerate(row.cells):
                cell.width = self._table_widths[index]
                if number % 2:
                    self._cell_fill(cell, BAND)
                value = values[index] if index < len(values) else ""
                self._fill_cell(cell, value, "Table Text", numeric=index in block.numeric_columns)
        self._after_table()

    def _facts(self, block: Facts) -> None:
        if not block.rows:
            return
        table = self._new_table(0, (1.0, 2.6))
        self._order_table_properties(table, _borders(RULE, 4))
        for label, value in block.rows:
            row = table.add_row()
            row._tr.get_or_add_trPr().append(_element("w:cantSplit"))
            label_cell, value_cell = row.cells
            label_cell.width, value_cell.width = self._table_widths
            self._cell_fill(label_cell, FACT_FILL)
            self._fill_cell(label_cell, label, "Table Text", bold=True)
            self._fill_cell(value_cell, value, "Table Text")
        self._after_table()

    def _after_table(self) -> None:
        """Word glues two tables that touch into one: a small paragraph keeps them apart and gives air."""
        spacer = self._new_paragraph("Normal")
        spacer.paragraph_format.space_after = Cm(0.1)


def _borders(outer: str, size: int) -> str:
    """Rules above, below and between rows only (children in the schema's order: top, left, bottom, right, inside)."""
    return (f"<w:top w:val='single' w:sz='{size}' w:color='{outer}'/><w:left w:val='nil'/>"
            f"<w:bottom w:val='single' w:sz='{size}' w:color='{outer}'/><w:right w:val='nil'/>"
            f"<w:insideH w:val='single' w:sz='4' w:color='{RULE}'/><w:insideV w:val='nil'/>")


def _automatic_widths(block: TableBlock, columns: int, character: float) -> tuple[float, ...]:
    """Widths in cm: each column gets its longest header word, then the rest of the line goes by content length.

    ``character`` is the average width of a 9.5 pt character of the document's font; headers are bold (+15 %).
    """
    padding = 0.35  # the cell's left and right margins
    minimum, wanted = [], []
    for index in range(columns):
        header = block.headers[index] if index < len(block.headers) else ""
        word = max((len(word) for word in header.split()), default=0) * character * 1.15 + padding
        longest = 0
        for row in block.rows[:200]:  # a sample is enough to size a column
            value = row[index] if index < len(row) else ""
            length = 12 if isinstance(value, ToComplete) else max((len(line) for line in value.split("\n")), default=0)
            longest = max(longest, min(length, 60))
        minimum.append(max(word, 4 * character + padding))
        wanted.append(max(minimum[-1], longest * character + padding))
    if sum(minimum) >= TEXT_WIDTH:
        return tuple(minimum)
    extra = [want - low for want, low in zip(wanted, minimum)]
    spare = TEXT_WIDTH - sum(minimum)
    if sum(extra) <= spare:  # everything fits on one line: spread what is left evenly by wanted width
        return tuple(want * TEXT_WIDTH / sum(wanted) for want in wanted)
    return tuple(low + spare * more / sum(extra) for low, more in zip(minimum, extra))


_PPR_AFTER_PAGE_BREAK = ("w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
                         "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                         "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                         "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                         "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                         "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


# --- Charts as pictures ----------------------------------------------------------------------------------

CHART_MAX_CATEGORIES = 25  # beyond this a picture is unreadable; the table carries the numbers
CHART_WIDTH_PX = 1500  # drawn for 15 cm: 254 dpi


ASSETS = Path(__file__).parent / "assets"  # DejaVu Sans (OFL-like licence) committed for the exports' pictures


@lru_cache(maxsize=8)
def _chart_font(size: int, arabic: bool, bold: bool = False) -> Any:
    """The body's font where the system has it (Arial or Liberation Sans); DejaVu Sans for Arabic, and as fallback."""
    from PIL import ImageFont

    dejavu = str(ASSETS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"))
    latin = ("LiberationSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf") if bold else \
        ("LiberationSans-Regular.ttf", "arial.ttf", "Arial.ttf")
    names = (dejavu, "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf") if arabic else (*latin, dejavu)
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


def _fit(draw: Any, text: str, font: Any, width: float) -> str:
    """The text, cut with an ellipsis so it fits the width (the table beside the chart has it whole)."""
    text = " ".join(clean(text).split())
    if draw.textlength(text, font=font) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if draw.textlength(text[:middle] + "…", font=font) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _chart_png(chart: Chart, rtl: bool) -> tuple[bytes, float] | None:
    """Horizontal bars (stacked if the chart says so): PNG bytes and height/width ratio, or None if it can't be drawn."""
    try:
        from PIL import Image, ImageDraw, features
    except ImportError:
        return None
    if not chart.categories or not chart.series or len(chart.categories) > CHART_MAX_CATEGORIES:
        return None
    texts = [*chart.categories, *(series.name for series in chart.series), chart.title]
    arabic = rtl or any(_ARABIC.search(text) for text in texts)
    if arabic and not features.check("raqm"):  # without raqm Pillow cannot join Arabic letters
        return None
    font, bold = _chart_font(30, arabic), _chart_font(30, arabic, True)
    if font is None or bold is None:
        return None
    stacked = chart.kind == "stacked_bar" and len(chart.series) > 1
    series = chart.series if stacked else chart.series[:1]
    values = [[max(0.0, series_item.values[index]) if index < len(series_item.values) else 0.0 for series_item in series]
              for index in range(len(chart.categories))]
    top = max((sum(row) for row in values), default=0.0) or 1.0
    decimals = sum(1 for character in chart.number_format.partition(".")[2] if character == "0")

    row_height, bar_height, margin = 62, 38, 16
    legend_height = 60 if stacked else 0
    height = margin * 2 + row_height * len(chart.categories) + legend_height
    image = Image.new("RGB", (CHART_WIDTH_PX, height), "white")
    draw = ImageDraw.Draw(image)
    label_width = min(max(draw.textlength(" ".join(clean(text).split()), font=font) for text in chart.categories) + 20,
                      CHART_WIDTH_PX * 0.38)
    value_width = 0 if stacked else draw.textlength(f"{top:,.{decimals}f}", font=bold) + 24
    plot = CHART_WIDTH_PX - label_width - value_width - margin * 2

    def x(position: float) -> float:  # from the start edge: left in LTR, right in RTL
        return CHART_WIDTH_PX - margin - position if rtl else margin + position

    for index, category in enumerate(chart.categories):
        middle = margin + row_height * index + row_height / 2
        label = _fit(draw, category, font, label_width - 20)
        draw.text((x(label_width - 20), middle), label, font=font, fill=f"#{INK}", anchor="lm" if rtl else "rm")
        start = label_width
        for series_index, value in enumerate(values[index]):
            length = plot * value / top
            if length > 0:
                left, right = sorted((x(start), x(start + length)))
                draw.rectangle((left, middle - bar_height / 2, right, middle + bar_height / 2),
                               fill=f"#{CHART_COLOURS[series_index % len(CHART_COLOURS)]}")
                if stacked and length > 40:
                    text = f"{value:.{decimals}f}"
                    if draw.textlength(text, font=font) < length - 8:
                        draw.text(((left + right) / 2, middle), text, font=font, fill="white", anchor="mm")
            start += length
        if not stacked:
            text = f"{values[index][0]:.{decimals}f}"
            draw.text((x(start + 12), middle), text, font=bold, fill=f"#{INK}", anchor="rm" if rtl else "lm")
    axis_left, axis_right = sorted((x(label_width), x(label_width)))
    draw.line((axis_left, margin, axis_right, margin + row_height * len(chart.categories)), fill=f"#{GREY}", width=2)
    if stacked:
        legend_y = margin + row_height * len(chart.categories) + legend_height / 2
        position = label_width
        for series_index, series_item in enumerate(series):
            colour = f"#{CHART_COLOURS[series_index % len(CHART_COLOURS)]}"
            left, right = sorted((x(position), x(position + 28)))
            draw.rectangle((left, legend_y - 14, right, legend_y + 14), fill=colour)
            name = _fit(draw, series_item.name, font, 260)
            draw.text((x(position + 40), legend_y), name, font=font, fill=f"#{INK}", anchor="rm" if rtl else "lm")
            position += 40 + draw.textlength(name, font=font) + 40
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue(), height / CHART_WIDTH_PX
