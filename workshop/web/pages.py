"""Public pages: home, the participant's phone page, the projector, the join QR code."""
from __future__ import annotations

import io

import segno
from flask import Blueprint, Response, abort, current_app, jsonify, redirect, request, url_for
from flask_babel import get_locale, gettext as _

from ..domain.codes import normalize_join_code
from ..domain.errors import DomainError
from ..domain.languages import DEFAULT_LANGUAGE
from ..domain.multilingual import localized
from ..i18n import error_message
from ..services.events import find_room
from ..services.hot_path import room_identity
from ..services.item_lists import phone_list
from .context import services
from .links import base_url, room_links
from .page import activity_types, render_page

blueprint = Blueprint("pages", __name__)

LIST_MAX_AGE_SECONDS = 7 * 24 * 3600  # a list version never changes: a week of a browser's cache is plenty


def _find_room_limited(code: object):  # type: ignore[no-untyped-def]
    """The room, under the budget of wrong codes of the caller's address (``too_many_attempts`` once spent)."""
    admission = current_app.extensions["workshop_admission"]
    address = request.remote_addr or ""
    admission.check_code_attempt(address, "http " + address)
    try:
        with services().db.read() as session:
            room = find_room(session, code)
            # The room's name in the page's language when it has a version in it.
            name = localized("name", room.name, room.versions, str(get_locale() or DEFAULT_LANGUAGE))
            return room.code, name.text, room.event.title
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
    typed = request.args.get("code", "")
    code = normalize_join_code(typed)
    try:
        room_code, _name, _title = _find_room_limited(code)
    except DomainError as error:
        # The code stays in the field, the error beside it: the participant corrects one character, not all six.
        return render_page("home.html", title=_("Join a workshop"), script=None, typed_code=typed.strip()[:8],
                           error=error_message(error.code, {})), (429 if error.code == "too_many_attempts" else 404)  # type: ignore[return-value]
    return redirect(url_for("pages.participant", code=room_code))  # type: ignore[return-value]


@blueprint.get("/j/<code>")
def participant(code: str) -> str:
    """The phone page of one room."""
    room_code, room_name, event_title = _room_or_404(code)
    return render_page("participant.html", title=room_name, script="participant.js", lean_strings=True,
                       data={"code": room_code, "activity_types": activity_types(with_config=False)},
                       room_name=room_name, event_title=event_title)


@blueprint.get("/p/<code>/activities/<int:activity_id>/items/<version>")
def item_list(code: str, activity_id: int, version: str) -> Response:
    """A vote's item list, one version of it, for the phones (``services/item_lists.py``): the same bytes, made once,
    for every phone; gzip on the wire; cached by the browser for good, since the version names the content."""
    admission = current_app.extensions["workshop_admission"]
    address = request.remote_addr or ""
    try:
        admission.check_code_attempt(address, "http " + address)
        with services().db.read() as session:  # one read (and on PostgreSQL one pooled connection) for it all
            try:
                room_id, _code, _event = room_identity(session.connection(), code)
            except DomainError:
                admission.wrong_code(address, "http " + address)
                raise
            found = phone_list(session, room_id, activity_id, version)
    except DomainError as error:
        status = 429 if error.code == "too_many_attempts" else 404
        answer = jsonify({"error": {"code": error.code, "message": error_message(error.code, error.params)}}
                         | ({"current_version": error.params["current_version"]}
                            if error.code == "item_list_changed" else {}))
        answer.status_code = status
        answer.headers["Cache-Control"] = "no-store"
        return answer
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    response = Response(found.gzipped if gzipped else found.body, mimetype="application/json")
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = f"public, max-age={LIST_MAX_AGE_SECONDS}, immutable"
    return response


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
