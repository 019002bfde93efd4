"""XLSForm → filled submissions → import → scores, through the installed ``workshop barometer`` commands."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from .field_export import SAMPLE_SIZES, as_csv, as_xlsx, fill, read_form

WORKSHOP = Path(sys.executable).parent / "workshop"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = os.environ | {"WORKSHOP_INSTANCE_PATH": str(tmp_path / "instance")}

    def workshop(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(WORKSHOP), "barometer", *args], env=env, capture_output=True, text=True,
                              timeout=120, check=check)

    return workshop


def test_form_import_scores_round_trip(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    created = json.loads(run("create-edition", "--title", "Baromètre 2026", "--json").stdout)
    assert created == {"edition": {"id": 1, "title": "Baromètre 2026"}}

    form_path = tmp_path / "form.xlsx"
    run("form", "Baromètre 2026", "--out", str(form_path))
    form = form_path.read_bytes()
    warnings: list[str] = []
    xform = convert(xlsform=io.BytesIO(form), warnings=warnings, file_type=".xlsx").xform
    assert warnings == []
    assert 'lang="العربية (ar)"' in xform and 'lang="English (en)"' in xform
    survey, choices = read_form(form)
    by_name = {row["name"]: row for row in survey}
    assert choices["regions"][:2] == ["tanger_tetouan_al_hoceima", "oriental"] and len(choices["regions"]) == 12
    assert choices["perception"] == ["tres_facile", "facile", "difficile", "tres_difficile", "nsp"]
    assert choices["yes_no"] == ["oui", "non"]
    usage = by_name["sante_soins_obtenus"]
    assert (usage["ws_sector"], usage["ws_dimension"], usage["ws_indicator"], usage["ws_kind"]) == (
        "sante", "accessibilite", "sante_soins_obtenus", "usage")
    assert usage["relevant"] == "${besoin_sante} = 'oui'"
    assert by_name["edu_facilite_inscription"]["type"] == "select_one perception"
    assert by_name["region"]["required"] == "yes"
    assert "sante_droit_soins_base" not in by_name  # legal indicators are scored by experts, not asked

    headers, rows = fill(form)
    # Malformed rows, as field exports have them: an unknown region, a value no choice has, no identifier.
    region_column, soins_column = headers.index("region"), headers.index("sante/sante_soins_obtenus")
    bad_region = list(rows[0]); bad_region[region_column] = "Paris"; bad_region[-3] = "bad-1"
    bad_value = list(rows[1]); bad_value[soins_column] = "peut-être"; bad_value[-3] = "bad-2"
    no_uuid = list(rows[2]); no_uuid[-3] = None
    export = tmp_path / "export.xlsx"
    export.write_bytes(as_xlsx(headers, [*rows, bad_region, bad_value, no_uuid]))
    result = json.loads(run("import", "1", str(export), "--json").stdout)
    assert result["imported"] == sum(SAMPLE_SIZES.values())
    assert [(item["row"], item["code"]) for item in result["rejected"]] == [
        (len(rows) + 2, "not_a_choice"), (len(rows) + 3, "not_a_choice"), (len(rows) + 4, "missing_uuid")]
    assert "Paris" in result["rejected"][0]["reason"] and set(result["rejected"][0]) == {"row", "reason", "code"}

    again = json.loads(run("import", "1", str(export), "--json").stdout)
    assert again["imported"] == 0  # the same _uuid adds nothing
    # The same submissions as a CSV export with Arabic labels and no group paths: still nothing new.
    arabic = tmp_path / "arabic.csv"
    arabic_headers = [header.split("/")[-1] for header in headers]
    labels = {"oui": "نعم", "non": "لا", "oriental": "جهة الشرق"}
    arabic.write_bytes(as_csv(arabic_headers, [[labels.get(v, v) if isinstance(v, str) else v for v in row]
                                               for row in rows[:20]]))
    assert json.loads(run("import", "1", str(arabic), "--json").stdout) == {"imported": 0, "rejected": []}

    scores = json.loads(run("scores", "1", "--json").stdout)
    assert scores["edition"]["responses"] == sum(SAMPLE_SIZES.values())
    cells = scores["cells"]
    assert set(cells[0]) == {"region", "sector", "dimension", "indicator", "kind", "score", "n", "ci", "flag", "change"}
    regions = {cell["region"] for cell in cells}
    assert len(regions) == 13 and "national" in regions
    national = {(c["sector"], c["dimension"], c["indicator"]): c for c in cells if c["region"] == "national"}
    sector = national[("sante", None, None)]
    assert sector["kind"] == "sector" and sector["n"] == sum(SAMPLE_SIZES.values())
    knowledge = national[("sante", "droits", "sante_connait_droit_soins")]
    assert knowledge["kind"] == "knowledge" and knowledge["ci"][0] < knowledge["score"] < knowledge["ci"][1]
    # Nobody answered in Drâa-Tafilalet: n.d. everywhere, never a zero.
    empty = [c for c in cells if c["region"] == "draa_tafilalet" and c["kind"] == "perception"]
    assert empty and all(c["score"] is None and c["flag"] == "n.d." and c["n"] == 0 for c in empty)
    small = [c for c in cells if c["region"] == "beni_mellal_khenifra" and c["kind"] == "perception"]
    assert all(c["flag"] == "low_n" and c["score"] is not None for c in small)
    # National perception is computed from every answer: its n is the sum of the regions' n.
    key = ("sante", "accessibilite", "sante_facilite_consultation")
    regional_n = sum(c["n"] for c in cells if c["region"] != "national"
                     and (c["sector"], c["dimension"], c["indicator"]) == key)
    assert national[key]["n"] == regional_n
    # Legal indicators have no score until the experts give one: the droits dimension still has ⅔ of its parts?
    assert national[("sante", "droits", "sante_droit_soins_base")]["flag"] == "n.d."


def test_legal_scores_and_events_from_csv_and_a_second_edition(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("create-edition", "--title", "Baromètre 2025", "--json")
    run("create-edition", "--title", "Baromètre 2026", "--previous", "Baromètre 2025", "--json")
    legal = tmp_path / "legal.csv"
    legal.write_text("indicator;score;status;source;date\n"
                     "sante_droit_soins_base;50;;Circulaire;2014-12-18\n"
                     "sante_droit_soins_base;0;irregulier;Pratique observée;2026-06-30\n"
                     "sante_couverture_medicale;40;;;\n"
                     "inconnu;50;;;\n"
                     "edu_droit_inscription;100;;Circulaire 13-487;2013-10-32\n", encoding="utf-8")
    for edition in ("1", "2"):
        result = json.loads(run("import-legal", edition, str(legal), "--json").stdout)
        assert result["imported"] == 2
        assert [(item["row"], item["code"]) for item in result["rejected"]] == [
            (4, "invalid_legal_score"), (5, "unknown_indicator"), (6, "invalid_date")]
    events = tmp_path / "events.csv"
    events.write_text("date,sector,direction,text,source\n"
                      "2013-10-09,education,+,Circulaire 13-487,MEN\n2014-12-18,sante,+,SNIA,\n"
                      "2025-01-01,justice,x,?,\n", encoding="utf-8")
    first = json.loads(run("import-events", "2", str(events), "--json").stdout)
    assert first["imported"] == 2 and [item["code"] for item in first["rejected"]] == ["invalid_choice"]
    assert json.loads(run("import-events", "2", str(events), "--json").stdout)["imported"] == 0
    scores = json.loads(run("scores", "Baromètre 2026", "--json").stdout)
    assert scores["edition"]["previous"] == "Baromètre 2025"
    cell = next(c for c in scores["cells"] if c["region"] == "oriental" and c["indicator"] == "sante_droit_soins_base")
    assert (cell["score"], cell["n"], cell["ci"], cell["change"]) == (50.0, None, None, 0.0)


def test_drafts_from_the_command_line_and_the_data_workbook(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("create-edition", "--title", "Baromètre 2026", "--json")
    form = tmp_path / "form.xlsx"
    run("form", "1", "--out", str(form))
    headers, rows = fill(form.read_bytes())
    first_half = tmp_path / "first.xlsx"
    first_half.write_bytes(as_xlsx(headers, rows[: len(rows) // 2]))
    run("import", "1", str(first_half), "--json")
    run("report", "1", "--draft", "1", "--format", "xlsx", "--out", str(tmp_path / "d1.xlsx"))
    run("report", "1", "--draft", "1", "--format", "docx", "--out", str(tmp_path / "d1.docx"))
    run("comment", "1", "--draft", "1", "--section", "sante", "--author", "Relecteur", "--text",
        "Préciser la source du chiffre sur les urgences.", "--json")
    everything = tmp_path / "all.xlsx"
    everything.write_bytes(as_xlsx(headers, rows))
    run("import", "1", str(everything), "--json")
    run("report", "1", "--draft", "2", "--format", "docx", "--out", str(tmp_path / "d2.docx"))
    workbook = load_workbook(tmp_path / "d1.xlsx", read_only=True)
    assert workbook.sheetnames[:2] == ["Cellules", "Réponses anonymisées"]
    cells = list(workbook["Cellules"].iter_rows(values_only=True))
    assert len(cells) == 1 + 13 * (31 + 12 + 3)
    assert all(isinstance(row[7], (int, float)) or row[7] is None for row in cells[1:])  # numbers, not text
    answers = list(workbook["Réponses anonymisées"].iter_rows(values_only=True))
    assert answers[0][:5] == ("Réponse", "Région", "Statut juridique", "Sexe", "Collectée")
    assert not any("uuid" in str(value) for row in answers for value in row)  # no identifier leaves the database
    from docx import Document

    second = "\n".join(paragraph.text for paragraph in Document(tmp_path / "d2.docx").paragraphs)
    assert "Ce qui a changé depuis le projet précédent" in second
    assert f"Répondants : {len(rows) // 2} dans le projet précédent, {len(rows)} maintenant." in second
    comments = [cell.text for table in Document(tmp_path / "d2.docx").tables for row in table.rows for cell in row.cells]
    assert "Préciser la source du chiffre sur les urgences." in comments and "Relecteur" in comments
