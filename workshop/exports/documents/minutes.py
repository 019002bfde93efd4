"""The compte rendu of one workshop and the compte rendu consolidé of the thematic workshops."""
from __future__ import annotations

from ..report import ActivityReport, Chart, ParticipantsSummary, Report, RoomReport, Table
from .builder import (Builder, decimals_of, joined, meeting_facts, nothing_yet, participants_side_by_side,
                      table_number, workshop_rooms)
from .model import DocumentModel, Facts, Figure, TableBlock, ToComplete


def _participants(b: Builder, participants: ParticipantsSummary, level: int) -> None:
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


def _chart_table(chart: Chart, language: str) -> Table:
    """A chart's numbers as a table: a category a row, a series a column."""
    decimals = decimals_of(chart.number_format)
    rows = tuple((category, *(table_number(series.values[index] if index < len(series.values) else None, decimals,
                                           language)
                              for series in chart.series))
                 for index, category in enumerate(chart.categories))
    return Table(("", *(series.name for series in chart.series)), rows, tuple(range(1, len(chart.series) + 1)))


def _has_ideas(activity: ActivityReport) -> bool:
    if activity.word_frequencies:  # one-word answers: the frequencies summarise them better than a list
        return False
    return any(cluster.ideas for cluster in activity.clusters) or any(not idea.hidden for idea in activity.ideas)


def _has_results(activity: ActivityReport) -> bool:
    return bool(activity.chart or activity.table or activity.matrix or activity.word_frequencies)


def _ideas_of(b: Builder, activity: ActivityReport, level: int) -> None:
    """Every visible idea, cluster by cluster (the builder already left hidden ideas out of the clusters)."""
    if activity.clusters:
        for cluster in activity.clusters:
            if cluster.ideas:
                b.heading(f"{cluster.label} ({len(cluster.ideas)})", level, text=True)
                b.bullets(cluster.ideas)
        return
    visible = [idea.text for idea in activity.ideas if not idea.hidden and idea.merged_into is None]
    b.bullets(visible)


def _results_of(b: Builder, activity: ActivityReport) -> None:
    labels = b.labels
    if activity.word_frequencies:
        b.paragraph(" · ".join(f"{word} ({count})" for word, count in activity.word_frequencies[:40]),
                    label=labels["word_frequencies"])
    if activity.chart is not None and activity.chart.categories:
        b.add(Figure(activity.chart))
    if activity.table is not None:
        b.table(activity.table)
    elif activity.chart is not None and activity.chart.categories:
        b.table(_chart_table(activity.chart, b.report.meta.language))
    if activity.matrix and activity.table is None:
        b.add(TableBlock((labels["item"], labels["impact"], labels["feasibility"], labels["quadrant"]),
                         tuple((point.label, table_number(point.impact, 1, b.report.meta.language),
                                table_number(point.feasibility, 1, b.report.meta.language),
                                point.quadrant) for point in activity.matrix), (1, 2), (4, 1.3, 1.3, 2.4)))


def room_body(b: Builder, room: RoomReport, level: int, *, with_participants: bool = True) -> None:
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
            b.paragraph(joined(activity.type_label, activity.summary, separator=" · "), "note")
            _results_of(b, activity)


def _decisions(b: Builder, room: RoomReport, level: int) -> None:
    b.heading("decisions", level)
    if room.priorities is not None and room.priorities.rows:
        b.paragraph(b.labels["room_priorities"], "note")
        b.table(room.priorities)
    b.callout("hint_decisions")


def _next_steps(b: Builder, level: int) -> None:
    b.heading("next_steps", level)
    if b.report.next_steps:
        b.bullets(b.report.next_steps)
    else:
        b.callout("hint_next_steps")


def compose_compte_rendu(report: Report) -> DocumentModel:
    """One workshop's minutes (report.rooms[0]): facts, participants by type, questions, ideas, results, next steps."""
    b = Builder(report)
    labels = b.labels
    title = labels["minutes"]
    if not report.rooms:
        return nothing_yet(b, "nothing_yet", title)
    room = report.rooms[0]
    facts = meeting_facts(b, (labels["workshop"], room.name))
    b.add(Facts((*facts.rows, (labels["facilitation"], ToComplete()))))
    room_body(b, room, 1)
    if room.activities:
        _decisions(b, room, 1)
    _next_steps(b, 1)
    return b.model(title, kind=title, kicker=report.meta.title, subtitle=room.name)


def compose_compte_rendu_consolide(report: Report) -> DocumentModel:
    """The thematic workshops side by side: participants, priorities, common and distinct ones, then each room's."""
    b = Builder(report)
    labels = b.labels
    title = labels["consolidated_minutes"]
    rooms = workshop_rooms(report) or report.rooms
    comparison = report.comparison
    b.add(meeting_facts(b, (labels["workshops"], "\n".join(room.name for room in rooms) or ToComplete())))
    b.heading("synthesis", 1)
    b.callout("hint_synthesis")
    if rooms:
        b.heading("participants", 1)
        participants_side_by_side(b, rooms)
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
