"""The report: everything an export shows, as plain values, translated, in the order it is shown."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .training_report import TrainingReport


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """A native chart: categories (one per bar) and one or more series of numbers."""

    kind: Literal["bar", "column", "stacked_bar"]
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    number_format: str = "0"  # Excel/PowerPoint number format of the data labels


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric_columns: tuple[int, ...] = ()  # right-aligned (left in right-to-left documents)


@dataclass(frozen=True)
class ClusterCards:
    label: str
    ideas: tuple[str, ...]


@dataclass(frozen=True)
class MatrixPoint:
    label: str
    impact: float
    feasibility: float
    quadrant: str  # translated quadrant name


@dataclass(frozen=True)
class IdeaRecord:
    """One idea as data (sheets, CSV): hidden ideas appear here only when the export asks for them."""

    id: int
    text: str
    cluster: str
    hidden: bool
    merged_into: int | None
    participant: str  # opaque id, or the pseudonym when it was given and asked for
    created_at: str


@dataclass(frozen=True)
class VoteRecord:
    participant: str
    item: str
    criterion: str
    points: int
    organisation_type: str = ""  # the voter's, translated ("" when not given)
    region: str = ""


@dataclass(frozen=True)
class GroupRecord:
    """One item's result within one group, as numbers (the workbook's group-view sheet)."""

    group: str  # translated: « Organisation de personnes migrantes », « autres » for the pooled small groups
    n: int
    item: str
    value: float | None  # the type's declared score (mean score, points, total); None when the group gave none
    rank: int | None  # within the group: 1 = most support, equal values share a rank


@dataclass(frozen=True)
class GroupView:
    """One prioritization read by group: a column per group (its n in the header), a row per item with the
    group's value and rank, and the plain-language reading of the gap between groups."""

    dimension: str  # "organisation_type" or "region"
    title: str  # translated: « Par type d'organisation »
    table: Table
    readings: tuple[tuple[str, str], ...] = ()  # (item, sentence), in the table's order
    records: tuple[GroupRecord, ...] = ()  # the table's numbers, group by group, items in the table's order
    measure: str = ""  # what the value is, translated: « Score (0–100) », « Points »


@dataclass(frozen=True)
class ResultSection:
    """What one activity's results put in the documents: its type's ``report_section`` fills it."""

    responses: int  # ideas given, or ballots cast
    summary: str  # one translated sentence: "42 ideas from 17 participants", "31 ballots"
    chart: Chart | None = None
    table: Table | None = None
    word_frequencies: tuple[tuple[str, int], ...] = ()
    clusters: tuple[ClusterCards, ...] = ()  # the idea wall by cluster (unclustered last, with its own label)
    matrix: tuple[MatrixPoint, ...] = ()
    groups: tuple[GroupView, ...] = ()  # the same results by organisation type and by region (small groups pooled)
    notes: tuple[str, ...] = ()  # sentences the documents print under the results (the sensitivity analysis)
    detail: Table | None = None  # a second table under a caption: each criterion's mean, by item
    detail_caption: str = ""


@dataclass(frozen=True, kw_only=True)
class ActivityReport(ResultSection):
    """One activity: what it is, its results' section (``ResultSection``), its ideas and votes as data."""

    id: int
    type: str
    type_label: str
    prompt: str
    phase_label: str
    ideas: tuple[IdeaRecord, ...] = ()
    votes: tuple[VoteRecord, ...] = ()
    baseline: bool = False  # a scale or poll: in a plenary, the meeting's baseline data


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class ParticipantsSummary:
    total: int
    by_organisation_type: tuple[CountRow, ...]
    by_region: tuple[CountRow, ...]
    pseudonyms: tuple[str, ...] = ()  # only when they chose to give one and the moderator asked for names
    by_sex: tuple[CountRow, ...] = ()  # the optional « sexe » tag, for sex-disaggregated attendance


@dataclass(frozen=True)
class RoomReport:
    name: str
    code: str
    kind: str
    participants: ParticipantsSummary
    activities: tuple[ActivityReport, ...]
    priorities: Table | None = None  # the room's ranked clusters or ideas, from its last prioritization
    theme: str = ""
    signals: Table | None = None  # every prioritization that ran: method, question, respondents, first item
    side_by_side: tuple[Table, ...] = ()  # the ranks each prioritization gave the same items, one column each
    disagreements: tuple[str, ...] = ()  # one sentence per pair of prioritizations that disagree
    agreements: tuple[str, ...] = ()  # one sentence per pair that agrees


@dataclass(frozen=True)
class ActorPoint:
    name: str
    role: str  # translated
    influence: int | None
    interest: int | None
    alignment: int | None
    role_key: str = ""  # primary_target, secondary_target, ally, opponent, neutral


@dataclass(frozen=True)
class FieldBlock:
    """One part of an axe's record: a heading, paragraphs, bullet lines and tables, in that order."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    to_complete: bool = False  # nothing written yet: the document marks it for the writer
    key: str = ""  # which part of the record: problem, objectives, asks, actors, messages, activities, windows, risks…


@dataclass(frozen=True)
class AxisReport:
    id: int
    code: str
    title: str
    theme: str
    status: str
    rank: int
    score: float | None
    agreement: str  # translated label, or ""
    votes: int | None
    blocks: tuple[FieldBlock, ...]  # problem, objectives, asks, actors, messages, activities, windows, risks, indicators
    actors: tuple[ActorPoint, ...]
    sources: tuple[str, ...]  # the ideas it came from
    clusters: tuple[str, ...]
    parent_code: str = ""
    parent_title: str = ""
    chosen: int = 0  # the moderator's order (« ordre retenu »); ``rank`` is the order the scores declare
    origin: str = ""  # the workshop it came from ("" when written in the plenary or afterwards)
    parent_summary: str = ""  # the parent's change objective, shown beside the regional text
    disposition: str = ""  # translated: maintenu, adapté, abandonné, régional
    central_message: str = ""
    change_objective: str = ""
    asks: tuple[tuple[str, str, str, str], ...] = ()  # (measure, decision-maker, instrument, level), translated
    problem: str = ""  # the central problem, its causes and effects: the problem tree's figure
    causes: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    # What the papers need as codes and plain rows (§6 of issue 8): the axe's status and disposition codes, each
    # ask's level code (parallel to ``asks``), its SMART objectives as (statement, deadline), its parent's SMART
    # objectives and asks as lines, and the fields of its record still as the parent's (kept as inherited).
    status_key: str = ""  # draft, validated, adopted
    disposition_key: str = ""  # kept, adapted, dropped, regional_only
    ask_levels: tuple[str, ...] = ()  # national, regional, communal, or ""
    objectives: tuple[tuple[str, str], ...] = ()
    parent_objectives: tuple[str, ...] = ()
    parent_asks: tuple[str, ...] = ()
    inherited: tuple[str, ...] = ()  # keys of FieldBlocks identical to the parent axe's (an SRI axe)
    untranslated: tuple[str, ...] = ()  # its texts (domain.axes.VERSIONED_FIELDS) printed in French, marked so
    same_as: tuple[str, ...] = ()  # axes of other rooms confirmed as the same axe: « A3 title (room) »


@dataclass(frozen=True)
class DeclinationRow:
    sni_axis: str
    sri_axis: str
    disposition: str
    objectives: tuple[str, ...]
    asks: tuple[str, ...]
    targets: tuple[str, ...]
    disposition_key: str = ""  # "dropped": the region set this axe aside, nothing is left to complete


@dataclass(frozen=True)
class StrategyReport:
    kind: Literal["sni", "sri"]
    title: str
    region: str
    vision: str
    axes: tuple[AxisReport, ...]
    method: str  # how the axes were prioritized, one paragraph
    scores: Table | None  # the table of scores (axes in priority order)
    declination: tuple[DeclinationRow, ...] = ()
    parent_title: str = ""
    version_label: str = ""  # « Version provisoire 1 »
    drafts_left_out: bool = False  # the export asked for validated axes only: the papers say so


@dataclass(frozen=True)
class Comparison:
    """The thematic workshops side by side."""

    rooms: tuple[str, ...]
    common: tuple[str, ...]
    distinct: tuple[tuple[str, tuple[str, ...]], ...]  # (room, its own priorities)
    table: Table | None


@dataclass(frozen=True)
class Meta:
    language: str  # fr, en, ar
    direction: Literal["ltr", "rtl"]
    title: str
    subtitle: str
    date: str  # the meeting's day(s) as printed, "" when not set (never the day the event was created)
    place: str
    generated_at: str
    event_id: int
    project: str = ""
    organisers: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    logos: tuple[bytes, ...] = ()  # the organisers' then the partners' logos (PNG or JPEG), in cover order
    room_theme: str = ""  # a room's report: the room's theme
    file_title: str = ""  # the title for file names: the version in the report's language, else as typed (unmarked)
    untranslated: tuple[str, ...] = ()  # identity fields printed in French, marked so (« title », « project_name »)
    min_group_size: int = 5  # groups under it are pooled into « others » (said under every group view)


@dataclass(frozen=True)
class Report:
    """What every export of one room or one event is made from."""

    meta: Meta
    labels: dict[str, str]  # translated headings and words, by key (see exports/labels.py)
    rooms: tuple[RoomReport, ...]
    strategy: StrategyReport | None = None
    comparison: Comparison | None = None
    next_steps: tuple[str, ...] = field(default_factory=tuple)
    training: TrainingReport | None = None  # the capacity-building report's part (services/training_reports.py)
    decisions: tuple[str, ...] = field(default_factory=tuple)
    # Common priorities by meaning across workshops: « label (room) = label (room) », confirmed by the moderator,
    # then the engine's proposals still to confirm; the distinct ones by room.
    common_priorities: tuple[str, ...] = ()
    proposed_priorities: tuple[str, ...] = ()
    distinct_priorities: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The same for the axes drafted in the rooms: « code title (room) = code title (room) »; the distinct ones by
    # room as « code title ».
    common_axes: tuple[str, ...] = ()
    proposed_axes: tuple[str, ...] = ()
    distinct_axes: tuple[tuple[str, tuple[str, ...]], ...] = ()
