"""The interface every activity type implements, and the registry generic code looks types up in."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ..domain.ballots import Allocation
from ..domain.errors import DomainError


@dataclass(frozen=True)
class IdeaView:
    """What result computations need of an idea, without the database row."""

    id: int
    text: str
    approved: bool = True
    hidden: bool = False
    merged_into_id: int | None = None
    participant_key: str | None = None
    cluster_id: int | None = None

    @property
    def shown(self) -> bool:
        """Approved and not hidden: its text counts, even when merged under another idea."""
        return self.approved and not self.hidden

    @property
    def on_wall(self) -> bool:
        """A card of its own on the wall, and a votable item."""
        return self.shown and self.merged_into_id is None


@dataclass(frozen=True)
class ClusterView:
    id: int
    label: str


@dataclass(frozen=True)
class ResultInput:
    ideas: Sequence[IdeaView]  # ideas given in this activity
    targets: Sequence[IdeaView]  # items voted on: ideas or clusters of the source activity, or axes (text: label/title)
    ballots: Sequence[Sequence[Allocation]]
    clusters: Sequence[ClusterView] = ()  # the moderator's clusters of this activity's ideas, in board order
    ballot_tags: Sequence[Mapping[str, str]] = ()  # the profile tags of each ballot's participant, in ballot order


def cluster_board(data: ResultInput) -> dict[str, Any]:
    """The wall as columns: each cluster with its cards (ideas on the wall), then the ideas in no cluster."""
    on_wall = [idea for idea in data.ideas if idea.on_wall]
    known = {cluster.id for cluster in data.clusters}
    return {
        "clusters": [{"id": cluster.id, "label": cluster.label,
                      "ideas": [{"id": idea.id, "text": idea.text} for idea in on_wall if idea.cluster_id == cluster.id]}
                     for cluster in data.clusters],
        "unclustered": [{"id": idea.id, "text": idea.text} for idea in on_wall if idea.cluster_id not in known],
    }


@dataclass(frozen=True)
class ConfigContext:
    """What config validation may ask of the room: the type of a sibling activity (None when it is not in the room)."""

    type_of_activity: Callable[[int], str | None]
    prompt: str
    has_strategy: bool = False  # the room's event has a strategy (SNI or SRI) whose axes can be voted on


class ActivityType(ABC):
    """One kind of activity. Subclasses declare ``name`` and ``input_kind`` and override what they accept."""

    name: ClassVar[str]
    input_kind: ClassVar[Literal["idea", "ballot"]]
    default_live_results: ClassVar[bool] = False

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        """Return the complete, normalized config or raise ``DomainError``."""
        return {"live_results": bool_field(raw, "live_results", self.default_live_results)}

    def check_idea(self, config: Mapping[str, Any], text: str, ideas_already_given: int) -> None:
        """Refuse an idea this activity does not take (too long, too many...)."""
        raise DomainError("wrong_input_kind", expected=self.input_kind)

    def source_activity_id(self, config: Mapping[str, Any]) -> int | None:
        """The activity whose ideas (or clusters) this one votes on, if any (see ``item_source_config``)."""
        source = config.get("source_activity_id")
        return int(source) if source is not None else None

    def target_kind(self, config: Mapping[str, Any]) -> str:
        """What ballots go to: "ideas" or "clusters" of the source activity, or the event's "axes"."""
        return str(config.get("target", "ideas"))

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        """Refuse a ballot this activity does not take; ``targets`` are the votable idea ids, if any."""
        raise DomainError("wrong_input_kind", expected=self.input_kind)

    @abstractmethod
    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        """The results shown on the projector and exported."""


REGISTRY: dict[str, ActivityType] = {}


def register(cls: type[ActivityType]) -> type[ActivityType]:
    """Class decorator: add one type to the registry; a second type with the same name is a programming error."""
    if cls.name in REGISTRY:
        raise RuntimeError(f"activity type {cls.name!r} is registered twice")
    REGISTRY[cls.name] = cls()
    return cls


def activity_type(name: object) -> ActivityType:
    """The registered type called ``name``, or ``unknown_activity_type``."""
    if not isinstance(name, str) or name not in REGISTRY:
        raise DomainError("unknown_activity_type", type=str(name)[:40])
    return REGISTRY[name]


TARGET_KINDS = ("ideas", "clusters", "axes")


def item_source_config(raw: Mapping[str, Any], context: ConfigContext, *, allowed: Sequence[str]) -> dict[str, Any]:
    """``target`` and, for ideas or clusters, the ``source_activity_id`` (an idea activity of the same room)."""
    target = raw.get("target", allowed[0])
    if target not in allowed:
        raise DomainError("invalid_config", field="target", expected="|".join(allowed))
    if target == "axes":
        if not context.has_strategy:
            raise DomainError("no_strategy")
        return {"target": target}
    source = raw.get("source_activity_id")
    if type(source) is not int:
        raise DomainError("invalid_config", field="source_activity_id", expected="integer")
    source_type = context.type_of_activity(source)
    if source_type is None:
        raise DomainError("unknown_activity", activity_id=source)
    if REGISTRY[source_type].input_kind != "idea":
        raise DomainError("invalid_source_activity", activity_id=source)
    return {"target": target, "source_activity_id": source}


# Small validators shared by every type's config: they refuse wrong types instead of coercing them.

def int_field(raw: Mapping[str, Any], key: str, default: int, *, minimum: int, maximum: int) -> int:
    value = raw.get(key, default)
    if type(value) is not int:
        raise DomainError("invalid_config", field=key, expected="integer")
    if not minimum <= value <= maximum:
        raise DomainError("config_out_of_range", field=key, minimum=minimum, maximum=maximum)
    return value


def bool_field(raw: Mapping[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise DomainError("invalid_config", field=key, expected="boolean")
    return value


def text_list_field(raw: Mapping[str, Any], key: str, *, minimum: int, maximum: int, max_length: int,
                    default: Sequence[str] | None = None) -> list[str]:
    from ..domain.text import checked_text

    value = raw.get(key, default)
    if not isinstance(value, list):
        raise DomainError("invalid_config", field=key, expected="list")
    if not minimum <= len(value) <= maximum:
        raise DomainError("config_out_of_range", field=key, minimum=minimum, maximum=maximum)
    return [checked_text(item, max_length=max_length, field=key) for item in value]
