"""Text as every export writes it (exports/typography.py): cleaning, ellipsis, direction."""
from __future__ import annotations

from workshop.exports.typography import (ELLIPSIS, LRM, bidi_safe, clean_text, ellipsized_line, ellipsized_prefix,
                                         text_width)


# Moved from test_data.py (the spreadsheets' cleaning) and test_documents.py (Word's): one function cleans for both.
def test_clean_text_drops_what_xml_cannot_hold() -> None:
    assert clean_text("a\x00b\x07c\x0bd\x0ce\ufffef") == "abc\nd\ne" + "f"
    assert clean_text("tab\tand\nline") == "tab\tand\nline"


def test_clean_keeps_plain_text_and_drops_what_xml_cannot_hold() -> None:
    assert clean_text("a\x00b\x07c\x1fd\ufffe") == "abcd"
    assert clean_text("ligne 1\r\nligne 2\x0bligne 3\tfin") == "ligne 1\nligne 2\nligne 3\tfin"
    assert clean_text("<w:t>&amp;</w:t>") == "<w:t>&amp;</w:t>"


def test_a_line_is_cut_between_words_and_loses_its_trailing_punctuation() -> None:
    def fits(text: str) -> bool:
        return text_width(text, 12) <= text_width("Accès aux soins dans", 12)

    assert ellipsized_line("Accès aux soins dans les hôpitaux publics", fits) == "Accès aux soins" + ELLIPSIS
    assert ellipsized_line("Santé, éducation", lambda text: len(text) <= 8) == "Santé" + ELLIPSIS


def test_a_label_keeps_its_longest_beginning_of_whole_words_that_fits() -> None:
    assert ellipsized_prefix("Papiers", lambda text: len(text) <= 10) == "Papiers"
    assert ellipsized_prefix("Papiers et séjour", lambda text: len(text) <= 10) == "Papiers" + ELLIPSIS  # never "e…"
    assert ellipsized_prefix("Régularisation", lambda text: len(text) <= 10) == "Régularis" + ELLIPSIS


def test_latin_text_in_a_right_to_left_paragraph_keeps_its_order() -> None:
    assert bidi_safe("5 idées ?") == f"{LRM}5 idées ?{LRM}"
    assert bidi_safe("الصحة") == "الصحة"


def test_latin_stretches_inside_arabic_keep_their_counts_and_brackets() -> None:
    from workshop.exports.typography import bidi_safe

    assert bidi_safe("الجهة Casablanca-Settat (10) والرباط") == f"الجهة Casablanca-Settat (10){LRM} والرباط"
    assert bidi_safe("المحور A1 Accès aux soins") == f"المحور A1 Accès aux soins{LRM}"
    assert bidi_safe("الصحة (9)") == "الصحة (9)"  # all Arabic: nothing to hold


def test_arabic_lists_use_the_arabic_comma() -> None:
    from workshop.exports.typography import listed

    assert listed(["A1", "A2"], "ar") == "A1، A2"
    assert listed(["A1", "A2"], "fr") == "A1, A2"
