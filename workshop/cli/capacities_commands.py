"""Organisational capacities on the command line: ``workshop add-organisation``, ``workshop questionnaire …``
(the XLSForm for KoboToolbox/ODK and the import of their submissions). docs/capacities.md, docs/events.md."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from .barometer_commands import _translators, _with_reasons
from .commands import _context, _fail, cli


def _settings() -> Settings:
    from ..migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    return settings


def _run(settings: Settings, action):  # type: ignore[no-untyped-def]
    from ..domain.errors import DomainError

    try:
        return action()
    except DomainError as error:
        _fail(error, settings)
        return None


def _print(document: dict[str, Any], as_json: bool) -> None:
    click.echo(json.dumps(document, ensure_ascii=False, indent=None if as_json else 2))


@cli.command("add-organisation")
@click.argument("event_id", type=int)
@click.option("--name", required=True, help="The organisation's name, e.g. « Association Afrique Solidarité ».")
@click.option("--slug", default=None, help="Its short key in forms and imports (default: made from the name).")
@click.option("--region", default=None, help="Region code, e.g. casablanca_settat or rabat_sale_kenitra.")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"organisation": {"id", "slug", "name", "region"}, "event": {"id", "title"}}.')
def add_organisation_command(event_id: int, name: str, slug: str | None, region: str | None, as_json: bool) -> None:
    """Add an organisation taking part in an event (the unit a self-assessment assesses)."""
    from ..services.organisations import add_organisation

    settings = _settings()
    added = _run(settings, lambda: add_organisation(_context(settings), event_id=event_id, name=name, slug=slug,
                                                    region=region))
    _print(added, as_json)


@cli.group()
def questionnaire() -> None:
    """The self-assessment questionnaire in the field: XLSForm for KoboToolbox/ODK, import of their exports."""


@questionnaire.command("form")
@click.argument("event_id", type=int)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .xlsx to write.")
def form_command(event_id: int, out: Path) -> None:
    """Write the event's questionnaire as an XLSForm (French, Arabic, English) that KoboToolbox and ODK accept."""
    from ..services.capacities_field import write_form

    settings = _settings()
    content = _run(settings, lambda: write_form(_context(settings), event_id, _translators(settings)))
    out.write_bytes(content)


@questionnaire.command("import")
@click.argument("event_id", type=int)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help='Print {"imported": n, "rejected": [{"row", "reason"}]}.')
def import_command(event_id: int, file: Path, as_json: bool) -> None:
    """Import a KoboToolbox/ODK export of submissions (XLSX or CSV); those already imported (same _uuid) are
    skipped, rows with an unknown organisation or a value outside the choices are listed with their reason."""
    from ..services.capacities_field import import_submissions

    settings = _settings()
    result = _run(settings, lambda: import_submissions(_context(settings), event_id, file.read_bytes(),
                                                       _translators(settings)))
    _print(_with_reasons(result, settings), as_json)


@questionnaire.command("report")
@click.argument("event_id", type=int)
@click.option("--format", "file_format", type=click.Choice(["docx", "pptx", "xlsx"]), default="docx",
              show_default=True, help="docx: the « Rapport d'évaluation des capacités organisationnelles »; "
                                      "pptx: the restitution slides; xlsx: every answer and score.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@click.option("--lang", type=click.Choice(["fr", "ar", "en"]), default=None, help="Language (default: fr).")
@click.option("--codes", "with_codes", is_flag=True, help="Name the organisations « OPM 1, OPM 2… » instead.")
def report_command(event_id: int, file_format: str, out: Path, lang: str | None, with_codes: bool) -> None:
    """Write the assessment's report, slides or workbook."""
    from ..services.capacities_reports import capacity_file
    from .commands import translator

    settings = _settings()
    language = lang or settings.default_locale
    exported = _run(settings, lambda: capacity_file(_context(settings), event_id, file_format=file_format,
                                                    language=language, translate=translator(settings, language),
                                                    with_codes=with_codes))
    out.write_bytes(exported.content)
