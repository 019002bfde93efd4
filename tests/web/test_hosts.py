"""Issue 7 §10: the server answers to its own names only, and its socket to pages of its own origin."""
from __future__ import annotations

from workshop.network import allowed_hosts, origin_check


def test_a_request_naming_another_host_is_refused(app) -> None:
    client = app.test_client()
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "evil.example:5000"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:5000"}).status_code == 200
    assert client.get("/", headers={"Host": "192.0.2.10:5000"}).status_code == 200  # the public URL's host


def test_allowed_hosts_default_to_local_and_lan_names_and_can_be_configured() -> None:
    default = allowed_hosts("", "0.0.0.0", "http://192.168.1.20:5000")
    assert {"localhost", "127.0.0.1", "192.168.1.20"} <= set(default) and "evil.example" not in default
    assert allowed_hosts("atelier.lan, 10.0.0.5", "0.0.0.0", "") == ["atelier.lan", "10.0.0.5"]


def test_origins_are_the_allowed_hosts_on_this_port_only() -> None:
    allowed = origin_check(["localhost", "192.168.1.20"], 5000, "http://192.168.1.20:5000")
    assert allowed("http://192.168.1.20:5000") and allowed("http://localhost:5000")
    assert not allowed("http://evil.example:5000")  # DNS rebinding: the page's origin names the attacker's host
    assert not allowed("http://localhost:8080")  # a page on another port of the laptop
    assert allowed(None)  # not a browser: no Origin to check (the moderator token still is)


def test_an_error_page_carries_no_client_strings(app) -> None:
    missing = app.test_client().get("/j/ZZZZZZ")
    assert missing.status_code == 404
    assert '"strings": {}' in missing.get_data(as_text=True)
    assert len(missing.data) < 8000  # it carried 23.5 KB of the pages' strings (issue 7)
