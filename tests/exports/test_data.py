"""The data exports: the workbook re-opened with openpyxl and read back through LibreOffice; the CSV files."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.exports.rendering import soffice
from tests.exports.sample_reports import arabic_report, empty_report, french_report, hostile_report
from workshop.exports.data_labels import DATA_LABELS
from workshop.exports.labels import all_labels
from workshop.exports.render_csv import escape_formula, render_csv, render_room_csv_zip, render_votes_csv
from workshop.exports.render_xlsx import EXCEL_CELL_LIMIT, render_xlsx, sheet_name

FORMULAS = ("=HYPERLINK(\"http://evil\")", "+33 6 12 34 56 78", "-2+3", "@SUM(A1:A2)")


@pytest.fixture(scope="module")
def reports():  # type: ignore[no-untyped-def]
    return {"french": french_report(), "arabic": arabic_report(), "empty": empty_report(),
            "hostile": hostile_report(2000)}


@pytest.fixture(scope="module")
def workbooks(reports):  # type: ignore[no-untyped-def]
    return {name: load_workbook(io.BytesIO(render_xlsx(report))) for name, report in reports.items()}


def sheet_texts(sheet) -> list[str]:  # type: ignore[no-untyped-def]
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def activity_sheet(workbook, report, room_index: int, activity_index: int):  # type: ignore[no-untyped-def]
    """The sheet of one activity, found through the contents sheet (its first column lists the sheets)."""
    number = sum(len(room.activities) for room in report.rooms[:room_index]) + activity_index
    contents = workbook.worksheets[0]
    name = contents.cell(row=6 + number, column=1).value
    return workbook[name]


# -- the workbook ----------------------------------------------------------------------------------------------------

def test_sheet_names_are_valid_and_unique(workbooks) -> None:  # type: ignore[no-untyped-def]
    for workbook in workbooks.values():
        names = workbook.sheetnames
        assert len({name.lower() for name in names}) == len(names)
        for name in names:
            assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_sheet_name_rules() -> None:
    taken: set[str] = set()
    assert sheet_name("Vote: [final]/2026?", taken) == "Vote final 2026"
    long = "Matrice impact × faisabilité et autres choses encore"
    first, second = sheet_name(long, taken), sheet_name(long, taken)
    assert len(first) == len(second) == 31 and first != second and second.endswith("(2)")
    assert sheet_name("History", taken) == "History (2)"  # reserved by Excel
    assert sheet_name("'''", taken) == "Sheet"


def test_one_sheet_per_activity_then_axes_actors_asks_participants(reports, workbooks) -> None:  # type: ignore[no-untyped-def]
    report, workbook = reports["french"], workbooks["french"]
    activities = [activity for room in report.rooms for activity in room.activities]
    labels = report.labels
    assert workbook.sheetnames[0] == labels["data_sheet_contents"]
    assert len(workbook.sheetnames) == 1 + len(activities) + 4
    assert workbook.sheetnames[-4:] == [labels["data_sheet_axes"], labels["block_actors"], labels["block_asks"],
                                        labels["participants"]]
    contents = workbook.worksheets[0]
    assert contents.cell(row=1, column=1).value == report.meta.title
    links = [contents.cell(row=6 + index, column=1).hyperlink for index in range(len(activities))]
    assert all(link is not None and link.location for link in links)


def test_every_visible_idea_is_in_its_sheet_and_hidden_ones_only_when_asked(reports, workbooks) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    activity = report.rooms[1].activities[0]
    sheet = activity_sheet(workbooks["french"], report, 1, 0)
    texts = sheet_texts(sheet)
    visible = [idea.text for idea in activity.ideas if not idea.hidden]
    hidden = [idea.text for idea in activity.ideas if idea.hidden]
    assert visible and hidden
    assert all(text in texts for text in visible)
    assert not set(hidden) & set(texts)
    with_hidden = load_workbook(io.BytesIO(render_xlsx(report, include_hidden=True)))
    texts = sheet_texts(activity_sheet(with_hidden, report, 1, 0))
    assert all(text in texts for text in visible + hidden)
    assert report.labels["yes"] in texts  # the hidden column says which


def test_activity_sheet_holds_its_result_table_and_votes(reports, workbooks) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    activity = report.rooms[1].activities[1]
    sheet = activity_sheet(workbooks["french"], report, 1, 1)
    assert sheet.cell(row=1, column=1).value == activity.prompt
    header = [cell.value for cell in sheet[4]]
    assert list(activity.table.headers) == header[:len(activity.table.headers)]
    assert report.labels["data_participant"] in header and report.labels["points"] in header
    first = [cell.value for cell in sheet[5]][:len(activity.table.headers)]
    assert first == [1, activity.table.rows[0][1], 30, 15]  # numeric columns are numbers


def test_header_row_is_styled_and_frozen_and_widths_are_sensible(workbooks) -> None:  # type: ignore[no-untyped-def]
    for sheet in workbooks["french"].worksheets[1:]:
        header = 5 if sheet.title == workbooks["french"].sheetnames[0] else 4
        assert sheet.freeze_panes == f"A{header + 1}"
        assert sheet.cell(row=header, column=1).font.bold
        assert sheet.cell(row=header, column=1).fill.fgColor.rgb.endswith("0B4F6C")
        widths = [dimension.width for dimension in sheet.column_dimensions.values() if dimension.width]
        assert widths and all(6 <= width <= 60 for width in widths)


def test_axes_sheets(reports, workbooks) -> None:  # type: ignore[no-untyped-def]
    strategy = reports["french"].strategy
    workbook = workbooks["french"]
    axes = workbook[reports["french"].labels["data_sheet_axes"]]
    titles = [axes.cell(row=5 + index, column=3).value for index in range(len(strategy.axes))]
    assert titles == [axis.title for axis in strategy.axes]
    assert axes.cell(row=5, column=6).value == 82.5
    actors = workbook[reports["french"].labels["block_actors"]]
    assert actors.max_row == 4 + sum(len(axis.actors) for axis in strategy.axes)


def test_participants_sheet_has_counts_never_names(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    named = replace(report, rooms=tuple(replace(room, participants=replace(room.participants,
                                                                            pseudonyms=("Amina B.", "Moussa K.")))
                                        for room in report.rooms))
    workbook = load_workbook(io.BytesIO(render_xlsx(named)))
    texts = [text for sheet in workbook.worksheets for text in sheet_texts(sheet)]
    assert "Amina B." not in texts and "Moussa K." not in texts
    sheet = workbook[report.labels["participants"]]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
    assert [report.rooms[0].name, 40] == values[0][:2]
    assert any(row[3:6] == [report.rooms[0].name, "Organisation de personnes migrantes", 9] for row in values)


def test_arabic_sheets_read_right_to_left(workbooks) -> None:  # type: ignore[no-untyped-def]
    assert all(sheet.sheet_view.rightToLeft for sheet in workbooks["arabic"].worksheets)
    assert not any(sheet.sheet_view.rightToLeft for sheet in workbooks["french"].worksheets)


def test_empty_report_gives_a_valid_workbook(workbooks) -> None:  # type: ignore[no-untyped-def]
    assert workbooks["empty"].sheetnames == [all_labels()["data_sheet_contents"], all_labels()["participants"]]


def formula_cells(workbook):  # type: ignore[no-untyped-def]
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))]


def test_hostile_texts_are_kept_whole_as_text_never_as_formulas(reports, workbooks) -> None:  # type: ignore[no-untyped-def]
    workbook = workbooks["hostile"]
    cells = formula_cells(workbook)
    assert {cell.value for cell in cells} >= set(FORMULAS)
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    texts = sheet_texts(activity_sheet(workbook, reports["hostile"], 0, 0))
    assert "x" * 5000 in texts  # complete, unlike on the slides
    assert "ab\nc" in texts  # the bell dropped, the vertical tab (Word's line break) kept as a line break
    ideas = [text for text in texts if text.startswith("Idée numéro")]
    assert len(ideas) == 2000 - 40


def test_a_cell_longer_than_excel_allows_is_cut_visibly(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    room = report.rooms[1]
    activity = room.activities[0]
    giant = replace(activity.ideas[0], text="y" * 40_000)
    changed = replace(report, rooms=(report.rooms[0], replace(room, activities=(
        replace(activity, ideas=(giant, *activity.ideas[1:])), *room.activities[1:])), *report.rooms[2:]))
    sheet = activity_sheet(load_workbook(io.BytesIO(render_xlsx(changed))), changed, 1, 0)
    longest = max(sheet_texts(sheet), key=len)
    assert len(longest) == EXCEL_CELL_LIMIT and longest.endswith("…")


@pytest.fixture(scope="module")
def libreoffice_csv(reports, tmp_path_factory) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The hostile workbook and a control workbook with a real formula, every sheet saved by LibreOffice as CSV."""
    folder = tmp_path_factory.mktemp("calc")
    (folder / "hostile.xlsx").write_bytes(render_xlsx(reports["hostile"]))
    control = Workbook()
    control.active["A1"] = "=1+1"
    control.save(folder / "control.xlsx")
    # 59 = ';', 34 = '"', 76 = UTF-8; the last token, -1, writes every sheet to its own file.
    options = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1"
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", options, "--outdir", str(folder), str(folder / "hostile.xlsx"),
                        str(folder / "control.xlsx")], check=True, capture_output=True, timeout=180,
                       env=os.environ | {"HOME": profile})
    return {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("*.csv")}


def test_libreoffice_reads_the_escaped_cells_as_literal_text(libreoffice_csv) -> None:  # type: ignore[no-untyped-def]
    control = next(text for name, text in libreoffice_csv.items() if name.startswith("control"))
    assert control.strip() == "2"  # a real formula is computed: the check below could fail
    ideas = next(text for name, text in libreoffice_csv.items() if name.startswith("hostile-1 "))
    rows = list(csv.reader(io.StringIO(ideas), delimiter=";"))
    values = {row[1] for row in rows if len(row) > 1}
    assert set(FORMULAS) <= values
    assert "x" * 5000 in values


def test_every_label_the_data_exports_print_is_declared() -> None:
    sources = "".join(Path(module).read_text() for module in (
        Path(__file__).parents[2] / "workshop/exports/render_xlsx.py",
        Path(__file__).parents[2] / "workshop/exports/render_csv.py"))
    import re

    used = set(re.findall(r"""(?:label|labels)[\(\[]["']([a-z0-9_]+)["']""", sources))
    assert used - set(all_labels()) == set()
    assert set(DATA_LABELS) <= used


# -- CSV -------------------------------------------------------------------------------------------------------------

def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_csv_of_ideas_for_french_excel(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    activity = report.rooms[1].activities[0]
    rows = read_csv(render_csv(activity, labels=report.labels))
    assert rows[0] == [report.labels[key] for key in ("data_idea_id", "idea", "cluster", "hidden",
                                                      "data_merged_into", "data_participant", "data_created_at")]
    texts = [row[1] for row in rows[1:]]
    assert texts == [idea.text for idea in activity.ideas if not idea.hidden]
    everything = read_csv(render_csv(activity, include_hidden=True, labels=report.labels))
    assert [row[1] for row in everything[1:]] == [idea.text for idea in activity.ideas]


def test_csv_without_labels_uses_the_english_headers(reports) -> None:  # type: ignore[no-untyped-def]
    rows = read_csv(render_csv(reports["french"].rooms[1].activities[0]))
    assert rows[0][:2] == ["No.", "Idea"]


def test_csv_escapes_formulas_and_keeps_long_texts(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["hostile"]
    rows = read_csv(render_csv(report.rooms[0].activities[0], labels=report.labels))
    texts = [row[1] for row in rows[1:]]
    for formula in FORMULAS:
        assert "'" + formula in texts and formula not in texts
    assert "x" * 5000 in texts and "ab\nc" in texts
    assert len(rows) == 2001


def test_votes_csv_and_room_zip(reports) -> None:  # type: ignore[no-untyped-def]
    report = reports["french"]
    room = report.rooms[1]
    votes = read_csv(render_votes_csv(room.activities[1], report.labels))
    assert votes[0] == [report.labels[key] for key in ("data_participant", "item", "data_criterion", "points",
                                                      "organisation_type", "region")]
    assert len(votes) == 1 + len(room.activities[1].votes) and votes[1][3] == "2"
    with zipfile.ZipFile(io.BytesIO(render_room_csv_zip(room, labels=report.labels))) as archive:
        names = archive.namelist()
        assert "001-brainstorm-ideas.csv" in names and "010-dot_voting-votes.csv" in names
        assert "011-criteria_scoring-results.csv" in names
        assert read_csv(archive.read("010-dot_voting-results.csv"))[0] == list(room.activities[1].table.headers)


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"), ("+33", "'+33"), ("-x", "'-x"), ("@me", "'@me"), ("\tx", "'\tx"), ("ok = fine", "ok = fine"),
    ("", ""),
])
def test_escape_formula(text: str, expected: str) -> None:
    assert escape_formula(text) == expected


