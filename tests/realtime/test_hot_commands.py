"""The phones' ideas and ballots run without a Flask request context: their refusals still speak the phone's language."""
from __future__ import annotations

import pytest

from workshop.i18n import error_message

from .conftest import op


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_a_refused_ballot_or_idea_is_explained_in_the_phone_language(app, connect, room, language: str) -> None:
    phone = connect(code=room["code"], role="participant", lang=language)
    for event, payload in (("cast_votes", {"activity_id": 987654, "allocations": [], "op_id": op()}),
                           ("submit_idea", {"activity_id": 987654, "text": "Une idée", "op_id": op()})):
        ack = phone.emit(event, payload, callback=True)
        assert ack["ok"] is False and ack["error"]["code"] == "unknown_activity"
        with app.app_context():
            expected = error_message("unknown_activity", {"activity_id": 987654}, language)
        assert ack["error"]["message"] == expected
    with app.app_context():
        assert len({error_message("unknown_activity", {"activity_id": 1}, lang) for lang in ("fr", "ar", "en")}) == 3
