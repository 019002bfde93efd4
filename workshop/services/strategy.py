"""Axes d'influence and the strategy that orders them: promote clusters, edit without overwriting, decline SNI → SRI."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.axes import (DISPOSITIONS, MAX_TITLE_LENGTH, STATUSES, THEMES, VERSIONED_FIELDS, axis_code,
                           check_parent, checked_choice, checked_fields, empty_fields)
from ..domain.errors import DomainError
from ..domain.multilingual import checked_versions
from ..domain.numbers import MAX_ID, checked_id, checked_int
from ..domain.text import checked_text
from ..models import Activity, Axis, Cluster, Event, Idea, Room, Strategy
from ..models.activities import activities_of_room
from ..models.strategy import axes_of_strategy
from .agenda import activity_changed, room_activity
from .axis_order import axis_scores, declared_order
from .context import ServiceContext
from .operations import run_once
from .publisher import EVERYONE, Message, Published, ResultsChanged
from .state import compute_results



def strategy_of_event(session: Session, event_id: int) -> Strategy:
    strategy = session.scalar(select(Strategy).where(Strategy.event_id == event_id))
    if strategy is None:
        raise DomainError("no_strategy")
    return strategy


def axis_view(axis: Axis, parent: Axis | None = None) -> dict[str, Any]:
    view = {
        "id": axis.id, "code": axis.code, "title": axis.title, "theme": axis.theme, "status": axis.status,
        "position": axis.position, "parent_axis_id": axis.parent_axis_id, "disposition": axis.disposition,
        "origin_room_id": axis.origin_room_id, "fields": axis.fields, "provenance": axis.provenance,
        "versions": axis.versions or {},
        "version": axis.version, "updated_at": axis.updated_at.isoformat() + "Z",
    }
    if parent is not None:
        view["parent"] = {"id": parent.id, "code": parent.code, "title": parent.title, "fields": parent.fields}
    return view


def _axis(session: Session, axis_id: object, event_ids: frozenset[int] | None) -> Axis:
    """The axe, if it exists and the caller may edit its event (``event_ids`` None: every event)."""
    axis_id = checked_id(axis_id, field="axis_id", unknown="unknown_axis")
    axis = session.get(Axis, axis_id)
    if axis is None:
        raise DomainError("unknown_axis", axis_id=axis_id)
    strategy = session.get(Strategy, axis.strategy_id)
    if event_ids is not None and (strategy is None or strategy.event_id not in event_ids):
        raise DomainError("unknown_axis", axis_id=axis_id)
    return axis


def _provenance(session: Session, activity: Activity, clusters: list[Cluster], ideas: list[Idea]) -> dict[str, Any]:
    """Where an axe comes from: its ideas and clusters, and what every vote on those clusters said at promotion."""
    cluster_ids = {cluster.id for cluster in clusters}
    idea_ids = {idea.id for idea in ideas}
    scores = []
    for other in session.scalars(activities_of_room(activity.room_id)):
        kind = activity_type(other.type)
        if kind.source_activity_id(other.config) != activity.id or other.phase == "draft":
            continue
        target = kind.target_kind(other.config)
        wanted = cluster_ids if target == "clusters" else idea_ids if target == "ideas" else set()
        results = compute_results(session, other)
        for item in results.get("items", []):
            if item.get("id") in wanted:
                scores.append({"activity_id": other.id, "type": other.type, "prompt": other.prompt,
                               "target": target, "item": {key: value for key, value in item.items()
                                                          if key in ("id", "text", "rank", "score", "points", "voters",
                                                                     "total", "respondents", "agreement")}})
    return {
        "room_id": activity.room_id, "activity_id": activity.id,
        "clusters": [{"id": cluster.id, "label": cluster.label} for cluster in clusters],
        "ideas": [{"id": idea.id, "text": idea.text} for idea in ideas],
        "scores": scores,
    }


def promote_to_axis(ctx: ServiceContext, *, room_id: int, activity_id: object, cluster_ids: object = None,
                    idea_ids: object = None, title: object = None, theme: object = None,
                    op_id: object = None) -> dict[str, Any]:
    """Make an axe d'influence of one or several clusters (or ideas) of a room, keeping where it came from."""
    cluster_ids = cluster_ids or []
    idea_ids = idea_ids or []
    if not isinstance(cluster_ids, list) or not isinstance(idea_ids, list) or not (cluster_ids or idea_ids):
        raise DomainError("nothing_to_promote")

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = room_activity(session, room_id, activity_id)
        clusters = []
        for cluster_id in cluster_ids:
            cluster = session.get(Cluster, cluster_id) if type(cluster_id) is int else None
            if cluster is None or cluster.activity_id != activity.id or cluster.removed:
                raise DomainError("unknown_cluster", cluster_id=cluster_id)
            clusters.append(cluster)
        ideas = list(session.scalars(select(Idea).where(Idea.cluster_id.in_([c.id for c in clusters]))
                                     .order_by(Idea.id))) if clusters else []
        for idea_id in idea_ids:
            idea = session.get(Idea, idea_id) if type(idea_id) is int else None
            if idea is None or idea.activity_id != activity.id:
                raise DomainError("unknown_idea", idea_id=idea_id)
            if not idea.on_wall:
                raise DomainError("idea_hidden", idea_id=idea.id)  # a hidden idea cannot become the room's axe
            ideas.append(idea)
        ideas = [idea for idea in dict.fromkeys(ideas) if idea.on_wall]
        room = session.get(Room, room_id)
        assert room is not None
        strategy = strategy_of_event(session, room.event_id)
        default_title = " / ".join(cluster.label for cluster in clusters) or ideas[0].text
        clean_title = checked_text(title if title is not None else default_title[:MAX_TITLE_LENGTH],
                                   max_length=MAX_TITLE_LENGTH, field="title")
        count = session.scalar(select(func.count()).select_from(Axis).where(Axis.strategy_id == strategy.id)) or 0
        axis = Axis(strategy_id=strategy.id, code=axis_code("A" if strategy.kind == "sni" else "R", count + 1),
                    title=clean_title, theme=checked_choice(theme or "transversal", THEMES, "theme"),
                    position=count, origin_room_id=room.id, fields=empty_fields(),
                    provenance=_provenance(session, activity, clusters, ideas),
                    disposition=None if strategy.kind == "sni" else "regional_only",
                    created_at=ctx.clock(), updated_at=ctx.clock())
        session.add(axis)
        session.flush()
        return {"ok": True, "axis_id": axis.id}, _strategy_changed(session, strategy)

    return run_once(ctx, op_id=op_id, actor="moderator", kind="promote_to_axis", room_id=room_id, work=work,
                    rate_limited=False)


def _strategy_changed(session: Session, strategy: Strategy) -> list[Published]:
    """Rooms of the event hear that the axes changed; votes on axes get new items and new results."""
    published: list[Published] = []
    for room in session.scalars(select(Room).where(Room.event_id == strategy.event_id)):
        published.append(Message("strategy_changed", room.code, EVERYONE, {"strategy_id": strategy.id}))
        for activity in session.scalars(activities_of_room(room.id)):
            if activity_type(activity.type).target_kind(activity.config) == "axes":
                published.append(ResultsChanged(room.code, activity.id))
                published.append(activity_changed(session, room, activity))  # phones need the new list of axes
    return published


def update_axis(ctx: ServiceContext, *, axis_id: object, version: object, event_ids: frozenset[int] | None,
                changes: object) -> dict[str, Any]:
    """Save a writer's edit, unless someone saved another version since they opened it (then say so, change nothing)."""
    if not isinstance(changes, dict):
        raise DomainError("invalid_type", field="changes", expected="object")
    allowed = {"title", "theme", "status", "fields", "parent_axis_id", "disposition", "versions"}
    if set(changes) - allowed:
        raise DomainError("unknown_field", field=sorted(set(changes) - allowed)[0][:40])
    checked_int(version, field="version", minimum=0, maximum=MAX_ID)
    with ctx.db.write() as session:
        axis = _axis(session, axis_id, event_ids)
        if axis.version != version:
            raise DomainError("edit_conflict", version=version, current_version=axis.version)
        strategy = session.get(Strategy, axis.strategy_id)
        assert strategy is not None
        if "title" in changes:
            axis.title = checked_text(changes["title"], max_length=MAX_TITLE_LENGTH, field="title")
        if "theme" in changes:
            axis.theme = checked_choice(changes["theme"], THEMES, "theme")
        if "status" in changes:
            axis.status = checked_choice(changes["status"], STATUSES, "status")
        if "fields" in changes:
            axis.fields = checked_fields(changes["fields"])
        if "versions" in changes:  # the whole set of other-language texts, as the editor sends it
            axis.versions = checked_versions(changes["versions"], VERSIONED_FIELDS)
        if "disposition" in changes:
            if strategy.kind != "sri":
                raise DomainError("disposition_not_allowed")
            axis.disposition = checked_choice(changes["disposition"], DISPOSITIONS, "disposition")
            if axis.disposition == "regional_only":
                axis.parent_axis_id = None
        if "parent_axis_id" in changes:
            _set_parent(session, strategy, axis, changes["parent_axis_id"])
        axis.version += 1
        axis.updated_at = ctx.clock()
        session.flush()
        view = axis_view(axis)
        published = _strategy_changed(session, strategy)
    ctx.publisher.publish(published)
    return {"ok": True, "axis": view}


def _set_parent(session: Session, strategy: Strategy, axis: Axis, parent_id: object) -> None:
    if parent_id is None:
        axis.parent_axis_id = None
        return
    parent_id = checked_id(parent_id, field="axis_id", unknown="unknown_axis")
    parent = session.get(Axis, parent_id)
    if parent is None or parent.id == axis.id:
        raise DomainError("unknown_axis", axis_id=parent_id)
    parents_of = dict(session.execute(select(Axis.id, Axis.parent_axis_id)).all())
    parents_of[axis.id] = parent.id
    check_parent({"kind": strategy.kind, "parent_strategy_id": strategy.parent_strategy_id},
                 {"id": parent.id, "strategy_id": parent.strategy_id}, parents_of)
    axis.parent_axis_id = parent.id
    if axis.disposition in (None, "regional_only"):
        axis.disposition = "adapted"


def axis_document(ctx: ServiceContext, axis_id: object, event_ids: frozenset[int] | None) -> dict[str, Any]:
    """One axe for its editor: the axe, its parent (SRI), the strategy it belongs to and the SNI axes it may decline."""
    with ctx.db.read() as session:
        axis = _axis(session, axis_id, event_ids)
        owner = session.get(Strategy, axis.strategy_id)
        assert owner is not None
        parent = session.get(Axis, axis.parent_axis_id) if axis.parent_axis_id else None
        candidates = ([{"id": other.id, "code": other.code, "title": other.title}
                       for other in session.scalars(axes_of_strategy(owner.parent_strategy_id)) if not other.archived]
                      if owner.parent_strategy_id else [])
        return {"axis": axis_view(axis, parent), "event_id": owner.event_id,
                "strategy": {"id": owner.id, "kind": owner.kind, "title": owner.title},
                "parent_candidates": candidates}


def move_axis(ctx: ServiceContext, *, axis_id: object, position: object, event_ids: frozenset[int] | None) -> dict[str, Any]:
    """Put an axe at ``position`` (0-based) in the strategy's priority order."""
    checked_int(position, field="position", minimum=-MAX_ID, maximum=MAX_ID)
    with ctx.db.write() as session:
        moved = _axis(session, axis_id, event_ids)
        strategy = session.get(Strategy, moved.strategy_id)
        assert strategy is not None
        ordered = [axis for axis in session.scalars(axes_of_strategy(strategy.id)) if axis.id != moved.id]
        ordered.insert(max(0, min(position, len(ordered))), moved)
        for index, axis in enumerate(ordered):
            axis.position = index
        published = _strategy_changed(session, strategy)
        order = [axis.id for axis in ordered]
    ctx.publisher.publish(published)
    return {"ok": True, "order": order}


def strategy_document(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    """The event's strategy with its axes in priority order, each with its parent beside it (SRI)."""
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        strategy = strategy_of_event(session, event_id)
        axes = list(session.scalars(axes_of_strategy(strategy.id)))
        parents = {axis.id: axis for axis in session.scalars(select(Axis).where(
            Axis.id.in_([axis.parent_axis_id for axis in axes if axis.parent_axis_id])))}
        parent_strategy = session.get(Strategy, strategy.parent_strategy_id) if strategy.parent_strategy_id else None
        current = [axis for axis in axes if not axis.archived]
        evidence, _methods = axis_scores(session, event, current)
        declared = {axis.id: rank for rank, axis in enumerate(declared_order(current, evidence), start=1)}
        return {
            "event": {"id": event.id, "title": event.title, "scope": event.scope},
            "strategy": {"id": strategy.id, "kind": strategy.kind, "title": strategy.title, "region": strategy.region,
                         "vision": strategy.vision,
                         "parent": {"id": parent_strategy.id, "title": parent_strategy.title,
                                    "event_id": parent_strategy.event_id} if parent_strategy else None},
            # ``declared_rank``: the order the prioritizations' scores declare (``evidence``); the list's own order
            # is the moderator's (« ordre retenu »).
            "axes": [axis_view(axis, parents.get(axis.parent_axis_id))
                     | {"declared_rank": declared[axis.id], "evidence": evidence.get(axis.id, {})} for axis in current],
            "rooms": [{"id": room.id, "name": room.name, "code": room.code, "kind": room.kind} for room in event.rooms],
        }


def event_of_room(ctx: ServiceContext, room_id: int) -> int:
    with ctx.db.read() as session:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        return room.event_id
