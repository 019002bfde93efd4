"""Moderator pages: token exchange, events, a room's console, the room's data. Every view needs access."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, abort, redirect, request, session, url_for
from flask_babel import gettext as _

from ..domain.axes import THEMES
from ..domain.errors import DomainError
from ..domain.languages import DEFAULT_LANGUAGE, page_languages
from ..i18n import error_message
from ..services.access import ModeratorAccess, access_for_token, access_from_session, session_record
from ..services.events import create_event, find_room, list_events
from ..services.files import export_room_file
from ..services.suggestions import suggestion_axis_themes
from .context import services
from .links import base_url, room_links
from .page import activity_types, render_page

blueprint = Blueprint("moderator", __name__, url_prefix="/m")


def current_access() -> ModeratorAccess:
    return access_from_session(session.get("moderator"))


def _remember(access: ModeratorAccess) -> None:
    merged = current_access().merged(access)
    session["moderator"] = session_record(merged)
    session.permanent = True


def remember_event(event_id: int) -> None:
    """This browser created or opened this event: it may moderate it from now on."""
    _remember(ModeratorAccess(event_ids=frozenset({event_id})))


def _exchange_token_in_url() -> Response | None:
    """A ``?token=`` in the URL becomes a session cookie, then disappears from the address bar and history."""
    token = request.args.get("token")
    if token is None:
        return None
    access = access_for_token(services(), token)
    if access.granted:
        _remember(access)
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
    except DomainError:
        abort(404)
    if not current_access().can_moderate_event(identity[2]):
        abort(403)
    return identity


@blueprint.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Exchange a moderator token (printed by the server or by ``create-event``) for a session."""
    error = None
    if request.method == "POST":
        access = access_for_token(services(), request.form.get("token", "").strip())
        if access.granted:
            _remember(access)
            target = request.args.get("next", "")
            return redirect(target if target.startswith("/m/") else url_for("moderator.events"))
        error = _("This moderator code is not valid.")
    return render_page("moderator/login.html", title=_("Moderator access"), script=None, error=error), (
        401 if error else 200)


@blueprint.post("/logout")
def logout() -> Any:
    """Forget this browser's moderator access."""
    session.pop("moderator", None)
    return redirect(url_for("pages.home"))


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
    listed = list_events(services(), None if access.all_events else access.event_ids)
    for event in listed:
        for room in event["rooms"]:
            room.update(room_links(room["code"], base_url()))
    return render_page("moderator/events.html", title=_("Events"), script=None, events=listed,
                       can_create=access.all_events, error=error)


def version_languages() -> list[dict[str, str]]:
    """The languages a typed text may have a version in, besides its base text (French)."""
    return [language for language in page_languages() if language["code"] != DEFAULT_LANGUAGE]


@blueprint.get("/<code>")
@moderator_required
def room_console(code: str) -> str:
    """The console of one room: agenda, incoming ideas, moderation."""
    room_code, room_name, _event_id, event_title = room_for_moderator(code)
    links = room_links(room_code, base_url())
    return render_page("moderator/room.html", title=room_name, script="moderator.js",
                       data={"code": room_code, "links": links, "activity_types": activity_types(with_config=True),
                             "axis_themes": THEMES, "suggestion_themes": suggestion_axis_themes(),
                             "version_languages": version_languages()},
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
