"""The barometer's pages: editions, the dashboard of an edition (projector and print), its console (framework, expert
scores, policy events, texts, comments, imports) and its files. The console owner only: the barometer belongs to no
event."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, jsonify, redirect, request, url_for
from flask_babel import get_locale, gettext as _

from ..domain.barometer import BREAKDOWNS, LEGAL_SCORES, SECTORS
from ..domain.errors import DomainError
from ..exports import barometer_charts as charts
from ..exports.charts import to_svg
from ..i18n import LANGUAGES, error_message, translator
from ..services import barometer as service
from ..services.barometer_field import import_legal_scores, import_policy_events, import_submissions, write_form
from ..services.barometer_files import BAROMETER_FORMATS, barometer_file
from ..services.barometer_reports import build_barometer_report
from ..services.barometer_survey import create_room_survey
from ..services.events import list_events
from ..services.files import MIMETYPES
from .context import services
from .moderator import current_access, moderator_required
from .page import render_page

blueprint = Blueprint("barometer", __name__, url_prefix="/m/barometer")
MAX_UPLOAD = 20 * 1024 * 1024


def _owner_only() -> None:
    if not current_access().all_events:
        abort(403)


def _language() -> str:
    return str(get_locale() or "fr")


def _translators() -> dict[str, Any]:
    return {language: translator(language) for language in LANGUAGES}


def _upload() -> bytes:
    upload = request.files.get("file")
    if upload is None:
        raise DomainError("unreadable_file")
    content = upload.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD or not content:
        raise DomainError("unreadable_file")
    return content


def _with_reasons(result: dict[str, Any]) -> dict[str, Any]:
    return {"imported": result["imported"],
            "rejected": [{"row": item["row"], "reason": error_message(item["code"], item.get("params", {}))}
                         for item in result["rejected"]]}


@blueprint.route("/", methods=["GET", "POST"])
@moderator_required
def editions() -> Any:
    """The editions, newest first, and a form to create one (from the previous edition's framework)."""
    _owner_only()
    error = None
    if request.method == "POST":
        try:
            created = service.create_edition(services(), title=request.form.get("title", ""),
                                             previous=request.form.get("previous") or None)
        except DomainError as failure:
            error = error_message(failure.code, failure.params)
        else:
            return redirect(url_for("barometer.console", edition_id=created["edition"]["id"]))
    return render_page("barometer/editions.html", title=_("National barometer"), script=None,
                       editions=service.list_editions(services()), error=error), (400 if error else 200)


def _dashboard_context(edition_id: int) -> dict[str, Any]:
    report = build_barometer_report(services(), edition_id, language=_language(), translate=_)
    regions = [slug for slug, _name in report.regions]
    return {
        "report": report,
        "scoreboard": to_svg(charts.scoreboard(report), "chart-scoreboard"),
        "tile_maps": {sector: to_svg(charts.tile_map(report, sector), f"chart-map-{sector}")
                      for sector, _name in report.sectors},
        "radars": {region: to_svg(charts.radar(report, region), f"chart-radar-{region}") for region in regions},
        "gap": to_svg(charts.gap_chart(report), "chart-gap"),
        "likert": to_svg(charts.likert(report), "chart-likert"),
        "trend": to_svg(charts.trend(report), "chart-trend") if len(report.trends) > 1 else "",
        "timeline": to_svg(charts.timeline(report), "chart-timeline") if report.timeline else "",
    }


@blueprint.get("/<int:edition_id>")
@moderator_required
def dashboard(edition_id: int) -> str:
    """The edition's dashboard: scoreboard, maps, radars, gap, perceptions, breakdowns, trends, timeline."""
    _owner_only()
    try:
        context = _dashboard_context(edition_id)
    except DomainError:
        abort(404)
    report = context["report"]
    return render_page("barometer/dashboard.html", title=report.title, script="barometer.js",
                       data={"edition_id": edition_id}, projector=request.args.get("view") == "projector",
                       breakdowns=BREAKDOWNS, **context)


@blueprint.get("/<int:edition_id>/scores.json")
@moderator_required
def scores_json(edition_id: int) -> Any:
    """Every cell, as ``workshop barometer scores EDITION --json``."""
    _owner_only()
    try:
        return jsonify(service.scores_document(services(), edition_id))
    except DomainError as failure:
        return jsonify({"ok": False, "error": {"code": failure.code,
                                               "message": error_message(failure.code, failure.params)}}), 404


def _console(edition_id: int, *, error: str | None = None, outcome: dict[str, Any] | None = None,
             status: int = 200) -> Any:
    try:
        record = service.edition_record(services(), edition_id)
    except DomainError:
        abort(404)
    return render_page("barometer/console.html", title=record["title"], script="barometer.js",
                       data={"edition_id": edition_id}, record=record, sectors=SECTORS,
                       statuses=BREAKDOWNS["status"], legal_levels=LEGAL_SCORES,
                       narrative_sections=service.NARRATIVE_SECTIONS, comment_sections=service.COMMENT_SECTIONS,
                       formats=BAROMETER_FORMATS, rooms=[room for event in list_events(services(), None)
                                                         for room in event["rooms"]],
                       error=error, outcome=outcome), status


@blueprint.get("/<int:edition_id>/console")
@moderator_required
def console(edition_id: int) -> Any:
    """Everything the writers edit for one edition."""
    _owner_only()
    return _console(edition_id)


def _number(name: str) -> object:
    """A form field as an int or float when it is one (the services check ranges and types)."""
    raw = request.form.get(name, "").strip().replace(",", ".")
    try:
        return int(raw)
    except ValueError:
        try:
            return float(raw)
        except ValueError:
            return raw


def _row_id() -> int:
    """The ``id`` of the row a form acts on (a legal score, an event, a comment)."""
    raw = request.form.get("id", "")
    if not raw.isdigit():
        raise DomainError("invalid_payload")
    return int(raw)


def _framework_change() -> dict[str, Any]:
    form = request.form
    operation = form.get("op")
    if operation == "set_dimension_weight":
        return {"op": operation, "sector": form.get("sector"), "dimension": form.get("dimension"),
                "weight": _number("weight")}
    if operation == "remove_indicator":
        return {"op": operation, "key": form.get("key")}
    labels = {language: form.get(f"label_{language}", "") for language in LANGUAGES}
    if operation == "add_indicator":
        indicator = {"key": form.get("key", "").strip(), "sector": form.get("sector"),
                     "dimension": form.get("dimension"), "kind": form.get("kind"), "labels": labels,
                     "weight": _number("weight") if form.get("weight") else 1.0}
        return {"op": operation, "indicator": indicator}
    return {"op": "update_indicator", "key": form.get("key"), "labels": labels, "weight": _number("weight")}


ACTIONS = {
    "framework": lambda edition_id: service.update_framework(services(), edition_id=edition_id,
                                                             change=_framework_change()),
    "min_n": lambda edition_id: service.set_min_n(services(), edition_id=edition_id, min_n=_number("min_n")),
    "narrative": lambda edition_id: service.set_narrative(services(), edition_id=edition_id,
                                                          section=request.form.get("section"),
                                                          text=request.form.get("text", "")),
    "legal": lambda edition_id: service.record_legal_score(
        services(), edition_id=edition_id, indicator=request.form.get("indicator"), score=_number("score"),
        status=request.form.get("status") or None, source=request.form.get("source", ""),
        source_date=request.form.get("source_date", ""), note=request.form.get("note", "")),
    "delete_legal": lambda edition_id: service.delete_legal_score(services(), edition_id=edition_id,
                                                                  score_id=_row_id()),
    "event": lambda edition_id: service.add_policy_event(
        services(), edition_id=edition_id, when=request.form.get("date", ""), sector=request.form.get("sector"),
        direction=request.form.get("direction"), text=request.form.get("text", ""),
        source=request.form.get("source", "")),
    "delete_event": lambda edition_id: service.delete_policy_event(services(), edition_id=edition_id,
                                                                   event_id=_row_id()),
    "comment": lambda edition_id: service.add_comment(
        services(), edition_id=edition_id, draft=request.form.get("draft"), section=request.form.get("section"),
        text=request.form.get("text", ""), author=request.form.get("author", "")),
    "survey": lambda edition_id: create_room_survey(
        services(), edition_id=edition_id, room_code=request.form.get("room"),
        prompt=request.form.get("prompt") or _("Barometer questionnaire")),
    "answer_comment": lambda edition_id: service.answer_comment(
        services(), edition_id=edition_id, comment_id=_row_id(),
        response=request.form.get("response", "")),
}
IMPORTS = {
    "submissions": lambda edition_id, content: import_submissions(services(), edition_id, content, _translators()),
    "legal": lambda edition_id, content: import_legal_scores(services(), edition_id, content),
    "events": lambda edition_id, content: import_policy_events(services(), edition_id, content),
}


@blueprint.post("/<int:edition_id>/console/<action>")
@moderator_required
def console_action(edition_id: int, action: str) -> Any:
    """One console form: saved then back to the console at its section, or the console again with the error."""
    _owner_only()
    if action not in ACTIONS:
        abort(404)
    try:
        ACTIONS[action](edition_id)
    except DomainError as failure:
        return _console(edition_id, error=error_message(failure.code, failure.params), status=400)
    anchor = {"delete_legal": "legal", "delete_event": "event", "answer_comment": "comment"}.get(action, action)
    return redirect(url_for("barometer.console", edition_id=edition_id, _anchor=f"section-{anchor}"))


@blueprint.post("/<int:edition_id>/import/<kind>")
@moderator_required
def import_file(edition_id: int, kind: str) -> Any:
    """Import a KoboToolbox/ODK export, legal scores or policy events; the console shows what was kept or refused."""
    _owner_only()
    if kind not in IMPORTS:
        abort(404)
    try:
        outcome = _with_reasons(IMPORTS[kind](edition_id, _upload()))
    except DomainError as failure:
        return _console(edition_id, error=error_message(failure.code, failure.params), status=400)
    return _console(edition_id, outcome={"kind": kind, **outcome})


@blueprint.get("/<int:edition_id>/form.xlsx")
@moderator_required
def form(edition_id: int) -> Response:
    """The XLSForm for KoboToolbox or ODK."""
    _owner_only()
    try:
        content = write_form(services(), edition_id, _translators())
    except DomainError:
        abort(404)
    return Response(content, mimetype=MIMETYPES["xlsx"],
                    headers={"Content-Disposition": f'attachment; filename="barometre-{edition_id}-xlsform.xlsx"'})


@blueprint.get("/<int:edition_id>/report")
@moderator_required
def report(edition_id: int) -> Response:
    """A draft (``draft`` 1, 2 or final) as DOCX or PPTX, or the XLSX of the data, in ``lang``."""
    _owner_only()
    language = request.args.get("lang") if request.args.get("lang") in LANGUAGES else _language()
    try:
        exported = barometer_file(services(), edition_id, draft=request.args.get("draft", "1"),
                                  file_format=request.args.get("format", "docx"), language=language,
                                  translate=translator(language))
    except DomainError as failure:
        abort(404 if failure.code == "unknown_edition" else 400)
    return Response(exported.content, mimetype=exported.mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'})
