"""Tables on slides: column widths from their content (no column breaks a word), the largest type that fits, and
the pages a long table needs, each with its header. A table is never cut: every row is on one of its pages (a deck
once showed four of an axe's five asks in Arabic because only the first page was drawn)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls

from ..report import Table
from ..typography import normalise, text_width
from .fitting import Fit, fit_text, font_size
from .layout import (BODY_BOTTOM, EMU_PER_POINT, INSET_X, LINE_HEIGHT, PANEL, TEXT_COLOUR, TITLE_COLOUR, WHITE,
                     WIDTH_SLACK, inches)
from .slides import SlideWriter, fill_xml, run_text_xml


class TablePage(NamedTuple):
    start: int
    end: int

def has_rows(table: Table | None) -> bool:
    return table is not None and bool(table.headers) and bool(table.rows)


class TableSlides(SlideWriter):

    # A cell wraps onto up to ten lines rather than being cut: a group view's reading (« soutien fort : … ; faible :
    # … ») runs to five or six lines in its column, and a renderer must not lose what a cell says.
    TABLE_MAX_SIZE, TABLE_MIN_SIZE, CELL_MAX_LINES = 18.0, 11.0, 10
    TABLE_NOTE_HEIGHT = inches(0.36)
    CELL_INSET_X, CELL_INSET_Y = inches(0.08), inches(0.04)

    def _column_widths(self, table: Table, width: int, size: float,
                       advances: tuple[list[float], list[float]] | None = None) -> list[int]:
        """Widths from the content at ``size``: a text's width is its width at 1 pt times the size (typography's
        ``text_width``), so ``advances`` (``_column_advances``) measured once serve every size a table tries."""
        count = len(table.headers)
        padding = 2 * self.CELL_INSET_X / EMU_PER_POINT + 4

        def emu(points: float) -> float:
            return (points / WIDTH_SLACK + padding) * EMU_PER_POINT

        lines, words = advances or self._column_advances(table)
        # the whole text on one line; the longest word (no column breaks a word)
        natural = [emu(lines[column] * size) for column in range(count)]
        shortest = [min(emu(words[column] * size), width * 0.45) for column in range(count)]
        if sum(natural) <= width:
            text_columns = [index for index in range(count) if index not in table.numeric_columns] or list(range(count))
            extra = (width - sum(natural)) / len(text_columns)
            widths = [value + (extra if index in text_columns else 0) for index, value in enumerate(natural)]
        elif sum(shortest) <= width:
            wanted = [high - low for high, low in zip(natural, shortest)]
            spare = width - sum(shortest)
            widths = [low + spare * want / sum(wanted) for low, want in zip(shortest, wanted)]
        else:
            widths = [width * low / sum(shortest) for low in shortest]
        widths = [int(value) for value in widths]
        widths[-1] += width - sum(widths)
        return widths

    @staticmethod
    def _column_advances(table: Table) -> tuple[list[float], list[float]]:
        """Per column, at 1 pt: the widest text on one line and the widest word (the first 60 rows)."""
        lines, words = [], []
        for column in range(len(table.headers)):
            cells = [table.headers[column], *(row[column] if column < len(row) else "" for row in table.rows[:60])]
            texts = [(normalise(cell)[:160], index == 0) for index, cell in enumerate(cells)]
            lines.append(max(text_width(text, 1.0, bold) for text, bold in texts))
            words.append(max((text_width(word[:40], 1.0, bold) for text, bold in texts for word in text.split()),
                             default=0))
        return lines, words

    def _cell_fit(self, text: str, width: int, size: float, bold: bool) -> Fit:
        cell_width = width - 2 * self.CELL_INSET_X + 2 * INSET_X  # fit_text removes INSET_X on each side
        return _fitted_cell(text, cell_width, size, bold, self.CELL_MAX_LINES)

    def _row_height(self, cells: Sequence[str], widths: Sequence[int], size: float, bold: bool) -> int:
        lines = max((self._cell_fit(cell, width, size, bold).lines for cell, width in zip(cells, widths)), default=1)
        return int(math.ceil(lines * size * LINE_HEIGHT * EMU_PER_POINT)) + 2 * self.CELL_INSET_Y

    def _table_size(self, table: Table, width: int, height: int) -> tuple[float, list[int]]:
        """The type size and column widths of a table in a space; asked again for each of its pages, found once."""
        sizes: dict[tuple[int, int, int], tuple[Table, float, list[int]]] = self.__dict__.setdefault("_table_sizes", {})
        known = sizes.get((id(table), width, height))
        if known is None or known[0] is not table:  # the table is kept with its size: its id is not reused meanwhile
            known = (table, *self._fitted_table_size(table, width, height))
            sizes[(id(table), width, height)] = known
        return known[1], list(known[2])

    def _fitted_table_size(self, table: Table, width: int, height: int) -> tuple[float, list[int]]:
        size = self.TABLE_MAX_SIZE
        advances = self._column_advances(table)
        # Every word that must fit its column on one line (the header's in bold), each once: checked at each size.
        words = list(dict.fromkeys((word, column, index == 0)
                                   for index, row in enumerate((table.headers, *table.rows[:40]))
                                   for column, cell in enumerate(row[:len(table.headers)])
                                   for word in normalise(cell).split()[:12] if len(word) <= 40))
        while True:
            widths = self._column_widths(table, width, size, advances)
            total = self._row_height(table.headers, widths, size, True) + sum(
                self._row_height(row, widths, size, False) for row in table.rows[:40])
            words_fit = all(self._cell_fit(word, widths[column], size, bold).lines == 1 for word, column, bold in words)
            if (total <= height and words_fit and size <= self._comfortable_size(table)) or size <= self.TABLE_MIN_SIZE:
                return size, widths
            size -= 1

    @staticmethod
    def _comfortable_size(table: Table) -> float:
        """Large type for a short table (it is read from the back of the room), smaller for a long one."""
        return 18.0 if len(table.rows) <= 5 else 16.0 if len(table.rows) <= 10 else 14.0

    def table_pages(self, table: Table, width: int, height: int) -> list[TablePage]:
        """The pages a table needs, a header on each, every row on one of them."""
        size, widths = self._table_size(table, width, height)
        header = self._row_height(table.headers, widths, size, True)
        heights = [self._row_height(row, widths, size, False) for row in table.rows]
        pages: list[TablePage] = []
        start = 0
        while start < len(heights):
            end, used = start, header
            while end < len(heights) and (end == start or used + heights[end] <= height):
                used += heights[end]
                end += 1
            pages.append(TablePage(start, end))
            start = end
        return pages

    def fits_one_page(self, table: Table, width: int, height: int) -> bool:
        return len(self.table_pages(table, width, height)) <= 1

    def table(self, slide, left: int, top: int, width: int, table: Table, rows: TablePage,  # type: ignore[no-untyped-def]
              height: int | None = None) -> None:
        """One page of a table, laid out for ``height`` (the height its pages were cut for)."""
        size, widths = self._table_size(table, width, BODY_BOTTOM - top if height is None else height)
        body = table.rows[rows[0]:rows[1]]
        heights = [self._row_height(table.headers, widths, size, True),
                   *(self._row_height(row, widths, size, False) for row in body)]
        frame = slide.shapes.add_table(1, len(table.headers), self.x(left, width), top, width, sum(heights))
        frame.name = "Table"
        shape = frame.table
        # Right to left, the first column is the rightmost. The columns are written in that order rather than with
        # the table's rtl attribute, which LibreOffice ignores.
        order = list(range(len(table.headers)))[::-1] if self.rtl else list(range(len(table.headers)))
        shape.first_row = True
        shape.horz_banding = False
        # The columns' widths, and the frame's as their sum, as setting each column's width writes them (python-pptx
        # sums the columns again after each one).
        for grid_column, column_index in zip(shape._tbl.tblGrid.gridCol_lst, order):
            grid_column.w = widths[column_index]
        frame.width = sum(widths)
        # The rows are written as text and parsed once: python-pptx's cell, paragraph and run properties cost about
        # a millisecond a cell, and a national meeting's decks have thousands. The XML is the one they wrote.
        rows_xml = []
        for row_index, (height, cells) in enumerate(zip(heights, (table.headers, *body))):
            header = row_index == 0
            fill = fill_xml(TITLE_COLOUR if header else PANEL if row_index % 2 == 0 else WHITE)
            run_properties = self.run_properties_xml(font_size(size), header, False, WHITE if header else TEXT_COLOUR)
            row_xml = [f'<a:tr h="{height}">']
            for column_index in order:
                text = cells[column_index] if column_index < len(cells) else ""
                fit = self._cell_fit(text, widths[column_index], size, header)
                numeric = column_index in table.numeric_columns and not header
                row_xml.append(
                    f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p>'
                    f'{self.paragraph_properties_xml("end" if numeric else "start")}<a:r>{run_properties}'
                    f'<a:t>{run_text_xml(self.directed(fit.text))}</a:t></a:r></a:p></a:txBody>'
                    f'<a:tcPr marL="{self.CELL_INSET_X}" marR="{self.CELL_INSET_X}" marT="{self.CELL_INSET_Y}" '
                    f'marB="{self.CELL_INSET_Y}" anchor="ctr">{fill}</a:tcPr></a:tc>')
            row_xml.append("</a:tr>")
            rows_xml.append("".join(row_xml))
        tbl = shape._tbl
        for row in tbl.tr_lst:
            tbl.remove(row)
        tbl.extend(list(parse_xml(f"<a:tbl {nsdecls('a')}>{''.join(rows_xml)}</a:tbl>")))


@lru_cache(maxsize=65_536)
def _fitted_cell(text: str, cell_width: int, size: float, bold: bool, max_lines: int) -> Fit:
    """A cell's text fitted at one size: the same cells are measured again at each size a table tries, and each
    word again to check it fits its column, so a deck of long tables measures each (text, width, size) once."""
    return fit_text(text, cell_width, 10 ** 9, max_size=size, min_size=size, bold=bold, max_lines=max_lines)
