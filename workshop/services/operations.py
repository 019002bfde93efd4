"""Run a mutating request exactly once per ``op_id``, with the rate limit checked in the same transaction."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..models import Operation
from . import hot_path
from .context import ServiceContext
from .publisher import Published

_ATTEMPTS = 3
_OP_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")

Work = Callable[[Session], tuple[dict[str, Any], list[Published]]]


def checked_op_id(raw: object) -> str:
    if not isinstance(raw, str) or not _OP_ID.match(raw):
        raise DomainError("invalid_op_id")
    return raw


def run_once(ctx: ServiceContext, *, op_id: object, actor: str, kind: str, room_id: int | None,
             work: Work, rate_limited: bool = True, core_only: bool = False) -> dict[str, Any]:
    """Commit ``work`` and record its acknowledgement under ``op_id``; a replay returns that first acknowledgement.

    ``op_id`` may be None for moderator commands sent by tools that do not retry: they run without a journal entry.
    With a group-commit writer (the server's), the transaction is the writer's batch and ``work`` its SAVEPOINT:
    this returns once that batch is committed, so the acknowledgement still follows the commit.
    """
    if op_id is None and not rate_limited:
        response, messages = write(ctx, work)
        ctx.publisher.publish(messages)
        return response
    op_id = checked_op_id(op_id)

    def journaled(session: Session) -> tuple[dict[str, Any], list[Published]]:
        # New commands are the rule and replays the exception: the journal is not read first. A replay either fails
        # its work (the activity closed since, the rate limit) and finds its first ack here, or does its work again
        # and fails on the journal's unique op_id below, which rolls the work back with the job's SAVEPOINT; the
        # caller then reads the first ack once the batch is committed (the IntegrityError path of the loop).
        now = ctx.clock()  # one reading for the rate limit and the journal: the job's time, as a transaction's
        try:
            if rate_limited:
                _check_rate(ctx, session, actor, now)
            response, messages = work(session)
        except DomainError:
            earlier = hot_path.recorded(hot_path.connection(session), op_id)
            if earlier is None:
                raise
            if earlier[0] != actor:
                raise DomainError("invalid_op_id") from None
            return earlier[1], []
        # Core, after the work's ORM changes are flushed: a duplicate op_id fails here, in the job's own SAVEPOINT.
        hot_path.record(hot_path.connection(session), op_id=op_id, actor=actor, kind=kind, room_id=room_id,
                        response=response, created_at=now)
        if rate_limited and ctx.writer is not None:
            ctx.writer.recent.count(actor, now)
        return response, messages

    for attempt in range(_ATTEMPTS):
        try:
            response, messages = write(ctx, journaled, core_only=core_only)
        except IntegrityError:
            # The op_id is in the journal already (a replay, or the same command in flight twice), or on PostgreSQL
            # another transaction committed the same new ballot row first. A recorded ack is then ours; otherwise
            # the retry runs the work again and sees the other transaction's rows.
            with ctx.db.read() as session:
                earlier = _recorded(session, op_id, actor)
            if earlier is not None:
                return earlier
            if attempt == _ATTEMPTS - 1:
                raise
            continue
        ctx.publisher.publish(messages)
        return response
    raise AssertionError("unreachable")


def write(ctx: ServiceContext, work: Callable[[Session], Any], *, core_only: bool = False) -> Any:
    """``work(session)`` committed: in the writer's next batch when there is one, else in a transaction of its own.

    ``core_only``: ``work`` writes with Core statements only (``hot_path``), never ORM objects; its SAVEPOINT can
    then be the connection's, much cheaper than the ORM session's.
    """
    if ctx.writer is not None:
        return ctx.writer.execute(work, core_only=core_only)
    with ctx.db.write() as session:
        return work(session)


def _recorded(session: Session, op_id: str, actor: str) -> dict[str, Any] | None:
    operation = session.scalar(select(Operation).where(Operation.op_id == op_id))
    if operation is None:
        return None
    if operation.actor != actor:
        raise DomainError("invalid_op_id")
    return dict(operation.response)


def _check_rate(ctx: ServiceContext, session: Session, actor: str, now: datetime) -> None:
    since = now - timedelta(seconds=ctx.settings.rate_limit_seconds)
    if ctx.writer is not None:
        # The writer runs every journaled job of this process one after the other: its memory of the recent ones,
        # seeded from the journal the first time an actor is seen, is the journal's count without the query.
        seen = ctx.writer.recent.since(actor, since, lambda: hot_path.journal_times(session.connection(), actor, since))
        if seen >= ctx.settings.rate_limit_count:
            raise DomainError("rate_limited", seconds=ctx.settings.rate_limit_seconds)
        return
    recent = session.scalar(
        select(func.count()).select_from(Operation).where(Operation.actor == actor, Operation.created_at > since)
    )
    if (recent or 0) >= ctx.settings.rate_limit_count:
        raise DomainError("rate_limited", seconds=ctx.settings.rate_limit_seconds)
