"""Reading results by group and comparing prioritizations: rules the documents print as plain sentences.

- ``contrast``: the largest gap between groups on one item, judged as consensus, a mild or a strong divergence.
- ``rank_correlation`` and ``compare_rankings``: whether two prioritizations of the same items agree.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

# A mean score runs 0–100: 25 points between two groups is a different judgement, 10 a shade.
SCORE_GAP_STRONG, SCORE_GAP_MILD = 25.0, 10.0
# Points per respondent: the weaker group gives at most 40 % of what the stronger gives, or at most 75 %.
SHARE_STRONG, SHARE_MILD = 0.4, 0.75
# Two prioritizations whose Spearman correlation on their shared items is below this tell different stories.
DISAGREEMENT_BELOW = 0.5


@dataclass(frozen=True)
class Contrast:
    kind: Literal["strong", "mild", "consensus", "too_few", "none"]
    high_group: str = ""
    high: float = 0.0
    low_group: str = ""
    low: float = 0.0


def contrast(values: Mapping[str, float | None], *, per_respondent: bool) -> Contrast:
    """The most and the least supportive groups of one item and how far apart they are.

    ``values`` are comparable numbers per group: a mean score (0–100) or, with ``per_respondent``, points per
    respondent (a group's total divided by its size: a large group's total says nothing of its support).
    """
    known = {group: value for group, value in values.items() if value is not None}
    if len(known) < 2:
        return Contrast("too_few")
    high_group = max(known, key=lambda group: (known[group], group))
    low_group = min(known, key=lambda group: (known[group], group))
    high, low = known[high_group], known[low_group]
    if high <= 0:
        return Contrast("none", high_group, high, low_group, low)  # no group gave it anything
    if per_respondent:
        share = low / high
        kind = "strong" if share <= SHARE_STRONG else "mild" if share <= SHARE_MILD else "consensus"
    else:
        gap = high - low
        kind = "strong" if gap >= SCORE_GAP_STRONG else "mild" if gap >= SCORE_GAP_MILD else "consensus"
    return Contrast(kind, high_group, high, low_group, low)


def rank_correlation(first: Sequence[object], second: Sequence[object]) -> tuple[float | None, int]:
    """Spearman's correlation of two rankings (best first) on the items both rank; (None, n) under 3 items."""
    shared = [item for item in first if item in set(second)]
    n = len(shared)
    if n < 3:
        return None, n
    position_in_second = {item: index for index, item in enumerate(item for item in second if item in set(shared))}
    squared = sum((index - position_in_second[item]) ** 2 for index, item in enumerate(shared))
    return 1 - 6 * squared / (n * (n * n - 1)), n


@dataclass(frozen=True)
class Agreement:
    correlation: float | None
    shared: int
    same_top: bool
    disagree: bool


def compare_rankings(first: Sequence[object], second: Sequence[object],
                     threshold: float = DISAGREEMENT_BELOW) -> Agreement | None:
    """Whether two rankings agree: their correlation on shared items and whether they put the same item first
    (among the shared ones). None when they share fewer than two items: there is nothing to compare."""
    shared = set(first) & set(second)
    if len(shared) < 2:
        return None
    correlation, n = rank_correlation(first, second)
    top_first = next(item for item in first if item in shared)
    top_second = next(item for item in second if item in shared)
    same_top = top_first == top_second
    disagree = not same_top or (correlation is not None and correlation < threshold)
    return Agreement(correlation, n, same_top, disagree)
