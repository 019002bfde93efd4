"""Prioritization: criteria scores, agreement, rankings, weight sensitivity, Borda, 100 points, 2×2 matrix."""
from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import fmean, pstdev
from types import MappingProxyType
from typing import NamedTuple, TypeAlias

from .errors import DomainError

ItemId: TypeAlias = Hashable  # ids of one kind in one call (all int or all str): the last tie-break sorts them
ParticipantId: TypeAlias = Hashable
Scores: TypeAlias = Mapping[str, int]  # one participant's scores on one item, criterion → 1..5, skipped ones absent

# The catalogue, in the order the room sees it: criterion → reversed. Reversed means a high score lowers
# the priority (a risky axe is less of a priority), so it counts as 6 − s.
CRITERIA: Mapping[str, bool] = MappingProxyType({
    "impact": False,  # gravité × personnes concernées
    "faisabilite": False,  # faisabilité / probabilité de succès
    "urgence": False,
    "opportunite": False,  # fenêtre politique
    "valeur_ajoutee": False,
    "coalition": False,  # potentiel de coalition
    "risque": True,
    "alignement": False,  # alignement avec les priorités des personnes migrantes
})
DEFAULT_WEIGHTS: Mapping[str, int] = MappingProxyType({criterion: 1 for criterion in CRITERIA})
SCORE_MIN, SCORE_MAX = 1, 5
MAX_WEIGHT = 10  # ten times another criterion already silences it; more is a typo, not a choice
MIN_GROUP_SIZE = 5  # the default minimum n: under it a group's figures point at someone (WORKSHOP_MIN_GROUP_SIZE)
POINTS_BUDGET = 100
TOP_COUNT = 3  # a workshop usually retains about three axes: the sensitivity view watches those
# Population sd on 1..5 is largest when half the room says 1 and half says 5: every score sits 2 from
# the mean of 3. So sd / 2 is the share of the largest possible disagreement (an odd-sized room cannot
# split evenly, so its index stays a little above 0).
MAX_SD = 2
CONSENSUS_FROM, MIXED_FROM = 75, 50
MATRIX_THRESHOLD = 3  # the midpoint of 1..5; a mean of exactly 3 counts as high (a neutral placement is not a "no")
QUADRANTS = ("quick_wins", "major_projects", "fill_ins", "thankless")
TIE_BREAK_RULE = "score_then_votes_then_respondents_then_earliest"


def round_for_display(value: float | None) -> float | None:
    """Round half up to one decimal, as people round (``round`` would show 56.25 as 56.2)."""
    if value is None:
        return None
    # str() gives the shortest decimal that reads back as the same float, so 37.45 stays 37.45, not 37.4499…
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def validate_weights(weights: Mapping[str, float | int], criteria: Sequence[str]) -> dict[str, float | int]:
    """Weights for ``criteria`` in their order, 1 where not given; each a number in 0..10, not all zero."""
    for criterion in criteria:
        if criterion not in CRITERIA:
            raise DomainError("unknown_criterion", criterion=str(criterion)[:40])
    for criterion, weight in weights.items():
        if criterion not in criteria:
            raise DomainError("unknown_criterion", criterion=str(criterion)[:40])
        # ``not (0 <= w <= max)`` is also true for NaN, which compares false with everything
        if not _is_number(weight) or not (0 <= weight <= MAX_WEIGHT):
            raise DomainError("invalid_weight", criterion=criterion, weight=str(weight)[:20], maximum=MAX_WEIGHT)
    checked = {criterion: weights.get(criterion, DEFAULT_WEIGHTS[criterion]) for criterion in criteria}
    if not any(checked.values()):
        raise DomainError("weights_all_zero")
    return checked


def _checked_score(value: object, criterion: str) -> int:
    # bool is an int subclass, and 3.0 or "3" is not what the forms send
    if not isinstance(value, int) or isinstance(value, bool):
        raise DomainError("invalid_type", field=criterion, expected="integer")
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise DomainError("score_out_of_range", criterion=criterion, score=value, minimum=SCORE_MIN, maximum=SCORE_MAX)
    return value


def check_scores(scores: Mapping[str, object], criteria: Sequence[str]) -> dict[str, int]:
    """One participant's scores on one item, in criteria order; a criterion absent or None is skipped, not zero."""
    checked: dict[str, int] = {}
    for criterion, score in scores.items():
        if criterion not in criteria or criterion not in CRITERIA:
            raise DomainError("unknown_criterion", criterion=str(criterion)[:40])
        if score is not None:
            checked[criterion] = _checked_score(score, criterion)
    return {criterion: checked[criterion] for criterion in criteria if criterion in checked}


def _exact_score(scores_by_participant: Sequence[Scores], weights: Mapping[str, float | int]) -> Fraction | None:
    # Exact arithmetic: equal scores come out equal whatever the order of participants or criteria, and a
    # true 56.25 is not computed as 56.2499… and then shown as 56.2.
    weighted_sum = Fraction(0)
    weight_total = Fraction(0)
    for criterion, weight in weights.items():
        if criterion not in CRITERIA:
            raise DomainError("unknown_criterion", criterion=str(criterion)[:40])
        values = [scores[criterion] for scores in scores_by_participant if criterion in scores]
        if not values:
            continue
        mean = Fraction(sum(values), len(values))
        if CRITERIA[criterion]:
            mean = SCORE_MAX + SCORE_MIN - mean  # the mean of 6 − s is 6 − the mean of s
        exact_weight = Fraction(weight)
        weighted_sum += exact_weight * (mean - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)
        weight_total += exact_weight
    if weight_total == 0:
        return None
    return 100 * weighted_sum / weight_total


def item_score(
    scores_by_participant: Sequence[Scores], weights: Mapping[str, float | int] = DEFAULT_WEIGHTS
) -> float | None:
    """100 × Σ w·(m − 1)/4 ÷ Σ w over weighted criteria someone scored; m = mean score (of 6 − s if reversed)."""
    # None when no weighted criterion has a score: an unscored item is not an item scored 0.
    exact = _exact_score(scores_by_participant, weights)
    return None if exact is None else float(exact)


def respondent_count(scores_by_participant: Sequence[Scores]) -> int:
    """Participants who scored the item on at least one criterion."""
    return sum(1 for scores in scores_by_participant if scores)


@dataclass(frozen=True)
class Agreement:
    sd_by_criterion: dict[str, float | None]  # None when fewer than two people scored the criterion
    index: float | None  # 0..100, 100 = everyone gave the same scores
    label: str | None  # "consensus", "mixed" or "divided"


def agreement_label(index: float | None) -> str | None:
    """``consensus`` from 75, ``mixed`` from 50, ``divided`` below, judged on the value shown to the room."""
    shown = round_for_display(index)
    if shown is None:
        return None
    if shown >= CONSENSUS_FROM:
        return "consensus"
    return "mixed" if shown >= MIXED_FROM else "divided"


def item_agreement(scores_by_participant: Sequence[Scores], criteria: Sequence[str] = tuple(CRITERIA)) -> Agreement:
    """Population sd per criterion and index = 100 × (1 − mean sd / 2) over criteria scored by two or more."""
    sd_by_criterion: dict[str, float | None] = {}
    for criterion in criteria:
        values = [scores[criterion] for scores in scores_by_participant if criterion in scores]
        # One score has no spread to measure; counting it as sd 0 would report a consensus of one.
        sd_by_criterion[criterion] = pstdev(values) if len(values) >= 2 else None
    measured = [sd for sd in sd_by_criterion.values() if sd is not None]
    if not measured:
        return Agreement(sd_by_criterion, None, None)
    index = 100 * (1 - fmean(measured) / MAX_SD)
    return Agreement(sd_by_criterion, index, agreement_label(index))


class Support(NamedTuple):
    supporters: int  # participants who gave the item any points
    participants: int  # ballots counted
    percent: float | None  # supporters / participants × 100; None with no ballot


def vote_support(ballots: Sequence[Mapping[ItemId, int]], items: Sequence[ItemId]) -> dict[ItemId, Support]:
    """Share of voters who put any dot or point on each item: how broad, not how strong, the support is."""
    participants = len(ballots)
    support: dict[ItemId, Support] = {}
    for item in items:
        supporters = sum(1 for ballot in ballots if ballot.get(item, 0) > 0)
        support[item] = Support(supporters, participants,
                                100 * supporters / participants if participants else None)
    return support


class TieBreak(NamedTuple):
    votes: int = 0  # dot votes, the second signal shown beside the score
    respondents: int = 0  # participants who scored the item
    created: int | float = math.inf  # creation order; unknown sorts last


@dataclass(frozen=True)
class RankedItem:
    item: ItemId
    score: float | None
    rank: int | None  # 1.. for scored items; None for items nobody scored
    tied: bool  # another item shows the same score, so the tie-break rule set the order


@dataclass(frozen=True)
class Ranking:
    entries: tuple[RankedItem, ...]
    rule: str  # a stable key, translated by the pages

    def order(self) -> list[ItemId]:
        """All items, best first, unscored last."""
        return [entry.item for entry in self.entries]

    def top(self, count: int) -> list[ItemId]:
        """The first ``count`` scored items."""
        return [entry.item for entry in self.entries if entry.rank is not None][:count]


def rank(scores: Mapping[ItemId, float | None], tie_break: Mapping[ItemId, TieBreak] | None = None) -> Ranking:
    """By score shown (1 decimal), then more dot votes, more respondents, earliest created; unscored last."""
    tie_break = tie_break or {}
    # Ties are judged on the displayed score: the room never sees an order decided by a difference it cannot see.
    shown = {item: round_for_display(score) for item, score in scores.items()}

    def key(item: ItemId) -> tuple[object, ...]:
        tie = tie_break.get(item, TieBreak())
        value = shown[item]
        return (value is None, -(value or 0.0), -tie.votes, -tie.respondents, tie.created, item)

    ordered = sorted(scores, key=key)
    shown_counts: dict[float, int] = {}
    for value in shown.values():
        if value is not None:
            shown_counts[value] = shown_counts.get(value, 0) + 1
    entries = []
    for position, item in enumerate(ordered, start=1):
        value = shown[item]
        scored = value is not None
        entries.append(RankedItem(item, scores[item], position if scored else None,
                                  scored and shown_counts[value] > 1))
    return Ranking(tuple(entries), TIE_BREAK_RULE)


@dataclass(frozen=True)
class GroupItemScore:
    score: float | None
    n: int  # participants of the group who scored the item
    small_group: bool  # n below the minimum: shown with care, never over-read


@dataclass(frozen=True)
class GroupScores:
    group: str | None  # None gathers participants whose group is not known
    n: int  # participants of the group who scored at least one item
    small_group: bool
    items: dict[ItemId, GroupItemScore]


def scores_by_group(
    scores: Mapping[ItemId, Mapping[ParticipantId, Scores]],
    group_of: Mapping[ParticipantId, str],
    weights: Mapping[str, float | int] = DEFAULT_WEIGHTS,
    *,
    min_n: int = MIN_GROUP_SIZE,
) -> list[GroupScores]:
    """Item scores within each participant group; groups and items under ``min_n`` people are flagged ``small_group``."""
    if min_n < 1:
        raise DomainError("invalid_minimum", minimum=min_n)
    members: dict[str | None, set[ParticipantId]] = {}
    for by_participant in scores.values():
        for participant, participant_scores in by_participant.items():
            if participant_scores:
                members.setdefault(group_of.get(participant), set()).add(participant)
    results = []
    for group in sorted(members, key=lambda value: (value is None, str(value))):
        items = {}
        for item, by_participant in scores.items():
            in_group = [s for participant, s in by_participant.items() if s and group_of.get(participant) == group]
            n = len(in_group)
            # Flagged per item too: five OPM in the room but one who scored this item would expose that one.
            items[item] = GroupItemScore(item_score(in_group, weights), n, n < min_n)
        size = len(members[group])
        results.append(GroupScores(group, size, size < min_n, items))
    return results


@dataclass(frozen=True)
class Scenario:
    kind: str  # "equal_weights", "doubled", "removed" or "custom"
    criterion: str | None  # the criterion doubled or removed
    weights: dict[str, float | int]
    ranking: Ranking
    top_1_changed: bool
    top_3_changed: bool  # the set of the first three scored items differs from the base


@dataclass(frozen=True)
class Sensitivity:
    base: Ranking
    scenarios: tuple[Scenario, ...]
    top_1_changed: bool
    top_3_changed: bool
    max_rank_shift: dict[ItemId, int]  # largest move of each item's position over all scenarios
    stable: bool  # neither the first item nor the first three change in any scenario


def default_alternatives(base_weights: Mapping[str, float | int]) -> list[tuple[str, str | None, dict[str, float | int]]]:
    """Equal weights, each criterion doubled, each removed; copies of the base and all-zero sets are skipped."""
    candidates: list[tuple[str, str | None, dict[str, float | int]]] = [
        ("equal_weights", None, {criterion: 1 for criterion in base_weights})
    ]
    for criterion in base_weights:
        candidates.append(("doubled", criterion, {**base_weights, criterion: base_weights[criterion] * 2}))
    for criterion in base_weights:
        candidates.append(("removed", criterion, {**base_weights, criterion: 0}))
    base = dict(base_weights)
    # Doubling or removing a criterion already at 0 changes nothing; removing the only weighted one leaves nothing.
    # A doubled weight may pass the 10 a moderator can type: these are probes, not choices.
    return [(kind, criterion, weights) for kind, criterion, weights in candidates
            if weights != base and any(weights.values())]


def sensitivity(
    scores: Mapping[ItemId, Mapping[ParticipantId, Scores]],
    base_weights: Mapping[str, float | int],
    alternatives: Sequence[Mapping[str, float | int]] | None = None,
    *,
    tie_break: Mapping[ItemId, TieBreak] | None = None,
) -> Sensitivity:
    """Rank under the base weights and under each alternative (default: ``default_alternatives``) and compare."""
    if alternatives is None:
        candidates = default_alternatives(base_weights)
    else:
        candidates = [("custom", None, validate_weights(weights, list(base_weights))) for weights in alternatives]

    def ranking_for(weights: Mapping[str, float | int]) -> Ranking:
        return rank({item: item_score(list(by_participant.values()), weights)
                     for item, by_participant in scores.items()}, tie_break)

    base = ranking_for(base_weights)
    base_positions = {item: position for position, item in enumerate(base.order())}
    base_top = base.top(TOP_COUNT)
    shifts = {item: 0 for item in base_positions}
    scenarios = []
    for kind, criterion, weights in candidates:
        ranking = ranking_for(weights)
        top = ranking.top(TOP_COUNT)
        scenarios.append(Scenario(kind, criterion, weights, ranking, top[:1] != base_top[:1], set(top) != set(base_top)))
        for position, item in enumerate(ranking.order()):
            shifts[item] = max(shifts[item], abs(position - base_positions[item]))
    top_1_changed = any(scenario.top_1_changed for scenario in scenarios)
    top_3_changed = any(scenario.top_3_changed for scenario in scenarios)
    return Sensitivity(base, tuple(scenarios), top_1_changed, top_3_changed, shifts,
                       not (top_1_changed or top_3_changed))


def borda_points(rankings: Sequence[Sequence[ItemId]], items: Sequence[ItemId]) -> dict[ItemId, float]:
    """Borda points: n − position − 1 for ranked items; unranked items share the remaining points equally."""
    # A ranking of k items leaves the others tied for the places k+1..n, and tied places share their points as
    # in any Borda count with ties: (n − k − 1) / 2 each. Every ballot then hands out n(n − 1)/2 points,
    # whereas with 0 for the unranked, someone who ranks 2 of 10 would weigh 17 points against 45.
    known: set[ItemId] = set()
    for item in items:
        if item in known:
            raise DomainError("duplicate_item", item=str(item)[:40])
        known.add(item)
    count = len(items)
    points = {item: Fraction(0) for item in items}
    for ranking in rankings:
        seen: set[ItemId] = set()
        for item in ranking:
            if item not in known:
                raise DomainError("unknown_item", item=str(item)[:40])
            if item in seen:
                raise DomainError("duplicate_item", item=str(item)[:40])
            seen.add(item)
        if not ranking:
            continue  # an empty ranking would add the same points to every item: it says nothing
        for position, item in enumerate(ranking):
            points[item] += count - position - 1
        remaining_share = Fraction(count - len(ranking) - 1, 2)
        for item in items:
            if item not in seen:
                points[item] += remaining_share
    return {item: float(value) for item, value in points.items()}


def check_points(allocation: Mapping[ItemId, object], items: Collection[ItemId], *, exact: bool) -> dict[ItemId, int]:
    """A 100-points ballot: whole points ≥ 0 on known items, total ≤ 100 (= 100 when ``exact``); zeros dropped."""
    checked: dict[ItemId, int] = {}
    for item, points in allocation.items():
        if item not in items:
            raise DomainError("unknown_item", item=str(item)[:40])
        if not isinstance(points, int) or isinstance(points, bool):
            raise DomainError("invalid_type", field="points", expected="integer")
        if points < 0:
            raise DomainError("points_negative")
        if points > 0:
            checked[item] = points
    total = sum(checked.values())
    if total > POINTS_BUDGET:
        raise DomainError("over_budget", budget=POINTS_BUDGET, total=total)
    if exact and total != POINTS_BUDGET:
        raise DomainError("points_total_not_100", budget=POINTS_BUDGET, total=total)
    return checked


class PointsResult(NamedTuple):
    total: int
    mean: float | None  # per participant, zeros included; None with no ballot
    supporters: int
    percent_supporting: float | None


def points_results(allocations: Sequence[Mapping[ItemId, int]], items: Sequence[ItemId]) -> dict[ItemId, PointsResult]:
    """Total and mean points per item over all ballots, and the share of participants who gave it any."""
    support = vote_support(allocations, items)
    results = {}
    for item in items:
        total = sum(allocation.get(item, 0) for allocation in allocations)
        results[item] = PointsResult(total, total / len(allocations) if allocations else None,
                                     support[item].supporters, support[item].percent)
    return results


def check_placement(impact: object, feasibility: object) -> tuple[int, int]:
    """One placement on the impact × feasibility matrix: two whole numbers 1..5."""
    return _checked_score(impact, "impact"), _checked_score(feasibility, "faisabilite")


def quadrant(impact: float, feasibility: float) -> str:
    """The 2×2 quadrant of a mean placement; exactly 3 counts as high."""
    high_impact, high_feasibility = impact >= MATRIX_THRESHOLD, feasibility >= MATRIX_THRESHOLD
    if high_impact:
        return "quick_wins" if high_feasibility else "major_projects"
    return "fill_ins" if high_feasibility else "thankless"


class MatrixPosition(NamedTuple):
    impact: float | None
    feasibility: float | None
    n: int
    quadrant: str | None


def matrix_positions(placements: Mapping[ItemId, Sequence[tuple[int, int]]]) -> dict[ItemId, MatrixPosition]:
    """Mean impact and feasibility per item over its (impact, feasibility) placements, n and quadrant."""
    positions = {}
    for item, pairs in placements.items():
        if not pairs:
            positions[item] = MatrixPosition(None, None, 0, None)
            continue
        # A whole-number sum divided once is correctly rounded: a mean of exactly 3 is 3.0, never 2.9999…
        impact = sum(pair[0] for pair in pairs) / len(pairs)
        feasibility = sum(pair[1] for pair in pairs) / len(pairs)
        positions[item] = MatrixPosition(impact, feasibility, len(pairs), quadrant(impact, feasibility))
    return positions
