import pytest

from workshop.domain.errors import DomainError
from workshop.domain.text import checked_text, clean_text, word_count


def test_nfc_normalization() -> None:
    decomposed = "acce\u0300s"  # "accès" typed with a combining grave accent
    assert clean_text(decomposed) == "accès"
    assert len(clean_text(decomposed)) == 5


def test_control_and_bidi_override_characters_are_removed() -> None:
    assert clean_text("ab\u202ecd\u2066e\u0000f\u0007") == "abcdef"


def test_arabic_text_is_kept_intact() -> None:
    assert clean_text("  الحق في الصحة  ") == "الحق في الصحة"


def test_white_space_is_folded() -> None:
    assert clean_text("un\n\n  deux\tTrois ") == "un deux Trois"


def test_empty_after_cleaning_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        checked_text(" \u202e\n ", max_length=10)
    assert refused.value.code == "text_empty"


def test_length_counts_characters_after_cleaning() -> None:
    assert checked_text("é" * 10, max_length=10) == "é" * 10
    with pytest.raises(DomainError) as refused:
        checked_text("é" * 11, max_length=10)
    assert refused.value.params == {"field": "text", "max_length": 10, "length": 11}


@pytest.mark.parametrize("value", [None, 12, ["a"], {"text": "a"}, b"bytes"])
def test_non_strings_are_refused(value: object) -> None:
    with pytest.raises(DomainError) as refused:
        clean_text(value)
    assert refused.value.code == "invalid_type"


def test_html_is_kept_as_plain_text() -> None:
    # Nothing is stripped or escaped here: pages render text with textContent, so markup stays inert.
    assert clean_text("<b>santé</b>") == "<b>santé</b>"


def test_word_count() -> None:
    assert word_count("accès aux soins") == 3
    assert word_count("l'hôpital") == 1
    assert word_count("الصحة للجميع") == 2


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u3164", "\u115f", "\u2800", "\u200d",
                                       "\u200b\u3164 \ufeff"])
def test_text_of_invisible_characters_only_is_empty(invisible: str) -> None:
    with pytest.raises(DomainError) as refused:
        checked_text(invisible * 3, max_length=100)
    assert refused.value.code == "text_empty"


def test_invisible_characters_are_stripped_at_the_ends_only() -> None:
    assert clean_text("\u200bidea\u200b\ufeff") == "idea"
    assert clean_text("\u3164 idée \u2060") == "idée"
    assert clean_text("a\u200db") == "a\u200db"  # inside a word a joiner may matter (emoji, Persian): kept
