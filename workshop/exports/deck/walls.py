"""The idea wall on slides: one cluster per column of cards (a long one goes on in the next column), over as few
slides as fit; every idea whole in the speaker notes."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR

from ..report import ClusterCards
from ..typography import clean_text
from .fitting import Fit, Para, box_height_for, fit_paragraphs, fit_text
from .layout import (ACCENTS, BODY_BOTTOM, BODY_HEIGHT, BODY_TOP, CONTENT_WIDTH, GAP, MARGIN, MUTED, WHITE, inches)
from .slides import SlideWriter

MAX_WALL_SLIDES = 8  # per activity: beyond, the deck points to the spreadsheet (a wall of 2,000 ideas is no slide)


@dataclass(frozen=True)
class WallColumn:
    colour_index: int
    label: str
    continued: bool
    cards: tuple[Fit, ...]
    ideas: tuple[str, ...]  # the ideas as written, for the speaker notes (a card may show them cut)
    left_out: int = 0  # ideas that did not fit on the last slide allowed (see MAX_WALL_SLIDES)


@dataclass(frozen=True)
class Wall:
    width: int
    size: float
    pages: list[list[WallColumn]]


class WallSlides(SlideWriter):

    WALL_COLUMNS = 4
    CARD_SIZES = (18.0, 16.0, 14.0, 12.0)  # the largest that puts a small wall on one slide; 12 pt beyond
    CARD_LINES = 4
    HEADER_HEIGHT = inches(0.62)
    CARD_GAP = inches(0.1)

    def wall_layout(self, clusters: Sequence[ClusterCards]) -> Wall:
        """Columns of cards, one cluster per column (a long one goes on in the next), over as few slides as fit."""
        filled = [cluster for cluster in clusters if cluster.ideas]
        total = sum(len(cluster.ideas) for cluster in filled)
        columns = min(self.WALL_COLUMNS, max(len(filled), math.ceil(total / 6), 1))
        width = min(inches(3.9), (CONTENT_WIDTH - (columns - 1) * GAP) // columns)
        for size in self.CARD_SIZES:
            pages = self._wall_pages(clusters, columns, width, size)
            if len(pages) == 1 or size == self.CARD_SIZES[-1]:
                return Wall(width, size, pages)
        raise AssertionError("unreachable")

    def _wall_pages(self, clusters: Sequence[ClusterCards], columns: int, width: int,
                    size: float) -> list[list[WallColumn]]:
        space = BODY_HEIGHT - self.HEADER_HEIGHT - self.CARD_GAP
        pages: list[list[WallColumn]] = [[]]
        total = sum(len(cluster.ideas) for cluster in clusters)

        def close(column: WallColumn) -> None:
            if len(pages[-1]) == columns:
                pages.append([])
            pages[-1].append(column)

        for index, cluster in enumerate(clusters):
            if not cluster.ideas:
                continue
            cards: list[Fit] = []
            ideas: list[str] = []
            used, continued = 0, False
            for idea in cluster.ideas:
                fit = fit_text(idea, width, inches(3), max_size=size, min_size=size, max_lines=self.CARD_LINES)
                height = box_height_for([fit]) + self.CARD_GAP
                if cards and used + height > space:
                    close(WallColumn(index, cluster.label, continued, tuple(cards), tuple(ideas)))
                    cards, ideas, used, continued = [], [], 0, True
                    if len(pages) > MAX_WALL_SLIDES:
                        break
                cards.append(fit)
                ideas.append(idea)
                used += height
            if len(pages) > MAX_WALL_SLIDES:
                break
            close(WallColumn(index, cluster.label, continued, tuple(cards), tuple(ideas)))
        pages = [page for page in pages[:MAX_WALL_SLIDES] if page]
        shown = sum(len(column.cards) for page in pages for column in page)
        if shown < total:
            last = pages[-1][-1]
            pages[-1][-1] = replace(last, left_out=total - shown)
        return pages

    def wall(self, slide, columns: Sequence[WallColumn], width: int) -> None:  # type: ignore[no-untyped-def]
        """One slide of a wall: the same column width on every slide, centred when a slide has fewer columns."""
        count = len(columns)
        first = MARGIN + (CONTENT_WIDTH - (count * width + (count - 1) * GAP)) // 2
        for position, column in enumerate(columns):
            colour = ACCENTS[column.colour_index % len(ACCENTS)]
            left = first + position * (width + GAP)
            header = self.rectangle(slide, left, BODY_TOP, width, self.HEADER_HEIGHT, colour,
                                    shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
            header.name = "Cluster"
            title = column.label or self.label("unclustered")
            if column.continued:
                title = f"{title} ({self.label('deck_continued')})"
            paragraphs = [Para(title, bold=True)]
            fits = fit_paragraphs(paragraphs, width, self.HEADER_HEIGHT, max_size=15, min_size=10, max_lines=2)
            self.write(header.text_frame, fits, paragraphs, colour=WHITE, anchor=MSO_ANCHOR.MIDDLE)
            top = BODY_TOP + self.HEADER_HEIGHT + self.CARD_GAP
            for fit in column.cards:
                height = box_height_for([fit])
                card = self.rectangle(slide, left, top, width, height, colour, brightness=0.9,
                                      shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
                card.name = "Idea"
                self.write(card.text_frame, [fit], [Para(fit.text)], anchor=MSO_ANCHOR.MIDDLE)
                top += height + self.CARD_GAP
            if column.left_out:
                note = f"{self.label('deck_more_in_spreadsheet')} {column.left_out}"
                self.text_box(slide, left, min(top, BODY_BOTTOM - inches(0.4)), width, inches(0.4), note,
                              max_size=11, min_size=9, colour=MUTED, max_lines=1, bold=True)
        # The speaker notes hold every idea of the slide whole, for the moderator who reads one out.
        notes = [f"{column.label or self.label('unclustered')}\n" + "\n".join(f"• {clean_text(idea)[:2000]}"
                                                                           for idea in column.ideas)
                 for column in columns]
        slide.notes_slide.notes_text_frame.text = "\n\n".join(notes)
