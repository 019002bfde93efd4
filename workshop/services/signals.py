"""Every prioritization of a room declared: its method, its ranking, and where two of them disagree.

A room's priorities are not « the last activity »: each prioritization that ran is a signal. Two signals on the
same items (the clusters of one brainstorm, the ideas of one brainstorm, or the axes) are compared on the items
both ranked (domain/groups.py: rank correlation and first item). The report builder prints them, and the
``consolidation`` export hands them to other tools.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..activities import ActivityType
from ..domain.groups import DISAGREEMENT_BELOW, Agreement, compare_rankings
from ..exports.report import Table
from ..exports.words import Words
from ..models import Activity


@dataclass(frozen=True)
class Signal:
    activity_id: int
    type: str
    prompt: str
    target: str  # what it ranks: "clusters:<brainstorm id>", "ideas:<brainstorm id>" or "axes"
    ranking: tuple[int, ...]  # item ids, best first
    texts: Mapping[int, str]
    respondents: int
    phase: str


def signal_of(activity: Activity, kind: ActivityType, results: Mapping[str, Any]) -> Signal | None:
    """The activity as a signal, if it is a prioritization (drafts are not: nobody voted)."""
    if not kind.prioritization or activity.phase == "draft":
        return None
    target = kind.target_kind(activity.config)
    source = kind.source_activity_id(activity.config)
    return Signal(activity_id=activity.id, type=activity.type, prompt=activity.prompt,
                  target=target if target == "axes" else f"{target}:{source}",
                  ranking=tuple(kind.ranking(results)),
                  texts={item["id"]: item.get("text", "") for item in results.get("items", [])},
                  respondents=int(results.get("respondents", results.get("voters", 0)) or 0), phase=activity.phase)


def room_kind(kind: str, signals: Sequence[Signal]) -> str:
    """plenary, workshop or restitution: a plenary that votes on the axes is the restitution."""
    if kind == "plenary" and any(signal.target == "axes" for signal in signals):
        return "restitution"
    return kind


@dataclass(frozen=True)
class Disagreement:
    first: Signal
    second: Signal
    agreement: Agreement

    @property
    def top_first(self) -> str:
        shared = set(self.first.ranking) & set(self.second.ranking)
        return self.first.texts.get(next(item for item in self.first.ranking if item in shared), "")

    @property
    def top_second(self) -> str:
        shared = set(self.first.ranking) & set(self.second.ranking)
        return self.second.texts.get(next(item for item in self.second.ranking if item in shared), "")


def compared(signals: Sequence[Signal]) -> list[Disagreement]:
    """Every pair of signals on the same items that both ranked something, compared (agreeing pairs included)."""
    pairs = []
    for first, second in combinations(signals, 2):
        if first.target != second.target or not first.ranking or not second.ranking:
            continue
        agreement = compare_rankings(first.ranking, second.ranking)
        if agreement is not None:
            pairs.append(Disagreement(first, second, agreement))
    return pairs


# -- as the documents print them ---------------------------------------------------------------------------------

def _name(signal: Signal, signals: Sequence[Signal], words: Words) -> str:
    """The method's name; with the question when the room ran the same method twice."""
    label = words.of("type", signal.type)
    if sum(1 for other in signals if other.type == signal.type) > 1:
        return f"{label} — {signal.prompt}"
    return label


def signals_table(signals: Sequence[Signal], words: Words) -> Table | None:
    """One row per prioritization: its method, its question, how many answered, what it put first."""
    if not signals:
        return None
    rows = tuple((words.of("type", signal.type), signal.prompt, words.number(signal.respondents),
                  signal.texts.get(signal.ranking[0], "") if signal.ranking else "–") for signal in signals)
    return Table((words["method"], words["question"], words["respondents_short"], words["top_item"]), rows,
                 numeric_columns=(2,))


def side_by_side_tables(signals: Sequence[Signal], words: Words) -> tuple[Table, ...]:
    """For each set of items ranked by two prioritizations or more: an item a row, a column per method (its rank)."""
    tables = []
    targets = list(dict.fromkeys(signal.target for signal in signals if signal.ranking))
    for target in targets:
        same = [signal for signal in signals if signal.target == target and signal.ranking]
        if len(same) < 2:
            continue
        items = list(dict.fromkeys(item for signal in same for item in signal.ranking))
        positions = [{item: index for index, item in enumerate(signal.ranking, start=1)} for signal in same]
        texts = {item: text for signal in same for item, text in signal.texts.items()}
        rows = tuple((texts.get(item, str(item)), *(str(position[item]) if item in position else "–"
                                                    for position in positions)) for item in items)
        tables.append(Table((words["item"], *(_name(signal, signals, words) for signal in same)), rows,
                            numeric_columns=tuple(range(1, len(same) + 1))))
    return tuple(tables)


def pair_sentence(pair: Disagreement, signals: Sequence[Signal], words: Words) -> str:
    """« Dot voting » and « Criteria scoring » disagree: <why>. Or: they agree (correlation on n items)."""
    agreement = pair.agreement
    correlation = words.number(round(agreement.correlation, 2)) if agreement.correlation is not None else ""
    if not agreement.disagree:
        return words["signals_agree"] % {"correlation": correlation, "count": agreement.shared}
    low = agreement.correlation is not None and agreement.correlation < DISAGREEMENT_BELOW
    values = {"count": agreement.shared, "correlation": correlation, "top_a": pair.top_first,
              "top_b": pair.top_second}
    reason = words["reason_both" if low and not agreement.same_top else "reason_correlation" if low
                   else "reason_top"] % values
    return words["signals_disagree"] % {"first": _name(pair.first, signals, words),
                                        "second": _name(pair.second, signals, words), "reason": reason}
