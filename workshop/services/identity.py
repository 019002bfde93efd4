"""The identity of a meeting and of its strategy (what the covers print), and renaming a room.

One function per use case, shared by the command line (``edit-event``, ``edit-room``), the moderator's HTTP
endpoints and the socket commands: each takes loosely typed input, refuses bad input with a ``DomainError``
before changing anything, and returns the identity as plain data.
"""
from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.multilingual import checked_versions
from ..domain.profiles import REGIONS
from ..domain.text import checked_text, clean_text
from ..models import Event, EventLogo, Room, Strategy
from .context import ServiceContext
from .events import find_room

MAX_LOGO_BYTES = 2_000_000  # a scanned logo is a few hundred kilobytes; past this it is a photo, not a logo
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
MAX_ORGANISATIONS = 12
MAX_DAYS = 14
ORGANISATION_ROLES = ("organiser", "partner")
EVENT_VERSION_FIELDS = {"title": 200, "place": 200, "project_name": 200}
STRATEGY_VERSION_FIELDS = {"title": 200, "vision": 4000}
ROOM_VERSION_FIELDS = {"name": 200, "theme": 300}


def parse_days(raw: object) -> tuple[date | None, date | None]:
    """``YYYY-MM-DD`` (one day) or ``YYYY-MM-DD..YYYY-MM-DD`` (several); an empty text clears the dates."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if not isinstance(raw, str):
        raise DomainError("invalid_date")
    first_text, separator, last_text = raw.strip().partition("..")
    try:
        first = date.fromisoformat(first_text.strip())
        last = date.fromisoformat(last_text.strip()) if separator else first
    except ValueError:
        raise DomainError("invalid_date") from None
    if last < first or (last - first).days >= MAX_DAYS:
        raise DomainError("invalid_dates", maximum=MAX_DAYS)
    return first, last


def checked_logo(content: object) -> tuple[str, bytes]:
    """(media type, bytes) of a PNG or JPEG image that opens, or ``invalid_logo``."""
    from PIL import Image, UnidentifiedImageError

    if not isinstance(content, (bytes, bytearray)) or not content:
        raise DomainError("invalid_logo")
    if len(content) > MAX_LOGO_BYTES:
        raise DomainError("logo_too_large", maximum=MAX_LOGO_BYTES // 1_000_000)
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise DomainError("invalid_logo") from None
    if kind not in LOGO_TYPES:
        raise DomainError("invalid_logo")
    return LOGO_TYPES[kind], bytes(content)


def _names(raw: object, field: str) -> list[str]:
    if not isinstance(raw, list) or len(raw) > MAX_ORGANISATIONS:
        raise DomainError("too_many_rows", maximum=MAX_ORGANISATIONS) if isinstance(raw, list) \
            else DomainError("invalid_type", field=field, expected="list")
    names = [checked_text(name, max_length=200, field=field) for name in raw]
    if len({name.casefold() for name in names}) != len(names):
        raise DomainError("duplicate_item")
    return names


def _regions(raw: object) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(region, str) for region in raw):
        raise DomainError("invalid_type", field="regions", expected="list")
    for region in raw:
        if region not in REGIONS:
            raise DomainError("unknown_tag", tag="region", value=region[:40])
    return list(dict.fromkeys(raw))


def identity_view(session: Session, event: Event) -> dict[str, Any]:
    """The identity as the pages, the command line and the exports' builder read it."""
    strategy = session.scalar(select(Strategy).where(Strategy.event_id == event.id))
    return {
        "event_id": event.id, "title": event.title, "place": event.place,
        "dates": list(dict.fromkeys(day.isoformat() for day in (event.first_day, event.last_day) if day is not None)),
        "project_name": event.project_name,
        "organisers": [dict(entry) for entry in event.organised_by if entry.get("role") == "organiser"],
        "partners": [dict(entry) for entry in event.organised_by if entry.get("role") == "partner"],
        "versions": event.versions or {},
        "decisions": list(event.decisions or []), "next_steps": list(event.next_steps or []),
        "strategy": None if strategy is None else {
            "kind": strategy.kind, "title": strategy.title, "vision": strategy.vision,
            "version_label": strategy.version_label,
            "regions": list(strategy.regions or ([strategy.region] if strategy.region else [])),
            "versions": strategy.versions or {}},
        "rooms": [{"code": room.code, "name": room.name, "theme": room.theme, "kind": room.kind}
                  for room in event.rooms],
    }


def _lines(raw: object, field: str) -> list[str]:
    """Decisions or next steps: a list of lines (or one text, a line each), blank lines dropped."""
    if isinstance(raw, str):
        raw = raw.splitlines()
    if not isinstance(raw, list):
        raise DomainError("invalid_type", field=field, expected="list")
    if len(raw) > 40:
        raise DomainError("too_many_rows", maximum=40)
    lines = [clean_text(line) for line in raw]
    for line in lines:
        if len(line) > 500:
            raise DomainError("text_too_long", field=field, max_length=500, length=len(line))
    return [line for line in lines if line]


def _apply_event(session: Session, event: Event, changes: Mapping[str, Any]) -> None:
    if "title" in changes:
        event.title = checked_text(changes["title"], max_length=200, field="title")
    for field, length in (("place", 200), ("project_name", 200)):
        if field in changes:
            value = clean_text(changes[field] if changes[field] is not None else "")
            if len(value) > length:
                raise DomainError("text_too_long", field=field, max_length=length, length=len(value))
            setattr(event, field, value)
    if "dates" in changes:
        event.first_day, event.last_day = parse_days(changes["dates"])
    if "versions" in changes:
        event.versions = checked_versions(changes["versions"], EVENT_VERSION_FIELDS)
    for field in ("decisions", "next_steps"):
        if field in changes:
            setattr(event, field, _lines(changes[field], field))
    entries = [dict(entry) for entry in event.organised_by or []]
    for role, field in (("organiser", "organisers"), ("partner", "partners")):
        if field in changes:
            kept = {entry["name"].casefold(): entry for entry in entries if entry.get("role") == role}
            others = [entry for entry in entries if entry.get("role") != role]
            entries = others + [{"name": name, "role": role, "logo_id": kept.get(name.casefold(), {}).get("logo_id")}
                                for name in _names(changes[field], field)]
    logos = changes.get("logos") or {}
    if not isinstance(logos, Mapping):
        raise DomainError("invalid_type", field="logos", expected="object")
    by_name = {entry["name"].casefold(): entry for entry in entries}
    for name, content in logos.items():
        entry = by_name.get(str(name).casefold())
        if entry is None:
            raise DomainError("unknown_organiser", name=str(name)[:80])
        media_type, data = checked_logo(content)
        logo = EventLogo(event_id=event.id, media_type=media_type, content=data)
        session.add(logo)
        session.flush()
        entry["logo_id"] = logo.id
    if len(entries) > 2 * MAX_ORGANISATIONS:
        raise DomainError("too_many_rows", maximum=MAX_ORGANISATIONS)
    event.organised_by = entries


def _apply_strategy(strategy: Strategy, changes: Mapping[str, Any]) -> None:
    if "strategy_title" in changes:
        strategy.title = checked_text(changes["strategy_title"], max_length=200, field="strategy_title")
    if "vision" in changes:
        vision = clean_text(changes["vision"] if changes["vision"] is not None else "")
        if len(vision) > 4000:
            raise DomainError("text_too_long", field="vision", max_length=4000, length=len(vision))
        strategy.vision = vision
    if "version_label" in changes:
        label = clean_text(changes["version_label"] if changes["version_label"] is not None else "")
        if len(label) > 100:
            raise DomainError("text_too_long", field="version_label", max_length=100, length=len(label))
        strategy.version_label = label
    if "regions" in changes:
        if strategy.kind != "sri":
            raise DomainError("regions_not_allowed")
        regions = _regions(changes["regions"])
        strategy.regions = regions
        strategy.region = regions[0] if regions else None
    if "strategy_versions" in changes:
        strategy.versions = checked_versions(changes["strategy_versions"], STRATEGY_VERSION_FIELDS)


EVENT_FIELDS = frozenset({"title", "place", "dates", "project_name", "organisers", "partners", "logos", "versions",
                          "decisions", "next_steps"})
STRATEGY_FIELDS = frozenset({"strategy_title", "vision", "version_label", "regions", "strategy_versions"})


def edit_event(ctx: ServiceContext, event_id: object, changes: object,
               event_ids: frozenset[int] | None = None) -> dict[str, Any]:
    """Change what is given of the meeting's and the strategy's identity; all of it is saved or none.

    ``changes`` may hold ``title``, ``place``, ``dates`` (``YYYY-MM-DD[..YYYY-MM-DD]``), ``project_name``,
    ``organisers`` and ``partners`` (lists of names: each replaces that list, a name that stays keeps its logo),
    ``logos`` (``{name: image bytes}``), ``versions`` (``{"ar": {"title": …}}``), ``decisions`` and ``next_steps``
    (lines), and for the strategy ``strategy_title``, ``vision``, ``version_label``, ``regions`` (an SRI's region
    slugs) and ``strategy_versions``. ``event_ids`` limits a moderator to their events (None: every event).
    """
    if type(event_id) is not int:
        raise DomainError("invalid_type", field="event_id", expected="integer")
    if not isinstance(changes, Mapping):
        raise DomainError("invalid_payload")
    unknown = set(changes) - EVENT_FIELDS - STRATEGY_FIELDS
    if unknown:
        raise DomainError("unknown_field", field=sorted(unknown)[0][:40])
    if event_ids is not None and event_id not in event_ids:
        raise DomainError("unknown_event")
    with ctx.db.write() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        _apply_event(session, event, changes)
        if set(changes) & STRATEGY_FIELDS:
            strategy = session.scalar(select(Strategy).where(Strategy.event_id == event.id))
            if strategy is None:
                raise DomainError("no_strategy")
            _apply_strategy(strategy, changes)
        session.flush()
        return identity_view(session, event)


def event_identity(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        return identity_view(session, event)


def logo_image(ctx: ServiceContext, event_id: int, logo_id: int) -> tuple[str, bytes]:
    with ctx.db.read() as session:
        logo = session.get(EventLogo, logo_id)
        if logo is None or logo.event_id != event_id:
            raise DomainError("unknown_logo")
        return logo.media_type, logo.content


def logos_of_event(session: Session, event: Event) -> dict[int, bytes]:
    """The logos the covers print, by id (only those an organiser or partner still points to)."""
    wanted = [entry["logo_id"] for entry in event.organised_by or [] if entry.get("logo_id")]
    if not wanted:
        return {}
    return dict(session.execute(select(EventLogo.id, EventLogo.content).where(EventLogo.id.in_(wanted))).all())


def rename_room(session: Session, code: object, name: object = None, theme: object = None,
                versions: object = None) -> Room:
    """Rename a room and/or set its theme inside the caller's transaction (the console and ``edit-room``).

    ``versions`` (``{"ar": {"name": …, "theme": …}}``) is kept when the room has a ``versions`` column.
    """
    room = find_room(session, code)
    if name is not None:
        room.name = checked_text(name, max_length=200, field="name")
    if theme is not None:
        value = clean_text(theme)
        if len(value) > 300:
            raise DomainError("text_too_long", field="theme", max_length=300, length=len(value))
        room.theme = value
    if versions is not None:
        if not hasattr(Room, "versions"):
            raise DomainError("unknown_field", field="versions")
        room.versions = checked_versions(versions, ROOM_VERSION_FIELDS)  # type: ignore[attr-defined]
    session.flush()
    return room


def edit_room(ctx: ServiceContext, code: object, *, name: object = None, theme: object = None,
              versions: object = None, event_ids: frozenset[int] | None = None) -> dict[str, Any]:
    """``rename_room`` in its own transaction; the room as data."""
    with ctx.db.write() as session:
        room = find_room(session, code)
        if event_ids is not None and room.event_id not in event_ids:
            raise DomainError("forbidden")
        room = rename_room(session, code, name=name, theme=theme, versions=versions)
        return {"code": room.code, "name": room.name, "theme": room.theme, "kind": room.kind,
                "event_id": room.event_id}
