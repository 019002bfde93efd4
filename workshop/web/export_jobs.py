"""Long exports run as a separate ``workshop export`` process: the second core renders while this one serves the room.

A page starts a job, polls its progress, then downloads the file. The job, its progress and the finished file
are rows (``services/export_jobs.py``): behind a load balancer any server process answers the poll and serves
the file, and a restarted server still knows the jobs that finished.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flask_socketio import SocketIO

from ..config import Settings
from ..services import export_jobs
from ..services.context import ServiceContext
from ..services.export_jobs import JobStatus

RAW_CODE = re.compile(r"\s*\([a-z][a-z0-9_]*\)$")

WORKSHOP = Path(sys.executable).parent / "workshop"
PROGRESS_EVERY_SECONDS = 0.5  # progress is a database write: a few per second is plenty for a progress bar


class ExportJobs:
    def __init__(self, settings: Settings, socketio: SocketIO, context: ServiceContext) -> None:
        self.settings = settings
        self.socketio = socketio
        self.context = context
        self.folder = Path(tempfile.mkdtemp(prefix="workshop-exports-"))

    def start(self, arguments: list[str], *, event_id: int, filename: str, mimetype: str,
              room_id: int | None = None) -> JobStatus:
        """Run ``workshop <arguments> --out FILE --progress`` in the background."""
        job = export_jobs.create_job(self.context, event_id=event_id, filename=filename, mimetype=mimetype,
                                     room_id=room_id)
        environment = os.environ | {
            "WORKSHOP_DATABASE_URL": self.settings.database_url,
            "WORKSHOP_INSTANCE_PATH": str(self.settings.instance_path),
            "WORKSHOP_SECRET_KEY": self.settings.secret_key,
            "WORKSHOP_DEFAULT_LOCALE": self.settings.default_locale,
        }
        path = self.folder / job.id
        process = subprocess.Popen([str(WORKSHOP), *arguments, "--out", str(path), "--progress"],
                                   env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.socketio.start_background_task(self._follow, job.id, path, process)
        return job

    def _follow(self, job_id: str, path: Path, process: subprocess.Popen[str]) -> None:
        last_error, reported_at = "", 0.0
        assert process.stderr is not None
        with process.stderr:
            for line in process.stderr:
                line = line.strip()
                if line.startswith("progress "):
                    if time.monotonic() - reported_at >= PROGRESS_EVERY_SECONDS:
                        export_jobs.report_progress(self.context, job_id, float(line.split()[1]))
                        reported_at = time.monotonic()
                elif line.startswith("Error: "):  # the command line's refusal, already translated
                    # The command line ends its sentence with the code, « (document_needs_strategy) »: not for a page.
                    last_error = RAW_CODE.sub("", line.removeprefix("Error: "))
        code = process.wait()
        if code == 0 and path.exists():
            export_jobs.finish_job(self.context, job_id, path.read_bytes())
        else:
            # A crash (a traceback) is no sentence for a page: the status route says « something went wrong ».
            export_jobs.fail_job(self.context, job_id, last_error)
        path.unlink(missing_ok=True)

    def get(self, job_id: str) -> JobStatus | None:
        return export_jobs.job_status(self.context, job_id)

    def file(self, job_id: str) -> tuple[JobStatus, bytes] | None:
        return export_jobs.job_file(self.context, job_id)
