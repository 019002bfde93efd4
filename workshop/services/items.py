"""The items a prioritization activity votes on: a source activity's ideas or clusters, or the event's axes."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities import IdeaView, activity_type
from ..models import Activity, Axis, Cluster, Idea, Room, Strategy
from ..models.clusters import clusters_of_activity
from ..models.strategy import axes_of_strategy


def item_views(session: Session, activity: Activity) -> list[IdeaView]:
    """Every item, votable or not (votes on a merged idea count for the idea it joined); a cluster's text is its label."""
    kind = activity_type(activity.type)
    target = kind.target_kind(activity.config)
    if target == "axes":
        return [IdeaView(axis.id, axis.title) for axis in _event_axes(session, activity)]
    source_id = kind.source_activity_id(activity.config)
    if source_id is None:
        return []
    if target == "clusters":
        return [IdeaView(cluster.id, cluster.label) for cluster in session.scalars(clusters_of_activity(source_id))]
    # Columns, not ORM rows: every phone's room_state carries this list (the bench measured ORM rows at 1,000 ideas).
    return [IdeaView(row.id, row.text, approved=row.approved, hidden=row.hidden, merged_into_id=row.merged_into_id,
                     cluster_id=row.cluster_id)
            for row in session.execute(select(Idea.id, Idea.text, Idea.approved, Idea.hidden, Idea.merged_into_id,
                                              Idea.cluster_id).where(Idea.activity_id == source_id).order_by(Idea.id))]


def votable_among(session: Session, activity: Activity, wanted: set[int]) -> frozenset[int]:
    """Which of ``wanted`` a ballot may go to: the same rule as ``votable_items``, asked only of the ballot's items.

    A ballot names a few items; loading all of them per ballot was the first limit of a 1,000-phone vote.
    """
    if not wanted:
        return frozenset()
    kind = activity_type(activity.type)
    target = kind.target_kind(activity.config)
    source_id = kind.source_activity_id(activity.config)
    if target == "ideas" and source_id is not None:
        return frozenset(session.scalars(select(Idea.id).where(
            Idea.id.in_(wanted), Idea.activity_id == source_id, Idea.approved.is_(True), Idea.hidden.is_(False),
            Idea.merged_into_id.is_(None))))
    if target == "clusters" and source_id is not None:
        return frozenset(session.scalars(select(Cluster.id).where(
            Cluster.id.in_(wanted), Cluster.activity_id == source_id, Cluster.removed.is_(False))))
    return frozenset(item.id for item in votable_items(session, activity) if item.id in wanted)


def target_list(session: Session, activity: Activity) -> list[dict[str, Any]]:
    """The items a phone shows for voting, as sent: ``[{"id", "text"}]``, the same list object while they are unchanged.

    Every reconnecting phone's ``room_state`` carries this list; a 1,000-idea vote rebuilt it per phone (most of a
    reconnect storm). Ideas are cached per source activity under a fingerprint of the votable set read from the
    database (count, sum and sum of squares of the ids, one indexed aggregate): any process's hide, merge,
    approval or new idea changes it, so the cache needs no invalidation message across processes. Clusters
    and axes (short lists, renamed in place) are read each time.
    """
    kind = activity_type(activity.type)
    source_id = kind.source_activity_id(activity.config)
    if kind.target_kind(activity.config) != "ideas" or source_id is None:
        return [{"id": item.id, "text": item.text} for item in votable_items(session, activity)]
    on_wall = (Idea.activity_id == source_id, Idea.approved.is_(True), Idea.hidden.is_(False),
               Idea.merged_into_id.is_(None))
    fingerprint = tuple(session.execute(select(func.count(), func.coalesce(func.sum(Idea.id), 0),
                                               func.coalesce(func.sum(Idea.id * Idea.id), 0)).where(*on_wall)).one())
    cache: dict[int, tuple[tuple[Any, ...], list[dict[str, Any]]]] = session.info.setdefault("target_lists", {})
    cached = cache.get(source_id)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    items = [{"id": row.id, "text": row.text}
             for row in session.execute(select(Idea.id, Idea.text).where(*on_wall).order_by(Idea.id))]
    cache[source_id] = (fingerprint, items)
    return items


def votable_items(session: Session, activity: Activity) -> list[IdeaView]:
    """The items a ballot may go to: ideas on the wall, live clusters, the strategy's current axes."""
    return [item for item in item_views(session, activity) if item.on_wall]


def _event_axes(session: Session, activity: Activity) -> list[Axis]:
    room = session.get(Room, activity.room_id)
    assert room is not None
    strategy = session.scalar(select(Strategy).where(Strategy.event_id == room.event_id))
    if strategy is None:
        return []
    return [axis for axis in session.scalars(axes_of_strategy(strategy.id))
            if not axis.archived and axis.disposition != "dropped"]


def depends_on(activity: Activity, source_activity_id: int) -> bool:
    """Whether ``activity`` votes on the ideas or clusters of ``source_activity_id``."""
    return activity_type(activity.type).source_activity_id(activity.config) == source_activity_id


