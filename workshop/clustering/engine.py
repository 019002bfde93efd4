"""Suggested clusters for a brainstorm's unclustered ideas: data in, data out, no I/O.

Four steps, each deterministic:

1. Near-duplicates (the same idea typed twice, with typos or in another word order) are welded into
   one group first; a group is never split afterwards.
2. A group close enough to one of the moderator's clusters (a near-duplicate of a member, or the same
   theme and shared words) is suggested into it: the moderator's placements teach the engine.
3. The other groups become nodes of a similarity graph: lexical edges join groups that share rare
   content words, and each theme of the lexicon is a hub node joined to the groups that speak of it,
   so two groups on one theme are linked through the hub even when they share no word. Louvain
   community detection, with a fixed seed, cuts the graph into suggested clusters.
4. A community whose theme is the theme of one of the moderator's clusters goes to that cluster; a
   lone idea joins the largest community of its theme; lone ideas without a theme, and communities
   with neither a theme nor a word in common, make one "Autres" suggestion.

The graph is built in a canonical order (groups sorted by their text), so the suggested partition
depends on the multiset of texts, not on their order, the hash seed or the run.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
from rapidfuzz import fuzz

from ..domain.languages import LANGUAGE_CODES as LANGUAGES
from ..domain.text import clean_text
from .lexicon import OTHER_LABELS, THEMES
from .themes import generic_keys, theme_scores, theme_shares
from .tokens import Token, idea_tokens

# The recipes' figure: rapidfuzz's token-set ratio ≥ 80 (out of 100) on stemmed, accent-free words
# merges typos, accents, plurals and reordering. At 70, different ideas on one theme already pass
# (« Soins gratuits dans les hôpitaux publics » / « Accouchement à l'hôpital refusé faute d'argent »: 74).
NEAR_DUPLICATE_RATIO = 80
# The token-set ratio only looks at the words two ideas share and at what is left over, so it is 100
# whenever one idea's words are a subset of the other's: « santé » would duplicate every idea about
# health, and near-duplicates, welded transitively, would chain whole themes together (measured: one
# group of 1,561 of 5,000 generated ideas; « Santé sexuelle et reproductive des jeunes femmes » /
# « Abus sexuels sur les femmes migrantes » scores 81). Two guards: the shorter idea has at least half
# as many distinct words as the longer one, and either all its words are in the longer one (the same
# idea with a few words more) or the two read alike in full (token-sort ratio ≥ 80: the same words
# with typos or in another order).
NEAR_DUPLICATE_MIN_LENGTH_RATIO = 0.5

# Joining one of the moderator's clusters. A group's affinity to a cluster is
#   THEME_AFFINITY · (theme shares · cluster's unit theme profile) + LEXICAL_AFFINITY · best cosine to a member.
# Same theme alone (product 1) gives 0.5: the moderator's « Santé » cluster takes any health idea, and
# an idea half about health, half about something else (0.25) still reaches JOIN_THRESHOLD, while a
# lone hint (share 0.4, themes.py) gives 0.2 and needs shared words too. Shared words alone need a
# cosine of 0.42: « Changer la date de la rencontre » (0.44) joins the cluster holding « Date de la
# prochaine rencontre régionale », « Lieu de la rencontre à Rabat » (0.14) does not.
THEME_AFFINITY = 0.5
LEXICAL_AFFINITY = 0.6
JOIN_THRESHOLD = 0.25
# The cluster's own label counts as one more member (« Logement » names the theme of what follows).
LABEL_AS_MEMBERS = 1.0

# The similarity graph. A group's edge to a theme hub weighs its share of that theme (1 for an idea
# about one theme only); a lexical edge weighs LEXICAL_EDGE × cosine. At 0.5, two ideas must share
# most of their rare words before their link outweighs a clear theme, yet ideas outside the lexicon
# still group by their words. Edges under MIN_LEXICAL_COSINE (one common word among many) are noise.
# Each group keeps its LEXICAL_NEIGHBOURS strongest lexical edges: a sparse graph is fast and
# Louvain finds the same communities in it.
HUB_EDGE = 1.0
LEXICAL_EDGE = 0.5
MIN_LEXICAL_COSINE = 0.15
LEXICAL_NEIGHBOURS = 8
# Louvain's randomness is seeded: any fixed value gives a reproducible partition.
LOUVAIN_SEED = 1
LOUVAIN_RESOLUTION = 1.0
# A theme names a cluster when its summed share over the members reaches half of them: a lone hint
# (share 0.4) does not name an idea, and a cluster half about health and half about nothing known is
# still « Santé ».
DOMINANT_THEME_SHARE = 0.5
# A label quoting an idea is cut at a word within this many characters: it fits the board's column heading.
LABEL_LENGTH = 48

_THEME_ORDER = {theme.key: rank for rank, theme in enumerate(THEMES)}


@dataclass(frozen=True)
class ExistingCluster:
    """One of the moderator's clusters, with the texts of the ideas already in it."""

    key: str            # the moderator's cluster id
    label: str
    member_texts: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """A suggested cluster: ideas to add to an existing cluster, or to put together in a new one."""

    label: str                      # the theme's label in the requested language, the cluster's own, or an idea's words
    members: tuple[int, ...]        # indices into ``texts``, ascending
    cluster_key: str | None         # an existing cluster to add these ideas to, or None for a new cluster
    theme: str | None               # lexicon theme key when one dominates


@dataclass(frozen=True)
class _Idea:
    canonical: str                  # cleaned, case-folded text: orders the graph and tells exact duplicates
    text: str                       # cleaned text as typed: what a label quotes
    tokens: tuple[Token, ...]
    duplicate_key: str              # the content words compared for near-duplicates
    themes: dict[str, float]        # raw theme scores


@lru_cache(maxsize=16384)
def _analyse(text: str, use_lexicon: bool) -> _Idea:
    _, tokens = idea_tokens(text)
    # Near-duplicates are told by their specific words: « migrants » and « accès » are in half the ideas.
    generic = generic_keys()
    specific = [token.key for token in tokens if token.key not in generic] or [token.key for token in tokens]
    return _Idea(
        canonical=clean_text(text).casefold(),
        text=clean_text(text),
        tokens=tuple(tokens),
        duplicate_key=" ".join(specific),
        themes=theme_scores(tokens) if use_lexicon else {},
    )


class _Vectors:
    """TF-IDF vectors of content words (generic words of the field left out), unit length."""

    def __init__(self, ideas: Iterable[_Idea]) -> None:
        self._generic = generic_keys()
        ideas = list(ideas)
        document_frequency: Counter[str] = Counter()
        for idea in ideas:
            document_frequency.update(set(self.words(idea)))
        count = len(ideas)
        # Smoothed IDF, as common TF-IDF implementations do: a word in every idea still weighs 1.
        self.idf = {word: math.log((count + 1) / (df + 1)) + 1.0 for word, df in document_frequency.items()}

    def words(self, idea: _Idea) -> list[str]:
        return [token.key for token in idea.tokens if token.key not in self._generic and not token.key.isdigit()]

    def of(self, ideas: Iterable[_Idea]) -> dict[str, float]:
        counts: Counter[str] = Counter()
        for idea in ideas:
            counts.update(self.words(idea))
        vector = {word: (1.0 + math.log(count)) * self.idf.get(word, 1.0) for word, count in sorted(counts.items())}
        norm = math.sqrt(sum(weight * weight for weight in vector.values()))
        return {word: weight / norm for word, weight in vector.items()} if norm else {}


def _cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(word, 0.0) for word, weight in left.items())


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {key: value / norm for key, value in vector.items()} if norm else {}


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, left: int, right: int) -> None:
        left, right = self.find(left), self.find(right)
        if left != right:
            self.parent[max(left, right)] = min(left, right)


def near_duplicate(left: str, right: str) -> bool:
    """Whether two normalised word strings are near-duplicates (see NEAR_DUPLICATE_RATIO)."""
    left_words, right_words = set(left.split()), set(right.split())
    shorter = min(len(left_words), len(right_words))
    if not shorter or shorter < NEAR_DUPLICATE_MIN_LENGTH_RATIO * max(len(left_words), len(right_words)):
        return False
    if fuzz.token_set_ratio(left, right, score_cutoff=NEAR_DUPLICATE_RATIO) < NEAR_DUPLICATE_RATIO:
        return False
    return (len(left_words & right_words) == shorter
            or fuzz.token_sort_ratio(left, right, score_cutoff=NEAR_DUPLICATE_RATIO) >= NEAR_DUPLICATE_RATIO)


def _near_duplicate_components(ideas: Sequence[_Idea]) -> list[int]:
    """A component id per idea: exact and near-duplicates share one (transitively)."""
    union = _UnionFind(len(ideas))
    first_with_text: dict[str, int] = {}
    first_with_key: dict[str, int] = {}
    for position, idea in enumerate(ideas):
        union.union(position, first_with_text.setdefault(idea.canonical, position))
        if idea.duplicate_key:
            union.union(position, first_with_key.setdefault(idea.duplicate_key, position))
    # Fuzzy comparison of distinct keys only, and only of keys sharing a word: that keeps 1,000 ideas
    # fast, at the price of missing twins whose every word is mistyped.
    keys = sorted(first_with_key)
    postings: dict[str, list[int]] = {}
    for number, key in enumerate(keys):
        for word in sorted(set(key.split())):
            postings.setdefault(word, []).append(number)
    compared: set[tuple[int, int]] = set()
    for numbers in postings.values():
        for offset, left in enumerate(numbers):
            for right in numbers[offset + 1:]:
                if (left, right) in compared:
                    continue
                compared.add((left, right))
                if near_duplicate(keys[left], keys[right]):
                    union.union(first_with_key[keys[left]], first_with_key[keys[right]])
    return [union.find(position) for position in range(len(ideas))]


def _dominant_theme(theme_totals: dict[str, float], size: float) -> str | None:
    """The theme holding the most of ``size`` ideas, if it holds DOMINANT_THEME_SHARE of them."""
    if not theme_totals:
        return None
    best = min(theme_totals, key=lambda theme: (-theme_totals[theme], _THEME_ORDER[theme]))
    return best if theme_totals[best] >= DOMINANT_THEME_SHARE * size else None


def _sum_shares(ideas: Iterable[_Idea]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for idea in ideas:
        for theme, share in theme_shares(idea.themes).items():
            totals[theme] = totals.get(theme, 0.0) + share
    return totals


def _share_a_word(ideas: Sequence[_Idea], vectors: _Vectors) -> bool:
    """Whether two of ``ideas`` use one content word (generic words of the field aside)."""
    seen: set[str] = set()
    for idea in ideas:
        words = set(vectors.words(idea))
        if words & seen:
            return True
        seen |= words
    return False


def _beginning(text: str, length: int = 40) -> str:
    """``text``, or its beginning cut at a word and ended with « … »."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut[length // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _representative(ideas: Sequence[_Idea], vectors: _Vectors) -> str:
    """The idea closest to all the others, as typed (its beginning if long): what a cluster without a theme
    of the lexicon is called. A sentence a participant wrote reads better than a list of its words (« enfants,
    acte, bloquée »), and in the room's own language, Darija included."""
    units = [vectors.of([idea]) for idea in ideas]

    def closeness(number: int) -> float:
        return sum(_cosine(units[number], other) for index, other in enumerate(units) if index != number)

    best = min(range(len(ideas)), key=lambda number: (-round(closeness(number), 9), len(ideas[number].text),
                                                        ideas[number].text))
    return _beginning(ideas[best].text, LABEL_LENGTH)


def _label(theme: str | None, language: str) -> str | None:
    if theme is None:
        return None
    return next(item.labels[language] for item in THEMES if item.key == theme)


def suggest_clusters(texts: Sequence[str], existing: Sequence[ExistingCluster] = (), *, language: str = "fr",
                     use_lexicon: bool = True) -> list[Suggestion]:
    """Suggested clusters for ``texts``, the unclustered ideas; every index appears in exactly one.

    ``existing`` are the moderator's clusters: ideas close to one are suggested into it. Labels are in
    ``language`` (fr, en or ar). ``use_lexicon=False`` leaves the theme lexicon out (a lexical-only
    baseline, for measuring what the lexicon brings). Suggestions into existing clusters come first,
    in the order of ``existing``, then new clusters, largest first, then "Autres".
    """
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if not texts:
        return []
    ideas = [_analyse(text, use_lexicon) for text in texts]
    clusters = [_Cluster.of(cluster, use_lexicon) for cluster in existing]
    vectors = _Vectors([*ideas, *(idea for cluster in clusters for idea in cluster.ideas)])
    for cluster in clusters:
        cluster.vectors = [vectors.of([idea]) for idea in cluster.ideas]

    groups, duplicate_of = _near_duplicate_groups(texts, ideas, clusters)
    joined: dict[int, list[int]] = {}
    remaining: list[list[int]] = []
    for component, positions in groups:
        if component in duplicate_of:
            counts = duplicate_of[component]
            target: int | None = min(counts, key=lambda number: (-counts[number], number))
        else:
            target = _closest_cluster([ideas[p] for p in positions], clusters, vectors)
        if target is None:
            remaining.append(positions)
        else:
            joined.setdefault(target, []).extend(positions)

    # New communities whose theme is the theme of one of the moderator's clusters go to it too: a
    # second « Santé » beside the moderator's own would only be merged by hand.
    cluster_of_theme: dict[str, int] = {}
    for number, cluster in enumerate(clusters):
        if cluster.theme is not None:
            cluster_of_theme.setdefault(cluster.theme, number)
    new: list[tuple[list[int], str | None]] = []
    leftovers: list[int] = []
    for community in _communities(remaining, ideas, vectors, use_lexicon):
        members = [ideas[p] for p in community]
        theme = _dominant_theme(_sum_shares(members), len(community))
        if theme in cluster_of_theme:
            joined.setdefault(cluster_of_theme[theme], []).extend(community)
        elif theme is not None or (len(community) > 1 and _share_a_word(members, vectors)):
            new.append((community, theme))
        else:
            leftovers.extend(community)  # a lone idea, or ideas with neither a theme nor a word in common

    suggestions = [
        Suggestion(label=existing[number].label, members=tuple(sorted(joined[number])),
                   cluster_key=existing[number].key,
                   theme=clusters[number].theme_with(ideas[p] for p in joined[number]))
        for number in range(len(existing)) if number in joined
    ]
    suggestions.extend(_new_suggestions(new, ideas, vectors, language))
    if leftovers:
        suggestions.append(Suggestion(label=OTHER_LABELS[language], members=tuple(sorted(leftovers)),
                                      cluster_key=None, theme=None))
    return suggestions


class _Cluster:
    """A moderator's cluster as the engine sees it: its ideas (members and label) and theme profile."""

    def __init__(self, members: list[_Idea], label: _Idea) -> None:
        self.members = members
        self.ideas = [*members, label]
        self.totals = _sum_shares(members)
        for theme, share in theme_shares(label.themes).items():
            self.totals[theme] = self.totals.get(theme, 0.0) + LABEL_AS_MEMBERS * share
        # A label that names no theme (« Urgent », « Groupe 3 ») does not dilute the members' theme.
        self.size = len(members) + (LABEL_AS_MEMBERS if label.themes else 0.0)
        self.profile = _unit(self.totals)
        self.theme = _dominant_theme(self.totals, self.size)
        self.vectors: list[dict[str, float]] = []

    @classmethod
    def of(cls, cluster: ExistingCluster, use_lexicon: bool) -> _Cluster:
        return cls([_analyse(text, use_lexicon) for text in cluster.member_texts], _analyse(cluster.label, use_lexicon))

    def theme_with(self, ideas: Iterable[_Idea]) -> str | None:
        """The dominant theme once ``ideas`` are added."""
        added = list(ideas)
        totals = dict(self.totals)
        for theme, share in _sum_shares(added).items():
            totals[theme] = totals.get(theme, 0.0) + share
        return _dominant_theme(totals, self.size + len(added))


def _near_duplicate_groups(texts: Sequence[str], ideas: Sequence[_Idea], clusters: Sequence[_Cluster]
                           ) -> tuple[list[tuple[int, list[int]]], dict[int, Counter[int]]]:
    """Groups of near-duplicate new ideas in canonical order, and for each group the clusters it duplicates.

    Members of the moderator's clusters take part, so an idea retyped goes where its twin already is.
    Canonical order: by the smallest (text, original) of each group, so input order does not matter.
    """
    everything = [*ideas, *(idea for cluster in clusters for idea in cluster.members)]
    owner = [number for number, cluster in enumerate(clusters) for _ in cluster.members]
    components = _near_duplicate_components(everything)
    groups: dict[int, list[int]] = {}
    for position in range(len(ideas)):
        groups.setdefault(components[position], []).append(position)
    duplicate_of: dict[int, Counter[int]] = {}
    for offset, number in enumerate(owner):
        component = components[len(ideas) + offset]
        if component in groups:
            duplicate_of.setdefault(component, Counter())[number] += 1
    ordered = sorted(groups.items(), key=lambda item: min((ideas[p].canonical, texts[p]) for p in item[1]))
    return ordered, duplicate_of


def _closest_cluster(group: list[_Idea], clusters: Sequence[_Cluster], vectors: _Vectors) -> int | None:
    """The moderator's cluster a group of ideas is closest to, if it reaches JOIN_THRESHOLD (first on ties)."""
    shares = {theme: total / len(group) for theme, total in _sum_shares(group).items()}
    vector = vectors.of(group)
    target, best = None, JOIN_THRESHOLD
    for number, cluster in enumerate(clusters):
        score = THEME_AFFINITY * _cosine(shares, cluster.profile) + LEXICAL_AFFINITY * max(
            (_cosine(vector, member) for member in cluster.vectors), default=0.0)
        if score > best or (target is None and score == best):
            target, best = number, score
    return target


def _new_suggestions(new: list[tuple[list[int], str | None]], ideas: Sequence[_Idea], vectors: _Vectors,
                     language: str) -> list[Suggestion]:
    """New clusters, largest first; a lone idea joins the largest community of its theme if there is one.

    Ties between equally large communities are broken on their texts, not on their positions, so the
    partition stays independent of the input order.
    """
    largest_of_theme: dict[str, list[int]] = {}
    kept: list[tuple[list[int], str | None]] = []
    for community, theme in sorted(new, key=lambda item: (-len(item[0]), min(ideas[p].canonical for p in item[0]))):
        if len(community) == 1 and theme in largest_of_theme:
            largest_of_theme[theme].extend(community)
            continue
        if theme is not None:
            largest_of_theme.setdefault(theme, community)
        kept.append((community, theme))
    labels = [_label(theme, language) or _representative([ideas[p] for p in community], vectors)
              for community, theme in kept]
    repeated = {label for label in labels if labels.count(label) > 1}
    created = []
    for (community, theme), label in zip(kept, labels):
        if label in repeated:  # two communities on one theme: tell them apart by an idea of each
            label = f"{label} : {_representative([ideas[p] for p in community], vectors)}"
        created.append(Suggestion(label=label, members=tuple(sorted(community)), cluster_key=None, theme=theme))
    return sorted(created, key=lambda suggestion: (-len(suggestion.members), suggestion.members[0]))


def _communities(groups: list[list[int]], ideas: Sequence[_Idea], vectors: _Vectors,
                 use_lexicon: bool) -> list[list[int]]:
    """Louvain communities of the similarity graph over near-duplicate groups (in canonical order)."""
    if not groups:
        return []
    group_vectors = [vectors.of(ideas[p] for p in positions) for positions in groups]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(groups)))
    edges: dict[tuple[int, int], float] = {}
    if use_lexicon:
        hubs = {theme.key: len(groups) + rank for rank, theme in enumerate(THEMES)}
        for node, positions in enumerate(groups):
            for theme, total in _sum_shares(ideas[p] for p in positions).items():
                edges[(node, hubs[theme])] = HUB_EDGE * total / len(positions)
    for (left, right), cosine in _lexical_neighbours(group_vectors).items():
        edges[(left, right)] = LEXICAL_EDGE * cosine
    graph.add_weighted_edges_from((left, right, weight) for (left, right), weight in sorted(edges.items()))
    found = nx.community.louvain_communities(graph, weight="weight", resolution=LOUVAIN_RESOLUTION,
                                             seed=LOUVAIN_SEED)
    communities = []
    for nodes in found:
        positions = sorted(p for node in nodes if node < len(groups) for p in groups[node])
        if positions:
            communities.append(positions)
    return communities


def _lexical_neighbours(group_vectors: Sequence[dict[str, float]]) -> dict[tuple[int, int], float]:
    """Lexical edges (left < right) kept by either end among its LEXICAL_NEIGHBOURS strongest."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for node, vector in enumerate(group_vectors):
        for word, weight in vector.items():
            postings.setdefault(word, []).append((node, weight))
    neighbours: list[list[tuple[float, int]]] = [[] for _ in group_vectors]
    for node, vector in enumerate(group_vectors):
        dots: dict[int, float] = {}
        for word, weight in vector.items():
            for other, other_weight in postings[word]:
                if other != node:
                    dots[other] = dots.get(other, 0.0) + weight * other_weight
        strong = [(-dot, other) for other, dot in dots.items() if dot >= MIN_LEXICAL_COSINE]
        neighbours[node] = sorted(strong)[:LEXICAL_NEIGHBOURS]
    edges: dict[tuple[int, int], float] = {}
    for node, kept in enumerate(neighbours):
        for negative_dot, other in kept:
            edges[(min(node, other), max(node, other))] = -negative_dot
    return edges
