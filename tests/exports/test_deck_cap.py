"""The meeting's summary deck keeps to 25 slides and says what it left out (issue 8 §7); the full set has it all."""
from __future__ import annotations

import io

import pytest
from pptx import Presentation

from workshop.exports.deck.summary import (ALWAYS, CLUSTER_RECAP, ORGANISATION_VIEW, REGION_VIEW, TABLE_CONTINUED,
                                           Page, left_out)
from workshop.services.files import export_event_file

from .meeting import build_meeting
from .rendering import page_count, pdf_text, to_pdf


def identity(text: str) -> str:
    return text


def page(level: int = ALWAYS, block: int = 0) -> Page:
    return Page(lambda slide: None, level=level, block=block)


def test_pages_are_left_out_least_needed_first_from_the_end_and_blocks_whole() -> None:
    first = [page(), page(ORGANISATION_VIEW, 2), page(REGION_VIEW, 3), page(REGION_VIEW, 3)]
    second = [page(), page(TABLE_CONTINUED, 1), page(REGION_VIEW, 3), page(CLUSTER_RECAP, 4)]
    assert left_out([first, second], other_slides=17) == set()  # 25 slides: nothing to leave out
    # 26, and the « left out » slide makes 27: the last region view goes (one page), then the first workshop's
    # region view, whole (its two pages), never half of it.
    assert left_out([first, second], other_slides=18) == {(1, 2), (0, 2), (0, 3)}
    # Region views, then the clusters recap, then the organisation view, then further table pages.
    assert left_out([first, second], other_slides=20) == {(1, 2), (0, 2), (0, 3), (1, 3)}
    assert left_out([first, second], other_slides=21) == {(1, 2), (0, 2), (0, 3), (1, 3), (0, 1)}
    # Never the first pages: past what may go, the deck is longer than the cap.
    assert left_out([first, second], other_slides=40) == {(0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3)}


def pdf_reading_text_of(pdf, page: int) -> str:  # type: ignore[no-untyped-def]
    return " ".join(pdf_text(pdf, first=page, last=page).split())


def slide_titles(deck) -> list[str]:  # type: ignore[no-untyped-def]
    return [slide.shapes.title.text_frame.text if slide.shapes.title is not None else "" for slide in deck.slides]


def slide_texts(slide) -> str:  # type: ignore[no-untyped-def]
    return " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_national_meetings_summary_keeps_to_25_slides_and_names_what_it_left_out(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, restitution=True)
    decks = {}
    for document in ("deck", "deck-full"):
        path = tmp_path / f"{document}.pptx"
        path.write_bytes(export_event_file(ctx, meeting.event_id, document, language="fr", translate=identity).content)
        decks[document] = (Presentation(io.BytesIO(path.read_bytes())), path)
    summary, full = decks["deck"][0], decks["deck-full"][0]
    titles = slide_titles(summary)
    # Planned, the summary had 26 slides; with the « left out » slide 27: two one-page region views go.
    assert len(full.slides) > 25 and len(summary.slides) == 25
    # The « left out » slide comes just before the closing one, and names each page it left out by its question.
    assert titles[-2:] == ["Left out of this summary", "Decisions and next steps"]
    named = slide_texts(summary.slides[-2])
    assert "2 slides, all in the full deck and in the documents" in named
    assert ("By region\n« Priorités ? » (Atelier santé) · « Quels axes d'abord ? » (Restitution)") in named
    # What it names is not in the summary and is in the full deck: the restitution's results by region.
    def region_views(deck) -> list[str]:  # type: ignore[no-untyped-def]
        return [title for title, slide in zip(slide_titles(deck), deck.slides)
                if "By region" in slide_texts(slide) and title == "Quels axes d'abord ?"]
    assert region_views(full) and not region_views(summary)
    # Every slide's number is its place, although the summary draws its closing parts first.
    for number, slide in enumerate(summary.slides, start=1):
        numbers = [shape.text_frame.text for shape in slide.shapes if shape.name == "Slide number"]
        assert numbers in ([], [str(number)]), (number, numbers)
    assert titles[0] == "Rencontre nationale SNI" and "The workshops side by side" in titles
    assert titles.index("The workshops side by side") < titles.index("Left out of this summary")
    # LibreOffice shows the same: as many pages, the « left out » slide readable, the numbers in order.
    pdf = to_pdf(decks["deck"][1])
    assert page_count(pdf) == 25
    last_but_one = pdf_reading_text_of(pdf, 24)
    assert "Left out of this summary" in last_but_one and "2 slides, all in the full deck" in last_but_one
    assert last_but_one.split()[-1] == "24"  # the slide's number, in its footer
