"""Pruning the ``operations`` journal: it grows by one row per command, and most rows stop mattering quickly.

A journal entry does two jobs. Deduplication: a phone that did not get its ack replays the command with the same
``op_id`` and must get the first ack back instead of a second idea. The rate limit: a participant's recent
entries are counted. A replay can only change something while its room still has an activity open (an idea or
ballot sent to a closed activity is refused whatever the journal says), and the rate limit looks back seconds.
So an entry is deleted once it is older than the retention (``WORKSHOP_JOURNAL_RETENTION_HOURS``, never less
than the rate-limit window) **and** its room has no open activity; moderators' entries without a room follow the
retention alone. The server prunes every few minutes; ``workshop prune-journal`` does it on demand.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from ..domain.phases import Phase
from ..models import Activity, Operation
from .context import ServiceContext
from .operations import write


@dataclass(frozen=True)
class Pruned:
    deleted: int
    kept: int


def retention(ctx: ServiceContext) -> timedelta:
    return max(timedelta(hours=ctx.settings.journal_retention_hours),
               timedelta(seconds=ctx.settings.rate_limit_seconds))


def prune_journal(ctx: ServiceContext) -> Pruned:
    """Delete the entries deduplication and the rate limit no longer need; returns what was deleted and kept."""
    cutoff = ctx.clock() - retention(ctx)
    room_is_open = exists().where(Activity.room_id == Operation.room_id, Activity.phase == Phase.OPEN.value)

    def prune(session: Session) -> Pruned:
        deleted = session.execute(delete(Operation).where(Operation.created_at < cutoff, ~room_is_open)
                                  .execution_options(synchronize_session=False)).rowcount
        kept = session.scalar(select(func.count()).select_from(Operation)) or 0
        return Pruned(int(deleted or 0), int(kept))

    return write(ctx, prune)  # type: ignore[no-any-return]
