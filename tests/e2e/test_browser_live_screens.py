"""Issue 11 §2 in a real Chromium: the projector counts hidden answers and fits 13 ranked items, the console follows
the activity it opens and writes its counts in the right plural, the phone says an idea's limit before sending."""
from __future__ import annotations

import pytest
import socketio

from .conftest import LiveServer
from .test_browser import (LAPTOP, PHONE, PROJECTOR, SHOTS, browser, call, moderator, needs_chromium,  # noqa: F401
                           open_context, playwright_api, room, strings_of)

expect = playwright_api.expect


def _phones(live_server: LiveServer, code: str, count: int) -> list[socketio.Client]:
    clients = []
    for _ in range(count):
        client = socketio.Client()
        client.connect(live_server.url, auth={"code": code, "role": "participant"}, transports=["websocket"])
        clients.append(client)
    return clients


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_projector_counts_hidden_ballots_and_fits_thirteen_ranked_items(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    phones = _phones(live_server, room["code"], 4)
    try:
        projector = open_context(**PROJECTOR).new_page()
        projector.goto(room["screen_url"])
        poll = call(moderator, "create_activity", {"type": "poll", "prompt": "Priorité ?",
                                                   "config": {"options": ["Santé", "École"], "live_results": False}})
        call(moderator, "set_phase", {"activity_id": poll["activity_id"], "phase": "open"})
        received = projector.locator(".stage-received")
        expect(received).to_have_attribute("data-received", "0")
        phones[0].call("cast_votes", {"activity_id": poll["activity_id"], "allocations": [{"target_id": 0, "points": 1}],
                                      "op_id": "vote-00000001"}, timeout=10)
        expect(received).to_have_attribute("data-received", "1")
        expect(received).to_have_text("1 vote reçu")
        phones[1].call("cast_votes", {"activity_id": poll["activity_id"], "allocations": [{"target_id": 1, "points": 1}],
                                      "op_id": "vote-00000002"}, timeout=10)
        expect(received).to_have_text("2 votes reçus")

        brainstorm = call(moderator, "create_activity", {"type": "brainstorm", "prompt": "Idées ?",
                                                         "config": {}})["activity_id"]
        call(moderator, "set_phase", {"activity_id": brainstorm, "phase": "open"})
        texts = [f"Priorité numéro {number} : un intitulé assez long pour tenir sur une ligne" for number in range(1, 14)]
        ideas = [phones[number % 4].call("submit_idea", {"activity_id": brainstorm, "text": text,
                                                         "op_id": f"idea-{number:08d}"}, timeout=10)["idea_id"]
                 for number, text in enumerate(texts)]
        ranking = call(moderator, "create_activity", {"type": "ranking", "prompt": "Classez les priorités",
                                                      "config": {"target": "ideas", "source_activity_id": brainstorm,
                                                                 "max_ranked": 13}})["activity_id"]
        call(moderator, "set_phase", {"activity_id": ranking, "phase": "open"})
        ballot = [{"target_id": idea, "points": position + 1} for position, idea in enumerate(ideas)]
        assert phones[0].call("cast_votes", {"activity_id": ranking, "allocations": ballot,
                                             "op_id": "rank-00000001"}, timeout=10)["ok"]
        for phase in ("closed", "revealed"):
            call(moderator, "set_phase", {"activity_id": ranking, "phase": phase})
        rows = projector.locator(".stage-body .bars > li")
        expect(rows).to_have_count(13)
        projector.wait_for_timeout(300)  # the fit runs on the next frame; the assertion below is about layout
        stage = projector.locator(".stage-body").bounding_box()
        assert stage
        for index in range(13):
            box = rows.nth(index).bounding_box()
            assert box and box["y"] >= stage["y"] - 1 and box["y"] + box["height"] <= stage["y"] + stage["height"] + 1, index
            assert box["y"] + box["height"] <= PROJECTOR["viewport"]["height"]
        projector.screenshot(path=str(SHOTS / "projector-13-ranked-1280.png"))
    finally:
        for phone in phones:
            phone.disconnect()


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_opening_selects_the_activity_and_counts_use_plurals(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    first = call(moderator, "create_activity", {"type": "brainstorm", "prompt": "Premier remue-méninges",
                                                "config": {}})["activity_id"]
    second = call(moderator, "create_activity", {"type": "word_cloud", "prompt": "Un mot ?", "config": {}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": first, "phase": "open"})
    phones = _phones(live_server, room["code"], 1)
    try:
        phones[0].call("submit_idea", {"activity_id": first, "text": "Une idée", "op_id": "idea-00000001"}, timeout=10)
        console = open_context(**LAPTOP).new_page()
        console.goto(room["moderator_url"])
        expect(console.locator(".selected-prompt")).to_have_text("Premier remue-méninges")
        console.locator(f'.agenda-item[data-activity-id="{second}"] [data-action="open"]').click()
        expect(console.locator(".selected-prompt")).to_have_text("Un mot ?")
        expect(console.locator(f'.agenda-item[data-activity-id="{second}"]')).to_have_attribute("aria-current", "true")
        # The vote form lists the idea activities numbered as the agenda numbers them, from 1.
        console.locator("#new-type").select_option("dot_voting")
        labels = console.locator("#config-fields select[name=source_activity_id] option").all_inner_texts()
        assert labels[:2] == ["1. Premier remue-méninges", "2. Un mot ?"], labels
        # « 1 carte », never « 1 cartes ».
        console.locator(f'.agenda-item[data-activity-id="{first}"] .agenda-select').click()
        console.locator('.panel-tab[data-tab="board"]').click()
        console.locator(".board-card .card-select").first.check()
        expect(console.locator('.new-cluster [data-action="create-cluster"]')).to_have_text(
            "Nouveau regroupement avec la carte sélectionnée")
        expect(console.locator(".card-selection .selection-title")).to_have_text("1 carte sélectionnée")
    finally:
        phones[0].disconnect()


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_phone_says_the_length_limit_and_keeps_a_pasted_long_text(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context, language: str) -> None:  # type: ignore[no-untyped-def]
    activity_id = call(moderator, "create_activity", {"type": "brainstorm", "prompt": "Vos idées ?",
                                                      "config": {"max_length": 280}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(f"{room['join_url']}?lang={language}")
    plurals = __import__("json").loads(phone.locator("#page-data").text_content())["plurals"]
    hint = phone.locator(".answer-form .field-hint")
    before = plurals["character_count"][{"fr": "one", "ar": "zero", "en": "other"}[language]]  # French: « 0 caractère »
    expected_before = before.replace("%(count)s", "0").replace("%(maximum)s", "280")
    expect(hint).to_have_text(expected_before)  # the limit is said before anything is typed
    pasted = "مرحبا " * 100 if language == "ar" else "x" * 500
    phone.locator(".answer-form [name=answer]").fill(pasted)
    assert len(phone.locator(".answer-form [name=answer]").input_value()) == len(pasted)  # nothing cut silently
    expect(hint).to_have_attribute("data-error", "true")
    expect(hint).to_contain_text("280")
    phone.locator(".answer-form button[type=submit]").click()
    expect(phone.locator(".my-answer")).to_have_count(0)


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_console_counts_phones_against_the_head_count_and_renames_the_room(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context, language: str) -> None:  # type: ignore[no-untyped-def]
    console = open_context(**LAPTOP).new_page()
    console.goto(f"{room['moderator_url']}")
    console.goto(f"{live_server.url}/m/{room['code']}?lang={language}")
    plurals = __import__("json").loads(console.locator("#page-data").text_content())["plurals"]
    count = console.locator("#connected-count")
    expect(count).to_have_attribute("data-connected", "0")
    console.locator("#expected-count").fill("30")
    console.locator("#expected-form button").click()
    expect(count).to_have_attribute("data-expected", "30")
    phones = _phones(live_server, room["code"], 2)
    try:
        expect(count).to_have_attribute("data-connected", "2")
        category = {"fr": "other", "en": "other", "ar": "two"}[language]
        expect(count).to_have_text(plurals["phones_of_expected"][category].replace("%(count)s", "2")
                                   .replace("%(expected)s", "30"))
    finally:
        for phone in phones:
            phone.disconnect()
    expect(count).to_have_attribute("data-connected", "0")

    projector = open_context(**PROJECTOR).new_page()
    projector.goto(f"{room['screen_url']}?lang=ar")
    console.locator(".rename-room summary").click()
    console.locator("#rename-name").fill("Atelier santé")
    console.locator('[data-version-language="ar"][data-version-field="name"]').fill("ورشة الصحة")
    console.locator('#rename-form button[type="submit"]').click()
    expect(console.locator("#room-name")).to_have_text("Atelier santé")
    expect(projector.locator(".stage-header h1")).to_have_text("ورشة الصحة")
    # A page opened later shows the room's name in its own language, French where there is no version.
    phone = open_context(**PHONE).new_page()
    phone.goto(f"{room['join_url']}?lang=ar")
    expect(phone.locator(".participant-header h1")).to_have_text("ورشة الصحة")
    phone.goto(f"{room['join_url']}?lang=en")
    expect(phone.locator(".participant-header h1")).to_have_text("Atelier santé")


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_author_of_a_hidden_idea_sees_it_hidden_not_sent(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context, language: str) -> None:  # type: ignore[no-untyped-def]
    activity_id = call(moderator, "create_activity", {"type": "brainstorm", "prompt": "Vos idées ?",
                                                      "config": {}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(f"{room['join_url']}?lang={language}")
    strings = strings_of(phone)
    phone.locator(".answer-form [name=answer]").fill("Une idée hors sujet")
    phone.locator(".answer-form button[type=submit]").click()
    answer = phone.locator(".my-answer")
    expect(answer).to_have_attribute("data-status", "sent")
    ideas = __import__("json").loads(live_server.workshop("export", room["code"], "--format", "json"))
    hidden = next(activity for activity in ideas["activities"] if activity["id"] == activity_id)["ideas"][0]["id"]
    call(moderator, "hide_idea", {"idea_id": hidden})
    expect(answer).to_have_attribute("data-status", "hidden")
    expect(answer.locator(".my-answer-status")).to_have_text(strings["hidden_by_moderation"])
    phone.reload()  # and it stays so
    expect(phone.locator(".my-answer")).to_have_attribute("data-status", "hidden")


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_word_cloud_sizes_words_by_count_and_ties_alike_whatever_the_script(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    import json

    cloud = call(moderator, "create_activity", {"type": "word_cloud", "prompt": "Un mot ?",
                                                "config": {"max_per_participant": 5}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": cloud, "phase": "open"})
    answers = ["papiers"] * 4 + ["santé", "الصحة"] * 2 + ["école", "الترحيل"]
    phones = _phones(live_server, room["code"], 4)
    try:
        for number, text in enumerate(answers):
            ack = phones[number % 4].call("submit_idea", {"activity_id": cloud, "text": text,
                                                          "op_id": f"word-{number:08d}"}, timeout=10)
            assert ack["ok"], ack
    finally:
        for phone in phones:
            phone.disconnect()
    for phase in ("closed", "revealed"):
        call(moderator, "set_phase", {"activity_id": cloud, "phase": phase})
    call(moderator, "show_activity", {"activity_id": cloud})
    projector = open_context(**PROJECTOR).new_page()
    projector.goto(f"{room['screen_url']}?lang=ar")
    canvas = projector.locator("canvas.cloud")
    expect(canvas).to_have_attribute("data-complete", "true", timeout=20_000)
    placed = {word: size for word, _count, size in json.loads(canvas.get_attribute("data-words"))}
    assert set(placed) == {"papiers", "santé", "الصحة", "école", "الترحيل"}
    assert placed["santé"] == placed["الصحة"] and placed["école"] == placed["الترحيل"]  # ties: same size
    assert placed["papiers"] == pytest.approx(2 * placed["santé"], rel=0.01)  # proportional to count
    assert placed["santé"] == pytest.approx(2 * placed["école"], rel=0.01)
    projector.screenshot(path=str(SHOTS / "projector-cloud-ar-1280.png"))
