"""Export jobs kept in the database: started by one server process, polled and downloaded through any of them.

Behind a load balancer the poll of a page may reach another process than the one that started the job; the
job's state, its progress and, once done, the file itself are rows, so every process answers alike.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, update

from ..models import ExportJob
from .context import ServiceContext

KEEP = timedelta(minutes=15)  # a finished file waits this long for its download
STALE = timedelta(minutes=10)  # a running job silent this long lost its process (a crash, a restart)


@dataclass(frozen=True)
class JobStatus:
    id: str
    event_id: int
    state: str
    progress: float
    error: str
    filename: str
    mimetype: str
    room_id: int | None = None  # a room's file: that room's facilitator may follow and fetch it

    def public(self) -> dict[str, Any]:
        """What the page polls."""
        return {"id": self.id, "state": self.state, "progress": round(self.progress, 2), "error": self.error,
                "filename": self.filename}


def _status(job: ExportJob) -> JobStatus:
    return JobStatus(job.id, job.event_id, job.state, job.progress, job.error, job.filename, job.mimetype,
                     job.room_id)


def create_job(ctx: ServiceContext, *, event_id: int, filename: str, mimetype: str,
               room_id: int | None = None) -> JobStatus:
    """A new running job; old ones (and their files) are forgotten on the way."""
    now = ctx.clock()
    with ctx.db.write() as session:
        session.execute(delete(ExportJob).where(ExportJob.created_at < now - KEEP))
        job = ExportJob(id=secrets.token_urlsafe(12), event_id=event_id, room_id=room_id, filename=filename,
                        mimetype=mimetype, state="running", progress=0.0, error="", created_at=now, updated_at=now)
        session.add(job)
        session.flush()
        return _status(job)


def report_progress(ctx: ServiceContext, job_id: str, progress: float) -> None:
    with ctx.db.write() as session:
        session.execute(update(ExportJob).where(ExportJob.id == job_id, ExportJob.state == "running")
                        .values(progress=progress, updated_at=ctx.clock()))


def finish_job(ctx: ServiceContext, job_id: str, content: bytes) -> None:
    with ctx.db.write() as session:
        session.execute(update(ExportJob).where(ExportJob.id == job_id).values(
            state="done", progress=1.0, content=content, updated_at=ctx.clock()))


def fail_job(ctx: ServiceContext, job_id: str, error: str) -> None:
    with ctx.db.write() as session:
        session.execute(update(ExportJob).where(ExportJob.id == job_id).values(
            state="failed", error=error, updated_at=ctx.clock()))


def job_status(ctx: ServiceContext, job_id: str) -> JobStatus | None:
    """Where the job stands; a running job whose process stopped reporting long ago is reported failed."""
    with ctx.db.read() as session:
        job = session.get(ExportJob, job_id)
        if job is None:
            return None
        status = _status(job)
    if status.state == "running" and job.updated_at < ctx.clock() - STALE:
        return JobStatus(status.id, status.event_id, "failed", status.progress, "internal_error", status.filename,
                         status.mimetype, status.room_id)
    return status


def job_file(ctx: ServiceContext, job_id: str) -> tuple[JobStatus, bytes] | None:
    """The finished file with its status, or None while there is none."""
    with ctx.db.read() as session:
        job = session.get(ExportJob, job_id)
        if job is None or job.state != "done" or job.content is None:
            return None
        return _status(job), job.content
