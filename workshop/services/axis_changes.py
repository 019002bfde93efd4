"""Deleting and merging axes, and the strategy page's undo: every change logged with its "before" (board_log)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..models import Axis, Strategy
from .board_log import ChangeRecorder, axis_summary, latest_action, record, restore, strategy_changed, undone_view
from .context import ServiceContext
from .strategy import _axis, strategy_of_event


def _record_axes(session: Session, ctx: ServiceContext, strategy: Strategy, kind: str, recorder: ChangeRecorder,
                 origin: Axis, actor: str) -> None:
    # The board the axe came from logs it too: undo there takes back whatever was done last to its clusters' axe.
    activity_id = origin.provenance.get("activity_id")
    record(session, activity_id=activity_id if isinstance(activity_id, int) else None, strategy_id=strategy.id,
           actor=actor, kind=kind, recorder=recorder, at=ctx.clock())


def delete_axis(ctx: ServiceContext, *, axis_id: object, event_ids: frozenset[int] | None,
                actor: str = "moderator") -> dict[str, Any]:
    """Take an axe out of the strategy (it is archived, so undo brings it back with its code and record)."""
    with ctx.db.write() as session:
        axis = _axis(session, axis_id, event_ids)
        if axis.archived:
            raise DomainError("unknown_axis", axis_id=axis_id)
        strategy = session.get(Strategy, axis.strategy_id)
        assert strategy is not None
        recorder = ChangeRecorder()
        recorder.touch(axes=[axis])
        recorder.summary = axis_summary(axis)
        axis.archived = True
        _record_axes(session, ctx, strategy, "delete_axis", recorder, axis, actor)
        published = strategy_changed(session, strategy)
    ctx.publisher.publish(published)
    return {"ok": True}


def _merged_provenance(target: dict[str, Any], sources: list[Axis]) -> dict[str, Any]:
    """The target's provenance with the sources' clusters, ideas and scores added (each once)."""
    merged = dict(target)
    for key, identity in (("clusters", "id"), ("ideas", "id"), ("scores", None)):
        items = list(merged.get(key, []))
        for source in sources:
            for item in source.provenance.get(key, []):
                if (identity is None and item not in items) or \
                        (identity is not None and all(other.get(identity) != item.get(identity) for other in items)):
                    items.append(item)
        merged[key] = items
    merged["merged_axes"] = [*merged.get("merged_axes", []),
                             *({"id": source.id, "code": source.code, "title": source.title} for source in sources)]
    return merged


def merge_axes(ctx: ServiceContext, *, target_id: object, source_ids: object, event_ids: frozenset[int] | None,
               actor: str = "moderator") -> dict[str, Any]:
    """Fold axes into one: the target keeps its record and gains the others' provenance; the others are archived."""
    if not isinstance(source_ids, list) or not source_ids:
        raise DomainError("invalid_type", field="source_ids", expected="list")
    with ctx.db.write() as session:
        target = _axis(session, target_id, event_ids)
        sources = [_axis(session, source_id, event_ids) for source_id in dict.fromkeys(source_ids)]
        if target.archived or any(source.archived or source.strategy_id != target.strategy_id for source in sources):
            raise DomainError("unknown_axis", axis_id=target_id)
        if any(source.id == target.id for source in sources):
            raise DomainError("merge_axis_into_itself")
        strategy = session.get(Strategy, target.strategy_id)
        assert strategy is not None
        recorder = ChangeRecorder()
        recorder.touch(axes=[target, *sources])
        recorder.summary = " + ".join(axis_summary(axis) for axis in (target, *sources))
        target.provenance = _merged_provenance(dict(target.provenance), sources)
        for source in sources:
            source.archived = True
        _record_axes(session, ctx, strategy, "merge_axes", recorder, target, actor)
        published = strategy_changed(session, strategy)
    ctx.publisher.publish(published)
    return {"ok": True, "axis_id": target.id}


def undo_axis_change(ctx: ServiceContext, *, event_id: int, actor: str = "moderator") -> dict[str, Any]:
    """Undo the latest change to the event's axes not undone yet (made, deleted or merged), and say which."""
    with ctx.db.write() as session:
        strategy = strategy_of_event(session, event_id)
        action = latest_action(session, strategy_id=strategy.id)
        if action is None:
            raise DomainError("nothing_to_undo")
        restore(session, action, actor)
        undone = undone_view(action)
        published = strategy_changed(session, strategy)
    ctx.publisher.publish(published)
    return {"ok": True, "undone": undone}


def last_axis_change(ctx: ServiceContext, event_id: int) -> dict[str, Any] | None:
    """What the strategy page's « Annuler » would take back, or None."""
    with ctx.db.read() as session:
        strategy = strategy_of_event(session, event_id)
        action = latest_action(session, strategy_id=strategy.id)
        return undone_view(action) if action is not None else None
