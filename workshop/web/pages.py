"""Public pages: home, the participant's phone page, the projector, the join QR code."""
from __future__ import annotations

import io

import segno
from flask import Blueprint, Response, abort, current_app, redirect, request, url_for
from flask_babel import gettext as _

from ..domain.codes import normalize_join_code
from ..domain.errors import DomainError
from ..i18n import error_message
from ..services.events import find_room
from .context import services
from .links import base_url, room_links
from .page import activity_types, render_page

blueprint = Blueprint("pages", __name__)


def _find_room_limited(code: object):  # type: ignore[no-untyped-def]
    """The room, under the budget of wrong codes of the caller's address (``too_many_attempts`` once spent)."""
    admission = current_app.extensions["workshop_admission"]
    address = request.remote_addr or ""
    admission.check_code_attempt(address, "http " + address)
    try:
        with services().db.read() as session:
            room = find_room(session, code)
            return room.code, room.name, room.event.title
    except DomainError as error:
        if error.code == "unknown_room":
            admission.wrong_code(address, "http " + address)
        raise


def _room_or_404(code: str):  # type: ignore[no-untyped-def]
    try:
        return _find_room_limited(code)
    except DomainError as error:
        abort(429 if error.code == "too_many_attempts" else 404)


@blueprint.get("/")
def home() -> str:
    """The landing page: type the code shown on the screen."""
    return render_page("home.html", title=_("Join a workshop"), script=None)


@blueprint.get("/join")
def join_by_code() -> Response:
    """The home form's target: go to the room whose code was typed."""
    code = normalize_join_code(request.args.get("code", ""))
    try:
        room_code, _name, _title = _find_room_limited(code)
    except DomainError as error:
        return render_page("home.html", title=_("Join a workshop"), script=None,
                           error=error_message(error.code, {})), (429 if error.code == "too_many_attempts" else 404)  # type: ignore[return-value]
    return redirect(url_for("pages.participant", code=room_code))  # type: ignore[return-value]


@blueprint.get("/j/<code>")
def participant(code: str) -> str:
    """The phone page of one room."""
    room_code, room_name, event_title = _room_or_404(code)
    return render_page("participant.html", title=room_name, script="participant.js", lean_strings=True,
                       data={"code": room_code, "activity_types": activity_types(with_config=False)},
                       room_name=room_name, event_title=event_title)


@blueprint.get("/s/<code>")
def screen(code: str) -> str:
    """The projector page of one room."""
    room_code, room_name, event_title = _room_or_404(code)
    links = room_links(room_code, base_url())
    return render_page("screen.html", title=room_name, script="screen.js", data={"code": room_code},
                       room_name=room_name, event_title=event_title, join_url=links["join_url"], code=room_code)


@blueprint.get("/qr/<code>.svg")
def join_qr(code: str) -> Response:
    """The join QR code, carrying the laptop's LAN address."""
    room_code, _name, _title = _room_or_404(code)
    buffer = io.BytesIO()
    segno.make(room_links(room_code, base_url())["join_url"], error="m").save(buffer, kind="svg", scale=8, border=2)
    return Response(buffer.getvalue(), mimetype="image/svg+xml", headers={"Cache-Control": "no-cache"})


@blueprint.get("/healthz")
def health() -> dict[str, str]:
    """Liveness for scripts and tests."""
    return {"status": "ok"}
