"""``workshop barometer …``: editions, the field form and its import, expert scores, policy events, scores, drafts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from .commands import _context, _fail, cli, write_output

LANGUAGES = ("fr", "ar", "en")


@cli.group()
def barometer() -> None:
    """The national barometer of access to health, education and justice (docs/barometer.md)."""


def _settings() -> Settings:
    from ..migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    return settings


def _translators(settings: Settings) -> dict[str, Any]:
    """gettext in French, Arabic and English, for the form's three languages, from one application."""
    from .. import create_app
    from ..i18n import translator

    app = create_app(settings)

    def in_language(language: str):  # type: ignore[no-untyped-def]
        translate = translator(language)

        def run(text: str) -> str:
            with app.app_context():
                return translate(text)

        return run

    return {language: in_language(language) for language in LANGUAGES}


def _print(document: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(document, ensure_ascii=False))
    else:
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def _with_reasons(result: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """Rejections as the contract prints them: ``{"row", "reason"}``, the reason in the operator's language."""
    from .. import create_app
    from ..i18n import error_message

    with create_app(settings).app_context():
        rejected = [{"row": item["row"], "reason": error_message(item["code"], item.get("params", {}),
                                                                  settings.default_locale), "code": item["code"]}
                    for item in result["rejected"]]
    return {"imported": result["imported"], "rejected": rejected}


def _run(settings: Settings, action):  # type: ignore[no-untyped-def]
    from ..domain.errors import DomainError

    try:
        return action()
    except DomainError as error:
        _fail(error, settings)
        return None


@barometer.command("create-edition")
@click.option("--title", required=True, help="e.g. « Baromètre 2026 ».")
@click.option("--previous", default=None, help="The edition this one is compared with (id or title).")
@click.option("--json", "as_json", is_flag=True, help='Print {"edition": {"id", "title"}}.')
def create_edition_command(title: str, previous: str | None, as_json: bool) -> None:
    """Create an edition; it starts from the previous edition's framework, or the default one."""
    from ..services.barometer import create_edition

    settings = _settings()
    created = _run(settings, lambda: create_edition(_context(settings), title=title, previous=previous))
    _print(created, as_json)


@barometer.command("editions")
@click.option("--json", "as_json", is_flag=True)
def editions_command(as_json: bool) -> None:
    """List the editions, newest first, with their number of respondents."""
    from ..services.barometer import list_editions

    settings = _settings()
    _print({"editions": list_editions(_context(settings))}, as_json)


@barometer.command("form")
@click.argument("edition")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .xlsx to write.")
def form_command(edition: str, out: Path) -> None:
    """Write the edition's XLSForm (French, Arabic, English) for KoboToolbox or ODK."""
    from ..services.barometer_field import write_form

    settings = _settings()
    content = _run(settings, lambda: write_form(_context(settings), edition, _translators(settings)))
    write_output(content, out)


@barometer.command("import")
@click.argument("edition")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help='Print {"imported": n, "rejected": [{"row", "reason"}]}.')
def import_command(edition: str, file: Path, as_json: bool) -> None:
    """Import a KoboToolbox/ODK export (XLSX or CSV); submissions already imported (same _uuid) are skipped."""
    from ..services.barometer_field import import_submissions

    settings = _settings()
    result = _run(settings, lambda: import_submissions(_context(settings), edition, file.read_bytes(),
                                                       _translators(settings)))
    _print(_with_reasons(result, settings), as_json)


def _table_import(name: str, service_name: str, columns: str) -> None:
    """``import-legal`` and ``import-events``: a CSV or XLSX table, one row per record, refused rows listed."""

    @barometer.command(name, help=f"Import {columns}.")
    @click.argument("edition")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--json", "as_json", is_flag=True, help='Print {"imported": n, "rejected": [{"row", "reason"}]}.')
    def command(edition: str, file: Path, as_json: bool) -> None:
        from ..services import barometer_field

        settings = _settings()
        service = getattr(barometer_field, service_name)
        result = _run(settings, lambda: service(_context(settings), edition, file.read_bytes()))
        _print(_with_reasons(result, settings), as_json)


_table_import("import-legal", "import_legal_scores",
              "the experts' scores: columns indicator;score[;status;source;date;note] (score 0, 50 or 100)")
_table_import("import-events", "import_policy_events",
              "policy events: columns date;sector;direction;text[;source] (direction + or -)")


@barometer.command("comment")
@click.argument("edition")
@click.option("--draft", type=click.Choice(["1", "2"]), required=True, help="The draft commented on.")
@click.option("--section", default="general", show_default=True)
@click.option("--author", default="")
@click.option("--text", required=True)
@click.option("--json", "as_json", is_flag=True)
def comment_command(edition: str, draft: str, section: str, author: str, text: str, as_json: bool) -> None:
    """Record a reviewer's comment on draft 1 or 2 (the next draft lists it)."""
    from ..services.barometer import add_comment, find_edition

    settings = _settings()
    ctx = _context(settings)

    def add() -> dict[str, Any]:
        with ctx.db.read() as session:
            edition_id = find_edition(session, edition).id
        return add_comment(ctx, edition_id=edition_id, draft=draft, section=section, text=text, author=author)

    _print(_run(settings, add), as_json)


@barometer.command("scores")
@click.argument("edition")
@click.option("--json", "as_json", is_flag=True, help="Print the cells (docs/events.md).")
def scores_command(edition: str, as_json: bool) -> None:
    """Every cell: per indicator, dimension and sector, in each region and nationally."""
    from ..services.barometer import scores_document

    settings = _settings()
    _print(_run(settings, lambda: scores_document(_context(settings), edition)), as_json)


@barometer.command("report")
@click.argument("edition")
@click.option("--draft", type=click.Choice(["1", "2", "final"]), required=True)
@click.option("--format", "file_format", type=click.Choice(["docx", "pptx", "xlsx"]), required=True,
              help="docx: the report; pptx: the slides; xlsx: every cell and the anonymised answers.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language of the file (default: fr).")
def report_command(edition: str, draft: str, file_format: str, out: Path, lang: str | None) -> None:
    """Issue a draft (1, 2 or final) with its version stamp, as DOCX, PPTX or XLSX."""
    from ..services.barometer_files import barometer_file
    from .commands import translator

    settings = _settings()
    language = lang or settings.default_locale
    exported = _run(settings, lambda: barometer_file(_context(settings), edition, draft=draft, file_format=file_format,
                                                     language=language, translate=translator(settings, language)))
    write_output(exported.content, out)
