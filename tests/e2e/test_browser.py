"""The three pages in a real Chromium against a real server: phone, projector and console working together.

Debian's Chromium (``/usr/bin/chromium``) is driven through Playwright's sync API; nothing is downloaded.
With the strict CSP ``page.wait_for_function`` cannot run, so every wait is a locator assertion.

Long on purpose: the three pages driven together in one real browser and server; the fixtures are shared by every story.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import socketio

from workshop.web.client_strings import CLIENT_STRINGS

from .conftest import ROOT, LiveServer

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "locale": "fr-MA"}
PROJECTOR = {"viewport": {"width": 1280, "height": 720}, "locale": "fr-FR"}
LAPTOP = {"viewport": {"width": 1366, "height": 768}, "locale": "fr-FR"}
SHOTS = Path("/tmp/shots")
WAIT_MS = 10_000

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class Guard:
    """Fails the test on any request leaving 127.0.0.1, any uncaught script error, any CSP violation, any
    missing page string."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []

    def watch_context(self, context) -> None:  # type: ignore[no-untyped-def]
        def route(route) -> None:  # type: ignore[no-untyped-def]
            if self._outside(route.request.url):
                self.outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", route)
        context.on("page", self.watch_page)

    def watch_page(self, page) -> None:  # type: ignore[no-untyped-def]
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        # A CSP violation, or a string the page asked for and was not given (static/js/dom.js `t`).
        page.on("console", lambda message: self.errors.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text or "missing client string" in message.text else None)
        # page.route does not see WebSocket handshakes: check those too.
        page.on("websocket", lambda socket: self.outside.append(socket.url) if self._outside(socket.url) else None)

    @staticmethod
    def _outside(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1"

    def check(self) -> None:
        assert self.outside == [], f"requests left the server: {self.outside}"
        assert self.errors == [], f"errors in the pages: {self.errors}"


@pytest.fixture
def open_context(browser) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """Factory: a new browser context (one device) whose every page is watched by the guard."""
    guard = Guard()
    contexts = []

    def open_context(**options):  # type: ignore[no-untyped-def]
        context = browser.new_context(**options)
        context.set_default_timeout(WAIT_MS)
        guard.watch_context(context)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    guard.check()


@pytest.fixture
def room(live_server: LiveServer) -> dict:
    return live_server.create_event()["rooms"][0]


@pytest.fixture
def moderator(live_server: LiveServer, room: dict) -> Iterator[socketio.Client]:
    """A scripted moderator on the socket, as a second laptop would be."""
    client = socketio.Client()
    client.connect(live_server.url, auth={"code": room["code"], "role": "moderator", "token": room["moderator_token"]},
                   transports=["websocket"])
    yield client
    client.disconnect()


def call(client: socketio.Client, event: str, payload: dict) -> dict:
    ack = client.call(event, payload, timeout=10)
    assert ack["ok"], ack
    return ack


def open_brainstorm(moderator: socketio.Client, prompt: str, **config: object) -> int:
    activity_id = call(moderator, "create_activity", {"type": "brainstorm", "prompt": prompt, "config": config})["activity_id"]
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    return activity_id


def submit_ideas(live_server: LiveServer, room: dict, brainstorm: int, texts: tuple[str, ...], prefix: str) -> list[int]:
    """One phone (a Socket.IO client) gives ``texts`` to the brainstorm and leaves: the ideas' ids."""
    author = socketio.Client()
    author.connect(live_server.url, auth={"code": room["code"], "role": "participant"}, transports=["websocket"])
    try:
        return [call(author, "submit_idea", {"activity_id": brainstorm, "text": text, "op_id": f"{prefix}-{n:04d}"})
                ["idea_id"] for n, text in enumerate(texts)]
    finally:
        author.disconnect()


def strings_of(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The translated strings the page was given: the visible texts to expect, whatever the language."""
    return json.loads(page.locator("#page-data").text_content())["strings"]


def exported_ideas(live_server: LiveServer, code: str, activity_id: int) -> list[dict]:
    document = json.loads(live_server.workshop("export", code, "--format", "json"))
    return next(activity for activity in document["activities"] if activity["id"] == activity_id)["ideas"]


def send_idea(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".answer-form [name=answer]").fill(text)
    page.locator(".answer-form button[type=submit]").click()


def test_every_string_the_pages_ask_for_exists() -> None:
    """A key typed in static/js but missing from CLIENT_STRINGS would show the bare key to participants."""
    used: set[str] = set()
    for script in (ROOT / "static" / "js").rglob("*.js"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", script.read_text(encoding="utf-8")))
    dynamic = {f"phase_{phase}" for phase in ("draft", "open", "closed", "revealed")} | {
        f"screen_phase_{phase}" for phase in ("open", "closed", "revealed")} | {
        f"action_{action}" for action in ("open", "close", "reopen", "reveal")} | {
        f"scale_{step}" for step in range(1, 6)} | {"offline_screen", "offline_moderator"}
    from workshop.activities import REGISTRY
    from workshop.domain import axes
    from workshop.domain.prioritization import CRITERIA, QUADRANTS
    from workshop.domain.profiles import PROFILE_TAGS

    dynamic |= {f"type_{name}" for name in REGISTRY}
    dynamic |= {f"{key}_{value}" for key, values in PROFILE_TAGS.items() for value in values}
    # Codes the pages translate by prefix (static/js/results.js, clustering.js, axis.js, activities/*.js).
    dynamic |= {f"criterion_{name}" for name in CRITERIA} | {f"criterion_hint_{name}" for name in CRITERIA}
    dynamic |= {f"quadrant_{name}" for name in QUADRANTS}
    dynamic |= {f"agreement_{label}" for label in ("consensus", "mixed", "divided")}
    dynamic |= {f"scenario_{kind}" for kind in ("equal_weights", "doubled", "removed")}
    dynamic |= {f"target_{kind}" for kind in ("ideas", "clusters", "axes")} | {f"tab_{tab}" for tab in ("ideas", "board")}
    dynamic |= {f"groups_by_{tag}" for tag in PROFILE_TAGS}
    dynamic |= {f"log_{kind}" for kind in ("create_cluster", "rename_cluster", "move_ideas", "merge_clusters",
                                           "split_cluster", "delete_cluster", "promote_to_axis", "delete_axis",
                                           "merge_axes")}
    dynamic |= {f"grid_{key}" for key in ("manage_closely", "keep_satisfied", "keep_informed", "monitor")}
    for prefix, values in (("theme", axes.THEMES), ("status", axes.STATUSES), ("disposition", axes.DISPOSITIONS),
                           ("change_type", axes.CHANGE_TYPES), ("instrument", axes.INSTRUMENTS), ("level", axes.LEVELS),
                           ("actor_role", axes.ACTOR_ROLES), ("axis_activity", axes.ACTIVITY_TYPES),
                           ("risk_type", axes.RISK_TYPES), ("indicator_level", axes.INDICATOR_LEVELS)):
        dynamic |= {f"{prefix}_{value}" for value in values}
    dynamic |= {f"ax_{name}" for name in axes.FIELD_SPECS}
    dynamic |= {f"ax_{name}_{child}" for name, spec in axes.FIELD_SPECS.items() if spec[0] == "group" for child in spec[1]}
    dynamic |= {f"col_{rows}_{column}" for rows, columns in axes.ROW_SPECS.items() for column in columns}
    assert sorted((used | dynamic) - set(CLIENT_STRINGS)) == []
    from workshop.web.client_strings import ALL_PLURAL_STRINGS

    counted: set[str] = set()
    for script in (ROOT / "static" / "js").rglob("*.js"):
        counted |= set(re.findall(r"""\btn\(\s*["']([a-z0-9_]+)["']""", script.read_text(encoding="utf-8")))
    assert counted and sorted(counted - set(ALL_PLURAL_STRINGS)) == []


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_an_idea_goes_from_the_phone_to_the_projector_and_the_moderator_hides_it(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    prompt = "Quels obstacles pour accéder aux soins ?"
    idea = "Les horaires des centres de santé ne sont pas adaptés"
    activity_id = open_brainstorm(moderator, prompt)

    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    expect(phone.locator("#activity .activity-prompt")).to_have_text(prompt)
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online")
    send_idea(phone, idea)
    sent = phone.locator(".my-answer", has_text=idea)
    expect(sent).to_have_attribute("data-status", "sent")
    expect(sent.locator(".my-answer-status")).to_have_text(strings_of(phone)["sent"])
    expect(phone.locator(".answer-form [name=answer]")).to_have_value("")

    projector = open_context(**PROJECTOR).new_page()
    projector.goto(room["screen_url"])
    expect(projector.locator(".join-code")).to_have_text(room["code"])
    expect(projector.locator(".qr")).to_have_attribute("src", f"/qr/{room['code']}.svg")
    expect(projector.locator(".wall .idea-card")).to_have_text([idea])
    # Live: a second idea reaches the open projector without a reload.
    send_idea(phone, "Barrière de la langue")
    expect(projector.locator(".wall .idea-card")).to_have_text(["Barrière de la langue", idea])

    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    expect(console).to_have_url(re.compile(rf"/m/{room['code']}$"))  # the token left the address bar
    row = console.locator("#ideas .idea-row", has_text=idea)
    expect(row).to_have_attribute("data-hidden", "false")
    row.locator('[data-action="hide"]').click()
    expect(row).to_have_attribute("data-hidden", "true")
    expect(projector.locator(".wall .idea-card")).to_have_text(["Barrière de la langue"])
    row.locator('[data-action="restore"]').click()
    expect(projector.locator(".wall .idea-card")).to_have_count(2)

    assert [item["text"] for item in exported_ideas(live_server, room["code"], activity_id)] == [
        idea, "Barrière de la langue"]


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_moderator_console_runs_the_agenda(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    console = open_context(**LAPTOP).new_page()
    console.on("dialog", lambda dialog: dialog.accept())
    console.goto(room["moderator_url"])
    expect(console.locator("#connection")).to_have_attribute("data-state", "online")

    console.locator("#new-type").select_option("poll")
    console.locator("#new-prompt").fill("Quel thème d'abord ?")
    console.locator("#config-fields textarea[name=options]").fill("Santé\nÉducation\nEmploi")
    console.locator("#create-form button[type=submit]").click()
    item = console.locator(".agenda-item", has_text="Quel thème d'abord ?")
    expect(item).to_have_attribute("data-phase", "draft")

    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    expect(phone.locator(".waiting-note")).to_be_visible()  # a draft never reaches the phones

    item.locator('[data-action="open"]').click()
    expect(item).to_have_attribute("data-phase", "open")
    expect(phone.locator("#activity .activity-prompt")).to_have_text("Quel thème d'abord ?")
    phone.locator(".choice", has_text="Emploi").click()
    phone.locator(".ballot-bar button").click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")

    item.locator('[data-action="close"]').click()
    expect(item).to_have_attribute("data-phase", "closed")
    item.locator('[data-action="reveal"]').click()
    expect(item).to_have_attribute("data-phase", "revealed")
    expect(item.locator('[data-action]:is([data-action="open"], [data-action="reopen"])')).to_have_count(0)
    expect(phone.locator(".activity-results .bar-row", has_text="Emploi").locator(".bar-value")).to_contain_text("1")
    expect(console.locator(".results-panel .bar-row", has_text="Emploi")).to_be_visible()

    # A refused command shows the server's translated message.
    console.locator("#new-type").select_option("poll")
    console.locator("#new-prompt").fill("Une seule option")
    console.locator("#config-fields textarea[name=options]").fill("Oui")
    console.locator("#create-form button[type=submit]").click()
    expect(console.locator("#notices .notice-error")).to_be_visible()
    expect(console.locator(".agenda-item", has_text="Une seule option")).to_have_count(0)

    # Drafts can be deleted; order can change.
    console.locator("#new-type").select_option("brainstorm")
    console.locator("#new-prompt").fill("Idées en vrac")
    console.locator("#create-form button[type=submit]").click()
    draft = console.locator(".agenda-item", has_text="Idées en vrac")
    expect(draft).to_have_attribute("data-phase", "draft")
    draft.locator('[data-action="up"]').click()
    expect(console.locator(".agenda-item .agenda-prompt").first).to_have_text("Idées en vrac")
    draft.locator('[data-action="delete"]').click()
    expect(draft).to_have_count(0)


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_no_page_loads_anything_from_outside_the_server(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    """Every page, in every language, with the word cloud drawn: the guard fails the test on any outside request."""
    activity_id = call(moderator, "create_activity", {"type": "word_cloud", "prompt": "Un mot ?", "config": {}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    send_idea(phone, "santé")
    expect(phone.locator(".my-answer", has_text="santé")).to_have_attribute("data-status", "sent")
    for language in ("fr", "en", "ar"):
        for url, device in ((room["join_url"], PHONE), (room["screen_url"], PROJECTOR),
                            (room["moderator_url"], LAPTOP), (live_server.url + "/", PHONE)):
            page = open_context(**device).new_page()
            page.goto(f"{url}{'&' if '?' in url else '?'}lang={language}")
            expect(page.locator("html")).to_have_attribute("lang", language)
            if "/s/" in url:
                expect(page.locator("canvas.cloud")).to_be_visible()
            page.close()


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_ideas_typed_while_the_server_is_down_are_sent_exactly_once(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    activity_id = open_brainstorm(moderator, "Vos idées ?")
    moderator.disconnect()
    context = open_context(**PHONE)
    phone = context.new_page()
    phone.goto(room["join_url"])
    send_idea(phone, "Avant la panne")
    expect(phone.locator(".my-answer", has_text="Avant la panne")).to_have_attribute("data-status", "sent")

    live_server.kill()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "offline")
    send_idea(phone, "Pendant la panne")
    waiting = phone.locator(".my-answer", has_text="Pendant la panne")
    expect(waiting).to_have_attribute("data-status", "waiting")
    expect(waiting.locator(".my-answer-status")).to_have_text(strings_of(phone)["waiting"])
    # This one is typed, then the phone closes the page: it stays in the outbox (localStorage) alone.
    send_idea(phone, "Page fermée")
    expect(phone.locator(".my-answer", has_text="Page fermée")).to_have_attribute("data-status", "waiting")
    phone.close()

    live_server.start()
    phone = context.new_page()
    phone.goto(room["join_url"])
    for text in ("Avant la panne", "Pendant la panne", "Page fermée"):
        expect(phone.locator(".my-answer", has_text=text)).to_have_attribute("data-status", "sent", timeout=20_000)
    expect(phone.locator(".my-answer")).to_have_count(3)

    ideas = exported_ideas(live_server, room["code"], activity_id)
    assert sorted(idea["text"] for idea in ideas) == ["Avant la panne", "Page fermée", "Pendant la panne"]
    # The same phone all along: the token kept in localStorage survived the reload and the restart.
    assert len({idea["participant"] for idea in ideas}) == 1


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_phone_reconnects_by_itself_and_replays_its_outbox(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    activity_id = open_brainstorm(moderator, "Vos idées ?")
    moderator.disconnect()
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online")
    live_server.kill()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "offline")
    send_idea(phone, "Envoyée au retour")
    expect(phone.locator(".my-answer", has_text="Envoyée au retour")).to_have_attribute("data-status", "waiting")
    live_server.start()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online", timeout=20_000)
    expect(phone.locator(".my-answer", has_text="Envoyée au retour")).to_have_attribute("data-status", "sent")
    assert [idea["text"] for idea in exported_ideas(live_server, room["code"], activity_id)] == ["Envoyée au retour"]


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_a_reconnecting_phone_shows_the_vote_items_the_server_no_longer_resends(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm = open_brainstorm(moderator, "Vos idées ?")
    submit_ideas(live_server, room, brainstorm, ("Santé", "Papiers", "Écoles"), "browser-idea")
    voting = call(moderator, "create_activity", {"type": "dot_voting", "prompt": "Vos priorités ?", "config": {
        "source_activity_id": brainstorm, "budget": 3, "max_per_item": 3}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": voting, "phase": "open"})
    moderator.disconnect()
    phone = open_context(**PHONE).new_page()
    states: list[dict] = []

    def on_socket(socket) -> None:  # type: ignore[no-untyped-def]
        socket.on("framereceived", lambda frame: states.append(json.loads(frame[2:])[1])
                  if isinstance(frame, str) and frame.startswith('42["room_state"') else None)

    phone.on("websocket", on_socket)
    phone.goto(room["join_url"])
    expect(phone.locator(".dot-target")).to_have_count(3)
    live_server.kill()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "offline")
    live_server.start()
    expect(phone.locator("#connection")).to_have_attribute("data-state", "online", timeout=20_000)
    expect(phone.locator(".dot-text")).to_have_text(["Santé", "Papiers", "Écoles"])
    first, last = (next(a for a in state["activities"] if a["id"] == voting) for state in (states[0], states[-1]))
    # Neither room_state carried the list (the phone fetched it once by its version, and put it back each time).
    assert len(states) >= 2 and "targets" not in first and "targets" not in last
    assert last["targets_version"] == first["targets_version"]


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_pages_fit_their_screens_and_arabic_reads_right_to_left(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    """Screenshots for a human look (in /tmp/shots), and the layout checks a machine can make."""
    open_brainstorm(moderator, "Quels obstacles rencontrent les personnes migrantes pour accéder aux soins ?")
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    for text in ("Les horaires ne sont pas adaptés", "غياب الوثائق يمنع الولوج إلى العلاج"):
        send_idea(phone, text)
        expect(phone.locator(".my-answer", has_text=text)).to_have_attribute("data-status", "sent")
    phone.locator("#profile summary").click()
    expect(phone.locator("#organisation_type option")).to_have_count(7)

    arabic = open_context(**PHONE).new_page()
    arabic.goto(room["join_url"] + "?lang=ar")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.locator("#activity .activity-prompt")).to_be_visible()
    projector = open_context(**PROJECTOR).new_page()
    projector.goto(room["screen_url"])
    expect(projector.locator(".wall .idea-card")).to_have_count(2)
    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    expect(console.locator("#ideas .idea-row")).to_have_count(2)

    for page in (phone, arabic):
        width = page.viewport_size["width"]
        for box in (page.locator(selector).bounding_box() for selector in ("#activity", "#profile", ".answer-form button")):
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    send = arabic.locator(".answer-form button[type=submit]").bounding_box()
    assert send is not None and send["height"] >= 44  # a thumb-sized target
    # In RTL the label sits at the right edge of the card.
    label = arabic.locator(".answer-form label").bounding_box()
    card = arabic.locator("#activity").bounding_box()
    assert label is not None and card is not None and label["x"] + label["width"] > card["x"] + card["width"] - 40

    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.mouse.wheel(0, -10_000)
    phone.screenshot(path=str(SHOTS / "phone-360.png"), full_page=True)
    arabic.screenshot(path=str(SHOTS / "phone-360-ar.png"), full_page=True)
    projector.screenshot(path=str(SHOTS / "projector-1280x720.png"))
    console.screenshot(path=str(SHOTS / "moderator-1366x768.png"), full_page=True)
