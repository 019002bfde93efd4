"""Protocol hygiene (issue 7): reserved names, unknown events, numbers no column holds, one ack each, one log line."""
from __future__ import annotations

import logging

import pytest

from workshop.domain.budgets import KeyedBudget, TokenBucket
from workshop.realtime.guard import ADMITTED, DISCONNECT, REFUSED, FloodGuard, Limits

from .conftest import op


@pytest.fixture
def brainstorm(connect, room):  # type: ignore[no-untyped-def]
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    activity = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Idées ?", "config": {}},
                              callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": activity, "phase": "open"}, callback=True)
    return activity


def test_reserved_and_unknown_event_names_are_refused_with_one_ack(app, connect, room, brainstorm, caplog) -> None:
    caplog.set_level(logging.INFO)
    phone = connect(code=room["code"], role="participant", lang="en")
    presence = app.extensions["workshop"].publisher.presence
    assert presence.connected(room["code"]) == 1
    for name in ("disconnect", "connect", "connect_error", "disconnecting", "newListener", "no_such_event"):
        ack = phone.emit(name, {"activity_id": brainstorm}, callback=True)
        assert ack == {"ok": False, "error": {"code": "invalid_payload", "message": "This request is not well formed."}}
    assert phone.is_connected()
    assert presence.connected(room["code"]) == 1  # the fake "disconnect" did not drop the phone from the count
    ack = phone.emit("submit_idea", {"activity_id": brainstorm, "text": "Toujours là", "op_id": op()}, callback=True)
    assert ack["ok"] is True
    assert not any(record.exc_info for record in caplog.records)


@pytest.mark.parametrize("payload", [
    {"activity_id": 2**64, "text": "x"}, {"activity_id": 10**30, "text": "x"}, {"activity_id": -(2**70), "text": "x"},
    {"activity_id": float("nan"), "text": "x"}, {"activity_id": float("inf"), "text": "x"},
    {"activity_id": 1, "text": "x", "deep": [[[[[[[[[[[[1]]]]]]]]]]]]},
])
def test_numbers_no_column_holds_are_invalid_payloads(connect, room, brainstorm, payload, caplog) -> None:
    caplog.set_level(logging.INFO)
    phone = connect(code=room["code"], role="participant")
    ack = phone.emit("submit_idea", {**payload, "op_id": op()}, callback=True)
    assert ack["ok"] is False and ack["error"]["code"] == "invalid_payload"
    assert set(ack["error"]) == {"code", "message"}
    refusals = [record for record in caplog.records if record.getMessage().startswith("refused submit_idea")]
    assert len(refusals) == 1 and refusals[0].exc_info is None


@pytest.mark.parametrize(("activity_id", "code"), [(0, "unknown_activity"), (-1, "unknown_activity"),
                                                   (2**63 - 1, "unknown_activity"), ("1", "invalid_type"),
                                                   (True, "invalid_type")])
def test_ids_out_of_range_are_unknown(connect, room, brainstorm, activity_id, code) -> None:
    phone = connect(code=room["code"], role="participant")
    for event, extra in (("submit_idea", {"text": "x"}), ("cast_votes", {"allocations": []})):
        ack = phone.emit(event, {"activity_id": activity_id, **extra, "op_id": op()}, callback=True)
        assert ack["error"]["code"] == code, (event, ack)


def test_moderator_ids_out_of_range(connect, room, brainstorm) -> None:
    moderator = connect(code=room["code"], role="moderator", token=room["token"])
    for event, payload, code in (("hide_idea", {"idea_id": 2**63}, "invalid_payload"),
                                 ("hide_idea", {"idea_id": 0}, "unknown_idea"),
                                 ("move_ideas", {"activity_id": brainstorm, "idea_ids": [-3], "cluster_id": None},
                                  "unknown_idea"),
                                 ("rename_cluster", {"activity_id": brainstorm, "cluster_id": 0, "label": "x"},
                                  "unknown_cluster"),
                                 ("move_activity", {"activity_id": brainstorm, "position": 10**40}, "invalid_payload")):
        ack = moderator.emit(event, {**payload, "op_id": op()}, callback=True)
        assert ack["error"]["code"] == code, (event, ack)


def test_invisible_text_is_empty(connect, room, brainstorm) -> None:
    phone = connect(code=room["code"], role="participant")
    for text in ("\u200b\u200b", "\ufeff", "\u2060 \u3164"):
        ack = phone.emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()}, callback=True)
        assert ack["error"]["code"] == "text_empty"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_at_its_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(3, 2.0, clock)
    assert [bucket.take() for _ in range(4)] == [True, True, True, False]
    clock.now = 0.5  # one token back
    assert [bucket.take(), bucket.take()] == [True, False]
    clock.now = 100.0  # never more than its capacity
    assert sum(bucket.take() for _ in range(10)) == 3


def test_guard_refuses_then_disconnects_a_connection_that_keeps_flooding() -> None:
    clock = Clock()
    guard = FloodGuard(Limits(burst=5, per_second=1, in_flight=100, refusals_burst=10, refusals_per_second=1), clock)
    verdicts = [guard.admit("flooder") for _ in range(20)]
    assert verdicts[:5] == [ADMITTED] * 5
    assert verdicts[5:15] == [REFUSED] * 10
    assert verdicts[15:] == [DISCONNECT] * 5
    assert guard.admit("honest") == ADMITTED  # budgets are per connection


def test_guard_bounds_the_events_of_one_connection_in_flight() -> None:
    guard = FloodGuard(Limits(burst=100, per_second=100, in_flight=2), Clock())
    assert [guard.admit("phone") for _ in range(3)] == [ADMITTED, ADMITTED, REFUSED]
    guard.done("phone")
    assert guard.admit("phone") == ADMITTED


def test_a_trusted_connection_gets_its_own_limits() -> None:
    from workshop.realtime.guard import MODERATOR_LIMITS

    guard = FloodGuard(Limits(burst=2, per_second=0.001), Clock())
    guard.trust("console", MODERATOR_LIMITS)
    assert [guard.admit("phone") for _ in range(3)] == [ADMITTED, ADMITTED, REFUSED]
    admitted = [guard.admit("console") for _ in range(MODERATOR_LIMITS.burst)]
    for _ in range(MODERATOR_LIMITS.burst):
        guard.done("console")
    assert admitted.count(ADMITTED) == MODERATOR_LIMITS.in_flight  # in hand at once, still bounded
