"""Subcommands: run the server, migrate, create an event, export a room."""
from __future__ import annotations

import gc
import json
import logging
import sys
from pathlib import Path

import click

from ..config import Settings
from ..domain.languages import LANGUAGE_CODES
from ..exports.catalogue import ROOM_DOWNLOADS


def _context(settings: Settings):  # type: ignore[no-untyped-def]
    """A service context for one-shot commands: no sockets, so messages are only recorded."""
    from .. import activities  # noqa: F401  (registers the activity types)
    from ..db import Database
    from ..services.context import ServiceContext
    from ..services.publisher import RecordingPublisher

    return ServiceContext(db=Database(settings.database_url, min_group_size=settings.min_group_size), publisher=RecordingPublisher(), settings=settings)


def translator(settings: Settings, language: str | None = None):  # type: ignore[no-untyped-def]
    """gettext in ``language`` (default: the default locale), outside any request: agendas, exported files."""
    from .. import create_app
    from ..i18n import translator as translator_in

    app = create_app(settings)
    in_language = translator_in(language or settings.default_locale)

    def translate(text: str) -> str:
        with app.app_context():  # outside a request, Flask-Babel needs an application context
            return in_language(text)

    return translate


def _fail(error: Exception, settings: Settings) -> None:
    """Turn a refused request into a one-line, translated message and exit status 1."""
    from .. import create_app
    from ..domain.errors import DomainError
    from ..i18n import error_message

    if not isinstance(error, DomainError):
        raise error
    with create_app(settings).app_context():
        message = error_message(error.code, error.params, settings.default_locale)
    raise click.ClickException(f"{message} ({error.code})")


@click.group()
def cli() -> None:
    """Live participatory workshops (settings: WORKSHOP_* environment variables, see .env.example)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)


@cli.command()
def migrate() -> None:
    """Bring the database to the latest schema."""
    from ..migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    click.echo(f"database ready: {settings.database_url.split('@')[-1]}")


@cli.command("prune-journal")
def prune_journal_command() -> None:
    """Forget the journal entries that replays and the rate limit no longer need (the server also does it)."""
    from ..services.journal import prune_journal, retention

    settings = Settings.from_env()
    context = _context(settings)
    pruned = prune_journal(context)
    click.echo(f"journal: {pruned.deleted} entries deleted, {pruned.kept} kept (retention {retention(context)})")


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default 0.0.0.0: the whole LAN).")
@click.option("--port", type=int, default=None, help="Port (default 5000).")
def run(host: str | None, port: int | None) -> None:
    """Migrate the database, then serve the room on the local network."""
    import segno
    from flask_babel import force_locale, gettext

    from .. import create_app
    from ..migrate import upgrade
    from ..network import public_base_url
    from ..server import serve
    from ..services.access import issue_console_token

    overrides: dict[str, object] = {}
    if host:
        overrides["host"] = host
    if port:
        overrides["port"] = port
    settings = Settings.from_env(**overrides)
    upgrade(settings.database_url)
    base = public_base_url(settings.host, settings.port, settings.public_url)
    from dataclasses import replace

    settings = replace(settings, public_url=base)
    app = create_app(settings)
    # Bundle and compress the pages' files now, not while the first phones of the room wait (~1 s of CPU).
    app.extensions["workshop_assets"].prepare()
    token = issue_console_token(app.extensions["workshop"])
    click.echo("")
    with app.app_context(), force_locale(settings.default_locale):
        lines = (gettext("Participants: %(url)s", url=base + "/"),
                 gettext("Moderator console (keep this link private): %(url)s", url=f"{base}/m/?token={token}"),
                 gettext("Serving on %(host)s:%(port)s; Ctrl+C to stop.", host=settings.host, port=settings.port))
    click.echo("  " + lines[0])
    segno.make(base + "/", error="m").terminal(compact=True)
    click.echo("  " + lines[1])
    click.echo("  " + lines[2])
    sys.stdout.flush()
    # A thousand connections' objects live as long as the server: freeze them out of the cyclic collector, which
    # otherwise rescans them again and again (14–35 % of the CPU in the bench's bursts).
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 1000)
    if settings.async_mode == "gevent":
        serve(app, settings.host, settings.port, header_timeout=settings.header_timeout_seconds)
    else:
        app.extensions["socketio"].run(app, host=settings.host, port=settings.port, allow_unsafe_werkzeug=True)


def created_event_document(created, settings: Settings) -> dict:  # type: ignore[no-untyped-def]
    """The public JSON of a created event (docs/events.md): rooms with codes, links and the moderator token."""
    from ..network import public_base_url
    from ..web.links import room_links

    base = public_base_url(settings.host, settings.port, settings.public_url)
    rooms = []
    # Each room's link opens that room only (give it to its facilitator); the event's opens every room and the
    # event's pages (keep it for the organiser).
    room_tokens = created.room_tokens or (created.moderator_token,) * len(created.rooms)
    for (name, code), token in zip(created.rooms, room_tokens, strict=True):
        links = room_links(code, base)
        links["moderator_url"] += f"?token={token}"
        rooms.append({"name": name, "code": code, **links, "moderator_token": token})
    return {"event": {"id": created.event_id, "title": created.title, "moderator_token": created.moderator_token,
                      "moderator_url": f"{base}/m/?token={created.moderator_token}"}, "rooms": rooms}


def print_created_event(document: dict, as_json: bool) -> None:  # type: ignore[type-arg]
    if as_json:
        click.echo(json.dumps(document, ensure_ascii=False))
        return
    click.echo(f"{document['event']['title']} (event {document['event']['id']})")
    for room in document["rooms"]:
        click.echo(f"  {room['name']}: code {room['code']}  join {room['join_url']}  screen {room['screen_url']}")
        click.echo(f"    moderator {room['moderator_url']}")


@cli.command("create-event")
@click.option("--title", default=None, help="Title of the event, e.g. « Rencontre nationale SNI ».")
@click.option("--room", "rooms", multiple=True, help="A room name; repeat for several rooms.")
@click.option("--template", type=click.Choice(["sni", "oca"]), default=None,
              help="sni: « Rencontre nationale SNI » (plenary, two thematic workshops, restitution, agendas ready); "
                   "oca: the self-assessment of organisational capacities, its questionnaire ready.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (docs/events.md).")
def create_event_command(title: str | None, rooms: tuple[str, ...], template: str | None, as_json: bool) -> None:
    """Create an event with its rooms; prints the join codes, links and the moderator token."""
    from ..domain.errors import DomainError
    from ..migrate import upgrade
    from ..services.event_templates import create_event_from_template
    from ..services.events import create_event

    settings = Settings.from_env()
    upgrade(settings.database_url)
    if template is None and (not title or not rooms):
        raise click.UsageError("give --title and at least one --room, or --template")
    try:
        if template is not None:
            from ..domain.languages import LANGUAGE_CODES

            created = create_event_from_template(_context(settings), template=template, title=title,
                                                 translate=translator(settings),
                                                 version_translators={language: translator(settings, language)
                                                                      for language in LANGUAGE_CODES})
        else:
            created = create_event(_context(settings), title=title, room_names=list(rooms))
    except DomainError as error:
        _fail(error, settings)
        return
    print_created_event(created_event_document(created, settings), as_json)


@cli.command()
@click.argument("code")
@click.option("--format", "export_format", type=click.Choice([download.key for download in ROOM_DOWNLOADS]),
              default="json", show_default=True,
              help="json: the data (docs/events.md); pptx: the restitution deck; docx: the compte rendu; xlsx: a sheet "
                   "per activity; csv: a zip of CSV files (utf-8-sig, ';'); png/svg: the word cloud; renforcement: the "
                   "capacity-building workshop report (pre/post-test evidence).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: standard output).")
@click.option("--lang", type=click.Choice(LANGUAGE_CODES), default=None, help="Language of the file (default: fr).")
@click.option("--without-hidden", is_flag=True, help="json: leave out the ideas the moderator hid.")
@click.option("--include-hidden", is_flag=True, help="Files: include the ideas the moderator hid (left out by default).")
@click.option("--with-pseudonyms", is_flag=True, help="Name participants who chose a pseudonym (counted by type otherwise).")
@click.option("--progress", "show_progress", is_flag=True, help="Print 'progress 0.40' lines on standard error.")
def export(code: str, export_format: str, out: Path | None, lang: str | None, without_hidden: bool,
           include_hidden: bool, with_pseudonyms: bool, show_progress: bool) -> None:
    """Export one room (its join code): data, deck, minutes, workbook, CSV or word cloud."""
    from ..domain.errors import DomainError
    from ..services.files import export_room_file

    settings = Settings.from_env()
    language = lang or settings.default_locale
    try:
        exported = export_room_file(_context(settings), code, export_format, language=language,
                                    translate=translator(settings, language),
                                    include_hidden=include_hidden or (export_format == "json" and not without_hidden),
                                    with_pseudonyms=with_pseudonyms, progress=progress_printer(show_progress))
    except DomainError as error:
        _fail(error, settings)
        return
    write_output(exported.content, out)


def progress_printer(enabled: bool):  # type: ignore[no-untyped-def]
    """A progress callback printing machine-readable lines for the web page that waits on this command."""
    def report(fraction: float) -> None:
        if enabled:
            click.echo(f"progress {fraction:.2f}", err=True)

    return report


def write_output(content: bytes, out: Path | None) -> None:
    """Write to the file, or as bytes to standard output."""
    if out is not None:
        out.write_bytes(content)
        return
    stream = click.get_binary_stream("stdout")
    stream.write(content)
    stream.flush()


@cli.command("cluster")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help='Print {"clusters": [{"label": ..., "members": [...]}]}.')
@click.option("--language", type=click.Choice(LANGUAGE_CODES), default="fr", show_default=True,
              help="Language of the theme labels.")
def cluster_command(file: str, as_json: bool, language: str) -> None:
    """Suggest clusters for the ideas of FILE, one idea per line (UTF-8; - reads standard input).

    Blank lines are skipped, but members are the 0-based line numbers in FILE, blank lines counted.
    """
    from ..clustering import suggest_clusters

    # Undecodable bytes become U+FFFD rather than stopping the command; a BOM (Excel, Notepad) is dropped.
    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    lines = [line.removesuffix("\r") for line in data.decode("utf-8-sig", errors="replace").split("\n")]
    numbers = [number for number, line in enumerate(lines) if line.strip()]
    suggestions = suggest_clusters([lines[number] for number in numbers], language=language)
    clusters = [{"label": suggestion.label, "members": [numbers[index] for index in suggestion.members]}
                for suggestion in suggestions]
    if as_json:
        click.echo(json.dumps({"clusters": clusters}, ensure_ascii=False))
        return
    for found in clusters:
        click.echo(f"{found['label']} ({len(found['members'])})")
        for number in found["members"]:
            click.echo(f"  {number}: {lines[number].strip()}")
