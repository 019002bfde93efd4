"""XLSForm → filled submissions → import → scores, through the installed ``workshop`` commands, as a field team
using KoboToolbox or ODK would: the form is valid for pyxform (what KoboToolbox runs), exports with and without
group prefixes are read, wrong rows are listed with their reason, and a second import adds nothing."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyxform.xls2xform import convert

from ..barometer.field_export import as_csv, as_xlsx, question_paths, read_form

WORKSHOP = Path(sys.executable).parent / "workshop"
# Two respondents of « aas » and one of « vfm »: levels per statement of « gouvernance », in form order.
GOVERNANCE = {"uuid-1": ("aas", "president", ["3", "2", "na", "4"]),
              "uuid-2": ("aas", "tresorier", ["1", "2", "2", "4"]),
              "uuid-3": ("vfm", "membre", ["1", "1", "1", "2"])}


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = os.environ | {"WORKSHOP_INSTANCE_PATH": str(tmp_path / "instance")}

    def workshop(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(WORKSHOP), *args], env=env, capture_output=True, text=True, timeout=120,
                              check=check)

    return workshop


def export(form: bytes, prefixed: bool, extra_rows: list[dict[str, str]] = ()) -> tuple[list[str], list[list]]:  # type: ignore[assignment, type-arg]
    """Kobo's export of GOVERNANCE (other domains left empty), headers with or without group paths."""
    survey, _choices = read_form(form)
    questions = [(path if prefixed else row["name"], row) for path, row in question_paths(survey)]
    headers = ["start", *(header for header, _row in questions), "_uuid", "_submission_time"]
    rows = []
    for uuid, (organisation, role, levels) in GOVERNANCE.items():
        values = {"organisation": organisation, "role": role, "round": "initial"}
        values |= {f"gouvernance_{number}": level for number, level in enumerate(levels, start=1)}
        rows.append(["2026-11-02T10:00:00", *(values.get(row["name"]) for _header, row in questions), uuid,
                     "2026-11-02T10:20:00"])
    for number, extra in enumerate(extra_rows):
        values = {"organisation": "aas", "role": "membre", "round": "initial", "gouvernance_1": "2"} | extra
        rows.append(["2026-11-02T11:00:00", *(values.get(row["name"]) for _header, row in questions),
                     f"uuid-wrong-{number}", "2026-11-02T11:20:00"])
    return headers, rows


def test_form_submissions_import_scores(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event = json.loads(run("create-event", "--template", "oca", "--title", "Diagnostic OPM 2026", "--json").stdout)
    event_id = str(event["event"]["id"])
    assert event["event"]["title"] == "Diagnostic OPM 2026" and len(event["rooms"]) == 3  # + 2 training rooms
    refused = run("questionnaire", "form", event_id, "--out", str(tmp_path / "none.xlsx"), check=False)
    assert refused.returncode == 1 and "(no_organisations)" in refused.stderr
    for name, slug in (("Association Afrique Solidarité", "aas"), ("Voix des femmes migrantes", "vfm")):
        run("add-organisation", event_id, "--name", name, "--slug", slug, "--region", "oriental", "--json")

    form_path = tmp_path / "form.xlsx"
    run("questionnaire", "form", event_id, "--out", str(form_path))
    form = form_path.read_bytes()
    warnings: list[str] = []
    xform = convert(xlsform=io.BytesIO(form), warnings=warnings, file_type=".xlsx").xform
    assert warnings == []
    assert 'lang="Français (fr)"' in xform and 'lang="العربية (ar)"' in xform and 'lang="English (en)"' in xform
    survey, choices = read_form(form)
    assert list(survey[0]) [:5] == ["type", "name", "label::Français (fr)", "label::العربية (ar)", "label::English (en)"]
    assert "ws_domain" in survey[0] and "ws_item" in survey[0]
    assert choices["levels"] == ["1", "2", "3", "4", "na"] and choices["organisations"] == ["aas", "vfm"]
    assert choices["rounds"] == ["initial", "suivi"]
    assert choices["roles"] == ["president", "tresorier", "membre_bureau", "salarie", "membre"]
    by_name = {row["name"]: row for row in survey if row["name"]}
    assert [by_name[name]["type"] for name in ("organisation", "role", "round")] == [
        "select_one organisations", "select_one roles", "select_one rounds"]
    items = [row for row in survey if row["type"] == "select_one levels"]
    assert len(items) == 32 and all(row["ws_item"] == row["name"] for row in items)
    assert by_name["gouvernance_2"]["ws_domain"] == "gouvernance"
    groups = [row for row in survey if row["type"] == "begin_group"]
    assert groups[0]["name"] == "gouvernance" and {row["appearance"] for row in groups} == {"field-list"}
    assert [row["type"] for row in survey].count("begin_group") == 10 == [row["type"] for row in survey].count("end_group")
    assert by_name["gouvernance_1"]["label::العربية (ar)"] == "يجتمع المكتب بانتظام وتُدوَّن قراراته."

    wrong = [{"organisation": "inconnue"}, {"gouvernance_1": "7"}]
    headers, rows = export(form, prefixed=True, extra_rows=wrong)
    prefixed = tmp_path / "export.xlsx"
    prefixed.write_bytes(as_xlsx(headers, rows))
    result = json.loads(run("questionnaire", "import", event_id, str(prefixed), "--json").stdout)
    assert result["imported"] == 3
    assert [(row["row"], row["code"]) for row in result["rejected"]] == [(5, "not_a_choice"), (6, "not_a_choice")]
    assert "inconnue" in result["rejected"][0]["reason"] and "7" in result["rejected"][1]["reason"]
    again = json.loads(run("questionnaire", "import", event_id, str(prefixed), "--json").stdout)
    assert again["imported"] == 0  # the same submissions (same _uuid) add nothing

    # A CSV export without group prefixes, with one new submission, adds just that one.
    headers, rows = export(form, prefixed=False)
    rows[0][headers.index("_uuid")] = "uuid-4"
    plain = tmp_path / "export.csv"
    plain.write_bytes(as_csv(headers, rows[:1]))
    assert json.loads(run("questionnaire", "import", event_id, str(plain), "--json").stdout) == {
        "imported": 1, "rejected": []}

    document = json.loads(run("export-event", event_id, "--format", "capacities").stdout)
    assert set(document) == {"organisations", "shared_needs", "plan"}
    aas, vfm = document["organisations"]
    assert (aas["slug"], aas["name"], vfm["slug"]) == ("aas", "Association Afrique Solidarité", "vfm")
    initial = aas["rounds"][0]
    assert (initial["round"], initial["respondents"]) == ("initial", 3)
    governance = initial["domains"][0]
    # items: mean(3, 1, 3) = 2.33, mean(2, 2, 2) = 2, mean(2, 2) = 2 (N/A out), mean(4, 4, 4) = 4
    assert governance == {"key": "gouvernance", "score": round((7 / 3 + 2 + 2 + 4) / 4, 2), "items_answered": 4,
                          "target": 3, "gap": round(3 - (7 / 3 + 2 + 2 + 4) / 4, 2),
                          "priority": round((3 - (7 / 3 + 2 + 2 + 4) / 4) * 3, 2)}
    assert [domain["score"] for domain in vfm["rounds"][0]["domains"]][:2] == [1.25, None]
    assert document["shared_needs"] == []  # « gouvernance » is a need of vfm only (aas: gap 0.42)
    assert document["plan"] == []
