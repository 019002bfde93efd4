"""The data the consolidated minutes are made from, as a contract other tools read
(``workshop export-event EVENT --format consolidation``, documented in docs/events.md)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.errors import DomainError
from ..models import Event, Room
from ..models.activities import activities_of_room
from .context import ServiceContext
from .identity import identity_view
from .axis_matching import common_and_distinct_axes
from .matching import common_and_distinct
from .reports import report_words
from .signals import Signal, compared, pair_sentence, room_kind, signal_of
from .state import compute_results


AXIS_SIDE = ("room", "axis_id", "code", "label")  # an axe as the contract names it (docs/events.md)


def consolidation_data(ctx: ServiceContext, event_id: int, *, language: str | None = None,
                       translate: Callable[[str], str] = lambda text: text) -> dict[str, Any]:
    """Event identity, rooms, every prioritization (signal), disagreements, results by group (pooled: no group
    under the minimum size under its own name), common priorities by meaning and distinct ones, the same for the axes
    drafted in the rooms (``common_axes``, ``distinct_axes``: added after the first contract, which they leave as it
    was)."""
    words = report_words(translate, language or ctx.settings.default_locale)
    minimum = ctx.settings.min_group_size
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        identity = identity_view(session, event)
        rooms, signals, disagreements, groups = [], [], [], []
        for room in event.rooms:
            room_signals = _room(session, room, minimum, signals, groups)
            rooms.append({"code": room.code, "name": room.name, "theme": room.theme,
                          "kind": room_kind(room.kind, room_signals)})
            for pair in compared(room_signals):
                if pair.agreement.disagree:
                    disagreements.append({
                        "room": room.code, "activity_ids": [pair.first.activity_id, pair.second.activity_id],
                        "correlation": None if pair.agreement.correlation is None
                        else round(pair.agreement.correlation, 3),
                        "sentence": pair_sentence(pair, room_signals, words)})
        common, distinct = common_and_distinct(session, event)
        common_axes, distinct_axes = common_and_distinct_axes(session, event)
        return {
            "event": {key: identity[key] for key in ("event_id", "title", "place", "dates", "project_name",
                                                     "organisers", "partners", "decisions", "next_steps")}
            | {"id": event.id, "strategy": identity["strategy"], "min_group_size": minimum},
            "rooms": rooms,
            "signals": signals,
            "disagreements": disagreements,
            "groups": groups,
            "common": [{"clusters": [{key: side[key] for key in ("room", "cluster_id", "label")}
                                     for side in pair["clusters"]], "confirmed": pair["confirmed"]} for pair in common],
            "distinct": [{key: side[key] for key in ("room", "cluster_id", "label")} for side in distinct],
            "common_axes": [{"axes": [{key: side[key] for key in AXIS_SIDE} for side in entry["axes"]],
                             "confirmed": entry["confirmed"]} for entry in common_axes],
            "distinct_axes": [{key: side[key] for key in AXIS_SIDE} for side in distinct_axes],
        }


def _room(session: Session, room: Room, minimum: int, signals: list[dict[str, Any]],
          groups: list[dict[str, Any]]) -> list[Signal]:
    found = []
    for activity in session.scalars(activities_of_room(room.id)):
        kind = activity_type(activity.type)
        if not kind.prioritization or activity.phase == "draft":
            continue
        results = compute_results(session, activity)
        signal = signal_of(activity, kind, results)
        if signal is None:
            continue
        found.append(signal)
        signals.append({"room": room.code, "activity_id": activity.id, "type": activity.type,
                        "ranking": list(signal.ranking)})
        if kind.score_key is None:
            continue
        for dimension, by_group in results.get("groups", {}).items():
            for group in by_group:
                if group["n"] < minimum:
                    continue  # by_group pooled them already; a safety net should that rule ever change
                groups.append({"room": room.code, "activity_id": activity.id, "dimension": dimension,
                               "group": group["group"], "n": group["n"],
                               "items": [{"id": int(item), "value": summary.get(kind.score_key)}
                                         for item, summary in group["items"].items()]})
    return found
