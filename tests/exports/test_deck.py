"""The restitution deck and its word-cloud images: re-opened with python-pptx and Pillow, rendered by LibreOffice."""
from __future__ import annotations

import html as html_module
import io
import re
import unicodedata
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.util import Emu

from tests.exports.make_template import LAYOUTS, build
from tests.exports.rendering import page_count, png_pages, to_pdf
from tests.exports.sample_reports import arabic_report, empty_report, french_report, hostile_report
from workshop.exports import deck, render_wordcloud
from workshop.exports.deck import charts, layout, tables
from workshop.exports.deck_labels import DECK_LABELS
from workshop.exports.labels import all_labels
from workshop.exports.report import Chart, Series
from workshop.exports.deck import render_deck
from workshop.exports.deck.fitting import Para, fit_paragraphs, fit_text, needed_height
from workshop.exports.deck.layout import ALIGNMENT_COLOURS, EMU_PER_POINT, INSET_X, TEMPLATE, WIDTH_SLACK
from workshop.exports.deck.walls import MAX_WALL_SLIDES
from workshop.exports.typography import text_width, wrap_lines
from workshop.exports.render_wordcloud import render_wordcloud_png, render_wordcloud_svg

def long_texts_report():  # type: ignore[no-untyped-def]
    """Every text a slide shows, far too long: titles, names, labels, categories, axes, actors, next steps."""
    report = french_report(kind="sri")
    long = "Une phrase beaucoup trop longue pour tenir sur une diapositive, répétée sans fin. " * 60

    def activity(item):  # type: ignore[no-untyped-def]
        chart = item.chart and replace(item.chart, title=long, categories=tuple(long[:300] + str(n) for n, _ in
                                                                                 enumerate(item.chart.categories)))
        table = item.table and replace(item.table, headers=tuple(long[:200] for _ in item.table.headers),
                                       rows=tuple(tuple(long[:700] for _ in row) for row in item.table.rows))
        return replace(item, prompt=long, summary=long, type_label=long, chart=chart, table=table,
                       clusters=tuple(replace(cluster, label=long, ideas=tuple(long for _ in cluster.ideas))
                                      for cluster in item.clusters),
                       matrix=tuple(replace(point, label=long, quadrant=long) for point in item.matrix),
                       word_frequencies=tuple((long[:40] + str(n), count) for n, (_, count)
                                              in enumerate(item.word_frequencies)))

    rooms = tuple(replace(room, name=long, activities=tuple(activity(item) for item in room.activities))
                  for room in report.rooms)
    axes = tuple(replace(axis, title=long, central_message=long, change_objective=long, parent_title=long,
                         parent_summary=long, asks=tuple(tuple(long[:500] for _ in ask) for ask in axis.asks),
                         actors=tuple(replace(actor, name=long, role=long) for actor in axis.actors) * 5)
                 for axis in report.strategy.axes)
    strategy = replace(report.strategy, title=long, vision=long, method=long, region=long, axes=axes)
    labels = {key: (value + " " + long[:300]) if not "%(" in value else value for key, value in report.labels.items()}
    return replace(report, meta=replace(report.meta, title=long, subtitle=long, date=long), rooms=rooms,
                   strategy=strategy, labels=labels, next_steps=tuple(long for _ in range(9)))


REPORTS = {"french": french_report, "sri": lambda: french_report(kind="sri"), "arabic": arabic_report,
           "empty": empty_report, "hostile": lambda: hostile_report(2000), "long": long_texts_report}


@pytest.fixture(scope="module")
def reports():  # type: ignore[no-untyped-def]
    return {name: make() for name, make in REPORTS.items()}


@pytest.fixture(scope="module")
def decks(reports) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    return {name: render_deck(report) for name, report in reports.items()}


@pytest.fixture(scope="module")
def presentations(decks):  # type: ignore[no-untyped-def]
    return {name: Presentation(io.BytesIO(data)) for name, data in decks.items()}


@pytest.fixture(scope="module")
def pdfs(decks, tmp_path_factory) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """Each deck through LibreOffice once (about 1–2 s each), shared by the tests that read the rendering."""
    folder = tmp_path_factory.mktemp("decks")
    converted = {}
    for name in ("french", "arabic", "hostile", "empty", "long"):
        path = folder / f"{name}.pptx"
        path.write_bytes(decks[name])
        converted[name] = to_pdf(path)
    return converted


def texts_of(slide) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def slide_titles(presentation) -> list[str]:  # type: ignore[no-untyped-def]
    return [slide.shapes.title.text_frame.text if slide.shapes.title is not None else "" for slide in presentation.slides]


# -- the template ----------------------------------------------------------------------------------------------------

def test_template_is_16_9_with_the_layouts_the_renderer_uses() -> None:
    template = Presentation(str(TEMPLATE))
    assert (template.slide_width, template.slide_height) == (12192000, 6858000)
    assert [layout.name for layout in template.slide_layouts] == list(LAYOUTS)
    theme = template.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
    assert 'typeface="DejaVu Sans"' in theme and 'script="Arab" typeface="DejaVu Sans"' in theme


def test_committed_template_matches_its_script() -> None:
    """The committed .pptx is what make_template.py builds (compared part by part: zip dates differ)."""
    built = io.BytesIO()
    build().save(built)
    rebuilt, committed = Presentation(built), Presentation(str(TEMPLATE))
    assert [layout.name for layout in rebuilt.slide_layouts] == [layout.name for layout in committed.slide_layouts]
    for fresh, kept in zip(rebuilt.slide_layouts, committed.slide_layouts):
        assert fresh.part.blob == kept.part.blob, f"layout {kept.name}: run python -m tests.exports.make_template"
    assert rebuilt.slide_master.part.blob == committed.slide_master.part.blob


# -- structure -------------------------------------------------------------------------------------------------------

def test_deck_has_cover_sections_activities_strategy_and_next_steps(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    report, deck = reports["french"], presentations["french"]
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    titles = slide_titles(deck)
    assert titles[0] == report.meta.title
    layouts = [slide.slide_layout.name for slide in deck.slides]
    assert layouts[0] == "Title Slide"
    sections = [title for title, layout in zip(titles, layouts) if layout == "Section Header"]
    assert sections == [room.name for room in report.rooms] + [report.strategy.title]
    for room in report.rooms:
        for activity in room.activities:
            assert activity.prompt in titles
    assert report.labels["deck_priority_axes"] in titles
    for axis in report.strategy.axes:
        assert titles.count(f"{axis.code} · {axis.title}") == 2  # its summary and its power/interest grid
    assert titles[-1] == report.labels["deck_decisions_next_steps"]
    last = texts_of(deck.slides[-1])
    assert all(any(step in text for text in last) for step in report.next_steps)


def test_sri_deck_shows_the_parent_axe_and_its_disposition(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    texts = [text for slide in presentations["sri"].slides for text in texts_of(slide)]
    axis = reports["sri"].strategy.axes[0]
    assert any(axis.parent_title in text and axis.disposition in text for text in texts)


def test_every_label_the_deck_prints_is_declared() -> None:
    source = "".join(module.read_text() for module in Path(deck.__file__).parent.glob("*.py"))
    used = set(re.findall(r"""(?:label|pair)\(["']([a-z0-9_]+)["']""", source))
    used |= set(re.findall(r"""["'](deck_[a-z0-9_]+)["']""", source))
    assert used - set(all_labels()) == set()
    assert set(DECK_LABELS) <= used | {"deck_label_value", "deck_quote"}  # no label left unused


# -- charts ----------------------------------------------------------------------------------------------------------

def charts_of(presentation):  # type: ignore[no-untyped-def]
    return [(index, shape.chart) for index, slide in enumerate(presentation.slides) for shape in slide.shapes
            if shape.has_chart]


def test_charts_are_native_with_categories_in_rank_order(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    expected = [activity.chart for room in reports["french"].rooms for activity in room.activities if activity.chart]
    charts = charts_of(presentations["french"])
    assert len(charts) == len(expected)
    for (_, chart), wanted in zip(charts, expected):
        plot = chart.plots[0]
        assert tuple(plot.categories) == wanted.categories
        assert [tuple(series.values) for series in plot.series] == [series.values for series in wanted.series]
        assert plot.data_labels.number_format.startswith(wanted.number_format)
        if wanted.kind == "stacked_bar":
            assert chart.chart_type == XL_CHART_TYPE.BAR_STACKED
        else:
            assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        assert chart.category_axis.reverse_order is True  # first category on top
    points = next(chart for _, chart in charts if chart.plots[0].categories[0] == "Accès aux soins")
    assert list(points.plots[0].series[0].values) == [30.0, 23.0, 16.0]


def test_a_chart_shows_the_first_bars_and_says_how_many_more(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    options = tuple(f"Option {number}" for number in range(1, 31))
    poll = replace(report.rooms[0].activities[1], chart=Chart("bar", "Réponses", options,
                                                              (Series("Réponses", tuple(range(30, 0, -1))),)))
    room = replace(report.rooms[0], activities=(poll,))
    deck = Presentation(io.BytesIO(render_deck(replace(report, rooms=(room,), strategy=None, comparison=None))))
    ((index, chart),) = charts_of(deck)
    assert tuple(chart.plots[0].categories) == options[:charts.MAX_BARS]
    note = [shape for shape in deck.slides[index].shapes if shape.has_text_frame
            and shape.text_frame.text == f"{report.labels['deck_more_in_spreadsheet']} {30 - charts.MAX_BARS}"]
    frame = next(shape for shape in deck.slides[index].shapes if shape.has_chart)
    assert note and frame.top + frame.height <= note[0].top


def test_right_to_left_bars_grow_from_the_right(presentations) -> None:  # type: ignore[no-untyped-def]
    for _, chart in charts_of(presentations["arabic"]):
        assert chart.value_axis.reverse_order is True


# -- word cloud, idea wall, matrices ---------------------------------------------------------------------------------

def test_word_cloud_is_a_picture_of_the_words(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    activity = reports["french"].rooms[0].activities[0]
    slide = presentations["french"].slides[slide_titles(presentations["french"]).index(activity.prompt)]
    pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    image = Image.open(io.BytesIO(pictures[0].image.blob))
    assert image.format == "PNG" and image.width > 1000
    assert "droits (12)" in pictures[0]._element.nvPicPr.cNvPr.get("descr")


def activity_slides(presentation, room, activity):  # type: ignore[no-untyped-def]
    return [slide for slide in presentation.slides if slide.shapes.title is not None
            and slide.shapes.title.text_frame.text == activity.prompt
            and any(shape.name == "Kicker" and shape.text_frame.text.startswith(room.name) for shape in slide.shapes)]


def ideas_on(slides) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for slide in slides for shape in slide.shapes if shape.name == "Idea"]


def test_idea_wall_shows_visible_ideas_by_cluster(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    room = reports["french"].rooms[1]
    activity = room.activities[0]
    shown = ideas_on(activity_slides(presentations["french"], room, activity))
    assert len(shown) == sum(len(cluster.ideas) for cluster in activity.clusters)
    for cluster in activity.clusters:
        for idea in cluster.ideas:
            assert idea in shown
    hidden = [idea.text for idea in activity.ideas if idea.hidden]
    assert hidden and not set(hidden) & set(shown)


def test_a_huge_wall_spills_over_slides_then_points_to_the_spreadsheet(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    deck = presentations["hostile"]
    prompt = reports["hostile"].rooms[0].activities[0].prompt
    walls = [slide for slide in deck.slides if slide.shapes.title.text_frame.text == prompt]
    assert len(walls) == MAX_WALL_SLIDES
    notes = [text for text in texts_of(walls[-1]) if text.startswith(reports["hostile"].labels["deck_more_in_spreadsheet"])]
    assert notes
    long = [text for text in ideas_on(walls) if text.startswith("xxxx")]
    assert long and all(text.endswith("…") and len(text) < 400 for text in long)
    assert "x" * 2000 in walls[0].notes_slide.notes_text_frame.text  # the speaker notes hold it (nearly) whole
    assert not any("\x07" in text or "\x0b" in text for slide in deck.slides for text in texts_of(slide))


def test_matrix_is_drawn_with_labelled_quadrants_and_dots(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    deck, report = presentations["french"], reports["french"]
    activity = report.rooms[1].activities[3]
    slide = deck.slides[slide_titles(deck).index(activity.prompt)]
    quadrant_labels = [shape.text_frame.text for shape in slide.shapes if shape.name == "Quadrant label"]
    assert sorted(quadrant_labels) == sorted(report.labels[key] for key in (
        "quadrant_quick_wins", "quadrant_major_projects", "quadrant_fill_ins", "quadrant_thankless"))
    quadrants = [shape for shape in slide.shapes if shape.name == "Quadrant"]
    points = [shape for shape in slide.shapes if shape.name == "Point"]
    assert len(quadrants) == 4 and [point.text_frame.text for point in points] == ["1", "2", "3"]
    plot_left = min(shape.left for shape in quadrants)
    plot_right = max(shape.left + shape.width for shape in quadrants)
    plot_top = min(shape.top for shape in quadrants)
    plot_bottom = max(shape.top + shape.height for shape in quadrants)
    for point, wanted in zip(points, activity.matrix):
        x = (point.left + point.width / 2 - plot_left) / (plot_right - plot_left) * 4 + 1
        y = (plot_bottom - point.top - point.height / 2) / (plot_bottom - plot_top) * 4 + 1
        assert abs(x - wanted.feasibility) < 0.2 and abs(y - wanted.impact) < 0.2


def test_power_interest_grid_colours_actors_by_alignment(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    deck, report = presentations["french"], reports["french"]
    axis = report.strategy.axes[0]
    grids = [slide for slide in deck.slides if slide.shapes.title.text_frame.text == f"{axis.code} · {axis.title}"
             and any(shape.name == "Point" for shape in slide.shapes)]
    assert len(grids) == 1
    points = [shape for shape in grids[0].shapes if shape.name == "Point"]
    assert len(points) == len(axis.actors)
    for point, actor in zip(points, axis.actors):
        assert point.fill.fore_color.rgb == ALIGNMENT_COLOURS[actor.alignment]
    assert any(report.labels["grid_manage_closely"] == text for text in texts_of(grids[0]))


def test_a_long_table_spills_over_as_many_pages_as_it_needs(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    rows = tuple((str(rank), f"Regroupement numéro {rank} " * 3, "50.0") for rank in range(1, 121))
    room = replace(report.rooms[1], priorities=replace(report.rooms[1].priorities, rows=rows))
    deck = Presentation(io.BytesIO(render_deck(replace(report, rooms=(room,), strategy=None, comparison=None))))
    pages = [slide for slide in deck.slides if slide.shapes.title.text_frame.text == report.labels["deck_room_priorities"]]
    assert len(pages) > 4
    shown = [row.cells[0].text for slide in pages for shape in slide.shapes if shape.has_table
             for row in list(shape.table.rows)[1:]]
    assert shown == [str(rank) for rank in range(1, 121)]
    for slide in pages:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                assert needed_height(shape) <= shape.height
            assert shape.top + shape.height <= layout.BODY_BOTTOM or shape.name in ("Footer", "Slide number")


def test_prioritized_axes_table_has_the_scores(reports, presentations) -> None:  # type: ignore[no-untyped-def]
    deck, report = presentations["french"], reports["french"]
    slide = deck.slides[slide_titles(deck).index(report.labels["deck_priority_axes"])]
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == list(report.strategy.scores.headers)
    assert cells[1:] == [list(row) for row in report.strategy.scores.rows]


# -- fitting ---------------------------------------------------------------------------------------------------------

BOX_WIDTH, BOX_HEIGHT = Emu(914400 * 3), Emu(914400)


def test_short_text_keeps_the_largest_size() -> None:
    fit = fit_text("Accès aux soins", BOX_WIDTH, BOX_HEIGHT, max_size=20, min_size=10)
    assert (fit.text, fit.size, fit.lines, fit.truncated) == ("Accès aux soins", 20, 1, False)


def test_longer_text_shrinks_before_it_is_cut() -> None:
    text = "Étendre l'AMO aux personnes en situation irrégulière et aux enfants non accompagnés"
    fit = fit_text(text, BOX_WIDTH, BOX_HEIGHT, max_size=20, min_size=10)
    assert 10 <= fit.size < 20 and not fit.truncated and fit.text == text
    assert fit.height * EMU_PER_POINT <= BOX_HEIGHT


@pytest.mark.parametrize("text", ["mot " * 400, "x" * 5000, "المستشفى يرفض المرضى بدون وثائق " * 60])
def test_text_too_long_for_the_box_is_cut_with_an_ellipsis(text: str) -> None:
    fit = fit_text(text, BOX_WIDTH, BOX_HEIGHT, max_size=20, min_size=10)
    assert fit.truncated and fit.size == 10 and fit.text.endswith("…")
    width = (BOX_WIDTH - 2 * INSET_X) / EMU_PER_POINT * WIDTH_SLACK
    lines = wrap_lines(fit.text, width, fit.size)
    assert len(lines) == fit.lines and fit.height * EMU_PER_POINT <= BOX_HEIGHT
    assert all(text_width(line, fit.size) <= width + 0.01 for line in lines)


def test_paragraphs_share_the_box_and_the_one_that_straddles_the_bottom_is_cut() -> None:
    paragraphs = [Para("Titre", bold=True), Para("mot " * 300, space_before=0.5), Para("jamais vu", space_before=0.5)]
    fits = fit_paragraphs(paragraphs, BOX_WIDTH, BOX_HEIGHT * 2, max_size=20, min_size=10)
    assert [fit.truncated for fit in fits] == [False, True] and fits[1].text.endswith("…")
    used = sum(fit.height for fit in fits) + 0.5 * fits[0].size
    assert used * EMU_PER_POINT <= BOX_HEIGHT * 2 - 2 * layout.INSET_Y


def test_no_break_spaces_keep_words_together() -> None:
    narrow = text_width("Non renseigné", 10) + 1
    assert wrap_lines("Non renseigné\u00a0(4)", narrow, 10) == ["Non", "renseigné\u00a0(4)"]


def test_wrapping_measures_the_committed_font() -> None:
    assert text_width("WWWW", 10) > text_width("iiii", 10) * 2
    assert wrap_lines("un deux trois", text_width("un deux", 10) + 1, 10) == ["un deux", "trois"]


def inside(shape, width: int, height: int) -> bool:  # type: ignore[no-untyped-def]
    return shape.left >= 0 and shape.top >= 0 and shape.left + shape.width <= width and shape.top + shape.height <= height


@pytest.mark.parametrize("name", list(REPORTS))
def test_no_text_frame_needs_more_room_than_its_box(name: str, presentations) -> None:  # type: ignore[no-untyped-def]
    deck = presentations[name]
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            if shape.rotation == 0:
                assert inside(shape, deck.slide_width, deck.slide_height), f"slide {number}: {shape.name} off the slide"
            if shape.has_text_frame and shape.text_frame.text:
                assert needed_height(shape) <= shape.height, f"slide {number}: {shape.name} {shape.text_frame.text!r}"
            if shape.has_table:
                for row in shape.table.rows:
                    for cell, column in zip(row.cells, shape.table.columns):
                        size = cell.text_frame.paragraphs[0].runs[0].font.size.pt if cell.text else 0
                        usable = (column.width - cell.margin_left - cell.margin_right) / EMU_PER_POINT * WIDTH_SLACK
                        lines = len(wrap_lines(cell.text, usable, size, bool(cell.text_frame.paragraphs[0].runs
                                                                                and cell.text_frame.paragraphs[0].runs[0].font.bold)))
                        assert lines * size * 1.2 * EMU_PER_POINT + cell.margin_top + cell.margin_bottom <= row.height + 1
                assert shape.top + sum(row.height for row in shape.table.rows) <= layout.BODY_BOTTOM


# -- right to left ---------------------------------------------------------------------------------------------------

def paragraphs_of(presentation):  # type: ignore[no-untyped-def]
    for slide in presentation.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    if paragraph.runs:
                        yield shape, paragraph


def test_arabic_paragraphs_are_right_to_left_in_arabic(presentations) -> None:  # type: ignore[no-untyped-def]
    count = 0
    for shape, paragraph in paragraphs_of(presentations["arabic"]):
        properties = paragraph._p.find(qn("a:pPr"))
        assert properties is not None and properties.get("rtl") == "1", shape.name
        assert properties.get("algn") in ("r", "ctr", "l")
        for run in paragraph.runs:
            assert run._r.find(qn("a:rPr")).get("lang") == "ar-MA"
            assert run._r.find(qn("a:rPr")).find(qn("a:cs")).get("typeface") == "DejaVu Sans"
        count += 1
    assert count > 100
    titles = [shape.text_frame.paragraphs[0] for slide in presentations["arabic"].slides
              for shape in slide.shapes if shape.is_placeholder and shape.has_text_frame]
    assert all(title._p.find(qn("a:pPr")).get("algn") == "r" for title in titles)


def test_left_to_right_decks_carry_no_rtl(presentations) -> None:  # type: ignore[no-untyped-def]
    for _, paragraph in paragraphs_of(presentations["french"]):
        properties = paragraph._p.find(qn("a:pPr"))
        assert properties is None or properties.get("rtl") != "1"


# -- rendered by LibreOffice -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["french", "arabic", "hostile", "empty", "long"])
def test_rendered_pages_are_the_slides(name: str, pdfs, presentations) -> None:  # type: ignore[no-untyped-def]
    assert page_count(pdfs[name]) == len(presentations[name].slides)


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def boxes(slide) -> list[tuple[tuple[float, float, float, float], str | None]]:  # type: ignore[no-untyped-def]
    """Every shape's box in PDF points with the text it holds (None for a chart: its labels are computed).

    A rotated box is the rectangle it covers once turned.
    """
    found = []
    for shape in slide.shapes:
        left, top, width, height = (value / EMU_PER_POINT for value in (shape.left, shape.top, shape.width, shape.height))
        if shape.rotation in (90, 270):
            centre_x, centre_y = left + width / 2, top + height / 2
            left, top, width, height = centre_x - height / 2, centre_y - width / 2, height, width
        if shape.has_chart:
            text = None
        elif shape.has_table:
            text = "\n".join(cell.text for row in shape.table.rows for cell in row.cells)
        elif shape.has_text_frame:
            text = shape.text_frame.text
        else:
            text = ""
        found.append(((left, top, left + width, top + height), None if text is None else _plain(text)))
    return found


def misplaced_words(pdf: Path, presentation) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """Words LibreOffice drew off the page, or outside every box whose text holds them (an overflow)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    pages = PAGE.findall(html)
    assert len(pages) == len(presentation.slides)
    tolerance = 3.0
    wrong = []
    for number, ((page_width, page_height, words), slide) in enumerate(zip(pages, presentation.slides), start=1):
        shapes = boxes(slide)
        for x0, y0, x1, y1, word in WORD.findall(words):
            x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)
            word = _plain(html_module.unescape(word))
            if not (0 <= x0 and x1 <= float(page_width) and 0 <= y0 and y1 <= float(page_height)):
                wrong.append((number, word))
                continue
            # Arabic words come out of pdftotext in display order, lam-alef ligatures decomposed in their own order:
            # they are matched by their letters.
            letters = "".join(sorted(word))
            # (pdftotext sometimes garbles the Arabic LibreOffice draws in charts: such a word may lie in any box.)
            owners = [box for box, text in shapes if text and (
                word in text or letters in {"".join(sorted(token)) for token in text.split()})]
            owners = (owners + [box for box, text in shapes if text is None]) if owners else [box for box, _ in shapes]
            if not any(x0 >= left - tolerance and x1 <= right + tolerance and y0 >= top - tolerance
                       and y1 <= bottom + tolerance for left, top, right, bottom in owners):
                wrong.append((number, word))
    return wrong


@pytest.mark.parametrize("name", ["french", "arabic", "hostile", "long"])
def test_rendered_text_stays_inside_its_boxes_and_the_page(name: str, pdfs, presentations) -> None:  # type: ignore[no-untyped-def]
    """LibreOffice's own layout: every word lies on the page, inside the box of a shape that holds it."""
    assert misplaced_words(pdfs[name], presentations[name]) == []


def test_an_overflowing_box_would_be_caught(decks, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The check above can fail: squeeze the idea cards of the French deck and their text spills."""
    deck = Presentation(io.BytesIO(decks["french"]))
    squeezed = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.name == "Idea" and len(shape.text_frame.text) > 30:
                shape.height = Emu(60000)
                shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
                squeezed += 1
    assert squeezed
    path = tmp_path / "squeezed.pptx"
    deck.save(str(path))
    assert misplaced_words(to_pdf(path), deck)


def test_rendered_deck_shows_the_arabic_text(pdfs) -> None:  # type: ignore[no-untyped-def]
    text = subprocess.run(["pdftotext", str(pdfs["arabic"]), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    assert "الوثائق" in text or "ﺍﻟﻮﺛﺎﺋﻖ" in text


def test_rendered_pages_are_pictures(pdfs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "empty.pdf"
    copy.write_bytes(pdfs["empty"].read_bytes())
    pages = png_pages(copy, resolution=20)
    with Image.open(pages[0]) as page:
        assert abs(page.size[0] / page.size[1] - 16 / 9) < 0.02


# -- word-cloud images -----------------------------------------------------------------------------------------------

FREQUENCIES = (("droits", 12), ("santé", 9), ("papiers", 7), ("الصحة", 5), ("l'accès", 3))


def test_word_cloud_png_has_the_requested_size_and_is_deterministic() -> None:
    first = render_wordcloud_png(FREQUENCIES, "ltr", 801, 401)
    image = Image.open(io.BytesIO(first))
    assert image.format == "PNG" and image.size == (801, 401)
    assert render_wordcloud_png(FREQUENCIES, "ltr", 801, 401) == first
    big = Image.open(io.BytesIO(render_wordcloud_png(FREQUENCIES, "rtl", 1601, 701)))
    assert big.size == (1601, 701)


def test_empty_frequencies_give_a_quiet_placeholder() -> None:
    image = Image.open(io.BytesIO(render_wordcloud_png((), "rtl", 400, 200, empty_text="لا توجد كلمات بعد")))
    assert image.size == (400, 200)
    assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # the message is drawn
    blank = Image.open(io.BytesIO(render_wordcloud_png({}, "ltr", 300, 100)))
    assert blank.size == (300, 100)
    svg = render_wordcloud_svg([], "rtl", 300, 100, empty_text="<rien>")
    assert b"&lt;rien&gt;" in svg and svg.startswith(b"<svg")


def test_svg_holds_the_words_in_reading_order_with_the_font_embedded() -> None:
    svg = render_wordcloud_svg(FREQUENCIES + (("a\x07b", 2),), "ltr", 800, 400).decode()
    assert "@font-face" in svg and "الصحة" in svg and "santé" in svg and "\x07" not in svg


def test_arabic_is_shaped_by_raqm_or_reshaped_without_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert render_wordcloud.displayed("الصحة", raqm=True) == "الصحة"  # raqm shapes it: no reshaping
    pytest.importorskip("arabic_reshaper")
    pytest.importorskip("bidi")
    shaped = render_wordcloud.displayed("الصحة", raqm=False)
    assert shaped != "الصحة" and all("\ufe70" <= character <= "\ufeff" for character in shaped)
    assert render_wordcloud.displayed("santé", raqm=False) == "santé"
    # The whole branch, as on a laptop whose Pillow has no raqm.
    import PIL.ImageFont

    monkeypatch.setattr(PIL.ImageFont.core, "HAVE_RAQM", False)
    monkeypatch.setattr(render_wordcloud, "RAQM", False)
    image = Image.open(io.BytesIO(render_wordcloud_png(FREQUENCIES, "rtl", 400, 200)))
    assert image.size == (400, 200)
    assert "الصحة" in render_wordcloud_svg(FREQUENCIES, "rtl", 400, 200, embed_font=False).decode()


def test_deck_survives_a_report_without_the_new_labels(reports) -> None:  # type: ignore[no-untyped-def]
    old = replace(reports["french"], labels={key: value for key, value in reports["french"].labels.items()
                                             if not key.startswith("deck_")})
    assert Presentation(io.BytesIO(render_deck(old))).slides
