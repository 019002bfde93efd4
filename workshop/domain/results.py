"""Result summaries for polls and scales, computed from plain ballots."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import mean, median

from .ballots import Allocation


def poll_results(options: Sequence[str], ballots: Iterable[Iterable[Allocation]]) -> dict[str, object]:
    """Count of choosers per option and share of respondents (percentages can exceed 100 in total for multiple choice)."""
    counts = [0] * len(options)
    respondents = 0
    for ballot in ballots:
        chosen = {allocation.target_id for allocation in ballot if 0 <= allocation.target_id < len(options)}
        if not chosen:
            continue
        respondents += 1
        for index in chosen:
            counts[index] += 1
    return {
        "respondents": respondents,
        "options": [
            {"index": index, "label": label, "count": counts[index],
             "percent": round(100 * counts[index] / respondents, 1) if respondents else 0.0}
            for index, label in enumerate(options)
        ],
    }


def scale_results(
    items: Sequence[str], ballots: Iterable[Iterable[Allocation]], *, minimum: int, maximum: int
) -> dict[str, object]:
    """Distribution, mean and median of the ratings given to each item of a scale."""
    ratings: list[list[int]] = [[] for _ in items]
    respondents = 0
    for ballot in ballots:
        counted = False
        for allocation in ballot:
            if 0 <= allocation.target_id < len(items) and minimum <= allocation.points <= maximum:
                ratings[allocation.target_id].append(allocation.points)
                counted = True
        respondents += counted
    summaries = []
    for index, label in enumerate(items):
        values = ratings[index]
        summaries.append({
            "index": index,
            "label": label,
            "count": len(values),
            "mean": round(mean(values), 2) if values else None,
            "median": median(values) if values else None,
            "distribution": [values.count(value) for value in range(minimum, maximum + 1)],
        })
    return {"respondents": respondents, "minimum": minimum, "maximum": maximum, "items": summaries}
