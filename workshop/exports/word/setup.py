"""The document before its content: styles (one font everywhere, headings, lists, tables), the bullet numbering,
the A4 section with its header and page numbers, and the file's properties."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph as DocxParagraph

from ..typography import clean_text
from .base import WriterBase
from .style import (CALLOUT_FILL, CALLOUT_INK, CALLOUT_RULE, GREY, INK, MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, NAVY,
                    LANDSCAPE_TEXT_WIDTH, PAGE_HEIGHT, PAGE_WIDTH, RULE, RUN_LANGUAGES, TEAL, TEXT_WIDTH,
                    element, twips)


class DocumentSetup(WriterBase):
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

        # The styles by name, read once: ``styles[name]`` and ``add_style`` search every style of the template each
        # time (a fifth of a short document's time). The first of a name, as python-docx finds it.
        by_name: dict[str | None, Any] = {}
        for style_element in root.style_lst:
            by_name.setdefault(style_element.name_val, style_element)

        def named(name: str) -> Any:
            found = by_name.get(BabelFish.ui2internal(name))
            if found is None:
                raise KeyError(name)
            return StyleFactory(found)

        def define(name: str, ppr: str, rpr: str, base: str | None = "Normal", next_style: str | None = None) -> None:
            try:
                style = named(name)
            except KeyError:  # what styles.add_style adds
                added = root.add_style_of_type(BabelFish.ui2internal(name), WD_STYLE_TYPE.PARAGRAPH, False)
                by_name.setdefault(added.name_val, added)
                style = StyleFactory(added)
            element = style.element
            for tag in ("w:pPr", "w:rPr"):
                for old in element.findall(qn(tag)):
                    element.remove(old)
            if base and name != "Normal":
                style.base_style = named(base)
            if next_style:
                style.next_paragraph_style = named(next_style)
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
        contents_tab = f"<w:tabs><w:tab w:val='right' w:leader='dot' w:pos='{twips(TEXT_WIDTH)}'/></w:tabs>"
        define("Contents Heading", "<w:keepNext/><BIDI/><w:spacing w:before='0' w:after='240'/>",
               run(15, NAVY, bold=True), next_style="Normal")
        define("Contents 1", f"{contents_tab}<BIDI/><w:spacing w:before='120' w:after='40'/>", run(10.5, NAVY, bold=True))
        define("Contents 2", f"{contents_tab}<BIDI/><w:spacing w:before='0' w:after='30'/><w:ind w:left='340'/>",
               run(10))
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
            section._sectPr.insert_element_before(element("w:bidi"), "w:rtlGutter", "w:docGrid",
                                                  "w:printerSettings", "w:sectPrChange")
        section.different_first_page_header_footer = self.model.cover is not None
        header = section.header.paragraphs[0]
        self._set_style(header, "Header")
        self._bidi(header)
        self._run(header, self.model.header)
        footer = section.footer.paragraphs[0]
        self._set_style(footer, "Footer")  # left to right even in Arabic: "2 / 13" would read "13 / 2"
        if self.rtl:
            footer._p.get_or_add_pPr().insert_element_before(element("w:bidi", val="0"), "w:spacing", "w:jc")
        self._field(footer, "PAGE", "1")
        self._run(footer, " / ")
        self._field(footer, "NUMPAGES", "1")

    def _turn_page(self, landscape: bool) -> None:
        """End the current section and start one in the other orientation, on a new page, with the same header and
        page numbers (the new section inherits them)."""
        section = self.document.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Cm(PAGE_HEIGHT), Cm(PAGE_WIDTH)) if landscape else \
            (Cm(PAGE_WIDTH), Cm(PAGE_HEIGHT))
        section.different_first_page_header_footer = False  # only the cover page goes without a header
        self.text_width = LANDSCAPE_TEXT_WIDTH if landscape else TEXT_WIDTH
        self.page_break_pending = False  # the section starts on a new page

    def _field(self, paragraph: DocxParagraph, instruction: str, placeholder: str) -> None:
        field = element("w:fldSimple", instr=instruction)
        run = element("w:r")
        run.append(self._run_properties())
        text = element("w:t")
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
        properties.title = clean_text(self.model.title)[:250]
        properties.subject = clean_text(self.model.header)[:250]
        properties.author = properties.last_modified_by = "workshop"
        properties.language = RUN_LANGUAGES.get(self.model.language, "") if not self.rtl else "ar-MA"
        properties.comments = properties.keywords = properties.category = ""
        properties.revision = 1
        try:  # the report's time makes two exports of the same data identical
            created = datetime.fromisoformat(self.model.generated_at)
        except ValueError:
            return
        properties.created = properties.modified = created
