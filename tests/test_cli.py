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
