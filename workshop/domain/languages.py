"""The languages of the product, declared once: French first, English, Arabic right to left.

The pages get this list in their data island; the command line, the download page, the exports and the
clustering engine read it from here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, as the language menus show it
    direction: str  # "ltr" | "rtl"
    locale: str  # BCP 47 tag for dates and numbers in the browser (Moroccan Arabic conventions for Arabic)
    decimal: str  # French and Moroccan usage write 82,5; English writes 82.5


LANGUAGES: dict[str, Language] = {language.code: language for language in (
    Language("fr", "Français", "ltr", "fr", ","),
    Language("en", "English", "ltr", "en", "."),
    Language("ar", "العربية", "rtl", "ar-MA", ","),
)}
LANGUAGE_CODES = tuple(LANGUAGES)
DEFAULT_LANGUAGE = "fr"
RTL_LANGUAGES = frozenset(code for code, language in LANGUAGES.items() if language.direction == "rtl")


def text_direction(language: str) -> str:
    return LANGUAGES[language].direction if language in LANGUAGES else "ltr"


def decimal_number(text: str, language: str) -> str:
    """A number written with a dot, as the language writes it (84,7 in French and Arabic)."""
    separator = LANGUAGES[language].decimal if language in LANGUAGES else "."
    return text.replace(".", separator)


def page_languages() -> list[dict[str, str]]:
    """What a page's data island carries about the languages."""
    return [{"code": language.code, "name": language.name, "dir": language.direction, "locale": language.locale}
            for language in LANGUAGES.values()]
