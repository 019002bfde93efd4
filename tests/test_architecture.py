"""The layering of docs/architecture.md, checked by import-linter on every test run."""
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = len(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"])
    assert " 0 broken" in result.stdout and f"{contracts} kept" in result.stdout


def test_no_page_loads_anything_from_outside() -> None:
    offenders = []
    for path in [*ROOT.joinpath("templates").rglob("*.html"), *ROOT.joinpath("static", "js").rglob("*.js"),
                 *ROOT.joinpath("static", "css").rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        if "http://" in text or "https://" in text or "//cdn" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_templates_hold_no_inline_script() -> None:
    for path in ROOT.joinpath("templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for chunk in text.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            assert "src=" in opening or 'type="application/json"' in opening, f"inline script in {path.name}"
