"""Load test of one live room: N phones, a projector and a moderator against a real ``workshop run`` process.

    python -m tests.bench.load --phones 100 500 1000        # what `make bench` runs

For each N: a fresh server (SQLite in WAL, synchronous=FULL, gevent), a moderator opens a brainstorm, N phones
connect at once, each submits one idea, the moderator opens a dot vote on those ideas, each phone casts one
ballot; everything with acks. That is done twice: ``spread`` (each phone acts at a random moment within
``--window`` seconds, as a room does) and ``burst`` (every phone at the same instant). A projector (role screen)
timestamps every idea it is sent (``ideas_submitted``, the bare server's ``idea_submitted``) and counts ``results_updated``.

The load generator is one asyncio process speaking the Engine.IO 4 / Socket.IO 5 text protocol over a minimal
websocket client (no thread per phone), so on a 2-core box the server gets one core and the generator the other;
its own CPU and event-loop lag are printed so a saturated generator cannot pass for a slow server.

Length: a self-contained load generator (a raw Socket.IO client, the phones' behaviours, timing and the report) that runs with no test framework; its parts share one event loop and its counters.
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import csv
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import uuid
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.e2e.conftest import LiveServer

CLOCK = time.monotonic
# Real public statements (Pol.is open data, CC BY 4.0), kept in the repository: tests/data/polis/ATTRIBUTION.md.
POLIS = Path(__file__).resolve().parents[1] / "data" / "polis"
HIGH_RATE_LIMIT = {"WORKSHOP_RATE_LIMIT_COUNT": "1000000", "WORKSHOP_RATE_LIMIT_SECONDS": "1"}
BUDGET, MAX_PER_ITEM = 5, 3
CLK_TCK = os.sysconf("SC_CLK_TCK")
TOKEN = re.compile(rb'"participant_token":\s*"([^"]+)"')
PUBLIC_ID = re.compile(rb'"participant":\s*\{"id":\s*"([^"]+)"')
# A vote's item list version (activity_changed, room_state): the phone fetches a version it does not hold over HTTP,
# once, as static/js/socket.js does (services/item_lists.py).
CHANGED_ID = re.compile(rb'"activity":\s*\{"id":\s*(\d+)')
LIST_VERSION = re.compile(rb'"targets_version":\s*"([^"]+)"')
LIST_RETRIES = 8


# A Socket.IO client in ~120 lines ------------------------------------------------------------------------------


class Refused(Exception):
    pass


class Client:
    """One websocket-only Socket.IO connection on the default namespace; events are read lazily (prefix match)."""

    def __init__(self, host: str, port: int, auth: dict[str, Any],
                 on_event: Callable[["Client", bytes, float], None] | None = None, local_host: str | None = None) -> None:
        self.host, self.port, self.auth, self.on_event = host, port, auth, on_event
        self.local_host = local_host
        self.acks: dict[int, asyncio.Future[tuple[float, Any]]] = {}
        self.next_ack = 0
        self.connect_seconds = 0.0
        self.closed = False
        self.last_event: dict[bytes, float] = {}
        self.token: str | None = None
        self.public_id: str | None = None
        self.item_lists: dict[str, str] = {}  # activity id -> version of the item list this phone holds
        # Item lists fetched over HTTP (a 404 naming the current version counts too), their bytes on the wire (status
        # line, headers and gzip body) and failed attempts, counted for the whole generator (it replaces closed phones)
        self.list_totals: Counter[str] = Counter()
        self.list_errors: Counter[str] = Counter()
        self.list_held: dict[str, float] = {}  # activity id -> when its current list arrived
        self._fetching: dict[str, asyncio.Task[None]] = {}
        self._ready: asyncio.Future[float] | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task[None] | None = None

    async def connect(self, timeout: float) -> "Client":
        started = CLOCK()
        loop = asyncio.get_running_loop()
        self._ready = loop.create_future()
        reader, self._writer = await asyncio.wait_for(asyncio.open_connection(
            self.host, self.port, local_addr=(self.local_host, 0) if self.local_host else None), timeout)
        self._writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        key = base64.b64encode(os.urandom(16)).decode()
        self._writer.write((f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                            f"Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
        if not head.startswith(b"HTTP/1.1 101"):
            raise Refused(head.split(b"\r\n", 1)[0].decode(errors="replace"))
        self._reader_task = asyncio.create_task(self._read_loop(reader))
        await asyncio.wait_for(self._ready, timeout)  # room_state received: the phone can show the room
        self.connect_seconds = CLOCK() - started
        return self

    def emit(self, event: str, data: dict[str, Any]) -> asyncio.Future[tuple[float, Any]]:
        """Send an event with an ack id; the future resolves to (arrival time, ack payload)."""
        ack_id, self.next_ack = self.next_ack, self.next_ack + 1
        future: asyncio.Future[tuple[float, Any]] = asyncio.get_running_loop().create_future()
        if self.closed:
            future.set_exception(ConnectionError("closed"))
            return future
        self.acks[ack_id] = future
        self._send(b"42" + str(ack_id).encode() + json.dumps([event, data], separators=(",", ":")).encode())
        return future

    async def call(self, event: str, data: dict[str, Any], timeout: float = 30) -> Any:
        _, ack = await asyncio.wait_for(self.emit(event, data), timeout)
        return ack

    def close(self) -> None:
        self.closed = True
        if self._reader_task:
            self._reader_task.cancel()
        if self._writer:
            self._writer.close()

    def _send(self, payload: bytes, opcode: int = 1) -> None:
        length = len(payload)
        if length < 126:
            header = bytes((0x80 | opcode, 0x80 | length))
        elif length < 65536:
            header = bytes((0x80 | opcode, 0x80 | 126)) + length.to_bytes(2, "big")
        else:
            header = bytes((0x80 | opcode, 0x80 | 127)) + length.to_bytes(8, "big")
        mask = os.urandom(4)  # clients must mask (RFC 6455); XOR as one big integer, byte order kept
        keystream = (mask * (length // 4 + 1))[:length]
        masked = (int.from_bytes(payload, "big") ^ int.from_bytes(keystream, "big")).to_bytes(length, "big")
        assert self._writer is not None
        self._writer.write(header + mask + masked)

    async def _read_loop(self, reader: asyncio.StreamReader) -> None:
        fragments: list[bytes] = []
        try:
            while True:
                first, second = await reader.readexactly(2)
                length = second & 0x7F
                if length == 126:
                    length = int.from_bytes(await reader.readexactly(2), "big")
                elif length == 127:
                    length = int.from_bytes(await reader.readexactly(8), "big")
                if second & 0x80:  # servers do not mask; tolerate it anyway
                    await reader.readexactly(4)
                payload = await reader.readexactly(length) if length else b""
                opcode = first & 0x0F
                if opcode == 8:
                    break
                if opcode == 9:
                    self._send(payload, opcode=10)
                    continue
                if opcode == 10:
                    continue
                if not first & 0x80:  # a fragment: keep until the final one
                    fragments.append(payload)
                    continue
                if opcode == 0:
                    payload, fragments = b"".join([*fragments, payload]), []
                self._on_text(payload, CLOCK())
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self.closed = True
            for future in self.acks.values():
                if not future.done():
                    future.set_exception(ConnectionError("connection closed before the ack"))
            self.acks.clear()
            if self._ready is not None and not self._ready.done():
                self._ready.set_exception(Refused("closed before room_state"))

    def want_list(self, activity_id: str, version: str) -> None:
        """Fetch this version of an activity's item list unless it is held or on its way."""
        if self.item_lists.get(activity_id) == version:
            return
        running = self._fetching.get(activity_id)
        if running is not None and not running.done():
            running.cancel()  # an older version on its way: the newer one is what the phone shows
        self.list_held.pop(activity_id, None)
        self._fetching[activity_id] = asyncio.get_running_loop().create_task(self._fetch_list(activity_id, version))

    async def lists_ready(self) -> None:
        """Wait for the item lists on their way (a superseded fetch is cancelled: its successor is waited for)."""
        while pending := [task for task in self._fetching.values() if not task.done()]:
            await asyncio.wait(pending)

    async def _fetch_list(self, activity_id: str, version: str) -> None:
        """GET /p/<code>/activities/<id>/items/<version> over a raw HTTP/1.1 connection with gzip, retried; a 404
        that names the list's current version (it changed meanwhile) fetches that one."""
        for attempt in range(LIST_RETRIES):
            try:
                status, body = await self._get(f"/p/{self.auth['code']}/activities/{activity_id}/items/{version}")
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
                self.list_errors[type(error).__name__] += 1
                self.list_totals["errors"] += 1
                await asyncio.sleep(min(15.0, 0.5 * 2 ** attempt))
                continue
            self.list_totals["fetches"] += 1
            # The answer's head names its version: the generator reads that much of a 5,000-item list, not all of it.
            held = LIST_VERSION.search(body[:200]) if status == 200 else None
            if held:
                self.item_lists[activity_id] = held.group(1).decode()
                self.list_held[activity_id] = CLOCK()
                return
            current = json.loads(body).get("current_version") if status == 404 and body else None
            if isinstance(current, str):
                version = current
                continue
            self.list_errors[f"HTTP {status}"] += 1
            self.list_totals["errors"] += 1
            if status == 404:
                return
            await asyncio.sleep(min(15.0, 0.5 * 2 ** attempt))
        self.list_errors["gave up"] += 1
        self.list_totals["errors"] += 1

    async def _get(self, path: str, timeout: float = 60) -> tuple[int, bytes]:
        """One GET on its own connection (from the phone's own address), gzip accepted; the wire bytes counted."""
        reader, writer = await asyncio.wait_for(asyncio.open_connection(
            self.host, self.port, local_addr=(self.local_host, 0) if self.local_host else None), timeout)
        try:
            writer.write((f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept-Encoding: gzip\r\n"
                          f"Connection: close\r\n\r\n").encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
            lines = head.decode("latin-1").split("\r\n")
            headers = {name.strip().lower(): value.strip() for name, _, value in
                       (line.partition(":") for line in lines[1:] if line)}
            length = headers.get("content-length")
            body = await asyncio.wait_for(reader.readexactly(int(length)) if length else reader.read(), timeout)
        finally:
            writer.close()
        self.list_totals["bytes"] += len(head) + len(body)
        if headers.get("content-encoding") == "gzip":  # the head of the body only (zlib: 31 = a gzip header)
            body = zlib.decompressobj(wbits=31).decompress(body, 4096)
        return int(lines[0].split()[1]), body

    def _on_text(self, packet: bytes, now: float) -> None:
        kind = packet[:2]
        if kind == b"42":  # event: 42["name",payload]
            name = packet[4:packet.index(b'"', 4)]
            self.last_event[name] = now
            if name == b"room_state" and self._ready is not None and not self._ready.done():
                if self.auth.get("role") == "participant":  # who we are, without parsing the whole state
                    token, public_id = TOKEN.search(packet), PUBLIC_ID.search(packet)
                    self.token = token.group(1).decode() if token else None
                    self.public_id = public_id.group(1).decode() if public_id else None
                    if b'"targets_version"' in packet:  # a phone's state is small: no list travels in it
                        for activity in json.loads(packet[2:])[1]["activities"]:
                            if "targets_version" in activity:
                                self.want_list(str(activity["id"]), activity["targets_version"])
                self._ready.set_result(now)
            elif name == b"activity_changed" and self.auth.get("role") == "participant":
                found, version = CHANGED_ID.search(packet), LIST_VERSION.search(packet)
                if found and version:
                    self.want_list(found.group(1).decode(), version.group(1).decode())
            elif self.on_event is not None:
                self.on_event(self, packet, now)
        elif kind == b"43":  # ack: 43<id>[payload]
            end = 2
            while packet[end] in b"0123456789":
                end += 1
            future = self.acks.pop(int(packet[2:end]), None)
            if future is not None and not future.done():
                future.set_result((now, json.loads(packet[end:])[0]))
        elif kind == b"44":  # connect refused
            if self._ready is not None and not self._ready.done():
                self._ready.set_exception(Refused(packet[2:].decode(errors="replace")))
        elif packet[:1] == b"2":  # Engine.IO ping
            self._send(b"3")
        elif packet[:1] == b"0":  # Engine.IO open: connect the namespace with our auth
            self._send(b"40" + json.dumps(self.auth, separators=(",", ":")).encode())


# Measurements -----------------------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


@dataclass
class ProcessSample:
    cpu_seconds: float
    rss_mb: float
    waiting: float = 0.0  # seconds the server's main thread (gevent's hub) spent runnable but waiting for a core

    @classmethod
    def of(cls, pid: int | list[int]) -> "ProcessSample":
        if isinstance(pid, list):  # several server processes: their sum
            samples = [cls.of(one) for one in pid]
            return cls(sum(sample.cpu_seconds for sample in samples), sum(sample.rss_mb for sample in samples),
                       sum(sample.waiting for sample in samples))
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime
        rss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                   if line.startswith("VmRSS:")) / 1024
        try:  # schedstat: time on a CPU, time waiting on a run queue (ns), timeslices
            waiting = int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            waiting = float("nan")
        return cls(cpu, rss, waiting)


def machine_busy_seconds() -> float:
    """CPU seconds all cores spent busy since boot (idle and iowait excluded): other load on a shared box shows here."""
    ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(ticks[:8]) - ticks[3] - ticks[4]) / CLK_TCK


class LoopLag:
    """How late the generator's event loop wakes up: if it lags, latencies include the generator's own delay."""

    def __init__(self) -> None:
        self.max_lag = 0.0
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            before = CLOCK()
            await asyncio.sleep(0.01)
            self.max_lag = max(self.max_lag, CLOCK() - before - 0.01)

    def reset(self) -> float:
        lag, self.max_lag = self.max_lag, 0.0
        return lag

    def stop(self) -> None:
        self._task.cancel()


@dataclass
class Phase:
    """One command sent once by every phone: latencies, errors, and what the server spent."""

    name: str
    latencies: list[float] = field(default_factory=list)
    timeline: list[tuple[float, float]] = field(default_factory=list)  # (send time, ack latency): stalls show here
    errors: Counter[str] = field(default_factory=Counter)
    first_send: float = 0.0
    last_ack: float = 0.0
    server_cpu: float = 0.0
    server_waiting: float = 0.0  # the server was ready to run but every core was taken (a crowded machine)
    client_cpu: float = 0.0
    wall: float = 0.0  # first send to last ack
    sampled: float = 0.0  # the interval the CPU figures cover (the phase plus its tail of broadcasts)
    loop_lag: float = 0.0
    other_cpu: float = 0.0  # CPU used by neither the server nor the generator (other processes, kernel)
    screen_lags: list[float] = field(default_factory=list)  # phone's ack -> the projector has the idea
    screen_e2e: list[float] = field(default_factory=list)  # phone's send -> the projector has the idea
    not_on_screen: int = 0
    rejoined: int = 0  # phones the server had dropped since the previous phase, reconnected before this one
    results_to_screen: int = 0
    results_to_moderator: int = 0
    fanout: float = float("nan")  # moderator opens the activity -> last phone has activity_changed
    list_fanout: float = float("nan")  # moderator opens the vote -> last phone holds its item list (HTTP)
    list_fetches: int = 0  # item lists fetched by the phones during the phase (its activity's opening included)
    list_bytes: int = 0  # their bytes on the wire
    list_errors: int = 0
    open_cpu: float = 0.0  # server CPU from the moderator's set_phase until every phone had the activity (and list)

    @property
    def throughput(self) -> float:
        span = self.last_ack - self.first_send
        return len(self.latencies) / span if span > 0 else float("nan")


@dataclass
class Round:
    phones: int
    connected: int = 0
    connect_all: float = 0.0
    connect_latencies: list[float] = field(default_factory=list)
    connect_errors: Counter[str] = field(default_factory=Counter)
    connect_server_cpu: float = 0.0
    rss_idle_mb: float = 0.0
    rss_connected_mb: float = 0.0
    rss_peak_mb: float = 0.0
    server_cpu_total: float = 0.0
    phases: list[Phase] = field(default_factory=list)
    profiles: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)  # moderator / projector connections the server closed


class Profiler:
    """py-spy (``pip install py-spy``) attached to the server for one phase: collapsed stacks, then a top list."""

    def __init__(self, folder: Path | None, pid: int) -> None:
        self.folder, self.pid = folder, pid
        self.summaries: dict[str, list[tuple[float, str]]] = {}
        self._running: tuple[str, subprocess.Popen[bytes], Path] | None = None
        self.py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            if not Path(self.py_spy).exists():
                raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")

    async def start(self, name: str) -> None:
        if self.folder is None:
            return
        output = self.folder / f"{name.replace(':', '-')}.txt"
        # --nonblocking: pausing the server 200 times a second would distort what is measured (--native needs it).
        # BENCH_PYSPY_RATE raises the sampling rate for a detailed profile of a short phase (at its own CPU cost).
        rate = os.environ.get("BENCH_PYSPY_RATE", "200")
        process = subprocess.Popen([self.py_spy, "record", "--pid", str(self.pid), "--rate", rate, "--idle",
                                    "--nonblocking", "--function", "--format", "raw", "--output", str(output)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await asyncio.sleep(0.3)  # attaching takes a moment
        self._running = (name, process, output)

    def stop(self) -> None:
        if self._running is None:
            return
        name, process, output = self._running
        self._running = None
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        if output.exists():
            self.summaries[name] = top_functions(output)


# Frames that are only plumbing: they contain everything and explain nothing.
_PLUMBING = ("<module>", "run (gevent", "_run (engineio", "run (threading", "handle (gevent", "serve_forever",
             "_handle_and_close_when_done", "__call__ (engineio", "wsgi_app", "__call__ (flask", "__call__ (flask_socketio",
             "handle_one_request", "handle_one_response", "run_application", "main (workshop", "invoke (click",
             "main (click", "run (workshop/cli", "serve (workshop", "_trigger_event", "_handle_eio_message",
             "_handle_event", "_handle_event_internal", "trigger_event", "receive (engineio", "_websocket_handler",
             "handle_request", "_run_thread", "_bootstrap", "new_func", "__call__ (simple_websocket", "wrapper (workshop",
             "_thread", "_run (engineio", "dispatch_request", "full_dispatch_request")


def top_functions(collapsed: Path, limit: int = 14) -> list[tuple[float, str]]:
    """Inclusive share of samples per function (each counted once per stack), plumbing left out."""
    totals: Counter[str] = Counter()
    samples = 0
    for line in collapsed.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples += int(count)
        for frame in set(stack.split(";")[1:]):  # the first element is the thread
            totals[frame] += int(count)
    ranked = [(count / samples * 100, frame) for frame, count in totals.most_common()
              if not any(mark in frame for mark in _PLUMBING)]
    return ranked[:limit] if samples else []


# The scenario ---------------------------------------------------------------------------------------------------


def statements() -> list[str]:
    texts = []
    for path in sorted(POLIS.glob("*/comments.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = " ".join(unicodedata.normalize("NFC", row.get("comment-body") or "").split())
                if 0 < len(text) <= 280:
                    texts.append(text)
    return texts or [f"Proposition {i} : un local ouvert aux associations du quartier." for i in range(100)]


def op_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:24]}"


class Projector:
    """The screen: when each idea arrived, and how many result snapshots."""

    def __init__(self) -> None:
        self.idea_seen: dict[int, float] = {}
        self.results = 0

    def on_event(self, _client: Client, packet: bytes, now: float) -> None:
        if packet.startswith(b'42["ideas_submitted"'):  # the product: the ideas of up to 100 ms together
            for idea in json.loads(packet[2:])[1]["ideas"]:
                self.idea_seen.setdefault(idea["id"], now)
        elif packet.startswith(b'42["idea_submitted"'):  # the bare server: one message per idea
            idea = json.loads(packet[2:])[1]["idea"]
            self.idea_seen.setdefault(idea["id"], now)
        elif packet.startswith(b'42["results_updated"'):
            self.results += 1


class ModeratorCounter:
    def __init__(self) -> None:
        self.results = 0

    def on_event(self, _client: Client, packet: bytes, _now: float) -> None:
        if packet.startswith(b'42["results_updated"'):
            self.results += 1


class Scenario:
    def __init__(self, server: LiveServer, code: str, moderator_token: str, phones: int, args: argparse.Namespace) -> None:
        self.server, self.code, self.token, self.n, self.args = server, code, moderator_token, phones, args
        # Several processes (tests.bench.scale): their CPU and memory are summed; phones are spread over their ports
        # (as a load balancer with sticky sessions would), the moderator and the projector use the first.
        self.pid: int | list[int] = getattr(server, "pids", None) or server.process.pid  # type: ignore[union-attr]
        self.ports: list[int] = getattr(server, "ports", None) or [server.port]
        self.rng = random.Random(phones)
        self.texts = statements()
        self.projector = Projector()
        self.moderator_counter = ModeratorCounter()
        self.dropped: Counter[str] = Counter()
        self.clients_made = 0
        self.port_of: dict[Any, int] = {}  # participant token -> the port of its first connection
        self.list_totals: Counter[str] = Counter()  # every phone's item list fetches (Client.list_totals)
        self.profiler = Profiler(args.profile / f"N{phones}" if args.profile and isinstance(self.pid, int) else None,
                                 self.pid if isinstance(self.pid, int) else self.pid[0])

    def client(self, role: str, **extra: Any) -> Client:
        on_event = {"screen": self.projector.on_event, "moderator": self.moderator_counter.on_event}.get(role)
        # Phones of a venue's LAN have addresses of their own, and the server limits new identities per address:
        # each phone connects from its own loopback address (127.0.x.y; Linux routes all of 127/8 to lo).
        self.clients_made += 1
        local = f"127.0.{self.clients_made // 250 % 250}.{self.clients_made % 250 + 2}" if role == "participant" else None
        # Sticky sessions: a returning phone (its token) goes back to the process it first joined.
        port = (self.port_of.get(extra.get("token")) or self.ports[self.clients_made % len(self.ports)]
                if role == "participant" else self.ports[0])
        client = Client("127.0.0.1", port, {"code": self.code, "role": role, **extra}, on_event, local)
        client.list_totals = self.list_totals
        return client

    async def moderate(self, command: str, data: dict[str, Any]) -> dict[str, Any]:
        """A moderator command; if the server dropped the console, reconnect and replay the same op_id."""
        payload = {**data, "op_id": op_id("mod")}
        for _ in range(3):
            try:
                ack = await self.moderator.call(command, payload, timeout=90)
                break
            except (ConnectionError, asyncio.TimeoutError):
                self.dropped["moderator"] += 1
                self.moderator.close()
                self.moderator = await self.client("moderator", token=self.token).connect(60)
        else:
            raise RuntimeError(f"moderator {command}: no ack after 3 connections")
        if not ack.get("ok"):
            raise RuntimeError(f"moderator {command} refused: {ack}")
        return ack

    async def rejoin(self, phase: Phase) -> None:
        """Phones and projector the server dropped (ping timeout under overload) come back, as real ones would."""
        if self.screen.closed:
            self.dropped["screen"] += 1
            self.screen = await self.client("screen").connect(60)
        lost = [index for index, phone in enumerate(self.phones) if phone.closed]
        if not lost:
            return
        phase.rejoined = len(lost)
        fresh = [self.client("participant", token=self.phones[index].token) for index in lost]
        for index, phone in zip(lost, fresh):
            phone.item_lists = dict(self.phones[index].item_lists)
        outcomes = await asyncio.gather(*(phone.connect(60) for phone in fresh), return_exceptions=True)
        for index, phone, outcome in zip(lost, fresh, outcomes):
            if not isinstance(outcome, BaseException):
                self.phones[index] = phone

    def list_counts(self) -> tuple[int, int, int]:
        """Item lists fetched by the phones so far: fetches, bytes on the wire, failed attempts."""
        return self.list_totals["fetches"], self.list_totals["bytes"], self.list_totals["errors"]

    def count_lists(self, phase: Phase, before: tuple[int, int, int]) -> None:
        after = self.list_counts()
        phase.list_fetches += after[0] - before[0]
        phase.list_bytes += after[1] - before[1]
        phase.list_errors += after[2] - before[2]

    async def open_activity(self, type_name: str, prompt: str, config: dict[str, Any], phase: Phase) -> int:
        activity_id = (await self.moderate("create_activity", {"type": type_name, "prompt": prompt,
                                                               "config": config}))["activity_id"]
        lists_before, cpu_before = self.list_counts(), ProcessSample.of(self.pid).cpu_seconds
        started = CLOCK()
        await self.moderate("set_phase", {"activity_id": activity_id, "phase": "open"})
        deadline = started + 60
        while CLOCK() < deadline:
            live = [phone for phone in self.phones if not phone.closed]
            if all(phone.last_event.get(b"activity_changed", 0) >= started for phone in live):
                phase.fanout = max((phone.last_event[b"activity_changed"] for phone in live), default=started) - started
                break
            await asyncio.sleep(0.005)
        key = str(activity_id)
        if any(key in phone._fetching for phone in self.phones):  # a vote: every phone fetches its list once
            try:
                await asyncio.wait_for(asyncio.gather(*(phone.lists_ready() for phone in self.phones)),
                                       max(60.0, self.args.round_timeout / 3))
            except asyncio.TimeoutError:
                phase.errors["item list not fetched in time"] += 1
            phase.list_fanout = max((phone.list_held.get(key, started) for phone in self.phones), default=started) - started
        phase.open_cpu = ProcessSample.of(self.pid).cpu_seconds - cpu_before
        self.count_lists(phase, lists_before)
        return activity_id

    async def run(self) -> Round:
        result = Round(self.n)
        lag = LoopLag()
        self.moderator = await self.client("moderator", token=self.token).connect(30)
        self.screen = await self.client("screen").connect(30)
        result.rss_idle_mb = ProcessSample.of(self.pid).rss_mb

        # Everyone scans the QR code at once.
        await self.profiler.start("connect")
        before = ProcessSample.of(self.pid)
        started = CLOCK()
        self.phones = [self.client("participant") for _ in range(self.n)]
        outcomes = await asyncio.gather(*(phone.connect(self.args.timeout) for phone in self.phones),
                                        return_exceptions=True)
        result.connect_all = CLOCK() - started
        result.connect_server_cpu = ProcessSample.of(self.pid).cpu_seconds - before.cpu_seconds
        self.profiler.stop()
        failed = [(phone, outcome) for phone, outcome in zip(self.phones, outcomes) if isinstance(outcome, BaseException)]
        for phone, outcome in failed:
            result.connect_errors[type(outcome).__name__ + (f": {outcome}" if str(outcome) else "")] += 1
            phone.close()
        self.phones = [phone for phone, outcome in zip(self.phones, outcomes) if not isinstance(outcome, BaseException)]
        result.connected = len(self.phones)
        self.port_of = {phone.token: phone.port for phone in self.phones if phone.token}
        result.connect_latencies = [phone.connect_seconds for phone in self.phones]
        result.rss_connected_mb = ProcessSample.of(self.pid).rss_mb
        await asyncio.sleep(0.5)
        lag.reset()

        for mode in self.args.modes:
            submit = Phase(f"{mode}:submit_idea")
            brainstorm = await self.open_activity("brainstorm", f"Vos idées ({mode})", {}, submit)
            ideas = await self.phase(submit, mode, lag, lambda phone, index: (
                "submit_idea", {"activity_id": brainstorm, "text": self.texts[index % len(self.texts)],
                                "op_id": op_id("idea")}))
            result.phases.append(submit)
            targets = [ack["idea_id"] for ack in ideas if ack.get("ok")]
            if not targets:
                break
            vote = Phase(f"{mode}:cast_votes")
            voting = await self.open_activity("dot_voting", f"Vos priorités ({mode})",
                                              {"source_activity_id": brainstorm, "budget": BUDGET,
                                               "max_per_item": MAX_PER_ITEM}, vote)
            await self.phase(vote, mode, lag, lambda phone, index: (
                "cast_votes", {"activity_id": voting, "allocations": self.ballot(targets), "op_id": op_id("vote")}))
            result.phases.append(vote)
            if mode == self.args.modes[0] and self.args.reconnect:
                result.phases.append(await self.reconnect_storm(lag))
            await self.moderate("set_phase", {"activity_id": voting, "phase": "closed"})
            await self.moderate("set_phase", {"activity_id": brainstorm, "phase": "closed"})

        result.server_cpu_total = ProcessSample.of(self.pid).cpu_seconds
        result.rss_peak_mb = max(result.rss_connected_mb, ProcessSample.of(self.pid).rss_mb)
        lag.stop()
        result.profiles = self.profiler.summaries
        result.dropped = self.dropped
        for client in (*self.phones, self.moderator, self.screen):
            client.close()
        return result

    async def reconnect_storm(self, lag: LoopLag) -> Phase:
        """The Wi-Fi drops during the vote: every phone reconnects at once with its token and gets the full state."""
        phase = Phase("reconnect_storm")
        await self.profiler.start(phase.name)
        identities = [(phone.token, phone.public_id, phone.item_lists) for phone in self.phones]
        lists_before = self.list_counts()
        for phone in self.phones:
            phone.close()
        await asyncio.sleep(0.5)
        before, cpu_before, busy_before = ProcessSample.of(self.pid), time.process_time(), machine_busy_seconds()
        lag.reset()
        started = CLOCK()
        # Each phone keeps the item lists it holds (static/js/socket.js does the same): it fetches none again.
        phones = [self.client("participant", token=token) for token, _, _lists in identities]
        for phone, (_token, _id, lists) in zip(phones, identities):
            phone.item_lists = dict(lists)
        outcomes = await asyncio.gather(*(phone.connect(self.args.timeout) for phone in phones), return_exceptions=True)
        phase.wall = CLOCK() - started
        phase.first_send, phase.last_ack = started, CLOCK()
        self.phones = []
        for phone, outcome, (token, public_id, _lists) in zip(phones, outcomes, identities):
            if isinstance(outcome, BaseException):
                phase.errors[type(outcome).__name__ + (f": {str(outcome)[:60]}" if isinstance(outcome, Refused) else "")] += 1
                phone.close()
                phone.token, phone.public_id = token, public_id  # it comes back before the next phase (rejoin)
                self.phones.append(phone)
            elif phone.public_id != public_id:
                phase.errors["identity_lost"] += 1
                self.phones.append(phone)
            else:
                phase.latencies.append(phone.connect_seconds)
                self.phones.append(phone)
        after = ProcessSample.of(self.pid)
        phase.server_cpu = after.cpu_seconds - before.cpu_seconds
        phase.server_waiting = after.waiting - before.waiting
        phase.client_cpu = time.process_time() - cpu_before
        phase.other_cpu = machine_busy_seconds() - busy_before - phase.server_cpu - phase.client_cpu
        phase.sampled = CLOCK() - started
        phase.loop_lag = lag.reset()
        self.count_lists(phase, lists_before)
        self.profiler.stop()
        return phase

    def ballot(self, targets: list[int]) -> list[dict[str, int]]:
        chosen = self.rng.sample(targets, min(len(targets), self.rng.randint(1, 3)))
        points, allocations = BUDGET, []
        for target in chosen:
            given = self.rng.randint(1, min(MAX_PER_ITEM, points))
            allocations.append({"target_id": target, "points": given})
            points -= given
            if points == 0:
                break
        return allocations

    async def phase(self, phase: Phase, mode: str, lag: LoopLag,
                    command: Callable[[Client, int], tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        """Every phone sends one command (spread over the window, or all at once) and waits for its ack."""
        await self.rejoin(phase)
        await self.profiler.start(phase.name)
        results_screen, results_moderator = self.projector.results, self.moderator_counter.results
        before, cpu_before, busy_before = ProcessSample.of(self.pid), time.process_time(), machine_busy_seconds()
        sampling_from = CLOCK()
        lag.reset()
        sends: list[float] = [0.0] * len(self.phones)
        acks: list[dict[str, Any]] = [{}] * len(self.phones)
        ack_times: list[float] = [0.0] * len(self.phones)

        lists_before = self.list_counts()

        async def one(index: int, phone: Client, delay: float) -> None:
            if delay:
                await asyncio.sleep(delay)
            await phone.lists_ready()  # a phone shows a vote once it holds its items
            event, data = command(phone, index)
            sends[index] = CLOCK()
            try:
                ack_times[index], acks[index] = await asyncio.wait_for(phone.emit(event, data), self.args.timeout)
            except (asyncio.TimeoutError, ConnectionError) as error:
                phase.errors[type(error).__name__] += 1
                return
            if not acks[index].get("ok"):
                phase.errors[acks[index].get("error", {}).get("code", "?")] += 1
            else:
                phase.latencies.append(ack_times[index] - sends[index])
                phase.timeline.append((sends[index], ack_times[index] - sends[index]))

        started = CLOCK()
        delays = [self.rng.uniform(0, self.args.window) if mode == "spread" else 0.0 for _ in self.phones]
        await asyncio.gather(*(one(index, phone, delay) for index, (phone, delay) in enumerate(zip(self.phones, delays))))
        phase.wall = CLOCK() - started
        phase.first_send = min((t for t in sends if t), default=0.0)
        phase.last_ack = max(ack_times, default=0.0)
        if phase.name.endswith("submit_idea"):  # give the projector a moment for the last broadcasts
            wanted = {ack["idea_id"]: index for index, ack in enumerate(acks) if ack.get("ok")}
            deadline = CLOCK() + 5
            while CLOCK() < deadline and not wanted.keys() <= self.projector.idea_seen.keys():
                await asyncio.sleep(0.01)
            for idea_id, index in wanted.items():
                seen = self.projector.idea_seen.get(idea_id)
                if seen is None:
                    phase.not_on_screen += 1
                else:
                    phase.screen_lags.append(seen - ack_times[index])
                    phase.screen_e2e.append(seen - sends[index])
        await asyncio.sleep(max(0.3, 2 * self.server.results_interval))  # the coalesced snapshots of this phase
        after = ProcessSample.of(self.pid)
        phase.sampled = CLOCK() - sampling_from
        phase.server_cpu = after.cpu_seconds - before.cpu_seconds
        phase.server_waiting = after.waiting - before.waiting
        phase.client_cpu = time.process_time() - cpu_before
        phase.other_cpu = machine_busy_seconds() - busy_before - phase.server_cpu - phase.client_cpu
        phase.loop_lag = lag.reset()
        phase.results_to_screen = self.projector.results - results_screen
        phase.results_to_moderator = self.moderator_counter.results - results_moderator
        self.count_lists(phase, lists_before)
        self.profiler.stop()
        return acks


# Running and printing ----------------------------------------------------------------------------------------------


class BenchServer(LiveServer):
    results_interval = 0.25


class BareServer(BenchServer):
    """The bare python-socketio server of ``tests.bench.bare`` (no database), for the ratio of record."""

    def start(self) -> "BareServer":
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "tests.bench.bare", "--port", str(self.port)],
                                            cwd=Path(__file__).resolve().parents[2], stdout=log,
                                            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"bare server exited: {self.log_path.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("bare server did not start within 30 s")


def run_round(phones: int, args: argparse.Namespace) -> Round:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-{phones}-"))
    instance = folder / "instance"
    instance.mkdir()
    bare = getattr(args, "server", "product") == "bare"
    server = (BareServer if bare else BenchServer)(instance=instance, extra_env=dict(HIGH_RATE_LIMIT))
    if not bare:
        server.workshop("migrate")
    server.start()
    print(f"  N={phones}: {'bare' if bare else 'product'} server pid {server.process.pid} on port {server.port}",  # type: ignore[union-attr]
          file=sys.stderr, flush=True)
    try:
        if bare:
            code, token = "BARE", "bare-moderator"
        else:
            room = server.create_event(title="Banc d'essai", rooms=("Plénière",))["rooms"][0]
            code, token = room["code"], room["moderator_token"]
        return asyncio.run(asyncio.wait_for(Scenario(server, code, token, phones, args).run(), args.round_timeout))
    finally:
        server.stop()
        log = instance / f"server-{server.port}.log"
        errors = [line for line in log.read_text(errors="replace").splitlines()
                  if "ERROR" in line or "Traceback" in line] if log.exists() else []
        if errors:
            print(f"  server log ({log}): {len(errors)} error lines, first: {errors[0][:200]}", file=sys.stderr)
        if args.keep or errors:
            print(f"  kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def ms(value: float) -> str:
    return "-" if value != value else f"{value * 1000:.0f}" if value >= 0.01 else f"{value * 1000:.1f}"


def print_round(result: Round) -> None:
    connect = result.connect_latencies
    print(f"\nN={result.phones}: connected {result.connected}/{result.phones} in {result.connect_all:.2f} s "
          f"(per phone p50 {ms(percentile(connect, 50))} / p95 {ms(percentile(connect, 95))} / "
          f"p99 {ms(percentile(connect, 99))} ms; server CPU {result.connect_server_cpu:.2f} s)"
          + (f"; refused: {dict(result.connect_errors)}" if result.connect_errors else ""))
    per_connection = (result.rss_connected_mb - result.rss_idle_mb) * 1024 / max(1, result.connected)
    print(f"  server RSS: {result.rss_idle_mb:.0f} MB idle, {result.rss_connected_mb:.0f} MB connected "
          f"(~{per_connection:.0f} KB per phone), {result.rss_peak_mb:.0f} MB at the end; "
          f"server CPU total {result.server_cpu_total:.1f} s")
    header = (f"  {'phase':<19}{'ok':>6}{'err':>5}{'p50':>7}{'p95':>7}{'p99':>7}{'max':>7}{'acks/s':>8}{'open→all':>9}"
              f"{'ack→scr':>8}{'p95':>8}{'srvCPU':>8}{'genCPU':>8}{'other':>7}{'genLag':>7}{'res scr/mod':>12}{'srvWait':>8}")
    print(header)
    for phase in result.phases:
        lat = phase.latencies
        cpu_share, gen_share, other_share = (value / phase.sampled * 100 if phase.sampled else float("nan")
                                             for value in (phase.server_cpu, phase.client_cpu, max(0.0, phase.other_cpu)))
        screen50 = ms(percentile(phase.screen_lags, 50)) if phase.screen_lags else "-"
        screen95 = ms(percentile(phase.screen_lags, 95)) if phase.screen_lags else "-"
        print(f"  {phase.name:<19}{len(lat):>6}{sum(phase.errors.values()):>5}{ms(percentile(lat, 50)):>7}"
              f"{ms(percentile(lat, 95)):>7}{ms(percentile(lat, 99)):>7}{ms(max(lat, default=float('nan'))):>7}"
              f"{phase.throughput:>8.0f}{ms(phase.fanout):>9}{screen50:>8}{screen95:>8}{cpu_share:>7.0f}%"
              f"{gen_share:>7.0f}%{other_share:>6.0f}%{ms(phase.loop_lag):>7}{phase.results_to_screen:>6}/{phase.results_to_moderator:<5}"
              f"{phase.server_waiting / phase.sampled * 100 if phase.sampled else float('nan'):>6.0f}%")
        if phase.errors:
            print(f"    errors: {dict(phase.errors)}")
        if phase.not_on_screen:
            print(f"    {phase.not_on_screen} acknowledged ideas never reached the projector")
        if phase.rejoined:
            print(f"    {phase.rejoined} phones had been disconnected by the server and rejoined before this phase")
        if phase.list_fetches or phase.list_errors or phase.list_fanout == phase.list_fanout:
            print(f"    item lists over HTTP: {phase.list_fetches} fetches, {phase.list_bytes / 1024:,.0f} KB on the wire"
                  f"{f', {phase.list_errors} failed attempts' if phase.list_errors else ''}"
                  + (f"; every phone held the vote's list {phase.list_fanout:.2f} s after the open"
                     if phase.list_fanout == phase.list_fanout else "")
                  + (f"; server CPU from the open to the last phone: {phase.open_cpu:.2f} s" if phase.open_cpu else ""))
    if result.dropped:
        print(f"  connections the server dropped and that reconnected: {dict(result.dropped)}")
    for name, ranked in result.profiles.items():
        print(f"  py-spy, {name}: share of server samples (inclusive, idle included)")
        for share, frame in ranked:
            print(f"    {share:5.1f}%  {frame}")


def print_summary(results: list[Round]) -> None:
    print("\nSummary (ms; acks/s; CPU = server process, % of one core during the phase)")
    print(f"{'N':>5} {'conn':>5} {'conn s':>7} {'phase':<19}{'p50':>7}{'p95':>7}{'p99':>7}{'acks/s':>8}"
          f"{'proj lag p50/p95':>18}{'CPU':>6}{'RSS MB':>8}{'err':>5}")
    for result in results:
        for phase in result.phases:
            lat = phase.latencies
            lag = (f"{ms(percentile(phase.screen_lags, 50))}/{ms(percentile(phase.screen_lags, 95))}"
                   if phase.screen_lags else "-")
            cpu_share = phase.server_cpu / phase.sampled * 100 if phase.sampled else float("nan")
            print(f"{result.phones:>5} {result.connected:>5} {result.connect_all:>7.2f} {phase.name:<19}"
                  f"{ms(percentile(lat, 50)):>7}{ms(percentile(lat, 95)):>7}{ms(percentile(lat, 99)):>7}"
                  f"{phase.throughput:>8.0f}{lag:>18}{cpu_share:>5.0f}%{result.rss_peak_mb:>8.0f}"
                  f"{sum(phase.errors.values()):>5}")


LEGEND = """  ok/err: acks ok / refused, lost or timed out.  p50..max: ack latency in ms (reconnect_storm: connect to room_state).
  acks/s: acks / (last ack - first send).  open→all: moderator's set_phase until every phone has activity_changed.
  ack→scr, p95: when the projector got the idea minus the phone's ack, ms (negative: the projector was first).
  srvCPU / genCPU / other: CPU of the server / the load generator / everything else (other processes on a shared box,
  kernel), % of one core over the phase; on 2 cores, other > ~30% means the figures are contaminated.
  genLag: generator's worst event-loop delay, ms (if high, latencies include the generator's own delay).
  res scr/mod: results_updated snapshots received by the projector / the moderator during the phase.
  srvWait: time the server was ready to run but waited for a core (/proc/PID/schedstat), % of the phase: on a
  crowded machine, latencies are mostly this."""


def main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, nargs="+", default=[100, 500, 1000], help="room sizes, one round each")
    parser.add_argument("--modes", nargs="+", choices=["spread", "burst"], default=["spread", "burst"])
    parser.add_argument("--window", type=float, default=5.0, help="spread mode: phones act within this many seconds")
    parser.add_argument("--timeout", type=float, default=30.0, help="per connect and per ack")
    parser.add_argument("--round-timeout", type=float, default=150.0, help="abort a round after this many seconds")
    parser.add_argument("--no-reconnect", dest="reconnect", action="store_false",
                        help="skip the reconnect storm (every phone reconnects at once during the first vote)")
    parser.add_argument("--server", choices=["product", "bare"], default="product",
                        help="bare: the python-socketio reference server of tests.bench.bare (no database)")
    parser.add_argument("--keep", action="store_true", help="keep each round's instance folder (database, server log)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="attach py-spy to the server during each phase; collapsed stacks go to DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = main_parser().parse_args(argv)

    print(f"workshop load test: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, loopback only; "
          f"rounds {args.phones}, modes {args.modes}, spread window {args.window:g} s")
    print(LEGEND)
    if args.profile:
        print("  py-spy is attached to the server: its sampling costs CPU, so these latencies are inflated")
    results = []
    for phones in args.phones:
        started = CLOCK()
        result = run_round(phones, args)
        results.append(result)
        print_round(result)
        print(f"  round took {CLOCK() - started:.1f} s")
    print_summary(results)
    if args.json:
        args.json.write_text(json.dumps([_raw(result) for result in results], indent=1))
    failures = sum(result.phones - result.connected
                   + sum(sum(phase.errors.values()) + phase.not_on_screen + phase.rejoined for phase in result.phases)
                   + sum(result.dropped.values())
                   for result in results)
    return 1 if failures else 0


def _raw(result: Round) -> dict[str, Any]:
    def summary(values: list[float]) -> dict[str, float]:
        return {f"p{q}": percentile(values, q) for q in (50, 95, 99)} | {"max": max(values, default=float("nan"))}

    return {
        "phones": result.phones, "connected": result.connected, "connect_all_s": result.connect_all,
        "connect_s": summary(result.connect_latencies), "rss_mb": [result.rss_idle_mb, result.rss_connected_mb,
                                                                 result.rss_peak_mb],
        "phases": [{"name": phase.name, "ok": len(phase.latencies), "errors": dict(phase.errors),
                    "ack_s": summary(phase.latencies), "acks_per_s": phase.throughput, "fanout_s": phase.fanout,
                    "list_fanout_s": phase.list_fanout, "list_fetches": phase.list_fetches,
                    "list_bytes": phase.list_bytes, "list_errors": phase.list_errors, "open_cpu_s": phase.open_cpu,
                    "screen_lag_s": summary(phase.screen_lags), "screen_e2e_s": summary(phase.screen_e2e),
                    "server_cpu_s": phase.server_cpu, "server_waiting_s": phase.server_waiting, "wall_s": phase.wall, "generator_cpu_s": phase.client_cpu,
                    "generator_loop_lag_s": phase.loop_lag, "other_cpu_s": phase.other_cpu, "sampled_s": phase.sampled, "results_to_screen": phase.results_to_screen,
                    "results_to_moderator": phase.results_to_moderator,
                    "timeline": [(round(sent - phase.first_send, 4), round(latency, 4))
                                 for sent, latency in sorted(phase.timeline)]} for phase in result.phases],
    }


if __name__ == "__main__":
    sys.exit(main())
