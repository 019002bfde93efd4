"""The group view (who supports what) in the documents, read back from LibreOffice's rendering."""
from __future__ import annotations

import pytest

from workshop.domain.groups import compare_rankings, contrast, rank_correlation
from workshop.services.files import export_room_file

from .meeting import build_meeting
from .rendering import pdf_reading_text, to_pdf


def identity(text: str) -> str:
    return text


def test_contrast_and_rank_agreement() -> None:
    assert contrast({"OPM": 75.7, "Institutions": 26.6}, per_respondent=False).kind == "strong"
    assert contrast({"OPM": 60, "Institutions": 52}, per_respondent=False).kind == "consensus"
    found = contrast({"OPM": 3.0, "Institutions": 0.0}, per_respondent=True)
    assert (found.kind, found.high_group, found.low_group) == ("strong", "OPM", "Institutions")
    assert contrast({"OPM": 3.0}, per_respondent=True).kind == "too_few"
    assert rank_correlation(["a", "b", "c", "d"], ["a", "b", "c", "d"]) == (1.0, 4)
    assert rank_correlation(["a", "b", "c"], ["c", "b", "a"]) == (-1.0, 3)
    opposed = compare_rankings(["a", "b", "c"], ["c", "b", "a"])
    assert opposed is not None and opposed.disagree and not opposed.same_top
    assert compare_rankings(["a", "b", "c"], ["a", "b", "c"]).disagree is False  # type: ignore[union-attr]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_room_minutes_print_the_group_view_with_the_numbers_cast(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, second_workshop=False)
    content = export_room_file(ctx, meeting.codes["papers"], "docx", language="fr", translate=identity).content
    path = tmp_path / "minutes.docx"
    path.write_bytes(content)
    text = pdf_reading_text(to_pdf(path))
    assert "Who supports what: by type of organisation and by region" in text
    # Dot voting: 6 OPM gave 3 points to papers and 2 to health; 5 public institutions gave 5 to health.
    assert "(n=6)" in text and "(n=5)" in text
    assert "18 (1)" in text and "12 (2)" in text and "25 (1)" in text
    # The two researchers are too few to be shown, even pooled into « others ».
    assert "(n=2)" not in text and "Research or university (n" not in text
    assert ("strong support from Migrant-led organisation (3,0 per respondent), weak from Public institution "
            "(0,0 per respondent)") in text
    assert "no support from the groups shown" in text  # only the (unprintable) researchers gave school points
    assert "Groups of fewer than 5 respondents are pooled" in text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_votes_in_csv_and_xlsx_carry_the_voters_type_and_region(ctx) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io
    import zipfile

    from openpyxl import load_workbook

    meeting = build_meeting(ctx, second_workshop=False)
    archive = zipfile.ZipFile(io.BytesIO(export_room_file(ctx, meeting.codes["papers"], "csv", language="fr",
                                                          translate=identity).content))
    name = next(name for name in archive.namelist() if "dot_voting" in name and name.endswith("votes.csv"))
    rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-2:] == ["Type of organisation", "Region"]
    voters = {(row[0], row[-2], row[-1]) for row in rows[1:]}
    assert len(voters) == 13 and all(participant.startswith("p_") for participant, _kind, _region in voters)
    kinds = [kind for _participant, kind, _region in voters]
    assert kinds.count("Migrant-led organisation") == 6 and kinds.count("Public institution") == 5
    workbook = load_workbook(io.BytesIO(export_room_file(ctx, meeting.codes["papers"], "xlsx", language="fr",
                                                         translate=identity).content))
    cells = {cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row}
    assert {"Rabat-Salé-Kénitra", "Casablanca-Settat", "Research or university"} <= cells


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_workbook_has_a_group_view_sheet_with_the_numbers_cast(ctx) -> None:  # type: ignore[no-untyped-def]
    import io

    from openpyxl import load_workbook

    from .meeting import HEALTH, PAPERS, SCHOOL

    meeting = build_meeting(ctx, second_workshop=False)
    workbook = load_workbook(io.BytesIO(export_room_file(ctx, meeting.codes["papers"], "xlsx", language="fr",
                                                         translate=identity).content))
    sheet = workbook["By group"]
    assert sheet.cell(row=3, column=1).value.startswith("Groups of fewer than 5 respondents are pooled")
    headers = [cell.value for cell in sheet[4]]
    assert headers == ["Sheet", "Room", "Type", "Question", "Breakdown", "Group", "n", "Item", "Measure", "Value",
                       "Rank"]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=5)]
    dots = {(row[4], row[5], row[7]): row for row in rows if row[3] == "Où mettre nos efforts ?"}
    # 6 OPM gave 3 points each to papers and 2 to health; 5 public institutions gave 5 each to health.
    opm = dots[("By type of organisation", "Migrant-led organisation", PAPERS)]
    assert opm[6] == 6 and opm[8] == "Points" and opm[9] == 18 and opm[10] == 1
    assert dots[("By type of organisation", "Migrant-led organisation", HEALTH)][9:] == (12, 2)
    assert dots[("By type of organisation", "Public institution", HEALTH)][6] == 5
    assert dots[("By type of organisation", "Public institution", HEALTH)][9:] == (25, 1)
    assert dots[("By region", "Casablanca-Settat", PAPERS)][9:] == (18, 1)
    # Each row points at its activity's sheet; the two researchers (too few, even pooled) are nowhere.
    assert opm[0] in workbook.sheetnames and opm[1] == "Atelier papiers"
    assert not any(row[5] in ("Research or university", "others") for row in rows)
    assert {row[5] for row in rows} == {"Migrant-led organisation", "Public institution", "Casablanca-Settat",
                                        "Rabat-Salé-Kénitra"}
    # Both prioritizations are there: the criteria scores as mean scores (school 100 for everyone).
    scores = {(row[5], row[7]): row for row in rows if row[3] == "Notez chaque priorité"}
    assert scores[("Migrant-led organisation", SCHOOL)][8:] == ("Score (0–100)", 100, 1)
    assert "By group" in [cell.value for row in workbook[workbook.sheetnames[0]].iter_rows() for cell in row]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_minutes_declare_every_signal_and_say_when_they_disagree(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    meeting = build_meeting(ctx, second_workshop=False)
    path = tmp_path / "minutes.docx"
    path.write_bytes(export_room_file(ctx, meeting.codes["papers"], "docx", language="fr", translate=identity).content)
    text = pdf_reading_text(to_pdf(path))
    assert "Every prioritization, side by side" in text
    # Dots: health 37, papers 18, school 10. Scores: school 100, health 50, papers 0. Spearman = 1 − 6·6/24 = −0.5.
    assert ("« Dot voting » and « Criteria scoring » disagree: their rank correlation on 3 shared items is only "
            "-0,5, and the first puts « Accès aux soins » first, the second « Scolarisation des enfants »") in text
    assert "Impact (×1)" in text  # each criterion's mean, its weight in the header
    assert "Sensitivity" in text or "Stable" in text


def test_a_score_reading_says_when_opinions_are_divided_within_groups() -> None:
    import workshop.activities  # noqa: F401  (registers the types and their labels)
    from workshop.activities.prioritizing import group_views
    from workshop.services.reports import report_words

    words = report_words(identity, "fr")
    results = {"items": [{"id": 1, "text": "Papiers", "agreement": {"label": "divided"}},
                         {"id": 2, "text": "Santé", "agreement": {"label": "consensus"}}],
               "groups": {"organisation_type": [
                   {"group": "opm", "n": 6, "items": {"1": {"score": 75.7}, "2": {"score": 40.0}}},
                   {"group": "other", "n": 5, "items": {"1": {"score": 26.6}, "2": {"score": 45.0}}}]}}
    [view] = group_views(results, words, value_key="score")
    assert view.table.headers[1:3] == ("Migrant-led organisation (n=6)", "others (n=5)")
    assert view.table.rows[0][1:3] == ("75,7 (1)", "26,6 (2)")
    assert view.readings[0][1] == ("strong support from Migrant-led organisation (75,7), weak from others (26,6) ; "
                                   "opinions divided within the groups")
    assert view.readings[1][1] == "broad agreement across groups (40,0 to 45,0)"
    # The workbook's numbers: the pooled small groups under « others », ranks within each group.
    assert [(record.group, record.n, record.item, record.value, record.rank) for record in view.records] == [
        ("Migrant-led organisation", 6, "Papiers", 75.7, 1), ("Migrant-led organisation", 6, "Santé", 40.0, 2),
        ("others", 5, "Papiers", 26.6, 2), ("others", 5, "Santé", 45.0, 1)]
