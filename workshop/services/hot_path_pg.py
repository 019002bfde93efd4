"""The hot path's statements on PostgreSQL: SQL on the driver's connection (psycopg), in the writer's transaction,
with the statements whose result nobody reads sent together with the next one that is read.

On PostgreSQL each statement is a round trip to another process: a send, a wait, a receive (~60 µs of this
process's CPU each in psycopg, measured under gevent), plus SQLAlchemy's execution of a prebuilt statement (about as
much again). A ballot cost eleven of them (SAVEPOINT, the activity, its items, the ballot row locked, touched,
its votes deleted and inserted one by one, the journal, RELEASE). Here:

- the writer's ``SAVEPOINT`` and every write that returns nothing (the ballot's upsert, its votes, the journal, the
  ``RELEASE``) are *deferred*: queued on the connection, then sent as one text of several statements (one round
  trip) together with the next statement whose rows are read, or at the job's end by the writer;
- the ballot's row is an upsert (``ON CONFLICT`` on its unique key, which locks the row as ``FOR UPDATE`` did, so
  two ballots of one phone still queue) and its votes one insert of arrays (``unnest``).

A ballot is then two round trips (the SAVEPOINT with the activity; its items, nothing else read; the writes with
the RELEASE) plus the batch's COMMIT, and every read a rule depends on is still made in the transaction: another
process's change (a closed activity, a hidden idea) is seen. A deferred statement that fails (a journaled op_id)
raises at the flush inside its own job (the writer flushes before the job counts as done), as SQLAlchemy's
``IntegrityError``, so ``operations.run_once``'s replay handling is unchanged. Outside the writer (service tests,
the command line) nothing is deferred: each statement runs at once, in the caller's transaction.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

import psycopg
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from ..domain.codes import normalize_join_code
from ..domain.errors import DomainError

_DEFERRED = "pg_deferred"  # key of the deferred statements in the DB-API connection's ``info``

ACTIVITY = ("SELECT a.type, a.phase, a.config, a.room_id, r.code, r.premoderation FROM activities a "
            "JOIN rooms r ON r.id = a.room_id WHERE a.id = %s")
IDEAS_GIVEN = "SELECT count(*) FROM ideas WHERE activity_id = %s AND participant_id = %s"
INSERT_IDEA = ("INSERT INTO ideas (activity_id, participant_id, op_id, text, approved, hidden, merged_into_id, "
               "cluster_id, created_at) VALUES (%s, %s, %s, %s, %s, false, NULL, NULL, %s) RETURNING id")
VOTABLE = {
    "ideas": ("SELECT id FROM ideas WHERE id = ANY(%s) AND activity_id = %s AND approved AND NOT hidden "
              "AND merged_into_id IS NULL"),
    "clusters": "SELECT id FROM clusters WHERE id = ANY(%s) AND activity_id = %s AND NOT removed",
}
# The ballot's row: made, or touched (and locked until the COMMIT, as SELECT ... FOR UPDATE did).
UPSERT_BALLOT = ("INSERT INTO ballots (activity_id, participant_id, updated_at) VALUES (%s, %s, %s) "
                 "ON CONFLICT (activity_id, participant_id) DO UPDATE SET updated_at = EXCLUDED.updated_at")
CLEAR_BALLOT = ("DELETE FROM votes WHERE ballot_id = "
                "(SELECT id FROM ballots WHERE activity_id = %s AND participant_id = %s)")
INSERT_VOTES = ("INSERT INTO votes (ballot_id, target_id, points, criterion) "
                "SELECT b.id, v.target_id, v.points, v.criterion FROM ballots b, "
                "unnest(%s::integer[], %s::integer[], %s::text[]) AS v(target_id, points, criterion) "
                "WHERE b.activity_id = %s AND b.participant_id = %s")
RECORDED = "SELECT actor, response FROM operations WHERE op_id = %s"
INSERT_OPERATION = ("INSERT INTO operations (op_id, actor, kind, room_id, response, created_at) "
                    "VALUES (%s, %s, %s, %s, %s::json, %s)")
SINCE = "SELECT created_at FROM operations WHERE actor = %s AND created_at > %s"


class Deferred:
    """The statements queued on one connection for its current write job, and whether its SAVEPOINT was sent."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Sequence[Any] | None]] = [("SAVEPOINT job", None)]
        self.sent = False  # something of the job reached the server: a failure must roll back to the SAVEPOINT


def driver(db: Connection) -> Any | None:
    """psycopg's connection under ``db`` (same transaction) on PostgreSQL, else None."""
    return db.connection.driver_connection if db.dialect.name == "postgresql" else None


def begin_job(info: dict[Any, Any]) -> Deferred:
    """The writer starts a job: its SAVEPOINT waits for the job's first statement."""
    deferred = info[_DEFERRED] = Deferred()
    info.pop(_PREFETCHED, None)
    return deferred


class CommitFailed(Exception):
    """The batch's COMMIT, sent with its last job's writes, failed: nothing of the batch is committed."""


def end_job(raw: Any, info: dict[Any, Any], succeeded: bool, *, commit: bool = False) -> None:
    """The job's end: RELEASE and what is still queued, in one round trip; or, when it failed, its rollback.

    ``commit``: the batch's last job; its text ends with the batch's COMMIT (a round trip less per batch: one per
    command when phones act one at a time). Which of the two failed, the server says by the transaction's state
    afterwards: still open and failed (a write of the job: undone alone, the batch goes on and commits), or ended
    (the COMMIT: ``CommitFailed``, nothing of the batch is acknowledged)."""
    deferred: Deferred = info.pop(_DEFERRED)
    info.pop(_PREFETCHED, None)  # read for this job only
    if succeeded:
        deferred.statements.append(("RELEASE job", None))
        if commit:
            deferred.statements.append(("COMMIT", None))
        try:
            _send(raw, deferred, [])
            return
        except BaseException as error:  # a deferred write failed (a journaled op_id): the job is undone alone
            if commit and raw.info.transaction_status != psycopg.pq.TransactionStatus.INERROR:
                raise CommitFailed(str(error)) from error
            _roll_back(raw)
            raise
    if deferred.sent:  # nothing was sent otherwise: no SAVEPOINT to go back to, nothing to undo
        _roll_back(raw)


def _roll_back(raw: Any) -> None:
    raw.execute("ROLLBACK TO job")
    raw.execute("RELEASE job")


def defer(db: Connection, raw: Any, sql: str, params: Sequence[Any]) -> None:
    """Run ``sql`` (no rows read) with the next statement that is read, or at once outside a write job."""
    deferred: Deferred | None = db.info.get(_DEFERRED)
    if deferred is None:
        _checked(raw.execute, sql, params)
        return
    deferred.statements.append((sql, params))


def rows(db: Connection, raw: Any, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql``, sent after (and with) whatever is deferred."""
    deferred: Deferred | None = db.info.get(_DEFERRED)
    if deferred is None or not deferred.statements:
        return _checked(lambda: raw.execute(sql, params).fetchall())  # type: ignore[no-any-return]
    return _send(raw, deferred, [(sql, params)])[0]


def _send(raw: Any, deferred: Deferred, queries: list[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
    """What is deferred, then ``queries``, in one text; the rows of each query."""
    pending, deferred.statements = deferred.statements, []
    if not pending and not queries:
        return []
    deferred.sent = True
    statements = [*pending, *queries]
    if _opens_transaction(raw):  # the batch's first statements: its BEGIN travels with them (a round trip less)
        statements = [("BEGIN", None), *statements]

    def run() -> list[list[tuple[Any, ...]]]:
        # One text, several statements: PostgreSQL's simple query protocol runs them in order in this transaction
        # (an error stops the rest) and answers in one round trip. psycopg's pipeline mode does the same with
        # prepared statements, but cost more of this process's CPU than the round trips it saved (measured under
        # gevent); the values are quoted by psycopg's own client-side binding (``ClientCursor.mogrify``).
        quoting = psycopg.ClientCursor(raw)
        cursor = raw.cursor()
        cursor.execute(";".join(sql if params is None else quoting.mogrify(sql, params) for sql, params in statements),
                       prepare=False)
        if not queries:
            return []
        for _ in range(len(statements) - len(queries)):  # the reads are the last statements
            cursor.nextset()
        found = [cursor.fetchall()]
        while cursor.nextset():
            found.append(cursor.fetchall())
        return found

    return _checked(run)  # type: ignore[no-any-return]


def _opens_transaction(raw: Any) -> bool:
    """Whether psycopg would send a plain ``BEGIN`` on its own, in a round trip of its own, before our text."""
    return (not raw.autocommit and raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            and raw.isolation_level is None and raw.read_only is None and raw.deferrable is None)


def _checked(call: Any, *args: Any) -> Any:
    try:
        return call(*args)
    except psycopg.IntegrityError as error:  # as SQLAlchemy raises it: run_once's replay handling expects that
        raise IntegrityError(getattr(error, "statement", None) or "", None, error) from None


def install(engine: Engine) -> None:
    """Flush a job's deferred statements before any statement SQLAlchemy runs on the same connection (a job that
    also reads or writes through SQLAlchemy, e.g. a vote on axes): its SAVEPOINT and writes come first."""
    if engine.dialect.name != "postgresql" or event.contains(engine, "before_cursor_execute", _flush_first):
        return
    event.listen(engine, "before_cursor_execute", _flush_first)


def _flush_first(conn, _cursor, _statement, _parameters, _context, _executemany):  # type: ignore[no-untyped-def]
    deferred: Deferred | None = conn.info.get(_DEFERRED)
    if deferred is not None and deferred.statements:
        _send(conn.connection.driver_connection, deferred, [])


# The hot path's statements -------------------------------------------------------------------------------------

class ActivityRow(NamedTuple):
    """The columns of ``hot_path._ACTIVITY``, by the same names."""

    type: str
    phase: str
    config: dict[str, Any]
    room_id: int
    code: str
    premoderation: bool


# What a job reads right after its activity, read with it (one round trip less per idea and per ballot): the
# participant's ideas so far, and the ballot's items among the votable ones of the source the activity had when last
# read (its config rarely changes; when it did, the items are read again from the right source).
_PREFETCHED = "pg_prefetched"
_SOURCES: WeakKeyDictionary[Any, dict[int, tuple[str, int]]] = WeakKeyDictionary()


def activity_row(db: Connection, raw: Any, activity_id: int, *, participant_id: int | None = None,
                 items: Iterable[int] | None = None) -> ActivityRow | None:
    """The activity and its room; in a write job, with what the job reads next (``participant_id``: for an idea,
    ``items``: a ballot's), kept for ``ideas_given`` and ``votable`` in this job only."""
    statements: list[tuple[str, Sequence[Any]]] = [(ACTIVITY, (activity_id,))]
    keys: list[tuple[Any, ...]] = []
    deferred: Deferred | None = db.info.get(_DEFERRED)
    if deferred is not None and participant_id is not None:
        statements.append((IDEAS_GIVEN, (activity_id, participant_id)))
        keys.append(("given", activity_id, participant_id))
    source = _SOURCES.get(db.engine.pool, {}).get(activity_id)
    wanted = sorted(set(items or ()))
    if deferred is not None and source is not None and wanted:
        statements.append((VOTABLE[source[0]], (wanted, source[1])))
        keys.append(("votable", source[0], source[1], tuple(wanted)))
    if len(statements) == 1:
        found = rows(db, raw, ACTIVITY, (activity_id,))
    else:
        results = _send(raw, deferred, statements) if deferred is not None else []  # type: ignore[arg-type]
        found = results[0]
        db.info[_PREFETCHED] = dict(zip(keys, results[1:]))
    return ActivityRow(*found[0]) if found else None


def prefetched(db: Connection, key: tuple[Any, ...]) -> list[tuple[Any, ...]] | None:
    """Rows ``activity_row`` read ahead for this job, once."""
    kept: dict[tuple[Any, ...], list[tuple[Any, ...]]] | None = db.info.get(_PREFETCHED)
    return None if kept is None else kept.pop(key, None)


def ideas_given(db: Connection, raw: Any, activity_id: int, participant_id: int) -> int:
    found = prefetched(db, ("given", activity_id, participant_id))
    if found is None:
        found = rows(db, raw, IDEAS_GIVEN, (activity_id, participant_id))
    return int(found[0][0])


def votable(db: Connection, raw: Any, activity_id: int, target: str, wanted: Iterable[int],
            source_id: int) -> frozenset[int]:
    sources = _SOURCES.setdefault(db.engine.pool, {})
    if len(sources) > 4096:  # a long day of many votes: start over rather than grow
        sources.clear()
    sources[activity_id] = (target, source_id)
    ordered = sorted(set(wanted))
    found = prefetched(db, ("votable", target, source_id, tuple(ordered)))
    if found is None:
        found = rows(db, raw, VOTABLE[target], (ordered, source_id))
    return frozenset(row[0] for row in found)


def replace_ballot(db: Connection, raw: Any, *, activity_id: int, participant_id: int, allocations: list[Any],
                   now: datetime) -> None:
    defer(db, raw, UPSERT_BALLOT, (activity_id, participant_id, now))
    defer(db, raw, CLEAR_BALLOT, (activity_id, participant_id))
    if allocations:
        defer(db, raw, INSERT_VOTES, ([allocation.target_id for allocation in allocations],
                                      [allocation.points for allocation in allocations],
                                      [allocation.criterion for allocation in allocations],
                                      activity_id, participant_id))


def record(db: Connection, raw: Any, *, op_id: str, actor: str, kind: str, room_id: int | None,
           response: dict[str, Any], created_at: datetime) -> None:
    defer(db, raw, INSERT_OPERATION, (op_id, actor, kind, room_id, json.dumps(response), created_at))


# Connecting: who the phone is --------------------------------------------------------------------------------

ROOM_BY_CODE = "SELECT id, code, event_id FROM rooms WHERE code = %s"
RETURNING = ("SELECT p.id, p.public_id, r.id, r.code FROM participants p JOIN rooms r ON r.id = p.room_id "
             "WHERE p.token_hash = %s AND r.code = %s")
INSERT_PARTICIPANT = ("INSERT INTO participants (room_id, public_id, token_hash, pseudonym, tags, created_at) "
                      "VALUES (%s, %s, %s, NULL, '{}', %s) RETURNING id")

# A room's join code, id and event never change and rooms are never deleted: what a code named once, it names for
# good, in every process. Every phone of a QR-code rush names the same room; unknown codes are never kept (a room
# made since, by another process or the command line, is found).
_KNOWN_ROOMS: WeakKeyDictionary[Any, dict[str, tuple[int, str, int]]] = WeakKeyDictionary()


def known_room(engine: Engine, code: object) -> tuple[int, str, int] | None:
    """(room id, code, event id) of a join code read before on this PostgreSQL engine, else None."""
    if engine.dialect.name != "postgresql" or not isinstance(code, str):
        return None
    return _KNOWN_ROOMS.get(engine.pool, {}).get(normalize_join_code(code)[:6])


def room_identity(db: Connection, raw: Any, normalized: str) -> tuple[int, str, int]:
    known = _KNOWN_ROOMS.setdefault(db.engine.pool, {})
    found = known.get(normalized)
    if found is None:
        row = rows(db, raw, ROOM_BY_CODE, (normalized,))
        if not row:
            raise DomainError("unknown_room")
        found = row[0]
        if len(known) > 4096:  # a long day of many rooms: start over rather than grow
            known.clear()
        known[normalized] = found
    return found


# Connecting: a phone's own rows and the stamp of its room, in one round trip ----------------------------------

# What every phone of a room receives alike (``state._phone_room_part``: header, activities, item lists, profile
# choices) is kept per room in each process under this stamp, read in the same round trip as the phone's own rows:
# the row versions (``xmin``: every insert or update writes a new one) and counts of every table that part is made
# of, so any process's change (an activity edited or opened, an idea hidden, a cluster renamed, an organisation
# added) makes the stamp differ. The second column says whether the part may be kept at all: not while an activity
# of the room is revealed (its results read ballots and profiles) or votes on the event's axes.
ROOM_STAMP = (
    "SELECT r.xmin::text || ':' || e.xmin::text"
    " || ':' || (SELECT count(*) || ':' || coalesce(sum(a.xmin::text::bigint), 0) FROM activities a"
    " WHERE a.room_id = r.id)"
    " || ':' || (SELECT count(*) || ':' || coalesce(sum(o.xmin::text::bigint), 0) FROM organisations o"
    " WHERE o.event_id = r.event_id)"
    " || ':' || (SELECT count(*) || ':' || coalesce(sum(i.xmin::text::bigint), 0) FROM ideas i"
    " JOIN activities a ON a.id = i.activity_id WHERE a.room_id = r.id)"
    " || ':' || (SELECT count(*) || ':' || coalesce(sum(c.xmin::text::bigint), 0) FROM clusters c"
    " JOIN activities a ON a.id = c.activity_id WHERE a.room_id = r.id),"
    " NOT EXISTS (SELECT 1 FROM activities a WHERE a.room_id = r.id"
    " AND (a.phase = 'revealed' OR a.config->>'target' = 'axes'))"
    " FROM rooms r JOIN events e ON e.id = r.event_id WHERE r.id = %s")
MY_PARTICIPANT = "SELECT public_id, pseudonym, tags FROM participants WHERE id = %s"
MY_VOTES = ("SELECT b.activity_id, v.target_id, v.points, v.criterion FROM ballots b "
            "LEFT JOIN votes v ON v.ballot_id = b.id WHERE b.participant_id = %s "
            "ORDER BY b.activity_id, v.target_id, v.criterion")
MY_IDEAS = ("SELECT id, activity_id, text, merged_into_id, created_at, approved, hidden, op_id FROM ideas "
            "WHERE participant_id = %s ORDER BY id")


def read_many(raw: Any, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
    """The rows of each statement, all sent in one text (one round trip)."""
    quoting = psycopg.ClientCursor(raw)
    cursor = raw.cursor()
    cursor.execute(";".join(quoting.mogrify(sql, params) for sql, params in statements), prepare=False)
    found = [cursor.fetchall()]
    while cursor.nextset():
        found.append(cursor.fetchall())
    return found


_BY_TOKEN = "(SELECT id FROM participants WHERE token_hash = %s)"  # token hashes are unique


def phone_reads(raw: Any, room_id: int, participant_id: int | None) -> tuple[str | None, dict[str, Any] | None]:
    """(the room's stamp, or None when its part may not be kept; the participant's own part as
    ``hot_path.participant_part`` makes it, or None for ``participant_id`` None)."""
    statements: list[tuple[str, Sequence[Any]]] = [(ROOM_STAMP, (room_id,))]
    if participant_id is not None:
        statements += [(MY_PARTICIPANT, (participant_id,)), (MY_VOTES, (participant_id,)),
                       (MY_IDEAS, (participant_id,))]
    found = read_many(raw, statements)
    return _stamp(found[0]), None if participant_id is None else _own(found[1:])


def returning_phone(raw: Any, token_hash: str, code: str, room_id: int
                    ) -> tuple[tuple[int, str, int, str] | None, tuple[str | None, dict[str, Any]] | None]:
    """A reconnecting phone in one round trip: who holds the token in this room (as ``RETURNING``) and, when someone
    does, what ``phone_reads`` gives for them (``room_id``: the join code's room, known already)."""
    found = read_many(raw, [
        (RETURNING, (token_hash, code)), (ROOM_STAMP, (room_id,)),
        (MY_PARTICIPANT.replace("id = %s", "id = " + _BY_TOKEN), (token_hash,)),
        (MY_VOTES.replace("b.participant_id = %s", "b.participant_id = " + _BY_TOKEN), (token_hash,)),
        (MY_IDEAS.replace("participant_id = %s", "participant_id = " + _BY_TOKEN), (token_hash,))])
    if not found[0] or found[0][0][2] != room_id:
        return None, None
    return found[0][0], (_stamp(found[1]), _own(found[2:]))


def _stamp(rows_: list[tuple[Any, ...]]) -> str | None:
    return rows_[0][0] if rows_ and rows_[0][1] else None


def _own(found: list[list[tuple[Any, ...]]]) -> dict[str, Any]:
    (public_id, pseudonym, tags), = found[0]
    ballots: dict[str, list[dict[str, Any]]] = {}
    for activity_id, target_id, points, criterion in found[1]:
        votes = ballots.setdefault(str(activity_id), [])
        if target_id is not None:  # the criterion only when there is one (criteria scoring, matrix)
            votes.append({"target_id": target_id, "points": points} | ({"criterion": criterion} if criterion else {}))
    return {
        "participant": {"id": public_id, "pseudonym": pseudonym, "tags": dict(tags or {})},
        "my_ideas": [{"id": idea_id, "activity_id": activity_id, "text": text, "merged_into": merged_into,
                      "created_at": created_at.isoformat() + "Z", "approved": bool(approved), "hidden": bool(hidden),
                      "op_id": op_id}
                     for idea_id, activity_id, text, merged_into, created_at, approved, hidden, op_id in found[2]],
        "my_ballots": ballots,
    }
