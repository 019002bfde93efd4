"""Priorities of different rooms that mean the same thing, whatever their labels.

« Papiers, régularisation et état civil » in one workshop and « Documents d'identité et état civil » in another
are one topic. Each group (a cluster: its label and its ideas) is read as the suggestion engine reads ideas: its
themes from the field's lexicon and its content words (TF-IDF over every group compared). Two groups of two
different rooms are proposed as a match when they share their dominant theme and are close enough overall, or
when their words alone are close; each group is matched at most once per other room, best pairs first.
Data in, data out: the moderator confirms or splits the proposals.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .engine import _analyse, _cosine, _Vectors
from .themes import theme_shares

THEME_WEIGHT = 0.6  # the lexicon knows the field: « carte de séjour » and « état civil » are the same topic
MATCH_FROM = 0.5  # combined similarity of two groups sharing their dominant theme
WORDS_ALONE_FROM = 0.45  # word similarity that makes a match without a theme (a topic the lexicon lacks)


@dataclass(frozen=True)
class Group:
    room: str  # any key of the room: groups of the same room are never matched together
    key: int  # the caller's id (a cluster id)
    label: str
    texts: tuple[str, ...]  # its ideas


@dataclass(frozen=True)
class Match:
    left: Group
    right: Group
    similarity: float  # 0..1
    theme: str | None  # the dominant theme both share, if any


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {key: value / norm for key, value in vector.items()} if norm else {}


def similar_groups(groups: Sequence[Group]) -> list[Match]:
    """Proposed matches between groups of different rooms, most similar first."""
    analysed = [[_analyse(text, True) for text in (group.label, *group.texts)] for group in groups]
    vectors = _Vectors(idea for ideas in analysed for idea in ideas)
    words = [vectors.of(ideas) for ideas in analysed]
    themes = []
    for ideas in analysed:
        totals: dict[str, float] = {}
        for idea in ideas:
            for theme, share in theme_shares(idea.themes).items():
                totals[theme] = totals.get(theme, 0.0) + share
        themes.append(_unit(totals))
    dominant = [max(vector, key=lambda theme: (vector[theme], theme)) if vector else None for vector in themes]
    candidates = []
    for left in range(len(groups)):
        for right in range(left + 1, len(groups)):
            if groups[left].room == groups[right].room:
                continue
            word_similarity = _cosine(words[left], words[right])
            same_theme = dominant[left] is not None and dominant[left] == dominant[right]
            similarity = THEME_WEIGHT * _cosine(themes[left], themes[right]) + (1 - THEME_WEIGHT) * word_similarity
            if (same_theme and similarity >= MATCH_FROM) or word_similarity >= WORDS_ALONE_FROM:
                candidates.append((round(similarity, 4), left, right, dominant[left] if same_theme else None))
    candidates.sort(key=lambda candidate: (-candidate[0], candidate[1], candidate[2]))
    taken: set[tuple[int, str]] = set()  # (group, other room): one partner per group in each other room
    matches = []
    for similarity, left, right, theme in candidates:
        if (left, groups[right].room) in taken or (right, groups[left].room) in taken:
            continue
        taken.update({(left, groups[right].room), (right, groups[left].room)})
        matches.append(Match(groups[left], groups[right], min(similarity, 1.0), theme))
    return matches
