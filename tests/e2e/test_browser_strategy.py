"""From ideas to a strategy in a real Chromium: clusters dragged by touch, criteria scored, axes made, declined, edited.

The moderator's console runs on a touch phone (Android user agent): SortableJS does not take mouse drags there, so
drags are driven as a finger would, through CDP ``Input.dispatchTouchEvent``. Participants are python-socketio
clients or phone pages. Screenshots for a human look go to /tmp/shots.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
import requests
import socketio

from .conftest import LiveServer
from .test_browser import (PHONE, PROJECTOR, SHOTS, browser, call, needs_chromium, open_context,  # noqa: F401
                           playwright_api, strings_of)

expect = playwright_api.expect

ANDROID_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/140.0.0.0 Mobile Safari/537.36")
TOUCH_PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True, "locale": "fr-MA",
               "user_agent": ANDROID_UA}
TABLET = {"viewport": {"width": 1024, "height": 768}, "is_mobile": True, "has_touch": True, "locale": "fr-MA",
          "user_agent": ANDROID_UA.replace(" Mobile", "")}
LAPTOP = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}



@pytest.fixture
def live_server(tmp_path) -> Iterator[LiveServer]:  # type: ignore[no-untyped-def]
    """The shared fixture's server, with a moderator budget that fits scripted consoles: the every-type test sends
    four commands per registered type in a few seconds, more than the flood guard lets one connection burst."""
    instance = tmp_path / "instance"
    instance.mkdir()
    server = LiveServer(instance=instance, extra_env={"WORKSHOP_RATE_LIMIT_COUNT": "1000",
                                                      "WORKSHOP_SOCKET_BURST": "1000"})
    server.workshop("migrate")
    server.start()
    yield server
    server.stop()


IDEAS = [
    "Refus de soins dans les hôpitaux publics",
    "Médicaments trop chers pour les personnes sans papiers",
    "Le renouvellement de la carte de séjour prend des mois",
    "Pas de récépissé pendant la régularisation",
    "Les écoles refusent d'inscrire les enfants sans acte de naissance",
]


@pytest.fixture
def event(live_server: LiveServer) -> dict:
    return live_server.create_event(title="Rencontre nationale SNI", rooms=("Atelier santé et papiers",))


@pytest.fixture
def room(event: dict) -> dict:
    return event["rooms"][0]


@pytest.fixture
def moderator(live_server: LiveServer, room: dict) -> Iterator[socketio.Client]:
    client = socketio.Client()
    client.connect(live_server.url, auth={"code": room["code"], "role": "moderator", "token": room["moderator_token"]},
                   transports=["websocket"])
    yield client
    client.disconnect()


@pytest.fixture
def participants(live_server: LiveServer, room: dict) -> Iterator[list[socketio.Client]]:
    clients = []
    for _ in range(4):
        client = socketio.Client()
        client.connect(live_server.url, auth={"code": room["code"], "role": "participant"}, transports=["websocket"])
        clients.append(client)
    yield clients
    for client in clients:
        client.disconnect()


def brainstorm_with_ideas(moderator: socketio.Client, participants: list[socketio.Client]) -> tuple[int, dict[str, int]]:
    activity_id = call(moderator, "create_activity", {"type": "brainstorm", "prompt": "Quels obstacles aux droits ?",
                                                       "config": {}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    ids = {}
    for number, text in enumerate(IDEAS):
        ack = participants[number % len(participants)].call(
            "submit_idea", {"activity_id": activity_id, "text": text, "op_id": f"idea-{number:08d}"}, timeout=10)
        assert ack["ok"], ack
        ids[text] = ack["idea_id"]
    return activity_id, ids


def exported_activity(live_server: LiveServer, code: str, activity_id: int) -> dict:
    document = json.loads(live_server.workshop("export", code, "--format", "json"))
    return next(activity for activity in document["activities"] if activity["id"] == activity_id)


def touch_drag(page, source, target) -> None:  # type: ignore[no-untyped-def]
    """Press a card like a finger (longer than Sortable's touch delay), slide it in 15 moves, lift it."""
    start, end = source.bounding_box(), target.bounding_box()
    assert start and end, "card or column not on screen"
    viewport = page.viewport_size
    for box in (start, end):
        assert 0 <= box["y"] and box["y"] + min(box["height"], 40) <= viewport["height"], (box, viewport)
    x0, y0 = start["x"] + start["width"] / 2, start["y"] + min(start["height"] / 2, 20)
    x1, y1 = end["x"] + end["width"] / 2, end["y"] + end["height"] - 12
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
    page.wait_for_timeout(350)
    for step in range(1, 16):
        point = {"x": x0 + (x1 - x0) * step / 15, "y": y0 + (y1 - y0) * step / 15}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
        page.wait_for_timeout(30)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def column(page, label: str):  # type: ignore[no-untyped-def]
    return page.locator(".board .board-column", has=page.locator(".board-column-label", has_text=label))


def open_board(console, prompt: str) -> None:  # type: ignore[no-untyped-def]
    console.locator(".agenda-item", has_text=prompt).locator(".agenda-select").click()
    console.locator('.panel-tab[data-tab="board"]').click()
    expect(console.locator(".board")).to_be_visible()


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_from_clusters_dragged_by_touch_to_a_declined_axe(  # noqa: PLR0915
        live_server: LiveServer, event: dict, room: dict, moderator: socketio.Client,
        participants: list[socketio.Client], open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    SHOTS.mkdir(parents=True, exist_ok=True)

    # The console on a touch phone: two clusters made from the board, cards dragged into them by touch.
    console_context = open_context(**TOUCH_PHONE)
    console = console_context.new_page()
    console.on("dialog", lambda dialog: dialog.accept())
    console.goto(room["moderator_url"])
    expect(console.locator("#connection")).to_have_attribute("data-state", "online")
    open_board(console, "Quels obstacles aux droits ?")
    expect(console.locator(".board .board-card")).to_have_count(len(IDEAS))
    for label in ("Santé", "Papiers et séjour"):
        console.locator(".new-cluster input[name=cluster_label]").fill(label)
        console.locator('.new-cluster [data-action="create-cluster"]').click()
        expect(column(console, label)).to_be_visible()

    loose = console.locator('.board .board-column[data-cluster-id="none"]')
    plan = [(IDEAS[0], "Santé"), (IDEAS[1], "Santé"), (IDEAS[2], "Papiers et séjour"), (IDEAS[3], "Papiers et séjour")]
    for text, label in plan:
        card = loose.locator(".board-card", has_text=text)
        target = column(console, label).locator(".board-cards")
        target.scroll_into_view_if_needed()
        card.scroll_into_view_if_needed()
        touch_drag(console, card, target)
        expect(column(console, label).locator(".board-card", has_text=text)).to_be_visible()
        expect(loose.locator(".board-card", has_text=text)).to_have_count(0)

    # Undo puts the last card back; the history says who did what; the card is dragged again.
    console.locator('[data-action="undo"]').click()
    expect(loose.locator(".board-card", has_text=IDEAS[3])).to_be_visible()
    console.locator('[data-action="log"]').click()
    expect(console.locator(".clustering-log .log-entry")).to_have_count(6)
    expect(console.locator('.clustering-log .log-entry[data-undone="true"]')).to_have_count(1)
    card = loose.locator(".board-card", has_text=IDEAS[3])
    target = column(console, "Papiers et séjour").locator(".board-cards")
    target.scroll_into_view_if_needed()
    card.scroll_into_view_if_needed()
    touch_drag(console, card, target)
    expect(column(console, "Papiers et séjour").locator(".board-card", has_text=IDEAS[3])).to_be_visible()
    console.locator(".board").scroll_into_view_if_needed()
    console.screenshot(path=str(SHOTS / "console-board-phone-412.png"), full_page=True)

    # The export holds what the finger did.
    board = exported_activity(live_server, room["code"], brainstorm)["results"]["board"]
    clusters = {cluster["label"]: sorted(idea["id"] for idea in cluster["ideas"]) for cluster in board["clusters"]}
    assert clusters == {"Santé": sorted([ideas[IDEAS[0]], ideas[IDEAS[1]]]),
                        "Papiers et séjour": sorted([ideas[IDEAS[2]], ideas[IDEAS[3]]])}
    assert [idea["id"] for idea in board["unclustered"]] == [ideas[IDEAS[4]]]
    cluster_ids = {cluster["label"]: cluster["id"] for cluster in board["clusters"]}

    # Criteria scoring on the clusters: a phone page (French) and three socket participants.
    call(moderator, "set_phase", {"activity_id": brainstorm, "phase": "closed"})
    scoring = call(moderator, "create_activity", {"type": "criteria_scoring", "prompt": "Notez chaque groupe",
                                                  "config": {"target": "clusters", "source_activity_id": brainstorm,
                                                             "criteria": ["impact", "faisabilite", "urgence"],
                                                             "weights": {"impact": 2, "faisabilite": 1, "urgence": 1}}}
                   )["activity_id"]
    call(moderator, "set_phase", {"activity_id": scoring, "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    expect(phone.locator("#activity .activity-prompt")).to_have_text("Notez chaque groupe")
    expect(phone.locator(".weight")).to_have_count(3)
    expect(phone.locator('.weight[data-criterion="impact"] .weight-value')).to_have_text("×2")
    send = phone.locator(".ballot-bar button")
    expect(send).to_be_disabled()
    for label, score in (("Santé", "5"), ("Papiers et séjour", "3")):
        item = phone.locator(".rating-item", has_text=label)
        for criterion in ("impact", "faisabilite", "urgence"):
            item.locator(f'.rating-criterion[data-criterion="{criterion}"] .scale-choice', has_text=score).click()
    phone.screenshot(path=str(SHOTS / "phone-criteria-scoring-fr.png"), full_page=True)
    send.click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    for number, client in enumerate(participants[:3]):
        profile = {"tags": {"organisation_type": "opm" if number < 2 else "association"}, "op_id": f"profile-{number:06d}"}
        assert client.call("update_profile", profile, timeout=10)["ok"]
        allocations = [{"target_id": cluster_ids["Santé"], "criterion": criterion, "points": 4 + number % 2}
                       for criterion in ("impact", "faisabilite", "urgence")]
        allocations += [{"target_id": cluster_ids["Papiers et séjour"], "criterion": criterion, "points": 2}
                        for criterion in ("impact", "faisabilite", "urgence")]
        ack = client.call("cast_votes", {"activity_id": scoring, "allocations": allocations,
                                         "op_id": f"vote-{number:08d}"}, timeout=10)
        assert ack["ok"], ack

    # A reload keeps the phone's own scores (the ballot comes back with its criteria).
    phone.reload()
    expect(phone.locator(".rating-item", has_text="Santé").locator(
        '.rating-criterion[data-criterion="impact"] .scale-choice', has_text="5").locator("input")).to_be_checked()

    # The moderator closes and reveals from the phone console; the phone shows the ranked clusters.
    item = console.locator(".agenda-item", has_text="Notez chaque groupe")
    item.locator('[data-action="close"]').click()
    expect(item).to_have_attribute("data-phase", "closed")
    item.locator('[data-action="reveal"]').click()
    expect(item).to_have_attribute("data-phase", "revealed")
    results = phone.locator(".activity-results .bar-row")
    expect(results).to_have_count(2)
    expect(results.first.locator(".bar-text")).to_have_text("Santé")
    expect(results.first.locator(".bar-value")).to_contain_text("/ 100")
    item.locator(".agenda-select").click()
    expect(console.locator(".results-panel .criteria-table")).to_be_visible()
    expect(console.locator(".results-panel .results-sensitivity")).to_be_visible()
    # Two OPM and one association voted: every group is under the minimum of five, and so is their pool, so no
    # breakdown reaches the console (one person's scores must never be readable off a group).
    expect(console.locator('.results-panel .groups-table')).to_have_count(0)
    console.screenshot(path=str(SHOTS / "console-criteria-results-phone-412.png"), full_page=True)
    phone.screenshot(path=str(SHOTS / "phone-criteria-results-fr.png"), full_page=True)

    # The top cluster becomes an axe, from the console's board.
    open_board(console, "Quels obstacles aux droits ?")
    health = column(console, "Santé")
    health.locator('[data-action="promote"]').click()
    selection = console.locator(".cluster-selection")
    expect(selection).to_be_visible()
    selection.locator("select[name=theme]").select_option("sante")
    selection.locator('[data-action="make-axis"]').click()
    link = console.locator("#notices .promoted .axis-link")
    expect(link).to_be_visible()
    axis_href = link.get_attribute("href")
    assert axis_href and re.fullmatch(r"/m/axes/\d+", axis_href)

    # The strategy page lists it; the national meeting declines into a regional one.
    strategy_url = f"{live_server.url}/m/events/{event['event']['id']}/strategy"
    expect(console.locator("#strategy-link")).to_have_attribute("href", f"/m/events/{event['event']['id']}/strategy")
    writer = open_context(**LAPTOP).new_page()
    writer.goto(event["event"]["moderator_url"])  # the organiser: the event's link (a room's opens one room)
    writer.goto(strategy_url)
    row = writer.locator(".axis-row")
    expect(row).to_have_count(1)
    expect(row.locator(".axis-title")).to_have_text("Santé")
    expect(row.locator(".theme-badge")).to_have_text(strings_of(writer)["theme_sante"])
    national = writer.locator("#national .national-column")
    expect(national).to_have_count(1)  # the one workshop room, its revealed priorities and its axe
    expect(national.locator(".national-priorities li").first).to_contain_text("Santé")
    expect(national.locator(".national-axis")).to_contain_text("Santé")
    writer.screenshot(path=str(SHOTS / "strategy-sni-1366.png"), full_page=True)
    writer.locator("#decline-title").fill("Rencontre régionale Casablanca-Settat")
    writer.locator("#decline-region").select_option("casablanca_settat")
    writer.locator(".decline-form button[type=submit]").click()
    expect(writer).to_have_url(re.compile(r"/m/events/\d+/strategy$"))
    regional_event = int(writer.url.split("/m/events/")[1].split("/")[0])
    assert regional_event != event["event"]["id"]
    expect(writer.locator("h1")).to_have_text("Rencontre régionale Casablanca-Settat")
    regional_row = writer.locator(".axis-row")
    expect(regional_row.locator(".axis-parent-title")).to_have_text("Santé")
    expect(regional_row.locator(".disposition-badge")).to_have_text(strings_of(writer)["disposition_kept"])
    writer.screenshot(path=str(SHOTS / "strategy-sri-1366.png"), full_page=True)

    # The regional axe's editor: the parent's text beside; a field edited and saved.
    regional_row.locator(".axis-title").click()
    expect(writer.locator("#axis-form .section-problem")).to_be_visible()
    expect(writer.locator(".parent-identity")).to_contain_text("Santé")
    central = writer.locator('[data-path="problem.central"]')
    central.fill("Les hôpitaux de la région refusent les patients sans papiers")
    writer.locator('.section-actors [data-action="add-row"]').click()
    actor = writer.locator(".section-actors .row-card").last
    actor.locator('[data-path="actors[].name"]').fill("Conseil régional")
    actor.locator('[data-path="actors[].role"]').select_option("primary_target")
    actor.locator('[data-path="actors[].influence"]').select_option("5")
    actor.locator('[data-path="actors[].interest"]').select_option("2")
    actor.locator('[data-path="actors[].alignment"]').select_option("1")
    expect(writer.locator(".power-grid-svg .grid-actor")).to_have_count(1)
    writer.locator("#save").click()
    expect(writer.locator("#save-status")).to_have_attribute("data-status", "saved")
    expect(writer.locator("#save-status")).to_contain_text("2")
    writer.screenshot(path=str(SHOTS / "axis-editor-sri-1366.png"), full_page=True)
    regional_axis = int(writer.url.rsplit("/", 1)[1])
    saved = requests.get(f"{live_server.url}/m/api/axes/{regional_axis}", timeout=10,
                         cookies={cookie["name"]: cookie["value"] for cookie in writer.context.cookies()}).json()
    assert saved["axis"]["fields"]["problem"]["central"] == "Les hôpitaux de la région refusent les patients sans papiers"
    assert saved["axis"]["fields"]["actors"] == [{"name": "Conseil régional", "role": "primary_target", "influence": 5,
                                                  "interest": 2, "alignment": 1}]
    assert saved["event_id"] == regional_event
    writer.goto(f"{live_server.url}/m/events/{regional_event}/declination")
    expect(writer.locator(".declination-table tbody tr")).to_have_count(1)
    expect(writer.locator(".declination-table")).to_contain_text("Conseil régional")
    writer.screenshot(path=str(SHOTS / "declination-1366.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_a_second_writer_with_an_old_version_sees_the_conflict(
        live_server: LiveServer, event: dict, room: dict, moderator: socketio.Client,
        participants: list[socketio.Client], open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    cluster = call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Santé",
                                                 "idea_ids": [ideas[IDEAS[0]], ideas[IDEAS[1]]]})["cluster_id"]
    axis_id = call(moderator, "promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [cluster],
                                                  "theme": "sante"})["axis_id"]
    # A vote on the axes follows the strategy: a new axe reaches the phones without a reload.
    ranking = call(moderator, "create_activity", {"type": "ranking", "prompt": "Classez les axes",
                                                  "config": {"target": "axes"}})["activity_id"]
    call(moderator, "set_phase", {"activity_id": ranking, "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    expect(phone.locator(".rank-item .rank-text")).to_have_text(["Santé"])
    papers = call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Papiers",
                                                "idea_ids": [ideas[IDEAS[2]]]})["cluster_id"]
    call(moderator, "promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [papers], "theme": "papiers_sejour"})
    expect(phone.locator(".rank-item .rank-text")).to_have_text(["Santé", "Papiers"])
    first, second = open_context(**LAPTOP).new_page(), open_context(**LAPTOP).new_page()
    for writer, language in ((first, "ar"), (second, "fr")):
        writer.goto(room["moderator_url"])
        writer.goto(f"{live_server.url}/m/axes/{axis_id}?lang={language}")
        expect(writer.locator('[data-path="problem.central"]')).to_be_visible()
        expect(writer.locator(".provenance-ideas li")).to_have_count(2)
    expect(first.locator("html")).to_have_attribute("dir", "rtl")
    first.screenshot(path=str(SHOTS / "axis-editor-sni-ar-1366.png"))

    first.locator('[data-path="problem.central"]').fill("Version de la première personne")
    first.locator("#save").click()
    expect(first.locator("#save-status")).to_have_attribute("data-status", "saved")

    second.locator('[data-path="problem.central"]').fill("Version de la seconde personne")
    second.locator("#save").click()
    conflict = second.locator("#conflict")
    expect(conflict).to_be_visible()
    expect(conflict.locator(".conflict-title")).to_have_text(strings_of(second)["conflict_title"])
    expect(second.locator("#save-status")).to_have_attribute("data-status", "conflict")
    # Nothing was overwritten, and the second writer's text is still on screen to copy.
    expect(second.locator('[data-path="problem.central"]')).to_have_value("Version de la seconde personne")
    second.screenshot(path=str(SHOTS / "axis-editor-conflict-1366.png"), full_page=False)
    conflict.locator('[data-action="reload"]').click()
    expect(conflict).to_be_hidden()
    expect(second.locator('[data-path="problem.central"]')).to_have_value("Version de la première personne")

    # The order of priority: the arrows move an axe, and the server keeps the order.
    second.goto(f"{live_server.url}/m/events/{event['event']['id']}/strategy")
    titles = second.locator(".axis-row .axis-title")
    expect(titles).to_have_text(["Santé", "Papiers"])
    second.locator(".axis-row", has_text="Papiers").locator('[data-action="up"]').click()
    expect(titles).to_have_text(["Papiers", "Santé"])
    expect(second.locator(".axis-row").first.locator(".axis-position")).to_have_text("1")
    expect(second.locator("#notices .notice-info")).to_be_visible()
    second.reload()
    expect(titles).to_have_text(["Papiers", "Santé"])


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_axe_editor_takes_the_axes_texts_in_arabic_and_english(
        live_server: LiveServer, room: dict, moderator: socketio.Client,
        participants: list[socketio.Client], open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    cluster = call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Santé",
                                                 "idea_ids": [ideas[IDEAS[0]]]})["cluster_id"]
    axis_id = call(moderator, "promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [cluster],
                                                  "theme": "sante"})["axis_id"]
    writer = open_context(**LAPTOP).new_page()
    writer.goto(room["moderator_url"])
    writer.goto(f"{live_server.url}/m/axes/{axis_id}")
    arabic_title = writer.locator('[data-path="versions.ar.title"]')
    expect(arabic_title).to_be_visible()
    expect(arabic_title).to_have_attribute("dir", "rtl")
    expect(writer.locator('.section-versions fieldset[lang="en"] [data-path="versions.en.messages.central"]')) \
        .to_be_visible()
    arabic_title.fill("الولوج إلى العلاج")
    writer.locator('[data-path="versions.en.messages.central"]').fill("Health is a right")
    writer.locator("#save").click()
    expect(writer.locator("#save-status")).to_have_attribute("data-status", "saved")
    saved = requests.get(f"{live_server.url}/m/api/axes/{axis_id}", timeout=10,
                         cookies={cookie["name"]: cookie["value"] for cookie in writer.context.cookies()}).json()
    assert saved["axis"]["versions"] == {"ar": {"title": "الولوج إلى العلاج"}, "en": {"messages.central": "Health is a right"}}
    writer.reload()
    expect(writer.locator('[data-path="versions.ar.title"]')).to_have_value("الولوج إلى العلاج")
    writer.locator(".section-versions").screenshot(path=str(SHOTS / "axis-editor-versions-1366.png"))


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_projector_draws_clusters_live_and_the_matrix(
        live_server: LiveServer, room: dict, moderator: socketio.Client, participants: list[socketio.Client],
        open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    projector = open_context(**PROJECTOR).new_page()
    projector.goto(room["screen_url"])
    expect(projector.locator(".wall .idea-card")).to_have_count(len(IDEAS))
    health = call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Santé",
                                                "idea_ids": [ideas[IDEAS[0]], ideas[IDEAS[1]]]})["cluster_id"]
    expect(projector.locator(".board-view .board-column")).to_have_count(2)  # Santé, and the cards in no cluster
    papers = call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Papiers et séjour",
                                                "idea_ids": [ideas[IDEAS[2]], ideas[IDEAS[3]]]})["cluster_id"]
    expect(projector.locator(".board-view .board-column-title", has_text="Papiers et séjour")).to_be_visible()
    expect(projector.locator('.board-view [data-cluster-id="none"] .board-card')).to_have_text([IDEAS[4]])
    projector.screenshot(path=str(SHOTS / "projector-clusters-1280x720.png"))
    tablet = open_context(**TABLET).new_page()
    tablet.goto(room["moderator_url"])
    open_board(tablet, "Quels obstacles aux droits ?")
    expect(tablet.locator(".board .board-column")).to_have_count(3)
    tablet.locator('.board-column[data-cluster-id="none"] .card-select').first.check()
    tablet.screenshot(path=str(SHOTS / "console-board-tablet-1024.png"))

    # Revealed, the clusters reach the phones as columns of cards.
    call(moderator, "set_phase", {"activity_id": brainstorm, "phase": "closed"})
    call(moderator, "set_phase", {"activity_id": brainstorm, "phase": "revealed"})
    reader = open_context(**PHONE).new_page()
    reader.goto(room["join_url"])
    expect(reader.locator(".activity-results .board-view .board-column")).to_have_count(3)
    expect(reader.locator('.activity-results .board-column[data-cluster-id="%d"] .board-card' % health)).to_have_count(2)
    reader.screenshot(path=str(SHOTS / "phone-clusters-revealed-fr.png"), full_page=True)

    # The room places the clusters on impact × feasibility; the projector draws the 2×2.
    matrix = call(moderator, "create_activity", {"type": "matrix", "prompt": "Impact et faisabilité ?",
                                                 "config": {"target": "clusters", "source_activity_id": brainstorm}}
                  )["activity_id"]
    call(moderator, "set_phase", {"activity_id": matrix, "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"] + "?lang=ar")
    expect(phone.locator(".rating-item")).to_have_count(2)
    item = phone.locator(".rating-item", has_text="Santé")
    item.locator('.rating-criterion[data-criterion="impact"] .scale-choice').nth(4).click()
    expect(phone.locator(".ballot-bar button")).to_be_disabled()  # one axis only cannot be drawn
    expect(phone.locator(".rating-problem")).to_be_visible()
    item.locator('.rating-criterion[data-criterion="feasibility"] .scale-choice').nth(3).click()
    expect(phone.locator(".ballot-bar button")).to_be_enabled()
    phone.locator(".ballot-bar button").click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    phone.screenshot(path=str(SHOTS / "phone-matrix-ar.png"), full_page=True)
    for number, client in enumerate(participants):
        allocations = [{"target_id": health, "criterion": "impact", "points": 4},
                       {"target_id": health, "criterion": "feasibility", "points": 4 + number % 2},
                       {"target_id": papers, "criterion": "impact", "points": 4},
                       {"target_id": papers, "criterion": "feasibility", "points": 1 + number % 2}]
        assert client.call("cast_votes", {"activity_id": matrix, "allocations": allocations,
                                          "op_id": f"matrix-{number:08d}"}, timeout=10)["ok"]
    call(moderator, "set_phase", {"activity_id": matrix, "phase": "closed"})
    call(moderator, "set_phase", {"activity_id": matrix, "phase": "revealed"})
    expect(projector.locator(".matrix-svg .matrix-dot")).to_have_count(2)
    expect(projector.locator('.matrix-legend-item[data-quadrant="quick_wins"]')).to_contain_text("Santé")
    expect(projector.locator('.matrix-legend-item[data-quadrant="major_projects"]')).to_contain_text("Papiers et séjour")
    projector.screenshot(path=str(SHOTS / "projector-matrix-1280x720.png"))
    expect(phone.locator(".activity-results .matrix-svg")).to_be_visible()


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_console_creates_every_prioritization_and_phones_answer_them(
        live_server: LiveServer, room: dict, moderator: socketio.Client, participants: list[socketio.Client],
        open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    for label, members in (("Santé", IDEAS[:2]), ("Papiers", IDEAS[2:4]), ("École", IDEAS[4:])):
        call(moderator, "create_cluster", {"activity_id": brainstorm, "label": label,
                                           "idea_ids": [ideas[text] for text in members]})
    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    expect(console.locator("#connection")).to_have_attribute("data-state", "online")

    def create(kind: str, prompt: str, fill) -> dict:  # type: ignore[no-untyped-def]
        console.locator("#new-type").select_option(kind)
        console.locator("#new-prompt").fill(prompt)
        fields = console.locator("#config-fields")
        fields.locator("select[name=target]").select_option("clusters")
        fields.locator("select[name=source_activity_id]").select_option(str(brainstorm))
        fill(fields)
        console.locator("#create-form button[type=submit]").click()
        expect(console.locator(".agenda-item", has_text=prompt)).to_have_attribute("data-phase", "draft")
        document = json.loads(live_server.workshop("export", room["code"], "--format", "json"))
        return next(activity for activity in document["activities"] if activity["prompt"] == prompt)

    def criteria(fields) -> None:  # type: ignore[no-untyped-def]
        fields.locator("input[name=criterion_risque]").check()
        fields.locator("input[name=criterion_urgence]").uncheck()
        fields.locator("input[name=weight_impact]").fill("3")

    scoring = create("criteria_scoring", "Critères", criteria)
    assert scoring["config"]["criteria"] == ["impact", "faisabilite", "risque", "alignement"]
    assert scoring["config"]["weights"] == {"impact": 3, "faisabilite": 1, "risque": 1, "alignement": 1}
    assert create("matrix", "Matrice", lambda fields: None)["config"]["target"] == "clusters"
    ranking = create("ranking", "Classement", lambda fields: fields.locator("input[name=max_ranked]").fill("2"))
    assert ranking["config"]["max_ranked"] == 2
    points = create("points_100", "Cent points", lambda fields: None)
    assert points["config"]["exact"] is True
    dots = create("dot_voting", "Gommettes", lambda fields: None)
    assert dots["config"]["target"] == "clusters"

    # Ranking on the phone: arrows, the first two count.
    call(moderator, "set_phase", {"activity_id": ranking["id"], "phase": "open"})
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    rows = phone.locator(".rank-item")
    expect(rows).to_have_count(3)
    expect(rows.nth(2)).to_have_attribute("data-counted", "false")
    phone.locator(".rank-item", has_text="École").locator(".rank-up").click()
    phone.locator(".rank-item", has_text="École").locator(".rank-up").click()
    expect(rows.first).to_contain_text("École")
    phone.locator(".ballot-bar button").click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    ballot = [vote for vote in exported_activity(live_server, room["code"], ranking["id"])["votes"]]
    assert sorted(vote["points"] for vote in ballot) == [1, 2]

    # 100 points: the vote cannot go before all 100 are shared.
    call(moderator, "set_phase", {"activity_id": points["id"], "phase": "open"})
    expect(phone.locator(".points-target")).to_have_count(3)
    send = phone.locator(".ballot-bar button")
    phone.locator(".points-target", has_text="Santé").locator(".points-input").fill("60")
    phone.locator(".points-target", has_text="Papiers").locator(".dot-plus").click()
    expect(phone.locator(".points-left")).to_have_attribute("data-left", "35")
    expect(send).to_be_disabled()
    phone.locator(".points-target", has_text="École").locator(".points-input").fill("35")
    expect(phone.locator(".points-left")).to_have_attribute("data-valid", "true")
    phone.screenshot(path=str(SHOTS / "phone-points-100-fr.png"), full_page=True)
    send.click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    totals = {vote["points"] for vote in exported_activity(live_server, room["code"], points["id"])["votes"]}
    assert totals == {60, 5, 35}

    # Criteria scoring in Arabic, right to left.
    call(moderator, "set_phase", {"activity_id": scoring["id"], "phase": "open"})
    arabic = open_context(**PHONE).new_page()
    arabic.goto(room["join_url"] + "?lang=ar")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.locator(".rating-item")).to_have_count(3)
    expect(arabic.locator('.weight[data-criterion="impact"] .weight-value')).to_have_text("×3")
    width = arabic.viewport_size["width"]
    for box in (arabic.locator(selector).first.bounding_box() for selector in (".rating-item", ".scale-choices", ".weights")):
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    arabic.screenshot(path=str(SHOTS / "phone-criteria-scoring-ar.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_console_owner_creates_a_national_meeting_from_the_template(
        live_server: LiveServer, open_context) -> None:  # type: ignore[no-untyped-def]
    match = re.search(r"/m/\?token=(\S+)", live_server.log_path.read_text())
    assert match, "the server prints the console link at start"
    owner = open_context(**LAPTOP).new_page()
    owner.goto(f"{live_server.url}/m/?token={match.group(1)}")
    owner.locator("#template-title").fill("Rencontre nationale 2026")
    owner.locator(".from-template", has=owner.locator("#template-title")).locator("button[type=submit]").click()
    event = owner.locator(".event", has_text="Rencontre nationale 2026")
    expect(event.locator(".rooms tbody tr")).to_have_count(4)
    owner.screenshot(path=str(SHOTS / "events-1366.png"), full_page=True)
    event.locator(".strategy-link").click()
    expect(owner.locator("h1")).to_have_text("Rencontre nationale 2026")
    expect(owner.locator("#national .national-column")).to_have_count(2)  # the two thematic workshops
    expect(owner.locator(".import-form")).to_be_visible()
    expect(owner.locator(".axes-panel .empty")).to_be_visible()
    # A thematic workshop's console has the template's agenda, ready to run.
    owner.locator(".writer-nav a").nth(2).click()
    expect(owner.locator(".agenda-item")).to_have_count(5)
    expect(owner.locator(".agenda-item").nth(3)).to_contain_text(strings_of(owner)["type_criteria_scoring"])


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_every_clustering_operation_from_a_laptop_console(
        live_server: LiveServer, room: dict, moderator: socketio.Client, participants: list[socketio.Client],
        open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    console = open_context(**LAPTOP).new_page()
    console.on("dialog", lambda dialog: dialog.accept())
    console.goto(room["moderator_url"])
    open_board(console, "Quels obstacles aux droits ?")
    loose = console.locator('.board .board-column[data-cluster-id="none"]')

    # A mouse drag works as well as a finger.
    console.locator(".new-cluster input[name=cluster_label]").fill("École")
    console.locator('.new-cluster [data-action="create-cluster"]').click()
    expect(column(console, "École")).to_be_visible()
    start = loose.locator(".board-card", has_text=IDEAS[4]).bounding_box()
    end = column(console, "École").locator(".board-cards").bounding_box()
    assert start and end
    console.mouse.move(start["x"] + 40, start["y"] + 15)
    console.mouse.down()
    console.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=15)
    console.mouse.up()
    expect(column(console, "École").locator(".board-card", has_text=IDEAS[4])).to_be_visible()

    # Suggestions: edit one (label, one card untick) and accept it; reject another.
    console.locator('[data-action="suggest"]').click()
    suggestions = console.locator(".suggestion")
    expect(suggestions.first).to_be_visible()
    count = suggestions.count()
    first = suggestions.first
    first.locator('[data-action="edit"]').click()
    if first.get_attribute("data-into") == "new":
        first.locator(".suggestion-label").fill("Groupe proposé")
    boxes = first.locator(".suggestion-card input")
    kept = first.locator(".suggestion-card").first.inner_text().strip()
    for index in range(1, boxes.count()):
        boxes.nth(index).uncheck()
    first.locator('[data-action="accept"]').click()
    expect(suggestions).to_have_count(count - 1)
    expect(loose.locator(".board-card", has_text=kept)).to_have_count(0)
    if count > 1:
        suggestions.first.locator('[data-action="reject"]').click()
        expect(suggestions).to_have_count(count - 2)

    # Cards moved without dragging: ticked, then sent to a column.
    remaining = loose.locator(".board-card")
    moved = remaining.first.locator(".board-card-text").inner_text().strip()
    remaining.first.locator(".card-select").check()
    console.locator(".card-selection select[name=move_target]").select_option(label="École")
    console.locator('[data-action="move-selected"]').click()
    expect(column(console, "École").locator(".board-card", has_text=moved)).to_be_visible()

    # Rename inline.
    column(console, "École").locator('[data-action="rename"]').click()
    console.locator(".rename-input").fill("Éducation")
    console.locator(".rename-input").press("Enter")
    expect(column(console, "Éducation")).to_be_visible()

    # Merge two clusters into one.
    console.locator(".new-cluster input[name=cluster_label]").fill("Vide")
    console.locator('.new-cluster [data-action="create-cluster"]').click()
    expect(column(console, "Vide")).to_be_visible()
    column(console, "Vide").locator(".cluster-select").check()
    column(console, "Éducation").locator(".cluster-select").check()
    selection = console.locator(".cluster-selection")
    selection.locator("select[name=merge_target]").select_option(label="Éducation")
    selection.locator('[data-action="merge-clusters"]').click()
    expect(column(console, "Vide")).to_have_count(0)

    # Split: one card of "Éducation" into a cluster of its own.
    education = column(console, "Éducation")
    education.locator(".board-card", has_text=IDEAS[4]).locator(".card-select").check()
    console.locator(".new-cluster input[name=cluster_label]").fill("Actes de naissance")
    education.locator('[data-action="split"]').click()
    expect(column(console, "Actes de naissance").locator(".board-card", has_text=IDEAS[4])).to_be_visible()
    expect(education.locator(".board-card", has_text=IDEAS[4])).to_have_count(0)

    # Delete: the cards go back to the ideas in no cluster.
    column(console, "Actes de naissance").locator('[data-action="delete-cluster"]').click()
    expect(loose.locator(".board-card", has_text=IDEAS[4])).to_be_visible()

    # Several clusters become one axe.
    labels = [label.strip() for label in console.locator(".board .board-column-label.rename").all_inner_texts()]
    assert len(labels) >= 2, labels
    for label in labels[:2]:
        column(console, label).locator(".cluster-select").check()
    console.locator('.cluster-selection [data-action="make-axis"]').click()
    expect(console.locator("#notices .promoted .axis-link")).to_be_visible()
    console.screenshot(path=str(SHOTS / "console-board-laptop-1366.png"))

    board = exported_activity(live_server, room["code"], brainstorm)["results"]["board"]
    assert {cluster["label"] for cluster in board["clusters"]} == set(labels)
    education_ideas = {idea["text"] for cluster in board["clusters"] if cluster["label"] == "Éducation"
                       for idea in cluster["ideas"]}
    assert moved in education_ideas and IDEAS[4] not in education_ideas
    log = moderator.call("get_clustering_log", {"activity_id": brainstorm}, timeout=10)["log"]
    assert {"create_cluster", "move_ideas", "rename_cluster", "merge_clusters", "split_cluster",
            "delete_cluster"} <= {entry["kind"] for entry in log}


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_every_registered_type_draws_its_results_on_console_phone_and_projector(
        live_server: LiveServer, room: dict, moderator: socketio.Client, participants: list[socketio.Client],
        open_context) -> None:  # type: ignore[no-untyped-def]
    """Each type's browser module (static/js/activities/<type>.js) is found through the registry and draws."""
    from workshop.activities import REGISTRY

    brainstorm, _ideas = brainstorm_with_ideas(moderator, participants)
    call(moderator, "set_phase", {"activity_id": brainstorm, "phase": "closed"})
    made = {}
    for name, kind in REGISTRY.items():
        config: dict[str, object] = dict(kind.example_config)  # a type made elsewhere says what it is given
        for field in kind.config_fields:  # the settings it cannot do without, read from its declaration
            if field.kind == "items":
                config |= {"target": "ideas", "source_activity_id": brainstorm}
            elif field.kind == "lines" and not field.optional:
                config[field.name] = [f"Option {number + 1}" for number in range(field.minimum or 1)]
        # One console connection per type: the flood guard's budget is per connection, and a real console sends
        # these commands minutes apart, not a dozen types' worth within a second.
        console_socket = socketio.Client()
        console_socket.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                                      "token": room["moderator_token"]}, transports=["websocket"])
        try:
            made[name] = call(console_socket, "create_activity", {"type": name, "prompt": f"Activité {name}",
                                                                  "config": config})["activity_id"]
            call(console_socket, "set_phase", {"activity_id": made[name], "phase": "open"})
            if kind.input_kind == "idea":
                assert participants[0].call("submit_idea", {"activity_id": made[name], "text": "santé",
                                                            "op_id": f"answer-{name}"}, timeout=10)["ok"]
            for phase in ("closed", "revealed"):
                call(console_socket, "set_phase", {"activity_id": made[name], "phase": phase})
        finally:
            console_socket.disconnect()

    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    projector = open_context(**PROJECTOR).new_page()
    projector.goto(room["screen_url"])
    for name, activity_id in made.items():
        console.locator(f'.agenda-item[data-activity-id="{activity_id}"] .agenda-select').click()
        expect(console.locator(f".results-panel .results-{name}")).to_be_visible()
        call(moderator, "show_activity", {"activity_id": activity_id})
        expect(phone.locator(f".activity-results .results-{name}")).to_be_visible()
        expect(projector.locator(f'#stage[data-type="{name}"]')).to_be_visible()
        stage = projector.locator("#stage .stage-body")
        expect(stage.locator(f".results-{name}, .wall, .board-view, canvas.cloud")).to_have_count(1)
