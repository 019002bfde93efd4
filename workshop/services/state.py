"""The full state a client receives on every (re)connect, and results snapshots for the live screens."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities import ClusterView, IdeaView, LinkedInput, ResultInput, activity_type
from ..domain.ballots import Allocation
from ..domain.phases import Phase, results_visible
from ..domain.prioritization import MIN_GROUP_SIZE
from ..domain.profiles import ORGANISATION_TAG, PROFILE_TAGS
from ..models import Activity, Ballot, Idea, Participant, Room, Vote
from ..models.activities import activities_of_room
from ..models.clusters import clusters_of_activity
from . import hot_path, hot_path_pg, room_cache
from .agenda import activity_payload, phone_view
from .board_log import promoted_clusters
from .context import ServiceContext
from .events import find_room
from .items import item_views
from .participants import Joined, event_organisations
from .publisher import PreEncoded
from .type_records import type_records
from .views import idea_view

log = logging.getLogger(__name__)


RESULTS_UNAVAILABLE = "results_unavailable"


def _ballots_of(session: Session, activity: Activity) -> tuple[list[list[Allocation]], list[int]]:
    """An activity's ballots (one query) under its type's rules and, in the same order, the participant who cast
    each. Allocations the rules do not allow are left out (and counted in the log)."""
    kind = activity_type(activity.type)
    by_ballot: dict[int, list[Allocation]] = {}
    owners: dict[int, int] = {}
    for ballot_id, participant_id, target_id, points, criterion in session.execute(
            select(Ballot.id, Ballot.participant_id, Vote.target_id, Vote.points, Vote.criterion)
            .outerjoin(Vote, Vote.ballot_id == Ballot.id).where(Ballot.activity_id == activity.id)
            .order_by(Ballot.id, Vote.target_id, Vote.criterion)):
        allocations = by_ballot.setdefault(ballot_id, [])
        owners[ballot_id] = participant_id
        if target_id is not None:
            allocations.append(Allocation(target_id, points, criterion))
    dropped = 0
    if kind.input_kind == "ballot":
        for ballot_id, allocations in by_ballot.items():
            by_ballot[ballot_id], left_out = kind.stored_ballot(activity.config, allocations)
            dropped += left_out
    if dropped:
        log.warning("activity %s (%s): %d stored votes outside its rules left out of its results",
                    activity.id, activity.type, dropped)
    return list(by_ballot.values()), [owners[ballot_id] for ballot_id in by_ballot]


def compute_results(session: Session, activity: Activity) -> dict[str, Any]:
    """Results of one activity from its ideas, the items it votes on and its ballots (three queries, whatever the size;
    two more for a type that reads a linked activity's ballots, a post-test its pre-test's).

    Never raises on stored data: allocations the type's rules do not allow are left out (and counted in the log),
    and a computation that still fails gives ``{"unavailable": "results_unavailable"}`` for this activity alone,
    so that connections, screens and exports of the room go on (one log line says which activity and why).
    """
    try:
        return activity_type(activity.type).results(activity.config, result_input(session, activity))
    except Exception as error:  # noqa: BLE001 — one activity's results must never take the room down
        return results_failed(activity, error)


def results_failed(activity: Activity, error: Exception) -> dict[str, Any]:
    log.error("activity %s (%s): results not computed: %s: %s", activity.id, activity.type,
              type(error).__name__, str(error)[:200])
    return {"unavailable": RESULTS_UNAVAILABLE}


def room_people(session: Session, room_id: int) -> dict[int, tuple[str, dict[str, Any] | None]]:
    """participant id -> (public id, profile tags) for every participant of the room."""
    return {participant_id: (public_id, tags) for participant_id, public_id, tags in session.execute(
        select(Participant.id, Participant.public_id, Participant.tags).where(Participant.room_id == room_id))}


def result_input(session: Session, activity: Activity) -> ResultInput:
    """Everything ``results`` reads of one activity, from the database."""
    return result_input_and_owners(session, activity)[0]


def result_input_and_owners(session: Session, activity: Activity,
                            people: dict[int, tuple[str, dict[str, Any] | None]] | None = None
                            ) -> tuple[ResultInput, list[int]]:
    """``result_input``, and the participant id of each of its ballots (in ballot order); ``people``: the room's
    ``room_people`` when the caller has them already."""
    kind = activity_type(activity.type)
    if people is None:
        people = room_people(session, activity.room_id)
    # Columns, not ORM rows: the live screens get this every 250 ms while a room of a thousand writes.
    ideas = [IdeaView(id=row.id, text=row.text, approved=bool(row.approved), hidden=bool(row.hidden),
                      merged_into_id=row.merged_into_id,
                      participant_key=people.get(row.participant_id, (None, None))[0], cluster_id=row.cluster_id)
             for row in session.connection().execute(hot_path.IDEAS_OF_ACTIVITY, {"activity_id": activity.id})]
    ballots, owners = _ballots_of(session, activity)
    clusters = [ClusterView(cluster.id, cluster.label) for cluster in session.scalars(clusters_of_activity(activity.id))]
    linked = None
    linked_id = kind.linked_activity_id(activity.config)
    other = session.get(Activity, linked_id) if linked_id is not None else None
    if other is not None and other.room_id == activity.room_id:
        linked_ballots, linked_owners = _ballots_of(session, other)
        linked = LinkedInput(config=dict(other.config), ballots=linked_ballots,
                             ballot_keys=[people.get(owner, ("", None))[0] for owner in linked_owners])
    return ResultInput(
        ideas=ideas, targets=item_views(session, activity), ballots=ballots, clusters=clusters,
        ballot_tags=[dict(people.get(owner, (None, None))[1] or {}) for owner in owners],
        ballot_keys=[people.get(owner, ("", None))[0] for owner in owners], linked=linked,
        min_group_size=session.info.get("min_group_size", MIN_GROUP_SIZE),
        records=type_records(session, activity) if kind.reads_records else {}), owners


def results_available(results: dict[str, Any]) -> bool:
    return "unavailable" not in results


def received_count(session: Session, activity: Activity) -> int:
    """How many answers (ideas) or ballots the activity has received: the projector shows it while results are hidden."""
    if activity_type(activity.type).input_kind == "idea":
        query = select(func.count()).select_from(Idea).where(Idea.activity_id == activity.id)
    else:
        query = select(func.count()).select_from(Ballot).where(Ballot.activity_id == activity.id)
    return int(session.scalar(query) or 0)


@dataclass(frozen=True)
class ResultsSnapshot:
    room_code: str
    activity_id: int
    results: dict[str, Any]
    public: bool  # the projector may see it (revealed, or live results on)
    revealed: bool  # phones see results only once revealed: live updates to every phone would flood the Wi-Fi
    received: int = 0  # answers or ballots so far: what the projector shows while the results are hidden


def results_snapshot(ctx: ServiceContext, activity_id: int) -> ResultsSnapshot | None:
    """Current results of an activity for the coalesced broadcast; None when it no longer exists."""
    from .results_state import live_results  # it builds on this module's loaders

    with ctx.db.read() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            return None
        kept = live_results(session, activity)  # a vote's input kept from its committed ballots (SQLite server)
        if kept is None:  # PostgreSQL: kept too, brought up to date from the rows written since
            from .results_state_pg import live_results as live_results_pg

            kept = live_results_pg(session, activity)
        results, received = kept if kept is not None else (compute_results(session, activity),
                                                             received_count(session, activity))
        return ResultsSnapshot(
            room_code=activity.room.code,
            activity_id=activity.id,
            results=results,
            public=results_visible(activity.current_phase, bool(activity.config.get("live_results"))),
            revealed=activity.current_phase is Phase.REVEALED,
            received=received,
        )


def _room_header(room: Room) -> dict[str, Any]:
    return {"code": room.code, "name": room.name, "versions": dict(room.versions or {}),
            "expected_count": room.expected_count, "premoderation": room.premoderation,
            "event": {"id": room.event.id, "title": room.event.title},
            "current_activity_id": room.current_activity_id}


def _activities(session: Session, room: Room, *, for_moderator: bool, revealed_only: bool = False
                ) -> list[dict[str, Any]]:
    views = []
    for activity in session.scalars(activities_of_room(room.id)):
        if not for_moderator and activity.current_phase is Phase.DRAFT:
            continue  # drafts are the moderator's preparation, not the room's business yet
        view = activity_payload(session, activity)
        if not revealed_only:  # the projector's and the console's count; phones do not show it
            view["received"] = received_count(session, activity)
        shown = activity.current_phase is Phase.REVEALED if revealed_only else view["results_visible"]
        if for_moderator or shown:
            view["results"] = compute_results(session, activity)
        views.append(view)
    return views


def moderator_state(ctx: ServiceContext, code: str) -> dict[str, Any]:
    with ctx.db.read() as session:
        room = find_room(session, code)
        authors = dict(session.execute(select(Participant.id, Participant.public_id)
                                       .where(Participant.room_id == room.id)).all())
        ideas = session.scalars(select(Idea).join(Activity).where(Activity.room_id == room.id).order_by(Idea.id))
        return {
            "role": "moderator",
            "room": _room_header(room),
            "activities": _activities(session, room, for_moderator=True),
            "ideas": [idea_view(idea, participant_public_id=authors.get(idea.participant_id), for_moderator=True)
                      for idea in ideas],
            "participants": len(authors),
            "promoted": promoted_clusters(session, room.id),
        }


def screen_state(ctx: ServiceContext, code: str) -> dict[str, Any]:
    with ctx.db.read() as session:
        room = find_room(session, code)
        ideas = session.scalars(select(Idea).join(Activity).where(
            Activity.room_id == room.id, Activity.phase != Phase.DRAFT.value,
            Idea.approved.is_(True), Idea.hidden.is_(False)).order_by(Idea.id))
        return {
            "role": "screen",
            "room": _room_header(room),
            "activities": _activities(session, room, for_moderator=False),
            "ideas": [idea_view(idea, participant_public_id=None, for_moderator=False) for idea in ideas],
        }


def profile_options(organisations: dict[str, str]) -> dict[str, list[str]]:
    """The choices of the phone's optional profile: the fixed lists, and the event's organisations when it has any."""
    options = {key: list(values) for key, values in PROFILE_TAGS.items()}
    return options | ({ORGANISATION_TAG: list(organisations)} if organisations else {})


def participant_state(ctx: ServiceContext, joined: Joined, *, just_joined: bool = False) -> dict[str, Any]:
    """What one phone needs: the room's activities, its own ideas and ballots, its profile.

    Every (re)connecting phone gets this: its own rows are read with prebuilt Core statements; the room's part
    (header, activities with revealed results, profile choices) is the same for every phone, so a SQLite server
    keeps it, JSON-encoded, while nothing changes it (``room_cache``). A vote's activity carries the version of its
    item list, not the list: the phone fetches a version it does not hold (``item_lists``), so a reconnect storm
    during a 5,000-item vote sends no list at all. ``just_joined``: the participant was made by this very
    connection (``Joined.new``), so it has nothing of its own to read yet.
    """
    with ctx.db.read() as session:  # its connection is taken only when something is read here
        ahead = joined.read_ahead.pop() if just_joined and joined.read_ahead else None
        db = session.connection() if ahead is None else None
        postgres = hot_path_pg.driver(db) if db is not None else None
        new = just_joined and joined.new
        if ahead is not None:  # PostgreSQL: read with the returning phone's lookup, a moment ago
            stamp, own = ahead
            stamp = stamp if ctx.writer is not None else None
        elif postgres is not None:  # the phone's rows and the room's stamp in one round trip; the server (the process
            # with a writer, as on SQLite) keeps the room's part, encoded
            stamp, own = hot_path_pg.phone_reads(postgres, joined.room_id, None if new else joined.participant_id)
            stamp = stamp if ctx.writer is not None else None
        else:
            stamp, own = None, None if new else hot_path.participant_part(db, joined.participant_id)  # type: ignore[arg-type]
        mine = own or {"participant": {"id": joined.public_id, "pseudonym": None, "tags": {}}, "my_ideas": [],
                       "my_ballots": {}}
        cache = room_cache.cache_of_engine(ctx.db.engine)
        if stamp is not None:
            room_part = _kept_room_part(ctx, session, joined.room_id, stamp)
        elif cache is None:
            room_part = _phone_room_part(session, joined.room_id)
        else:
            room_part = cache.get(("phone_room", joined.room_id), (cache.generation, cache.ideas_added_total),
                                  lambda: _encoded_room_part(session, joined.room_id))
        return {
            "role": "participant",
            "room": room_part["room"],
            "participant": mine["participant"],
            "participant_token": joined.token,
            "activities": room_part["activities"],
            "my_ideas": mine["my_ideas"],
            "my_ballots": mine["my_ballots"],
            "profile_options": room_part["profile_options"],
            "organisation_names": room_part["organisation_names"],
        }


def _phone_room_part(session: Session, room_id: int) -> dict[str, Any]:
    """What every phone of the room receives alike; a vote's activity without its item list (``phone_view``)."""
    organisations = event_organisations(session, room_id)
    room = session.get(Room, room_id)
    assert room is not None
    activities = [phone_view(view) for view in _activities(session, room, for_moderator=False, revealed_only=True)]
    return {"room": hot_path.room_header(session.connection(), room_id), "activities": activities,
            "profile_options": profile_options(organisations), "organisation_names": organisations}


def _kept_room_part(ctx: ServiceContext, session: Session, room_id: int, stamp: str) -> dict[str, Any]:
    """PostgreSQL: the room's part as this process last built it, while the room's stamp (``hot_path_pg.ROOM_STAMP``,
    read with the phone's own rows) is unchanged; built again (encoded once) when any process changed the room."""
    kept: dict[int, tuple[str, dict[str, Any]]] = ctx.db.shared["phone_room_parts"]
    found = kept.get(room_id)
    if found is not None and found[0] == stamp:
        return found[1]
    part = _encoded_room_part(session, room_id)
    if len(kept) > 256:  # a long day of many rooms: start over rather than grow
        kept.clear()
    kept[room_id] = (stamp, part)
    return part


def _encoded_room_part(session: Session, room_id: int) -> dict[str, Any]:
    """``_phone_room_part`` as JSON text, spliced into each phone's ``room_state``; as built when a revealed result
    reads another activity's ballots (a post-test's pre-test: those change without moving the cache)."""
    part = _phone_room_part(session, room_id)
    if any(activity.current_phase is Phase.REVEALED and activity_type(activity.type).linked_activity_id(activity.config)
           is not None for activity in session.scalars(activities_of_room(room_id))):
        return part
    return {name: PreEncoded(json.dumps(value, separators=(",", ":"), ensure_ascii=False))
            for name, value in part.items()}


_ENCODED_KEPT = 64  # encoded activity lists kept per database (a few per room: one per state of its agenda)


def encoded_once(ctx: ServiceContext, views: list[dict[str, Any]]) -> list[dict[str, Any]] | PreEncoded:
    """The phones' activity list as JSON text, encoded once for every phone that (re)connects while it is unchanged.

    Encoding a 1,000-item vote for each of 1,000 reconnecting phones was a fifth of a reconnect storm. The key is
    the views without their item lists, plus the identity of each item list, which ``items.target_list`` keeps
    while the items are unchanged (the cached entry holds the lists, so an identity is never reused). Revealed
    results are not cached: the list is then sent as built.
    """
    if isinstance(views, PreEncoded):  # the room's part kept encoded (participant_state)
        return views
    if any("results" in view for view in views):
        return views
    targets = [view.get("targets") for view in views]
    key = json.dumps([{name: value for name, value in view.items() if name != "targets"} for view in views],
                     sort_keys=True, separators=(",", ":")) + repr([id(items) for items in targets])
    cache: dict[str, tuple[list[Any], PreEncoded]] = ctx.db.shared["encoded_activities"]
    found = cache.get(key)
    if found is not None:
        return found[1]
    encoded = PreEncoded(json.dumps(views, separators=(",", ":"), ensure_ascii=False))
    if len(cache) >= _ENCODED_KEPT:
        cache.pop(next(iter(cache)))
    cache[key] = (targets, encoded)
    return encoded
