"""The ``workshop cluster`` command."""
import json
from pathlib import Path

from click.testing import CliRunner

from workshop.cli.commands import cli

IDEAS = "\n".join([
    "Soins gratuits à l'hôpital",
    "",
    "Renouvellement de la carte de séjour",
    "   ",
    "Carte de sejour de dix ans",
    "Médicaments trop chers",
    "Date de la prochaine réunion",
]) + "\n"


def run(tmp_path: Path, *arguments: str, content: str = IDEAS) -> object:
    path = tmp_path / "ideas.txt"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["cluster", str(path), *arguments])
    assert result.exit_code == 0, result.output
    return result


def test_json_lists_clusters_with_file_line_numbers(tmp_path: Path) -> None:
    document = json.loads(run(tmp_path, "--json").output)
    assert document == {"clusters": [
        {"label": "Santé", "members": [0, 5]},              # largest first, then by first line
        {"label": "Papiers et séjour", "members": [2, 4]},
        {"label": "Autres", "members": [6]},
    ]}


def test_labels_in_another_language(tmp_path: Path) -> None:
    document = json.loads(run(tmp_path, "--json", "--language", "ar").output)
    assert [cluster["label"] for cluster in document["clusters"]] == ["الصحة", "الوثائق والإقامة", "أخرى"]


def test_human_readable_listing(tmp_path: Path) -> None:
    output = run(tmp_path).output
    assert "Santé (2)\n  0: Soins gratuits à l'hôpital\n  5: Médicaments trop chers\n" in output


def test_windows_line_ends_a_bom_and_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "ideas.txt"
    path.write_bytes("\ufeffSoins gratuits\r\n\r\nCantine scolaire\r\n".encode() + b"\xff\xfe bad\r\n")
    result = CliRunner().invoke(cli, ["cluster", str(path), "--json"])
    assert result.exit_code == 0, result.output
    members = sorted(m for cluster in json.loads(result.output)["clusters"] for m in cluster["members"])
    assert members == [0, 2, 3]


def test_an_empty_file(tmp_path: Path) -> None:
    assert json.loads(run(tmp_path, "--json", content="\n\n").output) == {"clusters": []}


def test_standard_input() -> None:
    result = CliRunner().invoke(cli, ["cluster", "-", "--json"], input="Soins gratuits\nCantine scolaire\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"clusters": [{"label": "Santé", "members": [0]},
                                                      {"label": "Éducation", "members": [1]}]}


def test_help_says_how_lines_are_numbered() -> None:
    result = CliRunner().invoke(cli, ["cluster", "--help"])
    assert "Blank lines are skipped" in result.output and "0-based" in result.output
