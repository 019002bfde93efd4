"""The workbook for the writers: a contents sheet, one sheet per activity, the results by group, the axes, the
participants' counts.

Every text cell is written as a string, never as a formula: openpyxl would otherwise store "=HYPERLINK(…)" as a
formula that Excel and LibreOffice run. Cells that start like a formula (= + - @) also carry Excel's "quote
prefix" style, the stored form of a typed leading apostrophe: the value stays exactly what the participant wrote
(no added character), both programs show it as text, and editing the cell does not turn it into a formula.
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .render_csv import FORMULA_STARTS, idea_headers, idea_row, visible_ideas, vote_headers, vote_row, with_fallback
from .report import ActivityReport, Report, Table
from .typography import clean_text

EXCEL_CELL_LIMIT = 32_767  # characters in one cell
SHEET_NAME_LIMIT = 31
FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
RESERVED_SHEET_NAMES = {"history"}  # Excel keeps it for change tracking
NUMBER = re.compile(r"^-?\d+(?:[.,](\d+))?$")

HEADER_FILL = PatternFill("solid", start_color="0B4F6C", end_color="0B4F6C")
FONT = "Calibri"  # the workbook's default: a font without a name is drawn in a serif by LibreOffice
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
TITLE_FONT = Font(name=FONT, bold=True, size=14, color="0B4F6C")
MUTED_FONT = Font(name=FONT, italic=True, color="5B6B73")
LINK_FONT = Font(name=FONT, color="1F6F9E", underline="single")
HEADER_BORDER = Border(bottom=Side(style="thin", color="0B4F6C"))
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MIN_WIDTH, MAX_WIDTH = 6, 60


@dataclass
class Block:
    """One table of a sheet: its headers and rows, side by side with the sheet's other tables."""

    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    numeric_columns: Sequence[int] = ()
    number_formats: dict[int, str] = field(default_factory=dict)


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, not empty, unique whatever the case."""
    base = FORBIDDEN_IN_SHEET_NAMES.sub(" ", clean_text(wanted))
    base = " ".join(base.split()).strip("'") or "Sheet"
    name = base[:SHEET_NAME_LIMIT].rstrip().strip("'") or "Sheet"
    number = 2
    while name.lower() in taken or name.lower() in RESERVED_SHEET_NAMES:
        suffix = f" ({number})"
        name = base[:SHEET_NAME_LIMIT - len(suffix)].rstrip().strip("'") + suffix
        number += 1
    taken.add(name.lower())
    return name


def text_value(value: str) -> str:
    text = clean_text(value)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[:EXCEL_CELL_LIMIT - 1] + "…"
    return text


def put(sheet: Worksheet, row: int, column: int, value: object, *, number_format: str | None = None):  # type: ignore[no-untyped-def]
    """Write one cell: numbers as numbers, every text as a string (never a formula, an error or a date)."""
    cell = sheet.cell(row=row, column=column)
    if value is None or value == "":
        return cell
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)):
        cell.value = value
        if number_format:
            cell.number_format = number_format
        return cell
    text = text_value(str(value))
    # What ``cell.value = text`` stores, without its check for the control characters XML refuses, which cleaning
    # has already removed (text_value), and which scans every string with a slow pattern (a fifth of a workbook).
    cell._value = text
    cell.data_type = "s"  # openpyxl guesses "f" for "=…" and "e" for "#N/A": text stays text
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def as_number(text: str) -> tuple[int | float | str, str | None]:
    """A table cell the report gives as text ("82.5", "82,5", "3"): a number when it is one, with its format."""
    match = NUMBER.match(text.strip())
    if not match:
        return text, None
    decimals = match.group(1)
    if decimals is None:
        return int(text), "0"
    return float(text.replace(",", ".")), "0." + "0" * len(decimals)


def table_block(table: Table) -> Block:
    rows = []
    formats: dict[int, str] = {}
    for row in table.rows:
        converted: list[object] = []
        for index, value in enumerate(row):
            if index in table.numeric_columns:
                number, number_format = as_number(value)
                if number_format:
                    formats[index] = number_format
                converted.append(number)
            else:
                converted.append(value)
        rows.append(converted)
    return Block(table.headers, rows, table.numeric_columns, formats)


class _Workbook:
    def __init__(self, report: Report, include_hidden: bool) -> None:
        self.report = report
        self.labels = with_fallback(report.labels)
        self.include_hidden = include_hidden
        self.rtl = report.meta.direction == "rtl"
        self.book = Workbook()
        self.taken: set[str] = set()
        self.alignment_ids: dict[int, int] = {}  # id(WRAP or TOP) → its index in the workbook's alignments
        self.contents = self.book.active
        self.contents.title = sheet_name(self.label("data_sheet_contents"), self.taken)

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def sheet(self, title: str) -> Worksheet:
        sheet = self.book.create_sheet(sheet_name(title, self.taken))
        self.prepare(sheet)
        return sheet

    def prepare(self, sheet: Worksheet) -> None:
        """Right to left for Arabic; printed landscape, as wide as one page."""
        sheet.sheet_view.rightToLeft = self.rtl
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def blocks(self, sheet: Worksheet, blocks: Sequence[Block], header_row: int) -> None:
        """Tables side by side from ``header_row``, one empty column between them; headers styled and frozen."""
        widths: dict[int, int] = {}
        column = 1
        for block_index, block in enumerate(blocks):
            for offset, header in enumerate(block.headers):
                cell = put(sheet, header_row, column + offset, header)
                cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
                cell.alignment = Alignment(wrap_text=True, vertical="center")
                widths[column + offset] = max(widths.get(column + offset, 0), _length(header))
            long_columns: set[int] = set()
            for row_offset, row in enumerate(block.rows, start=1):
                for offset, value in enumerate(row):
                    cell = put(sheet, header_row + row_offset, column + offset, value,
                               number_format=block.number_formats.get(offset))
                    length = _length(value)
                    if row_offset <= 500:  # enough rows to size a column
                        widths[column + offset] = max(widths.get(column + offset, 0), length)
                    if length > MAX_WIDTH:
                        long_columns.add(offset)
                    self.align(cell, WRAP if length > MAX_WIDTH or "\n" in str(value) else TOP)
            if block_index == 0 and block.rows:
                last = get_column_letter(column + len(block.headers) - 1)
                sheet.auto_filter.ref = f"{get_column_letter(column)}{header_row}:{last}{header_row + len(block.rows)}"
            column += len(block.headers) + 1
        for index, width in widths.items():
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)

    def align(self, cell, alignment: Alignment) -> None:  # type: ignore[no-untyped-def]
        """``cell.alignment = alignment`` for the shared WRAP and TOP: openpyxl's setter hashes the alignment's every
        field twice to find its index, for each of a workbook's ~20,000 cells; the index is found once here, when
        first used (so the workbook's style list keeps its order), and written as the setter writes it."""
        index = self.alignment_ids.get(id(alignment))
        if index is None:
            index = self.alignment_ids[id(alignment)] = self.book._alignments.add(alignment)
        if not cell._style:
            cell._style = StyleArray()
        cell._style.alignmentId = index

    def heading(self, sheet: Worksheet, title: str, subtitle: str) -> None:
        put(sheet, 1, 1, title).font = TITLE_FONT
        if subtitle:
            put(sheet, 2, 1, subtitle).font = MUTED_FONT

    # -- sheets ----------------------------------------------------------------------------------------------------

    def activity_blocks(self, activity: ActivityReport) -> list[Block]:
        blocks: list[Block] = []
        ideas = visible_ideas(activity, self.include_hidden)
        if ideas:
            blocks.append(Block(idea_headers(self.labels), [idea_row(idea, self.labels) for idea in ideas],
                                numeric_columns=(0, 4)))
        if activity.table and activity.table.rows:
            blocks.append(table_block(activity.table))
        elif activity.chart and activity.chart.categories:
            chart = activity.chart
            headers = (self.label("option"), *(series.name for series in chart.series))
            rows = [(category, *(series.values[index] if index < len(series.values) else None
                                 for series in chart.series)) for index, category in enumerate(chart.categories)]
            blocks.append(Block(headers, rows, tuple(range(1, len(headers)))))
        if activity.word_frequencies:
            blocks.append(Block((self.label("word"), self.label("count")),
                                [(word, count) for word, count in activity.word_frequencies], (1,)))
        if activity.matrix:
            blocks.append(Block((self.label("item"), self.label("impact"), self.label("feasibility"),
                                 self.label("quadrant")),
                                [(point.label, point.impact, point.feasibility, point.quadrant)
                                 for point in activity.matrix], (1, 2), {1: "0.0", 2: "0.0"}))
        if activity.votes:
            blocks.append(Block(vote_headers(self.labels), [vote_row(vote) for vote in activity.votes], (3,)))
        return blocks

    def activities(self) -> list[tuple[str, str, ActivityReport]]:
        listed = []
        number = 0
        for room in self.report.rooms:
            for activity in room.activities:
                number += 1
                sheet = self.sheet(f"{number} {activity.type_label or activity.type}")
                self.heading(sheet, activity.prompt, " · ".join(part for part in (room.name, activity.type_label,
                                                                                   activity.summary) if part))
                blocks = self.activity_blocks(activity)
                if blocks:
                    self.blocks(sheet, blocks, header_row=4)
                else:
                    sheet.column_dimensions["A"].width = MAX_WIDTH
                listed.append((sheet.title, room.name, activity))
        return listed

    def groups(self, listed: list[tuple[str, str, ActivityReport]]) -> list[str]:
        """One sheet for every prioritization read by group: a row per activity × dimension × group × item, with the
        group's n, the value as a number and its rank in the group. The groups are the documents' (small ones
        pooled into « others », which is left out when still too small), so the sheet shows nobody the documents
        do not."""
        rows = [(name, room, activity.type_label, activity.prompt, view.title, record.group, record.n, record.item,
                 view.measure, record.value, record.rank)
                for name, room, activity in listed for view in activity.groups for record in view.records]
        if not rows:
            return []
        sheet = self.sheet(self.label("data_sheet_groups"))
        self.heading(sheet, self.label("group_view"), self.report.meta.title)
        put(sheet, 3, 1, self.label("group_pooled_note") % {"minimum": self.report.meta.min_group_size}).font = \
            MUTED_FONT
        headers = (self.label("data_sheet"), self.label("data_room"), self.label("activity_type"),
                   self.label("data_question"), self.label("data_dimension"), self.label("data_group"), "n",
                   self.label("item"), self.label("data_measure"), self.label("data_value"), self.label("rank"))
        self.blocks(sheet, [Block(headers, rows, (6, 9, 10))], header_row=4)  # points stay whole, means keep their decimal
        return [sheet.title]

    def strategy(self) -> list[str]:
        strategy = self.report.strategy
        if strategy is None:
            return []
        names = []
        sheet = self.sheet(self.label("data_sheet_axes"))
        self.heading(sheet, strategy.title, " · ".join(part for part in (strategy.region, strategy.vision) if part))
        headers = (self.label("rank"), self.label("data_code"), self.label("axis"), self.label("data_theme"),
                   self.label("data_status"), self.label("score"), self.label("agreement"), self.label("points"),
                   self.label("central_message"), self.label("change_objective"), self.label("data_parent_axis"),
                   self.label("data_disposition"), self.label("data_clusters"), self.label("data_source_ideas"),
                   self.label("chosen_order"))
        rows = [(axis.rank, axis.code, axis.title, axis.theme, axis.status, axis.score, axis.agreement, axis.votes,
                 axis.central_message, axis.change_objective,
                 " ".join(part for part in (axis.parent_code, axis.parent_title) if part), axis.disposition,
                 "\n".join(axis.clusters), "\n".join(axis.sources), axis.chosen or axis.rank)
                for axis in strategy.axes]
        self.blocks(sheet, [Block(headers, rows, (0, 5, 7, 14), {5: "0.0"})], header_row=4)
        if strategy.method:
            put(sheet, 3, 1, strategy.method).font = MUTED_FONT
        names.append(sheet.title)
        actors = [(axis.code, actor.name, actor.role, actor.influence, actor.interest, actor.alignment)
                  for axis in strategy.axes for actor in axis.actors]
        if actors:
            sheet = self.sheet(self.label("block_actors"))
            self.heading(sheet, strategy.title, self.label("block_actors"))
            self.blocks(sheet, [Block((self.label("data_code"), self.label("actor"), self.label("role"),
                                       self.label("influence"), self.label("interest"), self.label("alignment")),
                                      actors, (3, 4, 5))], header_row=4)
            names.append(sheet.title)
        asks = [(axis.code, *ask) for axis in strategy.axes for ask in axis.asks]
        if asks:
            sheet = self.sheet(self.label("block_asks"))
            self.heading(sheet, strategy.title, self.label("block_asks"))
            self.blocks(sheet, [Block((self.label("data_code"), self.label("measure"), self.label("decision_maker"),
                                       self.label("instrument"), self.label("level")), asks)], header_row=4)
            names.append(sheet.title)
        return names

    def participants(self) -> str:
        """Counts only: organisation types and regions by room. Never names, even when the report holds some."""
        sheet = self.sheet(self.label("participants"))
        self.heading(sheet, self.label("participants"), self.report.meta.title)
        room, count = self.label("data_room"), self.label("count")
        totals = Block((room, self.label("participants")),
                       [(item.name, item.participants.total) for item in self.report.rooms], (1,))
        types = Block((room, self.label("organisation_type"), count),
                      [(item.name, row.label, row.count) for item in self.report.rooms
                       for row in item.participants.by_organisation_type], (2,))
        regions = Block((room, self.label("region"), count),
                        [(item.name, row.label, row.count) for item in self.report.rooms
                         for row in item.participants.by_region], (2,))
        self.blocks(sheet, [totals, types, regions], header_row=4)
        return sheet.title

    def fill_contents(self, listed: list[tuple[str, str, ActivityReport]], others: list[str]) -> None:
        sheet = self.contents
        self.prepare(sheet)
        meta = self.report.meta
        self.heading(sheet, meta.title, " · ".join(part for part in (meta.subtitle, meta.date, meta.place) if part))
        put(sheet, 3, 1, f"{self.label('generated_by')} · {meta.generated_at}").font = MUTED_FONT
        headers = (self.label("data_sheet"), self.label("data_room"), self.label("activity_type"),
                   self.label("data_question"), self.label("data_summary"), self.label("data_responses"))
        rows: list[tuple[object, ...]] = [(name, room, activity.type_label, activity.prompt, activity.summary,
                                           activity.responses) for name, room, activity in listed]
        rows += [(name, "", "", "", "", None) for name in others]
        self.blocks(sheet, [Block(headers, rows, (5,))], header_row=5)
        for index, name in enumerate([*(item[0] for item in listed), *others], start=6):
            cell = sheet.cell(row=index, column=1)
            quoted = name.replace("'", "''")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")  # inside the workbook
            cell.font = LINK_FONT

    def build(self) -> bytes:
        listed = self.activities()
        others = self.groups(listed)
        others += self.strategy()
        others.append(self.participants())
        self.fill_contents(listed, others)
        properties = self.book.properties
        properties.title = clean_text(self.report.meta.title)[:200]
        properties.creator = "workshop"
        properties.language = self.report.meta.language
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


def _length(value: object) -> int:
    if value is None:
        return 0
    text = str(value)
    return max((len(line) for line in text.split("\n")), default=0)


def render_xlsx(report: Report, include_hidden: bool = False) -> bytes:
    """The report as an .xlsx workbook; ideas the moderator hid only when ``include_hidden``."""
    return _Workbook(report, include_hidden).build()
