"""Common axes by meaning: matches between the axes drafted in different rooms (issue 8 §3, the axes' side).

Two workshops often draft the same axe under two titles (« Accès aux papiers et à l'état civil » and « Documents
d'identité pour tous »). The clustering engine (clustering/matching.py, as for clusters in services/matching.py)
proposes pairs of axes of two different rooms from what each axe says: its title, central problem, change
objective and the clusters and ideas it was made from. The moderator confirms a pair, splits it (the two stay
distinct) or adds one the engine missed, on the strategy page. The consolidated minutes, the national view and the
``consolidation`` export use the confirmed pairs and list every pair with both labels.

An axe belongs to the room it was drafted in (``origin_room_id``, else its provenance's ``room_id``); an axe
written on the strategy page with no room has no room to be matched across, so it is never proposed.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clustering.matching import Group, similar_groups
from ..domain.errors import DomainError
from ..models import Axis, AxisMatch, Event, Room, Strategy
from ..models.strategy import axes_of_strategy
from .context import ServiceContext
from .matching import check_decision, joined


def axis_room_id(axis: Axis) -> int | None:
    """The room an axe was drafted in, if any."""
    if axis.origin_room_id is not None:
        return axis.origin_room_id
    room_id = (axis.provenance or {}).get("room_id")
    return room_id if isinstance(room_id, int) else None


def _texts(axis: Axis) -> tuple[str, ...]:
    """What an axe says, beside its title: the engine reads these as a cluster's ideas."""
    fields, provenance = axis.fields or {}, axis.provenance or {}
    texts = [fields.get("problem", {}).get("central", ""), fields.get("objectives", {}).get("change", "")]
    texts += [cluster.get("label", "") for cluster in provenance.get("clusters", [])]
    texts += [idea.get("text", "") for idea in provenance.get("ideas", [])]
    return tuple(text for text in texts if isinstance(text, str) and text.strip())


def room_axes(session: Session, event: Event) -> list[tuple[Room, Axis]]:
    """Every live axe of the event's strategy drafted in one of its rooms, in the strategy's order."""
    strategy = session.scalar(select(Strategy).where(Strategy.event_id == event.id))
    if strategy is None:
        return []
    rooms = {room.id: room for room in event.rooms}
    found = []
    for axis in session.scalars(axes_of_strategy(strategy.id)):
        room_id = axis_room_id(axis)
        if not axis.archived and room_id in rooms:
            found.append((rooms[room_id], axis))
    return found


def _side(room: Room, axis: Axis) -> dict[str, Any]:
    return {"room": room.code, "room_name": room.name, "axis_id": axis.id, "code": axis.code, "label": axis.title}


def event_axis_matches(session: Session, event: Event) -> dict[str, Any]:
    """``confirmed`` and ``split`` pairs (the moderator's), ``proposed`` ones (the engine's, not decided yet), and
    every axe drafted in a room (``axes``) a pair may be made of."""
    axes = room_axes(session, event)
    by_id = {axis.id: (room, axis) for room, axis in axes}
    decided = {(match.left_axis_id, match.right_axis_id): match.confirmed for match in session.scalars(
        select(AxisMatch).where(AxisMatch.event_id == event.id).order_by(AxisMatch.id))}
    proposals = similar_groups([Group(room.code, axis.id, axis.title, _texts(axis)) for room, axis in axes])
    view: dict[str, list[dict[str, Any]]] = {"confirmed": [], "split": [], "proposed": [],
                                             "axes": [_side(room, axis) for room, axis in axes]}
    similarity = {}
    for proposal in proposals:
        pair = tuple(sorted((proposal.left.key, proposal.right.key)))
        similarity[pair] = proposal
        if pair not in decided:
            view["proposed"].append({"left": _side(*by_id[pair[0]]), "right": _side(*by_id[pair[1]]),
                                     "similarity": round(proposal.similarity, 2), "theme": proposal.theme})
    for (left, right), confirmed in decided.items():
        if left in by_id and right in by_id:  # an axe archived (deleted, merged) since: its pair is not shown
            known = similarity.get((left, right))
            view["confirmed" if confirmed else "split"].append({
                "left": _side(*by_id[left]), "right": _side(*by_id[right]),
                "similarity": round(known.similarity, 2) if known else None, "theme": known.theme if known else None})
    return view


def common_and_distinct_axes(session: Session, event: Event) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Common axes (confirmed pairs joined into groups across rooms, then the proposals still to confirm) and the
    distinct ones (axes drafted in a room and in no confirmed pair)."""
    view = event_axis_matches(session, event)
    groups = joined(view["confirmed"], "axis_id")
    common = [{"axes": members, "confirmed": True} for members in groups]
    common += [{"axes": [pair["left"], pair["right"]], "confirmed": False, "similarity": pair["similarity"]}
               for pair in view["proposed"]]
    matched = {side["axis_id"] for members in groups for side in members}
    distinct = [side for side in view["axes"] if side["axis_id"] not in matched]
    return common, distinct


def axis_matches(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        return event_axis_matches(session, event)


def decide_axis_match(ctx: ServiceContext, event_id: object, left: object, right: object, decision: object,
                      event_ids: frozenset[int] | None = None) -> dict[str, Any]:
    """Confirm (or add) a pair of axes drafted in two different rooms as one common axe, or split it."""
    check_decision(event_id, left, right, decision, event_ids, field="axis_id")
    with ctx.db.write() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        rooms = {axis.id: room.id for room, axis in room_axes(session, event)}
        for axis_id in (left, right):
            if axis_id not in rooms:
                raise DomainError("unknown_axis", axis_id=axis_id)
        if rooms[left] == rooms[right]:
            raise DomainError("match_same_room")
        low, high = sorted((left, right))
        match = session.scalar(select(AxisMatch).where(AxisMatch.left_axis_id == low, AxisMatch.right_axis_id == high))
        if match is None:
            match = AxisMatch(event_id=event.id, left_axis_id=low, right_axis_id=high, created_at=ctx.clock())
            session.add(match)
        match.confirmed = decision == "confirm"
        session.flush()
        return event_axis_matches(session, event)


def axis_labels_of(pairs: Sequence[dict[str, Any]]) -> list[str]:
    """« code title (room) = code title (room) » for each pair or group, as the documents list them."""
    return [" = ".join(f"{side['code']} {side['label']} ({side['room_name']})" for side in pair["axes"])
            for pair in pairs]
