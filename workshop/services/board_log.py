"""The log that makes a moderator's changes undoable: clusters, ideas' clusters and axes, before and after.

One row of ``clustering_actions`` per change. A board (one activity's clusters) undoes its latest change whatever
its kind (a cluster made, an axe made from it, that axe deleted...); the strategy page undoes the latest change
to the strategy's axes. A snapshot reads ``{"ideas": {idea_id: cluster_id | None}, "clusters": {cluster_id:
{label, position, removed}}, "axes": {axis_id: {title, position, archived, provenance}}}``; undo writes the
"before" snapshot back. ``after["summary"]`` names what changed (a cluster's label, an axe's code and title) so
that undo can say what it undid.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..models import Axis, Cluster, ClusteringAction, Idea, Room, Strategy
from ..models.activities import activities_of_room
from .agenda import activity_changed
from .publisher import EVERYONE, Audience, Message, Published, ResultsChanged, to


class ChangeRecorder:
    """What one action touches: the values before (captured at first touch) and after (at the end)."""

    def __init__(self) -> None:
        self.ideas: dict[int, Idea] = {}
        self.clusters: dict[int, Cluster] = {}
        self.axes: dict[int, Axis] = {}
        self.before: dict[str, dict[str, Any]] = {"ideas": {}, "clusters": {}, "axes": {}}
        self.summary = ""

    def touch(self, ideas: Sequence[Idea] = (), clusters: Sequence[Cluster] = (), axes: Sequence[Axis] = ()) -> None:
        for idea in ideas:
            if idea.id not in self.ideas:
                self.ideas[idea.id] = idea
                self.before["ideas"][str(idea.id)] = idea.cluster_id
        for cluster in clusters:
            if cluster.id not in self.clusters:
                self.clusters[cluster.id] = cluster
                self.before["clusters"][str(cluster.id)] = _cluster_values(cluster)
        for axis in axes:
            if axis.id not in self.axes:
                self.axes[axis.id] = axis
                self.before["axes"][str(axis.id)] = _axis_values(axis)

    def created(self, cluster: Cluster) -> None:
        """A cluster born in this action was "removed" before it: undo hides it again."""
        self.clusters[cluster.id] = cluster
        self.before["clusters"][str(cluster.id)] = _cluster_values(cluster) | {"removed": True}

    def created_axis(self, axis: Axis) -> None:
        """An axe born in this action was "archived" before it: undo archives it (its code stays taken)."""
        self.axes[axis.id] = axis
        self.before["axes"][str(axis.id)] = _axis_values(axis) | {"archived": True}

    def after(self) -> dict[str, Any]:
        return {"ideas": {str(idea_id): idea.cluster_id for idea_id, idea in self.ideas.items()},
                "clusters": {str(cluster_id): _cluster_values(cluster) for cluster_id, cluster in self.clusters.items()},
                "axes": {str(axis_id): _axis_values(axis) for axis_id, axis in self.axes.items()},
                "summary": self.summary}


def _cluster_values(cluster: Cluster) -> dict[str, Any]:
    return {"label": cluster.label, "position": cluster.position, "removed": cluster.removed}


def _axis_values(axis: Axis) -> dict[str, Any]:
    return {"title": axis.title, "position": axis.position, "archived": axis.archived,
            "provenance": dict(axis.provenance)}


def axis_summary(axis: Axis) -> str:
    return f"{axis.code} · {axis.title}"


def record(session: Session, *, activity_id: int | None, strategy_id: int | None, actor: str, kind: str,
           recorder: ChangeRecorder, at: Any) -> ClusteringAction:
    session.flush()
    action = ClusteringAction(activity_id=activity_id, strategy_id=strategy_id, actor=actor, kind=kind,
                              before=recorder.before, after=recorder.after(), created_at=at)
    session.add(action)
    return action


def restore(session: Session, action: ClusteringAction, actor: str) -> bool:
    """Write the action's "before" back; True when axes changed (the strategy's rooms must hear it)."""
    for idea_id, cluster_id in action.before.get("ideas", {}).items():
        idea = session.get(Idea, int(idea_id))
        if idea is not None:
            idea.cluster_id = cluster_id
    for cluster_id, values in action.before.get("clusters", {}).items():
        cluster = session.get(Cluster, int(cluster_id))
        if cluster is not None:
            cluster.label, cluster.position, cluster.removed = values["label"], values["position"], values["removed"]
    axes = action.before.get("axes", {})
    for axis_id, values in axes.items():
        axis = session.get(Axis, int(axis_id))
        if axis is not None:
            axis.title, axis.position, axis.archived = values["title"], values["position"], values["archived"]
            axis.provenance = values["provenance"]
    action.undone = True
    action.undone_by = actor
    return bool(axes)


def undone_view(action: ClusteringAction) -> dict[str, Any]:
    """What an undo answers: which action it took back, named so the moderator can read it."""
    return {"id": action.id, "kind": action.kind, "summary": action.after.get("summary", "")}


def latest_action(session: Session, *, activity_id: int | None = None,
                  strategy_id: int | None = None) -> ClusteringAction | None:
    """The newest action not undone yet, of a board (``activity_id``) or of a strategy's axes (``strategy_id``)."""
    query = select(ClusteringAction).where(ClusteringAction.undone.is_(False))
    if activity_id is not None:
        query = query.where(ClusteringAction.activity_id == activity_id)
    else:
        query = query.where(ClusteringAction.strategy_id == strategy_id)
    return session.scalar(query.order_by(ClusteringAction.id.desc()).limit(1))


def promoted_clusters(session: Session, room_id: int) -> dict[str, dict[str, dict[str, Any]]]:
    """The room's clusters that are an axe now: ``{activity_id: {cluster_id: {id, code, title}}}`` (ids as text)."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for axis in session.scalars(select(Axis).where(Axis.origin_room_id == room_id, Axis.archived.is_(False))
                                .order_by(Axis.id)):
        activity_id = axis.provenance.get("activity_id")
        for cluster in axis.provenance.get("clusters", []):
            found.setdefault(str(activity_id), {}).setdefault(
                str(cluster["id"]), {"id": axis.id, "code": axis.code, "title": axis.title})
    return found


def strategy_changed(session: Session, strategy: Strategy) -> list[Published]:
    """Rooms of the event hear that the axes changed; votes on axes get new items and new results; consoles learn
    which clusters are axes now."""
    published: list[Published] = []
    for room in session.scalars(select(Room).where(Room.event_id == strategy.event_id)):
        published.append(Message("strategy_changed", room.code, EVERYONE, {"strategy_id": strategy.id}))
        published.append(Message("promoted_clusters", room.code, to(Audience.MODERATORS),
                                 {"promoted": promoted_clusters(session, room.id)}))
        for activity in session.scalars(activities_of_room(room.id)):
            if activity_type(activity.type).target_kind(activity.config) == "axes":
                published.append(ResultsChanged(room.code, activity.id))
                published.extend(activity_changed(session, room, activity))  # phones need the new list of axes
    return published
