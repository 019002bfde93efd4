"""The phone page on a slow venue link: bytes on the wire and the time from join to the first acknowledged idea.

    python -m tests.bench.phone                       # what `make bench` runs
    python -m tests.bench.phone --json out.json      # the figures, and every request of each load

A fresh `workshop run` process on loopback; a moderator opens a brainstorm; Debian's Chromium (360×740, touch)
opens the join link through Chromium's network emulation (CDP `Network.emulateNetworkConditions`: 400 ms of
latency, 50 KB/s down and up, as a crowded hotel Wi-Fi) and counts, per load, the requests and the bytes on the
wire (`encodedDataLength`: headers + body as sent) and decoded. Then a reload counts what goes on the wire again
(a page whose files are cached as immutable sends no request for them). Finally the join is timed from
navigation to the first idea acknowledged by the server (the phone's « envoyé »), on a fresh profile, through
the same link, with and without a low-end phone's CPU (CDP `Emulation.setCPUThrottlingRate` 4×).
Timings on a shared 2-core box are noisy: run it a few times; the byte counts do not move.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import socketio

from tests.e2e.conftest import LiveServer
from tests.e2e.network import SLOW_LINK, Load, Recorder

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "locale": "fr-MA"}
LOW_END_CPU = 4
IDEA = "Les horaires des centres de santé ne sont pas adaptés"


def open_phone(browser, *, cpu: int = 1):  # type: ignore[no-untyped-def]
    context = browser.new_context(**PHONE)
    context.set_default_timeout(120_000)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    if cpu > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    return context, page, cdp


def measure_bytes(browser, join_url: str) -> dict[str, Load]:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect
    context, page, cdp = open_phone(browser)
    recorder = Recorder(cdp)
    loads = {}
    for name, navigate in (("first_load", lambda: page.goto(join_url, wait_until="load")),
                           ("reload", lambda: page.reload(wait_until="load"))):
        loads[name] = recorder.start()
        navigate()
        expect(page.locator("#connection")).to_have_attribute("data-state", "online")
        page.wait_for_timeout(1500)  # late requests (fonts found by layout)
    context.close()
    return loads


def time_join(browser, join_url: str, *, cpu: int) -> float:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect
    context, page, _ = open_phone(browser, cpu=cpu)
    started = time.perf_counter()
    page.goto(join_url, wait_until="commit")
    field_ = page.locator(".answer-form [name=answer]")
    field_.fill(IDEA)
    page.locator(".answer-form button[type=submit]").click()
    expect(page.locator(".my-answer", has_text=IDEA)).to_have_attribute("data-status", "sent")
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="timed joins per profile (median printed)")
    parser.add_argument("--json", type=Path, help="write the figures and every request here")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as folder:
        instance = Path(folder) / "instance"
        instance.mkdir()
        server = LiveServer(instance=instance, extra_env={"WORKSHOP_RATE_LIMIT_COUNT": "1000"})
        server.workshop("migrate")
        server.start()
        try:
            room = server.create_event()["rooms"][0]
            moderator = socketio.Client()
            moderator.connect(server.url, auth={"code": room["code"], "role": "moderator",
                                                "token": room["moderator_token"]}, transports=["websocket"])
            created = moderator.call("create_activity", {"type": "brainstorm", "prompt": "Quels obstacles pour accéder "
                                                         "aux soins ?", "config": {}}, timeout=10)
            moderator.call("set_phase", {"activity_id": created["activity_id"], "phase": "open"}, timeout=10)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                figures: dict = {}
                for language in ("fr", "ar"):
                    loads = measure_bytes(browser, f"{room['join_url']}?lang={language}")
                    figures[f"bytes_{language}"] = {name: asdict(load) for name, load in loads.items()}
                    for name, load in loads.items():
                        print(f"phone page ({language}) {name:10s}: {load.requests:2d} requests, "
                              f"{load.wire_bytes:7,d} B on the wire, {load.decoded_bytes:7,d} B decoded, "
                              f"{load.revalidated} revalidated (304), {load.from_cache} from cache")
                for label, cpu in (("phone", 1), ("low-end phone (CPU 4× slower)", LOW_END_CPU)):
                    times = [time_join(browser, room["join_url"], cpu=cpu) for _ in range(options.runs)]
                    figures[f"join_seconds_cpu{cpu}"] = times
                    print(f"join → first acknowledged idea, 400 ms / 50 KB/s, {label}: median "
                          f"{statistics.median(times):.1f} s (runs: {', '.join(f'{t:.1f}' for t in times)})")
                browser.close()
            moderator.disconnect()
        finally:
            server.stop()
    if options.json:
        options.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
