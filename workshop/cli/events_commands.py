"""Event-level subcommands: archive, import, decline an SNI into an SRI, the declination table."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from ..domain.languages import LANGUAGE_CODES
from ..exports.catalogue import EVENT_DOWNLOADS
from .commands import _context, _fail, cli, created_event_document, print_created_event, translator


def _write(document: object, out: Path | None) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")


@cli.command("export-event")
@click.argument("event_id", type=int)
@click.option("--format", "export_format",
              type=click.Choice(["archive", "strategy", "national", "declination", "capacities", "consolidation"]),
              default=None,
              help="JSON data. archive: the whole event, to import on another laptop; strategy: the axes in priority "
                   "order; national: the thematic workshops side by side; declination: the tableau de déclinaison; "
                   "capacities: the self-assessment's scores, shared needs and plan de renforcement; consolidation: "
                   "what the consolidated minutes are made from (signals, groups, common priorities).")
@click.option("--document", type=click.Choice([download.key for download in EVENT_DOWNLOADS
                                               if download.extension != "json"]),
              default=None,
              help="A file: the consolidated minutes, the SNI, the policy paper, the SRI, the position paper (docx), "
                   "the restitution deck (pptx) or the workbook (xlsx).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default: stdout).")
@click.option("--lang", type=click.Choice(LANGUAGE_CODES), default=None, help="Language of the file (default: fr).")
@click.option("--include-hidden", is_flag=True, help="Include the ideas the moderator hid.")
@click.option("--with-pseudonyms", is_flag=True, help="Name participants who chose a pseudonym.")
@click.option("--without-drafts", is_flag=True, help="Documents: leave out the axes still in draft (else flagged).")
@click.option("--progress", "show_progress", is_flag=True, help="Print 'progress 0.40' lines on standard error.")
def export_event(event_id: int, export_format: str | None, document: str | None, out: Path | None, lang: str | None,
                 include_hidden: bool, with_pseudonyms: bool, without_drafts: bool, show_progress: bool) -> None:
    """Export one event (by its id): JSON data (--format) or a document (--document)."""
    from ..domain.errors import DomainError
    from ..services.capacities_results import capacities_document
    from ..services.declination import declination_table, export_event_archive, national_view
    from ..services.files import export_event_file
    from ..services.strategy import strategy_document
    from .commands import progress_printer, write_output

    settings = Settings.from_env()
    if document is not None and export_format is not None:
        raise click.UsageError("give --format or --document, not both")
    try:
        if document is not None:
            language = lang or settings.default_locale
            exported = export_event_file(_context(settings), event_id, document, language=language,
                                         translate=translator(settings, language), include_hidden=include_hidden,
                                         with_pseudonyms=with_pseudonyms, without_drafts=without_drafts,
                                         progress=progress_printer(show_progress))
            write_output(exported.content, out)
            return
        if export_format == "consolidation":
            from ..services.consolidation import consolidation_data

            language = lang or settings.default_locale
            data = consolidation_data(_context(settings), event_id, language=language,
                                      translate=translator(settings, language))
            _write(data, out)
            return
        builders = {"archive": export_event_archive, "strategy": strategy_document, "national": national_view,
                    "declination": declination_table, "capacities": capacities_document}
        data = builders[export_format or "archive"](_context(settings), event_id)
    except DomainError as error:
        _fail(error, settings)
        return
    _write(data, out)


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
@click.option("--region", "regions", multiple=True,
              help="Region slug, e.g. casablanca_settat; repeat it for an SRI that covers several regions.")
@click.option("--json", "as_json", is_flag=True, help="Print the new event as JSON (like create-event).")
def decline_event(national_event_id: int, title: str | None, regions: tuple[str, ...], as_json: bool) -> None:
    """Create the regional event whose SRI declines this national SNI (every SNI axe starts as kept)."""
    from ..domain.errors import DomainError
    from ..services.declination import decline_strategy
    from ..services.identity import edit_event

    settings = Settings.from_env()
    try:
        ctx = _context(settings)
        created = decline_strategy(ctx, national_event_id=national_event_id, title=title,
                                   region=regions[0] if regions else None, translate=translator(settings))
        if len(regions) > 1:
            edit_event(ctx, created.event_id, {"regions": list(regions)})
    except DomainError as error:
        _fail(error, settings)
        return
    print_created_event(created_event_document(created, settings), as_json)
