"""The console of an event's self-assessment: organisations, the questionnaire's editor, the consensus step, results
(heatmap and one radar per organisation), the plan de renforcement, the field forms and the documents.

Plain forms posted to the server and a redirect back to the section (no script needed); every change goes through
the same services as the command line and the socket (services/capacities*.py).
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, redirect, request, url_for
from flask_babel import get_locale, gettext as _

from ..domain.capacities import LEVEL_CHOICES, MODALITIES, ROLES, ROUNDS
from ..domain.errors import DomainError
from ..domain.profiles import REGIONS
from ..exports import capacities_charts as charts
from ..exports.charts import to_svg
from ..i18n import LANGUAGES, error_message, translator
from ..services import capacities as service
from ..services.capacities_field import import_submissions, write_form
from ..services.capacities_reports import build_capacity_report, capacity_file
from ..services.capacities_results import overview, propose_plan
from ..services.organisations import add_organisation
from .context import services
from .moderator import current_access, moderator_required
from .page import render_page

blueprint = Blueprint("capacities", __name__, url_prefix="/m/events")
MAX_UPLOAD = 20 * 1024 * 1024


def _allowed(event_id: int) -> None:
    if not current_access().can_moderate_event(event_id):
        abort(403)


def _language() -> str:
    return str(get_locale() or "fr")


def _translators() -> dict[str, Any]:
    return {language: translator(language) for language in LANGUAGES}


def _labels(prefix: str) -> dict[str, dict[str, str]]:
    """Texts in the three languages typed in one form (``<prefix>_fr``, ``_ar``, ``_en``)."""
    return {language: request.form.get(f"{prefix}_{language}", "") for language in LANGUAGES}


def _levels() -> dict[str, dict[str, str]]:
    return {level: _labels(f"level{level}") for level in ("1", "2", "3", "4")}


def _int(name: str) -> object:
    raw = request.form.get(name, "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else (None if raw == "" else raw)


def _page(event_id: int, *, error: str | None = None, outcome: dict[str, Any] | None = None,
          status: int = 200) -> Any:
    try:
        found = overview(services(), event_id)
    except DomainError:
        abort(404)
    language = _language()
    organisation = request.values.get("organisation") or (found["organisations"][0]["slug"]
                                                          if found["organisations"] else None)
    round_name = request.values.get("round") if request.values.get("round") in ROUNDS else ROUNDS[0]
    sheet = None
    if organisation:
        try:
            sheet = service.consensus_sheet(services(), event_id=event_id, organisation=organisation,
                                            round_name=round_name)
        except DomainError:
            sheet = None
    report = build_capacity_report(services(), event_id, language=language, translate=_)
    charts_svg = {"heatmap": to_svg(charts.heatmap(report), "capacity-heatmap") if report.profiles else "",
                  "radars": [(profile.name, to_svg(charts.radar(report, profile), f"capacity-radar-{number}"))
                             for number, profile in enumerate(report.profiles)]}
    return render_page("capacities/console.html", title=_("Organisational capacity self-assessment"), script=None,
                       event_id=event_id, found=found, report=report, sheet=sheet, round_name=round_name,
                       organisation=organisation, rounds=ROUNDS, roles=ROLES, levels=LEVEL_CHOICES,
                       modalities=MODALITIES, regions=REGIONS, charts=charts_svg, formats=("docx", "pptx", "xlsx"),
                       error=error, outcome=outcome), status


@blueprint.get("/<int:event_id>/capacities")
@moderator_required
def console(event_id: int) -> Any:
    _allowed(event_id)
    return _page(event_id)


ACTIONS = {
    "organisation": lambda event_id: add_organisation(
        services(), event_id=event_id, name=request.form.get("name", ""), slug=request.form.get("slug") or None,
        region=request.form.get("region") or None),
    "domain": lambda event_id: service.edit_questionnaire(
        services(), event_id=event_id, edit="set_domain",
        params={"domain": request.form.get("domain"), "target": _int("target"), "importance": _int("importance")}),
    "reword": lambda event_id: service.edit_questionnaire(
        services(), event_id=event_id, edit="reword_item",
        params={"item": request.form.get("item"), "labels": _labels("label"), "levels": _levels()}),
    "add_item": lambda event_id: service.edit_questionnaire(
        services(), event_id=event_id, edit="add_item",
        params={"domain": request.form.get("domain"), "labels": _labels("label"), "levels": _levels()}),
    "remove_item": lambda event_id: service.edit_questionnaire(
        services(), event_id=event_id, edit="remove_item", params={"item": request.form.get("item")}),
    "consensus": lambda event_id: service.record_consensus(
        services(), event_id=event_id, organisation=request.form.get("organisation"),
        round_name=request.form.get("round"), item=request.form.get("item"),
        level=request.form.get("level") or None, note=request.form.get("note", "")),
    "propose_plan": lambda event_id: propose_plan(services(), event_id=event_id, translate=_,
                                                  language=_language()),
    "plan": lambda event_id: service.save_plan_action(
        services(), event_id=event_id, action_id=_int("id"), fields={
            "organisation": request.form.get("organisation") or None, "domain": request.form.get("domain"),
            "need": request.form.get("need", ""), "action": request.form.get("action", ""),
            "modality": request.form.get("modality"), "owner": request.form.get("owner", ""),
            "deadline": request.form.get("deadline", ""), "target": _int("target")}),
    "delete_plan": lambda event_id: service.delete_plan_action(services(), event_id=event_id, action_id=_int("id")),
}
SECTIONS = {"organisation": "organisations", "domain": "questionnaire", "reword": "questionnaire",
            "add_item": "questionnaire", "remove_item": "questionnaire", "consensus": "consensus",
            "propose_plan": "plan", "plan": "plan", "delete_plan": "plan"}


@blueprint.post("/<int:event_id>/capacities/<action>")
@moderator_required
def console_action(event_id: int, action: str) -> Any:
    """One form of the console: saved, then back to its section; or the console again with the error."""
    _allowed(event_id)
    if action not in ACTIONS:
        abort(404)
    try:
        ACTIONS[action](event_id)
    except DomainError as failure:
        return _page(event_id, error=error_message(failure.code, failure.params), status=400)
    arguments = {key: request.form[key] for key in ("organisation", "round") if request.form.get(key)}
    return redirect(url_for("capacities.console", event_id=event_id, _anchor=f"section-{SECTIONS[action]}",
                            **(arguments if action == "consensus" else {})))


@blueprint.post("/<int:event_id>/capacities/import")
@moderator_required
def import_file(event_id: int) -> Any:
    """A KoboToolbox/ODK export of submissions: the console shows what was kept and what was refused, and why."""
    _allowed(event_id)
    upload = request.files.get("file")
    content = upload.read(MAX_UPLOAD + 1) if upload is not None else b""
    try:
        if not content or len(content) > MAX_UPLOAD:
            raise DomainError("unreadable_file")
        result = import_submissions(services(), event_id, content, _translators())
    except DomainError as failure:
        return _page(event_id, error=error_message(failure.code, failure.params), status=400)
    return _page(event_id, outcome={"imported": result["imported"], "rejected": [
        {"row": item["row"], "reason": error_message(item["code"], item.get("params", {}))}
        for item in result["rejected"]]})


@blueprint.get("/<int:event_id>/capacities/form.xlsx")
@moderator_required
def form(event_id: int) -> Any:
    _allowed(event_id)
    try:
        content = write_form(services(), event_id, _translators())
    except DomainError as failure:
        return _page(event_id, error=error_message(failure.code, failure.params), status=400)
    return Response(content, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="oca-{event_id}-xlsform.xlsx"'})


@blueprint.get("/<int:event_id>/capacities/report")
@moderator_required
def report(event_id: int) -> Response:
    """The report (docx), the slides (pptx) or the workbook (xlsx) in ``lang``; ``codes=1`` names OPM 1, 2…"""
    _allowed(event_id)
    language = request.args.get("lang") if request.args.get("lang") in LANGUAGES else _language()
    try:
        exported = capacity_file(services(), event_id, file_format=request.args.get("format", "docx"),
                                 language=language, translate=translator(language),
                                 with_codes=request.args.get("codes") == "1")
    except DomainError:
        abort(400)
    return Response(exported.content, mimetype=exported.mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'})
