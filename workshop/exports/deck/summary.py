"""The meeting's summary deck keeps to a number of slides (issue 8 §7: about 25 for a national meeting).

The deck plans each activity's slides as pages before drawing any (its chart, its table's pages, its group views,
its clusters). When the summary would be longer than the cap, whole pages are left out, least needed first, each
kind from the end of the deck backwards, until it fits:

1. the group views by region (the results by organisation type stay longer);
2. a brainstorm's table of its clusters and their counts;
3. the group views by organisation type;
4. a result table's further pages (its first page, or its chart beside it, stays).

Never left out: the cover, the rooms' sections, each activity's first page, the workshops compared, the strategy
and its axes, the decisions and next steps. What was left out is named, kind by kind, on a slide of its own just
before the closing one; every page left out is in the full deck (« deck-full ») and in the documents.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

SUMMARY_SLIDES = 25

ALWAYS = 0
REGION_VIEW = 1
CLUSTER_RECAP = 2
ORGANISATION_VIEW = 3
TABLE_CONTINUED = 4


@dataclass(frozen=True)
class Page:
    """One slide an activity plans: ``draw`` fills the slide made for it."""

    draw: Callable[[object], None]
    note: str = ""  # its own line beside the activity's summary (which group view it shows)
    level: int = ALWAYS  # the summary leaves out level 1 first, then 2…; 0 is always shown
    kind: str = ""  # how the « left out » slide names its kind (a group view's title, a label)
    block: int = 0  # pages of one block (a group view's pages) are left out together, never one without the other


def left_out(units: Sequence[Sequence[Page]], other_slides: int, cap: int = SUMMARY_SLIDES) -> set[tuple[int, int]]:
    """The (unit, page) positions to leave out so that the deck (``other_slides`` plus every unit's pages, plus
    the slide naming what was left out) holds ``cap`` slides; empty when everything fits. When even leaving out
    every page that may go is not enough, all of them go and the deck is longer than the cap."""
    total = other_slides + sum(len(pages) for pages in units)
    if total <= cap:
        return set()
    blocks: dict[tuple[int, int], list[int]] = {}
    levels: dict[tuple[int, int], int] = {}
    for unit, pages in enumerate(units):
        for index, page in enumerate(pages):
            if page.level != ALWAYS:
                blocks.setdefault((unit, page.block), []).append(index)
                levels[(unit, page.block)] = page.level
    # Least needed first; within a kind, from the end of the deck backwards.
    order = sorted(blocks, key=lambda key: (levels[key], -key[0], -key[1]))
    dropped: set[tuple[int, int]] = set()
    total += 1  # the slide that says what was left out
    for key in order:
        if total <= cap:
            break
        dropped.update((key[0], index) for index in blocks[key])
        total -= len(blocks[key])
    return dropped
