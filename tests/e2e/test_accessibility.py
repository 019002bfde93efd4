"""axe-core on every page, in French and in Arabic (right to left), with something on it: zero violations.

axe-core is vendored under tests/e2e/vendor/axe-core/ (see its README) and injected through the DevTools
protocol, which the pages' strict CSP does not govern; the pages themselves never load it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import socketio

from .conftest import LiveServer
from .test_browser import (LAPTOP, PHONE, PROJECTOR, browser, call, expect, needs_chromium,  # noqa: F401
                           open_brainstorm, open_context, send_idea)

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA, plus axe's best practices (landmarks, headings, one main...).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
LANGUAGES = ("fr", "ar")


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    page.evaluate(AXE.read_text(encoding="utf-8"))
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [{"rule": violation["id"], "impact": violation["impact"], "help": violation["help"],
             "nodes": [" ".join(node["target"]) if isinstance(node["target"][0], str) else str(node["target"])
                       for node in violation["nodes"]][:5]}
            for violation in results["violations"]]


def with_language(url: str, language: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang={language}"


@pytest.fixture
def furnished_room(live_server: LiveServer, open_context) -> dict:  # type: ignore[no-untyped-def]
    """An event whose room has ideas, a cluster promoted to an axe, an open brainstorm; and a barometer edition."""
    event = live_server.create_event()
    room = event["rooms"][0]
    moderator = socketio.Client()
    moderator.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                             "token": room["moderator_token"]}, transports=["websocket"])
    brainstorm = open_brainstorm(moderator, "Quels obstacles pour accéder aux soins ?")
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    for text in ("Les horaires ne sont pas adaptés", "غياب الوثائق يمنع الولوج إلى العلاج", "sbitar ma bghawch ydakhlouna"):
        send_idea(phone, text)
        expect(phone.locator(".my-answer", has_text=text)).to_have_attribute("data-status", "sent")
    export = json.loads(live_server.workshop("export", room["code"], "--format", "json"))
    ideas = next(activity for activity in export["activities"] if activity["id"] == brainstorm)["ideas"]
    cluster = call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Santé",
                                                 "idea_ids": [idea["id"] for idea in ideas[:2]]})["cluster_id"]
    axis = call(moderator, "promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [cluster],
                                               "theme": "sante"})["axis_id"]
    moderator.disconnect()
    live_server.workshop("barometer", "create-edition", "--title", "Baromètre 2026", "--json")
    return {"room": room, "event_id": event["event"]["id"], "axis": axis}


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_every_page_in_french_and_arabic_has_no_axe_core_violation(
        live_server: LiveServer, furnished_room: dict, open_context) -> None:  # type: ignore[no-untyped-def]
    room, base = furnished_room["room"], live_server.url
    participant_pages = [("home", base + "/", PHONE), ("phone", room["join_url"], PHONE),
                         ("projector", room["screen_url"], PROJECTOR), ("login", base + "/m/login", LAPTOP),
                         ("not found", base + "/j/ZZZZZZ", PHONE)]
    moderator_pages = [("events", base + "/m/", LAPTOP), ("console", f"{base}/m/{room['code']}", LAPTOP),
                       ("downloads", f"{base}/m/{room['code']}/downloads", LAPTOP),
                       ("strategy", f"{base}/m/events/{furnished_room['event_id']}/strategy", LAPTOP),
                       ("declination", f"{base}/m/events/{furnished_room['event_id']}/declination", LAPTOP),
                       ("axe editor", f"{base}/m/axes/{furnished_room['axis']}", LAPTOP),
                       ("barometers", base + "/m/barometer/", LAPTOP),
                       ("barometer dashboard", base + "/m/barometer/1", LAPTOP),
                       ("barometer on the projector", base + "/m/barometer/1?view=projector", PROJECTOR),
                       ("barometer console", base + "/m/barometer/1/console", LAPTOP)]
    laptop = open_context(**LAPTOP)
    signed_in = laptop.new_page()
    signed_in.goto(room["moderator_url"])  # the token becomes the session every moderator page needs
    found: dict[str, list[dict]] = {}
    for language in LANGUAGES:
        for name, url, device in participant_pages + moderator_pages:
            context = laptop if (name, url, device) in moderator_pages else open_context(**device)
            page = context.new_page()
            page.goto(with_language(url, language))
            expect(page.locator("html")).to_have_attribute("lang", language)
            if page.locator("#connection").count():
                expect(page.locator("#connection")).to_have_attribute("data-state", "online")
            page.wait_for_load_state("networkidle")
            if violations := axe_violations(page):
                found[f"{name} ({language})"] = violations
            if name == "console":  # its second tab: the clustering board, with the cluster and its axe
                page.locator('.panel-tab[data-tab="board"]').first.click()
                expect(page.locator(".board-column").first).to_be_visible()
                if violations := axe_violations(page):
                    found[f"console's board ({language})"] = violations
            page.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


TOUCH_TARGET_PX = 44
CONTROLS = "a[href], button, input:not([type=hidden]), select, textarea, summary"


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_every_control_of_the_phone_is_a_thumb_sized_target(
        live_server: LiveServer, open_context) -> None:  # type: ignore[no-untyped-def]
    room = live_server.create_event()["rooms"][0]
    moderator = socketio.Client()
    moderator.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                             "token": room["moderator_token"]}, transports=["websocket"])
    open_brainstorm(moderator, "Quels obstacles pour accéder aux soins ?")
    small: dict[str, list] = {}
    for language in LANGUAGES:
        page = open_context(**PHONE).new_page()
        page.goto(with_language(room["join_url"], language))
        expect(page.locator(".answer-form [name=answer]")).to_be_visible()
        page.locator("#profile summary").click()
        expect(page.locator("#profile-form")).to_be_visible()
        boxes = page.locator(CONTROLS).evaluate_all(
            """nodes => nodes.filter(node => node.offsetParent !== null).map(node => {
                 const box = node.getBoundingClientRect();
                 return {control: node.outerHTML.slice(0, 80), width: box.width, height: box.height};
               })""")
        assert len(boxes) >= 8  # languages, answer field and button, the profile's summary, fields and button
        small[language] = [box for box in boxes if box["width"] < TOUCH_TARGET_PX or box["height"] < TOUCH_TARGET_PX]
    moderator.disconnect()
    assert small == {"fr": [], "ar": []}


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_regional_axe_editor_with_its_parent_and_actors_has_no_axe_core_violation(
        live_server: LiveServer, furnished_room: dict, open_context) -> None:  # type: ignore[no-untyped-def]
    """The axe editor at its fullest: a regional axe beside its national parent, an actor on the power grid."""
    writer = open_context(**LAPTOP).new_page()
    writer.goto(furnished_room["room"]["moderator_url"])
    writer.goto(f"{live_server.url}/m/events/{furnished_room['event_id']}/strategy")
    writer.locator("#decline-title").fill("Rencontre régionale Casablanca-Settat")
    writer.locator("#decline-region").select_option("casablanca_settat")
    writer.locator(".decline-form button[type=submit]").click()
    expect(writer.locator(".axis-row .axis-parent-title")).to_be_visible()
    regional_strategy = writer.url
    writer.locator(".axis-row .axis-title").click()
    expect(writer.locator(".parent-identity")).to_be_visible()
    regional_axis = writer.url
    writer.locator('.section-actors [data-action="add-row"]').click()
    actor = writer.locator(".section-actors .row-card").last
    actor.locator('[data-path="actors[].name"]').fill("Conseil régional")
    actor.locator('[data-path="actors[].role"]').select_option("primary_target")
    actor.locator('[data-path="actors[].influence"]').select_option("5")
    actor.locator('[data-path="actors[].interest"]').select_option("2")
    actor.locator('[data-path="actors[].alignment"]').select_option("1")
    writer.locator("#save").click()
    expect(writer.locator("#save-status")).to_have_attribute("data-status", "saved")
    found: dict[str, list[dict]] = {}
    for language in LANGUAGES:
        for name, url in (("regional strategy", regional_strategy), ("regional axe editor", regional_axis)):
            writer.goto(with_language(url, language))
            expect(writer.locator("html")).to_have_attribute("lang", language)
            writer.wait_for_load_state("networkidle")
            if "axes" in url:
                expect(writer.locator(".power-grid-svg .grid-actor")).to_have_count(1)
            if violations := axe_violations(writer):
                found[f"{name} ({language})"] = violations
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
