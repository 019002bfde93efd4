"""The barometer's fixed scoring rules (docs/barometer.md): goalposts, intervals, the ⅔ rule, low n, change.

Plain values in, plain values out. Every number a report prints comes from here, so that two editions scored
years apart are scored the same way.
"""
from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from .errors import DomainError
from .profiles import REGIONS

SECTORS = ("sante", "education", "justice")
DIMENSIONS = ("droits", "accessibilite", "adaptation", "gouvernance")
KINDS = ("legal", "perception", "usage", "knowledge")
SURVEY_KINDS = ("perception", "usage", "knowledge")
NATIONAL = "national"
STATUSES = ("regularise", "irregulier", "refugie", "demandeur_asile")
SEXES = ("femme", "homme")
BREAKDOWNS = {"status": STATUSES, "sex": SEXES}
# The twelve regions of Morocco; the profile list's "outside Morocco" is no region of the barometer.
BAROMETER_REGIONS = tuple(region for region in REGIONS if region != "outside_morocco")

# Fixed goalposts on 0–100, the same in every edition: a four-point scale spaced evenly; « ne sait pas » excluded.
PERCEPTION_CHOICES = ("tres_facile", "facile", "difficile", "tres_difficile", "nsp")
GOALPOSTS = {"tres_facile": 100.0, "facile": 200 / 3, "difficile": 100 / 3, "tres_difficile": 0.0}
YES_NO_CHOICES = ("oui", "non")
LEGAL_SCORES = (0, 50, 100)  # MIPEX's anchored levels
Z_95 = 1.959963984540054  # the two-sided 95 % normal quantile; "1.96" in the reports
DEFAULT_MIN_N = 30
MIN_N_RANGE = (1, 1000)
COVERAGE = 2 / 3  # a dimension (or sector) is computed only when this share of its parts has a value
WEIGHT_RANGE = (0.1, 10.0)
# In the anonymised answers a region's status or sex is printed only when at least this many of its respondents
# share it: rarer combinations could point at one person.
ANONYMITY_THRESHOLD = 5

NOT_SAID = "non_dit"  # « préfère ne pas dire »: offered for status and sex, stored as no answer
# The questions a respondent answers, by kind: who they are, whether they needed each service, then the indicators.
QUESTION_KINDS = ("region", "status", "sex", "need", *SURVEY_KINDS)

LOW_N = "low_n"
NOT_AVAILABLE = "n.d."


@dataclass(frozen=True)
class Indicator:
    key: str
    sector: str
    dimension: str
    kind: str
    weight: float = 1.0


@dataclass(frozen=True)
class Framework:
    """What is scored: the indicators, and the weight of each dimension within its sector (1 when not given)."""

    indicators: tuple[Indicator, ...]
    dimension_weights: Mapping[tuple[str, str], float] = field(default_factory=dict)

    def dimension_weight(self, sector: str, dimension: str) -> float:
        return self.dimension_weights.get((sector, dimension), 1.0)


@dataclass(frozen=True)
class Response:
    """One respondent: region slug, optional breakdowns, answers by indicator key (choice names)."""

    region: str
    answers: Mapping[str, str]
    status: str | None = None
    sex: str | None = None


@dataclass(frozen=True)
class Cell:
    region: str  # a region slug or "national"
    sector: str
    dimension: str | None
    indicator: str | None
    kind: str  # legal, perception, usage, knowledge; "dimension" or "sector" for aggregates
    score: float | None
    n: int | None  # respondents behind the cell; None for a legal score
    ci: tuple[float, float] | None
    flag: str | None  # "low_n", "n.d." or None
    change: float | None = None
    distribution: Mapping[str, int] = field(default_factory=dict)  # answers per choice (perception, usage, knowledge)

    @property
    def key(self) -> tuple[str, str, str | None, str | None]:
        return (self.region, self.sector, self.dimension, self.indicator)


def _clamped(low: float, high: float) -> tuple[float, float]:
    return (max(0.0, low), min(100.0, high))


def perception_score(answers: Iterable[str]) -> tuple[float | None, int, tuple[float, float] | None]:
    """Mean of the goalposts of the answers other than « ne sait pas »; 95 % interval mean ± 1.96 · sd / √n.

    sd is the sample standard deviation (n − 1); the interval needs n ≥ 2 and is clipped to 0–100.
    """
    values = [GOALPOSTS[answer] for answer in answers if answer in GOALPOSTS]
    n = len(values)
    if n == 0:
        return None, 0, None
    mean = statistics.fmean(values)
    if n < 2:
        return mean, n, None
    half = Z_95 * statistics.stdev(values) / math.sqrt(n)
    return mean, n, _clamped(mean - half, mean + half)


def wilson_interval(yes: int, n: int) -> tuple[float, float]:
    """Wilson's 95 % score interval for a proportion, in percent (sound near 0 % and 100 %, unlike p ± 1.96·se)."""
    if n <= 0:
        raise ValueError("n must be positive")
    p = yes / n
    z2 = Z_95 ** 2
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z_95 / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return _clamped(100 * (centre - half), 100 * (centre + half))


def percent_yes(answers: Iterable[str]) -> tuple[float | None, int, tuple[float, float] | None]:
    """Share of « oui » among « oui » and « non » answers, in percent, with Wilson's interval."""
    counted = [answer for answer in answers if answer in YES_NO_CHOICES]
    n = len(counted)
    if n == 0:
        return None, 0, None
    yes = counted.count("oui")
    return 100 * yes / n, n, wilson_interval(yes, n)


def combine(parts: Sequence[tuple[float | None, float]]) -> float | None:
    """Weighted mean of the parts' scores when at least ⅔ of the parts (by count) have one, else None (« n.d. »)."""
    if not parts:
        return None
    present = [(score, weight) for score, weight in parts if score is not None]
    # A tiny tolerance: 2 of 3 is exactly ⅔ and must pass despite floating point.
    if len(present) < COVERAGE * len(parts) - 1e-9:
        return None
    total = sum(weight for _score, weight in present)
    return sum(score * weight for score, weight in present) / total  # type: ignore[operator]


def legal_score_for(legal: Mapping[tuple[str, str | None], int], indicator: str, status: str | None) -> int | None:
    """The experts' score for a legal indicator: the one given for this legal status, else the general one."""
    if status is not None and (indicator, status) in legal:
        return legal[(indicator, status)]
    return legal.get((indicator, None))


def score_edition(framework: Framework, responses: Sequence[Response],
                  legal: Mapping[tuple[str, str | None], int], regions: Sequence[str], *,
                  min_n: int = DEFAULT_MIN_N, status: str | None = None) -> list[Cell]:
    """Every cell of an edition: per indicator, dimension and sector, in each region and nationally.

    National cells are computed from all responses pooled (a region with many respondents weighs more), never as a
    mean of regional scores. The law is national: every region carries the national legal scores. ``status``
    restricts legal scores to those for one legal status (responses are filtered by the caller).
    """
    cells: list[Cell] = []
    by_region: dict[str, list[Response]] = {region: [] for region in regions}
    for response in responses:
        if response.region in by_region:
            by_region[response.region].append(response)
    for region in (*regions, NATIONAL):
        pool = list(responses) if region == NATIONAL else by_region[region]
        cells.extend(_region_cells(framework, pool, legal, region, min_n, status))
    return cells


def _indicator_cell(indicator: Indicator, pool: Sequence[Response], legal: Mapping[tuple[str, str | None], int],
                    region: str, min_n: int, status: str | None) -> Cell:
    if indicator.kind == "legal":
        value = legal_score_for(legal, indicator.key, status)
        return Cell(region, indicator.sector, indicator.dimension, indicator.key, "legal",
                    None if value is None else float(value), None, None, NOT_AVAILABLE if value is None else None)
    answers = [response.answers[indicator.key] for response in pool if indicator.key in response.answers]
    compute = perception_score if indicator.kind == "perception" else percent_yes
    score, n, ci = compute(answers)
    choices = PERCEPTION_CHOICES if indicator.kind == "perception" else YES_NO_CHOICES
    distribution = {choice: answers.count(choice) for choice in choices}
    flag = NOT_AVAILABLE if score is None else LOW_N if n < min_n else None
    return Cell(region, indicator.sector, indicator.dimension, indicator.key, indicator.kind, score, n, ci, flag,
                distribution=distribution)


def _respondents(pool: Sequence[Response], keys: set[str]) -> int:
    """Respondents who gave a counted answer (not « ne sait pas ») to at least one of these indicators."""
    counted = set(GOALPOSTS) | set(YES_NO_CHOICES)
    return sum(1 for response in pool if any(response.answers.get(key) in counted for key in keys))


def _aggregate_flag(score: float | None, n: int | None, min_n: int) -> str | None:
    """« n.d. » without a score; low_n when fewer respondents than the minimum stand behind it (its n), as for an
    indicator. A dimension made of legal indicators only has no n and is never low_n."""
    if score is None:
        return NOT_AVAILABLE
    return LOW_N if n is not None and n < min_n else None


def _region_cells(framework: Framework, pool: Sequence[Response], legal: Mapping[tuple[str, str | None], int],
                  region: str, min_n: int, status: str | None) -> list[Cell]:
    cells: list[Cell] = []
    for sector in SECTORS:
        dimension_cells = []
        for dimension in DIMENSIONS:
            indicators = [i for i in framework.indicators if i.sector == sector and i.dimension == dimension]
            if not indicators:
                continue
            parts = [_indicator_cell(indicator, pool, legal, region, min_n, status) for indicator in indicators]
            cells.extend(parts)
            score = combine([(part.score, indicator.weight) for part, indicator in zip(parts, indicators)])
            survey_keys = {indicator.key for indicator in indicators if indicator.kind in SURVEY_KINDS}
            n = _respondents(pool, survey_keys) if survey_keys else None
            dimension_cell = Cell(region, sector, dimension, None, "dimension", score, n, None,
                                  _aggregate_flag(score, n, min_n))
            cells.append(dimension_cell)
            dimension_cells.append(dimension_cell)
        if not dimension_cells:
            continue
        score = combine([(cell.score, framework.dimension_weight(sector, cell.dimension or ""))
                         for cell in dimension_cells])
        survey_keys = {i.key for i in framework.indicators if i.sector == sector and i.kind in SURVEY_KINDS}
        n = _respondents(pool, survey_keys) if survey_keys else None
        cells.append(Cell(region, sector, None, None, "sector", score, n, None, _aggregate_flag(score, n, min_n)))
    return cells


def with_changes(cells: Sequence[Cell], previous: Sequence[Cell]) -> list[Cell]:
    """Each cell with its change in points since the previous edition, only where both editions have a score."""
    earlier = {cell.key: cell.score for cell in previous}
    changed = []
    for cell in cells:
        before = earlier.get(cell.key)
        change = None if cell.score is None or before is None else cell.score - before
        changed.append(replace(cell, change=change))
    return changed


def rounded(value: float | None, decimals: int = 1) -> float | None:
    return None if value is None else round(value, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0


def gaps(cells: Sequence[Cell], region: str = NATIONAL) -> dict[str, dict[str, float | None]]:
    """Per sector, the mean score of its legal, perception and usage indicators: the law against lived access."""
    result: dict[str, dict[str, float | None]] = {}
    for sector in SECTORS:
        row: dict[str, float | None] = {}
        for kind in ("legal", "perception", "usage"):
            scores = [cell.score for cell in cells if cell.region == region and cell.sector == sector
                      and cell.kind == kind and cell.score is not None]
            row[kind] = statistics.fmean(scores) if scores else None
        result[sector] = row
    return result


def checked_min_n(value: object) -> int:
    if type(value) is not int or not MIN_N_RANGE[0] <= value <= MIN_N_RANGE[1]:
        raise DomainError("config_out_of_range", minimum=MIN_N_RANGE[0], maximum=MIN_N_RANGE[1])
    return value


def checked_weight(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not WEIGHT_RANGE[0] <= value <= WEIGHT_RANGE[1]:
        raise DomainError("config_out_of_range", minimum=WEIGHT_RANGE[0], maximum=WEIGHT_RANGE[1])
    return float(value)


def checked_legal_score(value: object) -> int:
    if type(value) is not int or value not in LEGAL_SCORES:
        raise DomainError("invalid_legal_score")
    return value


def answer_choices(kind: str) -> tuple[str, ...]:
    """The choice names a survey indicator accepts."""
    return PERCEPTION_CHOICES if kind == "perception" else YES_NO_CHOICES


def need_question(sector: str) -> str:
    """The name of a sector's filter question: « did you need this service in the last 12 months? »."""
    return f"besoin_{sector}"


def answers_of(values: Mapping[str, object], indicators: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """A respondent's indicator answers from all their answers; usage counts only from people who needed the
    service (the form hides those questions from the others, a hand-filled export may not)."""
    answers = {}
    for indicator in indicators:
        value = values.get(indicator["key"])
        if indicator["kind"] == "legal" or value not in answer_choices(indicator["kind"]):
            continue
        if indicator["kind"] == "usage" and values.get(need_question(indicator["sector"])) == "non":
            continue
        answers[indicator["key"]] = str(value)
    return answers


def question_choices(kind: str) -> tuple[str, ...]:
    """The choice names of a question of the given kind (``QUESTION_KINDS``), in the order they are offered."""
    if kind == "region":
        return BAROMETER_REGIONS
    if kind in BREAKDOWNS:
        return (*BREAKDOWNS[kind], NOT_SAID)
    return answer_choices(kind)
