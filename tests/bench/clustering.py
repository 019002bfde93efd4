"""Timing of the suggested-clustering engine on generated brainstorms of several sizes.

    python -m tests.bench.clustering --sizes 100 1000 5000

Ideas are generated from the two corpora of tests/clustering (each idea as written, with a place or
a group appended, two ideas of one theme spliced, accents dropped or a letter swapped) plus English
comments of the Pol.is data sets in tests/data/polis. For each size it prints the wall time of
the first run with every cache emptied (lexicon compiled, every word stemmed: what one ``workshop
cluster`` command pays after its imports), then the best and median of ``--repeats`` runs on fresh
texts (a run number appended, so each text is analysed again but stems are cached, as in a server
process), the number of suggested clusters and the largest one.
"""
from __future__ import annotations

import argparse
import csv
import random
import statistics
import time
import unicodedata
from pathlib import Path

from tests.clustering.measures import read_corpus
from workshop.clustering import engine, suggest_clusters, themes, tokens

_POLIS = Path(__file__).resolve().parents[1] / "data" / "polis"
_QUALIFIERS = ("pour les femmes", "dans l'Oriental", "à Casablanca", "en priorité", "pour les enfants",
               "dès cette année", "à Tanger et Rabat", "pour les jeunes", "surtout en hiver", "avec les associations")


def _polis_comments() -> list[str]:
    comments = []
    for path in sorted(_POLIS.glob("*/comments.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            comments.extend(row["comment-body"] for row in csv.DictReader(handle) if row.get("comment-body"))
    return comments


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def generated_ideas(count: int, seed: int = 0) -> list[str]:
    """``count`` plausible ideas, reproducible from ``seed``."""
    rows = read_corpus("corpus_tuning.tsv") + read_corpus("corpus_labelled.tsv")
    by_theme: dict[str, list[str]] = {}
    for theme, _, text in rows:
        by_theme.setdefault(theme, []).append(text)
    english = _polis_comments()
    generator = random.Random(seed)
    ideas = []
    for _ in range(count):
        if english and generator.random() < 0.1:
            ideas.append(generator.choice(english)[:300])
            continue
        theme, _, text = generator.choice(rows)
        move = generator.random()
        if move < 0.3:
            text = f"{text} {generator.choice(_QUALIFIERS)}"
        elif move < 0.5:
            other = generator.choice(by_theme[theme]).split()
            text = " ".join(text.split()[: max(1, len(text.split()) // 2)] + other[len(other) // 2:])
        elif move < 0.6:
            text = _without_accents(text)
        elif move < 0.7 and len(text) > 4:
            cut = generator.randrange(1, len(text) - 2)
            text = text[:cut] + text[cut + 1] + text[cut] + text[cut + 2:]
        ideas.append(text)
    return ideas


def _empty_caches() -> None:
    for cached in (engine._analyse, tokens.latin_token, tokens.arabic_token, themes._index, themes.generic_keys):
        cached.cache_clear()


def benchmark_cluster_timings(sizes: list[int], repeats: int = 3) -> list[dict[str, float]]:
    """Wall times of ``suggest_clusters`` on generated ideas, one row per size."""
    rows = []
    for size in sizes:
        base = generated_ideas(size, seed=size)
        _empty_caches()
        start = time.perf_counter()
        suggestions = suggest_clusters(base)
        cold = time.perf_counter() - start
        times = []
        for run in range(1, repeats + 1):
            texts = [f"{text} ({run})" for text in base]  # fresh texts: analysed again
            start = time.perf_counter()
            suggest_clusters(texts)
            times.append(time.perf_counter() - start)
        rows.append({"ideas": size, "cold_s": cold, "best_s": min(times), "median_s": statistics.median(times),
                     "clusters": len(suggestions), "largest": max(len(s.members) for s in suggestions)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    print(f"{'ideas':>6} {'cold s':>8} {'best s':>8} {'median s':>9} {'clusters':>9} {'largest':>8}")
    for row in benchmark_cluster_timings(arguments.sizes, arguments.repeats):
        print(f"{row['ideas']:>6} {row['cold_s']:>8.3f} {row['best_s']:>8.3f} {row['median_s']:>9.3f}"
              f" {row['clusters']:>9} {row['largest']:>8}")


if __name__ == "__main__":
    main()
