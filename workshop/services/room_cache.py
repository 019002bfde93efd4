"""What one SQLite server keeps between transactions (open activities, votable items, results inputs), and when it
goes stale.

On SQLite one server process owns the file, and every change it makes runs through SQLAlchemy or through the hot
path (``hot_path``), which reports its own. So a value read from the database stays true until a statement changes
a table: every insert, update or delete executed through SQLAlchemy (the ORM's flushes included) bumps
``generation`` when it runs and again when its transaction commits or rolls back, and a cached value is used only
under the generation it was read at. The two bumps close the window in which a reader could take the committed
state's generation with the uncommitted state's rows: the second comes after the COMMIT (the writer's native
COMMIT first, then SQLAlchemy's), and a value read in between carries the earlier generation.

What the hot path writes itself (a participant's new idea, their ballot) changes no agenda: an idea bumps its
activity's count of ideas added (the item lists that vote on it are re-read), a committed ballot is applied to the
activity's results input (``results_state``), after the commit, as the database now holds it.

Statements the hot path's own inserts leave out of the generation: new participants and the journal.

The room's people as results read them (public ids and profile tags) are kept under ``participants_version``
alone, not the generation, which every change of phase moves: it moves with each participant the hot path adds
and with every statement through SQLAlchemy that changes the participants table, deletes anything (a room
deleted takes its participants with it, and SQLite may give a later room the same id) or is DML as text, when it
runs and again when its transaction ends.

PostgreSQL serves several processes whose changes this process would not see: there, ``cache_of`` returns None
and every value is read in its transaction, as before.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

# Tables whose rows no cached value holds, or whose changes reach the caches otherwise (see above).
_UNWATCHED_INSERTS = frozenset({"participants", "operations"})
_UNWATCHED = frozenset({"operations", "export_jobs"})


class RoomCache:
    """The process's cached values for one SQLite database, each kept under the generation it was read at."""

    def __init__(self) -> None:
        self.generation = 0
        self.ideas_added: dict[int, int] = {}  # source activity id -> ideas the hot path added (item lists re-read)
        self.ideas_added_total = 0  # the same, all activities together (what a room's state depends on)
        self.participants_version = 0  # moves when any room's participants may have changed (see above)
        self.values: dict[Any, tuple[Any, Any]] = {}
        self.results: dict[int, Any] = {}  # activity id -> services.results_state.ResultsState

    def bump(self) -> None:
        self.generation += 1

    def idea_added(self, activity_id: int) -> None:
        self.ideas_added[activity_id] = self.ideas_added.get(activity_id, 0) + 1
        self.ideas_added_total += 1

    def get(self, key: Any, stamp: Any, load: Callable[[], Any], *, keep_none: bool = True) -> Any:
        """The value under ``key`` read at ``stamp``, or ``load()`` (read now, kept under ``stamp``; a None not
        kept when ``keep_none`` is False: what was not found is asked again, as something made since by another
        process, the command line, is not seen by the generation)."""
        found = self.values.get(key)
        if found is not None and found[0] == stamp:
            return found[1]
        value = load()
        if value is None and not keep_none:
            return None
        if len(self.values) > 4096:  # a long day of many rooms: start over rather than grow
            self.values.clear()
        self.values[key] = (stamp, value)
        return value


_CACHES: WeakKeyDictionary[Any, RoomCache] = WeakKeyDictionary()


def cache_of(connection: Connection) -> RoomCache | None:
    """The cache of the connection's SQLite database; None on PostgreSQL (several processes write it)."""
    return _CACHES.get(connection.engine.pool)


def cache_of_engine(engine: Engine) -> RoomCache | None:
    return _CACHES.get(engine.pool)


def install(engine: Engine) -> None:
    """Keep a cache for a SQLite engine: every change made through it invalidates (called once per database)."""
    if engine.dialect.name != "sqlite" or engine.pool in _CACHES:
        return
    cache = _CACHES[engine.pool] = RoomCache()

    @event.listens_for(engine, "before_execute")
    def _changing(connection, statement, *_args):  # type: ignore[no-untyped-def]
        moves_generation, moves_people = _what_changes(statement)
        if moves_generation:
            connection.info["room_cache_changed"] = True
            cache.bump()
        if moves_people:
            _participants_changing(connection, cache)

    def _ended(connection):  # type: ignore[no-untyped-def]
        if connection.info.pop("room_cache_changed", False):
            cache.bump()
        if connection.info.pop("participants_changed", False):
            cache.participants_version += 1

    event.listen(engine, "commit", _ended)
    event.listen(engine, "rollback", _ended)
    event.listen(engine, "rollback_savepoint", lambda connection, *_: cache.bump())


def _what_changes(statement: Any) -> tuple[bool, bool]:
    """(whether the generation moves, whether the participants version moves) for a statement run through
    SQLAlchemy."""
    if isinstance(statement, TextClause):
        dml = statement.text.lstrip()[:6].lower() in ("insert", "update", "delete")
        return dml, dml
    if not getattr(statement, "is_dml", False):
        return False, False
    table = getattr(getattr(statement, "table", None), "name", None)
    unwatched = table in _UNWATCHED or (table in _UNWATCHED_INSERTS and getattr(statement, "is_insert", False))
    return not unwatched, getattr(statement, "is_delete", False) or table == "participants"


def _participants_changing(connection: Connection, cache: RoomCache) -> None:
    """The participants version moves now and again when the transaction ends (the writer's batch included): a
    value read in between carries the earlier version."""
    connection.info["participants_changed"] = True
    cache.participants_version += 1


def after_commit(db: Connection, effect: Callable[[], None]) -> None:
    """Run ``effect`` once the transaction ``db`` is in has committed, never if it does not: the writer collects
    each job's effects (``writer.py``). Outside the writer the change counts as any other (the generation moves)."""
    effects: list[Callable[[], None]] | None = db.info.get("after_commit")
    if effects is not None:
        effects.append(effect)
        return
    cache = cache_of(db)
    if cache is not None:
        db.info["room_cache_changed"] = True
        cache.bump()


def idea_committed(db: Connection, activity_id: int, idea: Any) -> None:
    """An idea the hot path added: once committed, the item lists that vote on its activity are read again and the
    activity's kept results input holds it."""
    cache = cache_of(db)
    if cache is None:
        return

    def apply() -> None:
        cache.idea_added(activity_id)
        state = cache.results.get(activity_id)
        if state is not None:
            state.add_idea(idea)

    after_commit(db, apply)


def participant_committed(db: Connection) -> None:
    """A participant the hot path added: the room's people kept for results are read again, as after a statement on
    participants through SQLAlchemy."""
    cache = cache_of(db)
    if cache is not None:
        _participants_changing(db, cache)


def ballot_committed(db: Connection, activity_id: int, participant_id: int, allocations: list[Any]) -> None:
    """A ballot the hot path wrote: once committed, the activity's results input holds it (if it is kept)."""
    cache = cache_of(db)
    if cache is None:
        return

    def apply() -> None:
        state = cache.results.get(activity_id)
        if state is not None:
            state.replace_ballot(participant_id, allocations)

    after_commit(db, apply)
