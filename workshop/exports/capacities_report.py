"""What the capacity assessment's documents are made from: plain, translated data (services/capacities_reports.py
builds it; the renderers never query nor translate)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..domain.languages import decimal_number


@dataclass(frozen=True)
class DomainRow:
    key: str
    name: str
    score: float | None  # latest round
    initial: float | None
    follow_up: float | None
    change: float | None
    target: int
    importance: int
    gap: float | None
    priority: float | None
    items_answered: int
    need: bool


@dataclass(frozen=True)
class Profile:
    name: str  # the organisation's name, or its code (« OPM 2 ») when names are replaced
    region: str
    respondents: int  # latest round
    roles: tuple[tuple[str, int], ...]  # (role's label, respondents), latest round
    rounds: tuple[str, ...]  # the rounds' labels it took part in
    domains: tuple[DomainRow, ...]
    strengths: tuple[str, ...]
    gaps: tuple[str, ...]
    weakest: tuple[tuple[str, float], ...] = ()  # the lowest-scoring statements of the latest round, with their score


@dataclass(frozen=True)
class PlanRow:
    organisation: str
    domain: str
    need: str
    action: str
    modality: str
    owner: str
    deadline: str
    target: str


@dataclass(frozen=True)
class AnswerRow:
    respondent: int  # a number per response, not a person
    organisation: str
    role: str
    round: str
    source: str
    domain: str
    item: str
    statement: str
    level: str  # "1"–"4" or the « not applicable » label
    evidence: str
    comment: str


@dataclass(frozen=True)
class QuestionnaireDomain:
    name: str
    target: int
    importance: str
    items: tuple[tuple[str, tuple[str, str, str, str]], ...]  # (statement, its four anchored levels)


@dataclass(frozen=True)
class CapacityReport:
    title: str
    language: str
    direction: str
    generated_at: str
    with_codes: bool
    words: Mapping[str, str]
    levels: tuple[str, ...]  # the four levels' labels
    domains: tuple[tuple[str, str], ...]  # (key, name)
    profiles: tuple[Profile, ...]
    respondents_by_role: tuple[tuple[str, int], ...]
    rounds: tuple[str, ...]
    shared_needs: tuple[str, ...]  # domain names
    specific_needs: tuple[tuple[str, tuple[str, ...]], ...]  # (organisation, domain names)
    plan: tuple[PlanRow, ...]
    answers: tuple[AnswerRow, ...]
    consensus: tuple[tuple[str, str, str, str, str], ...]  # organisation, round, statement, level, note
    questionnaire: tuple[QuestionnaireDomain, ...]
    stamp: str = ""  # the slides' foot line (the barometer's deck helpers print it)

    def word(self, key: str, **values: object) -> str:
        text = self.words[key]
        return text % values if values else text

    def number(self, value: float | None, places: int = 2) -> str:
        return "–" if value is None else decimal_number(f"{value:.{places}f}", self.language)

    def signed(self, value: float | None) -> str:
        return "–" if value is None else ("+" if value > 0 else "") + self.number(value)
