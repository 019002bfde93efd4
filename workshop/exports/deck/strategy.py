"""The strategy on slides: its section, the table of scores with the method, then per axe its message, objective,
parent and asks, and the power/interest grid of its actors."""
from __future__ import annotations

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR

from ..report import AxisReport, StrategyReport, Table
from .charts import ChartSlides
from .fitting import Para
from .layout import (BODY_BOTTOM, BODY_HEIGHT, BODY_TOP, CONTENT_WIDTH, GAP, MARGIN, MUTED, PANEL, TEXT_COLOUR,
                     TITLE_COLOUR, Colour, inches)
from .tables import has_rows


class StrategySlides(ChartSlides):

    def strategy(self, strategy: StrategyReport) -> None:
        paragraphs = []
        if strategy.region:
            paragraphs.append(Para(strategy.region, bold=True))
        if strategy.parent_title:
            paragraphs.append(Para(self.pair("deck_declines", strategy.parent_title), scale=0.85, space_before=0.4))
        if strategy.vision:
            paragraphs.append(Para(strategy.vision, scale=1.0, space_before=0.8))
        self.section(strategy.title, paragraphs)
        if has_rows(strategy.scores):
            method_height = inches(0.9) if strategy.method else 0
            pages = self.table_pages(strategy.scores, CONTENT_WIDTH, BODY_HEIGHT - method_height)
            for number, rows in enumerate(pages, start=1):
                subline = f"{number}/{len(pages)}" if len(pages) > 1 else ""
                slide = self.slide(self.label("deck_priority_axes"), kicker=strategy.title, subline=subline)
                self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, strategy.scores, rows, BODY_HEIGHT - method_height)
                if strategy.method and number == len(pages):
                    self.text_box(slide, MARGIN, BODY_BOTTOM - method_height, CONTENT_WIDTH, method_height,
                                  [Para(f"{self.label('deck_method')} — {strategy.method}")], max_size=13, min_size=10,
                                  colour=MUTED, anchor=MSO_ANCHOR.BOTTOM)
        for axis in strategy.axes:
            self.axis(strategy, axis)

    def asks_continued(self, strategy: StrategyReport, title: str, asks: Table) -> None:
        height = BODY_HEIGHT - inches(0.5)
        for rows in self.table_pages(asks, CONTENT_WIDTH, height):
            slide = self.slide(title, kicker=strategy.title, subline=self.label("deck_continued"))
            self.text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, inches(0.45), self.label("block_asks"), max_size=16,
                          min_size=12, bold=True, colour=MSO_THEME_COLOR.ACCENT_1, max_lines=1)
            self.table(slide, MARGIN, BODY_TOP + inches(0.5), CONTENT_WIDTH, asks, rows, height)

    def axis(self, strategy: StrategyReport, axis: AxisReport) -> None:
        title = f"{axis.code} · {axis.title}" if axis.code else axis.title
        facts = [axis.status] if axis.status else []
        facts.append(f"{self.label('rank')} {axis.rank}")
        if axis.score is not None:
            facts.append(f"{self.label('score')} {self.number(axis.score)}")
        if axis.agreement:
            facts.append(self.pair("agreement", axis.agreement))
        if axis.votes is not None:
            facts.append(f"{self.label('votes')} {axis.votes}")
        subline = " · ".join(facts)
        left_paragraphs: list[Para] = []
        if axis.central_message:
            left_paragraphs += [Para(self.label("central_message"), scale=0.75, bold=True),
                                Para(self.formatted("deck_quote", text=axis.central_message), scale=1.15, bold=True,
                                     space_before=0.2)]
        if axis.change_objective:
            left_paragraphs += [Para(self.label("change_objective"), scale=0.75, bold=True, space_before=1.0),
                                Para(axis.change_objective, space_before=0.2)]
        if axis.parent_code or axis.parent_title:
            parent = " ".join(part for part in (axis.parent_code, axis.parent_title) if part)
            disposition = f" — {axis.disposition}" if axis.disposition else ""
            left_paragraphs += [Para(self.label("deck_parent_axis"), scale=0.75, bold=True, space_before=1.0),
                                Para(f"{parent}{disposition}", space_before=0.2)]
            if axis.parent_summary:
                left_paragraphs.append(Para(axis.parent_summary, scale=0.85, space_before=0.2))
        if left_paragraphs or axis.asks:
            slide = self.slide(title, kicker=strategy.title, subline=subline)
            asks = Table((self.label("measure"), self.label("decision_maker"), self.label("instrument"),
                          self.label("level")), tuple(axis.asks)) if axis.asks else None
            left_width = inches(5.6) if asks else CONTENT_WIDTH
            if left_paragraphs:
                colours: list[Colour] = [MSO_THEME_COLOR.ACCENT_1 if paragraph.scale == 0.75 else
                                         (TITLE_COLOUR if paragraph.scale > 1 else TEXT_COLOUR)
                                         for paragraph in left_paragraphs]
                panel = self.rectangle(slide, MARGIN, BODY_TOP, left_width, BODY_HEIGHT, PANEL,
                                       shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
                panel.name = "Panel"
                inset = inches(0.15)
                self.text_box(slide, MARGIN + inset, BODY_TOP + inset, left_width - 2 * inset, BODY_HEIGHT - 2 * inset,
                              left_paragraphs, max_size=18, min_size=11, colours=colours)
            if asks:
                left = MARGIN + left_width + GAP if left_paragraphs else MARGIN
                width = CONTENT_WIDTH - left_width - GAP if left_paragraphs else CONTENT_WIDTH
                self.text_box(slide, left, BODY_TOP, width, inches(0.45), self.label("block_asks"), max_size=16,
                              min_size=12, bold=True, colour=MSO_THEME_COLOR.ACCENT_1, max_lines=1)
                first = self.table_pages(asks, width, BODY_HEIGHT - inches(0.5))[0]
                self.table(slide, left, BODY_TOP + inches(0.5), width, asks, first)
                if first.end < len(asks.rows):  # the rest continues on slides of their own, never dropped
                    self.asks_continued(strategy, title, Table(asks.headers, asks.rows[first.end:]))
        if axis.actors and self.full:  # the summary leaves the grids to the SNI and the full deck
            slide = self.slide(title, kicker=strategy.title, subline=self.label("deck_power_interest"))
            self.power_grid(slide, axis.actors)
