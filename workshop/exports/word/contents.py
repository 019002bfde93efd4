"""The table of contents of a long document: its level 1 and 2 headings, each with the page it starts on.

Each heading carries a bookmark; each line of the table is a link to it with a PAGEREF field, so LibreOffice
(which lays the pages out when it converts or opens the file) and Word (F9) print the right page number. The lines
are not wrapped in a TOC field: LibreOffice would then show the field's cached text, without page numbers.
"""
from __future__ import annotations

from docx.text.paragraph import Paragraph as DocxParagraph

from ..documents import Block, BulletList, DocumentModel, Figure, Heading, PageBreak, Paragraph, Picture, TableBlock
from .base import WriterBase
from .style import element

CONTENTS_LEVELS = 2
CONTENTS_FROM_PAGES = 8  # documents this long or longer get a table of contents


def estimated_pages(model: DocumentModel) -> float:
    """A rough page count from the blocks (text, table rows, pictures, page breaks): enough to tell a two-page note
    from a twenty-page strategy without laying the pages out."""
    pages = 1.0 if model.cover is not None else 0.0
    lines = 0.0
    for block in model.blocks:
        if isinstance(block, PageBreak):
            pages += 1
        elif isinstance(block, Heading):
            lines += 2.5
        elif isinstance(block, Paragraph):
            lines += 1 + len(block.text) / 95
        elif isinstance(block, BulletList):
            lines += sum(1 + len(item) / 90 for item in block.items)
        elif isinstance(block, TableBlock):
            lines += 2 + sum(max(1, max((len(str(cell)) for cell in row), default=0) / 40) for row in block.rows)
        elif isinstance(block, (Figure, Picture)):
            lines += 16
        else:
            lines += 3
    return pages + lines / 46


def wants_contents(model: DocumentModel) -> bool:
    return bool(model.contents_title) and estimated_pages(model) >= CONTENTS_FROM_PAGES


class ContentsWriting(WriterBase):
    """Bookmarks on headings, and the table of contents that points to them."""

    contents_marks: dict[int, str] = {}  # heading block index → bookmark; replaced, never mutated, per document

    def _contents_targets(self) -> list[tuple[str, int, str]]:
        """(bookmark, level, text) of the headings the table lists, in the order of the blocks."""
        self.contents_marks = {}
        targets = []
        for index, block in enumerate(self.model.blocks):
            if isinstance(block, Heading) and block.level <= CONTENTS_LEVELS and block.text.strip():
                name = f"_Toc{index:06d}"
                self.contents_marks[index] = name
                targets.append((name, block.level, block.text))
        return targets

    def _contents(self, targets: list[tuple[str, int, str]]) -> None:
        self._write("Contents Heading", self.model.contents_title)
        for name, level, text in targets:
            paragraph = self._new_paragraph(f"Contents {level}")
            link = element("w:hyperlink", anchor=name, history="1")
            paragraph._p.append(link)
            self._run_into(link, text)
            self._run_into(link, "\t")
            self._complex_field(link, f"PAGEREF {name} \\h", "?")
        self.page_break_pending = True

    def _run_into(self, parent, text: str) -> None:  # type: ignore[no-untyped-def]
        run = element("w:r")
        run.append(self._run_properties())
        if text == "\t":
            run.append(element("w:tab"))
        else:
            node = element("w:t")
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            node.text = text
            run.append(node)
        parent.append(run)

    def _complex_field(self, parent, instruction: str, placeholder: str) -> None:  # type: ignore[no-untyped-def]
        for kind in ("begin", None, "separate", placeholder, "end"):
            run = element("w:r")
            run.append(self._run_properties())
            if kind in ("begin", "separate", "end"):
                run.append(element("w:fldChar", fldCharType=kind))
            elif kind is None:
                code = element("w:instrText")
                code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                code.text = f" {instruction} "
                run.append(code)
            else:
                node = element("w:t")
                node.text = placeholder
                run.append(node)
            parent.append(run)

    def _bookmark(self, paragraph: DocxParagraph, index: int) -> None:
        name = self.contents_marks.get(index)
        if name is None:
            return
        start = element("w:bookmarkStart", id=str(index), name=name)
        end = element("w:bookmarkEnd", id=str(index))
        properties = paragraph._p.pPr
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(end)
