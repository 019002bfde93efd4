"""What a word cloud counts: each short answer as one phrase, a longer text word by word.

An answer of up to three words is what a participant meant as one thing: « carte de séjour », « CIN exigée »,
« accès aux soins » count as themselves, not as « carte », « séjour », « exigée ». Its leading and trailing
stop-words go (« la carte de séjour » is « carte de séjour »), its inner ones stay. Words are lower-cased except
acronyms (« CIN », « AMO », « OPM »), which keep their capitals; « cin exigée » and « CIN exigée » are counted
together and shown with the capitals someone gave them. A longer text (an old answer, an import) counts its
content words, French elisions split off.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Set

PHRASE_WORDS = 3  # an answer of at most this many words is one phrase

# l'hôpital, d'accès, qu'on: the elided article is not a word of the cloud.
_ELISION = re.compile(r"^(?:[ldjmntsc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)?", re.UNICODE)


def _is_acronym(word: str) -> bool:
    letters = [character for character in word if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def _word(token: str) -> str:
    token = token.replace("’", "'")
    return token if _is_acronym(token) else token.lower()


def words_of(text: str, stopwords: Set[str]) -> list[str]:
    """Content words of one text, lower-cased but for acronyms."""
    words = []
    for token in _TOKEN.findall(text):
        token = _ELISION.sub("", token)
        if len(token) < 2 or token.lower().replace("’", "'") in stopwords or token[0].isdigit():
            continue
        words.append(_word(token))
    return words


def phrase_of(text: str, stopwords: Set[str]) -> str | None:
    """One short answer as the phrase it counts as, or None when it is longer (or only stop-words)."""
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    tokens[0] = _ELISION.sub("", tokens[0]) or tokens[0]
    words = [_word(token) for token in tokens]
    while words and words[0].lower() in stopwords:
        words.pop(0)
    while words and words[-1].lower() in stopwords:
        words.pop()
    if not words or len(words) > PHRASE_WORDS or (len(words) == 1 and len(words[0]) < 2):
        return None
    return " ".join(words)


def word_frequencies(texts: Iterable[str], stopwords: Set[str], *, limit: int = 100) -> list[tuple[str, int]]:
    """The ``limit`` most frequent phrases (short answers) and words (longer texts), most frequent first, ties
    alphabetical so the cloud is stable."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}  # the key (case-folded) → how it is written, capitals kept where someone gave them
    for text in texts:
        phrase = phrase_of(text, stopwords)
        for item in ([phrase] if phrase is not None else words_of(text, stopwords)):
            key = item.casefold()
            counts[key] += 1
            if sum(map(str.isupper, item)) > sum(map(str.isupper, shown.get(key, ""))):
                shown[key] = item
            shown.setdefault(key, item)
    return sorted(((shown[key], count) for key, count in counts.items()), key=lambda pair: (-pair[1], pair[0].casefold()))[:limit]
