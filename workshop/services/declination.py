"""SNI → SRI: decline a national strategy into a regional one, from the same database or from an archive."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities import activity_type
from ..domain.axes import VERSIONED_FIELDS
from ..domain.errors import DomainError
from ..domain.multilingual import checked_versions
from ..domain.profiles import REGIONS
from ..models import Activity, Axis, AxisMatch, Cluster, Event, Idea, PriorityMatch, Room, Strategy
from ..models.activities import activities_of_room
from ..models.clusters import clusters_of_activity
from ..models.strategy import axes_of_strategy
from .agenda import version_fields
from .context import ServiceContext
from .axis_matching import common_and_distinct_axes
from .matching import common_and_distinct
from .event_templates import create_event_from_template
from .events import CreatedEvent, create_event, find_room
from .state import compute_results
from .strategy import strategy_of_event

ARCHIVE_FORMAT = "workshop-event-archive"
ARCHIVE_VERSION = 1


def decline_strategy(ctx: ServiceContext, *, national_event_id: int, title: object = None, region: object = None,
                     translate: Callable[[str], str] = lambda text: text,
                     version_translators: Mapping[str, Callable[[str], str]] | None = None) -> CreatedEvent:
    """A regional event (« Rencontre régionale SRI » agenda) whose SRI starts with every SNI axe, kept as it is.

    The regional room then keeps, adapts or drops each one, and adds its regional-only axes.
    """
    if region is not None and region not in REGIONS:
        raise DomainError("unknown_tag", tag=str(region)[:40])
    with ctx.db.read() as session:
        national = session.get(Event, national_event_id)
        if national is None:
            raise DomainError("unknown_event")
        if strategy_of_event(session, national_event_id).kind != "sni":
            raise DomainError("no_strategy")
    created = create_event_from_template(ctx, template="sri", title=title, translate=translate,
                                         parent_event_id=national_event_id, region=region,  # type: ignore[arg-type]
                                         version_translators=version_translators)
    with ctx.db.write() as session:
        national_strategy = strategy_of_event(session, national_event_id)
        regional_strategy = strategy_of_event(session, created.event_id)
        regional_strategy.vision = national_strategy.vision
        for parent in session.scalars(axes_of_strategy(national_strategy.id)):
            if parent.archived:
                continue
            session.add(Axis(strategy_id=regional_strategy.id, code=parent.code, title=parent.title,
                             theme=parent.theme, position=parent.position, parent_axis_id=parent.id,
                             disposition="kept", fields=dict(parent.fields), versions=dict(parent.versions or {}),
                             provenance={"declined_from": {"axis_id": parent.id, "event_id": national_event_id}},
                             created_at=ctx.clock(), updated_at=ctx.clock()))
    return created


def declination_table(ctx: ServiceContext, regional_event_id: int) -> dict[str, Any]:
    """Le tableau de déclinaison: SNI axe → SRI objectives → regional asks → regional targets, one row per SNI axe."""
    with ctx.db.read() as session:
        regional = strategy_of_event(session, regional_event_id)
        if regional.kind != "sri" or regional.parent_strategy_id is None:
            raise DomainError("no_strategy")
        national = session.get(Strategy, regional.parent_strategy_id)
        assert national is not None
        regional_axes = list(session.scalars(axes_of_strategy(regional.id)))
        by_parent: dict[int, list[Axis]] = {}
        for axis in regional_axes:
            if axis.parent_axis_id is not None:
                by_parent.setdefault(axis.parent_axis_id, []).append(axis)

        def regional_cells(axis: Axis) -> dict[str, Any]:
            fields = axis.fields
            return {
                "axis": {"id": axis.id, "code": axis.code, "title": axis.title, "disposition": axis.disposition,
                         "status": axis.status},
                "objectives": [row["statement"] for row in fields.get("objectives", {}).get("smart", [])
                               if row.get("statement")] or ([fields["objectives"]["change"]]
                                                            if fields.get("objectives", {}).get("change") else []),
                "asks": [{"measure": row["measure"], "decision_maker": row["decision_maker"], "level": row["level"]}
                         for row in fields.get("asks", []) if row.get("level") in ("regional", "communal", None)],
                "targets": [{"name": row["name"], "role": row["role"]} for row in fields.get("actors", [])
                            if row.get("role") in ("primary_target", "secondary_target")],
            }

        rows = []
        for parent in session.scalars(axes_of_strategy(national.id)):
            if parent.archived:
                continue
            rows.append({"sni_axis": {"id": parent.id, "code": parent.code, "title": parent.title,
                                      "objective": parent.fields.get("objectives", {}).get("change", "")},
                         "sri": [regional_cells(axis) for axis in by_parent.get(parent.id, [])]})
        regional_only = [regional_cells(axis) for axis in regional_axes if axis.disposition == "regional_only"]
        return {"sni": {"id": national.id, "title": national.title}, "sri": {"id": regional.id, "title": regional.title,
                                                                            "region": regional.region},
                "rows": rows, "regional_only": regional_only}


def national_view(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    """The workshop rooms side by side: each room's priorities and axes; the common priorities and axes (pairs the
    moderator confirmed on the strategy page, each side with its label and room; the engine's proposals flagged)."""
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        strategy = strategy_of_event(session, event_id)
        axes = [axis for axis in session.scalars(axes_of_strategy(strategy.id)) if not axis.archived]
        workshops = [room for room in event.rooms if room.kind == "workshop"]
        common_axes, distinct_axes = common_and_distinct_axes(session, event)
        confirmed_axes = {side["axis_id"] for entry in common_axes if entry["confirmed"] for side in entry["axes"]}
        columns = []
        for room in workshops:
            columns.append({
                "room": {"id": room.id, "name": room.name, "code": room.code},
                "priorities": _room_priorities(session, room),
                "axes": [{"id": axis.id, "code": axis.code, "title": axis.title, "theme": axis.theme,
                          "common": axis.id in confirmed_axes}
                         for axis in axes if _axis_rooms(axis) & {room.id}],
            })
        # Themes shared by several workshops' axes: a hint only (the lexicon's guess), kept for other tools.
        themes_by_room = {column["room"]["id"]: {axis["theme"] for axis in column["axes"]} for column in columns}
        common_themes = {theme for theme in set().union(*themes_by_room.values())
                         if sum(theme in themes for themes in themes_by_room.values()) >= 2
                         and theme != "transversal"} if themes_by_room else set()
        common, distinct = common_and_distinct(session, event)
        return {"event": {"id": event.id, "title": event.title}, "rooms": columns,
                "common_themes": sorted(common_themes), "common_priorities": common, "distinct_priorities": distinct,
                "common_axes": common_axes, "distinct_axes": distinct_axes}


def _axis_rooms(axis: Axis) -> set[int]:
    rooms = {axis.origin_room_id} if axis.origin_room_id else set()
    room_id = axis.provenance.get("room_id")
    if isinstance(room_id, int):
        rooms.add(room_id)
    return rooms


def _room_priorities(session: Session, room: Room) -> dict[str, Any] | None:
    """The room's latest revealed (else closed) prioritization on clusters or ideas, as ranked items."""
    candidates = [activity for activity in session.scalars(activities_of_room(room.id))
                  if activity.phase in ("revealed", "closed") and "target" in activity.config
                  and activity_type(activity.type).target_kind(activity.config) in ("clusters", "ideas")]
    if not candidates:
        return None
    chosen = sorted(candidates, key=lambda activity: (activity.phase == "revealed", activity.position))[-1]
    results = compute_results(session, chosen)
    return {"activity": {"id": chosen.id, "type": chosen.type, "prompt": chosen.prompt, "phase": chosen.phase},
            "items": [{key: item.get(key) for key in ("id", "text", "rank", "score", "points", "total")}
                      for item in results.get("items", [])][:10]}


def export_event_archive(ctx: ServiceContext, event_id: int) -> dict[str, Any]:
    """The event as one JSON document a regional meeting on another laptop can start from (no participant data)."""
    with ctx.db.read() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise DomainError("unknown_event")
        strategy = strategy_of_event(session, event_id)
        rooms = []
        for room in event.rooms:
            activities = []
            for activity in session.scalars(activities_of_room(room.id)):
                ideas = list(session.scalars(select(Idea).where(Idea.activity_id == activity.id).order_by(Idea.id)))
                activities.append({
                    "id": activity.id, "type": activity.type, "prompt": activity.prompt, "phase": activity.phase,
                    "config": dict(activity.config), "versions": dict(activity.versions or {}),
                    "clusters": [{"id": cluster.id, "label": cluster.label, "position": cluster.position}
                                 for cluster in session.scalars(clusters_of_activity(activity.id))],
                    "ideas": [{"id": idea.id, "text": idea.text, "hidden": idea.hidden, "approved": idea.approved,
                               "merged_into": idea.merged_into_id, "cluster_id": idea.cluster_id} for idea in ideas],
                    "results": compute_results(session, activity),
                })
            rooms.append({"id": room.id, "name": room.name, "kind": room.kind, "versions": dict(room.versions or {}),
                          "activities": activities})
        return {
            "format": ARCHIVE_FORMAT, "version": ARCHIVE_VERSION,
            "event": {"id": event.id, "title": event.title, "scope": event.scope, "template": event.template},
            "strategy": {"kind": strategy.kind, "title": strategy.title, "region": strategy.region,
                         "vision": strategy.vision},
            "rooms": rooms,
            "axes": [{"id": axis.id, "code": axis.code, "title": axis.title, "theme": axis.theme, "status": axis.status,
                      "position": axis.position, "origin_room_id": axis.origin_room_id, "fields": axis.fields,
                      "versions": axis.versions or {},
                      "provenance": axis.provenance, "archived": axis.archived}
                     for axis in session.scalars(axes_of_strategy(strategy.id))],
            # The moderator's decisions on common priorities and axes (optional: an older archive has none).
            "matches": {
                "clusters": [{"left": match.left_cluster_id, "right": match.right_cluster_id,
                              "confirmed": match.confirmed} for match in session.scalars(
                    select(PriorityMatch).where(PriorityMatch.event_id == event.id).order_by(PriorityMatch.id))],
                "axes": [{"left": match.left_axis_id, "right": match.right_axis_id, "confirmed": match.confirmed}
                         for match in session.scalars(select(AxisMatch).where(AxisMatch.event_id == event.id)
                                                      .order_by(AxisMatch.id))]},
        }


def import_event_archive(ctx: ServiceContext, archive: object) -> CreatedEvent:
    """Recreate an archived national event (new ids and join codes) so that it can be declined here."""
    if not isinstance(archive, dict) or archive.get("format") != ARCHIVE_FORMAT:
        raise DomainError("invalid_archive")
    if archive.get("version") != ARCHIVE_VERSION:
        raise DomainError("invalid_archive")
    try:
        event, rooms, axes = archive["event"], archive["rooms"], archive["axes"]
        if event.get("scope") != "national":
            raise DomainError("invalid_archive")
        with ctx.db.write() as session:
            created = create_event(ctx, title=event["title"], room_names=[room["name"] for room in rooms],
                                   room_kinds=[room.get("kind", "workshop") for room in rooms], scope="national",
                                   template=event.get("template"), session=session)
            strategy = strategy_of_event(session, created.event_id)
            strategy.vision = str(archive.get("strategy", {}).get("vision", ""))[:10000]
            room_ids: dict[int, int] = {}
            cluster_ids: dict[int, int] = {}
            for room_data, (_name, code) in zip(rooms, created.rooms, strict=True):
                room = find_room(session, code)
                room.versions = checked_versions(room_data.get("versions"), {"name": 200})
                room_ids[room_data["id"]] = room.id
                cluster_ids |= _import_activities(session, room, room_data["activities"])
            axis_ids: dict[int, int] = {}
            for axis in axes:
                imported = Axis(strategy_id=strategy.id, code=str(axis["code"])[:20], title=str(axis["title"])[:300],
                                theme=axis.get("theme", "transversal"), status=axis.get("status", "draft"),
                                position=int(axis.get("position", 0)),
                                origin_room_id=room_ids.get(axis.get("origin_room_id")),
                                fields=axis.get("fields", {}), provenance=_imported_provenance(axis, room_ids),
                                versions=checked_versions(axis.get("versions"), VERSIONED_FIELDS),
                                archived=bool(axis.get("archived", False)))
                session.add(imported)
                session.flush()
                if "id" in axis:
                    axis_ids[axis["id"]] = imported.id
            _import_matches(session, created.event_id, archive.get("matches") or {}, cluster_ids, axis_ids)
        return created
    except (KeyError, TypeError, ValueError, AttributeError):
        raise DomainError("invalid_archive") from None


def _imported_provenance(axis: dict[str, Any], room_ids: dict[int, int]) -> dict[str, Any]:
    """The axe's provenance, its room renumbered as the import numbered it (the room an axe belongs to)."""
    provenance = dict(axis.get("provenance", {}))
    if isinstance(provenance.get("room_id"), int):
        provenance["room_id"] = room_ids.get(provenance["room_id"])
    return provenance


def _import_matches(session: Session, event_id: int, matches: dict[str, Any], cluster_ids: dict[int, int],
                    axis_ids: dict[int, int]) -> None:
    """The moderator's pairs, on the new ids; a pair whose side is not in the archive is dropped."""
    for key, ids, make in (("clusters", cluster_ids, lambda low, high, confirmed: PriorityMatch(
            event_id=event_id, left_cluster_id=low, right_cluster_id=high, confirmed=confirmed)),
                           ("axes", axis_ids, lambda low, high, confirmed: AxisMatch(
            event_id=event_id, left_axis_id=low, right_axis_id=high, confirmed=confirmed))):
        for pair in matches.get(key, []):
            if pair["left"] in ids and pair["right"] in ids:
                low, high = sorted((ids[pair["left"]], ids[pair["right"]]))
                session.add(make(low, high, bool(pair["confirmed"])))


def _import_activities(session: Session, room: Room, activities: list[dict[str, Any]]) -> dict[int, int]:
    """The room's activities, clusters and ideas on new ids; returns the clusters' ids (archived → new)."""
    every_cluster: dict[int, int] = {}
    activity_ids: dict[int, int] = {}
    for data in activities:
        config = dict(data["config"])
        if "source_activity_id" in config:
            config["source_activity_id"] = activity_ids[config["source_activity_id"]]
        activity_type(data["type"])  # refuses a type this version does not know
        activity = Activity(room_id=room.id, type=data["type"], prompt=str(data["prompt"])[:500], config=config,
                            phase=data.get("phase", "draft"), position=len(activity_ids) + 1)
        activity.versions = checked_versions(data.get("versions"), version_fields(data["type"], config))
        session.add(activity)
        session.flush()
        activity_ids[data["id"]] = activity.id
        cluster_ids: dict[int, int] = {}
        for cluster_data in data.get("clusters", []):
            cluster = Cluster(activity_id=activity.id, label=str(cluster_data["label"])[:120],
                              position=int(cluster_data.get("position", 0)))
            session.add(cluster)
            session.flush()
            cluster_ids[cluster_data["id"]] = cluster.id
        idea_ids: dict[int, Idea] = {}
        for idea_data in data.get("ideas", []):
            idea = Idea(activity_id=activity.id, text=str(idea_data["text"])[:1000], hidden=bool(idea_data["hidden"]),
                        approved=bool(idea_data.get("approved", True)),
                        cluster_id=cluster_ids.get(idea_data.get("cluster_id")))
            session.add(idea)
            session.flush()
            idea_ids[idea_data["id"]] = idea
        for idea_data in data.get("ideas", []):
            if idea_data.get("merged_into") in idea_ids:
                idea_ids[idea_data["id"]].merged_into_id = idea_ids[idea_data["merged_into"]].id
        every_cluster |= cluster_ids
    return every_cluster
