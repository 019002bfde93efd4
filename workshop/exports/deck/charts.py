"""Pictures of results on slides: native bar charts (editable), the word cloud, the impact × feasibility matrix and
the power/interest grid of an axe's actors."""
from __future__ import annotations

import io
import math
from collections.abc import Sequence

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.util import Pt

from ...domain.languages import decimal_number
from ..render_wordcloud import render_wordcloud_png
from ..report import ActivityReport, ActorPoint, Chart, MatrixPoint, Table
from ..typography import FONT, normalise, shortened
from .fitting import Fit, Para
from .layout import (ACCENTS, ALIGNMENT_COLOURS, ALIGNMENT_LABELS, BODY_BOTTOM, BODY_HEIGHT, BODY_TOP, CONTENT_WIDTH,
                     EMU_PER_INCH, GAP, MARGIN, MUTED, TITLE_COLOUR, WHITE, Colour, inches, scale_colours, set_colour)
from .tables import TablePage, TableSlides

MAX_BARS = 15  # bars in one chart; the rest are in the spreadsheet


class ChartSlides(TableSlides):
    BESIDE_CHART_WIDTH = CONTENT_WIDTH - int(CONTENT_WIDTH * 0.58) - GAP  # a table beside its chart

    def chart(self, slide, chart: Chart, table: Table | None) -> None:  # type: ignore[no-untyped-def]
        categories = chart.categories[:MAX_BARS]
        width = int(CONTENT_WIDTH * 0.58) if table else CONTENT_WIDTH
        data = CategoryChartData(number_format=chart.number_format)
        data.categories = [shortened(normalise(category), 60) or "—" for category in categories]
        for series in chart.series:
            values = [float(value) for value in series.values[:len(categories)]]
            data.add_series(shortened(normalise(series.name), 60) or "—", values + [None] * (len(categories) - len(values)))
        kind = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
                "stacked_bar": XL_CHART_TYPE.BAR_STACKED}.get(chart.kind, XL_CHART_TYPE.BAR_CLUSTERED)
        horizontal = kind != XL_CHART_TYPE.COLUMN_CLUSTERED
        stacked = kind == XL_CHART_TYPE.BAR_STACKED
        legend = len(chart.series) > 1
        if horizontal:
            height = min(BODY_HEIGHT, inches(1.0 + 0.8 * len(categories) + (0.5 if legend else 0)))
            height = max(height, inches(3.0))
        else:
            height = BODY_HEIGHT
        if len(chart.categories) > MAX_BARS:  # room for the note that says where the other bars are
            height = min(height, BODY_HEIGHT - inches(0.45))
        frame = slide.shapes.add_chart(kind, self.x(MARGIN, width), BODY_TOP, width, height, data)
        frame.name = "Chart"
        graph = frame.chart
        graph.font.size = Pt(14)
        graph.font.name = FONT
        graph.has_title = bool(chart.title)
        if chart.title:
            graph.chart_title.text_frame.text = shortened(normalise(chart.title), 80)
            title_paragraph = graph.chart_title.text_frame.paragraphs[0]
            title_paragraph.font.size = Pt(13)
            title_paragraph.font.bold = False
            title_paragraph.font.color.rgb = MUTED
            self.style_paragraph(title_paragraph)
        category_axis, value_axis = graph.category_axis, graph.value_axis
        # Bar charts list categories from the bottom up: reverse them so that the first (the winner) is on top.
        # Right to left, bars grow leftwards from labels on the right; columns run from the right.
        category_axis.reverse_order = horizontal or self.rtl
        if horizontal and self.rtl:
            value_axis.reverse_order = True
        category_axis.major_tick_mark = XL_TICK_MARK.NONE
        category_axis.tick_labels.font.size = Pt(14 if len(categories) <= 8 else 12)
        category_axis.format.line.color.rgb = RGBColor(0xB8, 0xC0, 0xC4)
        value_axis.visible = False
        value_axis.has_major_gridlines = False
        values = [value for series in chart.series for value in series.values[:len(categories)]]
        if min(values, default=0) >= 0:
            value_axis.minimum_scale = 0
            if not stacked:  # room for the labels past the longest bar
                value_axis.maximum_scale = max(values, default=0) * 1.18 or 1
        plot = graph.plots[0]
        plot.gap_width = 45 if not stacked else 35
        plot.vary_by_categories = False
        if stacked:
            plot.overlap = 100
        plot.has_data_labels = True
        labels = plot.data_labels
        number_format = chart.number_format or "0"
        labels.number_format = f"{number_format};-{number_format};;" if stacked else number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(13 if stacked else 14)
        labels.font.bold = True
        labels.position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END
        colours: Sequence[Colour] = scale_colours(len(chart.series)) if stacked else [
            ACCENTS[index % len(ACCENTS)] for index in range(len(chart.series))]
        for series, colour in zip(plot.series, colours):
            series.format.fill.solid()
            set_colour(series.format.fill.fore_color, colour)
            if stacked:
                series.data_labels.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                series.data_labels.font.size = Pt(12)
                series.data_labels.font.bold = True
                series.data_labels.number_format = labels.number_format
                series.data_labels.number_format_is_linked = False
                series.data_labels.position = XL_LABEL_POSITION.CENTER
                series.data_labels.show_value = True
        self._decimal_labels(plot, chart, len(categories), stacked)
        graph.has_legend = legend
        if legend:
            graph.legend.position = XL_LEGEND_POSITION.BOTTOM
            graph.legend.include_in_layout = False
            graph.legend.font.size = Pt(12)
        self._chart_text_direction(graph)
        if len(chart.categories) > MAX_BARS:
            note = f"{self.label('deck_more_in_spreadsheet')} {len(chart.categories) - MAX_BARS}"
            self.text_box(slide, MARGIN, BODY_BOTTOM - inches(0.4), width, inches(0.4), note, max_size=12, min_size=10,
                          colour=MUTED, max_lines=1)
        if table:  # only when it fits on this one slide (see Deck.activity)
            self.table(slide, MARGIN + width + GAP, BODY_TOP, self.BESIDE_CHART_WIDTH, table,
                       TablePage(0, len(table.rows)))

    def _decimal_labels(self, plot, chart: Chart, count: int, stacked: bool) -> None:  # type: ignore[no-untyped-def]
        """Values written as the deck's language writes them (84,7 in French and Arabic): a number format's decimal
        separator is the reader's locale, so labels with decimals get their text written out."""
        decimals = sum(1 for character in (chart.number_format or "0").partition(".")[2] if character == "0")
        if not decimals or decimal_number("0.0", self.report.meta.language) == "0.0":
            return
        for series, data in zip(plot.series, chart.series):
            for index, value in enumerate(data.values[:count]):
                if stacked and not value:
                    continue
                label = series.points[index].data_label
                frame = label.text_frame
                frame.text = decimal_number(f"{value:.{decimals}f}", self.report.meta.language)
                run = frame.paragraphs[0].runs[0]
                run.font.size = Pt(13 if stacked else 14)
                run.font.bold = True
                if stacked:
                    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                label.position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END

    def _chart_text_direction(self, graph) -> None:  # type: ignore[no-untyped-def]
        """The chart's default text: DejaVu Sans for Arabic too, the run language, right to left when asked."""
        text_properties = graph._chartSpace.find(qn("c:txPr"))
        if text_properties is None:
            return
        for paragraph_properties in text_properties.iter(qn("a:pPr")):
            if self.rtl:
                paragraph_properties.set("rtl", "1")
            default = paragraph_properties.find(qn("a:defRPr"))
            if default is not None:
                default.set("lang", self.language)
                if default.find(qn("a:cs")) is None:
                    etree.SubElement(default, qn("a:cs")).set("typeface", FONT)

    # -- word cloud ------------------------------------------------------------------------------------------------

    def word_cloud(self, slide, activity: ActivityReport) -> None:  # type: ignore[no-untyped-def]
        words = [(normalise(word), count) for word, count in activity.word_frequencies if normalise(word)]
        top = words[:8]
        table = Table((self.label("word"), self.label("count")), tuple((word, str(count)) for word, count in top),
                      numeric_columns=(1,))
        list_width = inches(3.4) if top else 0
        width = CONTENT_WIDTH - (list_width + GAP if top else 0)
        height = BODY_HEIGHT
        dpi = 150
        png = render_wordcloud_png(activity.word_frequencies, self.report.meta.direction,
                                   int(width / EMU_PER_INCH * dpi), int(height / EMU_PER_INCH * dpi),
                                   empty_text=self.label("deck_no_words"))
        picture = slide.shapes.add_picture(io.BytesIO(png), self.x(MARGIN, width), BODY_TOP, width, height)
        picture.name = "Word cloud"
        description = ", ".join(f"{word} ({count})" for word, count in words[:30])
        picture._element.nvPicPr.cNvPr.set("descr", description)
        if top:  # the most frequent words that fit beside the picture (all of them are in the picture)
            page = self.table_pages(table, list_width, BODY_HEIGHT)[0]
            self.table(slide, MARGIN + width + GAP, BODY_TOP, list_width, Table(table.headers, table.rows[:page.end],
                                                                                table.numeric_columns), page)

    # -- matrices --------------------------------------------------------------------------------------------------

    def quadrant_plot(self, slide, left: int, top: int, side: int, *, low: float, high: float, split: float,  # type: ignore[no-untyped-def]
                      x_label: str, y_label: str, quadrants: dict[tuple[bool, bool], tuple[str, Colour]],
                      ticks: Sequence[int], points: Sequence[tuple[float, float, str, Colour, bool]]) -> None:
        """A square plot with a 2×2 background; points (x, y, number, fill, outlined) as numbered dots.

        ``quadrants`` maps (high y?, high x?) to (label, colour). The plot is not mirrored right to left: its axes
        grow rightwards and upwards, as on the screen.
        """
        axis_band = inches(0.5)
        plot_left, plot_top = left + axis_band, top
        plot_side = side - axis_band

        def at(value: float) -> float:
            return (min(max(value, low), high) - low) / (high - low)

        split_fraction = at(split)
        for (high_y, high_x), (label, colour) in quadrants.items():
            x0 = plot_left + (int(plot_side * split_fraction) if high_x else 0)
            x1 = plot_left + (plot_side if high_x else int(plot_side * split_fraction))
            y0 = plot_top + (0 if high_y else int(plot_side * (1 - split_fraction)))
            y1 = plot_top + (int(plot_side * (1 - split_fraction)) if high_y else plot_side)
            area = self.rectangle(slide, x0, y0, x1 - x0, y1 - y0, colour, brightness=0.8, line=WHITE, mirror=False)
            area.name = "Quadrant"
            label_height = inches(0.5)
            label_top = y0 + inches(0.04) if high_y else y1 - label_height - inches(0.04)
            self.text_box(slide, x0 + inches(0.04), label_top, x1 - x0 - inches(0.08), label_height, label,
                          max_size=12, min_size=9, bold=True, colour=colour, max_lines=2, mirror=False,
                          align="center", anchor=MSO_ANCHOR.TOP if high_y else MSO_ANCHOR.BOTTOM, name="Quadrant label")
        for tick in ticks:
            fraction = at(tick)
            self.text_box(slide, plot_left + int(plot_side * fraction) - inches(0.2), plot_top + plot_side,
                          inches(0.4), inches(0.3), str(tick), max_size=10, min_size=9, colour=MUTED, align="center",
                          mirror=False, name="Tick")
            self.text_box(slide, left + inches(0.18), plot_top + int(plot_side * (1 - fraction)) - inches(0.15),
                          inches(0.32), inches(0.3), str(tick), max_size=10, min_size=9, colour=MUTED,
                          align="center", mirror=False, name="Tick")
        self.text_box(slide, plot_left, plot_top + plot_side + inches(0.25), plot_side, inches(0.36), f"{x_label} →",
                      max_size=13, min_size=10, bold=True, colour=MUTED, align="center", max_lines=1, mirror=False,
                      name="Axis")
        vertical = self.text_box(slide, left - plot_side // 2 + inches(0.09), plot_top + plot_side // 2 - inches(0.18),
                                 plot_side, inches(0.36), f"{y_label} →", max_size=13, min_size=10, bold=True,
                                 colour=MUTED, align="center", max_lines=1, mirror=False, name="Axis")
        vertical.rotation = 270
        dot = inches(0.36)
        placed: list[tuple[int, int]] = []
        for x_value, y_value, number, fill, outlined in points:
            cx = plot_left + int(plot_side * at(x_value))
            cy = plot_top + int(plot_side * (1 - at(y_value)))
            # Dots on the same spot fan out round it, so each number can be read.
            clash = sum(1 for px, py in placed if abs(px - cx) < dot * 0.8 and abs(py - cy) < dot * 0.8)
            placed.append((cx, cy))
            if clash:
                angle = clash * 2.4
                cx += int(math.cos(angle) * dot * 0.9)
                cy += int(math.sin(angle) * dot * 0.9)
            cx = min(max(cx, plot_left + dot // 2), plot_left + plot_side - dot // 2)
            cy = min(max(cy, plot_top + dot // 2), plot_top + plot_side - dot // 2)
            circle = self.rectangle(slide, cx - dot // 2, cy - dot // 2, dot, dot, WHITE if outlined else fill,
                                    line=fill if outlined else WHITE, shape_type=MSO_SHAPE.OVAL, mirror=False)
            circle.name = "Point"
            fit = Fit(number, 11 if len(number) < 3 else 9, 1)
            frame = circle.text_frame
            self.write(frame, [fit], [Para(number, bold=True)], colour=fill if outlined else WHITE, align="center",
                       anchor=MSO_ANCHOR.MIDDLE)
            frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0

    def legend_list(self, slide, left: int, top: int, width: int, height: int,  # type: ignore[no-untyped-def]
                    items: Sequence[tuple[str, str]], colours: Sequence[Colour] | None = None) -> None:
        """Numbered lines beside a plot: (number, text)."""
        paragraphs = [Para(f"{number}. {text}" if number else f"– {text}", space_before=0.35) for number, text in items]
        if paragraphs:
            self.text_box(slide, left, top, width, height, paragraphs, max_size=16, min_size=10, colours=colours,
                          max_lines=3)

    def matrix(self, slide, points: Sequence[MatrixPoint]) -> None:  # type: ignore[no-untyped-def]
        side = BODY_HEIGHT
        plot_left = self.x(MARGIN, side)
        quadrants = {(True, True): (self.label("quadrant_quick_wins"), MSO_THEME_COLOR.ACCENT_3),
                     (True, False): (self.label("quadrant_major_projects"), MSO_THEME_COLOR.ACCENT_6),
                     (False, True): (self.label("quadrant_fill_ins"), MSO_THEME_COLOR.ACCENT_2),
                     (False, False): (self.label("quadrant_thankless"), RGBColor(0x8A, 0x96, 0x9C))}
        self.quadrant_plot(slide, plot_left, BODY_TOP, side, low=1, high=5, split=3, x_label=self.label("feasibility"),
                           y_label=self.label("impact"), quadrants=quadrants, ticks=(1, 2, 3, 4, 5),
                           points=[(point.feasibility, point.impact, str(number), TITLE_COLOUR, False)
                                   for number, point in enumerate(points, start=1)])
        items = [(str(number), f"{normalise(point.label)} — {point.quadrant} ({self.number(point.impact)}"
                  f" × {self.number(point.feasibility)})")
                 for number, point in enumerate(points, start=1)]
        self.legend_list(slide, MARGIN + side + GAP * 2, BODY_TOP, CONTENT_WIDTH - side - GAP * 2, BODY_HEIGHT, items)

    def power_grid(self, slide, actors: Sequence[ActorPoint]) -> None:  # type: ignore[no-untyped-def]
        side = BODY_HEIGHT - inches(0.1)
        quadrants = {(True, True): (self.label("grid_manage_closely"), MSO_THEME_COLOR.ACCENT_5),
                     (True, False): (self.label("grid_keep_satisfied"), MSO_THEME_COLOR.ACCENT_2),
                     (False, True): (self.label("grid_keep_informed"), MSO_THEME_COLOR.ACCENT_6),
                     (False, False): (self.label("grid_monitor"), RGBColor(0x8A, 0x96, 0x9C))}
        placed = [index for index, actor in enumerate(actors)
                  if actor.influence is not None and actor.interest is not None]
        numbers = {index: str(number) for number, index in enumerate(placed, start=1)}
        grey = RGBColor(0x8A, 0x96, 0x9C)
        points = [(float(actors[index].interest), float(actors[index].influence), numbers[index],  # type: ignore[arg-type]
                   ALIGNMENT_COLOURS.get(actors[index].alignment, grey)  # type: ignore[arg-type]
                   if actors[index].alignment is not None else grey, actors[index].alignment is None)
                  for index in placed]
        # Whole numbers 1–5 sit in the middle of their cells; 3 and above is high (domain.axes).
        self.quadrant_plot(slide, self.x(MARGIN, side), BODY_TOP, side, low=0.5, high=5.5, split=2.5,
                           x_label=self.label("interest"), y_label=self.label("influence"), quadrants=quadrants,
                           ticks=(1, 2, 3, 4, 5), points=points)
        panel_left = MARGIN + side + GAP * 2
        panel_width = CONTENT_WIDTH - side - GAP * 2
        legend_height = inches(0.95)
        items: list[tuple[str, str]] = []
        for index, actor in enumerate(actors):
            role = f" — {actor.role}" if actor.role else ""
            alignment = f" ({self.label(ALIGNMENT_LABELS[actor.alignment])})" if actor.alignment in ALIGNMENT_LABELS else ""
            if index in numbers:
                items.append((numbers[index], f"{normalise(actor.name)}{role}{alignment}"))
            else:
                items.append(("", f"{normalise(actor.name)}{role}{alignment} — {self.label('deck_not_placed')}"))
        self.legend_list(slide, panel_left, BODY_TOP, panel_width, BODY_HEIGHT - legend_height - GAP, items)
        # The colour key: five dots with their meaning.
        key_top = BODY_BOTTOM - legend_height
        column = panel_width // 3
        for index, alignment in enumerate((2, 1, 0, -1, -2)):
            row, position = divmod(index, 3)
            x = panel_left + position * column
            y = key_top + row * inches(0.45)
            dot = self.rectangle(slide, x, y + inches(0.09), inches(0.2), inches(0.2), ALIGNMENT_COLOURS[alignment],
                                 shape_type=MSO_SHAPE.OVAL)
            dot.name = "Key"
            self.text_box(slide, x + inches(0.24), y, column - inches(0.28), inches(0.4),
                          self.label(ALIGNMENT_LABELS[alignment]), max_size=11, min_size=8, colour=MUTED, max_lines=1,
                          anchor=MSO_ANCHOR.MIDDLE)
