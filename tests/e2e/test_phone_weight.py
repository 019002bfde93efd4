"""The phone page's weight on the wire, counted by Chromium: the byte budget, and a reload that asks for nothing.

Bytes, not time: the timed figures (a 400 ms / 50 KB/s link, a slowed CPU) are `make bench`'s (tests/bench/phone.py).
"""
from __future__ import annotations

import pytest
import socketio

from .conftest import LiveServer
from .network import Recorder
from .test_browser import PHONE, browser, expect, needs_chromium, open_brainstorm  # noqa: F401

# The participant page (HTML, styles, scripts, fonts) on its first load, headers included, in French and in Arabic.
BUDGET_BYTES = 60_000


# Bytes do not depend on time, but a loaded 2-core box can take seconds to serve the first bundle.
WAIT_MS = 30_000


def loads(browser, url: str) -> tuple:  # type: ignore[no-untyped-def]
    context = browser.new_context(**PHONE)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    recorder = Recorder(cdp)
    first = recorder.start()
    page.goto(url)
    expect(page.locator("#connection")).to_have_attribute("data-state", "online", timeout=WAIT_MS)
    expect(page.locator(".answer-form [name=answer]")).to_be_visible(timeout=WAIT_MS)
    page.wait_for_load_state("networkidle")
    again = recorder.start()
    page.reload()
    expect(page.locator("#connection")).to_have_attribute("data-state", "online", timeout=WAIT_MS)
    page.wait_for_load_state("networkidle")
    context.close()
    return first, again


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_the_phone_page_fits_its_byte_budget_and_a_reload_asks_for_nothing_but_the_page(
        live_server: LiveServer, browser) -> None:  # type: ignore[no-untyped-def]
    room = live_server.create_event()["rooms"][0]
    moderator = socketio.Client()
    moderator.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                             "token": room["moderator_token"]}, transports=["websocket"])
    open_brainstorm(moderator, "Quels obstacles pour accéder aux soins ?")
    for language in ("fr", "ar"):
        first, again = loads(browser, f"{room['join_url']}?lang={language}")
        files = {entry["url"]: entry for entry in first.files}
        assert first.wire_bytes <= BUDGET_BYTES, (language, first.wire_bytes, files)
        for name, entry in files.items():  # every text file travels compressed (fonts are compressed already)
            assert entry["encoding"] == "br" or name.endswith(".woff2"), (name, entry)
        fonts = [name.split(".")[0] for name in files if name.endswith(".woff2")]
        # One font: the script the page is written in (the French page's menu writes « العربية » in the
        # phone's font; the Arabic page's Latin words too).
        assert fonts == (["noto-sans-arabic-arabic-400"] if language == "ar" else ["noto-sans-latin-400"]), fonts
        # The reload: the page itself, and not one request for its files, not even a 304.
        assert (again.requests, again.revalidated) == (1, 0), again.files
        assert again.from_cache == first.requests - 1
    moderator.disconnect()
