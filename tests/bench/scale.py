"""Scale-out on one machine: N phones across several server processes, Redis as the message queue, PostgreSQL.

    python -m tests.bench.scale --phones 5000 --processes 4        # what `make bench-scale` runs

The same scenario as ``tests.bench.load`` (phones connect at once, ideas and ballots spread over 5 s, a reconnect
storm during the vote, bursts), against two set-ups started one after the other in the same run:

- **bare**: ``--processes`` bare python-socketio servers (``tests.bench.bare``) sharing a Redis message queue;
- **product**: ``--processes`` ``workshop run`` processes on one PostgreSQL database (``fsync`` and
  ``synchronous_commit`` on: an ack means committed on disk) and the same Redis message queue.

How the load is split: one generator process (asyncio) opens every phone's websocket; phone *i* always talks to
process *i mod P* (the sticky sessions a load balancer would keep); the moderator and the projector use process
0, so what they see of the other processes' phones went through Redis. At most ``--in-flight`` phones (50 per
process) set up a connection at once, the others wait their turn (``RampedScenario`` says why). Redis,
PostgreSQL, the servers and the generator share the machine's cores. The table has the same rows and ratio column
as ``tests.bench.record``, then the CPU per command of every process (each server, Redis, PostgreSQL) and the
``operations`` journal's size per command and pruning; it is printed and, with ``--write``, added to
``docs/benchmarks.md``. A round that does not finish within ``--round-timeout`` prints where it got.

Length: the set-ups (servers, Redis, PostgreSQL), the meter of every process's CPU per phase, the ramp, the journal's
figures and the report belong to one run of one command; split, they would only pass each other globals.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import requests

from tests.bench import load, record
from tests.e2e.conftest import WORKSHOP
from tests.engines import create_database, free_port, postgresql_server, redis_server

ROOT = Path(__file__).resolve().parents[2]
SCALE_HEADING = "## Scale-out on one machine (`make bench-scale`)"
README_START, README_END = "<!-- bench-scale:start -->", "<!-- bench-scale:end -->"
JOURNAL: list[str] = []  # the journal's figures of the product's round, for the report
ENGINES: dict[str, list[str]] = {}  # per set-up: the CPU per command of each process, Redis and PostgreSQL


class Cluster:
    """Several server processes seen by ``load.Scenario`` as one server (``ports``, ``pids``)."""

    results_interval = 0.25

    def __init__(self, processes: list[subprocess.Popen[bytes]], ports: list[int]) -> None:
        self.processes, self.ports = processes, ports
        self.port, self.process = ports[0], processes[0]
        self.pids = [process.pid for process in processes]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, path: str | None, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            if path is None:
                import socket

                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            if requests.get(f"http://127.0.0.1:{port}{path}", timeout=1).ok:
                return
        except (OSError, requests.RequestException):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not start within 60 s")


def start_bare(count: int, redis_url: str, folder: Path) -> Cluster:
    processes, ports = [], []
    for _ in range(count):
        port = free_port()
        log = folder / f"bare-{port}.log"
        with log.open("ab") as handle:
            processes.append(subprocess.Popen([sys.executable, "-m", "tests.bench.bare", "--port", str(port),
                                               "--redis", redis_url], cwd=ROOT, stdout=handle,
                                              stderr=subprocess.STDOUT))
        ports.append(port)
        _wait_until_listening(processes[-1], port, None, log)
    return Cluster(processes, ports)


def start_product(count: int, database_url: str, redis_url: str, folder: Path) -> tuple[Cluster, str, str, dict[str, str]]:
    environment = os.environ | load.HIGH_RATE_LIMIT | {
        "WORKSHOP_DATABASE_URL": database_url, "WORKSHOP_REDIS_URL": redis_url,
        "WORKSHOP_INSTANCE_PATH": str(folder), "WORKSHOP_SECRET_KEY": "bench-scale-secret"}
    subprocess.run([str(WORKSHOP), "migrate"], env=environment, cwd=ROOT, check=True, capture_output=True, timeout=120)
    created = json.loads(subprocess.run([str(WORKSHOP), "create-event", "--title", "Banc d'essai", "--room", "Plénière",
                                         "--json"], env=environment, cwd=ROOT, check=True, capture_output=True,
                                        text=True, timeout=120).stdout)
    processes, ports = [], []
    for _ in range(count):
        port = free_port()
        log = folder / f"server-{port}.log"
        with log.open("ab") as handle:
            processes.append(subprocess.Popen(
                [str(WORKSHOP), "run", "--host", "127.0.0.1", "--port", str(port)],
                env=environment | {"WORKSHOP_PUBLIC_URL": f"http://127.0.0.1:{port}"}, cwd=ROOT, stdout=handle,
                stderr=subprocess.STDOUT))
        ports.append(port)
        _wait_until_listening(processes[-1], port, "/healthz", log)
    room = created["rooms"][0]
    return Cluster(processes, ports), room["code"], room["moderator_token"], environment


class RampedScenario(load.Scenario):
    """``load.Scenario`` whose phones set up at most ``in_flight`` connections at a time (a ramp), every time.

    Everyone at once works up to ~1,000 phones. At 5,000 over 4 processes on two cores, a phone whose ``connect``
    handler waited its turn behind a thousand others passed Engine.IO's ping window: python-socketio runs the
    connect handler in the connection's reading greenlet, so the pong is not read until the handler returns, and
    the server closes the connection before its ``room_state`` ("closed before room_state": 4,185 of 5,000 at
    16:10). A real room arrives over some seconds (and socket.io clients spread their reconnections); here a phone
    starts its handshake when one of the ``in_flight`` slots is free, and its own latency is counted from then;
    the phase's wall time (connect N phones, the storm) includes the ramp. Bare and product get the same ramp.
    """

    def __init__(self, *args: object, in_flight: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.slots = asyncio.Semaphore(in_flight)

    def client(self, role: str, **extra: object) -> load.Client:
        client = super().client(role, **extra)
        if role == "participant":
            connect = client.connect

            async def ramped(timeout: float) -> load.Client:
                async with self.slots:
                    return await connect(timeout)

            client.connect = ramped  # type: ignore[method-assign]
        return client

    async def moderate(self, command: str, data: dict[str, object]) -> dict[str, object]:
        """``load.Scenario.moderate`` with the patience 5,000 phones need: a console's ``room_state`` carries every
        idea of the room, and the 16:10 run lost the whole round when the moderator's reconnection took over 60 s."""
        payload = {**data, "op_id": load.op_id("mod")}
        for _ in range(5):
            try:
                ack = await self.moderator.call(command, payload, timeout=180)
                break
            except (ConnectionError, asyncio.TimeoutError):
                self.dropped["moderator"] += 1
                self.moderator.close()
                try:
                    self.moderator = await self.client("moderator", token=self.token).connect(300)
                except (ConnectionError, asyncio.TimeoutError, load.Refused):
                    continue
        else:
            raise RuntimeError(f"moderator {command}: no ack after 5 connections")
        if not ack.get("ok"):
            raise RuntimeError(f"moderator {command} refused: {ack}")
        return ack  # type: ignore[no-any-return]


def round_args(args: argparse.Namespace) -> argparse.Namespace:
    return load.main_parser().parse_args(["--phones", str(args.phones), "--window", str(args.window),
                                          "--timeout", "180", "--round-timeout", "1800"])


def _cpu(pid: int, *, reaped_children: bool = False) -> float:
    """utime + stime of one process (+ what its reaped children used), seconds; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if reaped_children else 0)
    return ticks / load.CLK_TCK


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                found.append((int(entry.name), parent, (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()))
            except (OSError, ValueError, IndexError):
                continue
    return found


class EngineMeter:
    """CPU per phase of every server process, of Redis and of PostgreSQL (the postmaster and its backends).

    It stands in for ``load.Scenario``'s profiler, whose ``start``/``stop`` bracket each phase: the generator
    counts only the servers' CPU, and with PostgreSQL and Redis on the same cores that is half the story.
    """

    def __init__(self, cluster: Cluster, redis_url: str, database_url: str | None) -> None:
        self.cluster = cluster
        self.summaries: dict[str, list[tuple[float, str]]] = {}  # what load.Scenario reads of a profiler
        self.phases: dict[str, dict[str, float]] = {}
        redis_port = redis_url.rsplit(":", 1)[1].split("/")[0]
        self.redis = next((pid for pid, _, line in _processes() if "redis-server" in line and f":{redis_port}" in line),
                          None)
        self.postmaster = None
        if database_url:
            port = database_url.rsplit(":", 1)[1].split("/")[0]
            self.postmaster = next((pid for pid, _, line in _processes()
                                    if "postgres" in line and f"-p {port}" in line and "pg_ctl" not in line), None)
        self.database_url = database_url
        self.statistics: dict[str, dict[str, int]] = {}  # per phase: PostgreSQL sessions opened, commits, rollbacks
        self._running: tuple[str, dict[str, float]] | None = None

    def database_statistics(self) -> dict[str, int]:
        """PostgreSQL's own counters (pg_stat_database): a new session is a backend forked, the dearest thing it does."""
        if not self.database_url:
            return {}
        import psycopg

        with psycopg.connect(self.database_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as db:
            db.execute("SELECT pg_stat_clear_snapshot()")
            row = db.execute("SELECT sum(sessions), sum(xact_commit), sum(xact_rollback) FROM pg_stat_database").fetchone()
        return dict(zip(("sessions", "commits", "rollbacks"), (int(value or 0) for value in row or ())))

    def sample(self) -> dict[str, float]:
        sample = {f"server {index}": _cpu(pid) for index, pid in enumerate(self.cluster.pids)}
        if self.redis:
            sample["redis"] = _cpu(self.redis)
        if self.postmaster:
            sample["postgres"] = _cpu(self.postmaster, reaped_children=True) + sum(
                _cpu(pid) for pid, parent, _ in _processes() if parent == self.postmaster)
        return sample

    async def start(self, name: str) -> None:
        self._statistics = self.database_statistics()
        self._running = (name, self.sample())

    def stop(self) -> None:
        if self._running is None:
            return
        (name, before), after = self._running, self.sample()
        self._running = None
        self.phases[name] = {group: after[group] - before.get(group, 0.0) for group in after}
        statistics = self.database_statistics()
        self.statistics[name] = {key: value - self._statistics.get(key, 0) for key, value in statistics.items()}


def engine_cpu_lines(kind: str, meter: EngineMeter, result: load.Round) -> list[str]:
    """Per phase: CPU per command (ms) of each server process, Redis, PostgreSQL, their sum; PostgreSQL's counters."""
    counts = {"connect": result.connected} | {phase.name: len(phase.latencies) for phase in result.phases}
    groups = list(next(iter(meter.phases.values()), {}))
    statistics = any(meter.statistics.values())
    lines = [f"| {kind}: CPU per command, ms | " + " | ".join(groups) + " | all | commands |"
             + (" PostgreSQL sessions opened / commits |" if statistics else ""),
             "|---|" + "---:|" * (len(groups) + 2) + ("---:|" if statistics else "")]
    for name, used in meter.phases.items():
        count = counts.get(name, 0)
        if not count:
            continue
        numbers = meter.statistics.get(name, {})
        lines.append(f"| {name} | " + " | ".join(f"{used[group] * 1000 / count:.2f}" for group in groups)
                     + f" | {sum(used.values()) * 1000 / count:.2f} | {count:,} |"
                     + (f" {numbers.get('sessions', 0):,} / {numbers.get('commits', 0):,} |" if statistics else ""))
    return lines


def profile_cluster(cluster: Cluster, folder: Path) -> list[tuple[subprocess.Popen[bytes], Path]]:
    """py-spy on every server process for the whole round (collapsed stacks, one file per process)."""
    folder.mkdir(parents=True, exist_ok=True)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(py_spy).exists():
        raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")
    spies = []
    for pid in cluster.pids:
        output = folder / f"server-{pid}.txt"
        # --nonblocking: pausing the servers would distort what is measured; no --idle: where the CPU goes.
        spies.append((subprocess.Popen([py_spy, "record", "--pid", str(pid), "--rate", "100", "--nonblocking", "--function",
                                        "--format", "raw", "--output", str(output)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), output))
    time.sleep(0.5)  # attaching takes a moment
    return spies


def print_profile(kind: str, outputs: list[Path], limit: int = 40) -> None:
    """Inclusive share of the busy samples of every process together, per function (plumbing left out)."""
    merged = outputs[0].with_name("all.txt")
    merged.write_text("".join(output.read_text(errors="replace") for output in outputs if output.exists()))
    print(f"  py-spy, {kind}: share of the servers' busy samples, inclusive ({merged})", file=sys.stderr)
    for share, frame in load.top_functions(merged, limit):
        print(f"    {share:5.1f}%  {frame}", file=sys.stderr)


def journal_figures(database_url: str, environment: dict[str, str], result: load.Round) -> list[str]:
    """The ``operations`` journal after the round: rows and bytes per command, then ``workshop prune-journal``."""
    import psycopg

    plain = database_url.replace("postgresql+psycopg://", "postgresql://")

    def measure() -> tuple[int, int]:
        with psycopg.connect(plain, autocommit=True) as db:
            rows = db.execute("SELECT count(*) FROM operations").fetchone()
            size = db.execute("SELECT pg_total_relation_size('operations')").fetchone()
        return int(rows[0] if rows else 0), int(size[0] if size else 0)

    commands = sum(len(phase.latencies) for phase in result.phases if phase.name != "reconnect_storm")
    rows, size = measure()
    # Every activity of the scenario is closed by now; a retention of 0 keeps what the rate limit's window needs.
    clock = time.monotonic()
    pruned = subprocess.run([str(WORKSHOP), "prune-journal"], env=environment | {"WORKSHOP_JOURNAL_RETENTION_HOURS": "0"},
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    took = time.monotonic() - clock
    with psycopg.connect(plain, autocommit=True) as db:
        db.execute("VACUUM operations")
    rows_after, size_after = measure()
    return [f"Journal (`operations`): {rows:,} rows, {size / 1024:,.0f} KB with its indexes after {commands:,} "
            f"acknowledged ideas and ballots ({rows / max(1, commands):.2f} rows and {size / max(1, rows):,.0f} bytes "
            f"per entry); `workshop prune-journal` (retention 0, every activity closed) took {took:.1f} s "
            f"({(pruned.stdout or pruned.stderr).strip()[:160]}); after it and VACUUM: {rows_after:,} rows, "
            f"{size_after / 1024:,.0f} KB."]


def run(kind: str, args: argparse.Namespace) -> load.Round:
    folder = Path(tempfile.mkdtemp(prefix=f"bench-scale-{kind}-"))
    cluster: Cluster | None = None
    try:
        with ExitStack() as stack:
            redis_url = stack.enter_context(redis_server())
            if kind == "bare":
                cluster = start_bare(args.processes, redis_url, folder)
                code, token = "BARE", "bare-moderator"
            else:
                database_url = create_database(stack.enter_context(postgresql_server(durable=True)))
                cluster, code, token, environment = start_product(args.processes, database_url, redis_url, folder)
            print(f"  {kind}: {args.processes} processes on ports {cluster.ports}", file=sys.stderr, flush=True)
            spies = profile_cluster(cluster, args.profile / kind) if args.profile else []
            scenario = RampedScenario(cluster, code, token, args.phones, round_args(args),  # type: ignore[arg-type]
                                      in_flight=args.in_flight or 50 * args.processes)
            meter = EngineMeter(cluster, redis_url, None if kind == "bare" else database_url)
            scenario.profiler = meter  # type: ignore[assignment]  # brackets every phase
            try:
                try:
                    result = asyncio.run(asyncio.wait_for(scenario.run(), args.round_timeout))
                except (asyncio.TimeoutError, RuntimeError) as error:
                    # A round that does not finish still says where it got and what each process spent on the way.
                    print(f"  {kind}: the round did not complete ({type(error).__name__}: {error}); "
                          f"CPU seconds per phase so far:", flush=True)
                    for name, used in meter.phases.items():
                        print(f"    {name:<19}" + "".join(f"  {group} {value:.1f}" for group, value in used.items())
                              + "".join(f"  {key} {value}" for key, value in meter.statistics.get(name, {}).items()),
                              flush=True)
                    raise
                ENGINES[kind] = engine_cpu_lines(kind, meter, result)
                print("\n".join(ENGINES[kind]), flush=True)
                if kind == "product":
                    cluster.stop()
                    JOURNAL.extend(journal_figures(database_url, environment, result))
                    print("  " + JOURNAL[-1], flush=True)
                return result
            finally:
                for spy, _ in spies:
                    spy.send_signal(signal.SIGINT)
                for spy, _ in spies:
                    spy.wait(timeout=60)
                if spies:
                    print_profile(kind, [output for _, output in spies])
                cluster.stop()
    finally:
        errors = [line for log in folder.glob("*.log") for line in log.read_text(errors="replace").splitlines()
                  if "ERROR" in line or "Traceback" in line]
        if errors:
            print(f"  {kind} logs ({folder}): {len(errors)} error lines, first: {errors[0][:200]}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=5000)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--window", type=float, default=5.0)
    parser.add_argument("--write", action="store_true", help="add the table to docs/benchmarks.md")
    parser.add_argument("--round-timeout", type=float, default=1200, help="give up a round after this many seconds")
    parser.add_argument("--in-flight", type=int, default=0,
                        help="phones setting up their connection at once (default 50 per process); the rest wait")
    parser.add_argument("--setups", nargs="+", choices=["bare", "product"], default=["bare", "product"],
                        help="while developing: one set-up only (the table needs both)")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="attach py-spy to every server process for the whole round; stacks go to DIR")
    args = parser.parse_args(argv)
    command = "python -m tests.bench.scale " + " ".join(argv if argv is not None else sys.argv[1:])
    started = dt.datetime.now(dt.timezone.utc)
    rounds: dict[str, load.Round] = {}
    for kind in args.setups:
        clock = time.monotonic()
        rounds[kind] = run(kind, args)
        print(f"\n[{kind}, {args.processes} processes]", end="")
        load.print_round(rounds[kind])
        print(f"  round took {time.monotonic() - clock:.1f} s", flush=True)
    if len(rounds) < 2:
        return 0
    lines = [f"{args.phones} phones over {args.processes} processes (phone i → process i mod {args.processes}, "
             f"one generator process for every phone, the moderator and the projector on process 0; at most "
             f"{args.in_flight or 50 * args.processes} phones setting up a connection at once, the others waiting "
             f"their turn, in the storm too; Redis message queue; product on PostgreSQL with fsync on; servers, "
             f"Redis, PostgreSQL and the generator share the machine's cores).",
             *record.report(args.phones, rounds["bare"], rounds["product"], command.strip(), started),
             "", "CPU per command of each process (the rows above count the server processes only; with the "
             "servers, Redis and PostgreSQL share the same two cores):", "",
             *ENGINES.get("bare", []), "", *ENGINES.get("product", []), "", *JOURNAL]
    print("\n" + "\n".join(lines))
    if args.write:
        text = record.DOC.read_text(encoding="utf-8")
        section = "\n".join([SCALE_HEADING, "", *lines, ""])
        if SCALE_HEADING in text:
            before, rest = text.split(SCALE_HEADING, 1)
            after = rest[rest.index("\n## ", 1):] if "\n## " in rest[1:] else ""
            text = before + section + after
        else:
            head, history = text.split(record.HISTORY, 1)
            text = head + section + "\n" + record.HISTORY + history
        record.DOC.write_text(text, encoding="utf-8")
        readme = record.README.read_text(encoding="utf-8")
        if README_START in readme and README_END in readme:  # the README quotes the table (not the per-process CPU)
            before, rest = readme.split(README_START, 1)
            table = record.report(args.phones, rounds["bare"], rounds["product"], command.strip(), started)
            record.README.write_text(before + README_START + "\n" + "\n".join([lines[0], "", *table]) + "\n"
                                     + README_END + rest.split(README_END, 1)[1], encoding="utf-8")
        print(f"\nwritten to {record.DOC.relative_to(ROOT)} and the README")
    return 1 if record.failures(rounds["product"]) or record.failures(rounds["bare"]) else 0


if __name__ == "__main__":
    sys.exit(main())
