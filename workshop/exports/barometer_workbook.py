"""The barometer's workbook: every cell, the anonymised answers, the framework, legal scores and policy events."""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.barometer import ANONYMITY_THRESHOLD
from .barometer_report import BarometerReport
from .render_xlsx import put

HEADER_FILL = PatternFill("solid", fgColor="1B3A5C")
LOW_N_FILL = PatternFill("lightUp", fgColor="7A8794", bgColor="FFFFFF")  # hatched, as on the dashboard


def _sheet(workbook: Workbook, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
           rtl: bool, widths: Sequence[int] = ()) -> Worksheet:
    sheet = workbook.create_sheet(title[:31])
    sheet.sheet_view.rightToLeft = rtl
    for column, header in enumerate(headers, start=1):
        cell = put(sheet, 1, column, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            put(sheet, row_number, column, value, number_format="0.0" if isinstance(value, float) else None)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = width
    sheet.freeze_panes = "A2"
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions
    return sheet


def render_barometer_xlsx(report: BarometerReport) -> bytes:
    """Numbers as numbers (scores, n, interval bounds, change), texts as text; low-n cells hatched."""
    rtl = report.direction == "rtl"
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    word = report.word
    labels = {item.key: item.label for item in report.indicators}
    cells = _sheet(workbook, word("sheet_cells"),
                   (word("col_region"), "region", word("col_sector"), word("col_dimension"), word("col_indicator"),
                    "indicator", word("col_kind"), word("col_score"), word("col_n"), "ci_low", "ci_high",
                    word("col_flag"), word("col_change")),
                   ((report.region_name(cell.region), cell.region, report.sector_name(cell.sector),
                     report.dimension_name(cell.dimension) if cell.dimension else "",
                     labels.get(cell.indicator, "") if cell.indicator else "", cell.indicator or "",
                     word(f"kind_{cell.kind}"), cell.score, cell.n, cell.ci[0] if cell.ci else None,
                     cell.ci[1] if cell.ci else None, cell.flag or "", cell.change) for cell in report.cells),
                   rtl, (24, 22, 12, 26, 50, 30, 20, 9, 7, 9, 9, 8, 9))
    for row_number, cell in enumerate(report.cells, start=2):
        if cell.flag == "low_n":
            cells.cell(row_number, 8).fill = LOW_N_FILL
    survey = [item for item in report.indicators if item.kind != "legal"]
    answers = _sheet(workbook, word("sheet_responses"),
                     (word("col_response_id"), word("col_region"), word("col_status"), word("col_sex"),
                      word("col_source_kind"), *(item.key for item in survey)),
                     ((row.number, row.region, row.status, row.sex, row.source, *row.answers)
                      for row in report.anonymised), rtl, (10, 24, 22, 12, 22, *(14 for _ in survey)))
    note_row = answers.max_row + 2
    put(answers, note_row, 1, word("anonymised_note", k=ANONYMITY_THRESHOLD)).font = Font(italic=True)
    _sheet(workbook, word("sheet_framework"),
           ("indicator", word("col_sector"), word("col_dimension"), word("col_kind"), word("col_indicator"),
            word("col_weight")),
           ((item.key, report.sector_name(item.sector), report.dimension_name(item.dimension), word(f"kind_{item.kind}"),
             item.label, item.weight) for item in report.indicators), rtl, (30, 12, 26, 20, 80, 8))
    _sheet(workbook, word("sheet_legal"),
           (word("col_indicator"), word("col_status"), word("col_score"), word("col_source"), word("col_date"),
            word("col_flag")),
           ((row.indicator, row.status, row.score, row.source, row.date, row.note) for row in report.legal_scores),
           rtl, (70, 22, 8, 40, 12, 40))
    _sheet(workbook, word("sheet_events"),
           (word("col_date"), word("col_sector"), word("col_direction"), word("col_text"), word("col_source")),
           ((event.date, report.sector_name(event.sector),
             word("direction_up" if event.direction == "+" else "direction_down"), event.text, event.source)
            for event in report.timeline), rtl, (12, 12, 12, 80, 40))
    workbook.properties.title = report.title
    workbook.properties.subject = report.stamp or report.generated_at
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
