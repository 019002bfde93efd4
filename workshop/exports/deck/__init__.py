"""The restitution deck: a 16:9 PowerPoint file the moderator projects the afternoon of the meeting.

Built on the committed template (assets/deck_template.pptx: theme colours, layouts with title placeholders), with
native charts, tables and shapes that stay editable. Every text is fitted before it is written: wrapped with the
committed DejaVu Sans metrics, shrunk down to a floor, then cut with "…", so nothing runs off its box. The deck
names DejaVu Sans, the font it measured with; where it is missing, PowerPoint's substitute (Arial, Calibri) is
narrower, so the text still fits.

Right-to-left reports get rtl="1" on every paragraph, start-aligned text on the right, Arabic run language, the
layout mirrored (panels, columns of cards, footers); the quantitative plots keep their axes.

The package: layout.py (page and colours), fitting.py (text into boxes), slides.py (the writer: boxes, shapes,
content slides), tables.py, charts.py (charts, word cloud, matrix, power grid), walls.py (idea walls), strategy.py;
this module puts them in the deck's order.
"""
from __future__ import annotations

import io
from collections.abc import Sequence

from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR

from ..report import ActivityReport, ClusterCards, Report, RoomReport, Table
from ..typography import normalise, shortened
from .fitting import Fit, Para, fit_paragraphs
from .layout import (BODY_BOTTOM, BODY_HEIGHT, BODY_TOP, CONTENT_WIDTH, GAP, MARGIN, MUTED, PANEL, RUN_LANGUAGE, WHITE,
                     inches)
from .strategy import StrategySlides
from .summary import ALWAYS, CLUSTER_RECAP, ORGANISATION_VIEW, REGION_VIEW, TABLE_CONTINUED, Page, left_out
from .tables import has_rows
from .walls import WallSlides

__all__ = ["render_deck"]


class Deck(StrategySlides, WallSlides):
    """The whole deck: cover, each room (its section, its activities, its priorities), the workshops compared,
    the strategy, the decisions and next steps.

    ``full=False`` is the meeting's summary: the idea walls, the rooms' priority recaps (the last vote's table,
    already shown) and the axes' power/interest grids stay in the documents and in the full deck, and the summary
    keeps to 25 slides, leaving out whole pages and saying which (summary.py). Nothing is cut inside a slide or a
    table either way.
    """

    def __init__(self, report: Report, *, full: bool = True) -> None:
        super().__init__(report)
        self.full = full

    def room_section(self, room: RoomReport) -> None:
        people = room.participants
        paragraphs = [Para(self.pair("participants", people.total), bold=True)]
        for key, rows in (("organisation_type", people.by_organisation_type), ("region", people.by_region)):
            if rows:
                counts = " · ".join(f"{row.label}\u00a0({row.count})" for row in rows)
                paragraphs.append(Para(f"{self.label(key)} — {counts}", scale=0.85, space_before=0.6))
        if room.activities:
            listed = " · ".join(activity.type_label for activity in room.activities)
            paragraphs.append(Para(listed, scale=0.85, space_before=0.6))
        self.section(room.name, paragraphs)

    # -- activities ------------------------------------------------------------------------------------------------

    def activity_pages(self, activity: ActivityReport) -> list[Page]:
        """An activity's slides, planned before any is drawn (the summary may leave some out: see summary.py)."""
        pages: list[Page] = []
        chart = activity.chart if activity.chart and activity.chart.categories and activity.chart.series else None
        table = activity.table if has_rows(activity.table) else None
        table_beside = (chart is not None and table is not None and len(table.rows) <= 10 and len(table.headers) <= 5
                        and self.fits_one_page(table, self.BESIDE_CHART_WIDTH, BODY_HEIGHT))
        if chart:
            pages.append(Page(lambda slide: self.chart(slide, chart, table if table_beside else None)))
        if table and not table_beside:
            for number, rows in enumerate(self.table_pages(table, CONTENT_WIDTH, BODY_HEIGHT)):
                pages.append(Page(lambda slide, rows=rows: self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, table,
                                                                      rows),
                                  level=TABLE_CONTINUED if number else ALWAYS, kind=self.label("deck_left_out_tables"),
                                  block=1))
        for block, view in enumerate(activity.groups, start=2):  # who supports what: by organisation type, by region
            level = (REGION_VIEW if view.dimension == "region" else ORGANISATION_VIEW) if pages else ALWAYS
            for rows in self.table_pages(view.table, CONTENT_WIDTH, BODY_HEIGHT):
                pages.append(Page(lambda slide, view=view, rows=rows: self.table(slide, MARGIN, BODY_TOP,
                                                                                 CONTENT_WIDTH, view.table, rows),
                                  note=view.title, level=level, kind=view.title, block=block))
        if activity.word_frequencies:
            pages.append(Page(lambda slide: self.word_cloud(slide, activity)))
        if activity.matrix:
            pages.append(Page(lambda slide: self.matrix(slide, activity.matrix)))
        # A word cloud's answers are its picture, not a wall of raw words; the summary leaves walls to the minutes.
        if self.full and not activity.word_frequencies and any(cluster.ideas for cluster in activity.clusters):
            wall = self.wall_layout(activity.clusters)
            for columns in wall.pages:
                pages.append(Page(lambda slide, columns=columns: self.wall(slide, columns, wall.width)))
        elif not self.full and not activity.word_frequencies and any(cluster.ideas for cluster in activity.clusters):
            clusters = Table((self.label("cluster"), self.label("count")),
                             tuple((cluster.label, str(len(cluster.ideas))) for cluster in activity.clusters
                                   if cluster.ideas), numeric_columns=(1,))
            for rows in self.table_pages(clusters, CONTENT_WIDTH, BODY_HEIGHT):
                pages.append(Page(lambda slide, rows=rows: self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH,
                                                                      clusters, rows),
                                  level=CLUSTER_RECAP, kind=self.label("deck_left_out_clusters"), block=-1))
        if not pages:
            pages.append(Page(lambda slide: self.nothing_yet(slide)))
        return pages

    def activity(self, room: RoomReport, activity: ActivityReport, pages: Sequence[Page]) -> None:
        kicker = " · ".join(part for part in (room.name, activity.type_label) if part)
        prompt = activity.prompt or activity.type_label
        for number, page in enumerate(pages, start=1):
            subline = " · ".join(part for part in (activity.summary, page.note) if part)
            if len(pages) > 1:
                subline = f"{subline} · {number}/{len(pages)}" if subline else f"{number}/{len(pages)}"
            page.draw(self.slide(prompt, kicker=kicker, subline=subline))

    def left_out_slide(self, named: dict[str, list[str]], count: int) -> None:
        """What the summary left out, kind by kind (« Par région : « Votez » (Atelier santé) · … »)."""
        slide = self.slide(self.label("deck_left_out"), kicker=self.report.meta.file_title or self.report.meta.title,
                           subline=self.formatted("deck_left_out_where", count=count))
        paragraphs = []
        for kind, items in named.items():
            paragraphs += [Para(kind, bold=True, space_before=0.6 if paragraphs else 0),
                           Para(" · ".join(dict.fromkeys(items)), scale=0.85, space_before=0.2)]
        self.text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, BODY_HEIGHT, paragraphs, max_size=20, min_size=10)

    def nothing_yet(self, slide) -> None:  # type: ignore[no-untyped-def]
        self.text_box(slide, MARGIN, BODY_TOP + inches(1.4), CONTENT_WIDTH, inches(1.0), self.label("deck_no_results"),
                      max_size=24, min_size=14, colour=MUTED, align="center", anchor=MSO_ANCHOR.MIDDLE)

    # -- comparison and next steps ---------------------------------------------------------------------------------

    def comparison(self) -> None:
        comparison = self.report.comparison
        if comparison is None:
            return
        clusters = []
        # Common priorities by meaning (pairs the moderator confirmed, both labels) when there are any; otherwise
        # the priorities whose labels are the same in several workshops.
        common = self.report.common_priorities or comparison.common
        distinct = self.report.distinct_priorities if self.report.common_priorities else comparison.distinct
        if common:
            clusters.append(ClusterCards(self.label("deck_common_priorities"), common))
        for room, own in distinct:
            clusters.append(ClusterCards(f"{room} — {self.label('deck_distinct_priorities')}", own))
        if any(cluster.ideas for cluster in clusters):
            wall = self.wall_layout(clusters)
            for columns in wall.pages:
                self.wall(self.slide(self.label("deck_comparison"), kicker=" · ".join(comparison.rooms)), columns,
                          wall.width)
        if has_rows(comparison.table):
            for rows in self.table_pages(comparison.table, CONTENT_WIDTH, BODY_HEIGHT):
                slide = self.slide(self.label("deck_comparison"), kicker=" · ".join(comparison.rooms))
                self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, comparison.table, rows)
        self.common_axes(" · ".join(comparison.rooms))

    def common_axes(self, kicker: str) -> None:
        """The axes of different rooms confirmed as one, each pair with both labels, on a slide of their own (a card
        of the wall above would be too narrow for two titles and their rooms)."""
        if not self.report.common_axes:
            return
        slide = self.slide(self.label("deck_common_axes"), kicker=kicker)
        paragraphs = [Para(line, space_before=0.5 if index else 0)
                      for index, line in enumerate(self.report.common_axes)]
        self.text_box(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, BODY_HEIGHT, paragraphs, max_size=24, min_size=12)

    def closing_parts(self) -> None:
        self.comparison()
        if self.report.strategy is not None:
            self.strategy(self.report.strategy)

    def capped(self, planned: list[tuple[RoomReport, list[tuple[ActivityReport, list[Page]]]]]) -> None:
        """The summary: the parts after the rooms are drawn first (their length is then known), the activities'
        pages that fit under the cap after them, then every slide moved into the deck's order."""
        self.closing_parts()
        closing = len(self.prs.slides)
        self.next_steps()
        ending = len(self.prs.slides)
        units = [pages for _room, activities in planned for _activity, pages in activities]
        dropped = left_out(units, ending + 1 + len(planned))  # + the cover and the rooms' sections
        self.cover()
        named: dict[str, list[str]] = {}
        unit = 0
        for room, activities in planned:
            self.room_section(room)
            for activity, pages in activities:
                kept = [page for index, page in enumerate(pages) if (unit, index) not in dropped]
                for index, page in enumerate(pages):
                    if (unit, index) in dropped:
                        named.setdefault(page.kind, []).append(
                            self.formatted("deck_left_out_item", prompt=shortened(activity.prompt or
                                                                                 activity.type_label, 60),
                                           room=room.name))
                self.activity(room, activity, kept)
                unit += 1
        if dropped:
            self.left_out_slide(named, len(dropped))
        order = list(self.prs.slides._sldIdLst)  # drawn: closing parts, next steps, rooms, « left out »
        rooms = order[ending:]
        listed = self.prs.slides._sldIdLst
        for element in order:
            listed.remove(element)
        tail = [rooms.pop()] if dropped else []
        for element in [*rooms, *order[:closing], *tail, *order[closing:ending]]:
            listed.append(element)

    def room_priorities(self, room: RoomReport) -> None:
        if not has_rows(room.priorities) or not self.full:
            return
        # The restitution votes on the meeting's axes: its table is not one workshop's priorities.
        title = self.label("deck_restitution_priorities" if room.kind == "restitution" else "deck_room_priorities")
        for rows in self.table_pages(room.priorities, CONTENT_WIDTH, BODY_HEIGHT):
            slide = self.slide(title, kicker=room.name)
            self.table(slide, MARGIN, BODY_TOP, CONTENT_WIDTH, room.priorities, rows)

    def next_steps(self) -> None:
        """The closing slides: the decisions (✓) then the next steps (numbered), six to a slide, every one shown; or
        what the moderator still has to write there."""
        decisions = [normalise(text) for text in self.report.decisions if normalise(text)]
        steps = [normalise(step) for step in self.report.next_steps if normalise(step)]
        items = [("✓", text) for text in decisions] + [(str(number), text) for number, text in enumerate(steps, 1)]
        if not items:
            slide = self.slide(self.label("deck_decisions_next_steps"), kicker=self.report.meta.title)
            self.text_box(slide, MARGIN, BODY_TOP + inches(1.2), CONTENT_WIDTH, inches(1.6),
                          [Para(self.label("to_complete"), bold=True), Para(self.label("deck_hint_next_steps"),
                                                                            scale=0.8, space_before=0.4)],
                          max_size=24, min_size=14, colour=MUTED, align="center", anchor=MSO_ANCHOR.MIDDLE)
            return
        per_slide = 6
        pages = [items[start:start + per_slide] for start in range(0, len(items), per_slide)]
        for number, shown in enumerate(pages, start=1):
            subline = f"{number}/{len(pages)}" if len(pages) > 1 else ""
            slide = self.slide(self.label("deck_decisions_next_steps"), kicker=self.report.meta.title, subline=subline)
            gap = inches(0.14)
            height = min(inches(0.95), (BODY_HEIGHT - (len(shown) - 1) * gap) // len(shown))
            for index, (marker, text) in enumerate(shown):
                top = BODY_TOP + index * (height + gap)
                badge = self.rectangle(slide, MARGIN, top, height, height, MSO_THEME_COLOR.ACCENT_1,
                                       shape_type=MSO_SHAPE.OVAL if height < inches(0.8) else
                                       MSO_SHAPE.ROUNDED_RECTANGLE)
                fit = Fit(marker, 18, 1)
                self.write(badge.text_frame, [fit], [Para(fit.text, bold=True)], colour=WHITE, align="center",
                           anchor=MSO_ANCHOR.MIDDLE)
                card = self.rectangle(slide, MARGIN + height + GAP, top, CONTENT_WIDTH - height - GAP, height, PANEL,
                                      shape_type=MSO_SHAPE.ROUNDED_RECTANGLE)
                paragraphs = [Para(text)]
                fits = fit_paragraphs(paragraphs, card.width, height, max_size=20, min_size=12)
                self.write(card.text_frame, fits, paragraphs, anchor=MSO_ANCHOR.MIDDLE)

    # -- the whole deck --------------------------------------------------------------------------------------------

    def build(self) -> bytes:
        planned = [(room, [(activity, self.activity_pages(activity)) for activity in room.activities])
                   for room in self.report.rooms]
        if self.full:
            self.cover()
            for room, activities in planned:
                self.room_section(room)
                for activity, pages in activities:
                    self.activity(room, activity, pages)
                self.room_priorities(room)
            self.closing_parts()
            self.next_steps()
        else:
            self.capped(planned)
        self.number_slides()
        properties = self.prs.core_properties
        properties.title = normalise(self.report.meta.title)[:200]
        properties.subject = normalise(self.report.meta.subtitle)[:200]
        properties.language = RUN_LANGUAGE.get(self.report.meta.language, self.report.meta.language)
        properties.author = properties.last_modified_by = "workshop"
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def render_deck(report: Report, *, full: bool = True) -> bytes:
    """The restitution deck of a report, as .pptx bytes (16:9); ``full=False``: the meeting's summary (see Deck)."""
    return Deck(report, full=full).build()
