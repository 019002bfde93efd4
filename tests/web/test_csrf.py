"""Issue 7 §9: every moderator form and JSON write needs the page's CSRF token (a page on another port of the same
host once created an event through the console owner's browser)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop.services.access import issue_console_token
from workshop.services.events import create_event

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture
def csrf_app(app):  # type: ignore[no-untyped-def]
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def token_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page) or re.search(r'"csrf_token": "([^"]+)"', page)
    assert found, "the page carries no CSRF token"
    return found.group(1)


def test_every_post_form_carries_the_token() -> None:
    for template in TEMPLATES.rglob("*.html"):
        for form in re.findall(r"<form\b[^>]*>", template.read_text()):
            if 'method="post"' in form.lower():
                after = template.read_text().split(form, 1)[1][:200]
                assert 'name="csrf_token"' in after, f"{template.name}: {form}"


def test_a_form_posted_from_elsewhere_is_refused(csrf_app) -> None:
    owner = csrf_app.test_client()
    console = issue_console_token(csrf_app.extensions["workshop"])
    login_page = owner.get("/m/login").get_data(as_text=True)
    assert owner.post("/m/login", data={"token": console}).status_code == 400  # no token: refused
    assert owner.post("/m/login", data={"token": console, "csrf_token": token_of(login_page)}).status_code == 302
    # A page of another origin makes the browser post with its cookies, but cannot read the token.
    assert owner.post("/m/", data={"title": "Piège", "rooms": "x"}).status_code == 400
    page = owner.get("/m/").get_data(as_text=True)
    assert "Piège" not in page
    created = owner.post("/m/", data={"title": "Rencontre", "rooms": "Plénière", "csrf_token": token_of(page)})
    assert created.status_code == 302


def test_json_writes_need_the_header(csrf_app) -> None:
    event = create_event(csrf_app.extensions["workshop"], title="Rencontre", room_names=["Plénière"])
    client = csrf_app.test_client()
    client.get(f"/m/{event.rooms[0][1]}?token={event.moderator_token}")
    page = client.get(f"/m/{event.rooms[0][1]}/downloads").get_data(as_text=True)
    body = {"kind": "room", "target": event.rooms[0][1], "format": "json"}
    assert client.post("/m/exports", data=body).status_code == 400
    started = client.post("/m/exports", data=body, headers={"X-CSRFToken": token_of(page)})
    assert started.status_code == 200 and started.get_json()["ok"] is True
