"""A real server process (``workshop run``, gevent, SQLite in WAL) that tests can start, kill and restart."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = Path(sys.executable).parent / "workshop"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class LiveServer:
    """One server process on loopback; ``env`` points it at its own instance folder."""

    instance: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return os.environ | {"WORKSHOP_INSTANCE_PATH": str(self.instance), "WORKSHOP_PUBLIC_URL": self.url,
                             "WORKSHOP_SECRET_KEY": "e2e-secret"} | self.extra_env

    def workshop(self, *args: str) -> str:
        """Run a one-shot ``workshop`` command against the same database; returns its standard output."""
        done = subprocess.run([str(WORKSHOP), *args], env=self.env, cwd=ROOT, capture_output=True, text=True,
                              timeout=60, check=True)
        return done.stdout

    def create_event(self, title: str = "Rencontre nationale SNI", rooms: tuple[str, ...] = ("Plénière",)) -> dict:
        arguments = ["create-event", "--title", title, "--json"]
        for room in rooms:
            arguments += ["--room", room]
        return json.loads(self.workshop(*arguments))

    @property
    def log_path(self) -> Path:
        return self.instance / f"server-{self.port}.log"

    def start(self) -> "LiveServer":
        with self.log_path.open("ab") as log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen([str(WORKSHOP), "run", "--host", "127.0.0.1", "--port", str(self.port)],
                                            env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("server did not start within 30 s")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, exactly like a crash or a pulled plug (minus the OS cache)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A started server on a free loopback port, with a fresh database; stopped after the test."""
    instance = tmp_path / "instance"
    instance.mkdir()
    server = LiveServer(instance=instance)
    server.workshop("migrate")
    server.start()
    yield server
    server.stop()
