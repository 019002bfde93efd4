"""A training's quiz in Chromium: the console writes the pre-test and links its post-test, 360 px phones (French and
Arabic) answer with their anonymous code, see right or wrong after sending, and the projector shows before/after."""
from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import socketio

from .conftest import LiveServer
from .test_browser import PHONE, PROJECTOR, SHOTS, browser, call, needs_chromium, open_context, playwright_api  # noqa: F401

expect = playwright_api.expect
LAPTOP = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}
QUESTIONS = """Qui approuve les comptes annuels ?
- Le bureau
* L'assemblée générale

Quelles pièces justifient une dépense ?
* Une facture
* Un reçu
- Une promesse"""

pytestmark = [pytest.mark.browser, pytest.mark.e2e, needs_chromium]


@pytest.fixture
def room(live_server: LiveServer) -> dict:
    return live_server.create_event(title="Formation gestion financière", rooms=("Atelier OPM",))["rooms"][0]


@pytest.fixture
def moderator(live_server: LiveServer, room: dict) -> Iterator[socketio.Client]:
    client = socketio.Client()
    client.connect(live_server.url, auth={"code": room["code"], "role": "moderator", "token": room["moderator_token"]},
                   transports=["websocket"])
    yield client
    client.disconnect()


def exported(live_server: LiveServer, room: dict, prompt: str) -> dict:
    document = json.loads(live_server.workshop("export", room["code"], "--format", "json"))
    return next(activity for activity in document["activities"] if activity["prompt"] == prompt)


def answer(phone, letters: str, month: str, choices: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    quiz = phone.locator(".activity")
    quiz.locator(".quiz-code input").fill(letters)
    quiz.locator(".quiz-code select").select_option(month)
    for question, option in choices:
        quiz.locator(f'.quiz-question[data-question="{question}"] .choice[data-option="{option}"]').click()
    quiz.locator(".ballot-bar button").click()
    expect(quiz.locator(".ballot-status")).to_have_attribute("data-status", "sent")


def test_console_links_the_post_test_and_phones_answer_with_their_code(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    expect(console.locator("#connection")).to_have_attribute("data-state", "online")

    def create(prompt: str, fill) -> dict:  # type: ignore[no-untyped-def]
        console.locator("#new-type").select_option("quiz")
        console.locator("#new-prompt").fill(prompt)
        fill(console.locator("#config-fields"))
        console.locator("#create-form button[type=submit]").click()
        expect(console.locator(".agenda-item", has_text=prompt)).to_have_attribute("data-phase", "draft")
        return exported(live_server, room, prompt)

    def pre_test(fields) -> None:  # type: ignore[no-untyped-def]
        fields.locator("textarea[name=questions]").fill(QUESTIONS)
        fields.locator("select[name=pairing]").select_option("code")

    pre = create("Pré-test", pre_test)
    assert pre["config"]["moment"] == "avant" and pre["config"]["pairing"] == "code"
    assert [question["correct"] for question in pre["config"]["questions"]] == [[1], [0, 1]]

    console.locator("h1").first.click()  # the moderator's attention leaves the form…
    call(moderator, "set_phase", {"activity_id": pre["id"], "phase": "open"})
    # …and the next change of the agenda redraws it: the new pre-test is offered to a post-test.
    expect(console.locator("#config-fields select[name=pre_test_id] option")).to_have_count(2)
    phone = open_context(**PHONE).new_page()
    phone.goto(room["join_url"])
    expect(phone.locator(".quiz-question")).to_have_count(2)
    expect(phone.locator(".quiz-moment")).to_have_text("Avant la formation")
    expect(phone.locator('.quiz-question[data-question="1"] input[type=checkbox]')).to_have_count(3)
    send = phone.locator(".activity .ballot-bar button")
    phone.locator('.quiz-question[data-question="0"] .choice[data-option="0"]').click()
    expect(send).to_be_disabled()  # no code yet
    answer(phone, "fa", "7", [(1, 2)])
    expect(phone.locator(".quiz-feedback:visible")).to_have_count(0)  # a pre-test does not show the answers
    arabic = open_context(**PHONE).new_page()
    arabic.goto(room["join_url"] + "?lang=ar")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    answer(arabic, "مر", "3", [(0, 1), (1, 0)])
    width = arabic.viewport_size["width"]
    for box in (arabic.locator(selector).first.bounding_box() for selector in (".quiz-code", ".quiz-question")):
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    arabic.screenshot(path=str(SHOTS / "phone-quiz-ar.png"), full_page=True)
    codes = {vote["criterion"] for vote in exported(live_server, room, "Pré-test")["votes"]
             if vote["criterion"].startswith("code:")}
    assert codes == {"code:fa07", "code:مر03"}
    call(moderator, "set_phase", {"activity_id": pre["id"], "phase": "closed"})

    def post_test(fields) -> None:  # type: ignore[no-untyped-def]
        fields.locator("select[name=pre_test_id]").select_option(str(pre["id"]))
        expect(fields.locator("textarea[name=questions]")).to_be_hidden()  # the pre-test's questions are copied
        fields.locator("input[name=show_answers]").check()

    post = create("Post-test", post_test)
    assert (post["config"]["pre_test_id"], post["config"]["moment"], post["config"]["show_answers"]) == \
        (pre["id"], "apres", True)
    call(moderator, "set_phase", {"activity_id": post["id"], "phase": "open"})
    expect(phone.locator(".quiz-question")).to_have_count(2)
    expect(phone.locator(".quiz-moment")).to_have_text("Après la formation")
    expect(phone.locator(".quiz-code input")).to_have_value("fa")  # the same phone: its pre-test's code, ready
    expect(phone.locator(".quiz-code select")).to_have_value("7")
    answer(phone, "FA", "7", [(0, 1), (1, 0), (1, 1)])
    feedback = phone.locator(".quiz-feedback")
    expect(feedback.nth(0)).to_have_attribute("data-right", "true")
    expect(feedback.nth(1)).to_have_attribute("data-right", "true")
    answer(arabic, "مر", "3", [(0, 0), (1, 0)])
    expect(arabic.locator(".quiz-feedback").nth(0)).to_have_attribute("data-right", "false")
    expect(arabic.locator('.quiz-question[data-question="0"] .choice.quiz-correct')).to_have_attribute(
        "data-option", "1")
    phone.screenshot(path=str(SHOTS / "phone-quiz-post-test-fr.png"), full_page=True)

    for phase in ("closed", "revealed"):
        call(moderator, "set_phase", {"activity_id": post["id"], "phase": phase})
    call(moderator, "show_activity", {"activity_id": post["id"]})
    projector = open_context(**PROJECTOR).new_page()
    projector.goto(room["screen_url"])
    stage = projector.locator("#stage .results-quiz")
    expect(stage.locator(".quiz-paired")).to_have_attribute("data-n", "2")
    expect(stage.locator('.bar-row[data-moment="before"]')).to_have_count(2)
    expect(stage.locator('.bar-row[data-moment="after"]')).to_have_count(2)
    projector.screenshot(path=str(SHOTS / "projector-quiz-before-after.png"))
    expect(stage.locator(".quiz-options")).to_have_count(0)  # the room sees the shares, not the option counts
    # The console's detail: how many chose each option, before and after, the correct ones marked.
    console.locator(f'.agenda-item[data-activity-id="{post["id"]}"] .agenda-select').click()
    options = console.locator(".results-panel .results-quiz .quiz-options")
    expect(options.locator("tr.quiz-correct")).to_have_count(3)
    # Option 0 of Q1: one before (the French phone), one after (the Arabic one); of Q2: one before, both after.
    expect(options.locator('tr[data-option="0"] td')).to_have_text(["1", "1", "1", "2"])
    results = exported(live_server, room, "Post-test")["results"]
    # The French phone went from 0 to 100, the Arabic one from 50 to 0: matched by their codes across phones' pages.
    paired = results["paired"]
    assert (paired["n"], paired["mean_change"], paired["improved"], paired["worsened"]) == (2, 25.0, 1, 1)


def test_a_phone_names_its_organisation_in_the_training_room_of_the_assessment(
        live_server: LiveServer, open_context) -> None:  # type: ignore[no-untyped-def]
    event = json.loads(live_server.workshop("create-event", "--template", "oca", "--title", "Diagnostic OPM", "--json"))
    for name, slug in (("Association Afrique Solidarité", "aas"), ("جمعية الأمل للمهاجرين", "amal")):
        live_server.workshop("add-organisation", str(event["event"]["id"]), "--name", name, "--slug", slug, "--json")
    training = event["rooms"][1]
    phone = open_context(**PHONE).new_page()
    phone.goto(training["join_url"])
    phone.locator("#profile summary").click()
    expect(phone.locator("#organisation")).to_be_visible()
    expect(phone.locator("#organisation option")).to_have_text(["Je préfère ne pas répondre",
                                                                 "Association Afrique Solidarité",
                                                                 "جمعية الأمل للمهاجرين"])
    phone.locator("#organisation").select_option("amal")
    phone.locator("#sex").select_option("femme")
    phone.locator("#profile-form button[type=submit]").click()
    expect(phone.locator("#profile-status")).to_have_attribute("data-status", "sent")
    phone.reload()  # what the server kept comes back with the room's state
    phone.locator("#profile summary").click()
    expect(phone.locator("#organisation")).to_have_value("amal")
    expect(phone.locator("#sex")).to_have_value("femme")

    plain = live_server.create_event(title="Sans organisations", rooms=("Salle",))["rooms"][0]
    other = open_context(**PHONE).new_page()
    other.goto(plain["join_url"])
    other.locator("#profile summary").click()
    expect(other.locator("#sex")).to_be_visible()
    expect(other.locator("#organisation")).to_be_hidden()  # an event without organisations does not ask
