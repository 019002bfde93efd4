"""Subcommands: run the server, migrate, create an event, export a room."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from ..config import Settings


def _context(settings: Settings):  # type: ignore[no-untyped-def]
    """A service context for one-shot commands: no sockets, so messages are only recorded."""
    from .. import activities  # noqa: F401  (registers the activity types)
    from ..db import Database
    from ..services.context import ServiceContext
    from ..services.publisher import RecordingPublisher

    return ServiceContext(db=Database(settings.database_url), publisher=RecordingPublisher(), settings=settings)


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


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default 0.0.0.0: the whole LAN).")
@click.option("--port", type=int, default=None, help="Port (default 5000).")
def run(host: str | None, port: int | None) -> None:
    """Migrate the database, then serve the room on the local network."""
    import segno

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
    token = issue_console_token(app.extensions["workshop"])
    click.echo("")
    click.echo(f"  Participants: {base}/")
    segno.make(base + "/", error="m").terminal(compact=True)
    click.echo(f"  Moderator console (keep this private): {base}/m/?token={token}")
    click.echo(f"  Serving on {settings.host}:{settings.port}; Ctrl+C to stop.")
    sys.stdout.flush()
    if settings.async_mode == "gevent":
        serve(app, settings.host, settings.port)
    else:
        app.extensions["socketio"].run(app, host=settings.host, port=settings.port, allow_unsafe_werkzeug=True)


@cli.command("create-event")
@click.option("--title", required=True, help="Title of the event, e.g. « Rencontre nationale SNI ».")
@click.option("--room", "rooms", multiple=True, required=True, help="A room name; repeat for several rooms.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (docs/events.md).")
def create_event_command(title: str, rooms: tuple[str, ...], as_json: bool) -> None:
    """Create an event with its rooms; prints the join codes, links and the moderator token."""
    from ..domain.errors import DomainError
    from ..migrate import upgrade
    from ..network import public_base_url
    from ..services.events import create_event
    from ..web.links import room_links

    settings = Settings.from_env()
    upgrade(settings.database_url)
    try:
        created = create_event(_context(settings), title=title, room_names=list(rooms))
    except DomainError as error:
        _fail(error, settings)
        return
    base = public_base_url(settings.host, settings.port, settings.public_url)
    document = {
        "event": {"id": created.event_id, "title": created.title},
        "rooms": [
            {"name": name, "code": code, **room_links(code, base), "moderator_token": created.moderator_token}
            for name, code in created.rooms
        ],
    }
    for room in document["rooms"]:
        room["moderator_url"] += f"?token={created.moderator_token}"
    if as_json:
        click.echo(json.dumps(document, ensure_ascii=False))
        return
    click.echo(f"{created.title} (event {created.event_id})")
    for room in document["rooms"]:
        click.echo(f"  {room['name']}: code {room['code']}  join {room['join_url']}  screen {room['screen_url']}")
        click.echo(f"    moderator {room['moderator_url']}")


@cli.command()
@click.argument("code")
@click.option("--format", "export_format", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default: stdout).")
@click.option("--without-hidden", is_flag=True, help="Leave out the ideas the moderator hid.")
def export(code: str, export_format: str, out: Path | None, without_hidden: bool) -> None:
    """Export one room (its join code) with its activities, ideas, votes and results."""
    from ..domain.errors import DomainError
    from ..services.exports import export_room

    settings = Settings.from_env()
    try:
        document = export_room(_context(settings), code, include_hidden=not without_hidden)
    except DomainError as error:
        _fail(error, settings)
        return
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if out is None:
        click.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
