"""The identity of a meeting and its strategy (``edit-event``) and of a room (``edit-room``)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Settings
from .commands import _context, _fail, cli


def _echo(document: dict, as_json: bool) -> None:  # type: ignore[type-arg]
    if as_json:
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    for key, value in document.items():
        if value not in (None, "", [], {}):
            click.echo(f"{key}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}")


def _version_pairs(pairs: tuple[str, ...], option: str) -> dict[str, dict[str, str]]:
    """``--ar-title`` style options are too many: versions come as ``LANG:FIELD=TEXT``."""
    versions: dict[str, dict[str, str]] = {}
    for pair in pairs:
        key, separator, text = pair.partition("=")
        language, colon, field = key.partition(":")
        if not separator or not colon:
            raise click.BadParameter(f"{pair!r}: expected LANG:FIELD=TEXT", param_hint=option)
        versions.setdefault(language.strip(), {})[field.strip()] = text
    return versions


@cli.command("edit-event")
@click.argument("event_id", type=int)
@click.option("--title", default=None, help="Title of the meeting.")
@click.option("--place", default=None, help="Where it meets (« Rabat, Hôtel Farah »); an empty text clears it.")
@click.option("--dates", default=None, metavar="YYYY-MM-DD[..YYYY-MM-DD]",
              help="The day, or the first and last days, of the meeting (printed on covers); empty clears them.")
@click.option("--project", "project_name", default=None, help="Name of the project the meeting belongs to.")
@click.option("--organiser", "organisers", multiple=True, help="An organiser (repeat it); replaces the organisers.")
@click.option("--partner", "partners", multiple=True, help="A partner (repeat it); replaces the partners.")
@click.option("--logo", "logos", multiple=True, metavar="[NAME=]FILE",
              help="A PNG or JPEG logo of an organiser or partner named NAME (repeat it). Without NAME, the file's "
                   "logo goes to the organisers and partners without one, in order.")
@click.option("--strategy-title", default=None, help="Title of the strategy (SNI or SRI).")
@click.option("--vision", default=None, help="The strategy's vision.")
@click.option("--version-label", default=None, help="« Version provisoire 1 », « Version finale »… (on the cover).")
@click.option("--region", "regions", multiple=True, help="A region the SRI covers (repeat it); replaces the regions.")
@click.option("--version", "versions", multiple=True, metavar="LANG:FIELD=TEXT",
              help="The meeting's title, place or project_name in another language, e.g. ar:title=…")
@click.option("--strategy-version", "strategy_versions", multiple=True, metavar="LANG:FIELD=TEXT",
              help="The strategy's title or vision in another language, e.g. en:vision=…")
@click.option("--decision", "decisions", multiple=True, help="A decision of the meeting (repeat it); replaces them.")
@click.option("--next-step", "next_steps", multiple=True, help="A next step (repeat it); replaces them.")
@click.option("--json", "as_json", is_flag=True, help="Print the identity as JSON.")
def edit_event(event_id: int, title: str | None, place: str | None, dates: str | None, project_name: str | None,
               organisers: tuple[str, ...], partners: tuple[str, ...], logos: tuple[str, ...],
               strategy_title: str | None, vision: str | None, version_label: str | None, regions: tuple[str, ...],
               versions: tuple[str, ...], strategy_versions: tuple[str, ...], decisions: tuple[str, ...],
               next_steps: tuple[str, ...], as_json: bool) -> None:
    """Set the identity of a meeting and of its strategy: what the covers of every document print."""
    from ..domain.errors import DomainError
    from ..services.identity import edit_event as edit, event_identity

    settings = Settings.from_env()
    changes: dict[str, object] = {key: value for key, value in (
        ("title", title), ("place", place), ("dates", dates), ("project_name", project_name),
        ("strategy_title", strategy_title), ("vision", vision), ("version_label", version_label)) if value is not None}
    for key, values in (("organisers", organisers), ("partners", partners), ("regions", regions),
                        ("decisions", decisions), ("next_steps", next_steps)):
        if values:
            changes[key] = list(values)
    if versions:
        changes["versions"] = _version_pairs(versions, "--version")
    if strategy_versions:
        changes["strategy_versions"] = _version_pairs(strategy_versions, "--strategy-version")
    ctx = _context(settings)
    try:
        if logos:
            changes["logos"] = _logos(ctx, event_id, changes, logos)
        document = edit(ctx, event_id, changes)
    except DomainError as error:
        _fail(error, settings)
        return
    _echo(document, as_json)


def _logos(ctx, event_id: int, changes: dict[str, object], logos: tuple[str, ...]) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """``{name: bytes}``: named files go to their name; unnamed ones to those still without a logo, in order."""
    from ..services.identity import event_identity

    current = event_identity(ctx, event_id)
    names = [*changes.get("organisers", [entry["name"] for entry in current["organisers"]]),  # type: ignore[misc]
             *changes.get("partners", [entry["name"] for entry in current["partners"]])]  # type: ignore[misc]
    with_logo = {entry["name"] for entry in current["organisers"] + current["partners"] if entry.get("logo_id")}
    waiting = [name for name in names if name not in with_logo]
    result: dict[str, bytes] = {}
    for value in logos:
        name, separator, file_name = value.rpartition("=")
        path = Path(file_name)
        if not path.is_file():
            raise click.BadParameter(f"{file_name!r} is not a file", param_hint="--logo")
        if not separator:
            waiting = [candidate for candidate in waiting if candidate not in result]
            if not waiting:
                raise click.BadParameter("every organiser and partner already has a logo: write NAME=FILE",
                                         param_hint="--logo")
            name = waiting[0]
        result[name] = path.read_bytes()
    return result


@cli.command("edit-room")
@click.argument("code")
@click.option("--name", default=None, help="The room's new name.")
@click.option("--theme", default=None, help="The question or topic the room works on.")
@click.option("--json", "as_json", is_flag=True, help="Print the room as JSON.")
def edit_room(code: str, name: str | None, theme: str | None, as_json: bool) -> None:
    """Rename a room (by its join code) or set its theme."""
    from ..domain.errors import DomainError
    from ..services.identity import edit_room as edit

    settings = Settings.from_env()
    try:
        document = edit(_context(settings), code, name=name, theme=theme)
    except DomainError as error:
        _fail(error, settings)
        return
    _echo(document, as_json)
