"""Every user-visible string is translatable, and French (the default) and Arabic are complete."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "workshop" / "translations"
COMPLETE_LANGUAGES = ("fr", "ar")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The msgids found in the code today, extracted afresh (not the committed template, which may be stale)."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run([str(pybabel), "extract", "-F", str(TRANSLATIONS / "babel.cfg"), "-k", "_l",
                    "-k", "lazy_gettext", "-k", "_n:1,2", "-k", "N_", "-k", "lazy_pgettext:1c,2", "-o", str(pot), "."], cwd=ROOT, check=True, timeout=120, capture_output=True)
    with pot.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_catalog_translates_every_string(extracted: set[str], language: str) -> None:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    translated = {message.id for message in catalog if message.id and message.string and not message.fuzzy}
    missing = sorted(str(message_id) for message_id in extracted - translated)
    assert missing == [], f"{len(missing)} strings untranslated in {language}"


def test_extraction_finds_the_strings_of_code_templates_and_scripts(extracted: set[str]) -> None:
    assert "This activity is not open right now." in extracted  # an error message (Python)
    assert "Join a workshop" in extracted  # a page title (template)
    assert "Sent" in extracted  # a string shown by a page module (client_strings.py)


def test_pages_carry_language_and_direction(app) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    french = client.get("/").get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in french and "Rejoindre un atelier" in french
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic
    english = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in english and "Join a workshop" in english


PLACEHOLDER = re.compile(r"%\((\w+)\)")


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", COMPLETE_LANGUAGES)
def test_translations_keep_the_placeholders_of_their_msgid(language: str) -> None:
    """``%(name)s`` is filled from the code's parameters: a renamed, dropped or invented name breaks the sentence."""
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, (tuple, list)):  # ngettext: a form may leave out the number ("one idea")
            expected = set().union(*(_placeholders(part) for part in message.id))
            forms = [_placeholders(form) for form in message.string if form]
            if any(not form <= expected for form in forms) or (forms and set().union(*forms) != expected):
                wrong.append(f"{message.id!r} → {message.string!r}")
        elif _placeholders(message.string) != _placeholders(message.id):
            wrong.append(f"{message.id!r} → {message.string!r}")
    assert wrong == [], f"placeholders changed in {language}: {wrong}"


def test_every_error_code_raised_has_a_message() -> None:
    import re

    from workshop.i18n import ERROR_MESSAGES

    raised = set()
    for path in (ROOT / "workshop").rglob("*.py"):
        raised.update(re.findall(r'DomainError\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
        raised.update(re.findall(r'_refuse\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert raised - set(ERROR_MESSAGES) == set()


def test_error_messages_use_plurals_and_readable_values(app) -> None:  # type: ignore[no-untyped-def]
    from workshop.i18n import error_message

    with app.app_context():
        assert error_message("too_many_words", {"max_words": 1}, "en") == "Answer in 1 word."
        assert error_message("too_many_words", {"max_words": 3}, "en") == "Answer in 3 words at most."
        assert error_message("phase_not_allowed", {"current": "draft", "target": "revealed"}, "en") == (
            "This activity cannot go from “in preparation” to “revealed”.")


def test_plural_messages_with_more_than_one_value(app) -> None:  # type: ignore[no-untyped-def]
    from workshop.i18n import error_message

    with app.app_context():
        assert error_message("over_budget", {"budget": 5, "total": 6}, "en") == "You have 5 points; this ballot spends 6."
        assert error_message("over_budget", {"budget": 1, "total": 2}, "en") == "You have 1 point; this ballot spends 2."
