"""The statements of the hot path (ideas, ballots, the journal) in SQLAlchemy Core, built once, bound per call.

A phone's command used to cost seven ORM round trips (each a few hundred microseconds of Python before SQLite
sees it: building the statement, the ORM compile state, loading rows into objects, the unit of work at flush).
The same reads and writes here are prebuilt Core statements executed on the session's connection: the same
transaction (the writer's SAVEPOINT), the same rows, a fraction of the CPU. The rules stay where they are
(activity types, ``domain/``); only the reading and writing moved. Every read a rule depends on is still made
inside the transaction, so another process's change (a closed activity, a hidden idea) is seen.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.phases import Phase, accepts_contributions
from ..models import Activity, Ballot, Cluster, Idea, Operation, Room, Vote

_activities, _rooms, _ideas = Activity.__table__, Room.__table__, Idea.__table__
_ballots, _votes, _operations, _clusters = Ballot.__table__, Vote.__table__, Operation.__table__, Cluster.__table__

_ACTIVITY = (select(_activities.c.type, _activities.c.phase, _activities.c.config, _activities.c.room_id,
                    _rooms.c.code, _rooms.c.premoderation)
             .join(_rooms, _rooms.c.id == _activities.c.room_id).where(_activities.c.id == bindparam("activity_id")))
_IDEAS_GIVEN = (select(func.count()).select_from(_ideas)
                .where(_ideas.c.activity_id == bindparam("activity_id"),
                       _ideas.c.participant_id == bindparam("participant_id")))
_VOTABLE_IDEAS = select(_ideas.c.id).where(
    _ideas.c.id.in_(bindparam("wanted", expanding=True)), _ideas.c.activity_id == bindparam("source_id"),
    _ideas.c.approved.is_(True), _ideas.c.hidden.is_(False), _ideas.c.merged_into_id.is_(None))
_VOTABLE_CLUSTERS = select(_clusters.c.id).where(
    _clusters.c.id.in_(bindparam("wanted", expanding=True)), _clusters.c.activity_id == bindparam("source_id"),
    _clusters.c.removed.is_(False))
_BALLOT = (select(_ballots.c.id).where(_ballots.c.activity_id == bindparam("activity_id"),
                                       _ballots.c.participant_id == bindparam("participant_id"))
           .with_for_update())  # PostgreSQL: two ballots of one phone queue here; SQLite's BEGIN IMMEDIATE already does
_RECORDED = select(_operations.c.actor, _operations.c.response).where(_operations.c.op_id == bindparam("op_id"))
_SINCE = select(_operations.c.created_at).where(_operations.c.actor == bindparam("actor"),
                                                _operations.c.created_at > bindparam("since"))


@dataclass(frozen=True)
class OpenActivity:
    """What a contribution needs of its activity and room, read in the contribution's transaction."""

    id: int
    type: str
    config: Mapping[str, Any]
    room_code: str
    premoderation: bool


def connection(session: Session) -> Connection:
    """The session's connection, in its current transaction (the writer's SAVEPOINT): ORM changes flushed first."""
    session.flush()
    return session.connection()


def open_activity(db: Connection, room_id: int, activity_id: object, input_kind: str) -> OpenActivity:
    """The activity of this room taking contributions of this kind, or the refusal that says why not."""
    if type(activity_id) is not int:
        raise DomainError("invalid_type", field="activity_id", expected="integer")
    row = db.execute(_ACTIVITY, {"activity_id": activity_id}).first()
    if row is None or row.room_id != room_id:
        raise DomainError("unknown_activity", activity_id=activity_id)
    if not accepts_contributions(Phase(row.phase)):
        raise DomainError("activity_not_open", activity_id=activity_id)
    if activity_type(row.type).input_kind != input_kind:
        raise DomainError("wrong_input_kind", expected=activity_type(row.type).input_kind)
    return OpenActivity(activity_id, row.type, row.config, row.code, bool(row.premoderation))


def ideas_given(db: Connection, activity_id: int, participant_id: int) -> int:
    return int(db.execute(_IDEAS_GIVEN, {"activity_id": activity_id, "participant_id": participant_id}).scalar_one())


def add_idea(db: Connection, *, activity_id: int, participant_id: int, op_id: str, text: str, approved: bool,
             created_at: datetime) -> int:
    inserted = db.execute(insert(_ideas).values(
        activity_id=activity_id, participant_id=participant_id, op_id=op_id, text=text, approved=approved,
        hidden=False, created_at=created_at))
    return int(inserted.inserted_primary_key[0])  # type: ignore[index]


def votable_among(session: Session, db: Connection, activity: OpenActivity, wanted: set[int]) -> frozenset[int]:
    """Which of ``wanted`` a ballot may go to: the rule of ``items.votable_items``, asked of the ballot's items only."""
    if not wanted:
        return frozenset()
    kind = activity_type(activity.type)
    target, source_id = kind.target_kind(activity.config), kind.source_activity_id(activity.config)
    if source_id is not None and target in ("ideas", "clusters"):
        statement = _VOTABLE_IDEAS if target == "ideas" else _VOTABLE_CLUSTERS
        return frozenset(db.execute(statement, {"wanted": sorted(wanted), "source_id": source_id}).scalars())
    from .items import votable_items  # axes: the event's strategy, a short list read the usual way

    loaded = session.get(Activity, activity.id)
    assert loaded is not None
    return frozenset(item.id for item in votable_items(session, loaded) if item.id in wanted)


def replace_ballot(db: Connection, *, activity_id: int, participant_id: int, allocations: Iterable[Allocation],
                   now: datetime) -> None:
    """The participant's ballot for the activity becomes exactly ``allocations`` (one row per vote)."""
    keys = {"activity_id": activity_id, "participant_id": participant_id}
    ballot_id = db.execute(_BALLOT, keys).scalar()
    if ballot_id is None:
        ballot_id = db.execute(insert(_ballots).values(updated_at=now, **keys)).inserted_primary_key[0]  # type: ignore[index]
    else:
        db.execute(update(_ballots).where(_ballots.c.id == ballot_id).values(updated_at=now))
        db.execute(delete(_votes).where(_votes.c.ballot_id == ballot_id))
    rows = [{"ballot_id": ballot_id, "target_id": allocation.target_id, "points": allocation.points,
             "criterion": allocation.criterion} for allocation in allocations]
    if rows:
        db.execute(insert(_votes), rows)


def recorded(db: Connection, op_id: str) -> tuple[str, dict[str, Any]] | None:
    """The journal's entry for ``op_id``: (actor, first acknowledgement), or None."""
    row = db.execute(_RECORDED, {"op_id": op_id}).first()
    return None if row is None else (row.actor, dict(row.response))


def record(db: Connection, *, op_id: str, actor: str, kind: str, room_id: int | None, response: dict[str, Any],
           created_at: datetime) -> None:
    db.execute(insert(_operations).values(op_id=op_id, actor=actor, kind=kind, room_id=room_id, response=response,
                                          created_at=created_at))


def journal_times(db: Connection, actor: str, since: datetime) -> list[datetime]:
    """When ``actor``'s journal entries after ``since`` were written (seeds the in-memory rate limit)."""
    return list(db.execute(_SINCE, {"actor": actor, "since": since}).scalars())
