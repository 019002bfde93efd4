"""The barometer's report object: everything the dashboard, the drafts and the workbook show, translated, as plain
values. ``services/barometer_reports.py`` builds it; the renderers only print it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class ScoreCell:
    region: str  # slug or "national"
    sector: str
    dimension: str | None
    indicator: str | None
    kind: str
    score: float | None
    n: int | None
    ci: tuple[float, float] | None
    flag: str | None  # "low_n", "n.d." or None
    change: float | None
    distribution: tuple[tuple[str, int], ...] = ()  # (choice name, count) in the scale's order


@dataclass(frozen=True)
class IndicatorInfo:
    key: str
    sector: str
    dimension: str
    kind: str
    label: str
    weight: float
    anchors: tuple[tuple[int, str], ...] = ()  # legal: (0 | 50 | 100, what it means)


@dataclass(frozen=True)
class PolicyEventRow:
    date: str
    sector: str
    direction: Literal["+", "-"]
    text: str
    source: str


@dataclass(frozen=True)
class CommentRow:
    section: str  # translated
    author: str
    text: str
    response: str


@dataclass(frozen=True)
class MovedFigure:
    label: str  # "Oriental — Santé — Accessibilité"
    before: float | None
    after: float | None


@dataclass(frozen=True)
class Changes:
    """What changed since the previous draft; ``previous_issued`` False when that draft was never produced."""

    previous_label: str
    previous_issued: bool
    figures: tuple[MovedFigure, ...] = ()
    sections_completed: tuple[str, ...] = ()
    responses_before: int = 0
    responses_after: int = 0


@dataclass(frozen=True)
class LegalScoreRow:
    indicator: str  # translated label
    status: str  # translated, or "all statuses"
    score: int
    source: str
    date: str
    note: str


@dataclass(frozen=True)
class AnonymisedResponse:
    number: int
    region: str  # translated
    status: str
    sex: str
    source: str
    answers: tuple[str, ...]  # translated answer per indicator, in ``BarometerReport.indicators`` order (survey only)


@dataclass(frozen=True)
class BarometerReport:
    language: str
    direction: Literal["ltr", "rtl"]
    edition_id: int
    title: str
    draft: Literal["1", "2", "final"]
    stamp: str
    generated_at: str
    min_n: int
    previous_title: str | None
    labels: dict[str, str]  # translated words by key (barometer_labels.py, plus region_<slug>)
    regions: tuple[tuple[str, str], ...]  # (slug, name), the twelve regions then ("national", "National")
    sectors: tuple[tuple[str, str], ...]
    dimensions: tuple[tuple[str, str], ...]
    indicators: tuple[IndicatorInfo, ...]
    cells: tuple[ScoreCell, ...]
    responses: int
    responses_by_source: tuple[tuple[str, int], ...]
    weights: tuple[tuple[str, float], ...]  # weights other than 1, labelled
    narrative: dict[str, str]  # section key → the writers' text ("" when not written yet)
    gaps: dict[str, dict[str, float | None]]  # sector → {legal, perception, usage}
    breakdowns: dict[str, tuple[tuple[str, int, tuple[ScoreCell, ...]], ...]]  # status|sex → (group, n, sector cells)
    timeline: tuple[PolicyEventRow, ...]
    trends: tuple[tuple[str, dict[str, float | None]], ...]  # (edition title, national score by sector), oldest first
    legal_scores: tuple[LegalScoreRow, ...] = ()
    changes: Changes | None = None
    comments: tuple[CommentRow, ...] = ()
    anonymised: tuple[AnonymisedResponse, ...] = field(default_factory=tuple)

    def word(self, key: str, **values: object) -> str:
        text = self.labels.get(key, key)
        return text % values if values else text

    def region_name(self, slug: str) -> str:
        return dict(self.regions).get(slug, slug)

    def sector_name(self, key: str) -> str:
        return dict(self.sectors).get(key, key)

    def dimension_name(self, key: str) -> str:
        return dict(self.dimensions).get(key, key)

    def cell(self, region: str, sector: str, dimension: str | None = None,
             indicator: str | None = None) -> ScoreCell | None:
        for cell in self.cells:
            if (cell.region, cell.sector, cell.dimension, cell.indicator) == (region, sector, dimension, indicator):
                return cell
        return None

    def indicator(self, key: str) -> IndicatorInfo | None:
        return next((item for item in self.indicators if item.key == key), None)

    def number(self, value: float | None, decimals: int = 1, signed: bool = False) -> str:
        """82,5 in French and Arabic documents, 82.5 in English; « n.d. » for no value."""
        if value is None:
            return self.word("flag_nd")
        text = f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
        return text.replace(".", ",") if self.language in ("fr", "ar") else text
