"""A live room against the real server process: many phones, a crash, concurrent ballots, replays, oversize frames.

Every check ends in the JSON export (``workshop export CODE --format json``), read by a separate process from the
same SQLite file: what the phones were told (their acks) must be exactly what the database holds.

Long on purpose: each story runs against one real server process (crash, replays, concurrent ballots), checked through the same export helpers.
"""
from __future__ import annotations

import csv
import itertools
import json
import random
import threading
import time
import unicodedata
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import socketio
import websocket

from .conftest import LiveServer

pytestmark = pytest.mark.e2e

# Real public statements (Pol.is open data, CC BY 4.0), kept in the repository: tests/data/polis/ATTRIBUTION.md.
POLIS = Path(__file__).resolve().parents[1] / "data" / "polis"
HIGH_RATE_LIMIT = {"WORKSHOP_RATE_LIMIT_COUNT": "100000", "WORKSHOP_RATE_LIMIT_SECONDS": "1"}


# Realistic texts ---------------------------------------------------------------------------------------------


def _statements() -> list[str]:
    """Real participant statements (Polis open data, column comment-body), as the server will store them."""
    texts: list[str] = []
    for path in sorted(POLIS.glob("*/comments.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = " ".join(unicodedata.normalize("NFC", row.get("comment-body") or "").split())
                if 0 < len(text) <= 280:  # a brainstorm's default max_length
                    texts.append(text)
    if not texts:  # keep the tests meaningful on a machine without the shared data
        texts = [f"Proposition {i} : ouvrir la salle des fêtes aux associations du quartier." for i in range(50)]
    return texts


STATEMENTS = _statements()


def op(prefix: str = "op") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:20]}"


# A phone (or projector, or moderator console) ----------------------------------------------------------------


class ConnectionLost(Exception):
    """The socket closed while a command waited for its acknowledgement."""


class Phone:
    """One Socket.IO connection over websocket only; ``call`` waits for the ack but fails fast on a disconnect."""

    def __init__(self, server: LiveServer, code: str, role: str = "participant", token: str | None = None) -> None:
        self.server, self.code, self.role, self.token = server, code, role, token
        self.sio = socketio.Client(reconnection=False)
        self.state: dict[str, Any] | None = None
        self.public_id: str | None = None
        self.received: dict[str, list[Any]] = defaultdict(list)
        self._state_ready = threading.Event()
        self.disconnected = threading.Event()
        self.sio.on("room_state", self._on_state)
        self.sio.on("disconnect", lambda *reason: self.disconnected.set())
        for name in ("ideas_submitted", "activity_changed", "results_updated"):
            self.sio.on(name, lambda payload, name=name: self.received[name].append(payload))

    def _on_state(self, state: dict[str, Any]) -> None:
        self.state = state
        if self.role == "participant":
            self.token = state["participant_token"]
            self.public_id = state["participant"]["id"]
        self._state_ready.set()

    def connect(self, timeout: float = 10) -> "Phone":
        auth = {"code": self.code, "role": self.role}
        if self.token:
            auth["token"] = self.token
        self.sio.connect(self.server.url, auth=auth, transports=["websocket"], wait_timeout=timeout)
        if not self._state_ready.wait(timeout):
            self.close()
            raise ConnectionLost("no room_state after connect")
        return self

    def call(self, event: str, data: dict[str, Any], timeout: float = 15) -> dict[str, Any]:
        answered = threading.Event()
        box: list[Any] = []

        def on_ack(*args: Any) -> None:
            box.append(args[0] if args else None)
            answered.set()

        try:
            self.sio.emit(event, data, callback=on_ack)
        except socketio.exceptions.SocketIOError as error:
            raise ConnectionLost(str(error)) from error
        deadline = time.monotonic() + timeout
        while not answered.wait(0.02):
            if self.disconnected.is_set():
                raise ConnectionLost(f"{event}: disconnected before the ack")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{event}: no ack within {timeout} s; a handler that raises sends none, see "
                                   f"{self.server.instance}/server-{self.server.port}.log")
        return box[0]

    def close(self) -> None:
        try:
            self.sio.disconnect()
        except Exception:  # already gone with the server
            pass
        # python-engineio's client leaves its websocket open when the server vanished (transport error): close it.
        ws = getattr(self.sio.eio, "ws", None)
        if ws is not None:
            ws.shutdown()


def ok(ack: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(ack, dict) and ack.get("ok") is True, ack
    return ack


# Room helpers -------------------------------------------------------------------------------------------------


class Room:
    """An event with one room on a live server, driven by a connected moderator."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        created = server.create_event(title="Atelier e2e", rooms=("Plénière",))
        self.code: str = created["rooms"][0]["code"]
        self.moderator = Phone(server, self.code, role="moderator", token=created["rooms"][0]["moderator_token"]).connect()

    def activity(self, type_name: str, prompt: str, config: dict[str, Any] | None = None, *, open_it: bool = True) -> int:
        activity_id = ok(self.moderator.call("create_activity", {"type": type_name, "prompt": prompt,
                                                                 "config": config or {}, "op_id": op("mod")}))["activity_id"]
        if open_it:
            self.phase(activity_id, "open")
        return activity_id

    def phase(self, activity_id: int, phase: str) -> None:
        ok(self.moderator.call("set_phase", {"activity_id": activity_id, "phase": phase, "op_id": op("mod")}))

    def phones(self, count: int, *, token: str | None = None) -> list[Phone]:
        with ThreadPoolExecutor(max_workers=min(count, 32)) as pool:
            return list(pool.map(lambda _: Phone(self.server, self.code, token=token).connect(), range(count)))

    def export(self) -> dict[str, Any]:
        return json.loads(self.server.workshop("export", self.code, "--format", "json"))


def activity_in(document: dict[str, Any], activity_id: int) -> dict[str, Any]:
    return next(activity for activity in document["activities"] if activity["id"] == activity_id)


def ballots_by_participant(activity: dict[str, Any]) -> dict[str, dict[int, int]]:
    ballots: dict[str, dict[int, int]] = defaultdict(dict)
    for vote in activity["votes"]:
        assert vote["target_id"] not in ballots[vote["participant"]], f"two votes on one target: {vote}"
        ballots[vote["participant"]][vote["target_id"]] = vote["points"]
    return dict(ballots)


def random_ballot(rng: random.Random, targets: list[int], *, total: int, max_per_item: int) -> dict[int, int]:
    """Spread exactly ``total`` points over random targets, at most ``max_per_item`` each."""
    ballot: dict[int, int] = {}
    while sum(ballot.values()) < total:
        target = rng.choice(targets)
        if ballot.get(target, 0) < max_per_item:
            ballot[target] = ballot.get(target, 0) + 1
    return ballot


def wire(ballot: dict[int, int]) -> list[dict[str, int]]:
    return [{"target_id": target, "points": points} for target, points in ballot.items()]


def close_all(phones: list[Phone]) -> None:
    for phone in phones:
        phone.close()


@pytest.fixture
def loaded_server(live_server: LiveServer) -> Iterator[LiveServer]:
    """The live server restarted with a rate limit far above the load (extra_env is read at start())."""
    live_server.stop()
    live_server.extra_env.update(HIGH_RATE_LIMIT)
    live_server.start()
    yield live_server


# a. Fifty phones brainstorm, then dot-vote --------------------------------------------------------------------


def test_fifty_phones_submit_and_vote_exactly_as_acknowledged(live_server: LiveServer) -> None:
    rng = random.Random(1)
    room = Room(live_server)
    screen = Phone(live_server, room.code, role="screen").connect()
    brainstorm = room.activity("brainstorm", "Quelles priorités pour le quartier ?")
    phones = room.phones(50)
    assert len({phone.public_id for phone in phones}) == 50
    texts = iter(itertools.cycle(rng.sample(STATEMENTS, len(STATEMENTS))))
    plans = [[(op(f"idea{n}"), next(texts)) for _ in range(3)] for n in range(len(phones))]

    def submit(phone: Phone, plan: list[tuple[str, str]]) -> list[tuple[str, str, dict[str, Any]]]:
        return [(op_id, text, phone.call("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op_id}))
                for op_id, text in plan]

    with ThreadPoolExecutor(max_workers=len(phones)) as pool:
        submitted = list(pool.map(submit, phones, plans))
    acked: dict[str, tuple[int, str, str]] = {}  # op_id -> (idea_id, text, participant)
    for phone, results in zip(phones, submitted):
        for op_id, text, ack in results:
            acked[op_id] = (ok(ack)["idea_id"], text, phone.public_id)
    assert len(acked) == 150 and len({idea_id for idea_id, _, _ in acked.values()}) == 150

    # The projector gets every acknowledged idea (pushed in batches of at most 100 ms), each once.
    deadline = time.monotonic() + 10
    def on_screen_ids() -> list[int]:
        return [idea["id"] for message in screen.received["ideas_submitted"] for idea in message["ideas"]]

    while len(on_screen_ids()) < len(acked) and time.monotonic() < deadline:
        time.sleep(0.05)
    on_screen = Counter(on_screen_ids())
    assert on_screen == Counter(idea_id for idea_id, _, _ in acked.values())

    budget, max_per_item = 5, 3
    voting = room.activity("dot_voting", "Votez pour vos trois priorités",
                           {"source_activity_id": brainstorm, "budget": budget, "max_per_item": max_per_item})
    targets = sorted(idea_id for idea_id, _, _ in acked.values())
    ballots = {phone.public_id: random_ballot(rng, targets, total=rng.randint(1, budget), max_per_item=max_per_item)
               for phone in phones}

    def vote(phone: Phone) -> dict[str, Any]:
        return phone.call("cast_votes", {"activity_id": voting, "allocations": wire(ballots[phone.public_id]),
                                         "op_id": op("vote")})

    with ThreadPoolExecutor(max_workers=len(phones)) as pool:
        for ack in pool.map(vote, phones):
            ok(ack)

    document = room.export()
    ideas = activity_in(document, brainstorm)["ideas"]
    assert Counter(idea["op_id"] for idea in ideas) == Counter(acked.keys()), "each acknowledged op_id exactly once"
    assert {idea["op_id"]: (idea["id"], idea["text"], idea["participant"]) for idea in ideas} == acked
    exported_voting = activity_in(document, voting)
    assert ballots_by_participant(exported_voting) == ballots
    # The exported results add up the acknowledged ballots.
    points: Counter[int] = Counter()
    for ballot in ballots.values():
        points.update(ballot)
    results = exported_voting["results"]
    assert results["voters"] == len(phones)
    assert {item["id"]: item["points"] for item in results["items"] if item["points"]} == dict(points)
    close_all([*phones, screen, room.moderator])


# b. SIGKILL mid-stream, restart, reconnect with the token, replay -----------------------------------------------


def test_crash_mid_stream_loses_no_acknowledged_idea_and_replays_do_not_duplicate(loaded_server: LiveServer) -> None:
    server = loaded_server
    room = Room(server)
    brainstorm = room.activity("brainstorm", "Que changer dès demain ?", {"max_per_participant": 50})
    phone_count, per_phone = 30, 12
    phones = room.phones(phone_count)
    identities = {phone.public_id for phone in phones}
    rng = random.Random(2)
    plans = [[(op(f"crash{n}-{i:02d}"), rng.choice(STATEMENTS)) for i in range(per_phone)] for n in range(phone_count)]

    lock = threading.Lock()
    acked: dict[str, int] = {}  # op_id -> idea_id, from the first ack received
    acked_before_kill: set[str] = set()
    sent_before_kill: set[str] = set()
    attempts: Counter[str] = Counter()
    replay_acks: list[tuple[str, int, int]] = []  # (op_id, first idea_id, idea_id of the replay)
    reconnected_as: dict[str, str] = {}
    killed = threading.Event()
    stop_at = time.monotonic() + 40

    def run(index: int) -> None:
        phone: Phone | None = phones[index]
        public_id, token = phone.public_id, phone.token
        plan, step, last_acked = plans[index], 0, None
        while step < len(plan):
            assert time.monotonic() < stop_at, "phone could not finish its submissions"
            if phone is None:
                try:
                    phone = Phone(server, room.code, token=token).connect(timeout=3)
                except (socketio.exceptions.ConnectionError, ConnectionLost):
                    time.sleep(0.1)
                    continue
                with lock:
                    reconnected_as[public_id] = phone.public_id
                if last_acked is not None:  # a phone that lost its ack store replays one acknowledged op too
                    try:
                        ack = ok(phone.call("submit_idea", {"activity_id": brainstorm, "text": "replayed",
                                                            "op_id": last_acked}, timeout=5))
                    except (ConnectionLost, TimeoutError):
                        phone.close()
                        phone = None
                        continue
                    with lock:
                        replay_acks.append((last_acked, acked[last_acked], ack["idea_id"]))
            op_id, text = plan[step]
            with lock:
                attempts[op_id] += 1
                if not killed.is_set():
                    sent_before_kill.add(op_id)
            try:
                ack = ok(phone.call("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op_id}, timeout=5))
            except (ConnectionLost, TimeoutError):
                phone.close()
                phone = None
                continue
            with lock:
                acked.setdefault(op_id, ack["idea_id"])
                assert acked[op_id] == ack["idea_id"], "one op_id, one idea"
                if not killed.is_set():
                    acked_before_kill.add(op_id)
            last_acked, step = op_id, step + 1
            time.sleep(rng.uniform(0, 0.03))  # phones type at different speeds: keep the stream going
        phone.close()

    with ThreadPoolExecutor(max_workers=phone_count) as pool:
        workers = [pool.submit(run, index) for index in range(phone_count)]
        total = phone_count * per_phone
        while len(acked) < total // 3:
            time.sleep(0.005)
            assert time.monotonic() < stop_at
        with lock:
            killed.set()
        server.kill()
        # What the disk holds at the crash, before any replay: every acknowledged idea must be there.
        at_crash = {idea["op_id"]: idea["id"] for idea in activity_in(room.export(), brainstorm)["ideas"]}
        server.start()
        for worker in workers:
            worker.result()

    assert acked_before_kill <= set(at_crash), f"acknowledged then lost: {acked_before_kill - set(at_crash)}"
    assert len(acked_before_kill) < total, "the crash happened after the stream ended"
    assert reconnected_as and all(reconnected_as[old] == old for old in reconnected_as), "token keeps identity"
    # In flight at the crash: committed but not acknowledged; replayed with the same op_id, they got the first idea.
    committed_unacked = (sent_before_kill - acked_before_kill) & set(at_crash)
    for op_id in committed_unacked:
        assert acked[op_id] == at_crash[op_id]
    assert replay_acks and all(first == again for _, first, again in replay_acks)

    ideas = activity_in(room.export(), brainstorm)["ideas"]
    op_ids = Counter(idea["op_id"] for idea in ideas)
    assert len(acked) == total and set(op_ids) == set(acked), "every submission acknowledged and stored"
    assert max(op_ids.values()) == 1, f"duplicates: {[k for k, v in op_ids.items() if v > 1]}"
    assert {idea["op_id"]: idea["id"] for idea in ideas} == acked
    assert {idea["participant"] for idea in ideas} == identities
    assert sum(count > 1 for count in attempts.values()) >= 1, "some submission was replayed"
    assert not any(idea["text"] == "replayed" for idea in ideas)


# c. One participant, many concurrent ballots, some over budget ---------------------------------------------------


def test_concurrent_ballots_of_one_participant_never_exceed_the_budget(loaded_server: LiveServer) -> None:
    rng = random.Random(3)
    room = Room(loaded_server)
    brainstorm = room.activity("brainstorm", "Idées", {"max_per_participant": 10})
    author = room.phones(1)[0]
    targets = [ok(author.call("submit_idea", {"activity_id": brainstorm, "text": text, "op_id": op()}))["idea_id"]
               for text in rng.sample(STATEMENTS, 8)]
    budget, max_per_item = 6, 3
    voting = room.activity("dot_voting", "Vos priorités",
                           {"source_activity_id": brainstorm, "budget": budget, "max_per_item": max_per_item})
    first = room.phones(1)[0]
    voter = [first, *room.phones(3, token=first.token)]
    assert {phone.public_id for phone in voter} == {first.public_id}, "one participant, four connections"

    ballots: list[tuple[str, dict[int, int], bool]] = []
    for n in range(48):
        over = n % 3 == 0
        total = rng.randint(budget + 1, budget + 5) if over else rng.randint(1, budget)
        ballots.append((op("ballot"), random_ballot(rng, targets, total=total, max_per_item=max_per_item), over))
    start = threading.Barrier(16)

    def fire(batch: list[tuple[int, tuple[str, dict[int, int], bool]]]) -> list[tuple[int, dict[str, Any]]]:
        start.wait()
        out = []
        for index, (op_id, ballot, _) in batch:
            phone = voter[index % len(voter)]
            out.append((index, phone.call("cast_votes", {"activity_id": voting, "allocations": wire(ballot),
                                                         "op_id": op_id})))
        return out

    batches = [[(i, ballots[i]) for i in range(worker, len(ballots), 16)] for worker in range(16)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        acks = dict(pair for result in pool.map(fire, batches) for pair in result)

    accepted = []
    for index, (_, ballot, over) in enumerate(ballots):
        if over:
            assert acks[index]["ok"] is False and acks[index]["error"]["code"] == "over_budget", acks[index]
        else:
            ok(acks[index])
            accepted.append(ballot)
    stored = ballots_by_participant(activity_in(room.export(), voting))
    assert set(stored) == {first.public_id}
    final = stored[first.public_id]
    assert sum(final.values()) <= budget
    assert final in accepted, f"stored ballot {final} is not one that was acknowledged"
    close_all([author, *voter, room.moderator])


# d. The same op_id twice: one idea ----------------------------------------------------------------------------


def test_duplicate_op_id_returns_the_first_idea_and_stores_one(live_server: LiveServer) -> None:
    room = Room(live_server)
    brainstorm = room.activity("brainstorm", "Une idée")
    phone = room.phones(1)[0]
    op_id = op("dup")
    first = ok(phone.call("submit_idea", {"activity_id": brainstorm, "text": STATEMENTS[0], "op_id": op_id}))
    again = ok(phone.call("submit_idea", {"activity_id": brainstorm, "text": STATEMENTS[1], "op_id": op_id}))
    assert again == first
    # From a new connection of the same phone (a reload), and from several connections at once.
    reloaded = Phone(live_server, room.code, token=phone.token).connect()
    assert reloaded.public_id == phone.public_id
    assert ok(reloaded.call("submit_idea", {"activity_id": brainstorm, "text": STATEMENTS[0], "op_id": op_id})) == first
    burst_op = op("burst")
    with ThreadPoolExecutor(max_workers=6) as pool:
        burst = list(pool.map(lambda n: (phone, reloaded)[n % 2].call(
            "submit_idea", {"activity_id": brainstorm, "text": STATEMENTS[2], "op_id": burst_op}), range(6)))
    assert len({ok(ack)["idea_id"] for ack in burst}) == 1

    ideas = activity_in(room.export(), brainstorm)["ideas"]
    assert Counter(idea["op_id"] for idea in ideas) == {op_id: 1, burst_op: 1}
    assert next(idea for idea in ideas if idea["op_id"] == op_id)["id"] == first["idea_id"]
    assert next(idea for idea in ideas if idea["op_id"] == op_id)["text"] == STATEMENTS[0]
    close_all([phone, reloaded, room.moderator])


# e. A message over 64 KB ------------------------------------------------------------------------------------------


def test_message_over_64_kb_is_refused_and_writes_nothing(live_server: LiveServer) -> None:
    room = Room(live_server)
    brainstorm = room.activity("brainstorm", "Une idée")
    phone = room.phones(1)[0]
    big_op = op("big")
    # A valid idea padded past 64 KB with a field the service ignores: only the size limit can refuse it.
    oversized = {"activity_id": brainstorm, "text": STATEMENTS[4], "op_id": big_op, "padding": "x" * (70 * 1024)}
    try:
        refused = phone.call("submit_idea", oversized, timeout=10)
    except ConnectionLost:
        refused = None  # the server closed the connection: what the engine does past max_http_buffer_size
    assert refused is None or refused.get("ok") is False, refused
    # Below the frame limit the connection stays open and the service refuses the text itself.
    survivor = Phone(live_server, room.code, token=phone.token).connect()
    too_long = survivor.call("submit_idea", {"activity_id": brainstorm, "text": "y" * (60 * 1024), "op_id": op()})
    assert too_long["ok"] is False and too_long["error"]["code"] == "text_too_long"
    assert not survivor.disconnected.is_set()
    # Nothing was journaled under the refused op_id: the same op_id with a normal text now creates an idea.
    created = ok(survivor.call("submit_idea", {"activity_id": brainstorm, "text": STATEMENTS[3], "op_id": big_op}))
    ideas = activity_in(room.export(), brainstorm)["ideas"]
    assert [(idea["id"], idea["op_id"], idea["text"]) for idea in ideas] == [(created["idea_id"], big_op, STATEMENTS[3])]
    close_all([phone, survivor, room.moderator])


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")) / 1024


def test_oversized_frame_is_cut_off_before_the_server_buffers_it(live_server: LiveServer) -> None:
    """A 64 MB frame must be refused after ~64 KB, not held in the server's memory first (a phone could OOM it)."""
    room = Room(live_server)
    brainstorm = room.activity("brainstorm", "Une idée")
    pid = live_server.process.pid  # type: ignore[union-attr]
    ws = websocket.create_connection(f"ws://127.0.0.1:{live_server.port}/socket.io/?EIO=4&transport=websocket",
                                     timeout=10)
    try:
        assert ws.recv().startswith("0")  # Engine.IO open
        ws.send("40" + json.dumps({"code": room.code, "role": "participant"}))
        while not str(ws.recv()).startswith('42["room_state"'):
            pass
        frame = "42" + json.dumps(["submit_idea", {"activity_id": brainstorm, "text": STATEMENTS[5], "op_id": op("huge"),
                                                   "padding": "x" * (64 << 20)}])
        before = peak = _rss_mb(pid)

        def send_quietly() -> None:
            try:
                ws.send(frame)
            except Exception:  # the server cutting the connection mid-frame is the point
                pass

        sender = threading.Thread(target=send_quietly, daemon=True)
        sender.start()
        deadline = time.monotonic() + 20
        while sender.is_alive() and time.monotonic() < deadline:
            peak = max(peak, _rss_mb(pid))
            time.sleep(0.01)
        for _ in range(20):  # the last chunks may still be in flight when the sender returns
            peak = max(peak, _rss_mb(pid))
            time.sleep(0.01)
    finally:
        ws.shutdown()
    assert activity_in(room.export(), brainstorm)["ideas"] == []
    assert peak - before < 16, f"server RSS grew by {peak - before:.0f} MB while receiving a refused 64 MB frame"
    room.moderator.close()
