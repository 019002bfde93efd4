"""Tables and fact boxes: column widths from the content (no column narrower than its longest word, measured with
the committed font), a header row on every page, rows never split across pages, numbers aligned to the end, "to
complete" cells shaded. A table whose words cannot fit across a portrait page is printed in a landscape section."""
from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu
from docx.table import Table as DocxTable, _Cell

from ..documents import Cell, Facts, TableBlock, ToComplete
from ..typography import colon, text_width
from .base import WriterBase
from .style import (BAND, CALLOUT_FILL, CALLOUT_INK, FACT_FILL, NAVY, RULE, TEXT_WIDTH,
                    element, shading, twips)


class TableWriting(WriterBase):
    def _new_table(self, rows: int, widths: tuple[float, ...]) -> DocxTable:
        if self.page_break_pending:  # a table cannot carry the break itself
            self._new_paragraph("Normal").paragraph_format.space_after = Cm(0)
        total = sum(widths) or 1.0
        columns = [Cm(self.text_width * width / total) for width in widths]
        table = self.document.add_table(rows=rows, cols=len(widths))
        table.autofit = False  # fixed layout: a 5,000-character word wraps inside its column
        properties = table._tbl.tblPr
        table_width = properties.find(qn("w:tblW"))
        if table_width is None:
            table_width = element("w:tblW")
            properties.append(table_width)
        table_width.set(qn("w:w"), twips(self.text_width))
        table_width.set(qn("w:type"), "dxa")
        for grid_column, width in zip(table._tbl.tblGrid.gridCol_lst, columns):
            grid_column.w = width
        for row in table.rows:
            for cell, width in zip(row.cells, columns):
                cell.width = width
        if self.rtl:
            properties.insert_element_before(element("w:bidiVisual"), "w:tblStyleRowBandSize",
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
                element("w:jc", val="right"), "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
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
        properties.insert_element_before(shading(fill), "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                                         "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
                                         "w:cellMerge", "w:tcPrChange")

    def _cell_xml(self, value: Cell, style: str, twips_width: str, *, fill: str = "", numeric: bool = False,
                  bold: bool = False) -> str:
        """One cell as text: the ``w:tc`` that ``_cell_fill`` and ``_fill_cell`` wrote through python-docx, whose
        get-or-add of every property costs about a millisecond a cell (the SNI's tables have thousands)."""
        if isinstance(value, ToComplete):
            fill = CALLOUT_FILL
            runs = self._run_xml(self.model.to_complete, italic=True, colour=CALLOUT_INK) + (
                self._run_xml(colon(self.model.language) + value.hint, colour=CALLOUT_INK) if value.hint else "")
        else:
            runs = self._run_xml(value, bold=bold)
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        bidi = "<w:bidi/>" if self.rtl else ""
        end = '<w:jc w:val="right"/>' if numeric else ""  # in a bidi paragraph "right" is its end: the left side
        paragraph = f'<w:pPr><w:pStyle w:val="{self.styles[style].style_id}"/>{bidi}{end}</w:pPr>'
        return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{twips_width}"/>{shade}</w:tcPr>'
                f"<w:p>{paragraph}{runs}</w:p></w:tc>")

    def _append_rows(self, table: DocxTable, rows: list[str]) -> None:
        table._tbl.extend(list(parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")))

    def _table(self, block: TableBlock) -> None:
        if not block.rows and not block.headers:
            return
        widths = column_widths(block, self.text_width)
        has_header = any(header.strip() for header in block.headers)
        table = self._new_table(0, widths)
        self._order_table_properties(table, _borders(NAVY, 8))
        cell_widths = [str(Emu(width).twips) for width in self._table_widths]
        rows = []
        if has_header:  # repeated at the top of every page
            rows.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + "".join(
                self._cell_xml(block.headers[index] if index < len(block.headers) else "", "Table Heading", width,
                               fill=NAVY, numeric=index in block.numeric_columns)
                for index, width in enumerate(cell_widths)) + "</w:tr>")
        for number, values in enumerate(block.rows):
            # A taller row must break, or it would be cut off.
            unsplit = "<w:trPr><w:cantSplit/></w:trPr>" if _row_height(values, widths) < UNSPLIT_ROW_LIMIT else ""
            rows.append(f"<w:tr>{unsplit}" + "".join(
                self._cell_xml(values[index] if index < len(values) else "", "Table Text", width,
                               fill=BAND if number % 2 else "", numeric=index in block.numeric_columns)
                for index, width in enumerate(cell_widths)) + "</w:tr>")
        self._append_rows(table, rows)
        self._after_table()

    def _facts(self, block: Facts) -> None:
        if not block.rows:
            return
        table = self._new_table(0, (1.0, 2.6))
        self._order_table_properties(table, _borders(RULE, 4))
        label_width, value_width = (str(Emu(width).twips) for width in self._table_widths)
        self._append_rows(table, [
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + self._cell_xml(label, "Table Text", label_width, fill=FACT_FILL, bold=True)
            + self._cell_xml(value, "Table Text", value_width) + "</w:tr>" for label, value in block.rows])
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


TABLE_TEXT_SIZE = 9.5  # points, the "Table Text" and "Table Heading" styles
CELL_PADDING = 0.42  # cm: the cell's left and right margins (90 twips each) and a little air
POINT = 2.54 / 72  # cm
LONGEST_WORD = 30  # characters: a longer "word" (a link, a code) may break; it would take the whole line otherwise
LINE_HEIGHT_CM = 0.45  # a line of table text
UNSPLIT_ROW_LIMIT = 18.0  # cm: rows shorter than this never split across pages


def _cell_text(value: Cell) -> str:
    return "à compléter" if isinstance(value, ToComplete) else value


def _measure(text: str, bold: bool) -> float:
    """Width in cm of one line at the table's size (DejaVu Sans metrics: a little wider than Arial, so safe)."""
    return text_width(text, TABLE_TEXT_SIZE, bold) * POINT


def _column_needs(block: TableBlock, columns: int) -> tuple[list[float], list[float]]:
    """Per column: the width of its longest word (nothing narrower breaks a word) and of its longest line."""
    minimum, wanted = [], []
    for index in range(columns):
        header = block.headers[index] if index < len(block.headers) else ""
        cells = [(header, True), *((_cell_text(row[index]) if index < len(row) else "", False) for row in block.rows[:200])]
        word = max((_measure(word[:LONGEST_WORD], bold) for text, bold in cells for word in text.split()), default=0.0)
        line = max((_measure(line[:80], bold) for text, bold in cells for line in text.split("\n")), default=0.0)
        minimum.append(max(word, _measure("0000", False)) + CELL_PADDING)
        wanted.append(max(minimum[-1], line + CELL_PADDING))
    return minimum, wanted


def column_count(block: TableBlock) -> int:
    return len(block.headers) or max((len(row) for row in block.rows), default=1)


def needs_landscape(block: TableBlock) -> bool:
    """Asked for, or its longest words side by side are wider than a portrait page."""
    return block.landscape or sum(_column_needs(block, column_count(block))[0]) > TEXT_WIDTH


def column_widths(block: TableBlock, width: float) -> tuple[float, ...]:
    """Widths in cm that add up to ``width``: every column at least its longest word; the rest of the line goes by
    the block's relative widths when it has them, else by how long each column's lines are."""
    columns = column_count(block)
    minimum, wanted = _column_needs(block, columns)
    if sum(minimum) >= width:  # not even the words fit: shrink them all alike (only with absurdly long words)
        return tuple(low * width / sum(minimum) for low in minimum)
    preferred = block.widths if len(block.widths) == columns and all(value > 0 for value in block.widths) else None
    if preferred is None:
        extra = [want - low for want, low in zip(wanted, minimum)]
        spare = width - sum(minimum)
        if sum(extra) <= spare:  # everything fits on one line: spread what is left by wanted width
            return tuple(want * width / sum(wanted) for want in wanted)
        return tuple(low + spare * more / sum(extra) for low, more in zip(minimum, extra))
    # The block's proportions, with every column raised to its minimum and the others sharing what is left.
    fixed: dict[int, float] = {}
    while True:
        free = [index for index in range(columns) if index not in fixed]
        room = width - sum(fixed.values())
        share = sum(preferred[index] for index in free)
        widths = {index: room * preferred[index] / share for index in free}
        short = [index for index in free if widths[index] < minimum[index]]
        if not short:
            return tuple(fixed.get(index, widths.get(index, 0.0)) for index in range(columns))
        for index in short:
            fixed[index] = minimum[index]


def _row_height(values: tuple[Cell, ...], widths: tuple[float, ...]) -> float:
    """An estimate of the row's height in cm (greedy wrap by measured width)."""
    lines = 1
    for value, width in zip(values, widths):
        usable = max(width - CELL_PADDING, 0.5)
        count = sum(max(1, -(-int(_measure(line, False) * 100) // int(usable * 100)))
                    for line in _cell_text(value)[:3000].split("\n"))
        lines = max(lines, count)
    return lines * LINE_HEIGHT_CM
