"""The statements of the hot path (ideas, ballots, the journal) in SQLAlchemy Core, built once, bound per call.

A phone's command used to cost seven ORM round trips (each a few hundred microseconds of Python before SQLite
sees it: building the statement, the ORM compile state, loading rows into objects, the unit of work at flush).
The same reads and writes here are prebuilt Core statements executed on the session's connection: the same
transaction (the writer's SAVEPOINT), the same rows, a fraction of the CPU. The rules stay where they are
(activity types, ``domain/``); only the reading and writing moved. Every read a rule depends on is still made
inside the transaction, so another process's change (a closed activity, a hidden idea) is seen.

Length: every hot-path read and write is one function here with its SQLite branch (sqlite3) and its PostgreSQL one
(``hot_path_pg``) side by side, so that callers have one door per statement whatever the engine.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..activities import IdeaView, activity_type
from ..domain.ballots import Allocation
from ..domain.errors import DomainError
from ..domain.phases import Phase, accepts_contributions
from ..domain.codes import normalize_join_code
from ..models import Activity, Ballot, Cluster, Event, Idea, Operation, Participant, Room, Vote
from . import hot_path_pg, room_cache

_activities, _rooms, _ideas = Activity.__table__, Room.__table__, Idea.__table__
_ballots, _votes, _operations, _clusters = Ballot.__table__, Vote.__table__, Operation.__table__, Cluster.__table__

_ACTIVITY = (select(_activities.c.type, _activities.c.phase, _activities.c.config, _activities.c.room_id,
                    _rooms.c.code, _rooms.c.premoderation)
             .join(_rooms, _rooms.c.id == _activities.c.room_id).where(_activities.c.id == bindparam("activity_id")))
_IDEAS_GIVEN = (select(func.count()).select_from(_ideas)
                .where(_ideas.c.activity_id == bindparam("activity_id"),
                       _ideas.c.participant_id == bindparam("participant_id")))
IDEAS_OF_ACTIVITY = (select(_ideas.c.id, _ideas.c.text, _ideas.c.approved, _ideas.c.hidden, _ideas.c.merged_into_id,
                            _ideas.c.participant_id, _ideas.c.cluster_id)
                     .where(_ideas.c.activity_id == bindparam("activity_id")).order_by(_ideas.c.id))
_VOTABLE_IDEAS = select(_ideas.c.id).where(
    _ideas.c.id.in_(bindparam("wanted", expanding=True)), _ideas.c.activity_id == bindparam("source_id"),
    _ideas.c.approved.is_(True), _ideas.c.hidden.is_(False), _ideas.c.merged_into_id.is_(None))
_ALL_VOTABLE = {
    "ideas": select(_ideas.c.id).where(_ideas.c.activity_id == bindparam("source_id"), _ideas.c.approved.is_(True),
                                       _ideas.c.hidden.is_(False), _ideas.c.merged_into_id.is_(None)),
    "clusters": select(_clusters.c.id).where(_clusters.c.activity_id == bindparam("source_id"),
                                             _clusters.c.removed.is_(False)),
}
_VOTABLE_CLUSTERS = select(_clusters.c.id).where(
    _clusters.c.id.in_(bindparam("wanted", expanding=True)), _clusters.c.activity_id == bindparam("source_id"),
    _clusters.c.removed.is_(False))
_BALLOT = (select(_ballots.c.id).where(_ballots.c.activity_id == bindparam("activity_id"),
                                       _ballots.c.participant_id == bindparam("participant_id"))
           .with_for_update())  # PostgreSQL: two ballots of one phone queue here; SQLite's BEGIN IMMEDIATE already does
# Inserts and updates built once too: building ``insert(...).values(...)`` per call was a tenth of a burst's CPU.
_INSERT_IDEA = insert(_ideas)
_INSERT_BALLOT = insert(_ballots)
_INSERT_VOTE = insert(_votes)
_INSERT_OPERATION = insert(_operations)
_TOUCH_BALLOT = (update(_ballots).where(_ballots.c.id == bindparam("ballot_id"))
                 .values(updated_at=bindparam("updated_at")))
_CLEAR_BALLOT = delete(_votes).where(_votes.c.ballot_id == bindparam("ballot_id"))
_RECORDED = select(_operations.c.actor, _operations.c.response).where(_operations.c.op_id == bindparam("op_id"))
_SINCE = select(_operations.c.created_at).where(_operations.c.actor == bindparam("actor"),
                                                _operations.c.created_at > bindparam("since"))


# SQLite: the same statements as SQL for the driver's connection (sqlite3), in the writer's transaction. SQLAlchemy's
# execution of even a prebuilt statement (compiled-cache lookup, result objects, events) cost several times the
# statement itself; the values are written as SQLAlchemy's SQLite types store them (datetime text, JSON text, 0/1),
# so every other reader sees the same rows. PostgreSQL keeps the Core statements above.
_SQL_IDEAS_GIVEN = "SELECT count(*) FROM ideas WHERE activity_id = ? AND participant_id = ?"
_SQL_INSERT_IDEA = ("INSERT INTO ideas (activity_id, participant_id, op_id, text, approved, hidden, merged_into_id, "
                    "cluster_id, created_at) VALUES (?, ?, ?, ?, ?, 0, NULL, NULL, ?)")
_SQL_BALLOT = "SELECT id FROM ballots WHERE activity_id = ? AND participant_id = ?"
_SQL_INSERT_BALLOT = "INSERT INTO ballots (activity_id, participant_id, updated_at) VALUES (?, ?, ?)"
_SQL_TOUCH_BALLOT = "UPDATE ballots SET updated_at = ? WHERE id = ?"
_SQL_CLEAR_BALLOT = "DELETE FROM votes WHERE ballot_id = ?"
_SQL_INSERT_VOTE = "INSERT INTO votes (ballot_id, target_id, points, criterion) VALUES (?, ?, ?, ?)"
_SQL_RECORDED = "SELECT actor, response FROM operations WHERE op_id = ?"
_SQL_INSERT_PARTICIPANT = ("INSERT INTO participants (room_id, public_id, token_hash, pseudonym, tags, created_at) "
                           "VALUES (?, ?, ?, NULL, '{}', ?)")
_SQL_SINCE = "SELECT created_at FROM operations WHERE actor = ? AND created_at > ?"
_SQL_INSERT_OPERATION = ("INSERT INTO operations (op_id, actor, kind, room_id, response, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)")


def _sqlite(db: Connection) -> sqlite3.Connection | None:
    """The driver's connection under ``db`` when it is SQLite's (same transaction), else None."""
    return db.connection.driver_connection if db.dialect.name == "sqlite" else None  # type: ignore[return-value]


def _stored_time(moment: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite DateTime stores it (its default storage format)."""
    return moment.isoformat(" ", "microseconds")  # naive: "2026-12-07 19:04:05.000123", the same text


@dataclass(frozen=True)
class OpenActivity:
    """What a contribution needs of its activity and room, read in the contribution's transaction."""

    id: int
    type: str
    config: Mapping[str, Any]
    room_code: str
    premoderation: bool


CORE_JOB_CONNECTION = "hot_path.core_job_connection"  # session.info key: set by the writer around a core-only job


def connection(session: Session) -> Connection:
    """The session's connection, in its current transaction (the writer's SAVEPOINT): ORM changes flushed first.

    A core-only job of the writer (``services/writer.py``) changes no ORM object, so there is nothing to flush and
    the writer hands its batch's connection over: asking the session again cost a twentieth of a ballot.
    """
    kept = session.info.get(CORE_JOB_CONNECTION)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    session.flush()
    return session.connection()


def open_activity(db: Connection, room_id: int, activity_id: object, input_kind: str, *,
                  participant_id: int | None = None, items: Iterable[int] | None = None) -> OpenActivity:
    """The activity of this room taking contributions of this kind, or the refusal that says why not.

    ``participant_id`` (an idea's author) and ``items`` (a ballot's targets): on PostgreSQL what the command reads
    next (``ideas_given``, ``votable_among``) is read in the same round trip."""
    if type(activity_id) is not int:
        raise DomainError("invalid_type", field="activity_id", expected="integer")
    cache = room_cache.cache_of(db)
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        row = hot_path_pg.activity_row(db, postgres, activity_id, participant_id=participant_id, items=items)
        return _opened(row, room_id, activity_id, input_kind)
    if cache is None:
        return _opened(db.execute(_ACTIVITY, {"activity_id": activity_id}).first(), room_id, activity_id, input_kind)
    # The activity as last read and checked, while nothing has changed the agenda (services/room_cache.py); a
    # refusal raises before anything is kept, so it is read and checked again next time.
    return cache.get(("open_activity", activity_id, room_id, input_kind), cache.generation, lambda: _opened(
        db.execute(_ACTIVITY, {"activity_id": activity_id}).first(), room_id, activity_id, input_kind))


def _opened(row: Any, room_id: int, activity_id: int, input_kind: str) -> OpenActivity:
    if row is None or row.room_id != room_id:
        raise DomainError("unknown_activity", activity_id=activity_id)
    if not accepts_contributions(Phase(row.phase)):
        raise DomainError("activity_not_open", activity_id=activity_id)
    if activity_type(row.type).input_kind != input_kind:
        raise DomainError("wrong_input_kind", expected=activity_type(row.type).input_kind)
    return OpenActivity(activity_id, row.type, row.config, row.code, bool(row.premoderation))


def ideas_given(db: Connection, activity_id: int, participant_id: int) -> int:
    raw = _sqlite(db)
    if raw is not None:
        return int(raw.execute(_SQL_IDEAS_GIVEN, (activity_id, participant_id)).fetchone()[0])
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        return hot_path_pg.ideas_given(db, postgres, activity_id, participant_id)
    return int(db.execute(_IDEAS_GIVEN, {"activity_id": activity_id, "participant_id": participant_id}).scalar_one())


def add_idea(db: Connection, *, activity_id: int, participant_id: int, op_id: str, text: str, approved: bool,
             created_at: datetime, participant_key: str | None = None) -> int:
    raw = _sqlite(db)
    if raw is not None:
        cursor = raw.execute(_SQL_INSERT_IDEA, (activity_id, participant_id, op_id, text, int(approved),
                                                _stored_time(created_at)))
        cache = room_cache.cache_of(db)
        if cache is not None:  # the item lists that vote on this activity's ideas are read again (before and after
            # the commit: a value read in between carries the earlier count)
            idea_id = int(cursor.lastrowid)  # type: ignore[arg-type]
            cache.idea_added(activity_id)
            room_cache.idea_committed(db, activity_id, IdeaView(idea_id, text, approved=approved,
                                                                participant_key=participant_key))
        return int(cursor.lastrowid)  # type: ignore[arg-type]
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        return int(hot_path_pg.rows(db, postgres, hot_path_pg.INSERT_IDEA, (
            activity_id, participant_id, op_id, text, approved, created_at))[0][0])
    inserted = db.execute(_INSERT_IDEA, {
        "activity_id": activity_id, "participant_id": participant_id, "op_id": op_id, "text": text,
        "approved": approved, "hidden": False, "merged_into_id": None, "cluster_id": None, "created_at": created_at})
    return int(inserted.inserted_primary_key[0])  # type: ignore[index]


def votable_among(session: Session, db: Connection, activity: OpenActivity, wanted: set[int]) -> frozenset[int]:
    """Which of ``wanted`` a ballot may go to: the rule of ``items.votable_items``, asked of the ballot's items only."""
    if not wanted:
        return frozenset()
    kind = activity_type(activity.type)
    target, source_id = kind.target_kind(activity.config), kind.source_activity_id(activity.config)
    cache = room_cache.cache_of(db)
    if source_id is not None and target in ("ideas", "clusters") and cache is not None:
        # Every votable id of the source, as last read while nothing changed it: a ballot then costs no query.
        stamp = (cache.generation, cache.ideas_added.get(source_id, 0))
        votable: frozenset[int] = cache.get(("votable", target, source_id), stamp, lambda: frozenset(
            db.execute(_ALL_VOTABLE[target], {"source_id": source_id}).scalars()))
        return votable & wanted
    postgres = hot_path_pg.driver(db)
    if source_id is not None and target in ("ideas", "clusters") and postgres is not None:
        return hot_path_pg.votable(db, postgres, activity.id, target, wanted, source_id)
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
    raw = _sqlite(db)
    if raw is not None:
        found = raw.execute(_SQL_BALLOT, (activity_id, participant_id)).fetchone()
        stamp = _stored_time(now)
        if found is None:
            ballot_id = raw.execute(_SQL_INSERT_BALLOT, (activity_id, participant_id, stamp)).lastrowid
        else:
            ballot_id = found[0]
            raw.execute(_SQL_TOUCH_BALLOT, (stamp, ballot_id))
            raw.execute(_SQL_CLEAR_BALLOT, (ballot_id,))
        allocations = list(allocations)
        raw.executemany(_SQL_INSERT_VOTE, [(ballot_id, allocation.target_id, allocation.points, allocation.criterion)
                                           for allocation in allocations])
        room_cache.ballot_committed(db, activity_id, participant_id, allocations)
        return
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        hot_path_pg.replace_ballot(db, postgres, activity_id=activity_id, participant_id=participant_id,
                                   allocations=list(allocations), now=now)
        return
    keys = {"activity_id": activity_id, "participant_id": participant_id}
    ballot_id = db.execute(_BALLOT, keys).scalar()
    if ballot_id is None:
        ballot_id = db.execute(_INSERT_BALLOT, {"updated_at": now, **keys}).inserted_primary_key[0]  # type: ignore[index]
    else:
        db.execute(_TOUCH_BALLOT, {"ballot_id": ballot_id, "updated_at": now})
        db.execute(_CLEAR_BALLOT, {"ballot_id": ballot_id})
    rows = [{"ballot_id": ballot_id, "target_id": allocation.target_id, "points": allocation.points,
             "criterion": allocation.criterion} for allocation in allocations]
    if rows:
        db.execute(_INSERT_VOTE, rows)


_OK = {"ok": True}
_OK_TEXT = json.dumps(_OK)  # a ballot's acknowledgement, the same text every time: encoded once


def recorded(db: Connection, op_id: str) -> tuple[str, dict[str, Any]] | None:
    """The journal's entry for ``op_id``: (actor, first acknowledgement), or None."""
    raw = _sqlite(db)
    if raw is not None:
        found = raw.execute(_SQL_RECORDED, (op_id,)).fetchone()
        return None if found is None else (found[0], json.loads(found[1]))
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        rows = hot_path_pg.rows(db, postgres, hot_path_pg.RECORDED, (op_id,))
        return (rows[0][0], dict(rows[0][1])) if rows else None
    row = db.execute(_RECORDED, {"op_id": op_id}).first()
    return None if row is None else (row.actor, dict(row.response))


def record(db: Connection, *, op_id: str, actor: str, kind: str, room_id: int | None, response: dict[str, Any],
           created_at: datetime) -> None:
    raw = _sqlite(db)
    if raw is not None:
        try:
            text = _OK_TEXT if response == _OK else json.dumps(response)
            raw.execute(_SQL_INSERT_OPERATION, (op_id, actor, kind, room_id, text, _stored_time(created_at)))
        except sqlite3.IntegrityError as error:  # the op_id is journaled already: as SQLAlchemy would raise it
            raise IntegrityError(_SQL_INSERT_OPERATION, (op_id,), error) from None
        return
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        hot_path_pg.record(db, postgres, op_id=op_id, actor=actor, kind=kind, room_id=room_id, response=response,
                           created_at=created_at)
        return
    db.execute(_INSERT_OPERATION, {"op_id": op_id, "actor": actor, "kind": kind, "room_id": room_id,
                                   "response": response, "created_at": created_at})


def journal_times(db: Connection, actor: str, since: datetime) -> list[datetime]:
    """When ``actor``'s journal entries after ``since`` were written (seeds the in-memory rate limit)."""
    raw = _sqlite(db)
    if raw is not None:  # the stored text compares as the times do (one fixed format)
        return [datetime.fromisoformat(text) for (text,) in raw.execute(_SQL_SINCE, (actor, _stored_time(since)))]
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        return [row[0] for row in hot_path_pg.rows(db, postgres, hot_path_pg.SINCE, (actor, since))]
    return list(db.execute(_SINCE, {"actor": actor, "since": since}).scalars())


# Connecting: who the phone is, and the state it receives -------------------------------------------------------

_participants = Participant.__table__
_events = Event.__table__
_INSERT_PARTICIPANT = insert(_participants)
_ROOM_BY_CODE = select(_rooms.c.id, _rooms.c.code, _rooms.c.event_id).where(_rooms.c.code == bindparam("code"))
_RETURNING = (select(_participants.c.id, _participants.c.public_id, _rooms.c.id.label("room_id"), _rooms.c.code)
              .join(_rooms, _rooms.c.id == _participants.c.room_id)
              .where(_participants.c.token_hash == bindparam("token_hash"), _rooms.c.code == bindparam("code")))
_ROOM_HEADER = (select(_rooms.c.code, _rooms.c.name, _rooms.c.premoderation, _rooms.c.current_activity_id,
                       _events.c.id.label("event_id"), _events.c.title)
                .join(_events, _events.c.id == _rooms.c.event_id).where(_rooms.c.id == bindparam("room_id")))
_PARTICIPANT = select(_participants.c.public_id, _participants.c.pseudonym, _participants.c.tags).where(
    _participants.c.id == bindparam("participant_id"))
_MY_IDEAS = (select(_ideas.c.id, _ideas.c.activity_id, _ideas.c.text, _ideas.c.merged_into_id, _ideas.c.created_at,
                    _ideas.c.approved, _ideas.c.hidden, _ideas.c.op_id)
             .where(_ideas.c.participant_id == bindparam("participant_id")).order_by(_ideas.c.id))
_MY_VOTES = (select(_ballots.c.activity_id, _votes.c.target_id, _votes.c.points, _votes.c.criterion)
             .join(_votes, _votes.c.ballot_id == _ballots.c.id)
             .where(_ballots.c.participant_id == bindparam("participant_id"))
             .order_by(_ballots.c.activity_id, _votes.c.target_id, _votes.c.criterion))
_MY_BALLOTS = select(_ballots.c.activity_id).where(_ballots.c.participant_id == bindparam("participant_id"))


def room_identity(db: Connection, code: object) -> tuple[int, str, int]:
    """(room id, code, event id) for a join code as people type it, or ``unknown_room``."""
    if not isinstance(code, str):
        raise DomainError("unknown_room")
    normalized = normalize_join_code(code)[:6]
    cache = room_cache.cache_of(db)
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        return hot_path_pg.room_identity(db, postgres, normalized)
    if cache is None:
        row = db.execute(_ROOM_BY_CODE, {"code": normalized}).first()
    else:  # every phone of a QR-code rush names the same room; an unknown code is asked again (a room made since
        # by the command line, another process, is found)
        row = cache.get(("room_code", normalized), cache.generation,
                        lambda: db.execute(_ROOM_BY_CODE, {"code": normalized}).first(), keep_none=False)
    if row is None:
        raise DomainError("unknown_room")
    return row.id, row.code, row.event_id


def join_code_room(database: Any, code: object) -> tuple[int, str, int]:
    """``room_identity`` in a transaction of its own, or none when the room cache holds the answer (a QR-code rush)."""
    cache = room_cache.cache_of_engine(database.engine)
    if cache is not None and isinstance(code, str):
        found = cache.values.get(("room_code", normalize_join_code(code)[:6]))
        if found is not None and found[0] == cache.generation and found[1] is not None:
            return found[1].id, found[1].code, found[1].event_id
    known = hot_path_pg.known_room(database.engine, code)
    if known is not None:  # PostgreSQL: a join code seen before names the same room for good
        return known
    with database.read() as session:
        return room_identity(session.connection(), code)


def add_participant(db: Connection, *, room_id: int, public_id: str, token_hash: str, created_at: datetime) -> int:
    raw = _sqlite(db)
    if raw is not None:
        inserted = raw.execute(_SQL_INSERT_PARTICIPANT, (room_id, public_id, token_hash, _stored_time(created_at)))
        participant_id = int(inserted.lastrowid)  # type: ignore[arg-type]
        room_cache.participant_committed(db)
        return participant_id
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        return int(hot_path_pg.rows(db, postgres, hot_path_pg.INSERT_PARTICIPANT,
                                    (room_id, public_id, token_hash, created_at))[0][0])
    inserted = db.execute(_INSERT_PARTICIPANT, {"room_id": room_id, "public_id": public_id, "token_hash": token_hash,
                                                "pseudonym": None, "tags": {}, "created_at": created_at})
    return int(inserted.inserted_primary_key[0])  # type: ignore[index]


def returning_participant(db: Connection, code: object, token_hash: str) -> tuple[int, str, int, str] | None:
    """(participant id, public id, room id, room code) of the token's holder in this room, or None."""
    if not isinstance(code, str):
        return None
    postgres = hot_path_pg.driver(db)
    if postgres is not None:
        found = hot_path_pg.rows(db, postgres, hot_path_pg.RETURNING, (token_hash, normalize_join_code(code)[:6]))
        return found[0] if found else None  # type: ignore[return-value]
    row = db.execute(_RETURNING, {"token_hash": token_hash, "code": normalize_join_code(code)[:6]}).first()
    return None if row is None else (row.id, row.public_id, row.room_id, row.code)


def room_header(db: Connection, room_id: int) -> dict[str, Any]:
    row = db.execute(_ROOM_HEADER, {"room_id": room_id}).one()
    return {"code": row.code, "name": row.name, "premoderation": bool(row.premoderation),
            "event": {"id": row.event_id, "title": row.title}, "current_activity_id": row.current_activity_id}


def participant_part(db: Connection, participant_id: int) -> dict[str, Any]:
    """The participant, their ideas and their ballots as ``participant_state`` sends them."""
    who = db.execute(_PARTICIPANT, {"participant_id": participant_id}).one()
    ballots: dict[str, list[dict[str, Any]]] = {
        str(activity_id): [] for activity_id in db.execute(_MY_BALLOTS, {"participant_id": participant_id}).scalars()}
    for row in db.execute(_MY_VOTES, {"participant_id": participant_id}):
        # The criterion only when there is one (criteria scoring, matrix): a phone restores the whole ballot.
        ballots[str(row.activity_id)].append({"target_id": row.target_id, "points": row.points}
                                             | ({"criterion": row.criterion} if row.criterion else {}))
    return {
        "participant": {"id": who.public_id, "pseudonym": who.pseudonym, "tags": dict(who.tags or {})},
        "my_ideas": [{"id": row.id, "activity_id": row.activity_id, "text": row.text, "merged_into": row.merged_into_id,
                      "created_at": row.created_at.isoformat() + "Z", "approved": bool(row.approved),
                      "hidden": bool(row.hidden), "op_id": row.op_id}
                     for row in db.execute(_MY_IDEAS, {"participant_id": participant_id})],
        "my_ballots": ballots,
    }
