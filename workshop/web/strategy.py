"""The writers' side: the strategy's axes, the axe editor, the national view, the SNI → SRI declination.

Length: one blueprint for the writers' pages (axes, editor, national view, declination) and their JSON routes, each a thin call into services.
"""
from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, abort, jsonify, redirect, request, url_for
from flask_babel import gettext as _

from ..domain.axes import VERSION_LANGUAGES, editor_schema
from ..domain.errors import DomainError
from ..domain.profiles import REGIONS
from ..domain.languages import LANGUAGE_CODES, LANGUAGES
from ..i18n import error_message, translator
from ..services import axis_changes, strategy
from ..services.declination import (declination_table, decline_strategy, export_event_archive, import_event_archive,
                                    national_view)
from ..services.event_templates import TEMPLATES, create_event_from_template
from ..services.identity import (EVENT_VERSION_FIELDS, STRATEGY_VERSION_FIELDS, edit_event, edit_room, event_identity,
                                 logo_image)
from ..services.axis_matching import axis_matches, decide_axis_match
from ..services.matching import decide_match, matches
from .context import services
from .moderator import current_access, moderator_required, remember_event
from .page import render_page

blueprint = Blueprint("strategy", __name__, url_prefix="/m")


def _every_language() -> dict[str, Any]:
    """gettext in each language: a template's rooms and questions get their versions in all of them."""
    return {language: translator(language) for language in LANGUAGE_CODES}


def _event_or_403(event_id: int) -> None:
    """The event's own pages and files: its moderators (event link or console)."""
    if not current_access().can_moderate_event(event_id):
        abort(403)


def _strategy_or_403(event_id: int) -> None:
    """The event's shared strategy: its moderators, and the facilitators of its rooms (a room's link)."""
    if not current_access().can_edit_strategy(event_id):
        abort(403)


def _editable_events() -> frozenset[int] | None:
    return current_access().strategy_events


def _error(failure: DomainError, status: int = 400) -> tuple[Response, int]:
    return jsonify({"ok": False, "error": {"code": failure.code, "message": error_message(failure.code, failure.params),
                                           **failure.params}}), status


@blueprint.get("/events/<int:event_id>/strategy")
@moderator_required
def strategy_page(event_id: int) -> str:
    """The strategy (SNI or SRI): axes in priority order, then the national view or the declination table."""
    _strategy_or_403(event_id)
    try:
        document = strategy.strategy_document(services(), event_id)
    except DomainError:
        abort(404)
    last_change = axis_changes.last_axis_change(services(), event_id)
    return render_page("strategy/strategy.html", title=document["strategy"]["title"], script="strategy.js",
                       data={"event_id": event_id, "kind": document["strategy"]["kind"], "last_change": last_change},
                       document=document, last_change=last_change,
                       regions=REGIONS, can_import=current_access().all_events,
                       identity=event_identity(services(), event_id), matches=matches(services(), event_id),
                       axis_matches=axis_matches(services(), event_id),
                       version_languages=[LANGUAGES[code] for code in VERSION_LANGUAGES],
                       # Declining creates an event: the organiser's (event link or console), not a room facilitator's.
                       can_decline=current_access().can_moderate_event(event_id))


def _identity_changes(form: Any, files: Any) -> dict[str, Any]:
    """The console's identity form as ``edit_event`` changes: every field is sent, an empty one clears it."""
    first, last = (form.get("first_day") or "").strip(), (form.get("last_day") or "").strip()
    changes: dict[str, Any] = {
        "title": form.get("title", ""), "place": form.get("place", ""), "project_name": form.get("project_name", ""),
        "dates": f"{first}..{last}" if first and last else first,
        "organisers": [line.strip() for line in form.get("organisers", "").splitlines() if line.strip()],
        "partners": [line.strip() for line in form.get("partners", "").splitlines() if line.strip()],
        "decisions": form.get("decisions", ""), "next_steps": form.get("next_steps", ""),
        "strategy_title": form.get("strategy_title", ""), "vision": form.get("vision", ""),
        "version_label": form.get("version_label", ""),
    }
    if "regions" in form:
        changes["regions"] = form.getlist("regions")
    # The texts in the other languages: every box is sent, an empty one removes that version.
    for key, prefix, fields in (("versions", "version", EVENT_VERSION_FIELDS),
                                ("strategy_versions", "strategy_version", STRATEGY_VERSION_FIELDS)):
        if any(f"{prefix}_{language}_{field}" in form for language in VERSION_LANGUAGES for field in fields):
            changes[key] = {language: {field: form.get(f"{prefix}_{language}_{field}", "") for field in fields}
                            for language in VERSION_LANGUAGES}
    upload = files.get("logo")
    if upload is not None and upload.filename:
        changes["logos"] = {form.get("logo_for", ""): upload.read()}
    return changes


@blueprint.post("/events/<int:event_id>/identity")
@moderator_required
def identity_form(event_id: int) -> Any:
    """The console's form for the meeting's and the strategy's identity (what the covers print)."""
    _event_or_403(event_id)
    try:
        identity = edit_event(services(), event_id, _identity_changes(request.form, request.files))
        for room in identity["rooms"]:
            name, theme = request.form.get(f"room_name_{room['code']}"), request.form.get(f"room_theme_{room['code']}")
            if (name is not None and name != room["name"]) or (theme is not None and theme != room["theme"]):
                edit_room(services(), room["code"], name=name, theme=theme, event_ids=_editable_events())
    except DomainError as failure:
        return render_page("error.html", title=_("The identity was not saved"), script=None,
                           explanation=error_message(failure.code, failure.params)), 400
    return redirect(url_for("strategy.strategy_page", event_id=event_id) + "#identity")


@blueprint.get("/api/events/<int:event_id>/identity")
@moderator_required
def identity_json(event_id: int) -> Any:
    _event_or_403(event_id)
    try:
        return jsonify(event_identity(services(), event_id))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.post("/api/events/<int:event_id>/identity")
@moderator_required
def identity_update(event_id: int) -> Any:
    """Change the identity: the JSON body holds the fields to change (``edit_event``'s names; logos base64)."""
    _event_or_403(event_id)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(DomainError("invalid_payload"))
    if "logos" in body:
        import base64
        import binascii

        try:
            body["logos"] = {name: base64.b64decode(data, validate=True) for name, data in dict(body["logos"]).items()}
        except (binascii.Error, TypeError, ValueError):
            return _error(DomainError("invalid_logo"))
    try:
        return jsonify(edit_event(services(), event_id, body, _editable_events()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code == "unknown_event" else 400)


@blueprint.get("/events/<int:event_id>/logos/<int:logo_id>")
@moderator_required
def logo(event_id: int, logo_id: int) -> Response:
    _event_or_403(event_id)
    try:
        media_type, content = logo_image(services(), event_id, logo_id)
    except DomainError:
        abort(404)
    return Response(content, mimetype=media_type)


@blueprint.post("/api/rooms/<code>")
@moderator_required
def room_update(code: str) -> Any:
    """Rename a room or set its theme: ``{name, theme}`` (either may be left out)."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(DomainError("invalid_payload"))
    try:
        return jsonify(edit_room(services(), code, name=body.get("name"), theme=body.get("theme"),
                                 versions=body.get("versions"), event_ids=_editable_events()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code in ("unknown_room", "forbidden") else 400)


@blueprint.get("/events/<int:event_id>/strategy.json")
@moderator_required
def strategy_json(event_id: int) -> Any:
    """The strategy document as JSON."""
    _strategy_or_403(event_id)
    try:
        return jsonify(strategy.strategy_document(services(), event_id))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.get("/events/<int:event_id>/national.json")
@moderator_required
def national_json(event_id: int) -> Any:
    """The thematic workshops side by side: priorities, common and distinct axes."""
    _strategy_or_403(event_id)
    try:
        return jsonify(national_view(services(), event_id))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.get("/events/<int:event_id>/declination.json")
@moderator_required
def declination_json(event_id: int) -> Any:
    """The tableau de déclinaison of a regional event (SNI axe → SRI objectives → regional asks → targets)."""
    _strategy_or_403(event_id)
    try:
        return jsonify(declination_table(services(), event_id))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.get("/events/<int:event_id>/declination")
@moderator_required
def declination_page(event_id: int) -> str:
    """The tableau de déclinaison as a page."""
    _strategy_or_403(event_id)
    try:
        table = declination_table(services(), event_id)
    except DomainError:
        abort(404)
    return render_page("strategy/declination.html", title=_("Declination table"), script=None, table=table,
                       event_id=event_id)


@blueprint.post("/events/<int:event_id>/decline")
@moderator_required
def decline(event_id: int) -> Any:
    """Create the regional event that declines this national strategy."""
    _event_or_403(event_id)
    region = request.form.get("region") or None
    try:
        created = decline_strategy(services(), national_event_id=event_id, title=request.form.get("title") or None,
                                   region=region, translate=_, version_translators=_every_language())
    except DomainError as failure:
        return render_page("error.html", title=_("The regional event was not created"), script=None,
                           explanation=error_message(failure.code, failure.params)), 400
    remember_event(created.event_id)
    return redirect(url_for("strategy.strategy_page", event_id=created.event_id))


@blueprint.get("/events/<int:event_id>/archive.json")
@moderator_required
def archive(event_id: int) -> Response:
    """The event as an archive another laptop can import (no participant data)."""
    _event_or_403(event_id)
    try:
        document = export_event_archive(services(), event_id)
    except DomainError:
        abort(404)
    return Response(json.dumps(document, ensure_ascii=False, indent=1), mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="workshop-event-{event_id}.json"'})


@blueprint.post("/events/import")
@moderator_required
def import_archive() -> Any:
    """Recreate a national event from its archive (the console owner only)."""
    if not current_access().all_events:
        abort(403)
    upload = request.files.get("archive")
    try:
        document = json.loads(upload.read().decode("utf-8")) if upload else None
    except ValueError:  # not JSON, or not UTF-8 (UnicodeDecodeError is a ValueError)
        document = None  # refused below as invalid_archive, like any other malformed archive
    try:
        created = import_event_archive(services(), document)
    except DomainError as failure:
        return render_page("error.html", title=_("The archive was not imported"), script=None,
                           explanation=error_message(failure.code, failure.params)), 400
    remember_event(created.event_id)
    return redirect(url_for("strategy.strategy_page", event_id=created.event_id))


@blueprint.post("/events/from-template")
@moderator_required
def from_template() -> Any:
    """Create an event from « Rencontre nationale SNI » or « Rencontre régionale SRI » (console owner only)."""
    if not current_access().all_events:
        abort(403)
    template = request.form.get("template")
    if template not in TEMPLATES or TEMPLATES[template].scope != "national":
        abort(400)
    created = create_event_from_template(services(), template=template, title=request.form.get("title") or None,
                                         translate=_, version_translators=_every_language())
    remember_event(created.event_id)
    return redirect(url_for("moderator.events"))


@blueprint.get("/axes/<int:axis_id>")
@moderator_required
def axis_page(axis_id: int) -> str:
    """The axe editor: every field of the axe's record, the parent beside a regional axe."""
    try:
        view = strategy.axis_document(services(), axis_id, _editable_events())
    except DomainError:
        abort(404)
    return render_page("strategy/axis.html", title=view["axis"]["title"], script="axis.js",
                       data={"axis_id": axis_id, "event_id": view["event_id"], "schema": editor_schema()}, view=view)


@blueprint.get("/api/axes/<int:axis_id>")
@moderator_required
def axis_json(axis_id: int) -> Any:
    """One axe, with its version (send it back with the edit) and its parent."""
    try:
        return jsonify(strategy.axis_document(services(), axis_id, _editable_events()))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.put("/api/axes/<int:axis_id>")
@moderator_required
def axis_update(axis_id: int) -> Any:
    """Save an edit ``{version, changes}``; 409 with the current version if someone saved first."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(DomainError("invalid_payload"))
    try:
        return jsonify(strategy.update_axis(services(), axis_id=axis_id, version=body.get("version"),
                                            event_ids=_editable_events(), changes=body.get("changes")))
    except DomainError as failure:
        if failure.code == "edit_conflict":
            return _error(failure, 409)
        return _error(failure, 404 if failure.code == "unknown_axis" else 400)


@blueprint.post("/api/axes/<int:axis_id>/move")
@moderator_required
def axis_move(axis_id: int) -> Any:
    """Move an axe in the priority order: ``{position}`` (0-based)."""
    body = request.get_json(silent=True) or {}
    try:
        return jsonify(strategy.move_axis(services(), axis_id=axis_id, position=body.get("position"),
                                          event_ids=_editable_events()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code == "unknown_axis" else 400)


def _actor() -> str:
    return current_access().label or "moderator"


@blueprint.post("/api/axes/<int:axis_id>/delete")
@moderator_required
def axis_delete(axis_id: int) -> Any:
    """Take an axe out of the strategy (the page asked for confirmation; « Annuler » brings it back)."""
    try:
        return jsonify(axis_changes.delete_axis(services(), axis_id=axis_id, event_ids=_editable_events(),
                                                actor=_actor()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code == "unknown_axis" else 400)


@blueprint.post("/api/axes/<int:axis_id>/merge")
@moderator_required
def axis_merge(axis_id: int) -> Any:
    """Fold the axes ``{source_ids}`` into this one."""
    body = request.get_json(silent=True) or {}
    try:
        return jsonify(axis_changes.merge_axes(services(), target_id=axis_id, source_ids=body.get("source_ids"),
                                               event_ids=_editable_events(), actor=_actor()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code == "unknown_axis" else 400)


@blueprint.post("/events/<int:event_id>/strategy/undo")
@moderator_required
def strategy_undo(event_id: int) -> Any:
    """Undo the latest change to the event's axes; the answer names it (whoever may change the axes may undo)."""
    _strategy_or_403(event_id)
    try:
        return jsonify(axis_changes.undo_axis_change(services(), event_id=event_id, actor=_actor()))
    except DomainError as failure:
        return _error(failure)
@blueprint.get("/api/events/<int:event_id>/matches")
@moderator_required
def matches_json(event_id: int) -> Any:
    """Common priorities by meaning: ``{confirmed, split, proposed}`` pairs of clusters of two workshops."""
    _event_or_403(event_id)
    try:
        return jsonify(matches(services(), event_id))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.post("/api/events/<int:event_id>/matches")
@moderator_required
def match_decide(event_id: int) -> Any:
    """``{left_cluster_id, right_cluster_id, decision: "confirm" | "split"}``: confirm (or add) a pair, or split it."""
    _event_or_403(event_id)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(DomainError("invalid_payload"))
    try:
        return jsonify(decide_match(services(), event_id, body.get("left_cluster_id"), body.get("right_cluster_id"),
                                    body.get("decision"), _editable_events()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code == "unknown_event" else 400)


@blueprint.post("/events/<int:event_id>/matches")
@moderator_required
def match_form(event_id: int) -> Any:
    """The strategy page's buttons and its « add a pair » form for the clusters (no script needed)."""
    return _pair_form(event_id, decide_match, "#matches")


def _pair_form(event_id: int, decide: Any, anchor: str) -> Any:
    """A pair form (``left``, ``right``, ``decision``) handed to ``decide``, then back to the page's section."""
    _event_or_403(event_id)
    try:
        left, right = int(request.form.get("left", "")), int(request.form.get("right", ""))
    except ValueError:
        left = right = None  # type: ignore[assignment]
    try:
        decide(services(), event_id, left, right, request.form.get("decision"), _editable_events())
    except DomainError as failure:
        return render_page("error.html", title=_("The pair was not saved"), script=None,
                           explanation=error_message(failure.code, failure.params)), 400
    return redirect(url_for("strategy.strategy_page", event_id=event_id) + anchor)


@blueprint.get("/api/events/<int:event_id>/axis-matches")
@moderator_required
def axis_matches_json(event_id: int) -> Any:
    """Common axes by meaning: ``{confirmed, split, proposed}`` pairs of axes drafted in two rooms, and ``axes``."""
    _event_or_403(event_id)
    try:
        return jsonify(axis_matches(services(), event_id))
    except DomainError as failure:
        return _error(failure, 404)


@blueprint.post("/api/events/<int:event_id>/axis-matches")
@moderator_required
def axis_match_decide(event_id: int) -> Any:
    """``{left_axis_id, right_axis_id, decision: "confirm" | "split"}``: confirm (or add) a pair of axes, or split it."""
    _event_or_403(event_id)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(DomainError("invalid_payload"))
    try:
        return jsonify(decide_axis_match(services(), event_id, body.get("left_axis_id"), body.get("right_axis_id"),
                                         body.get("decision"), _editable_events()))
    except DomainError as failure:
        return _error(failure, 404 if failure.code == "unknown_event" else 400)


@blueprint.post("/events/<int:event_id>/axis-matches")
@moderator_required
def axis_match_form(event_id: int) -> Any:
    """The strategy page's buttons and « add a pair » form for the axes (no script needed)."""
    return _pair_form(event_id, decide_axis_match, "#axis-matches")
