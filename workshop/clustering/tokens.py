"""Content tokens of an idea: one normal form for French, English and Arabic words.

Every idea goes through ``idea_tokens`` once. A token carries three things: the word as typed (for
labels), the one form two ideas are compared on (``key``), and the few forms the theme lexicon may know
it by (``forms``: French and English stems, with and without accents; Arabic with and without a clitic).
Forms are tagged with their language (``fr:``, ``en:``, ``ar:``) so that a French stem only meets French
lexicon entries: the French stem of « hiver » is the English stem of « HIV ».
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from stop_words import get_stop_words

from ..domain.text import clean_text
from . import darija

# Harakat, Quranic annotation marks and the tatweel (kashida): they decorate a word without changing it.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u066e-\u06d3]")
# Alef variants, alef maqsura, ta marbuta and hamza seats are spelled inconsistently by hand (and by
# keyboards): fold them, as every light Arabic normaliser does. Persian kaf and yeh come from some phones.
_ARABIC_LETTER_VARIANTS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ی": "ي", "ک": "ك",
})
# Article and article-with-preposition prefixes, longest first; one is removed.
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# Plural, feminine, relative and possessive endings; up to two are removed (مستشفيات → مستشفي → مستشف,
# like المستشفى), never leaving fewer than two letters. The dual -ان is left: too many nouns end so
# (ضمان, مكان, إنسان) and duals are rare in short ideas.
_ARABIC_SUFFIXES = ("ات", "ون", "ين", "ها", "هم", "يه", "ه", "ي")
# One-letter clitics (and, so, with, for, like) glued to a word without an article: وتعليم, بمستشفى.
_ARABIC_CLITICS = ("و", "ف", "ب", "ل", "ك")

_WORD = re.compile(r"[^\W_]+")
_FRENCH = snowballstemmer.stemmer("french")
_ENGLISH = snowballstemmer.stemmer("english")

# The stop-word lists are general-purpose; these entries are content words in this field and stay.
_NOT_STOP_WORDS = frozenset({
    "état", "etat", "pièce", "force", "voie", "droite", "parole",  # état civil, pièces, travail forcé, voies de recours
    "sans", "without",  # « sans papiers » qualifies a person, « papiers » alone names a topic
    "work", "home", "help", "information", "right", "need", "needs", "young", "men", "open", "old", "world",
})


def fold(word: str) -> str:
    """Lower-case ``word`` without accents or Arabic marks: ``Hôpital`` → ``hopital``."""
    word = word.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def _arabic_letters(word: str) -> str:
    return word.translate(_ARABIC_LETTER_VARIANTS)


def arabic_stem(word: str) -> str:
    """Light Arabic stem: letter variants folded, one article prefix and up to two endings removed."""
    word = _arabic_letters(_ARABIC_MARKS.sub("", word))
    for prefix in _ARABIC_ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    for _ in range(2):
        for suffix in _ARABIC_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def _stop_words(language: str) -> frozenset[str]:
    words = set()
    for word in get_stop_words(language):
        if word in _NOT_STOP_WORDS:
            continue
        words.add(word)
        words.add(fold(word))
    return frozenset(words)


_STOP_FR = _stop_words("french")
_STOP_EN = _stop_words("english")
_STOP_AR = frozenset(_arabic_letters(word) for word in (*get_stop_words("arabic"), *darija.ARABIC_STOP_WORDS))
# The English list is long (1,300 entries, « date », « work » and « la » among them), so it is applied
# to ideas written in English only, and English is told by these function words, none of them French.
_ENGLISH_MARKERS = frozenset(
    "the and of in to for with is are be should from by at their our we they this that it not no all when "
    "because into can must will have has who which there these those more most so any than its was were "
    "been would could about after before between over under without through against only other such "
    "each every them his her your my you he she what how why where do does".split()
)
# French stop-words that are also English words tell nothing.
_FRENCH_MARKERS = _STOP_FR - _ENGLISH_MARKERS - {
    "a", "as", "on", "or", "me", "mine", "plus", "point", "via", "versus", "vs", "circa", "sub", "ie", "im", "ai", "ca"}
_STOP_FR_EN = _STOP_FR | _STOP_EN
_STOP_FR_DZ = _STOP_FR | darija.STOP_WORDS


@dataclass(frozen=True, slots=True)
class Token:
    """One content word of an idea."""

    surface: str              # as typed, lower-cased: what a label shows
    key: str                  # the form two ideas are compared on
    forms: tuple[str, ...]    # the language-tagged forms the lexicon may know it by, and "=word" as typed


@lru_cache(maxsize=65536)
def latin_token(word: str, language: str) -> Token:
    """A lower-cased Latin-script word of an idea in ``language`` (``fr``, ``en``, ``dz`` for Darija, or ``?``).

    Snowball's French stemmer needs the accents (``sécurité`` → ``sécur``), while participants often
    type without them (``securite`` → ``securit``): both stems are kept, accents folded, so the lexicon
    matches either spelling. The lexicon sees the French stems of a French idea, the English stem of an
    English one, and both when the idea has no function word to tell (« Legal aid »): otherwise
    « courte » would meet the English entry « court ». A Darija idea's words (and any word spelled with
    digits) also get their Darija skeletons (darija.py), and are compared on them: « lwra9 » is « lwraq ».
    """
    folded = fold(word)
    french = list(dict.fromkeys((fold(_FRENCH.stemWord(word)), _FRENCH.stemWord(folded))))
    english = fold(_ENGLISH.stemWord(folded))
    darija_forms = darija.latin_forms(folded) if language == "dz" or darija.is_darija_word(folded) else ()
    forms = [*(("fr:" + stem for stem in french) if language != "en" else ()),
             *(("en:" + english,) if language not in ("fr", "dz") else ()),
             *("dz:" + form for form in darija_forms), "=" + folded]
    if darija_forms:
        key = darija.skeleton(folded)
    else:
        key = english if language == "en" else french[0]
    return Token(surface=word, key=key, forms=tuple(forms))


@lru_cache(maxsize=65536)
def arabic_token(word: str) -> Token:
    """An Arabic word; its key is its light stem, its forms add the stem without a one-letter clitic, and the
    word as written (``=``) for the lexicon's few exact entries (الكرا, rent, stems like الكراهية, hatred)."""
    stem = arabic_stem(word)
    letters = _arabic_letters(word)
    forms = [stem]
    if letters.startswith(_ARABIC_CLITICS) and not letters.startswith("ال") and len(letters) >= 4:
        forms.append(arabic_stem(letters[1:]))
    return Token(surface=word, key=stem, forms=(*("ar:" + form for form in dict.fromkeys(forms)),
                                                  *dict.fromkeys(("=" + fold(word), "=" + letters))))


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, Arabic marks removed; apostrophes and hyphens split words."""
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", clean_text(text)).casefold())
    return _WORD.findall(text)


def guess_language(raw_words: list[str]) -> str:
    """``ar``, ``en``, ``fr``, ``dz`` (Darija in Latin script), or ``?`` when nothing tells, from script and
    function words."""
    arabic = sum(1 for word in raw_words if _ARABIC_LETTERS.match(word))
    if arabic * 2 > len(raw_words) and arabic:
        return "ar"
    english = sum(1 for word in raw_words if word in _ENGLISH_MARKERS)
    french = sum(1 for word in raw_words if word in _FRENCH_MARKERS)
    # Darija when its words outnumber the French and English function words that Darija does not also write
    # (« ma » is French « my » and Darija's negation): « réunion du G7 » stays French.
    darija_words = sum(1 for word in raw_words if darija.is_darija_word(word))
    shared = sum(1 for word in raw_words if word in _FRENCH_MARKERS and word in darija.STOP_WORDS)
    if darija_words > english + french - shared:
        return "dz"
    if english == french == 0:
        return "?"
    return "en" if english > french else "fr"


def idea_tokens(text: str, language: str | None = None) -> tuple[str, list[Token]]:
    """The language of ``text`` (guessed unless given) and its content tokens in order, stop-words left out."""
    raw_words = words(text)
    language = language or guess_language(raw_words)
    latin_stop = _STOP_FR_EN if language == "en" else _STOP_FR_DZ if language == "dz" else _STOP_FR
    tokens = []
    for word in raw_words:
        if _ARABIC_LETTERS.match(word):
            if _arabic_letters(word) not in _STOP_AR:
                tokens.append(arabic_token(word))
        elif word not in latin_stop and len(word) >= 2:
            tokens.append(latin_token(word, language))
    return language, tokens
