"""Clusters of one activity's ideas: create, rename, move ideas in and out, merge, split, undo; every change logged."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.errors import DomainError
from ..domain.numbers import checked_id
from ..domain.text import checked_text
from ..models import Activity, Cluster, ClusteringAction, Idea, Room, Strategy
from .agenda import activity_changed, room_activity
from .board_log import ChangeRecorder, latest_action, record, restore, strategy_changed, undone_view
from .items import depends_on
from .context import ServiceContext
from .operations import run_once
from .publisher import Published, ResultsChanged

MAX_LABEL_LENGTH = 120
MAX_IDEAS_PER_ACTION = 500

def clusterable_activity(session: Session, room_id: int, activity_id: object) -> Activity:
    activity = room_activity(session, room_id, activity_id)
    if activity_type(activity.type).input_kind != "idea":
        raise DomainError("not_clusterable", activity_id=activity.id)
    return activity


def _cluster(session: Session, activity: Activity, cluster_id: object) -> Cluster:
    cluster_id = checked_id(cluster_id, field="cluster_id", unknown="unknown_cluster")
    cluster = session.get(Cluster, cluster_id)
    if cluster is None or cluster.activity_id != activity.id or cluster.removed:
        raise DomainError("unknown_cluster", cluster_id=cluster_id)
    return cluster


def _ideas(session: Session, activity: Activity, idea_ids: object) -> list[Idea]:
    if not isinstance(idea_ids, list) or len(idea_ids) > MAX_IDEAS_PER_ACTION:
        raise DomainError("invalid_type", field="idea_ids", expected="list")
    ideas = []
    for idea_id in dict.fromkeys(idea_ids):
        idea = session.get(Idea, checked_id(idea_id, field="idea_id", unknown="unknown_idea"))
        if idea is None or idea.activity_id != activity.id:
            raise DomainError("unknown_idea", idea_id=idea_id)
        ideas.append(idea)
    return ideas


def _label(raw: object) -> str:
    return checked_text(raw, max_length=MAX_LABEL_LENGTH, field="label")


def _next_position(session: Session, activity: Activity) -> int:
    last = session.scalar(select(func.max(Cluster.position)).where(Cluster.activity_id == activity.id))
    return (last or 0) + 1


def _act(ctx: ServiceContext, *, room_id: int, activity_id: object, actor: str, kind: str, op_id: object,
         change: Callable[[Session, Activity, ChangeRecorder], dict[str, Any]]) -> dict[str, Any]:
    """Run one clustering change, log its before and after, publish after commit."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = clusterable_activity(session, room_id, activity_id)
        recorder = ChangeRecorder()
        response = change(session, activity, recorder)
        record(session, activity_id=activity.id, strategy_id=None, actor=actor, kind=kind, recorder=recorder,
               at=ctx.clock())
        return response, _changed(session, activity)

    return run_once(ctx, op_id=op_id, actor="moderator", kind=kind, room_id=room_id, work=work, rate_limited=False)


def _changed(session: Session, activity: Activity) -> list[Published]:
    """Clusters are shown through the activity's results: coalesced, and to phones only once revealed."""
    room = session.get(Room, activity.room_id)
    assert room is not None
    published: list[Published] = [ResultsChanged(room.code, activity.id)]
    # Votes on these clusters see their items renamed, merged or emptied.
    for other in session.scalars(select(Activity).where(Activity.room_id == room.id)):
        if depends_on(other, activity.id):
            published.append(ResultsChanged(room.code, other.id))
            if activity_type(other.type).target_kind(other.config) == "clusters":
                published.extend(activity_changed(session, room, other))  # phones need the new list of clusters
    return published


def _new_cluster(session: Session, activity: Activity, label: str, position: int, ideas: list[Idea],
                 recorder: ChangeRecorder) -> Cluster:
    """A cluster born in this action, holding ``ideas`` (recorded so that undo takes them back out)."""
    recorder.touch(ideas=ideas)
    cluster = Cluster(activity_id=activity.id, label=label, position=position)
    session.add(cluster)
    session.flush()
    recorder.created(cluster)
    for idea in ideas:
        idea.cluster_id = cluster.id
    return cluster


def create_cluster(ctx: ServiceContext, *, room_id: int, activity_id: object, label: object, actor: str,
                   idea_ids: object = None, op_id: object = None) -> dict[str, Any]:
    """A new cluster, empty or holding the given ideas."""
    clean = _label(label)

    def change(session: Session, activity: Activity, recorder: ChangeRecorder) -> dict[str, Any]:
        ideas = _ideas(session, activity, idea_ids if idea_ids is not None else [])
        cluster = _new_cluster(session, activity, clean, _next_position(session, activity), ideas, recorder)
        recorder.summary = clean
        return {"ok": True, "cluster_id": cluster.id}

    return _act(ctx, room_id=room_id, activity_id=activity_id, actor=actor, kind="create_cluster", op_id=op_id,
                change=change)


def rename_cluster(ctx: ServiceContext, *, room_id: int, activity_id: object, cluster_id: object, label: object,
                   actor: str, op_id: object = None) -> dict[str, Any]:
    """Give a cluster another label."""
    clean = _label(label)

    def change(session: Session, activity: Activity, recorder: ChangeRecorder) -> dict[str, Any]:
        cluster = _cluster(session, activity, cluster_id)
        recorder.touch(clusters=[cluster])
        recorder.summary = f"{cluster.label} → {clean}"
        cluster.label = clean
        return {"ok": True}

    return _act(ctx, room_id=room_id, activity_id=activity_id, actor=actor, kind="rename_cluster", op_id=op_id,
                change=change)


def move_ideas(ctx: ServiceContext, *, room_id: int, activity_id: object, idea_ids: object, cluster_id: object,
               actor: str, op_id: object = None) -> dict[str, Any]:
    """Put ideas into a cluster (a drag and drop), or back out of every cluster with ``cluster_id`` None."""

    def change(session: Session, activity: Activity, recorder: ChangeRecorder) -> dict[str, Any]:
        ideas = _ideas(session, activity, idea_ids)
        target = None if cluster_id is None else _cluster(session, activity, cluster_id)
        recorder.touch(ideas=ideas)
        recorder.summary = target.label if target else ""
        for idea in ideas:
            idea.cluster_id = target.id if target else None
        return {"ok": True}

    return _act(ctx, room_id=room_id, activity_id=activity_id, actor=actor, kind="move_ideas", op_id=op_id,
                change=change)


def merge_clusters(ctx: ServiceContext, *, room_id: int, activity_id: object, target_id: object, source_ids: object,
                   actor: str, op_id: object = None) -> dict[str, Any]:
    """Fold clusters into one: their ideas join the target, and they disappear (undo brings them back)."""
    if not isinstance(source_ids, list) or not source_ids:
        raise DomainError("invalid_type", field="source_ids", expected="list")

    def change(session: Session, activity: Activity, recorder: ChangeRecorder) -> dict[str, Any]:
        target = _cluster(session, activity, target_id)
        sources = [_cluster(session, activity, source_id) for source_id in dict.fromkeys(source_ids)]
        if any(source.id == target.id for source in sources):
            raise DomainError("merge_into_itself", idea_id=target.id)
        moved = list(session.scalars(select(Idea).where(Idea.cluster_id.in_([source.id for source in sources]))))
        recorder.touch(ideas=moved, clusters=sources)
        recorder.summary = " + ".join([target.label, *(source.label for source in sources)])
        for idea in moved:
            idea.cluster_id = target.id
        for source in sources:
            source.removed = True
        return {"ok": True}

    return _act(ctx, room_id=room_id, activity_id=activity_id, actor=actor, kind="merge_clusters", op_id=op_id,
                change=change)


def split_cluster(ctx: ServiceContext, *, room_id: int, activity_id: object, cluster_id: object, idea_ids: object,
                  label: object, actor: str, op_id: object = None) -> dict[str, Any]:
    """Take some ideas of a cluster into a new cluster of their own."""
    clean = _label(label)

    def change(session: Session, activity: Activity, recorder: ChangeRecorder) -> dict[str, Any]:
        source = _cluster(session, activity, cluster_id)
        ideas = _ideas(session, activity, idea_ids)
        if not ideas or any(idea.cluster_id != source.id for idea in ideas):
            raise DomainError("ideas_not_in_cluster", cluster_id=source.id)
        cluster = _new_cluster(session, activity, clean, source.position, ideas, recorder)
        recorder.summary = clean
        return {"ok": True, "cluster_id": cluster.id}

    return _act(ctx, room_id=room_id, activity_id=activity_id, actor=actor, kind="split_cluster", op_id=op_id,
                change=change)


def delete_cluster(ctx: ServiceContext, *, room_id: int, activity_id: object, cluster_id: object, actor: str,
                   op_id: object = None) -> dict[str, Any]:
    """Remove a cluster; its ideas go back to the unclustered ones."""

    def change(session: Session, activity: Activity, recorder: ChangeRecorder) -> dict[str, Any]:
        cluster = _cluster(session, activity, cluster_id)
        members = list(session.scalars(select(Idea).where(Idea.cluster_id == cluster.id)))
        recorder.touch(ideas=members, clusters=[cluster])
        recorder.summary = cluster.label
        for idea in members:
            idea.cluster_id = None
        cluster.removed = True
        return {"ok": True}

    return _act(ctx, room_id=room_id, activity_id=activity_id, actor=actor, kind="delete_cluster", op_id=op_id,
                change=change)


def undo_clustering(ctx: ServiceContext, *, room_id: int, activity_id: object, actor: str,
                    op_id: object = None) -> dict[str, Any]:
    """Undo the board's latest change not undone yet, whatever its kind (an axe made from a cluster too)."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = clusterable_activity(session, room_id, activity_id)
        action = latest_action(session, activity_id=activity.id)
        if action is None:
            raise DomainError("nothing_to_undo")
        axes_changed = restore(session, action, actor)
        published = _changed(session, activity)
        if axes_changed and action.strategy_id is not None:
            strategy = session.get(Strategy, action.strategy_id)
            if strategy is not None:
                published += strategy_changed(session, strategy)
        return {"ok": True, "undone": undone_view(action)}, published

    return run_once(ctx, op_id=op_id, actor="moderator", kind="undo_clustering", room_id=room_id, work=work,
                    rate_limited=False)


def clustering_log(ctx: ServiceContext, *, room_id: int, activity_id: object) -> list[dict[str, Any]]:
    """Every clustering change of an activity, newest first: who, what, when, and whether it was undone."""
    with ctx.db.read() as session:
        activity = clusterable_activity(session, room_id, activity_id)
        actions = session.scalars(select(ClusteringAction).where(ClusteringAction.activity_id == activity.id)
                                  .order_by(ClusteringAction.id.desc()))
        return [{"id": action.id, "actor": action.actor, "kind": action.kind,
                 "at": action.created_at.isoformat() + "Z", "undone": action.undone,
                 "ideas": len(action.after.get("ideas", {})), "clusters": len(action.after.get("clusters", {})),
                 "axes": len(action.after.get("axes", {})), "summary": action.after.get("summary", "")}
                for action in actions]

