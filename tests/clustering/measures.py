"""Clustering quality against gold labels, written out (no scikit-learn): adjusted Rand index, purity."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from math import comb
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_corpus(name: str) -> list[tuple[str, str, str]]:
    """(gold theme, language, text) rows of a TSV corpus beside this file; ``#`` lines are comments."""
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            gold, language, text = line.split("\t")
            rows.append((gold, language, text))
    return rows


def assignment(clusters: Sequence[Sequence[int]], size: int) -> list[int]:
    """The cluster number of each item, from clusters given as lists of item indices."""
    labels = [-1] * size
    for number, members in enumerate(clusters):
        for member in members:
            labels[member] = number
    assert -1 not in labels
    return labels


def adjusted_rand_index(gold: Sequence[object], found: Sequence[object]) -> float:
    """Hubert and Arabie's ARI: 1 for the same partition, about 0 for a random one."""
    pairs = Counter(zip(gold, found))
    same_both = sum(comb(count, 2) for count in pairs.values())
    same_gold = sum(comb(count, 2) for count in Counter(gold).values())
    same_found = sum(comb(count, 2) for count in Counter(found).values())
    total = comb(len(gold), 2)
    expected = same_gold * same_found / total if total else 0.0
    maximum = (same_gold + same_found) / 2
    return 1.0 if maximum == expected else (same_both - expected) / (maximum - expected)


def purity(gold: Sequence[object], found: Sequence[object]) -> float:
    """Share of items whose cluster's majority gold class is their own."""
    by_cluster: dict[object, Counter[object]] = {}
    for truth, cluster in zip(gold, found):
        by_cluster.setdefault(cluster, Counter())[truth] += 1
    return sum(max(counts.values()) for counts in by_cluster.values()) / len(gold)


def f_purity(gold: Sequence[object], found: Sequence[object]) -> float:
    """Harmonic mean of purity and inverse purity (purity with the roles swapped)."""
    direct, inverse = purity(gold, found), purity(found, gold)
    return 2 * direct * inverse / (direct + inverse)
