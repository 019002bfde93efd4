"""Common priorities by meaning: matches between the clusters of the thematic workshops (issue 8 §3).

The clustering engine proposes pairs (clustering/matching.py); the moderator confirms a pair, splits it (the two
stay distinct) or adds a pair the engine missed, on the strategy page. The consolidated minutes, the national
view and the ``consolidation`` export use the confirmed pairs and list every pair with both labels.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..clustering.matching import Group, similar_groups
from ..domain.errors import DomainError
from ..models import Activity, Cluster, Event, Idea, PriorityMatch, Room
from .context import ServiceContext

DECISIONS = ("confirm", "split")


def workshop_clusters(session: Session, event: Event) -> list[tuple[Room, Cluster, list[str]]]:
    """Every live cluster of an idea activity in the event's workshop rooms, with its visible ideas."""
    found = []
    rooms = {room.id: room for room in event.rooms if room.kind == "workshop"}
    if not rooms:
        return []
    activities = {activity.id: activity for activity in session.scalars(
        select(Activity).where(Activity.room_id.in_(rooms)).order_by(Activity.position, Activity.id))
        if activity_type(activity.type).input_kind == "idea"}
    if not activities:
        return []
    clusters = list(session.scalars(select(Cluster).where(Cluster.activity_id.in_(activities),
                                                          Cluster.removed.is_(False))
                                    .order_by(Cluster.activity_id, Cluster.position, Cluster.id)))
    texts: dict[int, list[str]] = {}
    for cluster_id, text in session.execute(select(Idea.cluster_id, Idea.text).where(
            Idea.cluster_id.in_([cluster.id for cluster in clusters]), Idea.approved.is_(True),
            Idea.hidden.is_(False)).order_by(Idea.id)):
        texts.setdefault(cluster_id, []).append(text)
    for cluster in clusters:
        room = rooms[activities[cluster.activity_id].room_id]
        found.append((room, cluster, texts.get(cluster.id, [])))
    return found


def _side(room: Room, cluster: Cluster) -> dict[str, Any]:
    return {"room": room.code, "room_name": room.name, "cluster_id": cluster.id, "label": cluster.label}


def event_matches(session: Session, event: Event) -> dict[str, Any]:
    """``confirmed`` and ``split`` pairs (the moderator's), ``proposed`` ones (the engine's, not decided yet), and
    every workshop cluster (``clusters``) a pair may be made of."""
    clusters = workshop_clusters(session, event)
    by_id = {cluster.id: (room, cluster) for room, cluster, _texts in clusters}
    decided = {(match.left_cluster_id, match.right_cluster_id): match.confirmed for match in session.scalars(
        select(PriorityMatch).where(PriorityMatch.event_id == event.id).order_by(PriorityMatch.id))}
    proposals = similar_groups([Group(room.code, cluster.id, cluster.label, tuple(texts))
                                for room, cluster, texts in clusters])
    view: dict[str, list[dict[str, Any]]] = {"confirmed": [], "split": [], "proposed": [],
                                             "clusters": [_side(room, cluster) for room, cluster, _texts in clusters]}
    similarity = {}
    for proposal in proposals:
        pair = tuple(sorted((proposal.left.key, proposal.right.key)))
        similarity[pair] = proposal
        if pair not in decided:
            view["proposed"].append({"left": _side(*by_id[pair[0]]), "right": _side(*by_id[pair[1]]),
                                     "similarity": round(proposal.similarity, 2), "theme": proposal.theme})
    for (left, right), confirmed in decided.items():
        if left in by_id and right in by_id:
            known = similarity.get((left, right))
            view["confirmed" if confirmed else "split"].append({
                "left": _side(*by_id[left]), "right": _side(*by_id[right]),
                "similarity": round(known.similarity, 2) if known else None, "theme": known.theme if known else None})
    return view


def joined(pairs: Sequence[dict[str, Any]], key: str) -> list[list[dict[str, Any]]]:
    """Confirmed pairs chained into groups (A = B and B = C make one group of three), sides ordered by ``key``."""
    parent: dict[int, int] = {}

    def root(value: int) -> int:
        while parent.setdefault(value, value) != value:
            value = parent[value]
        return value

    sides: dict[int, dict[str, Any]] = {}
    for pair in pairs:
        sides[pair["left"][key]], sides[pair["right"][key]] = pair["left"], pair["right"]
        parent[root(pair["right"][key])] = root(pair["left"][key])
    groups: dict[int, list[dict[str, Any]]] = {}
    for value in sorted(sides):
        groups.setdefault(root(value), []).append(sides[value])
    return list(groups.values())


def common_and_distinct(session: Session, event: Event) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Common priorities (confirmed pairs joined into groups across rooms, then the proposals still to confirm)
    and the distinct ones (clusters in no confirmed pair)."""
    view = event_matches(session, event)
    groups = joined(view["confirmed"], "cluster_id")
    common = [{"clusters": [_public(side) for side in members], "confirmed": True} for members in groups]
    matched = {side["cluster_id"] for members in groups for side in members}
    common += [{"clusters": [_public(pair["left"]), _public(pair["right"])], "confirmed": False,
                "similarity": pair["similarity"]} for pair in view["proposed"]]
    distinct = [_public(_side(room, cluster)) for room, cluster, _texts in workshop_clusters(session, event)
                if cluster.id not in matched]
    return common, distinct


def _public(side: dict[str, Any]) -> dict[str, Any]:
    return {"room": side["room"], "room_name": side["room_name"], "cluster_id": side["cluster_id"],
            "label": side["label"]}


def matches(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        return event_matches(session, event)


def check_decision(event_id: object, left: object, right: object, decision: object,
                   event_ids: frozenset[int] | None, *, field: str) -> None:
    """The moderator's request on a pair (clusters or axes), refused before anything is read when malformed."""
    if type(event_id) is not int or (event_ids is not None and event_id not in event_ids):
        raise DomainError("unknown_event")
    if type(left) is not int or type(right) is not int:
        raise DomainError("invalid_type", field=field, expected="integer")
    if decision not in DECISIONS:
        raise DomainError("invalid_choice")


def decide_match(ctx: ServiceContext, event_id: object, left: object, right: object, decision: object,
                 event_ids: frozenset[int] | None = None) -> dict[str, Any]:
    """Confirm (or add) a pair of clusters of two different workshops as one priority, or split it."""
    check_decision(event_id, left, right, decision, event_ids, field="cluster_id")
    with ctx.db.write() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        rooms = {cluster.id: room.id for room, cluster, _texts in workshop_clusters(session, event)}
        if left not in rooms or right not in rooms:
            raise DomainError("unknown_cluster")
        if rooms[left] == rooms[right]:
            raise DomainError("match_same_room")
        low, high = sorted((left, right))
        match = session.scalar(select(PriorityMatch).where(PriorityMatch.left_cluster_id == low,
                                                           PriorityMatch.right_cluster_id == high))
        if match is None:
            match = PriorityMatch(event_id=event.id, left_cluster_id=low, right_cluster_id=high, created_at=ctx.clock())
            session.add(match)
        match.confirmed = decision == "confirm"
        session.flush()
        return event_matches(session, event)


def labels_of(pairs: Sequence[dict[str, Any]]) -> list[str]:
    """« label (room) = label (room) » for each pair or group, as the documents list them."""
    return [" = ".join(f"{side['label']} ({side['room_name']})" for side in pair["clusters"]) for pair in pairs]
