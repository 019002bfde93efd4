"""A socket fuzzer over every documented event (issue 7).

Hypothesis writes commands — each documented event, with its fields of the wrong type, missing, huge or negative
numbers, NaN and infinities, deep nesting, binary attachments, unknown and real ids, plus reserved and unknown
event names — and sends them through the Socket.IO server's own packet handling (Flask-SocketIO's test client
feeds ``_handle_eio_message``, where a socket's bytes arrive), as a phone and as a moderator, several commands
per connection. Two figures are printed and must be 0: unhandled exceptions in the server's log, and commands
that did not get exactly one acknowledgement. Afterwards a moderator and a projector still connect and the JSON
export still works.

``make test`` runs FUZZ_CASES commands (10^4 by default); ``make fuzz`` runs 10^5 (WORKSHOP_FUZZ_CASES).
"""
from __future__ import annotations

import logging
import os
import uuid
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from socketio import packet

from workshop import create_app
from workshop.activities import REGISTRY
from workshop.migrate import upgrade
from workshop.realtime.namespace import WorkshopNamespace
from workshop.services.events import create_event

CASES = int(os.environ.get("WORKSHOP_FUZZ_CASES", "10000"))
PER_CONNECTION = 25  # commands sent on one connection before Hypothesis draws the next batch

# Every documented event (docs/events.md) and the fields it reads.
FIELDS: dict[str, tuple[str, ...]] = {
    "submit_idea": ("activity_id", "text", "op_id"),
    "cast_votes": ("activity_id", "allocations", "op_id"),
    "update_profile": ("pseudonym", "tags", "op_id"),
    "create_activity": ("type", "prompt", "config", "op_id"),
    "update_activity": ("activity_id", "prompt", "config", "op_id"),
    "move_activity": ("activity_id", "position", "op_id"),
    "delete_activity": ("activity_id", "op_id"),
    "set_phase": ("activity_id", "phase", "op_id"),
    "show_activity": ("activity_id", "op_id"),
    "set_premoderation": ("enabled", "op_id"),
    "hide_idea": ("idea_id", "op_id"),
    "restore_idea": ("idea_id", "op_id"),
    "approve_idea": ("idea_id", "op_id"),
    "merge_ideas": ("target_id", "source_ids", "op_id"),
    "unmerge_idea": ("idea_id", "op_id"),
    "create_cluster": ("activity_id", "label", "idea_ids", "op_id"),
    "rename_cluster": ("activity_id", "cluster_id", "label", "op_id"),
    "move_ideas": ("activity_id", "idea_ids", "cluster_id", "op_id"),
    "merge_clusters": ("activity_id", "target_id", "source_ids", "op_id"),
    "split_cluster": ("activity_id", "cluster_id", "idea_ids", "label", "op_id"),
    "delete_cluster": ("activity_id", "cluster_id", "op_id"),
    "undo_clustering": ("activity_id", "op_id"),
    "get_clustering_log": ("activity_id",),
    "suggest_clusters": ("activity_id",),
    "promote_to_axis": ("activity_id", "cluster_ids", "idea_ids", "title", "theme", "op_id"),
    # The self-assessment of organisational capacities (docs/capacities.md)
    "questionnaire_state": ("activity_id",),
    "answer_item": ("activity_id", "organisation", "role", "item", "level", "evidence", "comment", "op_id"),
    "capacities_overview": (),
    "edit_questionnaire": ("edit", "params", "op_id"),
    "consensus_sheet": ("organisation", "round"),
    "record_consensus": ("organisation", "round", "item", "level", "note", "op_id"),
    "save_plan_action": ("action_id", "fields", "op_id"),
    "delete_plan_action": ("action_id", "op_id"),
    "propose_plan": (),
    "edit_room": ("name", "theme", "versions"),
    "edit_event": ("title", "place", "dates", "project_name", "organisers", "partners", "versions", "decisions",
                   "next_steps", "strategy_title", "vision", "version_label", "regions", "strategy_versions"),
}
ODD_NAMES = ("connect", "disconnect", "connect_error", "disconnecting", "newListener", "message", "error",
             "no_such_event", "", "on_connect", "__init__", "clients")

PARTICIPANT_EVENTS = ("submit_idea", "cast_votes", "update_profile", "questionnaire_state", "answer_item")

# A fresh database numbers everything from 1: small integers are real ids (activities, ideas, clusters, axes).
_small = st.integers(min_value=-3, max_value=12)
_numbers = st.one_of(
    _small, _small, _small, st.integers(min_value=1, max_value=6), st.integers(),
    st.sampled_from([2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, -(10**30)]),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans())
_texts = st.one_of(st.text(max_size=40), st.sampled_from(["", "\u200b", "\ufeff\u2060", "\u3164", "a" * 2000,
                                                         "<script>alert(1)</script>", "open", "revealed", "ideas"]))
_scalars = st.one_of(_numbers, _numbers, _texts, _texts, st.none(), st.binary(max_size=16))
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                       max_leaves=12)
_deep = st.integers(min_value=5, max_value=60).map(lambda depth: _nest(depth))
_op_ids = st.one_of(st.just(None), st.builds(lambda: uuid.uuid4().hex), st.builds(lambda: uuid.uuid4().hex), _values)


def _nest(depth: int) -> Any:
    value: Any = 1
    for index in range(depth):
        value = [value] if index % 2 else {"k": value}
    return value


def _field_value(name: str) -> st.SearchStrategy[Any]:
    plausible = {
        "type": st.sampled_from(sorted(REGISTRY)), "phase": st.sampled_from(["draft", "open", "closed", "revealed"]),
        "allocations": st.lists(st.fixed_dictionaries({"target_id": _numbers, "points": _numbers},
                                                      optional={"criterion": _values}), max_size=5),
        "config": st.dictionaries(st.sampled_from(["options", "source_activity_id", "budget", "items", "target",
                                                   "criteria", "max_ranked", "live_results"]), _values, max_size=4),
        "tags": st.dictionaries(st.sampled_from(["organisation_type", "region", "x"]), _values, max_size=2),
    }.get(name)
    if name.endswith("_ids"):
        plausible = st.lists(_numbers, max_size=5)
    if name in ("text", "prompt", "label", "title", "pseudonym", "organisation", "role", "item", "evidence",
                "comment", "note", "round", "edit"):
        plausible = _texts
    if name == "op_id":
        return _op_ids
    if plausible is None:
        plausible = _numbers if name.endswith("_id") or name in ("position", "level") else _values
    return st.one_of(plausible, plausible, plausible, _values)


def _payload(event: str) -> st.SearchStrategy[Any]:
    fields = FIELDS.get(event, ("activity_id",))
    documented = st.fixed_dictionaries({}, optional={field: _field_value(field) for field in fields})
    return st.one_of(*[documented] * 8, _values, _deep)


def _commands(role: str) -> st.SearchStrategy[tuple[str, Any]]:
    """Mostly the role's own events; sometimes the other role's, reserved or unknown names."""
    own = [event for event in sorted(FIELDS) if (event in PARTICIPANT_EVENTS) == (role == "participant")]
    others = [event for event in sorted(FIELDS) if event not in own] + list(ODD_NAMES)

    def command(events: list[str]) -> st.SearchStrategy[tuple[str, Any]]:
        return st.sampled_from(events).flatmap(lambda event: st.tuples(st.just(event), _payload(event)))

    return st.one_of(command(own), command(own), command(own), command(own), command(others))


class ServerLog(logging.Handler):
    """Unhandled exceptions: records with a traceback, or at ERROR and above, from the server's loggers."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.unhandled: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or (record.levelno >= logging.ERROR and not record.getMessage().startswith("activity ")):
            self.unhandled.append(f"{record.name}: {record.getMessage()[:300]}")


def test_the_documented_events_are_every_handler() -> None:
    handlers = {name[3:] for name in dir(WorkshopNamespace) if name.startswith("on_")} - {"connect", "disconnect"}
    assert handlers == set(FIELDS)


@pytest.fixture
def app(settings):  # type: ignore[no-untyped-def]
    """Budgets far above the fuzzer's pace: its commands reach the handlers instead of the flood guard."""
    upgrade(settings.database_url)
    app = create_app(replace(settings, socket_burst=10**6, socket_rate=10**6, rate_limit_count=10**6))
    app.config["TESTING"] = True
    yield app
    app.extensions["workshop"].db.dispose()


def test_fuzzing_every_event_leaves_no_exception_and_no_command_without_one_ack(app, capsys) -> None:
    socketio = app.extensions["socketio"]
    ctx = app.extensions["workshop"]
    created = create_event(ctx, title="Fuzz", room_names=["Salle"])
    code, token = created.rooms[0][1], created.moderator_token
    moderator = socketio.test_client(app, auth={"code": code, "role": "moderator", "token": token})
    phone = socketio.test_client(app, auth={"code": code, "role": "participant"})
    brainstorm = moderator.emit("create_activity", {"type": "brainstorm", "prompt": "Idées", "config": {}},
                                callback=True)["activity_id"]
    moderator.emit("set_phase", {"activity_id": brainstorm, "phase": "open"}, callback=True)
    ideas = [phone.emit("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": uuid.uuid4().hex},
                        callback=True)["idea_id"] for text in ("Santé", "École")]
    vote = moderator.emit("create_activity", {"type": "dot_voting", "prompt": "Vote",
                                              "config": {"source_activity_id": brainstorm}}, callback=True)["activity_id"]
    assert min(brainstorm, vote, *ideas) >= 1 and max(brainstorm, vote, *ideas) <= 6  # within the fuzzer's ids

    # Count acknowledgements per connection as the server sends them (the test client keeps only the last).
    acks: dict[str, int] = {}
    send_packet = socketio.server._send_packet

    outcomes: Counter[str] = Counter()

    def counting(eio_sid: str, pkt: Any) -> None:
        if pkt.packet_type == packet.ACK:
            acks[eio_sid] = acks.get(eio_sid, 0) + 1
            answer = pkt.data[0] if pkt.data else None
            outcomes["ok" if isinstance(answer, dict) and answer.get("ok") else
                     str((answer or {}).get("error", {}).get("code")) if isinstance(answer, dict) else "?"] += 1
        send_packet(eio_sid, pkt)

    socketio.server._send_packet = counting
    log = ServerLog()
    loggers = [logging.getLogger(name) for name in ("workshop", "socketio", "engineio", "flask_socketio")]
    for logger in loggers:
        logger.addHandler(log)
    sent = {"commands": 0, "without_one_ack": 0}
    clients = {"moderator": moderator, "participant": phone}

    @settings(max_examples=max(1, CASES // PER_CONNECTION), deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(work=st.sampled_from(sorted(clients)).flatmap(lambda role: st.tuples(
        st.just(role), st.lists(_commands(role), min_size=PER_CONNECTION, max_size=PER_CONNECTION))))
    def batch(work: tuple[str, list[tuple[str, Any]]]) -> None:
        role, commands = work
        client = clients[role]
        if not client.is_connected():  # a refused flood may close it: a new connection, as a phone would
            client = clients[role] = socketio.test_client(
                app, auth={"code": code, "role": role, "token": token if role == "moderator" else None})
        for event, payload in commands:
            before = acks.get(client.eio_sid, 0)
            client.emit(event, payload, callback=True)
            sent["commands"] += 1
            if acks.get(client.eio_sid, 0) - before != 1:
                sent["without_one_ack"] += 1
            client.get_received()

    try:
        batch()
    finally:
        socketio.server._send_packet = send_packet
        for logger in loggers:
            logger.removeHandler(log)
    with capsys.disabled():
        print(f"\nfuzzer: {sent['commands']} commands, {len(log.unhandled)} unhandled exceptions in the server log, "
              f"{sent['without_one_ack']} commands without exactly one ack")
        print("acks:", ", ".join(f"{code} {count}" for code, count in outcomes.most_common(12)))
    assert sent["commands"] >= CASES
    assert log.unhandled == [] and sent["without_one_ack"] == 0, log.unhandled[:5]
    # The room still stands: a moderator and a projector connect, the JSON export works.
    assert socketio.test_client(app, auth={"code": code, "role": "moderator", "token": token}).is_connected()
    assert socketio.test_client(app, auth={"code": code, "role": "screen"}).is_connected()
    browser = app.test_client()
    browser.get(f"/m/{code}", query_string={"token": token})  # the link's token becomes a session
    assert browser.get(f"/m/{code}/download/json").status_code == 200
