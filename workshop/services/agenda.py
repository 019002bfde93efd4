"""The moderator's agenda: create, edit, reorder activities and move them through their phases."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities import ConfigContext, activity_type
from ..domain.errors import DomainError
from ..domain.multilingual import checked_versions
from ..domain.numbers import MAX_ID, checked_id, checked_int
from ..domain.phases import Phase, next_phase, parse_phase
from ..domain.text import checked_text
from ..models import Activity, Room, Strategy
from ..models.activities import activities_of_room
from .context import ServiceContext
from .item_lists import current_list
from .items import depends_on, votable_items
from .operations import run_once
from .publisher import EVERYONE, Audience, Message, Published, ResultsChanged, to
from .views import activity_view

MODERATOR = "moderator"
MAX_PROMPT_LENGTH = 500


def room_activity(session: Session, room_id: int, activity_id: object) -> Activity:
    """The activity with this id in this room: an id from another room is as unknown as a missing one."""
    activity_id = checked_id(activity_id, field="activity_id", unknown="unknown_activity")
    activity = session.get(Activity, activity_id)
    if activity is None or activity.room_id != room_id:
        raise DomainError("unknown_activity", activity_id=activity_id)
    return activity


def activity_payload(session: Session, activity: Activity) -> dict[str, Any]:
    """An activity as moderators and screens see it, with the items to vote on when it has any, and the version of
    that list (``item_lists.current_list``)."""
    view = activity_view(activity)
    if "target" in activity.config:
        found = current_list(session, activity)
        view["targets"] = found.items
        view["targets_version"] = found.version
    return view


def phone_view(view: dict[str, Any]) -> dict[str, Any]:
    """An activity as phones see it: the item list's version without the list, which a phone fetches once per
    version (``item_lists``): sending it with every phase change sent N items to N phones each time."""
    return {name: value for name, value in view.items() if name != "targets"} if "targets" in view else view


def activity_changed(session: Session, room: Room, activity: Activity) -> list[Published]:
    """A draft is the moderator's preparation: only moderators hear of it until it opens. Phones get the activity
    without its item list (``phone_view``)."""
    def changed(audiences: frozenset[Audience], view: dict[str, Any]) -> Message:
        return Message("activity_changed", room.code, audiences,
                       {"activity": view, "current_activity_id": room.current_activity_id})

    view = activity_payload(session, activity)
    if activity.current_phase is Phase.DRAFT:
        return [changed(to(Audience.MODERATORS), view)]
    phones = phone_view(view)
    if phones is view:
        return [changed(EVERYONE, view)]
    return [changed(to(Audience.MODERATORS, Audience.SCREENS), view), changed(to(Audience.PARTICIPANTS), phones)]


def version_fields(type_name: str, config: Mapping[str, Any]) -> dict[str, int]:
    """What of an activity may have versions in other languages, and how long: the prompt, and each line of its
    options or items (``options.0``, ``options.1``… in the order of the base list)."""
    fields = {"prompt": MAX_PROMPT_LENGTH}
    for field in activity_type(type_name).config_fields:
        lines = config.get(field.name)
        if field.kind == "lines" and isinstance(lines, list):
            fields |= {f"{field.name}.{index}": field.max_length or MAX_PROMPT_LENGTH for index in range(len(lines))}
    return fields


def _config_context(session: Session, room_id: int, prompt: str) -> ConfigContext:
    def sibling(activity_id: int) -> Activity | None:
        other = session.get(Activity, activity_id)
        return other if other is not None and other.room_id == room_id else None

    def type_of_activity(activity_id: int) -> str | None:
        other = sibling(activity_id)
        return other.type if other is not None else None

    def config_of_activity(activity_id: int) -> dict[str, Any] | None:
        other = sibling(activity_id)
        return dict(other.config) if other is not None else None

    room = session.get(Room, room_id)
    strategy = session.scalar(select(Strategy.id).where(Strategy.event_id == room.event_id)) if room else None
    return ConfigContext(type_of_activity=type_of_activity, prompt=prompt, has_strategy=strategy is not None,
                         config_of_activity=config_of_activity)


def create_activity(ctx: ServiceContext, *, room_id: int, type_name: object, prompt: object,
                    config: object, versions: object = None, op_id: object = None) -> dict[str, Any]:
    """Add an activity, in draft, at the end of the room's agenda (with its texts in other languages, if given)."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = create_activity_in(session, ctx, room_id=room_id, type_name=type_name, prompt=prompt,
                                      config=config)
        if versions is not None:
            activity.versions = checked_versions(versions, version_fields(activity.type, activity.config))
        return {"ok": True, "activity_id": activity.id}, activity_changed(session, activity.room, activity)

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="create_activity", room_id=room_id, work=work,
                    rate_limited=False)


def create_activity_in(session: Session, ctx: ServiceContext, *, room_id: int, type_name: object, prompt: object,
                       config: object) -> Activity:
    """Add a draft activity at the end of the agenda, inside the caller's transaction."""
    kind = activity_type(type_name)
    clean_prompt = checked_text(prompt, max_length=MAX_PROMPT_LENGTH, field="prompt")
    if config is None:
        config = {}
    if not isinstance(config, Mapping):
        raise DomainError("invalid_type", field="config", expected="object")
    if session.get(Room, room_id) is None:
        raise DomainError("unknown_room")
    clean_config = kind.validate_config(config, _config_context(session, room_id, clean_prompt))
    last = session.scalar(select(func.max(Activity.position)).where(Activity.room_id == room_id))
    activity = Activity(room_id=room_id, type=kind.name, prompt=clean_prompt, config=clean_config,
                        position=(last or 0) + 1, created_at=ctx.clock())
    session.add(activity)
    session.flush()
    return activity


def update_activity(ctx: ServiceContext, *, room_id: int, activity_id: object, prompt: object = None,
                    config: object = None, versions: object = None, op_id: object = None) -> dict[str, Any]:
    """Change the prompt and its versions (any time) or the config (only while in draft, since votes depend on it)."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = room_activity(session, room_id, activity_id)
        if prompt is not None:
            activity.prompt = checked_text(prompt, max_length=MAX_PROMPT_LENGTH, field="prompt")
        if config is not None:
            if not isinstance(config, Mapping):
                raise DomainError("invalid_type", field="config", expected="object")
            # Only the results display may change once people may have answered; the rest shapes their answers.
            if activity.current_phase is not Phase.DRAFT and set(config) - {"live_results"}:
                raise DomainError("config_locked")
            merged = dict(activity.config) | dict(config)
            activity.config = activity_type(activity.type).validate_config(
                merged, _config_context(session, room_id, activity.prompt))
        fields = version_fields(activity.type, activity.config)
        if versions is not None:
            activity.versions = checked_versions(versions, fields)
        elif activity.versions:  # options removed by a new config take their versions with them
            activity.versions = {language: {field: text for field, text in texts.items() if field in fields}
                                 for language, texts in activity.versions.items()}
        return {"ok": True}, [*activity_changed(session, activity.room, activity),
                              ResultsChanged(activity.room.code, activity.id)]

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="update_activity", room_id=room_id, work=work,
                    rate_limited=False)


def move_activity(ctx: ServiceContext, *, room_id: int, activity_id: object, position: object,
                  op_id: object = None) -> dict[str, Any]:
    """Put an activity at ``position`` (0-based) in the agenda and renumber the others."""
    checked_int(position, field="position", minimum=-MAX_ID, maximum=MAX_ID)

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        moved = room_activity(session, room_id, activity_id)
        ordered = [activity for activity in session.scalars(activities_of_room(room_id)) if activity.id != moved.id]
        ordered.insert(max(0, min(position, len(ordered))), moved)
        for index, activity in enumerate(ordered):
            activity.position = index
        room = moved.room
        return {"ok": True}, [Message("agenda_changed", room.code, EVERYONE,
                                      {"order": [activity.id for activity in ordered]})]

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="move_activity", room_id=room_id, work=work,
                    rate_limited=False)


def set_phase(ctx: ServiceContext, *, room_id: int, activity_id: object, phase: object,
              op_id: object = None) -> dict[str, Any]:
    """Open, close or reveal an activity; opening or revealing also puts it on every screen."""
    target = parse_phase(phase)

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = room_activity(session, room_id, activity_id)
        new_phase = next_phase(activity.current_phase, target)
        # A vote with nothing to vote on would open onto an empty phone screen: say so instead.
        if new_phase is Phase.OPEN and "target" in activity.config and not votable_items(session, activity):
            raise DomainError("no_items_to_vote_on", activity_id=activity.id)
        activity.phase = new_phase.value
        activity.phase_changed_at = ctx.clock()
        room = activity.room
        if target in (Phase.OPEN, Phase.REVEALED):
            room.current_activity_id = activity.id
        return {"ok": True, "phase": activity.phase}, [*activity_changed(session, room, activity),
                                                       ResultsChanged(room.code, activity.id)]

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="set_phase", room_id=room_id, work=work,
                    rate_limited=False)


def show_activity(ctx: ServiceContext, *, room_id: int, activity_id: object, op_id: object = None) -> dict[str, Any]:
    """Put an activity on the projector and phones without changing its phase (or none: ``activity_id`` None)."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        if activity_id is None:
            room.current_activity_id = None
            return {"ok": True}, [Message("current_activity_changed", room.code, EVERYONE, {"current_activity_id": None})]
        activity = room_activity(session, room_id, activity_id)
        if activity.current_phase is Phase.DRAFT:
            raise DomainError("activity_not_open", activity_id=activity.id)
        room.current_activity_id = activity.id
        return {"ok": True}, activity_changed(session, room, activity)

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="show_activity", room_id=room_id, work=work,
                    rate_limited=False)


def delete_activity(ctx: ServiceContext, *, room_id: int, activity_id: object, op_id: object = None) -> dict[str, Any]:
    """Remove a draft activity; anything that has been opened keeps its history."""

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        activity = room_activity(session, room_id, activity_id)
        if activity.current_phase is not Phase.DRAFT:
            raise DomainError("activity_not_draft")
        dependants = [other for other in session.scalars(activities_of_room(room_id)) if depends_on(other, activity.id)]
        if dependants:
            raise DomainError("activity_in_use", activity_id=dependants[0].id)
        room = activity.room
        session.delete(activity)
        return {"ok": True}, [Message("activity_deleted", room.code, EVERYONE, {"activity_id": activity.id})]

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="delete_activity", room_id=room_id, work=work,
                    rate_limited=False)


def set_premoderation(ctx: ServiceContext, *, room_id: int, enabled: object, op_id: object = None) -> dict[str, Any]:
    """With pre-moderation on, new ideas reach the projector only once a moderator approves them."""
    if not isinstance(enabled, bool):
        raise DomainError("invalid_type", field="enabled", expected="boolean")

    def work(session: Session) -> tuple[dict[str, Any], list[Published]]:
        room = session.get(Room, room_id)
        if room is None:
            raise DomainError("unknown_room")
        room.premoderation = enabled
        return {"ok": True}, [Message("room_changed", room.code, to(Audience.MODERATORS),
                                      {"premoderation": enabled})]

    return run_once(ctx, op_id=op_id, actor=MODERATOR, kind="set_premoderation", room_id=room_id, work=work,
                    rate_limited=False)

