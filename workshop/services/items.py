"""The items a prioritization activity votes on: a source activity's ideas or clusters, or the event's axes."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import IdeaView, activity_type
from ..models import Activity, Axis, Cluster, Idea, Room, Strategy
from ..models.clusters import clusters_of_activity
from ..models.strategy import axes_of_strategy
from .views import plain_idea


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
    return [plain_idea(idea) for idea in session.scalars(select(Idea).where(Idea.activity_id == source_id)
                                                          .order_by(Idea.id))]


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


__all__ = ["Cluster", "depends_on", "item_views", "votable_items"]
