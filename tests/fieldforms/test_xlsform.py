"""The XLSForm written from a spec is what KoboToolbox and ODK accept: pyxform, the converter both use, converts it."""
from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from workshop.fieldforms import Question, write_xlsform

from .sample import sample_spec


def sheets(content: bytes) -> dict[str, list[dict[str, object]]]:
    workbook = load_workbook(io.BytesIO(content))
    tables = {}
    for sheet in workbook.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        tables[sheet.title] = [dict(zip(rows[0], row)) for row in rows[1:]]
    return tables


def test_sheets_columns_and_rows() -> None:
    tables = sheets(write_xlsform(sample_spec()))
    assert list(tables) == ["survey", "choices", "settings"]
    survey = tables["survey"]
    assert [row["type"] for row in survey] == ["select_one regions", "integer", "begin_group", "select_one yes_no",
                                               "begin_group", "select_multiple services", "end_group", "end_group",
                                               "text"]
    soins = survey[3]
    assert soins["label::Français (fr)"] == "A obtenu les soins"
    assert soins["label::العربية (ar)"] == "حصل على العلاج"
    assert soins["hint::English (en)"] == "Last time"
    assert soins["ws_key"] == "h1"
    assert survey[0]["required"] == "yes" and survey[1]["constraint"] == ". >= 15"
    assert survey[2]["appearance"] == "field-list"
    assert {(row["list_name"], row["name"]) for row in tables["choices"]} >= {("yes_no", "oui"), ("regions", "oriental")}
    assert tables["settings"] == [{"form_title": "Formulaire d'essai", "form_id": "essai", "version": "1",
                                   "default_language": "Français (fr)"}]


def test_pyxform_converts_it_with_every_language_and_no_warning() -> None:
    warnings: list[str] = []
    result = convert(xlsform=io.BytesIO(write_xlsform(sample_spec())), warnings=warnings, file_type=".xlsx")
    xml = result.xform
    assert warnings == []
    for language in ("Français (fr)", "العربية (ar)", "English (en)"):
        assert f'lang="{language}"' in xml
    assert 'lang="Français (fr)" default="true()"' in xml
    assert 'id="essai"' in xml and 'version="1"' in xml
    assert '<select ref="/data/acces/detail/services"' in xml  # the group path exports will carry
    assert re.search(r'<bind nodeset="/data/region"[^>]*required="true\(\)"', xml)
    assert "ws_key" not in xml  # extra columns stay out of the form the phone runs
    assert "<instanceID/>" in xml


def test_a_spec_kobo_would_refuse_is_refused_before_writing() -> None:
    spec = sample_spec()
    twice = replace(spec, items=(*spec.items, Question("text", "age", {"fr": "Encore"})))
    with pytest.raises(ValueError, match="used twice"):
        write_xlsform(twice)
    with pytest.raises(ValueError, match="unknown choice list"):
        write_xlsform(replace(spec, items=(Question("select_one", "x", {"fr": "X"}, choices="nope"),)))
    with pytest.raises(ValueError, match="invalid question name"):
        write_xlsform(replace(spec, items=(Question("text", "2x", {"fr": "X"}),)))
    with pytest.raises(ValueError, match="undeclared columns"):
        write_xlsform(replace(spec, items=(Question("text", "x", {"fr": "X"}, extra={"ws_other": "1"}),)))
