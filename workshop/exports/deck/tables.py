"""Tables on slides: column widths from their content (no column breaks a word), the largest type that fits, and
the pages a long table needs, each with its header. A table is never cut: every row is on one of its pages (a deck
once showed four of an axe's five asks in Arabic because only the first page was drawn)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from pptx.enum.text import MSO_ANCHOR

from ..report import Table
from ..typography import normalise, text_width
from .fitting import Fit, fit_text
from .layout import (BODY_BOTTOM, EMU_PER_POINT, INSET_X, LINE_HEIGHT, PANEL, TEXT_COLOUR, TITLE_COLOUR, WHITE,
                     WIDTH_SLACK, inches, set_colour)
from .slides import SlideWriter


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

    def _column_widths(self, table: Table, width: int, size: float) -> list[int]:
        count = len(table.headers)
        padding = 2 * self.CELL_INSET_X / EMU_PER_POINT + 4

        def emu(points: float) -> float:
            return (points / WIDTH_SLACK + padding) * EMU_PER_POINT

        natural, shortest = [], []  # the whole text on one line; the longest word (no column breaks a word)
        for column in range(count):
            cells = [table.headers[column], *(row[column] if column < len(row) else "" for row in table.rows[:60])]
            texts = [(normalise(cell)[:160], index == 0) for index, cell in enumerate(cells)]
            natural.append(emu(max(text_width(text, size, bold) for text, bold in texts)))
            shortest.append(min(emu(max((text_width(word[:40], size, bold) for text, bold in texts
                                         for word in text.split()), default=0)), width * 0.45))
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

    def _cell_fit(self, text: str, width: int, size: float, bold: bool) -> Fit:
        cell_width = width - 2 * self.CELL_INSET_X + 2 * INSET_X  # fit_text removes INSET_X on each side
        return _fitted_cell(text, cell_width, size, bold, self.CELL_MAX_LINES)

    def _row_height(self, cells: Sequence[str], widths: Sequence[int], size: float, bold: bool) -> int:
        lines = max((self._cell_fit(cell, width, size, bold).lines for cell, width in zip(cells, widths)), default=1)
        return int(math.ceil(lines * size * LINE_HEIGHT * EMU_PER_POINT)) + 2 * self.CELL_INSET_Y

    def _table_size(self, table: Table, width: int, height: int) -> tuple[float, list[int]]:
        size = self.TABLE_MAX_SIZE
        while True:
            widths = self._column_widths(table, width, size)
            total = self._row_height(table.headers, widths, size, True) + sum(
                self._row_height(row, widths, size, False) for row in table.rows[:40])
            words_fit = all(self._cell_fit(word, column_width, size, index == 0).lines == 1
                            for index, row in enumerate((table.headers, *table.rows[:40]))
                            for cell, column_width in zip(row, widths) for word in normalise(cell).split()[:12]
                            if len(word) <= 40)
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
        frame = slide.shapes.add_table(len(body) + 1, len(table.headers), self.x(left, width), top, width, sum(heights))
        frame.name = "Table"
        shape = frame.table
        # Right to left, the first column is the rightmost. The columns are written in that order rather than with
        # the table's rtl attribute, which LibreOffice ignores.
        order = list(range(len(table.headers)))[::-1] if self.rtl else list(range(len(table.headers)))
        shape.first_row = True
        shape.horz_banding = False
        for position, column_index in enumerate(order):
            shape.columns[position].width = widths[column_index]
        for row_index, (height, cells) in enumerate(zip(heights, (table.headers, *body))):
            shape.rows[row_index].height = height
            header = row_index == 0
            for position, column_index in enumerate(order):
                text = cells[column_index] if column_index < len(cells) else ""
                cell = shape.cell(row_index, position)
                cell.margin_left = cell.margin_right = self.CELL_INSET_X
                cell.margin_top = cell.margin_bottom = self.CELL_INSET_Y
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                cell.fill.solid()
                if header:
                    set_colour(cell.fill.fore_color, TITLE_COLOUR)
                elif row_index % 2 == 0:
                    set_colour(cell.fill.fore_color, PANEL)
                else:
                    set_colour(cell.fill.fore_color, WHITE)
                fit = self._cell_fit(text, widths[column_index], size, header)
                frame_text = cell.text_frame
                frame_text.word_wrap = True
                paragraph = frame_text.paragraphs[0]
                numeric = column_index in table.numeric_columns and not header
                self.style_paragraph(paragraph, "end" if numeric else "start")
                run = paragraph.add_run()
                run.text = self.directed(fit.text)
                self.style_run(run, size, header, WHITE if header else TEXT_COLOUR)


@lru_cache(maxsize=65_536)
def _fitted_cell(text: str, cell_width: int, size: float, bold: bool, max_lines: int) -> Fit:
    """A cell's text fitted at one size: the same cells are measured again at each size a table tries, and each
    word again to check it fits its column, so a deck of long tables measures each (text, width, size) once."""
    return fit_text(text, cell_width, 10 ** 9, max_size=size, min_size=size, bold=bold, max_lines=max_lines)
