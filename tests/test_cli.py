"""The command line, run as users run it: the installed ``workshop`` command against a real database file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKSHOP = Path(sys.executable).parent / "workshop"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    env = os.environ | {"WORKSHOP_INSTANCE_PATH": str(tmp_path / "instance"), "WORKSHOP_PUBLIC_URL": "http://192.0.2.7:5000"}

    def workshop(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(WORKSHOP), *args], env=env, capture_output=True, text=True, timeout=120, check=check)

    return workshop


def test_create_event_prints_the_public_contract(run) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(run("create-event", "--title", "Rencontre nationale SNI", "--room", "Plénière",
                              "--room", "Atelier santé", "--json").stdout)
    assert document["event"]["title"] == "Rencontre nationale SNI"
    first = document["rooms"][0]
    assert set(first) == {"name", "code", "join_url", "screen_url", "moderator_url", "moderator_token"}
    assert first["join_url"] == f"http://192.0.2.7:5000/j/{first['code']}"
    assert first["moderator_url"].endswith("?token=" + first["moderator_token"])
    exported = json.loads(run("export", first["code"], "--format", "json").stdout)
    assert exported["room"]["name"] == "Plénière" and exported["activities"] == []


def test_refusals_are_one_translated_line(run) -> None:  # type: ignore[no-untyped-def]
    failed = run("create-event", "--title", " ", "--room", "x", check=False)
    assert failed.returncode == 1
    assert failed.stderr.strip().splitlines()[-1] == "Error: Veuillez d'abord écrire quelque chose. (text_empty)"
    assert run("export", "ZZZZZZ", check=False).returncode == 1


def test_template_archive_import_and_declination(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    national = json.loads(run("create-event", "--template", "sni", "--json").stdout)
    assert national["event"]["title"] == "Rencontre nationale SNI"
    assert len(national["rooms"]) == 4
    archive = tmp_path / "sni.json"
    run("export-event", str(national["event"]["id"]), "--format", "archive", "--out", str(archive))
    imported = json.loads(run("import-event", str(archive), "--json").stdout)
    assert imported["event"]["id"] != national["event"]["id"]
    regional = json.loads(run("decline-event", str(imported["event"]["id"]), "--region", "casablanca_settat",
                              "--json").stdout)
    table = json.loads(run("export-event", str(regional["event"]["id"]), "--format", "declination").stdout)
    assert table["sri"]["region"] == "casablanca_settat" and table["sni"]["title"] == "Rencontre nationale SNI"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert run("import-event", str(broken), check=False).returncode == 1


def test_the_database_and_exports_are_readable_by_their_owner_only(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(run("create-event", "--title", "Rencontre", "--room", "Plénière", "--json").stdout)
    out = tmp_path / "room.json"
    run("export", document["rooms"][0]["code"], "--format", "json", "--out", str(out))
    for path in (tmp_path / "instance" / "workshop.db", out):
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert (tmp_path / "instance").stat().st_mode & 0o077 == 0


def test_edit_event_and_edit_room_print_the_identity(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    logo = tmp_path / "amal.png"
    Image.new("RGB", (90, 40), "navy").save(logo)
    created = json.loads(run("create-event", "--title", "Rencontre", "--room", "Atelier", "--json").stdout)
    event_id = str(created["event"]["id"])
    document = json.loads(run("edit-event", event_id, "--title", "Rencontre nationale", "--place", "Rabat",
                              "--dates", "2026-12-12..2026-12-13", "--strategy-title", "SNI 2027",
                              "--vision", "Des droits pour tous", "--version-label", "Version finale",
                              "--organiser", "Association Amal", "--logo", str(logo), "--json").stdout)
    assert document["dates"] == ["2026-12-12", "2026-12-13"] and document["strategy"]["title"] == "SNI 2027"
    assert document["organisers"][0]["logo_id"]
    failed = run("edit-event", event_id, "--dates", "13/12/2026", check=False)
    assert failed.returncode == 1 and "(invalid_date)" in failed.stderr
    room = json.loads(run("edit-room", created["rooms"][0]["code"], "--name", "Atelier papiers", "--theme",
                          "Accès aux documents", "--json").stdout)
    assert room["name"] == "Atelier papiers" and room["theme"] == "Accès aux documents"
    regional = json.loads(run("decline-event", event_id, "--region", "casablanca_settat", "--region",
                              "rabat_sale_kenitra", "--json").stdout)
    shown = json.loads(run("edit-event", str(regional["event"]["id"]), "--json").stdout)
    assert shown["strategy"]["regions"] == ["casablanca_settat", "rabat_sale_kenitra"]


def test_export_event_consolidation_prints_the_contract(run) -> None:  # type: ignore[no-untyped-def]
    created = json.loads(run("create-event", "--title", "Rencontre", "--room", "Plénière", "--room", "Atelier",
                             "--json").stdout)
    data = json.loads(run("export-event", str(created["event"]["id"]), "--format", "consolidation").stdout)
    assert set(data) == {"event", "rooms", "signals", "disagreements", "groups", "common", "distinct", "common_axes",
                         "distinct_axes"}
    assert data["common_axes"] == [] and data["distinct_axes"] == []
    assert data["event"]["title"] == "Rencontre" and data["event"]["min_group_size"] == 5
    assert [room["name"] for room in data["rooms"]] == ["Plénière", "Atelier"]
    assert run("export-event", "999999", "--format", "consolidation", check=False).returncode == 1
