"""The national view on the strategy page (issue 8 §3): the pairs the moderator confirmed, both labels each, in
Chromium against a real server. The meeting is built through the services on the server's own database."""
from __future__ import annotations

import pytest

from tests.exports.meeting import HEALTH, MEDICINES, PAPERS, PAPERS_AGAIN, build_meeting
from workshop.config import Settings
from workshop.db import Database
from workshop.services.access import issue_credential
from workshop.services.axis_matching import decide_axis_match
from workshop.services.context import ServiceContext
from workshop.services.matching import decide_match
from workshop.services.publisher import RecordingPublisher

from .conftest import LiveServer
from .test_accessibility import axe_violations
from .test_browser import browser, needs_chromium, open_context, playwright_api, strings_of  # noqa: F401

expect = playwright_api.expect
LAPTOP = {"viewport": {"width": 1366, "height": 900}, "locale": "fr-FR"}


@needs_chromium
def test_the_national_view_lists_the_confirmed_pairs_with_both_labels(live_server: LiveServer,  # type: ignore[no-untyped-def]
                                                                       open_context) -> None:
    import workshop.activities  # noqa: F401  (registers the activity types)

    settings = Settings.from_env({}, instance_path=live_server.instance, async_mode="threading",
                                 secret_key="e2e-secret", public_url=live_server.url)
    database = Database(settings.database_url, min_group_size=settings.min_group_size)
    ctx = ServiceContext(db=database, publisher=RecordingPublisher(), settings=settings)
    meeting = build_meeting(ctx, restitution=True)
    decide_match(ctx, meeting.event_id, meeting.clusters[PAPERS], meeting.clusters[PAPERS_AGAIN], "confirm")
    decide_axis_match(ctx, meeting.event_id, meeting.axes[PAPERS], meeting.axes[PAPERS_AGAIN], "confirm")
    with ctx.db.write() as session:
        token = issue_credential(session, event_id=meeting.event_id, label="e2e")
    database.dispose()

    page = open_context(**LAPTOP).new_page()
    page.goto(f"{live_server.url}/m/?token={token}")
    page.goto(f"{live_server.url}/m/events/{meeting.event_id}/strategy")
    strings = strings_of(page)
    common = page.locator("#national .national-pairs")
    expect(common).to_have_count(2)
    priorities, axes = common.nth(0), common.nth(1)
    expect(priorities.locator("h3")).to_have_text(strings["national_common_priorities"])
    expect(priorities.locator(".national-pair")).to_have_count(1)
    expect(priorities.locator(".national-pair")).to_have_text(
        f"{PAPERS} (Atelier papiers) = {PAPERS_AGAIN} (Atelier santé)")
    expect(axes.locator("h3")).to_have_text(strings["national_common_axes"])
    expect(axes.locator(".national-pair")).to_have_text(f"A1 {PAPERS} (Atelier papiers) = A3 {PAPERS_AGAIN} "
                                                        "(Atelier santé)")
    # The health axes are still only proposed: counted, to decide in the section below.
    expect(axes.locator(".national-proposed")).to_contain_text("1")
    # Each room's column marks its axes: common once confirmed, this room's only otherwise.
    columns = page.locator("#national .national-column")
    expect(columns).to_have_count(2)
    expect(columns.nth(0).locator(".national-axis.is-common")).to_contain_text(PAPERS)
    expect(columns.nth(0).locator(".national-axis.is-distinct")).to_contain_text(HEALTH)
    expect(columns.nth(1).locator(".national-axis.is-common")).to_contain_text(PAPERS_AGAIN)
    expect(columns.nth(1).locator(".national-axis.is-distinct")).to_contain_text(MEDICINES)
    # The strategy page's own section lists the proposal with its buttons, both codes and titles.
    proposal = page.locator("#axis-matches .match-proposed")
    expect(proposal).to_have_count(1)
    expect(proposal).to_contain_text(f"A2 {HEALTH}")
    expect(proposal).to_contain_text(f"A4 {MEDICINES}")
    proposal.locator('button[value="confirm"]').click()
    expect(page.locator("#axis-matches .match-confirmed")).to_have_count(2)
    expect(page.locator("#national .national-pairs").nth(1).locator(".national-pair")).to_have_count(2)
    # The page with its pairs, its forms and the identity's other languages, in French and in Arabic: no axe-core
    # violation.
    for language in ("fr", "ar"):
        page.goto(f"{live_server.url}/m/events/{meeting.event_id}/strategy?lang={language}")
        expect(page.locator("#national .national-pair").first).to_be_visible()
        assert axe_violations(page) == [], language
