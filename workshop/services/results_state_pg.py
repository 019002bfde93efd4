"""On PostgreSQL, an activity's results input kept in each server process and brought up to date by reading only the
ballots (or ideas) written since its last reading.

The live screens get an activity's results every 250 ms from whichever process holds the flusher's lease; at 2,000
ballots reading them all again cost 90 ms of that process's CPU per snapshot (a burst of 2,000 ballots: about 1 ms
per ballot, more than the ballot itself). Several processes write the ballots, so nothing here is told of a ballot:
the database says what changed, by transaction ids.

- Each reading first takes PostgreSQL's snapshot ``xmin`` (every transaction below it had ended), then the rows
  whose ``xmin`` (the transaction that wrote that version of the row) is at or above the previous reading's: every
  ballot made or replaced since (``replace_ballot`` always rewrites its row), committed by any process, and some
  already applied (applying a ballot again changes nothing: a participant's entry *becomes* the ballot read).
- A stamp of everything else the results read, taken in the same round trip, says when to read the whole input again:
  the activity's row (config, phase), the source's ideas and clusters (items), and counts of the activity's ballots
  and ideas (a deletion); the room's participants (profile tags) are read again when theirs moves.
- The transaction id counter's epoch is part of the stamp: when it wraps, everything is read again.

The input is the one ``results_state.ResultsState`` keeps on SQLite; ``results`` runs on it unchanged
(tests/services/test_results_state_pg.py compares it with ``state.compute_results`` after random commands from two
processes).
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..activities import IdeaView, activity_type
from ..domain.ballots import Allocation
from ..models import Activity
from . import hot_path_pg
from .results_state import ResultsState, kept
from .state import result_input_and_owners, results_failed, room_people

_KEPT = "pg_results"  # in the database's shared info (``Database.shared``): activity id -> _Kept

STAMP = (
    "SELECT a.xmin::text"
    " || ':' || (SELECT count(*) || ':' || coalesce(sum(i.xmin::text::bigint), 0) FROM ideas i WHERE i.activity_id = %s)"
    " || ':' || (SELECT count(*) || ':' || coalesce(sum(c.xmin::text::bigint), 0) FROM clusters c"
    " WHERE c.activity_id = %s),"
    " (SELECT count(*) || ':' || coalesce(sum(p.xmin::text::bigint), 0) FROM participants p WHERE p.room_id = a.room_id),"
    " (SELECT count(*) FROM ballots b WHERE b.activity_id = a.id),"
    " (SELECT count(*) FROM ideas i WHERE i.activity_id = a.id),"
    " pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
    " FROM activities a WHERE a.id = %s")
CHANGED_BALLOTS = (
    "SELECT b.participant_id, v.target_id, v.points, v.criterion FROM ballots b "
    "LEFT JOIN votes v ON v.ballot_id = b.id WHERE b.activity_id = %s AND b.xmin::text::bigint >= %s "
    "ORDER BY b.id, v.target_id, v.criterion")
CHANGED_IDEAS = (
    "SELECT i.id, i.text, i.approved, i.hidden, i.merged_into_id, p.public_id, i.cluster_id FROM ideas i "
    "LEFT JOIN participants p ON p.id = i.participant_id WHERE i.activity_id = %s AND i.xmin::text::bigint >= %s")
_EPOCH = 1 << 32


class _Kept:
    def __init__(self, stamp: str, people: str, state: ResultsState, horizon: int) -> None:
        self.stamp, self.people, self.state, self.horizon = stamp, people, state, horizon


def live_results(session: Session, activity: Activity) -> tuple[dict[str, Any], int] | None:
    """(results, ballots or ideas received) from the kept input, brought up to date; None where none is kept."""
    raw = hot_path_pg.driver(session.connection())
    if raw is None or not kept(activity):
        return None
    try:
        state = _current(session, raw, activity)
        return state.results(session), state.received
    except Exception as error:  # noqa: BLE001 — as compute_results: one activity's results never take the room down
        session.info.get(_KEPT, {}).pop(activity.id, None)
        return results_failed(activity, error), 0


def _current(session: Session, raw: Any, activity: Activity) -> ResultsState:
    kind = activity_type(activity.type)
    source_id = kind.source_activity_id(activity.config)
    ideas_kind = kind.input_kind == "idea"
    # The items' rows: a vote's source ideas and clusters; an idea activity's own clusters (its ideas are followed).
    item_ideas = source_id if source_id is not None and not ideas_kind else 0
    item_clusters = source_id if source_id is not None else activity.id
    everything: dict[int, _Kept] = session.info[_KEPT]
    found = everything.get(activity.id)
    lower = found.horizon % _EPOCH if found is not None else 0
    statements: list[tuple[str, Any]] = [(STAMP, (item_ideas, item_clusters, activity.id))]
    if found is not None:
        statements.append((CHANGED_IDEAS if ideas_kind else CHANGED_BALLOTS, (activity.id, lower)))
    results = hot_path_pg.read_many(raw, statements)
    if not results[0]:
        raise LookupError("activity gone")
    items, people, ballots, ideas, horizon = results[0][0]
    stamp = f"{items}:{horizon // _EPOCH}"
    if found is None or found.stamp != stamp:
        # Read in full after the stamp: a change made in between is read now and again next time (harmless).
        people = room_people(session, activity.room_id)
        data, owners = result_input_and_owners(session, activity, people)
        state = ResultsState(activity, stamp, data, owners, people)
        everything[activity.id] = _Kept(stamp, people, state, horizon)
        if len(everything) > 256:  # a long day of many activities: start over rather than grow
            everything.clear()
            everything[activity.id] = _Kept(stamp, people, state, horizon)
        return state
    state = found.state
    if ideas_kind:
        for idea_id, text, approved, hidden, merged_into, author, cluster_id in results[1]:
            state.add_idea(IdeaView(idea_id, text, approved=bool(approved), hidden=bool(hidden),
                                    merged_into_id=merged_into, participant_key=author, cluster_id=cluster_id))
    else:
        changed: dict[int, list[Allocation]] = {}
        for participant_id, target_id, points, criterion in results[1]:
            votes = changed.setdefault(participant_id, [])
            if target_id is not None:
                votes.append(Allocation(target_id, points, criterion))
        for participant_id, allocations in changed.items():
            state.replace_ballot(participant_id, allocations)
    if people != found.people:  # someone joined or changed their profile: tags read again with the results
        state.unknown_people = True
        found.people = people
    found.horizon = horizon
    if len(state.ballots) != ballots or (ideas_kind and len(state.ideas) != ideas):  # a row was deleted
        everything.pop(activity.id, None)
        return _current(session, raw, activity)
    return state
