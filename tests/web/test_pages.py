import json

import pytest

from workshop.services.events import create_event


@pytest.fixture
def event(app):  # type: ignore[no-untyped-def]
    return create_event(app.extensions["workshop"], title="Rencontre nationale SNI", room_names=["Plénière", "Atelier"])


def test_every_page_sends_a_strict_content_security_policy(app, event) -> None:
    client = app.test_client()
    code = event.rooms[0][1]
    for path in ("/", f"/j/{code}", f"/s/{code}", "/m/login"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"


def test_join_by_typed_code(app, event) -> None:
    client = app.test_client()
    code = event.rooms[0][1]
    response = client.get("/join", query_string={"code": code.lower()})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/j/{code}")
    assert client.get("/join", query_string={"code": "ZZZZZZ"}).status_code == 404
    assert client.get("/j/ZZZZZZ").status_code == 404


def test_a_wrong_code_stays_in_the_field_with_the_error_beside_it(app, event) -> None:
    page = app.test_client().get("/join", query_string={"code": "ab12x9", "lang": "fr"}).get_data(as_text=True)
    assert 'value="ab12x9"' in page and 'aria-invalid="true"' in page and 'aria-describedby="code-error"' in page
    assert '<p id="code-error" class="error field-error" role="alert">' in page
    assert page.index('id="code"') < page.index('id="code-error"') < page.index('type="submit"')


def test_pages_hand_their_module_a_data_island(app, event) -> None:
    code = event.rooms[0][1]
    html = app.test_client().get(f"/j/{code}").get_data(as_text=True)
    island = html.split('<script type="application/json" id="page-data">')[1].split("</script>")[0]
    data = json.loads(island)
    assert data["code"] == code and data["lang"] == "fr" and data["strings"]["sent"]


def test_join_qr_carries_the_lan_address(app, event) -> None:
    response = app.test_client().get(f"/qr/{event.rooms[0][1]}.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.get_data(as_text=True).lstrip().startswith("<?xml")


def test_moderator_pages_need_a_token(app, event) -> None:
    client = app.test_client()
    code = event.rooms[0][1]
    for path in ("/m/", f"/m/{code}", f"/m/{code}/export.json"):
        response = client.get(path)
        assert response.status_code == 302 and "/m/login" in response.headers["Location"], path
    assert client.post("/m/login", data={"token": "not-the-token-at-all"}).status_code == 401


def test_token_in_url_becomes_a_session_and_leaves_the_address_bar(app, event) -> None:
    client = app.test_client()
    code = event.rooms[0][1]
    response = client.get(f"/m/{code}", query_string={"token": event.moderator_token})
    assert response.status_code == 302 and response.headers["Location"] == f"/m/{code}"
    assert client.get(f"/m/{code}").status_code == 200
    document = json.loads(client.get(f"/m/{code}/export.json").get_data(as_text=True))
    assert document["room"]["code"] == code
    other = create_event(app.extensions["workshop"], title="Autre", room_names=["r"])
    assert client.get(f"/m/{other.rooms[0][1]}").status_code == 403


def test_console_owner_creates_events_from_the_browser(app, event) -> None:
    from workshop.services.access import issue_console_token

    client = app.test_client()
    token = issue_console_token(app.extensions["workshop"])
    client.post("/m/login", data={"token": token})
    response = client.post("/m/", data={"title": "Rencontre régionale SRI", "rooms": "Plénière\nAtelier\n"})
    assert response.status_code == 302
    page = client.get("/m/").get_data(as_text=True)
    assert "Rencontre régionale SRI" in page and "Rencontre nationale SNI" in page


def test_event_moderator_cannot_create_events(app, event) -> None:
    client = app.test_client()
    client.post("/m/login", data={"token": event.moderator_token})
    assert client.post("/m/", data={"title": "x", "rooms": "y"}).status_code == 403
