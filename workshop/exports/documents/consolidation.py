"""The compte rendu consolidé: the document the terms of reference ask for after a national meeting.

Outline: cover (meeting, days, place, organisers, logos); what this consolidation lacks; the meeting and its
agenda; summary (to write); participants; plenary results (the baseline); each thematic workshop (its question,
its ideas by cluster — in the annex when long —, every prioritization with its group view, whether they agree);
the workshops' priorities side by side; common and distinct priorities (matched by meaning); disagreements; the restitution vote; which axes came from
which workshop, and which axes of different rooms are one (matched by meaning); decisions and next steps; annex of the
ideas.
"""
from __future__ import annotations

from ..report import ActivityReport, Report, RoomReport
from .builder import Builder, identity_facts, joined, participants_side_by_side
from .minutes import group_view, results_table, signals_of
from .model import Cell, Cover, DocumentModel, PageBreak, TableBlock, ToComplete

IDEAS_IN_ANNEX_FROM = 40  # past this many ideas on a wall, the body lists the clusters and the annex the ideas


def _wall_size(activity: ActivityReport) -> int:
    return sum(len(cluster.ideas) for cluster in activity.clusters)


def _cover(b: Builder, title: str) -> Cover:
    meta, labels = b.report.meta, b.labels
    facts: list[tuple[str, Cell]] = [(labels["meeting"], meta.title), (labels["date"], meta.date or ToComplete()),
                                     (labels["place"], meta.place or ToComplete()), *identity_facts(b),
                                     (labels["generated_at"], meta.generated_at)]
    return Cover(kicker=meta.title, title=title, subtitle=meta.subtitle, facts=tuple(facts),
                 notice=joined(labels["draft_notice"], labels["generated_by"], separator="\n"), logos=meta.logos)


def _missing(b: Builder, plenaries: list[RoomReport], workshops: list[RoomReport],
             restitutions: list[RoomReport]) -> None:
    """Say what this consolidation lacks instead of refusing it (one workshop and the plenary are enough)."""
    labels, missing = b.labels, []
    prioritized = [room for room in workshops if room.signals is not None]
    if not prioritized:
        missing.append(labels["missing_workshops"])
    elif len(prioritized) == 1:
        missing.append(labels["missing_second_workshop"])
    if not plenaries:
        missing.append(labels["missing_plenary"])
    if not restitutions:
        missing.append(labels["no_restitution"])
    if missing:
        b.heading("missing_parts", 1)
        b.bullets(missing)


def _agenda(b: Builder) -> None:
    labels = b.labels
    b.heading("meeting_agenda", 1)
    rows = tuple((room.name, labels[f"kind_{room.kind}"] if f"kind_{room.kind}" in labels else room.kind,
                  room.theme or "–", " · ".join(activity.prompt or activity.type_label for activity in room.activities)
                  or labels["nothing_yet"], str(room.participants.total)) for room in b.report.rooms)
    b.add(TableBlock((labels["room"], labels["activity_type"], labels["room_theme"], labels["questions_asked"],
                      labels["participants"]), rows, (4,), (2.2, 1.8, 2.4, 5, 1.4)))


def _results(b: Builder, activity: ActivityReport) -> None:
    b.paragraph(joined(activity.type_label, activity.prompt, activity.summary, separator=" · "), "note")
    results_table(b, activity)
    if activity.detail is not None:
        b.paragraph(activity.detail_caption, "note")
        b.table(activity.detail)
    for note in activity.notes:
        b.paragraph(note, "lead")
    group_view(b, activity)


def _workshop(b: Builder, room: RoomReport, annexed: list[tuple[RoomReport, ActivityReport]]) -> None:
    labels = b.labels
    b.heading(room.name, 2, text=True)
    if room.theme:
        b.paragraph(room.theme, "lead", label=labels["room_theme"])
    for activity in room.activities:
        if activity.clusters and any(cluster.ideas for cluster in activity.clusters):
            b.heading(activity.prompt or activity.type_label, 3, text=True)
            b.paragraph(activity.summary, "note")
            if _wall_size(activity) > IDEAS_IN_ANNEX_FROM:
                b.paragraph(labels["ideas_in_annex"] % {"count": _wall_size(activity),
                                                        "clusters": len(activity.clusters)})
                b.bullets(f"{cluster.label} ({len(cluster.ideas)})" for cluster in activity.clusters)
                annexed.append((room, activity))
            else:
                for cluster in activity.clusters:
                    if cluster.ideas:
                        b.paragraph(f"{cluster.label} ({len(cluster.ideas)})", "lead")
                        b.bullets(cluster.ideas)
    ranked = [activity for activity in room.activities
              if activity.table is not None and not activity.clusters and not activity.word_frequencies]
    if ranked:
        b.heading("results", 3)
        for activity in ranked:
            _results(b, activity)
    signals_of(b, room, 3)


def _common(b: Builder) -> None:
    report, labels = b.report, b.labels
    comparison = report.comparison
    if comparison is not None and comparison.table is not None and comparison.table.rows:
        b.heading("side_by_side", 1)
        b.table(comparison.table)
    b.heading("common_priorities", 1)
    if report.common_priorities:
        b.bullets(f"{line} — {labels['confirmed_match']}" for line in report.common_priorities)
    else:  # proposals waiting for the moderator are not « no common priority »
        b.paragraph(labels["no_confirmed_priorities" if report.proposed_priorities else "no_common_priorities"])
    if report.proposed_priorities:
        b.bullets(f"{line} — {labels['proposed_match']}" for line in report.proposed_priorities)
    b.heading("distinct_priorities", 1)
    listed = [(room, own) for room, own in report.distinct_priorities if own]
    for room, own in listed:
        b.heading(room, 2, text=True)
        b.bullets(own)
    if not listed:
        b.paragraph(labels["no_distinct_priorities"])


def _axes_origin(b: Builder) -> None:
    strategy, labels = b.report.strategy, b.labels
    if strategy is None or not strategy.axes:
        return
    b.heading("axes_origin", 1)
    rows = tuple((str(axis.rank), joined(axis.code, axis.title, separator=" "), axis.origin or labels["no_origin"],
                  axis.status) for axis in sorted(strategy.axes, key=lambda axis: axis.rank))
    b.add(TableBlock((labels["rank"], labels["axis"], labels["origin_room"], labels["status"]), rows, (0,),
                     (1, 5, 3, 2)))
    if strategy.scores is not None and strategy.scores.rows:
        b.table(strategy.scores)
    _common_axes(b)


def _common_axes(b: Builder) -> None:
    """Axes of different rooms that are one axe (confirmed on the strategy page), both labels each; then the
    engine's proposals still to decide, and the axes only one room drafted."""
    report, labels = b.report, b.labels
    if not (report.common_axes or report.proposed_axes or report.distinct_axes):
        return
    b.heading("common_axes", 2)
    if report.common_axes:
        b.bullets(f"{line} — {labels['confirmed_match']}" for line in report.common_axes)
    else:
        b.paragraph(labels["no_common_axes"])
    if report.proposed_axes:
        b.bullets(f"{line} — {labels['proposed_match']}" for line in report.proposed_axes)
    listed = [(room, own) for room, own in report.distinct_axes if own]
    if listed:
        b.heading("distinct_axes", 2)
        for room, own in listed:
            b.paragraph(room, "lead")
            b.bullets(own)


def compose_consolidation(report: Report) -> DocumentModel:
    """The compte rendu consolidé (see the module's outline)."""
    b = Builder(report)
    labels = b.labels
    title = labels["consolidated_minutes"]
    plenaries = [room for room in report.rooms if room.kind == "plenary"]
    workshops = [room for room in report.rooms if room.kind == "workshop"]
    restitutions = [room for room in report.rooms if room.kind == "restitution"]
    b.untranslated_notice()
    _missing(b, plenaries, workshops, restitutions)
    _agenda(b)
    b.heading("synthesis", 1)
    b.callout("hint_synthesis")
    if report.rooms:
        b.heading("participants", 1)
        participants_side_by_side(b, report.rooms)

    b.heading("plenary_results", 1)
    plenary_activities = [(room, activity) for room in plenaries for activity in room.activities
                          if activity.table is not None or (activity.chart is not None and activity.chart.categories)]
    if plenary_activities:
        if any(activity.baseline for _room, activity in plenary_activities):
            b.paragraph(labels["baseline_data"], "lead")
        for _room, activity in plenary_activities:
            _results(b, activity)
    else:
        b.paragraph(labels["missing_plenary"])

    b.heading("thematic_workshops", 1)
    annexed: list[tuple[RoomReport, ActivityReport]] = []
    for room in workshops:
        _workshop(b, room, annexed)
    if not workshops:
        b.paragraph(labels["missing_workshops"])

    _common(b)
    b.heading("disagreements", 1)
    sentences = [(room.name, sentence) for room in report.rooms for sentence in room.disagreements]
    if sentences:
        b.bullets(f"{room} — {sentence}" for room, sentence in sentences)
    else:
        b.paragraph(labels["no_disagreements"])

    b.heading("restitution_vote", 1)
    for room in restitutions:
        b.heading(room.name, 2, text=True)
        for activity in room.activities:
            if activity.table is not None:
                _results(b, activity)
        signals_of(b, room, 3)
    if not restitutions:
        b.paragraph(labels["no_restitution"])
    _axes_origin(b)

    b.heading("decisions", 1)
    if report.decisions:
        b.bullets(report.decisions)
    else:
        b.callout("hint_decisions")
    b.heading("next_steps", 1)
    if report.next_steps:
        b.bullets(report.next_steps)
    else:
        b.callout("hint_next_steps")

    if annexed:
        b.add(PageBreak())
        b.heading("ideas_annex", 1)
        for room, activity in annexed:
            b.heading(joined(room.name, activity.prompt, separator=" · "), 2, text=True)
            for cluster in activity.clusters:
                if cluster.ideas:
                    b.paragraph(f"{cluster.label} ({len(cluster.ideas)})", "lead")
                    b.bullets(cluster.ideas)
    return b.model(title, kind=title, cover=_cover(b, title))
