"""Typed content in several languages: the asked version, else the base text flagged as a fallback."""
from __future__ import annotations

import pytest

from workshop.domain.errors import DomainError
from workshop.domain.multilingual import checked_versions, localized, with_version


def test_the_asked_language_wins_and_a_missing_one_falls_back_visibly() -> None:
    versions = {"ar": {"prompt": "ما هي العقبات؟"}}
    assert localized("prompt", "Quels obstacles ?", versions, "ar").text == "ما هي العقبات؟"
    english = localized("prompt", "Quels obstacles ?", versions, "en")
    assert (english.text, english.language, english.fallback) == ("Quels obstacles ?", "fr", True)
    french = localized("prompt", "Quels obstacles ?", versions, "fr")
    assert french.fallback is False


def test_versions_are_cleaned_bounded_and_removed_when_empty() -> None:
    versions = with_version({}, "ar", "name", "  قاعة\u202e  ", max_length=20)
    assert versions == {"ar": {"name": "قاعة"}}
    assert with_version(versions, "ar", "name", "", max_length=20) == {}
    with pytest.raises(DomainError) as refused:
        with_version({}, "xx", "name", "x", max_length=20)
    assert refused.value.code == "unknown_language"
    with pytest.raises(DomainError) as too_long:
        with_version({}, "en", "name", "x" * 21, max_length=20)
    assert too_long.value.code == "text_too_long"


def test_checked_versions_refuse_unknown_fields_and_shapes() -> None:
    assert checked_versions({"en": {"prompt": "Which obstacles?"}}, {"prompt": 280}) == {"en": {"prompt": "Which obstacles?"}}
    for bad in ({"en": {"other": "x"}}, {"en": "x"}, ["en"]):
        with pytest.raises(DomainError):
            checked_versions(bad, {"prompt": 280})
