"""The self-assessment's console (organisations, results with heatmap and radars, the consensus step, the plan, the
questionnaire's editor) and its phone screens, in French and Arabic, with no axe-core violation."""
from __future__ import annotations

import json
import uuid

import pytest
import socketio

from .conftest import LiveServer
from .test_accessibility import axe_violations, with_language
from .test_browser import LAPTOP, PHONE, browser, call, expect, needs_chromium, open_context  # noqa: F401


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_capacity_console_and_phone_have_no_axe_core_violation(live_server: LiveServer, open_context) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    created = json.loads(live_server.workshop("create-event", "--template", "oca", "--json"))
    event_id, room = created["event"]["id"], created["rooms"][0]
    for name, slug in (("Association Afrique Solidarité", "aas"), ("جمعية الأمل", "amal")):
        live_server.workshop("add-organisation", str(event_id), "--name", name, "--slug", slug)
    moderator = socketio.Client()
    moderator.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                             "token": room["moderator_token"]}, transports=["websocket"])
    activity_id = next(item["id"] for item in json.loads(live_server.workshop("export", room["code"], "--format",
                                                                              "json"))["activities"])
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open", "op_id": uuid.uuid4().hex})
    for slug, levels in (("aas", ("1", "3")), ("amal", ("2", "2"))):
        for level in levels:
            phone = socketio.Client()
            phone.connect(live_server.url, auth={"code": room["code"], "role": "participant"},
                          transports=["websocket"])
            for number in range(1, 5):
                call(phone, "answer_item", {"activity_id": activity_id, "organisation": slug, "role": "membre",
                                            "item": f"gouvernance_{number}", "level": level,
                                            "op_id": uuid.uuid4().hex})
            phone.disconnect()
    call(moderator, "propose_plan", {})
    moderator.disconnect()

    laptop = open_context(**LAPTOP)
    signed_in = laptop.new_page()
    signed_in.goto(created["event"]["moderator_url"])  # the assessment's console is the event's, not a room's
    found: dict[str, list[dict]] = {}
    for language in ("fr", "ar"):
        page = laptop.new_page()
        page.goto(with_language(f"{live_server.url}/m/events/{event_id}/capacities?organisation=aas", language))
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator(".consensus-sheet tr.to-discuss").first).to_be_visible()
        if violations := axe_violations(page):
            found[f"capacities console ({language})"] = violations
        page.close()
        phone = open_context(**PHONE).new_page()
        phone.goto(with_language(room["join_url"], language))
        expect(phone.locator(".questionnaire-who").first).to_be_visible()
        if violations := axe_violations(phone):
            found[f"questionnaire, who answers ({language})"] = violations
        phone.locator('input[value="aas"]').check()
        phone.locator('input[value="president"]').check()
        phone.locator(".questionnaire button.primary").click()
        expect(phone.locator(".questionnaire-item")).to_have_count(4)
        if violations := axe_violations(phone):
            found[f"questionnaire, a domain ({language})"] = violations
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
