"""Moderator pages: token exchange, events, a room's console, the room's data. Every view needs access."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, abort, g, redirect, request, session, url_for
from flask_babel import gettext as _

from ..domain.axes import THEMES
from ..domain.errors import DomainError
from ..i18n import error_message
from ..services.access import (MAX_SESSIONS_PER_BROWSER, ModeratorAccess, access_for_sessions, end_sessions,
                               grant_event_session, open_session, revoke_all_sessions)
from ..services.events import create_event, find_room, list_events
from ..services.files import export_room_file
from ..services.suggestions import suggestion_axis_themes
from .context import services
from .links import base_url, room_links
from .page import activity_types, render_page

blueprint = Blueprint("moderator", __name__, url_prefix="/m")


SESSION_KEY = "moderator_sessions"  # the clear secrets of this browser's moderator sessions (signed cookie)


def current_access() -> ModeratorAccess:
    """What this browser's moderator sessions still open, looked up once per request (a revoked one opens nothing)."""
    if "moderator_access" not in g:
        g.moderator_access = access_for_sessions(services(), session.get(SESSION_KEY))
    return g.moderator_access  # type: ignore[no-any-return]


def _remember(secret: str) -> None:
    kept = [held for held in session.get(SESSION_KEY, []) if isinstance(held, str)]
    session[SESSION_KEY] = [*kept, secret][-MAX_SESSIONS_PER_BROWSER:]
    session.permanent = True
    g.pop("moderator_access", None)


def _open(token: object) -> bool:
    opened = open_session(services(), token)
    if opened is not None:
        _remember(opened[0])
    return opened is not None


def remember_event(event_id: int) -> None:
    """This browser created this event (declining its own, say): it may moderate it from now on."""
    if not current_access().can_moderate_event(event_id):
        _remember(grant_event_session(services(), event_id, label=f"event {event_id}"))


def _exchange_token_in_url() -> Response | None:
    """A ``?token=`` in the URL becomes a session, then disappears from the address bar and history."""
    token = request.args.get("token")
    if token is None:
        return None
    _open(token)
    arguments = {key: value for key, value in request.args.items() if key != "token"}
    return redirect(url_for(request.endpoint or "moderator.events", **(request.view_args or {}), **arguments))  # type: ignore[return-value]


def moderator_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        exchanged = _exchange_token_in_url()
        if exchanged is not None:
            return exchanged
        if not current_access().granted:
            return redirect(url_for("moderator.login", next=request.path))
        return view(*args, **kwargs)

    return wrapper


def room_for_moderator(code: str):  # type: ignore[no-untyped-def]
    try:
        with services().db.read() as db_session:
            room = find_room(db_session, code)
            identity = (room.code, room.name, room.event_id, room.event.title)
            room_id = room.id
    except DomainError:
        abort(404)
    if not current_access().can_moderate_room(room_id, identity[2]):
        abort(403)
    return identity


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Exchange a moderator token (printed by the server or by ``create-event``) for a session."""
    error = None
    if request.method == "POST":
        if _open(request.form.get("token", "").strip()):
            target = request.args.get("next", "")
            return redirect(target if target.startswith("/m/") else url_for("moderator.events"))
        error = _("This moderator code is not valid.")
    return render_page("moderator/login.html", title=_("Moderator access"), script=None, error=error), (
        401 if error else 200)


@blueprint.post("/logout")
def logout() -> Any:
    """End this browser's moderator sessions, on the server: a copy of the cookie stops working too."""
    end_sessions(services(), session.pop(SESSION_KEY, None))
    return redirect(url_for("pages.home"))


@blueprint.post("/revoke-all")
@moderator_required
def revoke_all() -> Any:
    """« Revoke all »: the console owner ends every other moderator session (lost links, copied cookies)."""
    if not current_access().all_events:
        abort(403)
    revoke_all_sessions(services(), keep=session.get(SESSION_KEY))
    return redirect(url_for("moderator.events", revoked=1))


@blueprint.route("/", methods=["GET", "POST"])
@moderator_required
def events() -> Any:
    """The events this moderator may run, and (for the console owner) a form to create one."""
    access = current_access()
    error = None
    if request.method == "POST":
        if not access.all_events:
            abort(403)
        rooms = [line for line in request.form.get("rooms", "").splitlines() if line.strip()]
        try:
            created = create_event(services(), title=request.form.get("title", ""), room_names=rooms)  # type: ignore[arg-type]
        except DomainError as failure:
            error = error_message(failure.code, failure.params)
        else:
            remember_event(created.event_id)
            return redirect(url_for("moderator.events"))
    listed = list_events(services(), None if access.all_events else access.event_ids, room_ids=access.room_ids)
    for event in listed:
        for room in event["rooms"]:
            room.update(room_links(room["code"], base_url()))
    return render_page("moderator/events.html", title=_("Events"), script=None, events=listed,
                       can_create=access.all_events, error=error, revoked=request.args.get("revoked") == "1")


@blueprint.get("/<code>")
@moderator_required
def room_console(code: str) -> str:
    """The console of one room: agenda, incoming ideas, moderation."""
    room_code, room_name, _event_id, event_title = room_for_moderator(code)
    links = room_links(room_code, base_url())
    return render_page("moderator/room.html", title=room_name, script="moderator.js",
                       data={"code": room_code, "links": links, "activity_types": activity_types(with_config=True),
                             "axis_themes": THEMES, "suggestion_themes": suggestion_axis_themes()},
                       room_name=room_name, event_title=event_title,
                       links=links, code=room_code)


@blueprint.get("/<code>/export.json")
@moderator_required
def room_export(code: str) -> Response:
    """The room's data as JSON (the same document as ``workshop export CODE --format json``)."""
    room_code, *_ignored = room_for_moderator(code)
    exported = export_room_file(services(), room_code, "json", language="fr", translate=str,
                                include_hidden=request.args.get("hidden", "1") == "1")
    return Response(exported.content, mimetype=exported.mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'})


__all__ = ["blueprint"]
