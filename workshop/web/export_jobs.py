"""Long exports run as a separate ``workshop export`` process: the second core renders while this one serves the room.

A page starts a job, polls its progress, then downloads the file. Jobs live in this process's memory: a
restarted server forgets them, and the page simply asks again.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from flask_socketio import SocketIO

from ..config import Settings

WORKSHOP = Path(sys.executable).parent / "workshop"
KEEP_SECONDS = 15 * 60  # a finished file waits this long for its download


@dataclass
class ExportJob:
    id: str
    event_id: int
    filename: str
    mimetype: str
    path: Path
    state: str = "running"  # running, done, failed
    progress: float = 0.0
    error: str = ""
    started: float = field(default_factory=time.monotonic)
    room_id: int | None = None  # a room's file: that room's facilitator may follow and fetch it

    def status(self) -> dict[str, object]:
        return {"id": self.id, "state": self.state, "progress": round(self.progress, 2), "error": self.error,
                "filename": self.filename}


class ExportJobs:
    def __init__(self, settings: Settings, socketio: SocketIO) -> None:
        self.settings = settings
        self.socketio = socketio
        self.jobs: dict[str, ExportJob] = {}
        self.lock = threading.Lock()
        self.folder = Path(tempfile.mkdtemp(prefix="workshop-exports-"))

    def start(self, arguments: list[str], *, event_id: int, filename: str, mimetype: str,
              room_id: int | None = None) -> ExportJob:
        """Run ``workshop <arguments> --out FILE --progress`` in the background."""
        self._forget_old()
        job_id = secrets.token_urlsafe(12)
        job = ExportJob(job_id, event_id, filename, mimetype, self.folder / job_id, room_id=room_id)
        with self.lock:
            self.jobs[job_id] = job
        environment = os.environ | {
            "WORKSHOP_DATABASE_URL": self.settings.database_url,
            "WORKSHOP_INSTANCE_PATH": str(self.settings.instance_path),
            "WORKSHOP_SECRET_KEY": self.settings.secret_key,
            "WORKSHOP_DEFAULT_LOCALE": self.settings.default_locale,
        }
        process = subprocess.Popen([str(WORKSHOP), *arguments, "--out", str(job.path), "--progress"],
                                   env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.socketio.start_background_task(self._follow, job, process)
        return job

    def _follow(self, job: ExportJob, process: subprocess.Popen[str]) -> None:
        last_error = ""
        assert process.stderr is not None
        with process.stderr:
            for line in process.stderr:
                line = line.strip()
                if line.startswith("progress "):
                    job.progress = float(line.split()[1])
                elif line:
                    last_error = line.removeprefix("Error: ")
        code = process.wait()
        if code == 0 and job.path.exists():
            job.progress, job.state = 1.0, "done"
        else:
            job.state, job.error = "failed", last_error or "internal_error"

    def get(self, job_id: str) -> ExportJob | None:
        with self.lock:
            return self.jobs.get(job_id)

    def _forget_old(self) -> None:
        now = time.monotonic()
        with self.lock:
            for job_id, job in list(self.jobs.items()):
                if now - job.started > KEEP_SECONDS:
                    job.path.unlink(missing_ok=True)
                    del self.jobs[job_id]
