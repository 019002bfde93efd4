"""A phone in Chromium gets a vote's item list once per version: fetched over HTTP (gzip) when the vote opens,
held through a reconnection, fetched again only when the list changes, and taken from the browser's cache after a
reload. The phone votes after the vote opens and after the server was killed and restarted, in French and Arabic."""
from __future__ import annotations

import json
import re

import pytest
import socketio

from .conftest import LiveServer
from .network import Recorder
from .test_browser import (PHONE, WAIT_MS, Guard, browser, call, expect, moderator, needs_chromium,  # noqa: F401
                           open_brainstorm, room, submit_ideas)

VERSION = re.compile(r"^[0-9a-f]{16}$")
IDEAS = ("Santé", "Papiers", "الولوج إلى العلاج")


def _moderator(live_server: LiveServer, room: dict) -> socketio.Client:
    client = socketio.Client()
    client.connect(live_server.url, auth={"code": room["code"], "role": "moderator", "token": room["moderator_token"]},
                   transports=["websocket"])
    return client


def _vote_for(phone, text: str) -> None:  # type: ignore[no-untyped-def]
    phone.locator(".dot-target", has_text=text).locator(".dot-plus").click()
    phone.locator(".ballot-bar button").click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_phone_fetches_the_items_once_per_version_and_votes_after_the_vote_opens_and_after_a_reconnect(
        live_server: LiveServer, room: dict, moderator: socketio.Client, browser, language: str) -> None:  # type: ignore[no-untyped-def]
    brainstorm = open_brainstorm(moderator, "Vos idées ?")
    ideas = submit_ideas(live_server, room, brainstorm, IDEAS, "browser-items")

    # The guard's request routing would bypass the browser's cache, which this test counts on: pages only.
    guard = Guard()
    context = browser.new_context(**PHONE)
    context.set_default_timeout(WAIT_MS)
    context.on("page", guard.watch_page)
    phone = context.new_page()
    cdp = context.new_cdp_session(phone)
    cdp.send("Network.enable")
    network = Recorder(cdp).start()
    changes: list[dict] = []

    def on_socket(socket) -> None:  # type: ignore[no-untyped-def]
        socket.on("framereceived", lambda frame: changes.append(json.loads(frame[2:])[1]["activity"])
                  if isinstance(frame, str) and frame.startswith('42["activity_changed"') else None)

    phone.on("websocket", on_socket)
    phone.goto(f"{room['join_url']}?lang={language}")
    expect(phone.locator("html")).to_have_attribute("lang", language)
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online")

    # The vote opens after the phone joined: activity_changed names the list, the phone fetches it and shows it.
    voting = call(moderator, "create_activity", {"type": "dot_voting", "prompt": "Vos priorités ?", "config": {
        "source_activity_id": brainstorm, "budget": 3, "max_per_item": 3}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": voting, "phase": "open"})
    expect(phone.locator(".dot-text")).to_have_text(list(IDEAS))
    opened = [change for change in changes if change["id"] == voting]
    assert opened and "targets" not in opened[-1] and VERSION.match(opened[-1]["targets_version"])
    _vote_for(phone, "Santé")

    # Closed and reopened with the same items: the same version, nothing fetched again.
    call(moderator, "set_phase", {"activity_id": voting, "phase": "closed"})
    expect(phone.locator(".dot-plus").first).to_be_disabled()
    call(moderator, "set_phase", {"activity_id": voting, "phase": "open"})
    expect(phone.locator(".dot-plus").first).to_be_enabled()

    # The server is killed and restarted: the phone reconnects, keeps its list, and votes again.
    moderator.disconnect()
    live_server.kill()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "offline")
    live_server.start()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online", timeout=20_000)
    expect(phone.locator(".dot-text")).to_have_text(list(IDEAS))
    _vote_for(phone, IDEAS[2])
    fetched = [entry for entry in network.files if VERSION.match(entry["url"])]
    assert [(entry["url"], entry["status"], entry["encoding"]) for entry in fetched] == [
        (opened[-1]["targets_version"], 200, "gzip")], network.files

    # An idea hidden during the vote: a new version, fetched once; the hidden idea leaves the phone.
    console = _moderator(live_server, room)
    call(console, "hide_idea", {"idea_id": ideas[1]})
    expect(phone.locator(".dot-text")).to_have_text([IDEAS[0], IDEAS[2]])
    fetched = [entry for entry in network.files if VERSION.match(entry["url"])]
    assert len(fetched) == 2 and fetched[1]["url"] == changes[-1]["targets_version"] != fetched[0]["url"]

    # A reload forgets the page's memory, not the browser's cache: the list comes from the cache.
    again = Recorder(cdp).start()
    phone.reload()
    expect(phone.locator(".dot-text")).to_have_text([IDEAS[0], IDEAS[2]])
    assert not [entry for entry in again.files if VERSION.match(entry["url"])], again.files
    assert [entry["url"] for entry in again.cached_files if VERSION.match(entry["url"])] == [fetched[1]["url"]]
    console.disconnect()
    context.close()
    guard.check()


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_page_sees_the_messages_in_order_while_a_list_is_on_its_way(
        live_server: LiveServer, room: dict, moderator: socketio.Client, browser) -> None:  # type: ignore[no-untyped-def]
    brainstorm = open_brainstorm(moderator, "Vos idées ?")
    submit_ideas(live_server, room, brainstorm, IDEAS, "browser-order")
    voting = call(moderator, "create_activity", {"type": "dot_voting", "prompt": "Vos priorités ?", "config": {
        "source_activity_id": brainstorm, "budget": 3, "max_per_item": 3}})["activity_id"]
    guard = Guard()
    context = browser.new_context(**PHONE)
    context.set_default_timeout(WAIT_MS)
    context.on("page", guard.watch_page)
    phone = context.new_page()
    sockets: list = []
    phone.on("websocket", lambda socket: sockets.append(socket))
    phone.goto(room["join_url"])
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online")
    held: list = []  # the list's answer, held back (a slow link) until the next message has arrived
    phone.route("**/items/**", lambda route: held.append(route))

    with phone.expect_request(lambda request: "/items/" in request.url):
        call(moderator, "set_phase", {"activity_id": voting, "phase": "open"})
    with sockets[-1].expect_event("framereceived", lambda frame: isinstance(frame, str) and '"phase":"closed"' in frame):
        call(moderator, "set_phase", {"activity_id": voting, "phase": "closed"})
    # Both messages are here; the page has seen neither (the first waits for its list, the second behind it).
    expect(phone.locator("#activity .activity-prompt")).to_have_text("Vos idées ?")
    assert len(held) == 1
    held[0].continue_()
    # Then both, in order: the vote with its items, closed (the later message last).
    expect(phone.locator("#activity .activity-prompt")).to_have_text("Vos priorités ?")
    expect(phone.locator(".dot-text")).to_have_text(list(IDEAS))
    expect(phone.locator(".dot-plus").first).to_be_disabled()
    context.close()
    guard.check()
