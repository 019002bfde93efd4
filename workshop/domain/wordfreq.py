"""Word frequencies for a live word cloud: French elisions split off, stop-words removed."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Set

# l'hôpital, d'accès, qu'on: the elided article is not a word of the cloud.
_ELISION = re.compile(r"^(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?", re.UNICODE)


def words_of(text: str, stopwords: Set[str]) -> list[str]:
    """Lower-cased content words of one answer."""
    words = []
    for token in _TOKEN.findall(text.lower()):
        token = _ELISION.sub("", token).replace("’", "'")
        if len(token) < 2 or token in stopwords:
            continue
        words.append(token)
    return words


def word_frequencies(texts: Iterable[str], stopwords: Set[str], *, limit: int = 100) -> list[tuple[str, int]]:
    """The ``limit`` most frequent words, most frequent first, ties alphabetical so the cloud is stable."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words_of(text, stopwords))
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
