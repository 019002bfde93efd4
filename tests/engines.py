"""Throwaway PostgreSQL and Redis servers on loopback, started by the tests themselves (no mocks, no docker)."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _postgres_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise RuntimeError(f"{name} not found: `make test` installs Debian's postgresql")
    return found


def _as_unprivileged(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; CI runs as root, so they run as nobody there.
    return ["runuser", "-u", "nobody", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgresql_server(*, durable: bool = False) -> Iterator[str]:
    """Start a private cluster; yields a SQLAlchemy URL prefix ``postgresql+psycopg://postgres@127.0.0.1:PORT``.

    Tests run it without fsync (nothing they check needs the disk); ``durable`` keeps PostgreSQL's defaults, for the
    benchmark, where an acknowledgement must mean a commit on disk.
    """
    # Not under pytest's tmp_path: its parents are private to root, and the server runs as nobody.
    workdir = Path(tempfile.mkdtemp(prefix="workshop-pg-"))
    data, sockets = workdir / "pgdata", workdir / "pgsock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(workdir, "nobody", "nogroup")
        shutil.chown(sockets, "nobody", "nogroup")
    subprocess.run(_as_unprivileged([_postgres_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                                     "--encoding=UTF8", "--no-sync"]), check=True, capture_output=True, timeout=120)
    port = free_port()
    options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c max_connections=200"
               + ("" if durable else " -c fsync=off"))
    subprocess.run(_as_unprivileged([_postgres_bin("pg_ctl"), "-D", str(data), "-o", options, "-l",
                                     str(workdir / "postgres.log"), "-w", "start"]),
                   check=True, capture_output=True, timeout=120)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_unprivileged([_postgres_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(workdir, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A fresh, empty database on the server; returns its URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain + "/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


@contextmanager
def redis_server() -> Iterator[str]:
    """Start ``redis-server`` on a free loopback port without persistence; yields its URL."""
    binary = shutil.which("redis-server")
    if not binary:
        raise RuntimeError("redis-server not found: `make test` installs Debian's redis-server")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
