"""What every part of the Word renderer shares: the model being printed, its direction and font, and writing
paragraphs and runs (right to left: ``<w:bidi/>`` on paragraphs, ``<w:rtl/>`` and ``ar-MA`` on runs)."""
from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph as DocxParagraph

from ..documents import DocumentModel
from ..typography import bidi_safe, clean_text
from .style import ARABIC_FONT, LATIN_FONT, RUN_LANGUAGES, TEXT_WIDTH, element

_W = nsdecls("w")
_RUN_BREAKS = re.compile("([\t\r\n])")


class WriterBase:
    def __init__(self, model: DocumentModel) -> None:
        self.model = model
        self.rtl = model.direction == "rtl"
        self.font = ARABIC_FONT if self.rtl else LATIN_FONT
        self.document: DocxDocument = Document()
        self.styles: dict[str, Any] = {}
        self.page_break_pending = False
        self.text_width = TEXT_WIDTH  # cm across the current section (wider in a landscape one)

    def _bidi(self, paragraph: DocxParagraph) -> None:
        if self.rtl:
            paragraph._p.get_or_add_pPr().insert_element_before(
                element("w:bidi"), "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")

    def _run_properties(self, bold: bool = False, italic: bool = False, colour: str = "") -> Any:
        properties = element("w:rPr")
        if bold:
            properties.extend((element("w:b"), element("w:bCs")))
        if italic:
            properties.extend((element("w:i"), element("w:iCs")))
        if colour:
            properties.append(element("w:color", val=colour))
        if self.rtl:
            properties.append(element("w:rtl"))
            properties.append(element("w:lang", val=RUN_LANGUAGES["ar"], bidi="ar-MA"))
        return properties

    def _run(self, paragraph: DocxParagraph, text: str, *, bold: bool = False, italic: bool = False,
             colour: str = "") -> None:
        paragraph._p.append(parse_xml(f"<w:r {_W}>{self._run_content_xml(text, bold, italic, colour)}</w:r>"))

    def _run_xml(self, text: str, *, bold: bool = False, italic: bool = False, colour: str = "") -> str:
        """A run as text: the very ``w:r`` that python-docx's ``add_run`` and ``run.text`` wrote with
        ``_run_properties``, at a fraction of the cost (tables have thousands of runs)."""
        return f"<w:r>{self._run_content_xml(text, bold, italic, colour)}</w:r>"

    def _run_content_xml(self, text: str, bold: bool, italic: bool, colour: str) -> str:
        properties = (("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
                      + (f'<w:color w:val="{colour}"/>' if colour else "")
                      + (f'<w:rtl/><w:lang w:val="{RUN_LANGUAGES["ar"]}" w:bidi="ar-MA"/>' if self.rtl else ""))
        text = clean_text(text)
        pieces = [f"<w:rPr>{properties}</w:rPr>"]
        # As python-docx's run.text: a tab is <w:tab/>, a line break <w:br/>, the rest <w:t> (spaces kept at its ends).
        for piece in _RUN_BREAKS.split(bidi_safe(text) if self.rtl else text):
            if piece == "\t":
                pieces.append("<w:tab/>")
            elif piece in ("\r", "\n"):
                pieces.append("<w:br/>")
            elif piece:
                space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
                pieces.append(f"<w:t{space}>{escape(piece)}</w:t>")
        return "".join(pieces)

    def _set_style(self, paragraph: DocxParagraph, style: str) -> None:
        """The style by id: python-docx's ``paragraph.style =`` scans every style of the template each time."""
        if style != "Normal":
            paragraph._p.get_or_add_pPr().style = self.styles[style].style_id

    def _new_paragraph(self, style: str, container: Any = None) -> DocxParagraph:
        paragraph = (container or self.document).add_paragraph()
        # The paragraph's properties as text: the pPr that setting its style, the pending page break and the
        # direction through python-docx writes (in the schema's order), without a get-or-add for each.
        properties = f'<w:pStyle w:val="{self.styles[style].style_id}"/>' if style != "Normal" else ""
        if self.page_break_pending and container is None:
            properties += "<w:pageBreakBefore/>"
            self.page_break_pending = False
        if self.rtl:
            properties += "<w:bidi/>"
        if properties:
            paragraph._p.insert(0, parse_xml(f"<w:pPr {_W}>{properties}</w:pPr>"))
        return paragraph

    def _write(self, style: str, text: str, container: Any = None, **run: Any) -> DocxParagraph:
        paragraph = self._new_paragraph(style, container)
        self._run(paragraph, text, **run)
        return paragraph
