"""Issue 11 §1 in a real Chromium: a cluster made an axe opens it, undo takes back the axe and says so, axes are
deleted (with confirmation, undoable) and merged on the strategy page, in French and in Arabic."""
from __future__ import annotations

import pytest
import socketio

from .conftest import LiveServer
from .test_browser import SHOTS, browser, call, needs_chromium, open_context, playwright_api, strings_of  # noqa: F401
from .test_browser_strategy import (IDEAS, LAPTOP, brainstorm_with_ideas, column, event, moderator,  # noqa: F401
                                    open_board, participants, room)

expect = playwright_api.expect


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_a_promoted_cluster_opens_its_axe_and_undo_takes_the_axe_back(
        live_server: LiveServer, event: dict, room: dict, moderator: socketio.Client,
        participants: list[socketio.Client], open_context) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Papiers", "idea_ids": [ideas[IDEAS[2]]]})
    call(moderator, "create_cluster", {"activity_id": brainstorm, "label": "Santé",
                                       "idea_ids": [ideas[IDEAS[0]], ideas[IDEAS[1]]]})
    console = open_context(**LAPTOP).new_page()
    console.goto(room["moderator_url"])
    strings = strings_of(console)
    open_board(console, "Quels obstacles aux droits ?")
    health = column(console, "Santé")
    health.locator('[data-action="promote"]').click()
    console.locator('.cluster-selection [data-action="make-axis"]').click()
    expect(console.locator("#notices .promoted .axis-link")).to_be_visible()
    # The column now opens the axe instead of offering a second one.
    expect(health.locator('[data-action="promote"]')).to_have_count(0)
    expect(health.locator('[data-action="open-axis"]')).to_have_text(strings["open_axis"].replace("%(code)s", "A1"))
    assert health.locator('[data-action="open-axis"]').get_attribute("href").startswith("/m/axes/")
    # Undo right after takes back the axe (not an older clustering step) and names it.
    console.locator('[data-action="undo"]').click()
    notice = console.locator("#notices .notice-info", has_text="A1 · Santé")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(strings["log_promote_to_axis"])
    expect(health.locator('[data-action="promote"]')).to_be_visible()
    expect(column(console, "Papiers")).to_be_visible()
    board = moderator.call("get_clustering_log", {"activity_id": brainstorm}, timeout=10)["log"]
    assert [entry["kind"] for entry in board][:2] == ["promote_to_axis", "create_cluster"]
    assert board[0]["undone"] is True and board[1]["undone"] is False
    console.screenshot(path=str(SHOTS / "console-undo-axis-1366.png"))


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_axes_are_deleted_with_confirmation_undone_and_merged_on_the_strategy_page(
        live_server: LiveServer, event: dict, room: dict, moderator: socketio.Client,
        participants: list[socketio.Client], open_context, language: str) -> None:  # type: ignore[no-untyped-def]
    brainstorm, ideas = brainstorm_with_ideas(moderator, participants)
    clusters = [call(moderator, "create_cluster", {"activity_id": brainstorm, "label": label,
                                                   "idea_ids": [ideas[IDEAS[index]]]})["cluster_id"]
                for index, label in enumerate(("Santé", "Médicaments", "Papiers"))]
    for cluster in clusters:
        call(moderator, "promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [cluster]})
    writer = open_context(**LAPTOP).new_page()
    writer.goto(room["moderator_url"])
    writer.goto(f"{live_server.url}/m/events/{event['event']['id']}/strategy?lang={language}")
    strings = strings_of(writer)
    rows = writer.locator("#axes .axis-row")
    expect(rows).to_have_count(3)

    # Delete asks first; refusing keeps the axe.
    dialogs: list[str] = []
    writer.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    rows.nth(2).locator('[data-action="delete-axis"]').click()
    expect(rows).to_have_count(3)
    assert "A3" in dialogs[0]
    writer.once("dialog", lambda dialog: dialog.accept())
    rows.nth(2).locator('[data-action="delete-axis"]').click()
    expect(rows).to_have_count(2)
    undo = writer.locator("#undo-axes")
    expect(undo).to_contain_text(strings["log_delete_axis"])
    expect(undo).to_contain_text("A3 · Papiers")
    undo.click()
    expect(rows).to_have_count(3)
    expect(writer.locator("#notices .notice-info")).to_contain_text("A3 · Papiers")

    # Merge: tick two, choose the one that stays.
    rows.nth(0).locator(".axis-pick").check()
    rows.nth(1).locator(".axis-pick").check()
    merge = writer.locator("#axes-merge")
    expect(merge).to_be_visible()
    merge.locator("select").select_option(label="A1 · Santé")
    merge.locator('[data-action="merge-axes"]').click()
    expect(rows).to_have_count(2)
    expect(writer.locator("#axes .axis-code")).to_have_text(["A1", "A3"])
    expect(undo).to_contain_text(strings["log_merge_axes"])
    writer.screenshot(path=str(SHOTS / f"strategy-delete-merge-{language}-1366.png"), full_page=True)
    # The board's clusters both open the merged axe now.
    merged = moderator.call("promote_to_axis", {"activity_id": brainstorm, "cluster_ids": [clusters[1]]}, timeout=10)
    assert merged["existing"] is True and merged["code"] == "A1"
