"""What the restitution deck shows and leaves out: a word cloud as its picture, a summary of about 25 slides for a
national meeting (every slide when asked), each axe with its status, the restitution named as such, a closing slide
for decisions and next steps, and labels cut at a word with an ellipsis."""
from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pptx import Presentation

from workshop.exports.deck import render_deck
from workshop.exports.labels import all_labels
from workshop.exports.report import ClusterCards, RoomReport, Table
from workshop.exports.typography import ELLIPSIS, ellipsized_prefix, shortened

from .sample_reports import french_report, participants
from .test_deck import long_texts_report

LABELS = all_labels()


def opened(report, **options):  # type: ignore[no-untyped-def]
    return Presentation(io.BytesIO(render_deck(report, **options)))


def titles(deck) -> list[str]:  # type: ignore[no-untyped-def]
    return [slide.shapes.title.text_frame.text if slide.shapes.title is not None else "" for slide in deck.slides]


def shape_names(slide) -> set[str]:  # type: ignore[no-untyped-def]
    return {shape.name for shape in slide.shapes}


def texts(deck) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                found.append(shape.text_frame.text)
            if shape.has_table:
                found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def national_meeting():  # type: ignore[no-untyped-def]
    """The sample meeting with a restitution room that voted on the axes."""
    report = french_report()
    restitution = RoomReport("Restitution", "RST346", "restitution", participants(60), (),
                             priorities=Table(("Rang", "Axe", "Points"), (("1", "A1 Accès aux soins", "120"),
                                                                        ("2", "A2 Cartes de séjour", "80")), (0, 2)))
    return replace(report, rooms=(*report.rooms, restitution))


def test_the_meeting_summary_keeps_to_about_25_slides_and_the_full_set_has_everything() -> None:
    report = national_meeting()
    summary, full = opened(report, full=False), opened(report)
    assert len(summary.slides) <= 25 < len(full.slides)
    prompt = report.rooms[1].activities[0].prompt  # the brainstorm's idea wall
    assert not any("Idea" in shape_names(slide) for slide, title in zip(summary.slides, titles(summary))
                   if title == prompt)
    assert any("Idea" in shape_names(slide) for slide, title in zip(full.slides, titles(full)) if title == prompt)
    assert LABELS["deck_power_interest"] not in texts(summary)  # the power/interest grids' sublines
    assert LABELS["deck_power_interest"] in texts(full)
    # The brainstorm is still there in the summary: its clusters and how many ideas each gathered.
    brainstorm = report.rooms[1].activities[0]
    shown = texts(summary)
    for cluster in brainstorm.clusters:
        assert cluster.label in shown
    # Every axe still has its slide.
    for axis in report.strategy.axes:
        assert f"{axis.code} · {axis.title}" in titles(summary)


def test_a_word_cloud_is_shown_as_its_picture_never_as_a_wall_of_raw_answers() -> None:
    report = french_report()
    plenary = report.rooms[0]
    cloud = replace(plenary.activities[0], clusters=(ClusterCards("", ("droits", "santé", "papiers", "école")),))
    report = replace(report, rooms=(replace(plenary, activities=(cloud,)),), strategy=None, comparison=None)
    deck = opened(report)
    slides = [slide for slide, title in zip(deck.slides, titles(deck)) if title == cloud.prompt]
    assert len(slides) == 1
    assert "Word cloud" in shape_names(slides[0]) and "Idea" not in shape_names(slides[0])


def test_axe_slides_show_their_status() -> None:
    report = french_report()
    deck = opened(report)
    for axis in report.strategy.axes:
        slide = next(slide for slide, title in zip(deck.slides, titles(deck)) if title == f"{axis.code} · {axis.title}")
        sublines = [shape.text_frame.text for shape in slide.shapes if shape.name == "Subline"]
        assert sublines and sublines[0].startswith(axis.status)


def test_the_restitution_is_not_called_a_workshops_priorities() -> None:
    deck = opened(national_meeting())
    kickers = {title: [shape.text_frame.text for shape in slide.shapes if shape.name == "Kicker"]
               for slide, title in zip(deck.slides, titles(deck))}
    assert kickers[LABELS["deck_restitution_priorities"]] == ["Restitution"]
    assert ["Restitution"] not in [kicker for title, kicker in kickers.items() if title == LABELS["deck_room_priorities"]]


@pytest.mark.parametrize("steps", [(), ("Consolider les comptes rendus (15 décembre)",)])
def test_the_deck_closes_on_decisions_and_next_steps(steps: tuple[str, ...]) -> None:
    deck = opened(replace(french_report(), next_steps=steps))
    assert titles(deck)[-1] == LABELS["deck_decisions_next_steps"]
    last = " ".join(texts(deck)[-20:])
    if steps:
        assert steps[0] in last
    else:
        assert LABELS["to_complete"] in last and LABELS["deck_hint_next_steps"] in last


def test_cut_texts_end_with_an_ellipsis_after_a_whole_word() -> None:
    report = long_texts_report()
    words = set(re.findall(r"\w+", "Une phrase beaucoup trop longue pour tenir sur une diapositive, répétée sans fin."))
    deck = opened(report)
    cut = [text for text in texts(deck) if text.endswith(ELLIPSIS)]
    assert len(cut) > 20
    for text in cut:
        last = re.findall(r"\w+", text[:-1])
        assert last and last[-1] in words | {str(n) for n in range(100)} | set(re.findall(r"\w+", " ".join(LABELS.values()))), text
    categories = [category for slide in deck.slides for shape in slide.shapes if shape.has_chart
                  for category in shape.chart.plots[0].categories]
    assert any(category.endswith(ELLIPSIS) for category in categories)
    for category in categories:
        if category.endswith(ELLIPSIS):
            assert re.findall(r"\w+", category[:-1])[-1] in words, category


def test_shortening_keeps_whole_words() -> None:
    assert shortened("Accès aux soins pour toutes et tous", 20) == "Accès aux soins…"
    assert shortened("Accès", 20) == "Accès"
    assert shortened("x" * 30, 10) == "x" * 9 + ELLIPSIS  # one word longer than the room: cut, still marked
    assert ellipsized_prefix("Carte de séjour trop chère", lambda text: len(text) <= 18) == "Carte de séjour…"


def test_the_arabic_deck_holds_latin_texts_and_numbers_in_their_order() -> None:
    from workshop.exports.typography import LRM

    from .sample_reports import arabic_report
    deck = opened(arabic_report())
    shown = texts(deck)
    # A French name inside the Arabic deck, and a score, keep their own order: marked at both ends.
    assert any(text.startswith(LRM) and text.endswith(LRM) and "Accès aux soins" in text for text in shown)
    assert f"{LRM}82.5{LRM}" in shown
