"""The barometer's slides (16:9, on the committed template): key figures, scoreboard, sectors, the law against lived
access, perceptions, breakdowns, timeline, what changed, method. Every slide carries the version stamp."""
from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from . import barometer_charts as charts
from .barometer_report import BarometerReport, ScoreCell
from .charts import Scene, to_png
from .deck.layout import TEMPLATE

NAVY, INK, GREY = RGBColor(0x1B, 0x3A, 0x5C), RGBColor(0x22, 0x2B, 0x36), RGBColor(0x5F, 0x6B, 0x7A)
WIDTH, HEIGHT = 12192000, 6858000
MARGIN = 457200  # 0.5 inch
MAX_TIMELINE_ROWS = 8
MAX_MOVED_ROWS = 10


class _Deck:
    def __init__(self, report: BarometerReport) -> None:
        self.report = report
        self.rtl = report.direction == "rtl"
        self.prs = Presentation(str(TEMPLATE))
        self.layouts = {layout.name: layout for layout in self.prs.slide_layouts}

    def word(self, key: str, **values: object) -> str:
        return self.report.word(key, **values)

    def _paragraph_direction(self, paragraph) -> None:  # type: ignore[no-untyped-def]
        if self.rtl:
            properties = paragraph._p.get_or_add_pPr()
            properties.set("rtl", "1")
            properties.set("algn", "r")

    def slide(self, title: str):  # type: ignore[no-untyped-def]
        slide = self.prs.slides.add_slide(self.layouts["Title Only"])
        slide.shapes.title.text = title
        for paragraph in slide.shapes.title.text_frame.paragraphs:
            self._paragraph_direction(paragraph)
        self.text(slide, self.report.stamp or self.report.generated_at, MARGIN, HEIGHT - 380000, WIDTH - 2 * MARGIN,
                  300000, size=10, colour=GREY)
        return slide

    def text(self, slide, lines: str | Sequence[str], left: int, top: int, width: int, height: int, *,  # type: ignore[no-untyped-def]
             size: float = 16, bold: bool = False, colour: RGBColor = INK) -> None:
        box = slide.shapes.add_textbox(Emu(self._x(left, width)), Emu(top), Emu(width), Emu(height))
        frame = box.text_frame
        frame.word_wrap = True
        for index, line in enumerate([lines] if isinstance(lines, str) else lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            run = paragraph.add_run()
            run.text = line
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
            if self.rtl:
                run.font._rPr.set("lang", "ar-MA")
            self._paragraph_direction(paragraph)

    def _x(self, left: int, width: int) -> int:
        """Positions are given left to right; an Arabic deck mirrors them."""
        return WIDTH - left - width if self.rtl else left

    def picture(self, slide, scene: Scene, left: int, top: int, max_width: int, max_height: int) -> None:  # type: ignore[no-untyped-def]
        aspect = scene.height / scene.width
        width = min(max_width, int(max_height / aspect))
        slide.shapes.add_picture(io.BytesIO(to_png(scene)), Emu(self._x(left, width)), Emu(top), Emu(width),
                                 Emu(int(width * aspect)))

    def table(self, slide, headers: Sequence[str], rows: Sequence[Sequence[str]], left: int, top: int,  # type: ignore[no-untyped-def]
              width: int, *, size: float = 12, first_share: float = 0.5) -> None:
        shape = slide.shapes.add_table(len(rows) + 1, len(headers), Emu(self._x(left, width)), Emu(top), Emu(width),
                                       Emu(int(330000 * (len(rows) + 1))))
        table = shape.table
        if self.rtl:
            table._tbl.tblPr.set("rtl", "1")
        others = (width * (1 - first_share)) / max(1, len(headers) - 1)
        for index in range(len(headers)):
            table.columns[index].width = Emu(int(width * first_share if index == 0 else others))
        for row_index, row in enumerate([headers, *rows]):
            for column, value in enumerate(row):
                cell = table.cell(row_index, column)
                cell.text = value
                for paragraph in cell.text_frame.paragraphs:
                    self._paragraph_direction(paragraph)
                    for run in paragraph.runs:
                        run.font.size, run.font.bold = Pt(size), row_index == 0

    def score(self, cell: ScoreCell | None) -> str:
        if cell is None or cell.score is None:
            return self.word("flag_nd")
        return self.report.number(cell.score, 0) + (" ‡" if cell.flag == "low_n" else "")

    def change(self, cell: ScoreCell | None) -> str:
        return "—" if cell is None or cell.change is None else self.report.number(cell.change, 1, signed=True)


def render_barometer_pptx(report: BarometerReport) -> bytes:
    deck = _Deck(report)
    title_slide = deck.prs.slides.add_slide(deck.layouts["Title Slide"])
    for shape, text, size in ((title_slide.shapes.title, report.title, 44),
                              (title_slide.placeholders[1], f"{deck.word('report_kicker')}\n"
                               f"{report.stamp or deck.word('draft_' + report.draft)}", 18)):
        shape.text = text
        for paragraph in shape.text_frame.paragraphs:  # white on the template's dark cover
            deck._paragraph_direction(paragraph)
            for run in paragraph.runs:
                run.font.size, run.font.color.rgb = Pt(size), RGBColor(0xFF, 0xFF, 0xFF)

    slide = deck.slide(deck.word("section_key_figures"))
    tile = (WIDTH - 2 * MARGIN - 2 * 300000) // 3
    for index, (key, name) in enumerate(report.sectors):
        cell = report.cell("national", key)
        left = MARGIN + index * (tile + 300000)
        deck.text(slide, name, left, 1500000, tile, 500000, size=22, bold=True, colour=NAVY)
        deck.text(slide, deck.score(cell), left, 2050000, tile, 1100000, size=60, bold=True, colour=NAVY)
        details = [f"n = {cell.n if cell and cell.n is not None else '—'}"]
        if cell is not None and cell.change is not None:
            details.append(f"{deck.word('col_change')} : {deck.change(cell)}")
        deck.text(slide, details, left, 3300000, tile, 800000, size=16)
    deck.text(slide, [deck.word("low_n_note", min_n=report.min_n), deck.word("draft_notice") if report.draft != "final"
                      else deck.word("final_notice")], MARGIN, 4700000, WIDTH - 2 * MARGIN, 900000, size=13,
              colour=GREY)

    slide = deck.slide(deck.word("section_scoreboard"))
    deck.picture(slide, charts.scoreboard(report), MARGIN, 1250000, WIDTH - 2 * MARGIN, 5100000)

    for key, name in report.sectors:
        slide = deck.slide(name)
        deck.picture(slide, charts.tile_map(report, key), MARGIN, 1250000, 3000000, 5100000)
        rows = [(dimension_name, deck.score(report.cell("national", key, dimension)),
                 deck.change(report.cell("national", key, dimension)))
                for dimension, dimension_name in report.dimensions if report.cell("national", key, dimension)]
        rows.append((f"{name} — {deck.word('national')}", deck.score(report.cell("national", key)),
                     deck.change(report.cell("national", key))))
        deck.table(slide, (deck.word("col_dimension"), deck.word("col_score"), deck.word("col_change")), rows,
                   MARGIN + 3500000, 1400000, WIDTH - 2 * MARGIN - 3500000, size=16)

    slide = deck.slide(deck.word("section_gap"))
    deck.picture(slide, charts.gap_chart(report), MARGIN, 1300000, (WIDTH - 2 * MARGIN) // 2 - 100000, 4900000)
    deck.picture(slide, charts.radar(report, "national"), WIDTH // 2 + 300000, 1300000, 4600000, 4900000)

    slide = deck.slide(deck.word("chart_likert"))
    deck.picture(slide, charts.likert(report), MARGIN, 1250000, WIDTH - 2 * MARGIN, 5100000)

    slide = deck.slide(deck.word("section_breakdowns"))
    for index, breakdown in enumerate(("status", "sex")):
        rows = []
        for group, people, cells in report.breakdowns.get(breakdown, ()):
            by_sector = {cell.sector: cell for cell in cells}
            rows.append((group, str(people), *(deck.score(by_sector.get(key)) for key, _name in report.sectors)))
        deck.table(slide, (deck.word(f"col_{breakdown}"), "n", *(name for _key, name in report.sectors)), rows,
                   MARGIN, 1300000 + index * 2500000, WIDTH - 2 * MARGIN, size=13, first_share=0.36)

    if report.timeline:
        slide = deck.slide(deck.word("section_timeline"))
        deck.picture(slide, charts.timeline(report), MARGIN, 1200000, WIDTH - 2 * MARGIN, 2000000)
        lines = [f"{number}. {event.date} — {report.sector_name(event.sector)} ({event.direction}) : {event.text}"
                 for number, event in enumerate(report.timeline, start=1)][:MAX_TIMELINE_ROWS]
        deck.text(slide, lines, MARGIN, 3300000, WIDTH - 2 * MARGIN, 2900000, size=13)

    if report.changes is not None:
        slide = deck.slide(deck.word("section_changes"))
        changes = report.changes
        if not changes.previous_issued:
            deck.text(slide, deck.word("changes_previous_missing"), MARGIN, 1400000, WIDTH - 2 * MARGIN, 800000)
        else:
            lines = [deck.word("changes_responses", before=changes.responses_before, after=changes.responses_after)]
            lines += [f"✓ {section}" for section in changes.sections_completed]
            lines += [f"{figure.label} : {report.number(figure.before)} → {report.number(figure.after)}"
                      for figure in changes.figures[:MAX_MOVED_ROWS]]
            if not changes.figures and not changes.sections_completed:
                lines.append(deck.word("changes_none"))
            lines.append(f"{deck.word('section_comments')} : {len(report.comments)}")
            deck.text(slide, lines, MARGIN, 1300000, WIDTH - 2 * MARGIN, 4900000, size=14)

    slide = deck.slide(deck.word("section_method_short"))
    deck.text(slide, [deck.word("method_goalposts_text"), deck.word("method_intervals_text", min_n=report.min_n),
                      deck.word("method_rule_text")], MARGIN, 1250000, WIDTH - 2 * MARGIN, 5100000, size=12)
    output = io.BytesIO()
    deck.prs.save(output)
    return output.getvalue()
