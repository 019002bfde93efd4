"""What each axe scored in the event's prioritizations, and the order those scores declare.

« Rang » in every document is this declared order (criteria score first, then points — dot votes, 100 points,
Borda points of a ranking — then the axes nobody scored, in the moderator's order). The moderator's own order
(the strategy page's drag and drop) is printed beside it as « ordre retenu » when it differs.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from ..activities import REGISTRY, activity_type
from ..models import Axis, Event
from ..models.activities import activities_of_room
from .state import compute_results


def axis_scores(session: Session, event: Event, axes: Sequence[Axis]) -> tuple[dict[int, dict[str, Any]], set[str]]:
    """Each axe's evidence (score, agreement, votes): from votes on the axes themselves, else what the votes on
    its clusters said when it was made (its provenance). Also the prioritization methods the event used."""
    scores: dict[int, dict[str, Any]] = {}
    methods: set[str] = set()
    for room in event.rooms:
        for activity in session.scalars(activities_of_room(room.id)):
            kind = activity_type(activity.type)
            if not kind.prioritization or activity.phase not in ("closed", "revealed"):
                continue
            methods.add(activity.type)
            if kind.target_kind(activity.config) != "axes":
                continue
            for item in compute_results(session, activity).get("items", []):
                scores.setdefault(item["id"], {}).update(kind.axis_evidence(item))
    for axis in axes:
        if axis.id in scores:
            continue
        for entry in axis.provenance.get("scores", []):
            kind = REGISTRY.get(entry.get("type"))
            evidence = kind.axis_evidence(entry.get("item", {})) if kind else {}
            target = scores.setdefault(axis.id, {})
            for key, value in evidence.items():
                target.setdefault(key, value)
    return scores, methods  # type keys: the caller prints their translated names


def declared_order(axes: Sequence[Axis], scores: dict[int, dict[str, Any]]) -> list[Axis]:
    """The axes in the order their scores declare; unscored axes last, in the moderator's order."""
    def key(indexed: tuple[int, Axis]) -> tuple[Any, ...]:
        position, axis = indexed
        evidence = scores.get(axis.id, {})
        score, votes = evidence.get("score"), evidence.get("votes")
        return (score is None, -(score or 0), votes is None, -(votes or 0), position)

    return [axis for _position, axis in sorted(enumerate(axes), key=key)]
