"""Exports as KoboToolbox and ODK Central write them, in each of their header and value settings, read back."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import Workbook

from workshop.fieldforms import read_submissions

from .sample import sample_spec


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("repeat_group").append(["_parent_index", "x"])  # later sheets are ignored
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def csv_bytes(rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8-sig") -> bytes:
    output = io.StringIO()
    csv.writer(output, delimiter=delimiter).writerows(rows)
    return output.getvalue().encode(encoding)


KOBO_HEADERS = ["start", "end", "region", "age", "acces/soins", "acces/detail/services", "acces/detail/services/sante",
                "acces/detail/services/ecole", "acces/detail/services/justice", "commentaire", "_id", "_uuid",
                "_submission_time", "_validation_status", "_index"]


def test_kobo_xlsx_with_names_and_group_paths() -> None:
    content = xlsx([KOBO_HEADERS,
                    ["2026-11-02T10:00:00", "2026-11-02T10:07:00", "oriental", 34, "oui", "sante justice", 1, 0, 1,
                     "Merci", 101, "u-1", "2026-11-02T10:08:00", None, 1],
                    ["2026-11-02T11:00:00", "2026-11-02T11:05:00", "souss_massa", None, "non", None, 0, 0, 0, None,
                     102, "u-2", "2026-11-02T11:06:00", None, 2]])
    read = read_submissions(content, sample_spec())
    assert read.rejected == []
    first, second = read.accepted
    assert (first.row, first.uuid, first.submitted_at, first.started_at) == (2, "u-1", "2026-11-02T10:08:00",
                                                                             "2026-11-02T10:00:00")
    assert first.values == {"region": "oriental", "age": 34, "soins": "oui", "services": ("sante", "justice"),
                            "commentaire": "Merci"}
    assert second.values == {"region": "souss_massa", "age": None, "soins": "non", "services": None,
                             "commentaire": None}


def test_labels_in_any_language_and_dot_separated_headers() -> None:
    headers = ["region", "acces.soins", "acces.detail.services", "_uuid"]
    content = csv_bytes([headers, ["جهة الشرق", "نعم", "الصحة", "a"], ["Souss-Massa", "yes", "Santé École", "b"],
                         ["  souss-massa ", "NON", "Health, School", "c"]], delimiter=";")
    read = read_submissions(content, sample_spec())
    assert read.rejected == []
    assert [(s.values["region"], s.values["soins"], s.values["services"]) for s in read.accepted] == [
        ("oriental", "oui", ("sante",)), ("souss_massa", "oui", ("sante", "ecole")),
        ("souss_massa", "non", ("sante", "ecole"))]


def test_headers_without_groups_and_as_labels() -> None:
    content = csv_bytes([["Région", "soins", "services", "A obtenu les soins", "_uuid"],
                         ["oriental", "oui", "ecole", "non", "z"]])
    (only,) = read_submissions(content, sample_spec()).accepted
    # The name column comes first and wins; the label column naming the same question is the fallback only.
    assert only.values["region"] == "oriental" and only.values["soins"] == "oui"
    assert only.values["services"] == ("ecole",)


def test_select_multiple_from_its_zero_one_columns_only() -> None:
    content = csv_bytes([["region", "acces/detail/services/sante", "acces/detail/services/ecole", "_uuid"],
                         ["oriental", "1", "0", "m1"], ["oriental", "0", "0", "m2"], ["oriental", "2", "0", "m3"]])
    read = read_submissions(content, sample_spec())
    assert [s.values["services"] for s in read.accepted] == [("sante",), None]
    assert [(r.row, r.code, r.question) for r in read.rejected] == [(4, "not_a_choice", "services")]


def test_odk_central_csv() -> None:
    headers = ["SubmissionDate", "region", "age", "acces-soins", "acces-detail-services", "meta-instanceID", "KEY"]
    content = csv_bytes([headers, ["2026-11-03T09:00:00.000Z", "oriental", "41", "oui", "justice",
                                   "uuid:0b1c", "uuid:0b1c"]], encoding="utf-8")
    (only,) = read_submissions(content, sample_spec()).accepted
    assert only.uuid == "0b1c" and only.submitted_at.startswith("2026-11-03")
    assert only.values["soins"] == "oui" and only.values["services"] == ("justice",) and only.values["age"] == 41


def test_malformed_rows_are_rejected_with_their_row_and_reason_and_the_others_kept() -> None:
    content = csv_bytes([KOBO_HEADERS[:6] + ["_uuid"],
                         ["", "", "oriental", "30", "oui", "", "ok-1"],
                         ["", "", "casablanca", "30", "oui", "", "bad-region"],
                         ["", "", "oriental", "trente", "oui", "", "bad-age"],
                         ["", "", "oriental", "30.5", "oui", "", "half-age"],
                         ["", "", "", "30", "oui", "", "no-region"],
                         ["", "", "oriental", "30", "peut-être", "", "bad-answer"],
                         ["", "", "oriental", "30", "oui", "sante velo", "bad-service"],
                         ["", "", "oriental", "30", "oui", "", ""],
                         ["", "", "", "", "", "", ""],
                         ["", "", "oriental", "nan", "oui", "", "nan-age"],
                         ["", "", "oriental", "22", "non", "", "ok-1"]])
    read = read_submissions(content, sample_spec())
    assert [s.uuid for s in read.accepted] == ["ok-1"]
    assert [(r.row, r.code, r.question) for r in read.rejected] == [
        (3, "not_a_choice", "region"), (4, "not_a_number", "age"), (5, "not_a_number", "age"),
        (6, "required", "region"), (7, "not_a_choice", "soins"), (8, "not_a_choice", "services"),
        (9, "missing_uuid", ""), (11, "not_a_number", "age"), (12, "duplicate_uuid", "")]
    assert read.rejected[0].reason == "region: 'casablanca' is not one of the choices"
    assert read.rejected[3].reason == "region: required answer missing"


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary", b"PK\x03\x04 not a zip"])
def test_unreadable_or_empty_files(content: bytes) -> None:
    read = read_submissions(content, sample_spec())
    assert read.accepted == []
    assert [r.code for r in read.rejected] in ([], ["unreadable_file"])


def test_a_table_with_no_column_of_the_form() -> None:
    read = read_submissions(csv_bytes([["nom", "prenom"], ["a", "b"]]), sample_spec())
    assert [r.code for r in read.rejected] == ["no_known_column"]


def test_french_excel_csv_in_windows_1252() -> None:
    content = csv_bytes([["region", "acces/soins", "_uuid"], ["Souss-Massa", "Non", "w1"]], delimiter=";",
                        encoding="cp1252")
    (only,) = read_submissions(content, sample_spec()).accepted
    assert only.values["region"] == "souss_massa" and only.values["soins"] == "non"
