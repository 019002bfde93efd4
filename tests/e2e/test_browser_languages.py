"""Issue 11 §2–§3 in a real Chromium: the console edits a draft activity (prompt, settings, versions in Arabic and
English); each phone shows it in its participant's language and marks a fallback; the projector shows two."""
from __future__ import annotations

import pytest
import socketio

from .conftest import LiveServer
from .test_browser import (LAPTOP, PHONE, PROJECTOR, SHOTS, browser, call, moderator, needs_chromium,  # noqa: F401
                           open_context, playwright_api, room)

expect = playwright_api.expect


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_a_draft_is_edited_with_versions_and_each_phone_reads_its_language(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    poll = call(moderator, "create_activity", {"type": "poll", "prompt": "Priorité ?",
                                               "config": {"options": ["Santé", "École"]}})["activity_id"]
    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    console.locator(f'.agenda-item[data-activity-id="{poll}"] .agenda-select').click()
    console.locator('[data-action="edit-activity"]').click()
    editor = console.locator(".activity-editor")
    editor.locator("textarea[name=prompt]").fill("Quelle priorité pour la région ?")
    editor.locator('[data-version-language="ar"][data-version-field="prompt"]').fill("ما هي أولوية الجهة؟")
    editor.locator("textarea[name=options]").fill("Santé\nÉcole\nPapiers")
    editor.locator("[name=multiple]").check()
    editor.locator('[data-action="save-activity"]').click()
    expect(console.locator(f'.agenda-item[data-activity-id="{poll}"] .agenda-prompt')).to_have_text(
        "Quelle priorité pour la région ?")
    # The options' versions follow the (new) list of options, line by line.
    console.locator('[data-action="edit-activity"]').click()
    expect(editor.locator("textarea[name=options]")).to_have_value("Santé\nÉcole\nPapiers")
    expect(editor.locator("[name=multiple]")).to_be_checked()
    editor.locator('[data-version-language="ar"][data-version-field="options"]').fill("الصحة\nالمدرسة\nالوثائق")
    editor.locator('[data-version-language="en"][data-version-field="options"]').fill("Health\nSchool\nPapers")
    editor.locator('[data-action="save-activity"]').click()
    expect(editor).to_have_count(0)
    console.locator(f'.agenda-item[data-activity-id="{poll}"] [data-action="open"]').click()

    arabic = open_context(**PHONE).new_page()
    arabic.goto(f"{room['join_url']}?lang=ar")
    expect(arabic.locator(".activity-prompt")).to_have_text("ما هي أولوية الجهة؟")
    expect(arabic.locator(".activity-prompt")).to_have_attribute("data-fallback", "false")
    expect(arabic.locator(".choice span")).to_have_text(["الصحة", "المدرسة", "الوثائق"])
    english = open_context(**PHONE).new_page()
    english.goto(f"{room['join_url']}?lang=en")
    prompt = english.locator(".activity-prompt")
    expect(prompt).to_have_text("Quelle priorité pour la région ?")  # no English prompt: French, marked
    expect(prompt).to_have_attribute("data-fallback", "true")
    expect(prompt).to_have_attribute("lang", "fr")
    expect(english.locator(".choice span")).to_have_text(["Health", "School", "Papers"])
    arabic.screenshot(path=str(SHOTS / "phone-poll-versions-ar-360.png"))

    projector = open_context(**PROJECTOR).new_page()
    projector.goto(f"{room['screen_url']}?lang=fr&also=ar")
    expect(projector.locator(".stage-prompt").first).to_have_text("Quelle priorité pour la région ?")
    expect(projector.locator(".stage-prompt-second")).to_have_text("ما هي أولوية الجهة؟")
    expect(projector.locator(".stage-prompt-second")).to_have_attribute("lang", "ar")
    # Revealed, the options carry both languages too.
    arabic.locator(".choice", has_text="الوثائق").click()
    arabic.locator(".ballot-bar button").click()
    expect(arabic.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    for phase in ("closed", "revealed"):
        call(moderator, "set_phase", {"activity_id": poll, "phase": phase})
    expect(projector.locator(".bar-text")).to_have_text(["Santé · الصحة", "École · المدرسة", "Papiers · الوثائق"])
    projector.screenshot(path=str(SHOTS / "projector-two-languages-1280.png"))


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_a_new_scale_is_typed_with_its_arabic_items_in_the_console(
        live_server: LiveServer, room: dict, moderator: socketio.Client, open_context) -> None:  # type: ignore[no-untyped-def]
    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    console.locator("#new-type").select_option("scale")
    console.locator("#new-prompt").fill("Votre avis")
    console.locator('#new-prompt-versions [data-version-language="ar"]').fill("رأيكم")
    console.locator("#config-fields textarea[name=items]").fill("L'accueil est bon\nLes délais sont courts")
    console.locator('#config-fields [data-version-language="ar"][data-version-field="items"]').fill(
        "الاستقبال جيد\nالآجال قصيرة\nسطر زائد")  # a third line has no item: it is left out, not refused
    console.locator("#create-form button[type=submit]").click()
    item = console.locator(".agenda-item", has_text="Votre avis")
    expect(item).to_have_attribute("data-phase", "draft")
    item.locator('[data-action="open"]').click()
    phone = open_context(**PHONE).new_page()
    phone.goto(f"{room['join_url']}?lang=ar")
    expect(phone.locator(".activity-prompt")).to_have_text("رأيكم")
    expect(phone.locator(".scale-statement")).to_have_text(["الاستقبال جيد", "الآجال قصيرة"])
    english = open_context(**PHONE).new_page()
    english.goto(f"{room['join_url']}?lang=en")
    expect(english.locator(".scale-statement").first).to_have_attribute("data-fallback", "true")
