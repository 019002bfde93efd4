"""What the prioritization types share: items from a source, a per-item breakdown by participant group."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.groups import contrast
from ..domain.prioritization import round_for_display
from ..domain.profiles import OTHER_GROUP, PROFILE_TAGS, pooled_groups
from ..exports.report import Chart, GroupRecord, GroupView, ResultSection, Series, Table
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
        table=Table(headers, rows, numeric_columns=tuple(index for index in range(len(headers)) if index != 1)),
        groups=group_views(results, words, value_key=value_key, measure=words[value_label]))


def group_label(tag: str, group: str, words: Words) -> str:
    return words["group_other"] if group == OTHER_GROUP else words.of(tag, group)


def group_views(results: Mapping[str, Any], words: Words, *, value_key: str,
                measure: str = "") -> tuple[GroupView, ...]:
    """The results by organisation type and by region, as ``results["groups"]`` holds them (already pooled: no
    group under the minimum size is there under its own name), with one reading per item.

    A mean score compares as it is; points compare per respondent (a large group's total says nothing of its
    support). The within-group agreement of a criteria score (``divided``) is said too. ``records`` carry the same
    numbers unformatted, group by group, for the workbook; ``measure`` names what the value is.
    """
    per_respondent = value_key != "score"
    views = []
    for tag in GROUP_TAGS:
        groups = results.get("groups", {}).get(tag, [])
        if not groups:
            continue
        headers = (words["item"], *(f"{group_label(tag, group['group'], words)} (n={group['n']})" for group in groups),
                   words["reading"])
        ranks = [_ranks(group["items"], value_key) for group in groups]
        rows, readings = [], []
        for item in results["items"]:
            key = str(item["id"])
            values = [(group["items"].get(key) or {}).get(value_key) for group in groups]
            cells = tuple("–" if value is None else f"{words.number(value)} ({rank[key]})"
                          for value, rank in zip(values, ranks, strict=True))
            comparable = {group_label(tag, group["group"], words):
                          (None if value is None else (value / group["n"] if per_respondent else value))
                          for group, value in zip(groups, values, strict=True)}
            reading = _reading(contrast(comparable, per_respondent=per_respondent), words, per_respondent,
                               divided=(item.get("agreement") or {}).get("label") == "divided")
            rows.append((item["text"], *cells, reading))
            readings.append((item["text"], reading))
        records = tuple(GroupRecord(group_label(tag, group["group"], words), group["n"], item["text"],
                                    (group["items"].get(str(item["id"])) or {}).get(value_key),
                                    rank.get(str(item["id"])))
                        for group, rank in zip(groups, ranks, strict=True) for item in results["items"])
        views.append(GroupView(tag, words[f"by_{tag}"], Table(headers, tuple(rows),
                                                              numeric_columns=tuple(range(1, len(groups) + 1))),
                               tuple(readings), records, measure))
    return tuple(views)


def _ranks(items: Mapping[str, Any], value_key: str) -> dict[str, int]:
    """Each item's rank within one group (1 = most support; equal values share a rank)."""
    values = {key: summary.get(value_key) for key, summary in items.items() if summary.get(value_key) is not None}
    ordered = sorted(values.values(), reverse=True)
    return {key: ordered.index(value) + 1 for key, value in values.items()}


def _reading(found: Any, words: Words, per_respondent: bool, *, divided: bool) -> str:
    def shown(value: float) -> str:
        return words["per_respondent"] % {"value": words.number(round(value, 1))} if per_respondent \
            else words.number(round(value, 1))

    if found.kind in ("too_few", "none"):
        sentence = words["too_few_groups" if found.kind == "too_few" else "no_support"]
    elif found.kind == "consensus":
        sentence = words["consensus_strong"] % {"low": shown(found.low), "high": shown(found.high)}
    else:
        sentence = words["divergence" if found.kind == "strong" else "divergence_mild"] % {
            "high_group": found.high_group, "high": shown(found.high), "low_group": found.low_group,
            "low": shown(found.low)}
    if not divided:
        return sentence
    separator = {"fr": " ; ", "ar": "؛ "}.get(words.language, "; ")  # each language's own semicolon
    return f"{sentence}{separator}{words['within_split']}"


def _extra_cell(item: Mapping[str, Any], key: str, words: Words) -> str:
    if key == "agreement":
        label = (item.get("agreement") or {}).get("label")
        return words.of("agreement", label) if label else "–"
    return words.number(item.get(key))
