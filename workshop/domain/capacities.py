"""Organisational capacities: the rules of the self-assessment (docs/capacities.md). Values in, values out.

An item is answered on four anchored levels (1 naissant … 4 mature) or « non applicable ». Per organisation and
round, an item's score is the level the organisation agreed on in the consensus step when there is one, else the
mean of its respondents' levels; « non applicable » counts nowhere. A domain's score is the mean of its items'
scores. Against the domain's target level: gap = target − score; priority = gap × importance. A domain whose gap
reaches ``NEED_GAP`` is a need of that organisation; a need most organisations share calls for a group workshop
(« atelier collectif »), the others for coaching (« accompagnement »).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import mean

from .errors import DomainError

LEVELS = (1, 2, 3, 4)
NOT_APPLICABLE = "na"
LEVEL_CHOICES = ("1", "2", "3", "4", NOT_APPLICABLE)  # the stored values, the XLSForm's choice names
LEVEL_NAMES = ("naissant", "en_developpement", "consolide", "mature")  # label codes of levels 1–4
ROLES = ("president", "tresorier", "membre_bureau", "salarie", "membre")
ROUNDS = ("initial", "suivi")
MODALITIES = ("atelier_collectif", "accompagnement")
IMPORTANCE = (1, 2, 3)  # faible, moyenne, forte
NEED_GAP = 0.5  # half a level below the target: smaller gaps are within what one answer more or less moves
DISCUSS_SPREAD = 2  # respondents two levels apart or more: the consensus step should discuss the item

Level = int | None  # None: « non applicable »


def parse_level(raw: object) -> Level:
    """``"3"``/``3`` → 3, ``"na"`` → None; anything else is ``invalid_level``."""
    if isinstance(raw, bool):
        raise DomainError("invalid_level", value=str(raw))
    if isinstance(raw, int) and raw in LEVELS:
        return raw
    if isinstance(raw, str) and raw.strip().lower() in LEVEL_CHOICES:
        value = raw.strip().lower()
        return None if value == NOT_APPLICABLE else int(value)
    raise DomainError("invalid_level", value=str(raw)[:20])


def level_code(level: Level) -> str:
    return NOT_APPLICABLE if level is None else str(level)


def checked_choice(raw: object, allowed: Sequence[str], code: str) -> str:
    if not isinstance(raw, str) or raw.strip() not in allowed:
        raise DomainError(code, value=str(raw)[:40])
    return raw.strip()


def rounded(value: float | None) -> float | None:
    """Two decimals, as every export prints scores."""
    return None if value is None else round(value + 0.0, 2)


@dataclass(frozen=True)
class Spread:
    """How one organisation's respondents answered one item: counts per level, N/A count, lowest and highest."""

    counts: Mapping[int, int]
    not_applicable: int
    lowest: int | None
    highest: int | None
    mean: float | None

    @property
    def width(self) -> int:
        return 0 if self.lowest is None or self.highest is None else self.highest - self.lowest

    @property
    def to_discuss(self) -> bool:
        return self.width >= DISCUSS_SPREAD


def spread_of(levels: Iterable[Level]) -> Spread:
    given = list(levels)
    scored = [level for level in given if level is not None]
    return Spread(counts={level: scored.count(level) for level in LEVELS}, not_applicable=len(given) - len(scored),
                  lowest=min(scored) if scored else None, highest=max(scored) if scored else None,
                  mean=mean(scored) if scored else None)


def item_score(levels: Iterable[Level], consensus: Level | str = "") -> float | None:
    """The consensus level when one was recorded (None: agreed « non applicable »), else the respondents' mean
    (N/A excluded); ``""`` means no consensus yet. None when nothing scores the item."""
    if consensus != "":
        return None if consensus is None else float(consensus)  # type: ignore[arg-type]
    return spread_of(levels).mean


@dataclass(frozen=True)
class DomainScore:
    key: str
    score: float | None
    items_answered: int
    target: int
    importance: int

    @property
    def gap(self) -> float | None:
        return None if self.score is None else self.target - self.score

    @property
    def priority(self) -> float | None:
        return None if self.gap is None else self.gap * self.importance

    @property
    def is_need(self) -> bool:
        return self.gap is not None and self.gap >= NEED_GAP


def domain_scores(template: Mapping[str, object], answers: Mapping[str, Sequence[Level]],
                  consensus: Mapping[str, Level] | None = None) -> list[DomainScore]:
    """Each domain of ``template`` (the checked shape of domain/capacities_template.py) for one organisation and
    round: ``answers`` maps item key → the respondents' levels, ``consensus`` item key → the agreed level."""
    agreed = consensus or {}
    scores = []
    for domain in template["domains"]:  # type: ignore[index, union-attr]
        item_scores = [item_score(answers.get(item["key"], ()), agreed.get(item["key"], ""))
                       for item in domain["items"]]
        given = [value for value in item_scores if value is not None]
        scores.append(DomainScore(domain["key"], mean(given) if given else None, len(given), domain["target"],
                                  domain["importance"]))
    return scores


def shared_needs(needs_by_organisation: Mapping[str, Iterable[str]], domain_order: Sequence[str]) -> list[str]:
    """Domains that are a need of most organisations assessed (more than half, and at least two): a group workshop
    serves them. In the template's order."""
    assessed = len(needs_by_organisation)
    counts = {key: sum(key in set(needs) for needs in needs_by_organisation.values()) for key in domain_order}
    return [key for key in domain_order if counts[key] >= 2 and counts[key] * 2 > assessed]


def specific_needs(needs_by_organisation: Mapping[str, Iterable[str]], shared: Iterable[str]) -> dict[str, list[str]]:
    """Per organisation, its needs that are not shared: coaching serves them."""
    common = set(shared)
    return {organisation: [key for key in needs if key not in common]
            for organisation, needs in needs_by_organisation.items()}


def strengths_and_gaps(scores: Sequence[DomainScore], limit: int = 3) -> tuple[list[str], list[str]]:
    """The domains at or above their target, best first, and the needs by priority, highest first."""
    strengths = sorted((score for score in scores if score.gap is not None and score.gap <= 0),
                       key=lambda score: (-(score.score or 0), score.key))
    gaps = sorted((score for score in scores if score.is_need), key=lambda score: (-(score.priority or 0), score.key))
    return [score.key for score in strengths[:limit]], [score.key for score in gaps[:limit]]


def change(initial: float | None, follow_up: float | None) -> float | None:
    """Follow-up minus initial score, when both rounds scored the domain."""
    return None if initial is None or follow_up is None else follow_up - initial


@dataclass(frozen=True)
class ProposedAction:
    """A line the plan de renforcement starts from: the facilitator then words and edits it."""

    domain: str
    organisation: str | None  # None: every organisation that shares the need (a group workshop)
    modality: str
    target: int
    priority: float


def proposed_plan(scores_by_organisation: Mapping[str, Sequence[DomainScore]],
                  domain_order: Sequence[str]) -> list[ProposedAction]:
    """One group workshop per shared need (highest mean priority first), then each organisation's specific needs
    by priority as coaching."""
    needs = {organisation: [score.key for score in scores if score.is_need]
             for organisation, scores in scores_by_organisation.items()}
    shared = shared_needs(needs, domain_order)
    actions = []
    for key in shared:
        found = [score for scores in scores_by_organisation.values() for score in scores
                 if score.key == key and score.is_need]
        actions.append(ProposedAction(key, None, "atelier_collectif", found[0].target,
                                      mean(score.priority or 0 for score in found)))
    actions.sort(key=lambda action: -action.priority)
    for organisation, scores in scores_by_organisation.items():
        own = sorted((score for score in scores if score.is_need and score.key not in shared),
                     key=lambda score: -(score.priority or 0))
        actions.extend(ProposedAction(score.key, organisation, "accompagnement", score.target, score.priority or 0)
                       for score in own)
    return actions
