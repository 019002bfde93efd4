"""The self-assessment on a 360 px phone in Debian's Chromium, in Arabic: the phone picks its organisation and role,
answers one domain (four statements, one with evidence) while the server crashes half-way, and resumes after a
reload at the next domain; nothing was lost and nothing overflows the screen."""
from __future__ import annotations

import json
import uuid

from .conftest import LiveServer
from .test_browser import PHONE, SHOTS, browser, needs_chromium, open_context, playwright_api  # noqa: F401

expect = playwright_api.expect


@needs_chromium
def test_a_phone_answers_one_domain_in_arabic_through_a_crash(live_server: LiveServer, open_context) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    import socketio

    from .test_browser import call

    created = json.loads(live_server.workshop("create-event", "--template", "oca", "--json"))
    event_id, room = str(created["event"]["id"]), created["rooms"][0]
    live_server.workshop("add-organisation", event_id, "--name", "Association Afrique Solidarité", "--slug", "aas")
    live_server.workshop("add-organisation", event_id, "--name", "جمعية الأمل", "--slug", "amal")
    moderator = socketio.Client()
    moderator.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                             "token": room["moderator_token"]}, transports=["websocket"])
    exported = json.loads(live_server.workshop("export", room["code"], "--format", "json"))
    activity_id = next(item["id"] for item in exported["activities"] if item["type"] == "questionnaire")
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open", "op_id": uuid.uuid4().hex})
    moderator.disconnect()

    phone = open_context(**(PHONE | {"locale": "ar-MA"})).new_page()
    phone.goto(room["join_url"] + "?lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    phone.get_by_label("جمعية الأمل").check()
    phone.get_by_label("أمين(ة) المال").check()
    phone.get_by_role("button", name="ابدأ").click()
    expect(phone.locator(".questionnaire-domain")).to_have_text("الحكامة")
    expect(phone.locator(".survey-progress")).to_contain_text("المجال 1 من 10")
    statements = phone.locator(".questionnaire-item")
    expect(statements).to_have_count(4)
    expect(statements.first.locator("legend")).to_have_text("يجتمع المكتب بانتظام وتُدوَّن قراراته.")
    first = statements.nth(0)
    first.locator("summary").click()
    first.get_by_label("دليل (اختياري): وثيقة، مثال").fill("محضر 3 مارس")
    first.locator('input[value="3"]').check()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    statements.nth(1).locator('input[value="na"]').check()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / "questionnaire-phone-ar.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone

    live_server.kill()  # the Wi-Fi or the laptop goes: the answers wait in the phone's outbox
    statements.nth(2).locator('input[value="2"]').check()
    statements.nth(3).locator('input[value="1"]').check()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "waiting")
    live_server.start()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent", timeout=20_000)
    phone.reload()  # reopened later: it resumes at the first domain with a statement not answered
    expect(phone.locator(".questionnaire-domain")).to_have_text("العضوية والأعضاء")
    expect(phone.locator(".survey-progress")).to_contain_text("تمت الإجابة عن 4 من أصل 32 عبارة")

    document = json.loads(live_server.workshop("export-event", event_id, "--format", "capacities"))
    amal = next(organisation for organisation in document["organisations"] if organisation["slug"] == "amal")
    governance = amal["rounds"][0]["domains"][0]
    assert (amal["rounds"][0]["respondents"], governance["items_answered"], governance["score"]) == (1, 3, 2.0)
