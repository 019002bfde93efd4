"""The barometer's report (draft 1, draft 2, final) as a document model, printed to .docx by render_docx.

Outline: cover with the version stamp; what changed and the comments on the previous draft (drafts 2 and final);
summary and key figures; scoreboard; one chapter per sector; law against lived access; perception answers; legal
status and sex; trends; policy timeline; recommendations; method annex; data annex. Texts the writers have not
entered yet are « to complete » callouts, never invented.
"""
from __future__ import annotations

from collections.abc import Iterable

from . import barometer_charts as charts
from .barometer_report import BarometerReport, ScoreCell
from .charts import Scene, to_png
from .documents import (BulletList, Callout, Cell, Cover, DocumentModel, Heading, PageBreak, Paragraph, Picture,
                        TableBlock)
from .word import render_docx

MAX_MOVED_FIGURES = 40


def picture(scene: Scene, width: float = 16.0) -> Picture:
    return Picture(to_png(scene), scene.height / scene.width, width, f"{scene.title}. {scene.description}")


class _Composer:
    def __init__(self, report: BarometerReport) -> None:
        self.report = report
        self.blocks: list = []  # type: ignore[type-arg]

    def word(self, key: str, **values: object) -> str:
        return self.report.word(key, **values)

    def heading(self, text: str, level: int) -> None:
        self.blocks.append(Heading(text, level))

    def paragraph(self, text: str, kind: str = "body") -> None:
        if text.strip():
            self.blocks.append(Paragraph(text, kind))  # type: ignore[arg-type]

    def narrative(self, section: str) -> None:
        text = self.report.narrative.get(section, "")
        if text.strip():
            for part in text.split("\n\n"):
                self.paragraph(part)
        else:
            self.blocks.append(Callout(_to_complete_label(self.report), self.word("to_write")))

    def table(self, headers: Iterable[str], rows: Iterable[Iterable[Cell]], numeric: tuple[int, ...] = (),
              widths: tuple[float, ...] = ()) -> None:
        rows = tuple(tuple(row) for row in rows)
        if rows:
            self.blocks.append(TableBlock(tuple(headers), rows, numeric, widths))

    # --- cells as text ---

    def score(self, cell: ScoreCell | None) -> str:
        if cell is None or cell.score is None:
            return self.word("flag_nd")
        text = self.report.number(cell.score)
        return text + " ‡" if cell.flag == "low_n" else text

    def interval(self, cell: ScoreCell | None) -> str:
        if cell is None or cell.ci is None:
            return "—"
        return f"{self.report.number(cell.ci[0])} – {self.report.number(cell.ci[1])}"

    def change(self, cell: ScoreCell | None) -> str:
        return "—" if cell is None or cell.change is None else self.report.number(cell.change, signed=True)

    def n(self, cell: ScoreCell | None) -> str:
        return "—" if cell is None or cell.n is None else str(cell.n)


def _to_complete_label(report: BarometerReport) -> str:
    return {"fr": "À compléter", "ar": "للإتمام", "en": "To complete"}.get(report.language, "To complete")


def compose_barometer(report: BarometerReport) -> DocumentModel:
    c = _Composer(report)
    final = report.draft == "final"
    cover = Cover(kicker=c.word("report_kicker"), title=report.title, subtitle=c.word("report_subtitle"),
                  facts=((c.word("cover_version"), report.stamp or c.word(f"draft_{report.draft}")),
                         (c.word("cover_responses"), str(report.responses)),
                         (c.word("cover_previous"), report.previous_title or c.word("cover_none"))),
                  notice=c.word("final_notice" if final else "draft_notice"))
    if report.changes is not None:
        _changes(c)
        _comments(c)
    c.heading(c.word("section_summary"), 1)
    c.narrative("summary")
    c.heading(c.word("section_key_figures"), 2)
    c.table((c.word("col_sector"), c.word("col_score"), c.word("col_n"), c.word("col_change")),
            ((name, c.score(cell := report.cell("national", key)), c.n(cell), c.change(cell))
             for key, name in report.sectors), numeric=(1, 2, 3), widths=(3, 1.4, 1.2, 1.7))
    c.paragraph(c.word("low_n_note", min_n=report.min_n), "note")
    c.heading(c.word("section_scoreboard"), 1)
    c.blocks.append(picture(charts.scoreboard(report), 15))
    c.paragraph(c.word("legend_nd"), "note")
    c.blocks.append(picture(charts.tile_maps(report), 15))
    c.paragraph(c.word("legend_low_n", min_n=report.min_n), "note")
    for sector, name in report.sectors:
        _sector(c, sector, name)
    c.heading(c.word("section_gap"), 1)
    c.blocks.append(picture(charts.gap_chart(report), 15))
    c.table((c.word("col_sector"), c.word("gap_legal"), c.word("gap_perception"), c.word("gap_usage")),
            ((name, *(report.number(report.gaps[key][kind]) for kind in ("legal", "perception", "usage")))
             for key, name in report.sectors), numeric=(1, 2, 3))
    c.blocks.append(picture(charts.likert(report), 16))
    _breakdowns(c)
    if len(report.trends) > 1:
        c.heading(c.word("section_trends"), 1)
        c.blocks.append(picture(charts.trend(report), 14))
    _timeline(c)
    c.heading(c.word("section_recommendations"), 1)
    c.narrative("recommendations")
    _method(c)
    _data(c)
    header = f"{report.title} · {c.word(f'draft_{report.draft}')}"
    return DocumentModel(title=report.title, header=header, language=report.language, direction=report.direction,
                         to_complete=_to_complete_label(report), blocks=tuple(c.blocks), cover=cover,
                         generated_at=report.stamp or report.generated_at)


def _changes(c: _Composer) -> None:
    report, changes = c.report, c.report.changes
    assert changes is not None
    c.heading(c.word("section_changes"), 1)
    if not changes.previous_issued:
        c.paragraph(c.word("changes_previous_missing"))
        return
    c.paragraph(c.word("changes_responses", before=changes.responses_before, after=changes.responses_after))
    if changes.sections_completed:
        c.heading(c.word("changes_sections"), 2)
        c.blocks.append(BulletList(changes.sections_completed))
    if changes.figures:
        c.heading(c.word("changes_figures"), 2)
        shown = changes.figures[:MAX_MOVED_FIGURES]
        c.table((c.word("col_indicator"), c.word("col_before"), c.word("col_after")),
                ((figure.label, report.number(figure.before), report.number(figure.after)) for figure in shown),
                numeric=(1, 2), widths=(6, 1.2, 1.2))
        if len(changes.figures) > len(shown):
            c.paragraph(f"… +{len(changes.figures) - len(shown)}", "note")
    if not changes.figures and not changes.sections_completed:
        c.paragraph(c.word("changes_none"))


def _comments(c: _Composer) -> None:
    c.heading(c.word("section_comments"), 1)
    if not c.report.comments:
        c.paragraph(c.word("comments_none"))
        return
    c.table((c.word("col_section"), c.word("col_author"), c.word("col_comment"), c.word("col_response")),
            ((row.section, row.author or "—", row.text, row.response or "—") for row in c.report.comments),
            widths=(1.6, 1.4, 4, 3))


def _sector(c: _Composer, sector: str, name: str) -> None:
    report = c.report
    c.blocks.append(PageBreak())
    c.heading(name, 1)
    c.narrative(sector)
    rows = []
    for dimension, dimension_name in report.dimensions:
        cell = report.cell("national", sector, dimension)
        if cell is None:
            continue
        rows.append((dimension_name, c.word("kind_dimension"), c.score(cell), c.n(cell), "—", c.change(cell)))
        for indicator in report.indicators:
            if indicator.sector == sector and indicator.dimension == dimension:
                detail = report.cell("national", sector, dimension, indicator.key)
                rows.append(("   " + indicator.label, c.word(f"kind_{indicator.kind}"), c.score(detail), c.n(detail),
                             c.interval(detail), c.change(detail)))
    c.table((c.word("col_indicator"), c.word("col_kind"), c.word("col_score"), c.word("col_n"), c.word("col_ci"),
             c.word("col_change")), rows, numeric=(2, 3, 4, 5), widths=(5.4, 2.5, 1.2, 0.9, 1.9, 1.7))


def _breakdowns(c: _Composer) -> None:
    report = c.report
    c.heading(c.word("section_breakdowns"), 1)
    for breakdown in ("status", "sex"):
        c.heading(c.word(f"breakdown_{breakdown}"), 2)
        rows = []
        for group, people, cells in report.breakdowns.get(breakdown, ()):
            by_sector = {cell.sector: cell for cell in cells}
            rows.append((group, str(people), *(c.score(by_sector.get(key)) for key, _name in report.sectors)))
        c.table((c.word(f"col_{breakdown}"), c.word("col_respondents"), *(name for _key, name in report.sectors)),
                rows, numeric=(1, 2, 3, 4), widths=(3, 1.4, 1.2, 1.2, 1.2))
    c.paragraph(c.word("low_n_note", min_n=report.min_n), "note")


def _timeline(c: _Composer) -> None:
    report = c.report
    c.heading(c.word("section_timeline"), 1)
    c.paragraph(c.word("method_events"), "note")
    if not report.timeline:
        c.paragraph(c.word("no_data"))
        return
    c.blocks.append(picture(charts.timeline(report), 15))
    c.table(("#", c.word("col_date"), c.word("col_sector"), c.word("col_direction"), c.word("col_text"),
             c.word("col_source")),
            ((str(number), event.date, report.sector_name(event.sector),
              c.word("direction_up" if event.direction == "+" else "direction_down"), event.text, event.source or "—")
             for number, event in enumerate(report.timeline, start=1)), widths=(0.5, 1.7, 1.8, 1.5, 4.6, 2.4))


def _method(c: _Composer) -> None:
    report = c.report
    c.blocks.append(PageBreak())
    c.heading(c.word("section_method"), 1)
    sources = dict(report.responses_by_source)
    c.heading(c.word("method_sampling"), 2)
    c.paragraph(c.word("method_sampling_text", responses=report.responses,
                       field=sources.get(report.word("source_field"), 0),
                       room=sources.get(report.word("source_room"), 0)))
    c.heading(c.word("method_cells"), 3)
    c.table((c.word("col_region"), *(name for _key, name in report.sectors)),
            ((name, *(c.n(report.cell(slug, key)) for key, _name in report.sectors)) for slug, name in report.regions),
            numeric=(1, 2, 3), widths=(3, 1.2, 1.2, 1.2))
    c.heading(c.word("method_goalposts"), 2)
    c.paragraph(c.word("method_goalposts_text"))
    c.table((c.word("col_answer"), c.word("col_goalpost")),
            ((c.word("answer_tres_facile"), "100"), (c.word("answer_facile"), report.number(66.7)),
             (c.word("answer_difficile"), report.number(33.3)), (c.word("answer_tres_difficile"), "0"),
             (c.word("answer_nsp"), "—")), numeric=(1,), widths=(3, 1))
    c.heading(c.word("method_intervals"), 2)
    c.paragraph(c.word("method_intervals_text", min_n=report.min_n))
    c.heading(c.word("method_rule"), 2)
    c.paragraph(c.word("method_rule_text"))
    c.heading(c.word("method_weights"), 2)
    if report.weights:
        c.paragraph(c.word("method_weights_set"))
        c.table((c.word("col_indicator"), c.word("col_weight")),
                ((label, report.number(weight)) for label, weight in report.weights), numeric=(1,), widths=(6, 1))
    else:
        c.paragraph(c.word("method_weights_equal"))
    c.heading(c.word("method_anchors"), 2)
    c.table((c.word("col_indicator"), "0", "50", "100"),
            ((item.label, *(dict(item.anchors).get(level, "") for level in (0, 50, 100)))
             for item in report.indicators if item.kind == "legal"), widths=(3, 2, 2, 2))
    if report.legal_scores:
        c.heading(c.word("sheet_legal"), 3)
        c.table((c.word("col_indicator"), c.word("col_status"), c.word("col_score"), c.word("col_source"),
                 c.word("col_date")),
                ((row.indicator, row.status, str(row.score), row.source or "—", row.date or "—")
                 for row in report.legal_scores), numeric=(2,), widths=(4, 1.6, 0.9, 2.6, 1.3))


def _data(c: _Composer) -> None:
    report = c.report
    c.blocks.append(PageBreak())
    c.heading(c.word("section_data"), 1)
    c.paragraph(c.word("data_intro", previous=report.previous_title or c.word("data_no_previous")), "note")
    for slug, region in report.regions:
        c.heading(region, 2)
        rows = []
        for sector, sector_name in report.sectors:
            # The sector's own row in capitals (Latin scripts), its dimensions and indicators indented below it.
            rows.append((sector_name.upper(), *_data_cells(c, report.cell(slug, sector))))
            for dimension, dimension_name in report.dimensions:
                cell = report.cell(slug, sector, dimension)
                if cell is None:
                    continue
                rows.append(("   " + dimension_name, *_data_cells(c, cell)))
                for item in report.indicators:
                    if item.sector == sector and item.dimension == dimension:
                        rows.append(("      " + item.label, *_data_cells(c, report.cell(slug, sector, dimension,
                                                                                         item.key))))
        c.table((c.word("col_indicator"), c.word("col_score"), c.word("col_n"), c.word("col_ci"), c.word("col_change")),
                rows, numeric=(1, 2, 3, 4), widths=(7, 1.3, 0.9, 1.9, 1.7))


def _data_cells(c: _Composer, cell: ScoreCell | None) -> tuple[str, str, str, str]:
    return c.score(cell), c.n(cell), c.interval(cell), c.change(cell)


def render_barometer_docx(report: BarometerReport) -> bytes:
    return render_docx(compose_barometer(report))
