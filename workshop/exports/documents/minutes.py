"""The compte rendu of one workshop, and the pieces the other documents print the same way (results, the group
view, every prioritization declared, the plenary's baseline)."""
from __future__ import annotations

from ..report import ActivityReport, Chart, ParticipantsSummary, Report, RoomReport, Table
from .builder import Builder, decimals_of, joined, meeting_facts, nothing_yet, table_number
from .model import DocumentModel, Facts, Figure, TableBlock, ToComplete


def _participants(b: Builder, participants: ParticipantsSummary, level: int) -> None:
    """Counts by type, region and sex, never names; pseudonyms only when the moderator asked for them."""
    labels = b.labels
    b.add(Facts(((labels["participants"], str(participants.total)),)))
    if participants.by_organisation_type:
        b.add(TableBlock((labels["organisation_type"], labels["count"]),
                         tuple((row.label, str(row.count)) for row in participants.by_organisation_type), (1,), (3, 1)))
    if participants.by_region:
        b.add(TableBlock((labels["region"], labels["count"]),
                         tuple((row.label, str(row.count)) for row in participants.by_region), (1,), (3, 1)))
    if participants.by_sex:  # when someone said: the sex-disaggregated count funders ask for
        b.add(TableBlock((labels["sex"], labels["count"]),
                         tuple((row.label, str(row.count)) for row in participants.by_sex), (1,), (3, 1)))
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


def group_view(b: Builder, activity: ActivityReport) -> None:
    """Who supports what: the results by organisation type and by region, each item's reading beside it."""
    if not activity.groups:
        return
    b.paragraph(b.labels["group_view"], "lead")
    for view in activity.groups:
        b.paragraph(view.title, "note")
        # The reading is a sentence per item: it gets the room a number does not need, so that three or four groups
        # still leave it a readable column (not six lines of three words).
        groups = len(view.table.headers) - 2
        b.table(view.table, widths=(2.2, *([1.0] * groups), 4.4))
    b.paragraph(b.labels["group_pooled_note"] % {"minimum": b.report.meta.min_group_size}, "note")


def baseline_data(b: Builder, report: Report) -> bool:
    """The plenary's scales and polls (« accès à la justice : 1,6 / 5 »): the meeting's baseline. False if none."""
    found = [(room, activity) for room in report.rooms if room.kind == "plenary"
             for activity in room.activities if activity.baseline and _has_results(activity)]
    for room, activity in found:
        b.paragraph(joined(activity.prompt, activity.summary, separator=" · "), "note")
        results_table(b, activity)
    return bool(found)


def results_table(b: Builder, activity: ActivityReport) -> None:
    if activity.table is not None:
        b.table(activity.table)
    elif activity.chart is not None and activity.chart.categories:
        b.table(_chart_table(activity.chart, b.report.meta.language))


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
    if activity.detail is not None:
        b.paragraph(activity.detail_caption, "note")
        b.table(activity.detail)
    for note in activity.notes:
        b.paragraph(note, "lead")
    group_view(b, activity)
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
    signals_of(b, room, level)


def signals_of(b: Builder, room: RoomReport, level: int) -> None:
    """Every prioritization side by side with its method, the ranks each gave, and whether they agree."""
    if room.signals is None or not room.signals.rows:
        return
    b.heading("signals", level)
    b.table(room.signals)
    for table in room.side_by_side:
        b.table(table)
    for sentence in room.disagreements:
        b.paragraph(sentence, "lead")
    if room.disagreements:
        b.paragraph(b.labels["signals_heading_note"], "note")
    for sentence in room.agreements:
        b.paragraph(sentence, "note")


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
    facts = meeting_facts(b, (labels["workshop"], room.name),
                          *(((labels["room_theme"], room.theme),) if room.theme else ()))
    b.add(Facts((*facts.rows, (labels["facilitation"], ToComplete()))))
    b.untranslated_notice()
    room_body(b, room, 1)
    if room.activities:
        _decisions(b, room, 1)
    _next_steps(b, 1)
    return b.model(title, kind=title, kicker=report.meta.title, subtitle=room.name)
