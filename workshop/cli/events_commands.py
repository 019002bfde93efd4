"""Event-level subcommands: archive, import, decline an SNI into an SRI, the declination table."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from .commands import _context, _fail, cli, created_event_document, print_created_event, translator


def _write(document: object, out: Path | None) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")


@cli.command("export-event")
@click.argument("event_id", type=int)
@click.option("--format", "export_format", type=click.Choice(["archive", "strategy", "national", "declination"]),
              default="archive", show_default=True,
              help="archive: the whole event, to import on another laptop; strategy: the axes in priority order; "
                   "national: the thematic workshops side by side; declination: the tableau de déclinaison (SRI).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default: stdout).")
def export_event(event_id: int, export_format: str, out: Path | None) -> None:
    """Export one event (by its id) as JSON."""
    from ..domain.errors import DomainError
    from ..services.declination import declination_table, export_event_archive, national_view
    from ..services.strategy import strategy_document

    settings = Settings.from_env()
    builders = {"archive": export_event_archive, "strategy": strategy_document, "national": national_view,
                "declination": declination_table}
    try:
        document = builders[export_format](_context(settings), event_id)
    except DomainError as error:
        _fail(error, settings)
        return
    _write(document, out)


@cli.command("import-event")
@click.argument("archive", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the new event as JSON (like create-event).")
def import_event(archive: Path, as_json: bool) -> None:
    """Recreate a national event from its archive (new join codes), so that a regional meeting can decline it."""
    from ..domain.errors import DomainError
    from ..migrate import upgrade
    from ..services.declination import import_event_archive

    settings = Settings.from_env()
    upgrade(settings.database_url)
    try:
        document = json.loads(archive.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        document = None
    try:
        created = import_event_archive(_context(settings), document)
    except DomainError as error:
        _fail(error, settings)
        return
    print_created_event(created_event_document(created, settings), as_json)


@cli.command("decline-event")
@click.argument("national_event_id", type=int)
@click.option("--title", default=None, help="Title of the regional event (default: « Rencontre régionale SRI »).")
@click.option("--region", default=None, help="Region slug, e.g. casablanca_settat or rabat_sale_kenitra.")
@click.option("--json", "as_json", is_flag=True, help="Print the new event as JSON (like create-event).")
def decline_event(national_event_id: int, title: str | None, region: str | None, as_json: bool) -> None:
    """Create the regional event whose SRI declines this national SNI (every SNI axe starts as kept)."""
    from ..domain.errors import DomainError
    from ..services.declination import decline_strategy

    settings = Settings.from_env()
    try:
        created = decline_strategy(_context(settings), national_event_id=national_event_id, title=title, region=region,
                                   translate=translator(settings))
    except DomainError as error:
        _fail(error, settings)
        return
    print_created_event(created_event_document(created, settings), as_json)
