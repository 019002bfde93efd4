"""The download page of a room and of its event: every file, in the language asked for, with progress."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for
from flask_babel import get_locale, gettext as _

from ..domain.errors import DomainError
from ..exports import catalogue
from ..exports.catalogue import EVENT_DOWNLOADS, MIMETYPES, ROOM_DOWNLOADS, Download
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, error_message, translator
from ..services.download_offer import offered_downloads
from ..services.events import find_room
from ..services.files import export_event_file, export_room_file
from .context import services
from ..services.export_jobs import JobStatus
from .export_jobs import ExportJobs
from .moderator import current_access, moderator_required, room_for_moderator
from .page import render_page

blueprint = Blueprint("downloads", __name__, url_prefix="/m")


def _jobs() -> ExportJobs:
    return current_app.extensions["workshop_exports"]  # type: ignore[no-any-return]


def _options() -> dict[str, Any]:
    language = request.values.get("lang") or str(get_locale() or DEFAULT_LANGUAGE)
    return {"language": language if language in LANGUAGES else DEFAULT_LANGUAGE,
            "include_hidden": request.values.get("include_hidden") == "1",
            "with_pseudonyms": request.values.get("with_pseudonyms") == "1"}


def _event_options() -> dict[str, Any]:
    """The options of an event's files: a room's, and leaving the draft axes out of the strategy's documents."""
    return _options() | {"without_drafts": request.values.get("without_drafts") == "1"}


@blueprint.get("/<code>/downloads")
@moderator_required
def downloads_page(code: str) -> str:
    """Every export of this room and of its event."""
    room_code, room_name, event_id, event_title = room_for_moderator(code)

    def entry(download: Download, href: str) -> dict[str, str]:
        return {"key": download.key, "label": _(download.label), "href": href}

    # Only what applies: no SRI for a national event, no word-cloud image without a word cloud.
    room_keys, event_keys = offered_downloads(services(), room_code)
    room_entries = [entry(download, url_for("downloads.room_download", code=room_code, export_format=download.key))
                    for download in ROOM_DOWNLOADS if download.key in room_keys]
    event_entries = [entry(download, url_for("downloads.event_download", event_id=event_id, document=download.key))
                     for download in EVENT_DOWNLOADS if download.key in event_keys]
    return render_page("downloads.html", title=_("Downloads"), script="downloads.js",
                       data={"code": room_code, "event_id": event_id}, room_code=room_code, room_name=room_name,
                       event_id=event_id, event_title=event_title, room_entries=room_entries,
                       event_entries=event_entries)


@blueprint.get("/<code>/download/<export_format>")
@moderator_required
def room_download(code: str, export_format: str) -> Any:
    """Build and send one room file now (the page without scripts uses this; the page with them, a job)."""
    room_code, *_rest = room_for_moderator(code)
    options = _options()
    try:
        exported = export_room_file(services(), room_code, export_format, translate=translator(options["language"]),
                                    **options)
    except DomainError as failure:
        return _failure_page(failure)
    return _attachment(exported.content, exported.mimetype, exported.filename)


@blueprint.get("/events/<int:event_id>/download/<document>")
@moderator_required
def event_download(event_id: int, document: str) -> Any:
    """Build and send one event document now."""
    if not current_access().can_moderate_event(event_id):
        abort(403)
    options = _event_options()
    try:
        exported = export_event_file(services(), event_id, document, translate=translator(options["language"]),
                                     **options)
    except DomainError as failure:
        return _failure_page(failure)
    return _attachment(exported.content, exported.mimetype, exported.filename)


@blueprint.post("/exports")
@moderator_required
def start_export() -> Any:
    """Start a job: ``{kind: room|event, target, format, lang, include_hidden, with_pseudonyms}``."""
    options = _options()
    kind, target, export_format = request.values.get("kind"), request.values.get("target", ""), request.values.get("format")
    flags = [flag for flag, on in (("--include-hidden", options["include_hidden"]),
                                   ("--with-pseudonyms", options["with_pseudonyms"])) if on]
    download = catalogue.room_download(export_format) if kind == "room" else catalogue.event_download(export_format)
    if kind == "room" and download is not None:
        room_code, _name, event_id, _title = room_for_moderator(target)
        room_id = _room_id(room_code)
        arguments = ["export", room_code, "--format", export_format, "--lang", options["language"], *flags]
        filename = f"workshop-{room_code}-{export_format}.{download.extension}"
    elif kind == "event" and download is not None and target.isdigit():
        event_id, room_id = int(target), None
        if not current_access().can_moderate_event(event_id):
            abort(403)
        if export_format == "archive":
            arguments = ["export-event", target, "--format", "archive"]
        else:
            drafts = ["--without-drafts"] if request.values.get("without_drafts") == "1" else []
            arguments = ["export-event", target, "--document", export_format, "--lang", options["language"], *flags,
                         *drafts]
        filename = f"workshop-event-{event_id}-{export_format}.{download.extension}"
    else:
        return jsonify({"ok": False, "error": {"code": "unknown_format",
                                               "message": error_message("unknown_format", {})}}), 400
    job = _jobs().start(arguments, event_id=event_id, filename=filename, mimetype=MIMETYPES[download.extension],
                        room_id=room_id)
    return jsonify({"ok": True, "job": job.public(), "status_url": url_for("downloads.export_status", job_id=job.id),
                    "file_url": url_for("downloads.export_file", job_id=job.id)})


@blueprint.get("/exports/<job_id>")
@moderator_required
def export_status(job_id: str) -> Any:
    """Where a job stands: running (with progress 0–1), done, or failed (with the translated reason)."""
    job = _jobs().get(job_id)
    if job is None or not _may_see(job):
        abort(404)
    status = job.public()
    if status["state"] == "failed" and not status["error"]:
        status["error"] = error_message("internal_error", {})  # never a raw code or a traceback line on the page
    return jsonify(status)


@blueprint.get("/exports/<job_id>/file")
@moderator_required
def export_file(job_id: str) -> Any:
    """The finished file."""
    found = _jobs().file(job_id)
    if found is None or not _may_see(found[0]):
        abort(404)
    job, content = found
    return _attachment(content, job.mimetype, job.filename)


def _room_id(code: str) -> int:
    with services().db.read() as session:
        return find_room(session, code).id


def _may_see(job: JobStatus) -> bool:
    access = current_access()
    return access.can_moderate_event(job.event_id) or (job.room_id is not None and job.room_id in access.room_ids)


def _attachment(content: bytes, mimetype: str, filename: str) -> Response:
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _failure_page(failure: DomainError) -> tuple[str, int]:
    return render_page("error.html", title=_("This file could not be made"), script=None,
                       explanation=error_message(failure.code, failure.params)), 400
