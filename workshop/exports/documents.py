"""Writers' first drafts: each composer turns a report into a small document model that a renderer prints.

The model is plain data (headings with levels, paragraphs, bullet lists, tables, "to complete" callouts, charts)
so that the outlines of domain.md §3 live here, once, and the .docx renderer only knows how to print blocks.
Composers never invent content: what the meeting did not produce becomes a visible "to complete" callout.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Union

from .labels import Labels
from .report import (ActivityReport, ActorPoint, AxisReport, Chart, FieldBlock, ParticipantsSummary, Report,
                     RoomReport, StrategyReport, Table)


# --- The document model ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ToComplete:
    """A table cell or fact the writer must fill in: printed as the "to complete" label, highlighted."""

    hint: str = ""


Cell = Union[str, ToComplete]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1–4: Heading 1–4, so the navigation pane and tables of contents work


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: Literal["body", "lead", "note"] = "body"  # lead: a standout sentence; note: small grey print
    label: str = ""  # printed in bold before the text ("Label: text")


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric_columns: tuple[int, ...] = ()
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty


@dataclass(frozen=True)
class Facts:
    """A two-column box of "label | value" lines (date, place…); values may be left for the writer."""

    rows: tuple[tuple[str, Cell], ...]


@dataclass(frozen=True)
class Callout:
    """What the writer must complete: "To complete: <hint>", shaded, the same everywhere."""

    label: str
    hint: str


@dataclass(frozen=True)
class Figure:
    """A chart of the report, drawn by the renderer as a picture (its numbers are in a table beside it)."""

    chart: Chart


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, BulletList, TableBlock, Facts, Callout, Figure, PageBreak]


@dataclass(frozen=True)
class Cover:
    """The page de garde: a banner with the title, facts below, a notice at the foot."""

    kicker: str
    title: str
    subtitle: str
    facts: tuple[tuple[str, Cell], ...]
    notice: str


@dataclass(frozen=True)
class DocumentModel:
    title: str  # the document's own title (first page, file properties)
    header: str  # running header: the meeting's title and the kind of document
    language: str
    direction: Literal["ltr", "rtl"]
    to_complete: str  # the callout label ("To complete"), also used in table cells
    blocks: tuple[Block, ...]
    cover: Cover | None = None
    kicker: str = ""  # small line above the title when there is no cover (the kind of document)
    subtitle: str = ""
    generated_at: str = ""


# --- Labels ------------------------------------------------------------------------------------------------

class _Builder:
    """Collects blocks; small helpers keep composers reading like the outline they follow."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.labels = Labels(report.labels)
        self.blocks: list[Block] = []

    def heading(self, key_or_text: str, level: int, *, text: bool = False) -> None:
        self.blocks.append(Heading(key_or_text if text else self.labels[key_or_text], level))

    def paragraph(self, text: str, kind: Literal["body", "lead", "note"] = "body", label: str = "") -> None:
        if text.strip():
            self.blocks.append(Paragraph(text, kind, label))

    def bullets(self, items: Iterable[str]) -> None:
        kept = tuple(item for item in items if item.strip())
        if kept:
            self.blocks.append(BulletList(kept))

    def table(self, table: Table | None, widths: tuple[float, ...] = ()) -> None:
        if table is not None and (table.rows or table.headers):
            self.blocks.append(TableBlock(table.headers, table.rows, table.numeric_columns, widths))

    def callout(self, hint_key: str) -> None:
        self.blocks.append(Callout(self.labels["to_complete"], self.labels[hint_key]))

    def text_or_callout(self, text: str, hint_key: str, kind: Literal["body", "lead", "note"] = "body") -> None:
        if text.strip():
            self.paragraph(text, kind)
        else:
            self.callout(hint_key)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def model(self, title: str, *, kind: str, kicker: str = "", subtitle: str = "",
              cover: Cover | None = None) -> DocumentModel:
        meta = self.report.meta
        return DocumentModel(title=title, header=_join(meta.title, kind, separator=" · "), language=meta.language,
                             direction=meta.direction,
                             to_complete=self.labels["to_complete"], blocks=tuple(self.blocks), cover=cover,
                             kicker=kicker, subtitle=subtitle, generated_at=meta.generated_at)


def _join(*parts: str, separator: str = " — ") -> str:
    return separator.join(part for part in parts if part and part.strip())


def colon(language: str) -> str:
    """"Label : text" in French typography, "Label: text" elsewhere."""
    return "\u00a0: " if language == "fr" else ": "


def _number(value: float | None, decimals: int) -> str:
    """Numbers as the builder writes them in its tables (a dot before the decimals), so one document agrees with itself."""
    return "" if value is None else f"{value:.{decimals}f}"


def _decimals(number_format: str) -> int:
    """Decimals of an Excel number format: "0" → 0, "0.0" → 1, "0.00%" → 2."""
    _, _, fraction = number_format.partition(".")
    return sum(1 for character in fraction if character == "0")


# --- Pieces shared by several documents --------------------------------------------------------------------

def _participants(b: _Builder, participants: ParticipantsSummary, level: int) -> None:
    """Counts by type and region, never names; pseudonyms only when the moderator asked for them."""
    labels = b.labels
    b.add(Facts(((labels["participants"], str(participants.total)),)))
    if participants.by_organisation_type:
        b.add(TableBlock((labels["organisation_type"], labels["count"]),
                         tuple((row.label, str(row.count)) for row in participants.by_organisation_type), (1,), (3, 1)))
    if participants.by_region:
        b.add(TableBlock((labels["region"], labels["count"]),
                         tuple((row.label, str(row.count)) for row in participants.by_region), (1,), (3, 1)))
    if participants.pseudonyms:
        b.heading("pseudonyms", level)
        b.bullets(participants.pseudonyms)


def _participants_side_by_side(b: _Builder, rooms: tuple[RoomReport, ...]) -> None:
    """One column per room: how many of each type of organisation took part (counts only)."""
    labels = b.labels
    types: list[str] = []
    for room in rooms:
        for row in room.participants.by_organisation_type:
            if row.label not in types:
                types.append(row.label)
    counts = [{row.label: row.count for row in room.participants.by_organisation_type} for room in rooms]
    rows = [(kind, *(str(count.get(kind, 0)) for count in counts)) for kind in types]
    rows.append((labels["total"], *(str(room.participants.total) for room in rooms)))
    b.add(TableBlock((labels["organisation_type"], *(room.name for room in rooms)), tuple(rows),
                     tuple(range(1, len(rooms) + 1)), (3, *([2] * len(rooms)))))


def _chart_table(chart: Chart) -> Table:
    """A chart's numbers as a table: a category a row, a series a column."""
    decimals = _decimals(chart.number_format)
    rows = tuple((category, *(_number(series.values[index] if index < len(series.values) else None, decimals)
                              for series in chart.series))
                 for index, category in enumerate(chart.categories))
    return Table(("", *(series.name for series in chart.series)), rows, tuple(range(1, len(chart.series) + 1)))


def _has_ideas(activity: ActivityReport) -> bool:
    if activity.word_frequencies:  # one-word answers: the frequencies summarise them better than a list
        return False
    return any(cluster.ideas for cluster in activity.clusters) or any(not idea.hidden for idea in activity.ideas)


def _has_results(activity: ActivityReport) -> bool:
    return bool(activity.chart or activity.table or activity.matrix or activity.word_frequencies)


def _ideas_of(b: _Builder, activity: ActivityReport, level: int) -> None:
    """Every visible idea, cluster by cluster (the builder already left hidden ideas out of the clusters)."""
    if activity.clusters:
        for cluster in activity.clusters:
            if cluster.ideas:
                b.heading(f"{cluster.label} ({len(cluster.ideas)})", level, text=True)
                b.bullets(cluster.ideas)
        return
    visible = [idea.text for idea in activity.ideas if not idea.hidden and idea.merged_into is None]
    b.bullets(visible)


def _results_of(b: _Builder, activity: ActivityReport) -> None:
    labels = b.labels
    if activity.word_frequencies:
        b.paragraph(" · ".join(f"{word} ({count})" for word, count in activity.word_frequencies[:40]),
                    label=labels["word_frequencies"])
    if activity.chart is not None and activity.chart.categories:
        b.add(Figure(activity.chart))
    if activity.table is not None:
        b.table(activity.table)
    elif activity.chart is not None and activity.chart.categories:
        b.table(_chart_table(activity.chart))
    if activity.matrix and activity.table is None:
        b.add(TableBlock((labels["item"], labels["impact"], labels["feasibility"], labels["quadrant"]),
                         tuple((point.label, _number(point.impact, 1), _number(point.feasibility, 1),
                                point.quadrant) for point in activity.matrix), (1, 2), (4, 1.3, 1.3, 2.4)))


def _room_body(b: _Builder, room: RoomReport, level: int, *, with_participants: bool = True) -> None:
    """The compte rendu's sections after the facts: participants, questions, ideas, results, decisions."""
    labels = b.labels
    if with_participants:
        b.heading("participants", level)
        _participants(b, room.participants, level + 1)
    if not room.activities:
        b.paragraph(labels["nothing_yet"], "lead")
        return
    b.heading("questions_asked", level)
    b.add(TableBlock((labels["activity"], labels["question"], labels["participation"]),
                     tuple((activity.type_label, activity.prompt, activity.summary) for activity in room.activities),
                     (), (2, 5, 2.2)))
    with_ideas = [activity for activity in room.activities if _has_ideas(activity)]
    if with_ideas:
        b.heading("ideas_by_cluster", level)
        for activity in with_ideas:
            b.heading(activity.prompt, level + 1, text=True)
            b.paragraph(activity.summary, "note")
            _ideas_of(b, activity, level + 2)
    with_results = [activity for activity in room.activities if _has_results(activity)]
    if with_results:
        b.heading("results", level)
        for activity in with_results:
            b.heading(activity.prompt, level + 1, text=True)
            b.paragraph(_join(activity.type_label, activity.summary, separator=" · "), "note")
            _results_of(b, activity)


def _decisions(b: _Builder, room: RoomReport, level: int) -> None:
    b.heading("decisions", level)
    if room.priorities is not None and room.priorities.rows:
        b.paragraph(b.labels["room_priorities"], "note")
        b.table(room.priorities)
    b.callout("hint_decisions")


def _next_steps(b: _Builder, level: int) -> None:
    b.heading("next_steps", level)
    if b.report.next_steps:
        b.bullets(b.report.next_steps)
    else:
        b.callout("hint_next_steps")


def _meeting_facts(b: _Builder, *extra: tuple[str, Cell]) -> Facts:
    meta, labels = b.report.meta, b.labels
    return Facts(((labels["meeting"], meta.title), *extra,
                  (labels["date"], meta.date or ToComplete()), (labels["place"], meta.place or ToComplete())))


def _workshop_rooms(report: Report) -> tuple[RoomReport, ...]:
    return tuple(room for room in report.rooms if room.kind == "workshop")


def _nothing_yet(b: _Builder, key: str, title: str) -> DocumentModel:
    b.add(_meeting_facts(b))
    b.paragraph(b.labels[key], "lead")
    return b.model(title, kind=title, kicker=b.report.meta.title)


# --- Compte rendu d'atelier --------------------------------------------------------------------------------

def compose_compte_rendu(report: Report) -> DocumentModel:
    """One workshop's minutes (report.rooms[0]): facts, participants by type, questions, ideas, results, next steps."""
    b = _Builder(report)
    labels = b.labels
    title = labels["minutes"]
    if not report.rooms:
        return _nothing_yet(b, "nothing_yet", title)
    room = report.rooms[0]
    facts = _meeting_facts(b, (labels["workshop"], room.name))
    b.add(Facts((*facts.rows, (labels["facilitation"], ToComplete()))))
    _room_body(b, room, 1)
    if room.activities:
        _decisions(b, room, 1)
    _next_steps(b, 1)
    return b.model(title, kind=title, kicker=report.meta.title, subtitle=room.name)


# --- Compte rendu consolidé --------------------------------------------------------------------------------

def compose_compte_rendu_consolide(report: Report) -> DocumentModel:
    """The thematic workshops side by side: participants, priorities, common and distinct ones, then each room's."""
    b = _Builder(report)
    labels = b.labels
    title = labels["consolidated_minutes"]
    rooms = _workshop_rooms(report) or report.rooms
    comparison = report.comparison
    b.add(_meeting_facts(b, (labels["workshops"], "\n".join(room.name for room in rooms) or ToComplete())))
    b.heading("synthesis", 1)
    b.callout("hint_synthesis")
    if rooms:
        b.heading("participants", 1)
        _participants_side_by_side(b, rooms)
    b.heading("side_by_side", 1)
    if comparison is not None and comparison.table is not None and comparison.table.rows:
        b.table(comparison.table)
    else:
        b.paragraph(labels["no_comparison"], "lead")
    b.heading("common_priorities", 1)
    if comparison is not None and comparison.common:
        b.bullets(comparison.common)
    else:
        b.paragraph(labels["no_common_priorities"])
    b.heading("distinct_priorities", 1)
    distinct = comparison.distinct if comparison is not None else ()
    if any(priorities for _, priorities in distinct):
        for room_name, priorities in distinct:
            b.heading(room_name, 2, text=True)
            if priorities:
                b.bullets(priorities)
            else:
                b.paragraph(labels["no_distinct_priorities"])
    else:
        b.paragraph(labels["no_distinct_priorities"])
    b.heading("workshop_priorities", 1)
    for room in rooms:
        b.heading(room.name, 2, text=True)
        if room.priorities is not None and room.priorities.rows:
            b.table(room.priorities)
        else:
            b.paragraph(labels["no_priorities"])
    b.heading("decisions", 1)
    b.callout("hint_decisions")
    _next_steps(b, 1)
    return b.model(title, kind=title, kicker=report.meta.title, subtitle=report.meta.subtitle)


# --- SNI and SRI -------------------------------------------------------------------------------------------

def _axis_heading(b: _Builder, axis: AxisReport) -> str:
    return _join(f"{b.labels['axis']} {axis.code}".strip(), axis.title)


def _axis_facts(b: _Builder, axis: AxisReport) -> Facts:
    labels = b.labels
    rows: list[tuple[str, Cell]] = [(labels["theme"], axis.theme), (labels["status"], axis.status),
                                    (labels["rank"], str(axis.rank)), (labels["score"], _number(axis.score, 1)),
                                    (labels["agreement"], axis.agreement),
                                    (labels["votes"], "" if axis.votes is None else str(axis.votes))]
    return Facts(tuple((label, value) for label, value in rows if value))


def _actors_table(b: _Builder, actors: Iterable[tuple[ActorPoint, str]]) -> TableBlock:
    labels = b.labels

    def number(value: int | None, signed: bool = False) -> str:
        return "" if value is None else (f"{value:+d}" if signed and value else str(value))

    rows = tuple((actor.name, actor.role, number(actor.influence), number(actor.interest), number(actor.alignment, True),
                  axes) for actor, axes in actors)
    headers = (labels["actor"], labels["role"], labels["influence"], labels["interest"], labels["alignment"],
               labels["axes"])
    return TableBlock(headers, rows, (2, 3, 4), (3.2, 2.4, 1.5, 1.5, 1.6, 1.2))


def _actors_already_listed(axis: AxisReport) -> bool:
    """The builder may already print the actors as one of the axe's blocks: then the map would repeat it."""
    cells = {cell for block in axis.blocks for table in block.tables for row in table.rows for cell in row}
    return bool(axis.actors) and all(actor.name in cells for actor in axis.actors)


BLOCK_KEYS = ("problem", "objectives", "asks", "actors", "messages", "activities", "windows", "risks", "indicators")
MOVED_TO_STRATEGY = ("risks", "indicators")  # the SNI outline gathers them after the axes


def _blocks_by_key(b: _Builder, axis: AxisReport) -> dict[str, FieldBlock]:
    """The axe's blocks by field (``FieldBlock.key``); a block without a key (a hand-made report) matched by heading.

    A block matching neither is simply printed in its place.
    """
    keys = {b.labels[f"block_{key}"]: key for key in BLOCK_KEYS}
    return {block.key or keys[block.heading]: block for block in axis.blocks
            if block.key in BLOCK_KEYS or block.heading in keys}


def _block(b: _Builder, block: FieldBlock, level: int, *, heading: str | None = None) -> None:
    b.heading(block.heading if heading is None else heading, level, text=True)
    for paragraph in block.paragraphs:
        b.paragraph(paragraph)
    b.bullets(block.bullets)
    for table in block.tables:
        b.table(table)
    if block.to_complete or not (block.paragraphs or block.bullets or block.tables):
        b.callout("hint_block")


def _parent_beside(b: _Builder, axis: AxisReport) -> None:
    """The SNI axe's text beside the regional one: what was kept, what the region adapted."""
    labels = b.labels
    parent: Cell = _join(_join(axis.parent_code, axis.parent_title, separator=" "), axis.parent_summary,
                         separator="\n") or ToComplete()
    regional: Cell = _join(_join(axis.code, axis.title, separator=" "), axis.change_objective, separator="\n")
    if not (axis.parent_code or axis.parent_title):
        parent = axis.disposition or ToComplete()
    if axis.disposition:
        b.paragraph(axis.disposition, "note", label=labels["disposition"])
    b.add(TableBlock((labels["sni_axis"], labels["sri_axis"]), ((parent, regional),), (), (1, 1)))


def _axis_section(b: _Builder, axis: AxisReport, strategy: StrategyReport) -> None:
    """Problem → objectives → asks → targets, allies, opponents → messages → activities → windows (builder's order)."""
    b.heading(_axis_heading(b, axis), 1, text=True)
    b.add(_axis_facts(b, axis))
    if strategy.kind == "sri":
        b.heading("parent_axis", 2)
        _parent_beside(b, axis)
    moved = {id(block) for key, block in _blocks_by_key(b, axis).items() if key in MOVED_TO_STRATEGY}
    for block in axis.blocks:
        if id(block) not in moved:
            _block(b, block, 2)
    if axis.actors and not _actors_already_listed(axis):
        b.heading("actor_map", 2)
        b.add(_actors_table(b, ((actor, axis.code) for actor in axis.actors)))


def _all_actors(axes: tuple[AxisReport, ...]) -> list[tuple[ActorPoint, str]]:
    """Actors of every axe, once each, with the codes of the axes that name them."""
    seen: dict[str, tuple[ActorPoint, list[str]]] = {}
    for axis in axes:
        for actor in axis.actors:
            key = actor.name.casefold().strip()
            if key in seen:
                if axis.code not in seen[key][1]:
                    seen[key][1].append(axis.code)
            else:
                seen[key] = (actor, [axis.code])
    return [(actor, ", ".join(codes)) for actor, codes in seen.values()]


def _declination_table(b: _Builder, strategy: StrategyReport) -> None:
    labels = b.labels
    if not strategy.declination:
        b.callout("hint_declination")
        return
    rows = tuple((row.sni_axis or ToComplete(), row.sri_axis, row.disposition, "\n".join(row.objectives) or ToComplete(),
                  "\n".join(row.asks) or ToComplete(), "\n".join(row.targets) or ToComplete())
                 for row in strategy.declination)
    b.add(TableBlock((labels["sni_axis"], labels["sri_axis"], labels["disposition"], labels["regional_objectives"],
                      labels["regional_asks"], labels["regional_targets"]), rows, (), (2.2, 2.2, 2.2, 2.6, 2.6, 2.2)))


def _strategy_cover(b: _Builder, strategy: StrategyReport) -> Cover:
    meta, labels = b.report.meta, b.labels
    facts: list[tuple[str, Cell]] = []
    if strategy.kind == "sri":
        facts.append((labels["region"], strategy.region or ToComplete()))
        if strategy.parent_title:
            facts.append((labels["parent_strategy"], strategy.parent_title))
    facts += [(labels["meeting"], meta.title), (labels["date"], meta.date or ToComplete()),
              (labels["place"], meta.place or ToComplete()), (labels["generated_at"], meta.generated_at)]
    return Cover(kicker=meta.title, title=strategy.title, subtitle=_join(strategy.region, meta.subtitle),
                 facts=tuple(facts), notice=_join(labels["draft_notice"], labels["generated_by"], separator="\n"))


def _compose_strategy(report: Report, kind: Literal["sni", "sri"]) -> DocumentModel:
    b = _Builder(report)
    labels = b.labels
    strategy = report.strategy
    if strategy is None or strategy.kind != kind:
        return _nothing_yet(b, "no_strategy", labels["national_strategy" if kind == "sni" else "regional_strategy"])
    axes = tuple(sorted(strategy.axes, key=lambda axis: axis.rank))

    b.heading("executive_summary", 1)
    b.callout("hint_executive_summary")
    b.bullets(_join(_join(axis.code, axis.title, separator=" "), axis.change_objective,
                    separator=colon(report.meta.language)) for axis in axes)

    b.heading("context_analysis", 1)
    b.heading("political_context", 2)
    b.callout("hint_political_context")
    b.heading("legal_framework", 2)
    b.callout("hint_legal_framework")
    b.heading("power_analysis", 2)
    actors = _all_actors(axes)
    b.callout("hint_power_analysis")
    if actors:
        b.add(_actors_table(b, actors))
    b.heading("data_evidence", 2)
    b.callout("hint_data")

    b.heading("vision_theory", 1)
    b.heading("vision", 2)
    b.text_or_callout(strategy.vision, "hint_vision", "lead")
    b.heading("theory_of_change", 2)
    b.callout("hint_theory_of_change")

    b.heading("priority_axes", 1)
    b.heading("prioritization_method", 2)
    b.text_or_callout(strategy.method, "hint_method")
    b.heading("vote_results", 2)
    ranked_rooms = [room for room in report.rooms if room.priorities is not None and room.priorities.rows]
    for room in ranked_rooms:
        b.heading(room.name, 3, text=True)
        b.table(room.priorities)
    if not ranked_rooms:
        b.paragraph(labels["no_priorities"])
    b.heading("scores_table", 2)
    if strategy.scores is not None and strategy.scores.rows:
        b.table(strategy.scores)
    else:
        b.paragraph(labels["no_priorities"])
    if kind == "sri":
        b.heading("declination_table", 2)
        _declination_table(b, strategy)

    if not axes:
        b.callout("hint_axes")
    for axis in axes:
        b.add(PageBreak())
        _axis_section(b, axis, strategy)
    b.add(PageBreak())

    for title_key, block_key, hint_key in (("risks", "risks", "hint_risks"),
                                           ("monitoring", "indicators", "hint_monitoring")):
        b.heading(title_key, 1)
        b.callout(hint_key)
        for axis in axes:
            block = _blocks_by_key(b, axis).get(block_key)
            if block is not None:
                _block(b, block, 2, heading=_axis_heading(b, axis))
    b.heading("governance", 1)
    b.callout("hint_governance")

    b.add(PageBreak())
    b.heading("annexes", 1)
    b.heading("problem_trees", 2)
    b.callout("hint_problem_trees")
    b.heading("anonymised_participants", 2)
    if report.rooms:
        _participants_side_by_side(b, report.rooms)
    else:
        b.callout("hint_participants")
    b.heading("traceability", 2)
    for axis in axes:
        if axis.sources or axis.clusters:
            b.heading(_join(axis.code, axis.title, separator=" "), 3, text=True)
            if axis.clusters:
                b.paragraph(", ".join(axis.clusters), label=labels["cluster"])
            b.bullets(axis.sources)
    b.heading("minutes_annex", 2)
    workshops = _workshop_rooms(report)
    for room in workshops:
        b.heading(room.name, 3, text=True)
        _room_body(b, room, 4, with_participants=False)
    if not workshops:
        b.callout("hint_minutes")
    return b.model(strategy.title, kind=strategy.title, cover=_strategy_cover(b, strategy))


def compose_sni(report: Report) -> DocumentModel:
    """The national strategy (SNI), section by section as in domain.md §3."""
    return _compose_strategy(report, "sni")


def compose_sri(report: Report) -> DocumentModel:
    """The regional strategy (SRI): the SNI's outline, the tableau de déclinaison, each axe beside its parent."""
    return _compose_strategy(report, "sri")


# --- Note de politique (from the SNI) ----------------------------------------------------------------------

KEY_MESSAGES_MAX = 5
VOICES_PER_AXIS = 3  # a 2–6 page paper quotes a few ideas per axe, not all of them


def _recommendations(b: _Builder, axes: tuple[AxisReport, ...], addressee_key: str) -> None:
    """One row per axe: to whom, what (instrument, level), by when; the deadline is the writer's to set."""
    labels = b.labels
    rows: list[tuple[Cell, ...]] = []
    for axis in axes:
        addressees = "\n".join(dict.fromkeys(ask[1] for ask in axis.asks if ask[1]))
        measures = "\n".join(_join(ask[0], _join(ask[2], ask[3], separator=", "), separator=" — ") for ask in axis.asks)
        rows.append((_join(axis.code, axis.title, separator=" "), addressees or ToComplete(), measures or ToComplete(),
                     ToComplete()))
    b.add(TableBlock((labels["axis"], labels[addressee_key], labels["measure"], labels["deadline"]), tuple(rows), (),
                     (2.4, 2.2, 3.6, 1.4)))


def _voices(axes: tuple[AxisReport, ...]) -> list[str]:
    """A few of the ideas each axe came from, once each: the participants' own words."""
    return list(dict.fromkeys(source for axis in axes for source in axis.sources[:VOICES_PER_AXIS] if source.strip()))


def _gathered(b: _Builder, records: list[tuple[AxisReport, dict[str, FieldBlock]]], key: str) -> TableBlock | None:
    """The first table of one block of every axe, in one table with the axe's code in front."""
    headers: tuple[str, ...] = ()
    rows: list[tuple[Cell, ...]] = []
    numeric: tuple[int, ...] = ()
    for axis, blocks in records:
        block = blocks.get(key)
        if block is None or not block.tables:
            continue
        table = block.tables[0]
        headers = headers or table.headers
        numeric = numeric or tuple(index + 1 for index in table.numeric_columns)
        rows.extend((axis.code, *row) for row in table.rows if len(row) == len(headers))
    if not rows:
        return None
    return TableBlock((b.labels["axis"], *headers), tuple(rows), numeric, (0.8, *([2.0] * len(headers))))


def _references(b: _Builder, records: list[tuple[AxisReport, dict[str, FieldBlock]]]) -> list[str]:
    """Sources quoted in the axes' evidence (fact, figure, source, date), once each, with their date."""
    evidence = _gathered(b, records, "problem")
    if evidence is None:
        return []
    headers = evidence.headers
    if b.labels["source"] not in headers:
        return []
    source = headers.index(b.labels["source"])
    date = headers.index(b.labels["date"]) if b.labels["date"] in headers else None
    references = (_join(str(row[source]), str(row[date]) if date is not None else "", separator=", ")
                  for row in evidence.rows if isinstance(row[source], str) and row[source].strip())
    return list(dict.fromkeys(references))


def compose_note_de_politique(report: Report) -> DocumentModel:
    """A 2–6 page policy paper drawn from the SNI: messages, problem, recommendations (one per axe), method."""
    b = _Builder(report)
    labels = b.labels
    strategy = report.strategy
    title = labels["policy_brief"]
    if strategy is None or strategy.kind != "sni":
        return _nothing_yet(b, "no_strategy", title)
    axes = tuple(sorted(strategy.axes, key=lambda axis: axis.rank))
    messages = list(dict.fromkeys(axis.central_message for axis in axes if axis.central_message.strip()))
    messages = messages[:KEY_MESSAGES_MAX]
    title_message = strategy.vision.strip() or (messages[0] if messages else "")

    if not title_message:
        b.callout("hint_title_message")
    b.heading("key_messages", 1)
    b.bullets(messages)
    if len(messages) < 3:
        b.callout("hint_key_messages")
    b.heading("summary", 1)
    b.callout("hint_summary")
    records = [(axis, _blocks_by_key(b, axis)) for axis in axes]
    b.heading("problem_why_now", 1)
    b.callout("hint_problem_why_now")
    for axis, blocks in records:
        for paragraph in blocks["problem"].paragraphs[:1] if "problem" in blocks else ():
            b.paragraph(paragraph, label=_join(axis.code, axis.title, separator=" "))
    windows = _gathered(b, records, "windows")
    if windows is not None:
        b.add(windows)
    voices = _voices(axes)
    if voices:
        b.paragraph(labels["voices"], "note")
        b.bullets(voices)
    b.heading("context_data", 1)
    b.callout("hint_data")
    evidence = _gathered(b, records, "problem")
    if evidence is not None:
        b.add(evidence)
    b.heading("policy_limits", 1)
    b.callout("hint_policy_limits")
    b.heading("options", 1)
    b.callout("hint_options")
    b.heading("recommendations", 1)
    if axes:
        _recommendations(b, axes, "addressee")
        for axis in axes:
            if axis.change_objective:
                b.paragraph(axis.change_objective, label=_join(axis.code, axis.title, separator=" "))
    else:
        b.callout("hint_axes")
    b.heading("implementation", 1)
    b.callout("hint_implementation")
    b.heading("participatory_method", 1)
    b.text_or_callout(strategy.method, "hint_method")
    if report.rooms:
        b.add(TableBlock((labels["room"], labels["participants"]),
                         tuple((room.name, str(room.participants.total)) for room in report.rooms), (1,), (4, 1)))
    b.heading("references", 1)
    b.callout("hint_references")
    b.bullets(_references(b, records))
    return b.model(title_message or strategy.title, kind=title, kicker=_join(title, strategy.title),
                   subtitle=_join(report.meta.title, report.meta.date, separator=" · "))


# --- Document de position (from the SRI) -------------------------------------------------------------------

def _objecting_actors(axes: tuple[AxisReport, ...], opponent: str) -> list[tuple[ActorPoint, str]]:
    """Actors marked opponent (their role arrives as labels["actor_role_opponent"]), and any aligned against (−1, −2)."""
    return [(actor, codes) for actor, codes in _all_actors(axes)
            if actor.role_key == "opponent" or actor.role == opponent
            or (actor.alignment is not None and actor.alignment < 0)]


def compose_document_de_position(report: Report) -> DocumentModel:
    """The SRI's position paper: statement, signatories, regional issue, grounds, objections, asks, call to action."""
    b = _Builder(report)
    labels = b.labels
    strategy = report.strategy
    title = labels["position_paper"]
    if strategy is None or strategy.kind != "sri":
        return _nothing_yet(b, "no_strategy", title)
    axes = tuple(sorted(strategy.axes, key=lambda axis: axis.rank))

    b.heading("position_statement", 1)
    b.text_or_callout(strategy.vision, "hint_position_statement", "lead")
    if strategy.vision.strip():
        b.callout("hint_position_statement")
    b.heading("who_speaks", 1)
    b.callout("hint_signatories")
    if report.rooms:
        _participants_side_by_side(b, report.rooms)
    b.heading("regional_issue", 1)
    b.add(Facts(((labels["region"], strategy.region or ToComplete()),
                 *(((labels["parent_strategy"], strategy.parent_title),) if strategy.parent_title else ()))))
    b.callout("hint_regional_issue")
    b.heading("position_grounds", 1)
    for axis in axes:
        b.heading(_axis_heading(b, axis), 2, text=True)
        if axis.central_message:
            b.paragraph(axis.central_message, "lead")
        else:
            b.callout("hint_central_message")
        _parent_beside(b, axis)
    if not axes:
        b.callout("hint_axes")
    b.heading("arguments_evidence", 1)
    b.callout("hint_arguments")
    evidence = _gathered(b, [(axis, _blocks_by_key(b, axis)) for axis in axes], "problem")
    if evidence is not None:
        b.add(evidence)
    voices = _voices(axes)
    if voices:
        b.paragraph(labels["voices"], "note")
        b.bullets(voices)
    b.heading("objections", 1)
    objecting = _objecting_actors(axes, b.labels["actor_role_opponent"])
    if objecting:
        b.add(TableBlock((labels["actor"], labels["axes"], labels["objection"], labels["answer"]),
                         tuple((_join(actor.name, actor.role, separator=" — "), codes, ToComplete(), ToComplete())
                               for actor, codes in objecting), (), (2.8, 1.2, 3.2, 3.2)))
    else:
        b.paragraph(labels["no_opponents"])
        b.callout("hint_objections")
    b.heading("regional_asks_timeline", 1)
    asks = [(axis, ask) for axis in axes for ask in axis.asks]
    if asks:
        b.add(TableBlock((labels["addressee"], labels["measure"], labels["instrument"], labels["level"], labels["axis"],
                          labels["deadline"]),
                         tuple((ask[1] or ToComplete(), ask[0] or ToComplete(), ask[2], ask[3], axis.code, ToComplete())
                               for axis, ask in asks)))
    else:
        b.callout("hint_regional_asks")
    b.heading("call_to_action", 1)
    b.callout("hint_call_to_action")
    b.add(PageBreak())
    b.heading("annexes", 1)
    b.heading("declination_table", 2)
    _declination_table(b, strategy)
    return b.model(_join(title, strategy.region), kind=title, kicker=strategy.title,
                   subtitle=_join(report.meta.title, report.meta.date, separator=" · "))


# --- Registry ----------------------------------------------------------------------------------------------

COMPOSERS: dict[str, Callable[[Report], DocumentModel]] = {
    "compte-rendu": compose_compte_rendu,
    "compte-rendu-consolide": compose_compte_rendu_consolide,
    "sni": compose_sni,
    "note-de-politique": compose_note_de_politique,
    "sri": compose_sri,
    "document-de-position": compose_document_de_position,
}


def compose(report: Report, name: str) -> DocumentModel:
    """The document called ``name`` (one of COMPOSERS) for this report."""
    try:
        composer = COMPOSERS[name]
    except KeyError:
        raise ValueError(f"unknown document {name!r}; expected one of {', '.join(COMPOSERS)}") from None
    return composer(report)
