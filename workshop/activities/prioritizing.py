"""What the prioritization types share: items from a source, a per-item breakdown by participant group."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.prioritization import round_for_display
from ..domain.profiles import PROFILE_TAGS, pooled_groups
from ..exports.report import Chart, ResultSection, Series, Table
from ..exports.words import Words
from .base import ResultInput

GROUP_TAGS = tuple(PROFILE_TAGS)  # organisation_type, region


def check_targets(allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
    for allocation in allocations:
        if allocation.target_id not in targets:
            raise DomainError("unknown_target", target_id=allocation.target_id)


def items_of(data: ResultInput) -> list[tuple[int, str, int]]:
    """(id, text, order) of the items that stand (on the wall, live clusters, current axes)."""
    return [(item.id, item.text, order) for order, item in enumerate(data.targets) if item.on_wall]


def by_group(data: ResultInput, summarize: Callable[[Sequence[Sequence[Allocation]]], Mapping[int, Any]]
             ) -> dict[str, list[dict[str, Any]]]:
    """For each profile tag, the results recomputed within each group of participants who gave that tag.

    Groups under ``data.min_group_size`` people are pooled into « other » (left out if still too small): what
    screens, phones and documents show never singles out a handful of people (see ``pooled_groups``).
    """
    breakdown: dict[str, list[dict[str, Any]]] = {}
    for tag in GROUP_TAGS:
        groups: dict[str, list[Sequence[Allocation]]] = {}
        for ballot, tags in zip(data.ballots, data.ballot_tags, strict=False):
            value = tags.get(tag)
            if value and ballot:
                groups.setdefault(value, []).append(ballot)
        shown = pooled_groups(groups, data.min_group_size)
        if not shown:
            continue
        breakdown[tag] = [{"group": value, "n": len(ballots),
                           "items": {str(item): summary for item, summary in summarize(ballots).items()}}
                          for value, ballots in shown]
    return breakdown


def display(value: float | None) -> float | None:
    return round_for_display(value)


def ranked_section(results: Mapping[str, Any], words: Words, *, value_key: str, value_label: str,
                   extra: Sequence[tuple[str, str]]) -> ResultSection:
    """Dot votes, criteria scores, Borda points and 100 points: a bar per item in rank order, and a table whose
    columns are rank, item, the value, then ``extra`` (result key, label key) pairs."""
    items = [item for item in results["items"] if item.get(value_key) is not None]
    respondents = results.get("respondents", results.get("voters", 0))
    headers = (words["rank"], words["item"], words[value_label], *(words[label] for _key, label in extra))
    rows = tuple((words.number(item.get("rank")), item["text"], words.number(item.get(value_key)),
                  *(_extra_cell(item, key, words) for key, _label in extra)) for item in results["items"])
    return ResultSection(
        responses=respondents, summary=words["ballots_count"] % {"count": respondents},
        chart=Chart("bar", words[value_label], tuple(item["text"] for item in items),
                    (Series(words[value_label], tuple(float(item[value_key]) for item in items)),),
                    number_format="0.0" if value_key == "score" else "0"),
        table=Table(headers, rows, numeric_columns=tuple(index for index in range(len(headers)) if index != 1)))


def _extra_cell(item: Mapping[str, Any], key: str, words: Words) -> str:
    if key == "agreement":
        label = (item.get("agreement") or {}).get("label")
        return words.of("agreement", label) if label else "–"
    return words.number(item.get(key))
