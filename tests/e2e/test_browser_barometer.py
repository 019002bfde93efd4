"""The barometer's dashboard in Debian's Chromium: a low-n cell is hatched on screen, the radar follows the region,
the page prints. Data comes in as a field team brings it: the edition's XLSForm filled, exported, imported."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from ..barometer.field_export import as_xlsx, fill
from .conftest import LiveServer
from .test_browser import LAPTOP, PROJECTOR, SHOTS, browser, needs_chromium, open_context, playwright_api  # noqa: F401

expect = playwright_api.expect
LEGAL_INDICATORS = ("sante_droit_soins_base", "sante_couverture_medicale", "sante_mediation_programme",
                    "sante_plainte_possible", "edu_droit_inscription", "edu_education_non_formelle",
                    "edu_donnees_publiees", "just_droit_aide_juridictionnelle", "just_enregistrement_naissance",
                    "just_voies_recours")


def console_token(server: LiveServer) -> str:
    """The console owner's token, as ``workshop run`` prints it on the laptop's terminal."""
    found = re.search(r"/m/\?token=([A-Za-z0-9_-]+)", server.log_path.read_text())
    assert found, server.log_path.read_text()[-2000:]
    return found.group(1)


def stripes(png: bytes, width: int = 14) -> tuple[int, int]:
    """(dark pixels, colours) in the cell's left strip, where no digit is drawn: stripes make both grow."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    strip = image.crop((2, 2, min(width, image.width - 2), image.height - 2))
    pixels = [strip.getpixel((x, y)) for y in range(strip.height) for x in range(strip.width)]
    dark = sum(1 for red, green, blue in pixels if red + green + blue < 400)
    return dark, len(set(pixels))


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_dashboard_shows_low_n_hatched_on_the_projector_and_prints(live_server: LiveServer, open_context,  # type: ignore[no-untyped-def]
                                                                    tmp_path: Path) -> None:
    live_server.workshop("barometer", "create-edition", "--title", "Baromètre 2026", "--json")
    form = tmp_path / "form.xlsx"
    live_server.workshop("barometer", "form", "1", "--out", str(form))
    headers, rows = fill(form.read_bytes(), {"casablanca_settat": 60, "oriental": 35, "souss_massa": 8})
    export = tmp_path / "export.xlsx"
    export.write_bytes(as_xlsx(headers, rows))
    assert '"imported": 103' in live_server.workshop("barometer", "import", "1", str(export), "--json")
    legal = tmp_path / "legal.csv"
    legal.write_text("indicator;score\n" + "".join(f"{key};50\n" for key in LEGAL_INDICATORS), encoding="utf-8")
    assert '"imported": 10' in live_server.workshop("barometer", "import-legal", "1", str(legal), "--json")

    context = open_context(**PROJECTOR)
    page = context.new_page()
    page.goto(f"{live_server.url}/m/?token={console_token(live_server)}")
    page.goto(f"{live_server.url}/m/barometer/1?view=projector&lang=fr")
    expect(page.locator("h1")).to_have_text("Baromètre 2026")
    low = page.locator("#scoreboard rect.cell-souss_massa-sante")
    normal = page.locator("#scoreboard rect.cell-casablanca_settat-sante")
    expect(low).to_have_class(re.compile(r"\blow-n\b"))
    expect(normal).not_to_have_class(re.compile(r"\blow-n\b"))
    assert page.locator("#scoreboard rect.hatch").count() >= 3  # Souss-Massa's three sectors at least
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "barometer-dashboard-projector.png"), full_page=True)
    low_dark, low_colours = stripes(low.screenshot(path=str(SHOTS / "barometer-cell-low-n.png")))
    normal_dark, normal_colours = stripes(normal.screenshot(path=str(SHOTS / "barometer-cell-normal.png")))
    assert low_dark > 20 and low_colours > 4, (low_dark, low_colours)  # the stripes are drawn
    assert normal_dark == 0 and normal_colours <= 3, (normal_dark, normal_colours)  # a plain fill

    page.select_option("#radar-region", "oriental")
    expect(page.locator('.radar-frame[data-region="oriental"]')).to_be_visible()
    expect(page.locator('.radar-frame[data-region="national"]')).to_be_hidden()

    page.emulate_media(media="print")
    expect(page.locator(".writer-nav")).to_be_hidden()
    expect(page.locator("#scoreboard svg")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 20_000

    arabic = open_context(**LAPTOP).new_page()
    arabic.goto(f"{live_server.url}/m/?token={console_token(live_server)}")
    arabic.goto(f"{live_server.url}/m/barometer/1?lang=ar")
    expect(arabic.locator("html")).to_have_attribute("dir", "rtl")
    expect(arabic.locator("#scoreboard-title")).to_have_text("جدول الدرجات: الجهات × القطاعات")
    arabic.screenshot(path=str(SHOTS / "barometer-dashboard-ar.png"), full_page=True)


@pytest.mark.browser
@pytest.mark.e2e
@needs_chromium
def test_a_phone_answers_the_questionnaire_in_arabic_through_a_server_crash(live_server: LiveServer,  # type: ignore[no-untyped-def]
                                                                             open_context) -> None:
    import json

    import requests
    import socketio

    from .test_browser import PHONE, call

    live_server.workshop("barometer", "create-edition", "--title", "Baromètre 2026", "--json")
    room = live_server.create_event(title="Atelier baromètre", rooms=("Salle 1",))["rooms"][0]
    owner = requests.Session()
    owner.get(f"{live_server.url}/m/?token={console_token(live_server)}", timeout=10)
    console_page = owner.get(f"{live_server.url}/m/barometer/1/console", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', console_page).group(1)  # as the page's form sends it
    added = owner.post(f"{live_server.url}/m/barometer/1/console/survey", timeout=30, allow_redirects=False,
                       data={"room": room["code"], "prompt": "Baromètre", "csrf_token": csrf})
    assert added.status_code == 302
    moderator = socketio.Client()
    moderator.connect(live_server.url, auth={"code": room["code"], "role": "moderator",
                                             "token": room["moderator_token"]}, transports=["websocket"])
    exported = json.loads(live_server.workshop("export", room["code"], "--format", "json"))
    activity_id = next(item["id"] for item in exported["activities"] if item["type"] == "survey")
    call(moderator, "set_phase", {"activity_id": activity_id, "phase": "open"})
    moderator.disconnect()

    context = open_context(**(PHONE | {"locale": "ar-MA"}))
    phone = context.new_page()
    phone.goto(room["join_url"] + "?lang=ar")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(".survey-question")).to_have_text("في أي جهة تقيم(ين)؟")
    expect(phone.locator(".survey-progress")).to_have_text("السؤال 1 من 27")
    phone.get_by_label("جهة الشرق").check()
    phone.get_by_role("button", name="التالي").click()
    expect(phone.locator(".survey-progress")).to_have_text("السؤال 2 من 27")
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent")
    phone.get_by_label("لاجئ(ة)").check()
    phone.get_by_role("button", name="التالي").click()
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / "barometer-survey-phone-ar.png"))

    live_server.kill()  # the Wi-Fi or the laptop goes: the answer waits in the phone's outbox
    phone.get_by_label("امرأة").check()
    phone.get_by_role("button", name="التالي").click()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "waiting")
    live_server.start()
    expect(phone.locator(".ballot-status")).to_have_attribute("data-status", "sent", timeout=20_000)
    # Reopened later, the phone resumes at the first question not answered: the fourth.
    phone.reload()
    expect(phone.locator(".survey-progress")).to_have_text("السؤال 4 من 27")

    scores = json.loads(live_server.workshop("barometer", "scores", "1", "--json"))
    assert scores["edition"]["responses"] == 1
