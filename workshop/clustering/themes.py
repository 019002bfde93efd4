"""Theme signal of an idea: which lexicon themes its words and phrases point to, and how strongly."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import darija
from .lexicon import GENERIC_WORDS, THEMES
from .tokens import Token, fold, idea_tokens

# A plain term counts 1. A phrase of two or more content words counts 1.5: it is more specific than a
# word (« carte de séjour ») and, matched first, it takes its words away from weaker readings. A hint
# counts 0.4: two hints still lose to one term, yet a hint decides when nothing else speaks.
TERM_WEIGHT = 1.0
PHRASE_WEIGHT = 1.5
HINT_WEIGHT = 0.4


@dataclass(frozen=True, slots=True)
class _Entry:
    theme: str
    positions: tuple[frozenset[str], ...]   # per content word of the phrase, the forms that match it
    weight: float
    text: str


def _positions(phrase: str, language: str) -> tuple[frozenset[str], ...]:
    """Per content word of a lexicon phrase, its forms in the phrase's own language (``=word``: the word only)."""
    if phrase.startswith("="):
        _, tokens = idea_tokens(phrase[1:], language)
        return tuple(frozenset({"=" + fold(token.surface)}) for token in tokens)
    tag = language + ":"
    _, tokens = idea_tokens(phrase, language)
    return tuple(frozenset(form for form in token.forms if form.startswith(tag)) for token in tokens)


@cache
def _index() -> dict[str, tuple[_Entry, ...]]:
    """Every entry under each form of its first word, longest entries first."""
    by_form: dict[str, list[_Entry]] = {}
    for theme in THEMES:
        darija_terms = {"dz": darija.LATIN.get(theme.key, ()), "ar": darija.ARABIC.get(theme.key, ())}
        for weighted, weight in ((theme.terms, TERM_WEIGHT), (theme.hints, HINT_WEIGHT), (darija_terms, TERM_WEIGHT)):
            for language, phrases in weighted.items():
                for phrase in phrases:
                    positions = _positions(phrase, language)
                    if not positions or not all(positions):
                        raise ValueError(f"lexicon entry {phrase!r} of {theme.key} is not a {language} content word")
                    if weight == TERM_WEIGHT and len(positions) > 1:
                        weight_here = PHRASE_WEIGHT
                    else:
                        weight_here = weight
                    entry = _Entry(theme.key, positions, weight_here, phrase)
                    for form in sorted(positions[0]):
                        by_form.setdefault(form, []).append(entry)
    return {form: tuple(sorted(entries, key=lambda e: -len(e.positions))) for form, entries in by_form.items()}


@cache
def generic_keys() -> frozenset[str]:
    """Token keys of the field's generic words (lexicon.GENERIC_WORDS), as French, English or Arabic stems."""
    keys: set[str] = set()
    for phrases in GENERIC_WORDS.values():
        for phrase in phrases:
            for token in idea_tokens(phrase)[1]:
                keys.update(form.split(":", 1)[1] for form in token.forms if ":" in form)
    return frozenset(keys)


def _matches_at(tokens: Sequence[Token], start: int, entry: _Entry) -> bool:
    if start + len(entry.positions) > len(tokens):
        return False
    return all(not forms.isdisjoint(tokens[start + offset].forms) for offset, forms in enumerate(entry.positions))


def theme_scores(tokens: Sequence[Token]) -> dict[str, float]:
    """Raw score per theme (lexicon order), reading left to right and taking the longest entry first.

    Where entries of several themes match the same words equally long, each theme scores once: the
    words are ambiguous and the idea leans both ways.
    """
    index = _index()
    scores: dict[str, float] = {}
    position = 0
    while position < len(tokens):
        best_length = 0
        best: dict[str, float] = {}
        for form in tokens[position].forms:
            for entry in index.get(form, ()):
                length = len(entry.positions)
                if length < best_length:
                    break
                if not _matches_at(tokens, position, entry):
                    continue
                if length > best_length:
                    best_length, best = length, {}
                best[entry.theme] = max(best.get(entry.theme, 0.0), entry.weight)
        for theme, weight in best.items():
            scores[theme] = scores.get(theme, 0.0) + weight
        position += max(best_length, 1)
    order = {theme.key: rank for rank, theme in enumerate(THEMES)}
    return dict(sorted(scores.items(), key=lambda pair: order[pair[0]]))


def theme_shares(scores: dict[str, float]) -> dict[str, float]:
    """How much of the idea each theme holds: shares summing to 1 once the idea names a theme (a term).

    Scores below one term's weight are not scaled up: an idea with a single hint holds 0.4 of its
    theme, so a word that merely leans somewhere does not pull an idea as hard as one that names it.
    """
    total = max(sum(scores.values()), TERM_WEIGHT)
    return {theme: score / total for theme, score in scores.items()}
