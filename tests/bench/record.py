"""The benchmark of record: the bare python-socketio server and the product, same generator, same run, as ratios.

    python -m tests.bench.record                  # what `make bench` runs: 1,000 phones, bare then product
    python -m tests.bench.record --phones 300 --no-write

Both servers get the scenario of ``tests.bench.load`` (connect N phones at once, ideas and ballots spread over
5 s, a reconnect storm during the vote, then ``--bursts`` times a burst of N ideas and one of N ballots, each on
new activities), ``--rounds`` times each, bare and product alternated: each figure is the median over the rounds
(and over their bursts). The table gives each figure for both
and the product's figure divided by the bare server's; the goals are those of issue 12. On a shared machine the
absolute figures move with the neighbours' load (the ``other`` CPU column): compare the ratios, which are taken
minutes apart under the same conditions. The table goes to ``docs/benchmarks.md`` (with the date, the machine
and the commit, and one line per run in its history) and between the markers of the README.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.bench import load

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "benchmarks.md"
README = ROOT / "README.md"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"
HISTORY = "## History (one line per `make bench`)"


@dataclass(frozen=True)
class Figure:
    label: str
    unit: str
    read: Callable[[load.Round], float]
    goal: str  # as issue 12 states it
    met: Callable[[float, float], bool] | None  # (product, ratio) -> goal reached


def _phase(result: load.Round, name: str) -> load.Phase | None:
    return next((phase for phase in result.phases if phase.name == name), None)


def _median(name: str, value: Callable[[load.Phase], float]) -> Callable[[load.Round], float]:
    """``value`` of the round's phase ``name``, or the median of its values when the phase ran several times (the
    bursts, ``--bursts``): a burst lasts a fraction of a second, and one alone says as much about the machine's
    moment as about the server."""
    def read(result: load.Round) -> float:
        values = [value(phase) for phase in result.phases if phase.name == name and phase.latencies]
        return statistics.median(values) if values else float("nan")
    return read


def merged(rounds: list[load.Round]) -> load.Round:
    """A server's rounds as one: every phase of each (a phase figure is the median over them), the round's own
    figures the median of the rounds' (the peak memory, their largest; failures, all of them)."""
    def median(name: str) -> float:
        return statistics.median(getattr(result, name) for result in rounds)

    return dataclasses.replace(
        rounds[0], connected=min(result.connected for result in rounds), connect_all=median("connect_all"),
        connect_server_cpu=median("connect_server_cpu"), rss_idle_mb=median("rss_idle_mb"),
        rss_connected_mb=median("rss_connected_mb"), rss_peak_mb=max(result.rss_peak_mb for result in rounds),
        server_cpu_total=median("server_cpu_total"), phases=[phase for result in rounds for phase in result.phases],
        dropped=sum((result.dropped for result in rounds), Counter()),
        connect_errors=sum((result.connect_errors for result in rounds), Counter()))


def _throughput(name: str) -> Callable[[load.Round], float]:
    return _median(name, lambda phase: phase.throughput)


def _p95(name: str) -> Callable[[load.Round], float]:
    return _median(name, lambda phase: load.percentile(phase.latencies, 95) * 1000)


def _wall(name: str) -> Callable[[load.Round], float]:
    return _median(name, lambda phase: phase.last_ack - phase.first_send)


def _cpu_per_ack(name: str) -> Callable[[load.Round], float]:
    """Server CPU over the phase per acknowledged command, ms: what a crowded machine changes least."""
    return _median(name, lambda phase: phase.server_cpu * 1000 / len(phase.latencies))


def _per_core(name: str) -> Callable[[load.Round], float]:
    return lambda result: 1000 / _cpu_per_ack(name)(result)


def _screen_p95(result: load.Round) -> float:
    phase = _phase(result, "spread:submit_idea")
    return load.percentile(phase.screen_e2e, 95) * 1000 if phase and phase.screen_e2e else float("nan")


def _kb_per_phone(result: load.Round) -> float:
    return (result.rss_connected_mb - result.rss_idle_mb) * 1024 / max(1, result.connected)


def figures(phones: int) -> list[Figure]:
    return [
        Figure(f"saturated ideas, burst of {phones}", "acks/s", _throughput("burst:submit_idea"), "≥ 0.5 × bare",
               lambda _value, ratio: ratio >= 0.5),
        Figure(f"saturated ballots, burst of {phones}", "acks/s", _throughput("burst:cast_votes"), "≥ 0.5 × bare",
               lambda _value, ratio: ratio >= 0.5),
        Figure(f"burst of {phones} ballots, all acked", "s", _wall("burst:cast_votes"), "< 1 s",
               lambda value, _ratio: value < 1),
        Figure(f"burst of {phones} ideas, all acked", "s", _wall("burst:submit_idea"), "", None),
        Figure("ideas over 5 s: ack p95", "ms", _p95("spread:submit_idea"), "< 100 ms", lambda value, _ratio: value < 100),
        Figure("ballots over 5 s: ack p95", "ms", _p95("spread:cast_votes"), "< 100 ms", lambda value, _ratio: value < 100),
        Figure("projector lag p95 (phone sends → screen shows)", "ms", _screen_p95, "< 250 ms",
               lambda value, _ratio: value < 250),
        Figure(f"reconnect storm of {phones} during the vote, to the last room_state", "s", _wall("reconnect_storm"),
               "< 3 s", lambda value, _ratio: value < 3),
        Figure(f"connect {phones} phones", "s", lambda result: result.connect_all, "< 3 s", lambda value, _ratio: value < 3),
        Figure(f"server CPU per idea, burst of {phones}", "ms", _cpu_per_ack("burst:submit_idea"), "", None),
        Figure(f"server CPU per ballot, burst of {phones}", "ms", _cpu_per_ack("burst:cast_votes"), "", None),
        Figure("ballots per second of one whole core (1 / CPU per ballot)", "acks/s", _per_core("burst:cast_votes"),
               "≥ 0.5 × bare", lambda _value, ratio: ratio >= 0.5),
        Figure("server CPU per reconnecting phone", "ms", _cpu_per_ack("reconnect_storm"), "", None),
        Figure("server CPU per connecting phone", "ms",
               lambda result: result.connect_server_cpu * 1000 / max(1, result.connected), "", None),
        Figure("memory per connected phone", "KB", _kb_per_phone, "printed", None),
        Figure("server CPU, whole round", "s", lambda result: result.server_cpu_total, "", None),
    ]


def _number(value: float) -> str:
    if value != value:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def table(phones: int, bare: load.Round, product: load.Round) -> list[str]:
    rows = ["| figure | unit | bare | product | product ÷ bare | goal | met |", "|---|---|---:|---:|---:|---|---|"]
    for figure in figures(phones):
        reference, value = figure.read(bare), figure.read(product)
        ratio = value / reference if reference and reference == reference else float("nan")
        met = "" if figure.met is None or value != value else ("yes" if figure.met(value, ratio) else "**no**")
        rows.append(f"| {figure.label} | {figure.unit} | {_number(reference)} | {_number(value)} | "
                    f"{ratio:.2f} | {figure.goal} | {met} |")
    return rows


def contamination(result: load.Round) -> float:
    """Mean CPU of everything else on the machine over the round's phases, % of one core."""
    shares = [phase.other_cpu / phase.sampled * 100 for phase in result.phases if phase.sampled]
    return sum(shares) / len(shares) if shares else float("nan")


def waiting(result: load.Round) -> float:
    """Mean share of the phases the server spent ready to run with no core free, %."""
    shares = [phase.server_waiting / phase.sampled * 100 for phase in result.phases if phase.sampled]
    return sum(shares) / len(shares) if shares else float("nan")


def failures(result: load.Round) -> int:
    return (result.phones - result.connected + sum(result.dropped.values())
            + sum(sum(phase.errors.values()) + phase.not_on_screen + phase.rejoined for phase in result.phases))


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    changed = [line for line in git("status", "--porcelain").splitlines()
               if not line.endswith(("docs/benchmarks.md", "README.md"))]
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if changed else "")


def report(phones: int, bare: load.Round, product: load.Round, command: str, started: dt.datetime) -> list[str]:
    return [
        f"Run {started:%Y-%m-%d %H:%M} UTC, commit `{commit()}`, {machine()}.",
        f"Command: `{command}`. Other processes' CPU during the rounds (mean, % of one core): "
        f"bare {contamination(bare):.0f} %, product {contamination(product):.0f} %; the server ready to run but "
        f"waiting for a core (mean share of the phases): bare {waiting(bare):.0f} %, product {waiting(product):.0f} %; "
        f"failed or dropped: bare {failures(bare)}, product {failures(product)}.",
        "",
        *table(phones, bare, product),
    ]


def history_line(phones: int, bare: load.Round, product: load.Round, started: dt.datetime) -> str:
    ideas, ballots = (figure.read(product) / figure.read(bare) for figure in figures(phones)[:2])
    return (f"| {started:%Y-%m-%d %H:%M} | `{commit()}` | {phones} | {figures(phones)[1].read(bare):,.0f} | "
            f"{ideas:.2f} | {ballots:.2f} | {_number(_wall('burst:cast_votes')(product))} | "
            f"{_number(_p95('spread:cast_votes')(product))} | {_number(_wall('reconnect_storm')(product))} | "
            f"{_number(product.connect_all)} | {contamination(product):.0f} % |")


def write_documents(lines: list[str], history: str) -> None:
    previous = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    kept = previous.split(HISTORY, 1)[1].strip().splitlines()[2:] if HISTORY in previous else []
    scale_heading = "## Scale-out"  # written by tests.bench.scale: kept as it is
    scale = ("## Scale-out" + previous.split(scale_heading, 1)[1].split(HISTORY, 1)[0]).strip().splitlines() \
        if scale_heading in previous else []
    head = DOC_INTRO.strip().splitlines()
    DOC.write_text("\n".join([*head, "", "## Latest run", "", *lines, "", *scale, *([""] if scale else []), HISTORY, "",
                              "| run (UTC) | commit | phones | bare ballots/s | ideas ÷ bare | ballots ÷ bare | "
                              "burst of ballots s | ballot p95 ms | reconnect storm s | connect s | other CPU |",
                              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", *kept, history, ""]),
                   encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if README_START in readme and README_END in readme:
        before, rest = readme.split(README_START, 1)
        after = rest.split(README_END, 1)[1]
        README.write_text(before + README_START + "\n" + "\n".join(lines) + "\n" + README_END + after, encoding="utf-8")


DOC_INTRO = """
# Benchmarks of record

`make bench` (`python -m tests.bench.record`) runs the project's load generator (`tests/bench/load.py`) against
two servers one after the other, in the same run: a **bare** python-socketio gevent server (`tests/bench/bare.py`:
no database, every event counted and acknowledged at once, the same transport settings as the product) and the
**product** (`workshop run`: SQLite in WAL with `synchronous=FULL`, every ack sent after its commit). The ratio
column is the product's figure divided by the bare server's; on a machine shared with other work the absolute
figures move with the neighbours' load, the ratio much less. The goals are those of issue 12. Each server gets
two rounds, bare and product alternated (`--rounds`), each with three bursts of ideas and of ballots on new
activities (`--bursts`); every row gives the median over the rounds and their bursts. A burst lasts a fraction of
a second, and on this machine one alone moved by a third, and a whole round by as much, from run to run. Since that
change (2026-12-07, night) the "whole round" CPU is the median of rounds with three bursts, not one: compare it
with later runs only.

When the machine is crowded (the `other` CPU below: 2 cores shared with other work), a server waits for a core
and its wall-clock figures say more about the neighbours than about it. The server's **CPU per command** (its
own CPU time over a phase divided by the commands acknowledged) moves much less: its inverse is the throughput
the server would reach on one core of its own. The table gives both.

This file is rewritten by each run (latest table) and keeps one line per run in its history; the README quotes
the latest table.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.record", description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=1000)
    parser.add_argument("--window", type=float, default=5.0)
    parser.add_argument("--bursts", type=int, default=3,
                        help="bursts of ideas and ballots per round; their figures are the median of the bursts")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds per server, bare and product alternated; each figure is the median of all")
    parser.add_argument("--no-write", dest="write", action="store_false", help="print only; leave the docs alone")
    parser.add_argument("--profile", type=Path, metavar="DIR", help="py-spy on the product server (see load.py)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    command = "python -m tests.bench.record " + " ".join(argv if argv is not None else sys.argv[1:])
    started = dt.datetime.now(dt.timezone.utc)

    def round_args(server: str, profile: Path | None) -> argparse.Namespace:
        return load.main_parser().parse_args(
            ["--server", server, "--phones", str(args.phones), "--window", str(args.window),
             "--modes", "spread", *["burst"] * args.bursts,
             # a crowded machine can stretch a phase well past the generator's defaults: measure it, do not abort it
             "--timeout", "120", "--round-timeout", "900"]
            + (["--profile", str(profile)] if profile else []) + (["--keep"] if args.keep else []))

    runs: dict[str, list[load.Round]] = {"bare": [], "product": []}
    for number in range(1, args.rounds + 1):
        for server in ("bare", "product"):  # alternated: a slower spell of the machine falls on both
            clock = time.monotonic()
            runs[server].append(load.run_round(args.phones, round_args(server, args.profile if server == "product"
                                                                       else None)))
            print(f"\n[{server}, round {number} of {args.rounds}]", end="")
            load.print_round(runs[server][-1])
            print(f"  round took {time.monotonic() - clock:.1f} s", flush=True)
    rounds = {server: merged(results) for server, results in runs.items()}
    lines = report(args.phones, rounds["bare"], rounds["product"], command.strip(), started)
    print("\n" + "\n".join(lines))
    if args.write:
        write_documents(lines, history_line(args.phones, rounds["bare"], rounds["product"], started))
        print(f"\nwritten to {DOC.relative_to(ROOT)} and the README")
    return 1 if failures(rounds["product"]) or failures(rounds["bare"]) else 0


if __name__ == "__main__":
    sys.exit(main())
