"""The interface every activity type implements, and the registry generic code looks types up in.

An activity type is the one door for everything about one kind of activity: what its config may hold (declared
once as ``config_fields``, checked here and drawn by the console from the same declaration), what input it takes,
its results, what it puts in the documents (``report_section``), what an axe inherits from its votes
(``axis_evidence``), its texts (``label``, ``labels``) and its browser module (static/js/activities/<name>.js).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ..domain.ballots import Allocation, BallotRules, parse_ballot, repaired_ballot
from ..domain.errors import DomainError
from ..domain.prioritization import MIN_GROUP_SIZE
from ..exports.report import ClusterCards, ResultSection
from ..exports.words import Words


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
class LinkedInput:
    """The ballots of the activity this one is linked to (``ActivityType.linked_activity_id``), with its config."""

    config: Mapping[str, Any]
    ballots: Sequence[Sequence[Allocation]]
    ballot_keys: Sequence[str] = ()  # the opaque id of each ballot's participant, in ballot order


@dataclass(frozen=True)
class ResultInput:
    ideas: Sequence[IdeaView]  # ideas given in this activity
    targets: Sequence[IdeaView]  # items voted on: ideas or clusters of the source activity, or axes (text: label/title)
    ballots: Sequence[Sequence[Allocation]]
    clusters: Sequence[ClusterView] = ()  # the moderator's clusters of this activity's ideas, in board order
    ballot_tags: Sequence[Mapping[str, str]] = ()  # the profile tags of each ballot's participant, in ballot order
    ballot_keys: Sequence[str] = ()  # the opaque id of each ballot's participant, in ballot order
    linked: LinkedInput | None = None  # the linked activity's ballots (a post-test's pre-test), when it has one
    min_group_size: int = MIN_GROUP_SIZE  # WORKSHOP_MIN_GROUP_SIZE: smaller groups are pooled in breakdowns
    # What a type that keeps its input in tables of its own reads from them (``reads_records``; the loader is in
    # services/type_records.py): the questionnaire's responses.
    records: Mapping[str, Any] = field(default_factory=dict)


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


def board_columns(results: Mapping[str, Any], words: Words) -> tuple[ClusterCards, ...]:
    """The wall for the documents: each cluster's cards, then the ideas in no cluster under their own heading."""
    board = results.get("board", {"clusters": [], "unclustered": []})
    columns = [ClusterCards(column["label"], tuple(idea["text"] for idea in column["ideas"]))
               for column in board["clusters"]]
    if board["unclustered"]:
        columns.append(ClusterCards(words["unclustered"], tuple(idea["text"] for idea in board["unclustered"])))
    return tuple(columns)


@dataclass(frozen=True)
class ConfigContext:
    """What config validation may ask of the room: the type of a sibling activity (None when it is not in the room)."""

    type_of_activity: Callable[[int], str | None]
    prompt: str
    has_strategy: bool = False  # the room's event has a strategy (SNI or SRI) whose axes can be voted on
    # The config of a sibling activity of the room (None when it is not in the room): a post-test copies its
    # pre-test's questions.
    config_of_activity: Callable[[int], Mapping[str, Any] | None] = field(default=lambda _activity_id: None)


FieldKind = Literal["integer", "boolean", "lines", "items", "criteria", "text", "choice", "activity"]


@dataclass(frozen=True)
class ConfigField:
    """One setting of a type: the console's form draws it from this, and validation reads its bounds from it.

    ``default`` is what the server takes when the setting is missing; ``initial``, what the form proposes when it
    differs. ``choices`` are the accepted values (target kinds, criteria) and ``offered`` the ones the form lists.
    """

    name: str
    kind: FieldKind
    label: str  # a label key (the type's ``labels`` or the pages' strings)
    default: Any = None
    minimum: int | None = None
    maximum: int | None = None
    hint: str = ""  # label key of the line under the field
    initial: Any = None
    choices: tuple[str, ...] = ()
    offered: tuple[str, ...] = ()
    optional: bool = False  # lines: left out when empty
    max_length: int | None = None  # lines: characters in one line
    rows: int | None = None  # lines: height of the text box
    # What one kind needs besides (criteria: weight bounds; choice: ``labels_prefix``, the choices' label keys).
    extra: Mapping[str, Any] = field(default_factory=dict)

    def read(self, raw: Mapping[str, Any]) -> Any:
        """The checked value of an integer or boolean setting (other kinds need their type's own rules)."""
        if self.kind == "integer":
            assert self.minimum is not None and self.maximum is not None
            return int_field(raw, self.name, self.default, minimum=self.minimum, maximum=self.maximum)
        if self.kind == "boolean":
            return bool_field(raw, self.name, self.default)
        raise TypeError(f"a {self.kind} setting is read by its activity type")

    def describe(self) -> dict[str, Any]:
        """The field as the console's data island carries it."""
        described: dict[str, Any] = {"name": self.name, "kind": self.kind, "label": self.label,
                                     "default": self.default if self.initial is None else self.initial}
        for key, value in (("minimum", self.minimum), ("maximum", self.maximum), ("hint", self.hint),
                           ("choices", list(self.offered or self.choices)), ("optional", self.optional),
                           ("max_length", self.max_length), ("rows", self.rows)):
            if value not in (None, "", [], False):
                described[key] = value
        return described | dict(self.extra)


LIVE_RESULTS = "live_results"
# What an axe takes from one vote on it: ``score`` and ``agreement`` (a criteria score), ``votes`` (points).
AxisEvidence = dict[str, Any]


class ActivityType(ABC):
    """One kind of activity. Subclasses declare ``name``, ``input_kind``, ``label`` and override what they accept."""

    name: ClassVar[str]
    input_kind: ClassVar[Literal["idea", "ballot"]]
    label: ClassVar[str]  # the type's name, an English msgid (``N_``): "Dot voting"
    default_live_results: ClassVar[bool] = False
    # Every other text of the type, by key (English msgids): phone, console, results and report captions. The
    # pages and the report builder both receive them; a key another table declares too is an error.
    labels: ClassVar[Mapping[str, str]] = {}
    config_fields: ClassVar[tuple[ConfigField, ...]] = ()
    # Facts the browser module needs besides the config (a budget, a length limit), sent with the type.
    browser_limits: ClassVar[Mapping[str, Any]] = {}
    # A prioritization method: the strategy names it among the methods, and its votes on axes are evidence.
    prioritization: ClassVar[bool] = False
    # Its report table lists the items best first (rank, item, ...): the room's priorities are its last one's.
    ranks_items: ClassVar[bool] = False
    # Its results are word frequencies: the room's word-cloud image downloads draw them (no such type, no image).
    draws_word_cloud: ClassVar[bool] = False
    # The result key of an item's declared score ("score", "points", "total"): what its table ranks by, what
    # its results by group compare, and what the ``consolidation`` export hands out per group.
    score_key: ClassVar[str | None] = None
    # Its results describe the situation (a perception scale, a poll): in a plenary they are the meeting's baseline
    # data, printed in the consolidation and in the strategy's context section.
    baseline: ClassVar[bool] = False
    # Offered in the room console's menu. A type made elsewhere (the barometer's questionnaire, from the barometer's
    # console, which writes its config) is not; ``example_config`` is then a config it accepts, for the parts test.
    in_console_menu: ClassVar[bool] = True
    # Its input is stored in tables of its own (not ideas or ballots): ``ResultInput.records`` carries it.
    reads_records: ClassVar[bool] = False
    example_config: ClassVar[Mapping[str, Any]] = {}

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        """Return the complete, normalized config or raise ``DomainError``."""
        return {LIVE_RESULTS: bool_field(raw, LIVE_RESULTS, self.default_live_results)}

    def config_field(self, name: str) -> ConfigField:
        return next(field for field in self.config_fields if field.name == name)

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

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """What one allocation of this activity's ballots may hold (points, criteria, positions): a ballot type's."""
        raise DomainError("wrong_input_kind", expected=self.input_kind)

    def parse_ballot(self, config: Mapping[str, Any], raw: object) -> list[Allocation]:
        """The wire ballot as allocations, strictly under ``ballot_rules`` (keys, criteria, points, each once)."""
        return parse_ballot(raw, self.ballot_rules(config))

    def stored_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation]) -> tuple[list[Allocation], int]:
        """A stored ballot as results may use it, and how many allocations the rules left out (see repaired_ballot)."""
        return repaired_ballot(allocations, self.ballot_rules(config))

    def check_ballot(self, config: Mapping[str, Any], allocations: Sequence[Allocation], targets: frozenset[int]) -> None:
        """Refuse a parsed ballot against the type's whole-ballot rules (budget, limits); ``targets`` are the votable
        item ids, if any."""
        raise DomainError("wrong_input_kind", expected=self.input_kind)

    @abstractmethod
    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        """The results shown on the projector and exported."""

    @abstractmethod
    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        """What the minutes, the deck and the workbook show of ``results``, in the report's language."""

    def linked_activity_id(self, config: Mapping[str, Any]) -> int | None:
        """The activity of the room whose ballots this one's results also read (a post-test's pre-test), if any."""
        return None

    def public_config(self, config: Mapping[str, Any]) -> dict[str, Any]:
        """The config as phones and screens receive it (a quiz keeps its correct answers to itself)."""
        return dict(config)

    def criterion_label(self, criterion: str, words: Words) -> str:
        """How the data exports name the criterion of one vote (a criteria type names its criteria)."""
        return words.of("criterion", criterion) if criterion else ""

    def axis_evidence(self, item: Mapping[str, Any]) -> AxisEvidence:
        """What an axe inherits from one item of this type's results (votes on it, or on its clusters)."""
        return {}

    def ranking(self, results: Mapping[str, Any]) -> list[int]:
        """The items best first, as this type ranks them: what two prioritizations of the same items are compared
        on. Empty for a type that does not rank (a brainstorm, a poll)."""
        if not self.ranks_items:
            return []
        ranked = [item for item in results.get("items", []) if item.get("rank") is not None]
        return [item["id"] for item in sorted(ranked, key=lambda item: item["rank"])]

    def page_description(self, *, with_config: bool) -> dict[str, Any]:
        """What the pages know of the type besides its browser module: the console also gets its config form."""
        described: dict[str, Any] = {"input_kind": self.input_kind, "limits": dict(self.browser_limits)}
        if with_config:
            described |= {"default_live_results": self.default_live_results, "in_menu": self.in_console_menu,
                          "config": [field.describe() for field in self.config_fields]}
        return described

    def all_labels(self) -> dict[str, str]:
        """The type's name (``type_<name>``) and its other texts."""
        return {f"type_{self.name}": self.label, **self.labels}


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


def items_field(offered: tuple[str, ...] = ("clusters", "ideas", "axes")) -> ConfigField:
    """What a prioritization votes on: the form offers ``offered`` (first proposed), the server takes ideas when
    unsaid, and any of ``TARGET_KINDS``."""
    return ConfigField("target", "items", "config_target", default=TARGET_KINDS[0], initial=offered[0],
                       choices=TARGET_KINDS, offered=offered)


def item_source_config(raw: Mapping[str, Any], context: ConfigContext, field: ConfigField) -> dict[str, Any]:
    """``target`` and, for ideas or clusters, the ``source_activity_id`` (an idea activity of the same room)."""
    allowed = field.choices
    target = raw.get("target", field.default)
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
