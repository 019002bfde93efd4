"""The influence strategies: the SNI of the national meeting and the SRI that declines it in a region."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from ..report import ActorPoint, AxisReport, FieldBlock, Report, StrategyReport
from ..charts import Scene, to_png
from ..strategy_figures import power_grid_scene, problem_tree_scene
from ..typography import colon, listed
from .builder import Builder, identity_facts, joined, nothing_yet, participants_side_by_side, table_number, workshop_rooms
from .minutes import baseline_data, group_view, room_body, signals_of
from .model import Cell, Cover, DocumentModel, Facts, PageBreak, Picture, TableBlock, ToComplete

def axis_heading(b: Builder, axis: AxisReport) -> str:
    return joined(f"{b.labels['axis']} {axis.code}".strip(), axis.title)


def _axis_facts(b: Builder, axis: AxisReport) -> Facts:
    labels = b.labels
    rows: list[tuple[str, Cell]] = [(labels["theme"], axis.theme), (labels["status"], axis.status),
                                    (labels["rank"], str(axis.rank)), (labels["score"], table_number(axis.score, 1, b.report.meta.language)),
                                    (labels["agreement"], axis.agreement),
                                    (labels["points"], "" if axis.votes is None else str(axis.votes)),
                                    (labels["same_axe_as"], _same_axes(axis.same_as, b.report.meta.language))]
    return Facts(tuple((label, value) for label, value in rows if value))


def _same_axes(lines: tuple[str, ...], language: str) -> str:
    """Axe titles hold commas: a semicolon between them (Arabic's own comma in Arabic)."""
    return ("، " if language == "ar" else "; ").join(lines)


def actors_table(b: Builder, actors: Iterable[tuple[ActorPoint, str]]) -> TableBlock:
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


def blocks_by_key(b: Builder, axis: AxisReport) -> dict[str, FieldBlock]:
    """The axe's blocks by field (``FieldBlock.key``); a block without a key (a hand-made report) matched by heading.

    A block matching neither is simply printed in its place.
    """
    keys = {b.labels[f"block_{key}"]: key for key in BLOCK_KEYS}
    return {block.key or keys[block.heading]: block for block in axis.blocks
            if block.key in BLOCK_KEYS or block.heading in keys}


def field_block(b: Builder, block: FieldBlock, level: int, *, heading: str | None = None,
                inherited: bool = False) -> None:
    b.heading(block.heading if heading is None else heading, level, text=True)
    if inherited:  # an SRI axe's part still word for word the SNI's: the reader must know it was not declined
        b.paragraph(b.labels["inherited_from_sni"], "note")
    for paragraph in block.paragraphs:
        b.paragraph(paragraph)
    b.bullets(block.bullets)
    for table in block.tables:
        b.table(table)
    if block.to_complete or not (block.paragraphs or block.bullets or block.tables):
        b.callout("hint_block")


def parent_beside(b: Builder, axis: AxisReport) -> None:
    """The SNI axe beside the regional one, aspect by aspect: the axe, its change objective, its SMART objectives,
    its asks. What the region kept, adapted or added shows at a glance."""
    labels = b.labels
    if axis.disposition:
        b.paragraph(axis.disposition, "note", label=labels["disposition"])
    has_parent = bool(axis.parent_code or axis.parent_title)
    regional_asks = [joined(ask[0], ask[1], separator=" — ") for ask in axis.asks if ask[0]]

    def parent_cell(text: str) -> Cell:
        if text:
            return text
        return (axis.disposition or ToComplete()) if not has_parent else "—"

    def regional_cell(text: str) -> Cell:
        return text or ("—" if axis.disposition_key == "dropped" else ToComplete())

    rows: list[tuple[Cell, ...]] = [
        (labels["axis"], parent_cell(joined(axis.parent_code, axis.parent_title, separator=" ")),
         joined(axis.code, axis.title, separator=" ")),
        (labels["change_objective"], parent_cell(axis.parent_summary), regional_cell(axis.change_objective)),
        (labels["smart_objective"], parent_cell("\n".join(axis.parent_objectives)),
         regional_cell("\n".join(joined(statement, deadline, separator=" — ")
                                 for statement, deadline in axis.objectives))),
        (labels["block_asks"], parent_cell("\n".join(axis.parent_asks)), regional_cell("\n".join(regional_asks))),
    ]
    b.add(TableBlock(("", labels["sni_axis"], labels["sri_axis"]), tuple(rows), (), (1.1, 2, 2)))


def _axis_section(b: Builder, axis: AxisReport, strategy: StrategyReport) -> None:
    """Problem → objectives → asks → targets, allies, opponents → messages → activities → windows (builder's order)."""
    b.heading(axis_heading(b, axis), 1, text=True)
    b.add(_axis_facts(b, axis))
    if strategy.kind == "sri":
        b.heading("parent_axis", 2)
        parent_beside(b, axis)
    keyed = blocks_by_key(b, axis)
    moved = {id(block) for key, block in keyed.items() if key in MOVED_TO_STRATEGY}
    inherited = {id(block) for key, block in keyed.items() if key in axis.inherited}
    for block in axis.blocks:
        if id(block) not in moved:
            field_block(b, block, 2, inherited=strategy.kind == "sri" and id(block) in inherited)
    if axis.actors and not _actors_already_listed(axis):
        b.heading("actor_map", 2)
        b.add(actors_table(b, ((actor, axis.code) for actor in axis.actors)))
    grid = power_grid_picture(b, axis.actors)
    if grid is not None:
        b.heading("deck_power_interest", 3)
        b.add(grid)


def _picture(scene: Scene | None, width: float) -> Picture | None:
    if scene is None:
        return None
    # About 200 dpi at 16 cm, encoded fast: a strategy has two figures per axe.
    return Picture(to_png(scene, 2.0, optimize=False), scene.height / scene.width, width,
                   description=f"{scene.title}: {scene.description}")


def power_grid_picture(b: Builder, actors: Sequence[ActorPoint]) -> Picture | None:
    """The power/interest grid as the deck draws it, numbered actors coloured by alignment, with its key."""
    return _picture(power_grid_scene(actors, b.labels, rtl=b.report.meta.direction == "rtl"), 16.0)


def problem_tree_picture(b: Builder, axis: AxisReport) -> Picture | None:
    return _picture(problem_tree_scene(axis.problem, axis.causes, axis.effects, b.labels,
                                       rtl=b.report.meta.direction == "rtl"), 16.0)


def all_actors(axes: tuple[AxisReport, ...], language: str = "fr") -> list[tuple[ActorPoint, str]]:
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
    return [(actor, listed(codes, language)) for actor, codes in seen.values()]


def declination_table(b: Builder, strategy: StrategyReport) -> None:
    labels = b.labels
    if not strategy.declination:
        b.callout("hint_declination")
        return

    def cell(lines: tuple[str, ...], dropped: bool) -> Cell:  # a dropped axe has nothing left to complete
        return "\n".join(lines) or ("—" if dropped else ToComplete())

    rows = tuple((row.sni_axis or ("—" if row.disposition_key == "regional_only" else ToComplete()), row.sri_axis,
                  row.disposition, *(cell(lines, row.disposition_key == "dropped")
                                     for lines in (row.objectives, row.asks, row.targets)))
                 for row in strategy.declination)
    b.add(TableBlock((labels["sni_axis"], labels["sri_axis"], labels["disposition"], labels["regional_objectives"],
                      labels["regional_asks"], labels["regional_targets"]), rows, (), (2.2, 2.2, 2.2, 2.6, 2.6, 2.2),
                     landscape=True))


def _strategy_cover(b: Builder, strategy: StrategyReport) -> Cover:
    meta, labels = b.report.meta, b.labels
    facts: list[tuple[str, Cell]] = []
    if strategy.kind == "sri":
        facts.append((labels["region"], strategy.region or ToComplete()))
        if strategy.parent_title:
            facts.append((labels["parent_strategy"], strategy.parent_title))
    if strategy.version_label:
        facts.append((labels["version_label"], strategy.version_label))
    if strategy.vision:
        facts.append((labels["vision"], strategy.vision))
    facts += [(labels["meeting"], meta.title), (labels["date"], meta.date or ToComplete()),
              (labels["place"], meta.place or ToComplete()), *identity_facts(b),
              (labels["generated_at"], meta.generated_at)]
    return Cover(kicker=meta.title, title=strategy.title, subtitle=joined(strategy.region, meta.subtitle),
                 facts=tuple(facts), notice=joined(labels["draft_notice"], labels["generated_by"], separator="\n"),
                 logos=meta.logos)


def _compose_strategy(report: Report, kind: Literal["sni", "sri"]) -> DocumentModel:
    b = Builder(report)
    labels = b.labels
    strategy = report.strategy
    if strategy is None or strategy.kind != kind:
        return nothing_yet(b, "no_strategy", labels["national_strategy" if kind == "sni" else "regional_strategy"])
    axes = tuple(sorted(strategy.axes, key=lambda axis: axis.rank))

    b.untranslated_notice(axes)
    b.heading("executive_summary", 1)
    b.callout("hint_executive_summary")
    b.bullets(joined(joined(axis.code, axis.title, separator=" "), axis.change_objective,
                    separator=colon(report.meta.language)) for axis in axes)

    b.heading("context_analysis", 1)
    b.heading("political_context", 2)
    b.callout("hint_political_context")
    b.heading("legal_framework", 2)
    b.callout("hint_legal_framework")
    b.heading("power_analysis", 2)
    actors = all_actors(axes, report.meta.language)
    b.callout("hint_power_analysis")
    if actors:
        b.add(actors_table(b, actors))
        grid = power_grid_picture(b, [actor for actor, _codes in actors])
        if grid is not None:
            b.add(grid)
    b.heading("data_evidence", 2)
    b.callout("hint_data")
    if any(activity.baseline for room in report.rooms if room.kind == "plenary" for activity in room.activities):
        b.paragraph(labels["baseline_data"], "lead")
        baseline_data(b, report)

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
        for activity in room.activities:
            if activity.groups:
                b.paragraph(joined(activity.type_label, activity.prompt, separator=" · "), "note")
                group_view(b, activity)
        signals_of(b, room, 4)
    if not ranked_rooms:
        b.paragraph(labels["no_priorities"])
    b.heading("scores_table", 2)
    if strategy.scores is not None and strategy.scores.rows:
        b.table(strategy.scores)
    else:
        b.paragraph(labels["no_priorities"])
    if kind == "sri":
        b.heading("declination_table", 2)
        declination_table(b, strategy)

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
            block = blocks_by_key(b, axis).get(block_key)
            if block is not None:
                field_block(b, block, 2, heading=axis_heading(b, axis))
    b.heading("governance", 1)
    b.callout("hint_governance")

    b.add(PageBreak())
    b.heading("annexes", 1)
    b.heading("problem_trees", 2)
    trees = [(axis, problem_tree_picture(b, axis)) for axis in axes]
    for axis, tree in trees:
        if tree is not None:
            b.heading(axis_heading(b, axis), 3, text=True)
            b.add(tree)
    if not any(tree for _axis, tree in trees):
        b.callout("hint_problem_trees")
    b.heading("anonymised_participants", 2)
    if report.rooms:
        participants_side_by_side(b, report.rooms)
    else:
        b.callout("hint_participants")
    b.heading("traceability", 2)
    for axis in axes:
        if axis.sources or axis.clusters:
            b.heading(joined(axis.code, axis.title, separator=" "), 3, text=True)
            if axis.clusters:
                b.paragraph(listed(axis.clusters, report.meta.language), label=labels["cluster"])
            b.bullets(axis.sources)
    b.heading("minutes_annex", 2)
    workshops = workshop_rooms(report)
    for room in workshops:
        b.heading(room.name, 3, text=True)
        room_body(b, room, 4, with_participants=False)
    if not workshops:
        b.callout("hint_minutes")
    return b.model(strategy.title, kind=strategy.title, cover=_strategy_cover(b, strategy))


def compose_sni(report: Report) -> DocumentModel:
    """The national strategy (SNI), section by section in the outline the programme asks for."""
    return _compose_strategy(report, "sni")


def compose_sri(report: Report) -> DocumentModel:
    """The regional strategy (SRI): the SNI's outline, the tableau de déclinaison, each axe beside its parent."""
    return _compose_strategy(report, "sri")
