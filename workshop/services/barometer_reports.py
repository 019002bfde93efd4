"""Results out: the one builder that turns an edition into a ``BarometerReport`` (translated), issues drafts with
their version stamp and remembers what each draft showed, so the next one can say what changed."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from ..domain.barometer import (ANONYMITY_THRESHOLD, BAROMETER_REGIONS, BREAKDOWNS, NATIONAL, SECTORS, SURVEY_KINDS,
                                gaps, rounded)
from ..domain.errors import DomainError
from ..exports.barometer_labels import BAROMETER_LABELS
from ..exports.barometer_report import (AnonymisedResponse, BarometerReport, Changes, CommentRow, IndicatorInfo,
                                        LegalScoreRow, MovedFigure, PolicyEventRow, ScoreCell)
from ..domain.vocabulary import CODE_LABELS
from ..models import BarometerDraft, BarometerEdition
from ..models.barometer import comments_of, legal_scores_of
from .barometer import (DRAFTS, NARRATIVE_SECTIONS, EditionScores, breakdown_cells, edition_scores, find_edition,
                        policy_timeline, stored_responses, trend_cells)
from .context import ServiceContext

Translate = Callable[[str], str]
PREVIOUS_DRAFT = {"2": "1", "final": "2"}


def _score_cell(cell: Any) -> ScoreCell:
    return ScoreCell(region=cell.region, sector=cell.sector, dimension=cell.dimension, indicator=cell.indicator,
                     kind=cell.kind, score=rounded(cell.score), n=cell.n,
                     ci=None if cell.ci is None else (rounded(cell.ci[0]), rounded(cell.ci[1])),  # type: ignore[arg-type]
                     flag=cell.flag, change=rounded(cell.change), distribution=tuple(cell.distribution.items()))


def _text(labels: dict[str, str], language: str) -> str:
    return labels.get(language) or labels.get("fr", "")


def _translated_labels(translate: Translate) -> dict[str, str]:
    words = {key: translate(text) for key, text in BAROMETER_LABELS.items()}
    words.update({f"region_{slug}": translate(CODE_LABELS["region"][slug]) for slug in BAROMETER_REGIONS})
    return words


def _cells_fingerprint(cells: list[ScoreCell]) -> str:
    payload = json.dumps([[c.region, c.sector, c.dimension, c.indicator, c.score, c.n] for c in cells])
    return hashlib.sha256(payload.encode()).hexdigest()[:8]


def _snapshot(report: BarometerReport) -> dict[str, Any]:
    return {"cells": {"|".join(str(part) for part in (c.region, c.sector, c.dimension, c.indicator)): c.score
                      for c in report.cells},
            "sections": sorted(key for key, text in report.narrative.items() if text),
            "responses": report.responses}


def build_barometer_report(ctx: ServiceContext, edition_ref: object, *, language: str, translate: Translate,
                           draft: str = "1") -> BarometerReport:
    """Everything the dashboard and the drafts show, in ``language``; nothing is written."""
    if draft not in DRAFTS:
        raise DomainError("invalid_choice", field="draft")
    scores = edition_scores(ctx, edition_ref)
    words = _translated_labels(translate)
    framework = scores.framework
    sectors = tuple((item["key"], _text(item["labels"], language)) for item in framework["sectors"])
    dimensions = tuple((item["key"], _text(item["labels"], language)) for item in framework["dimensions"])
    indicators = tuple(IndicatorInfo(
        key=item["key"], sector=item["sector"], dimension=item["dimension"], kind=item["kind"],
        label=_text(item["labels"], language), weight=item["weight"],
        anchors=tuple((int(level), _text(text, language)) for level, text in (item.get("anchors") or {}).items()))
        for item in framework["indicators"])
    cells = tuple(_score_cell(cell) for cell in scores.cells)
    with ctx.db.read() as session:
        edition = find_edition(session, edition_ref)
        timeline = tuple(PolicyEventRow(event.date, event.sector, event.direction, event.text, event.source)  # type: ignore[arg-type]
                         for event in policy_timeline(session, edition))
        status_word = {status: words[f"status_{status}"] for status in BREAKDOWNS["status"]}
        indicator_words = {item.key: item.label for item in indicators}
        order = {item.key: position for position, item in enumerate(indicators)}  # the framework's order
        legal_rows = tuple(LegalScoreRow(indicator_words.get(row.indicator, row.indicator),
                                         status_word.get(row.status or "", words["all_statuses"]), row.score,
                                         row.source, row.source_date, row.note)
                           for row in sorted(session.scalars(legal_scores_of(edition.id)),
                                             key=lambda row: (order.get(row.indicator, len(order)), row.status or "")))
        sources = Counter(row["source"] for row in stored_responses(session, edition))
        anonymised = _anonymised(session, edition, indicators, words)
        previous = PREVIOUS_DRAFT.get(draft)
        comments = tuple(CommentRow(words.get(f"section_{row.section}", words.get(f"section_{row.section}_short",
                                                                                  row.section)),
                                    row.author, row.text, row.response)
                         for row in session.scalars(comments_of(edition.id)) if row.draft == previous)
        previous_snapshot = None
        if previous is not None:
            stored = session.scalar(select(BarometerDraft).where(BarometerDraft.edition_id == edition.id,
                                                                 BarometerDraft.draft == previous))
            previous_snapshot = stored.snapshot if stored else None
        narrative = {section: edition.narrative.get(section, "") for section in NARRATIVE_SECTIONS}
    weights = tuple((item.label, item.weight) for item in indicators if item.weight != 1.0) + tuple(
        (f"{dict(sectors)[key.split('.')[0]]} — {dict(dimensions)[key.split('.')[1]]}", weight)
        for key, weight in framework["dimension_weights"].items() if weight != 1.0)
    report = BarometerReport(
        language=language, direction="rtl" if language == "ar" else "ltr",
        edition_id=scores.edition["id"], title=scores.edition["title"], draft=draft, stamp="",  # type: ignore[arg-type]
        generated_at=ctx.clock().strftime("%Y-%m-%d %H:%M"), min_n=scores.edition["min_n"],
        previous_title=scores.previous_title, labels=words,
        regions=(*((slug, words[f"region_{slug}"]) for slug in BAROMETER_REGIONS), (NATIONAL, words["national"])),
        sectors=sectors, dimensions=dimensions, indicators=indicators, cells=cells,
        responses=len(scores.responses),
        responses_by_source=tuple((words[f"source_{source}"], count) for source, count in sorted(sources.items())),
        weights=weights, narrative=narrative, gaps=gaps(scores.cells), breakdowns=_breakdowns(scores, words),
        timeline=timeline, trends=_trends(ctx, edition_ref), legal_scores=legal_rows, comments=comments,
        anonymised=anonymised)
    if previous is not None:
        report = _with_changes(report, previous, previous_snapshot, words)
    return report


def _breakdowns(scores: EditionScores, words: dict[str, str]) -> dict[str, tuple]:  # type: ignore[type-arg]
    result = {}
    for breakdown, values in BREAKDOWNS.items():
        by_value = breakdown_cells(scores, breakdown, scores.edition["min_n"])
        rows = []
        for value in values:
            people = sum(1 for response in scores.responses if getattr(response, breakdown) == value)
            sector_cells = tuple(_score_cell(cell) for cell in by_value[value] if cell.kind == "sector")
            rows.append((words[f"{breakdown}_{value}"], people, sector_cells))
        result[breakdown] = tuple(rows)
    return result


def _trends(ctx: ServiceContext, edition_ref: object) -> tuple[tuple[str, dict[str, float | None]], ...]:
    return tuple((title, {cell.sector: rounded(cell.score) for cell in cells
                          if cell.region == NATIONAL and cell.kind == "sector"})
                 for title, cells in trend_cells(ctx, edition_ref))


def _anonymised(session: Any, edition: BarometerEdition, indicators: tuple[IndicatorInfo, ...],
                words: dict[str, str]) -> tuple[AnonymisedResponse, ...]:
    """Answers without identifier or date; a region's rare status or sex is blanked (fewer than the threshold)."""
    rows = stored_responses(session, edition)
    status_counts = Counter((row["region"], row["status"]) for row in rows)
    sex_counts = Counter((row["region"], row["sex"]) for row in rows)
    survey = [item for item in indicators if item.kind in SURVEY_KINDS]
    result = []
    for number, row in enumerate(rows, start=1):
        region, answers = row["region"], row["answers"]
        status = row["status"] if row["status"] and status_counts[(region, row["status"])] >= ANONYMITY_THRESHOLD \
            else None
        sex = row["sex"] if row["sex"] and sex_counts[(region, row["sex"])] >= ANONYMITY_THRESHOLD else None
        result.append(AnonymisedResponse(
            number=number, region=words.get(f"region_{region}", region),
            status=words[f"status_{status}"] if status else "", sex=words[f"sex_{sex}"] if sex else "",
            source=words.get(f"source_{row['source']}", row["source"]),
            answers=tuple(words.get(f"answer_{answers[item.key]}", "") if item.key in answers else ""
                          for item in survey)))
    return tuple(result)


def _with_changes(report: BarometerReport, previous: str, snapshot: dict[str, Any] | None,
                  words: dict[str, str]) -> BarometerReport:
    from dataclasses import replace

    label = words[f"draft_{previous}"]
    if snapshot is None:
        return replace(report, changes=Changes(previous_label=label, previous_issued=False))
    moved = []
    before_cells = snapshot.get("cells", {})
    for cell in report.cells:
        key = "|".join(str(part) for part in (cell.region, cell.sector, cell.dimension, cell.indicator))
        if key not in before_cells:
            continue
        before = before_cells[key]
        if (before is None) != (cell.score is None) or (
                before is not None and cell.score is not None and abs(cell.score - before) >= 1.0):
            parts = [report.region_name(cell.region), report.sector_name(cell.sector)]
            if cell.dimension:
                parts.append(report.dimension_name(cell.dimension))
            if cell.indicator:
                info = report.indicator(cell.indicator)
                parts.append(info.label if info else cell.indicator)
            moved.append(MovedFigure(" — ".join(parts), before, cell.score))
    moved.sort(key=lambda figure: -abs((figure.after or 0) - (figure.before or 0)))
    completed = tuple(words.get(f"section_{key}", key) for key, text in report.narrative.items()
                      if text and key not in snapshot.get("sections", []))
    return replace(report, changes=Changes(label, True, tuple(moved), completed, int(snapshot.get("responses", 0)),
                                           report.responses))


def issue_draft(ctx: ServiceContext, report: BarometerReport) -> BarometerReport:
    """Record what this draft shows (for the next draft's list of changes) and stamp it: draft, issue, date and a
    fingerprint of its figures — two files with the same stamp show the same numbers."""
    from dataclasses import replace

    fingerprint = _cells_fingerprint(list(report.cells))
    with ctx.db.write() as session:
        stored = session.scalar(select(BarometerDraft).where(BarometerDraft.edition_id == report.edition_id,
                                                             BarometerDraft.draft == report.draft))
        if stored is None:
            stored = BarometerDraft(edition_id=report.edition_id, draft=report.draft, issue=0, stamp="")
            session.add(stored)
        stored.issue += 1
        stamp = report.word("stamp", draft=report.word(f"draft_{report.draft}"), issue=stored.issue,
                            date=report.generated_at, fingerprint=fingerprint)
        stored.stamp, stored.snapshot, stored.issued_at = stamp, _snapshot(report), ctx.clock()
    return replace(report, stamp=stamp)


__all__ = ["SECTORS", "build_barometer_report", "issue_draft"]
