"""The advocacy papers drafted from a strategy: the note de politique (from the SNI) and the document de position
(from the SRI)."""
from __future__ import annotations

from ..report import ActorPoint, AxisReport, FieldBlock, Report
from ..typography import listed
from .builder import Builder, joined, nothing_yet, participants_side_by_side
from .model import Cell, DocumentModel, Facts, PageBreak, TableBlock, ToComplete
from .strategy import all_actors, axis_heading, blocks_by_key, declination_table, parent_beside

# --- Note de politique (from the SNI) ----------------------------------------------------------------------

KEY_MESSAGES_MAX = 5
VOICES_PER_AXIS = 3  # a 2–6 page paper quotes a few ideas per axe, not all of them


NATIONAL_LEVELS = ("national", "")  # a paper drawn from the SNI asks the national level (or asks of no level)
REGIONAL_LEVELS = ("regional", "communal")


def deadline_of(axis: AxisReport, language: str) -> Cell:
    """By when: the deadlines of the axe's SMART objectives, once each, else left for the writer."""
    deadlines = list(dict.fromkeys(deadline.strip() for _statement, deadline in axis.objectives if deadline.strip()))
    return listed(deadlines, language) if deadlines else ToComplete()


def axis_name(b: Builder, axis: AxisReport) -> str:
    """The axe as a paper names it; a draft says so (the meeting has not validated it)."""
    name = joined(axis.code, axis.title, separator=" ")
    return f"{name} ({b.labels['draft_axis']})" if axis.status_key == "draft" else name


def asks_at(axis: AxisReport, levels: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """The axe's asks of these levels (``ask_levels`` runs beside ``asks``; a hand-made report without it keeps all)."""
    if len(axis.ask_levels) != len(axis.asks):
        return list(axis.asks)
    return [ask for ask, level in zip(axis.asks, axis.ask_levels) if level in levels]


def _recommendations(b: Builder, axes: tuple[AxisReport, ...], addressee_key: str) -> None:
    """One row per ask of the paper's level: to whom, what (instrument), by when (the axe's SMART deadlines)."""
    labels = b.labels
    rows: list[tuple[Cell, ...]] = []
    for axis in axes:
        asks = asks_at(axis, NATIONAL_LEVELS)
        for ask in asks:
            rows.append((axis_name(b, axis), ask[1] or ToComplete(), joined(ask[0], ask[2], separator=" — ")
                         or ToComplete(), deadline_of(axis, b.report.meta.language)))
        if not asks:
            rows.append((axis_name(b, axis), ToComplete(), ToComplete(), deadline_of(axis, b.report.meta.language)))
    b.add(TableBlock((labels["axis"], labels[addressee_key], labels["measure"], labels["deadline"]), tuple(rows), (),
                     (2.4, 2.2, 3.6, 1.4)))


def _voices(axes: tuple[AxisReport, ...]) -> list[str]:
    """A few of the ideas each axe came from, once each: the participants' own words."""
    return list(dict.fromkeys(source for axis in axes for source in axis.sources[:VOICES_PER_AXIS] if source.strip()))


def _gathered(b: Builder, records: list[tuple[AxisReport, dict[str, FieldBlock]]], key: str) -> TableBlock | None:
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


def _references(b: Builder, records: list[tuple[AxisReport, dict[str, FieldBlock]]]) -> list[str]:
    """Sources quoted in the axes' evidence (fact, figure, source, date), once each, with their date."""
    evidence = _gathered(b, records, "problem")
    if evidence is None:
        return []
    headers = evidence.headers
    if b.labels["source"] not in headers:
        return []
    source = headers.index(b.labels["source"])
    date = headers.index(b.labels["date"]) if b.labels["date"] in headers else None
    references = (joined(str(row[source]), str(row[date]) if date is not None else "", separator=", ")
                  for row in evidence.rows if isinstance(row[source], str) and row[source].strip())
    return list(dict.fromkeys(references))


def compose_note_de_politique(report: Report) -> DocumentModel:
    """A 2–6 page policy paper drawn from the SNI: messages, problem, recommendations (one per axe), method."""
    b = Builder(report)
    labels = b.labels
    strategy = report.strategy
    title = labels["policy_brief"]
    if strategy is None or strategy.kind != "sni":
        return nothing_yet(b, "no_strategy", title)
    axes = tuple(sorted(strategy.axes, key=lambda axis: axis.rank))
    drafts = [axis_name(b, axis) for axis in axes if axis.status_key == "draft"]
    messages = list(dict.fromkeys(axis.central_message for axis in axes if axis.central_message.strip()))
    messages = messages[:KEY_MESSAGES_MAX]
    title_message = strategy.vision.strip() or (messages[0] if messages else "")

    b.untranslated_notice(axes)
    if not title_message:
        b.callout("hint_title_message")
    b.heading("key_messages", 1)
    b.bullets(messages)
    if len(messages) < 3:
        b.callout("hint_key_messages")
    b.heading("summary", 1)
    b.callout("hint_summary")
    records = [(axis, blocks_by_key(b, axis)) for axis in axes]
    b.heading("problem_why_now", 1)
    b.callout("hint_problem_why_now")
    for axis, blocks in records:
        for paragraph in blocks["problem"].paragraphs[:1] if "problem" in blocks else ():
            b.paragraph(paragraph, label=joined(axis.code, axis.title, separator=" "))
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
    if drafts:
        b.paragraph(labels["drafts_flagged"], "note")
    elif strategy.drafts_left_out:
        b.paragraph(labels["drafts_left_out"], "note")
    if axes:
        _recommendations(b, axes, "addressee")
        for axis in axes:
            if axis.change_objective:
                b.paragraph(axis.change_objective, label=axis_name(b, axis))
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
    return b.model(title_message or strategy.title, kind=title, kicker=joined(title, strategy.title),
                   subtitle=joined(report.meta.title, report.meta.date, separator=" · "))


# --- Document de position (from the SRI) -------------------------------------------------------------------

def _objecting_actors(axes: tuple[AxisReport, ...], opponent: str, language: str) -> list[tuple[ActorPoint, str]]:
    """Actors marked opponent (their role arrives as labels["actor_role_opponent"]), and any aligned against (−1, −2)."""
    return [(actor, codes) for actor, codes in all_actors(axes, language)
            if actor.role_key == "opponent" or actor.role == opponent
            or (actor.alignment is not None and actor.alignment < 0)]


def compose_document_de_position(report: Report) -> DocumentModel:
    """The SRI's position paper: statement, signatories, regional issue, grounds, objections, asks, call to action."""
    b = Builder(report)
    labels = b.labels
    strategy = report.strategy
    title = labels["position_paper"]
    if strategy is None or strategy.kind != "sri":
        return nothing_yet(b, "no_strategy", title)
    axes = tuple(sorted(strategy.axes, key=lambda axis: axis.rank))

    b.untranslated_notice(axes)
    b.heading("position_statement", 1)
    b.text_or_callout(strategy.vision, "hint_position_statement", "lead")
    if strategy.vision.strip():
        b.callout("hint_position_statement")
    b.heading("who_speaks", 1)
    b.callout("hint_signatories")
    if report.rooms:
        participants_side_by_side(b, report.rooms)
    b.heading("regional_issue", 1)
    b.add(Facts(((labels["region"], strategy.region or ToComplete()),
                 *(((labels["parent_strategy"], strategy.parent_title),) if strategy.parent_title else ()))))
    b.callout("hint_regional_issue")
    b.heading("position_grounds", 1)
    for axis in axes:
        b.heading(axis_heading(b, axis), 2, text=True)
        if axis.central_message:
            b.paragraph(axis.central_message, "lead")
            if "messages" in axis.inherited:  # the SNI's message, not yet the region's own
                b.paragraph(labels["inherited_from_sni"], "note")
        else:
            b.callout("hint_central_message")
        parent_beside(b, axis)
    if not axes:
        b.callout("hint_axes")
    b.heading("arguments_evidence", 1)
    b.callout("hint_arguments")
    evidence = _gathered(b, [(axis, blocks_by_key(b, axis)) for axis in axes], "problem")
    if evidence is not None:
        b.add(evidence)
    voices = _voices(axes)
    if voices:
        b.paragraph(labels["voices"], "note")
        b.bullets(voices)
    b.heading("objections", 1)
    objecting = _objecting_actors(axes, b.labels["actor_role_opponent"], report.meta.language)
    if objecting:
        b.add(TableBlock((labels["actor"], labels["axes"], labels["objection"], labels["answer"]),
                         tuple((joined(actor.name, actor.role, separator=" — "), codes, ToComplete(), ToComplete())
                               for actor, codes in objecting), (), (2.8, 1.2, 3.2, 3.2)))
    else:
        b.paragraph(labels["no_opponents"])
        b.callout("hint_objections")
    b.heading("regional_asks_timeline", 1)
    asks = [(axis, ask) for axis in axes for ask in asks_at(axis, REGIONAL_LEVELS)]  # regional actors' asks only
    if asks:
        b.add(TableBlock((labels["addressee"], labels["measure"], labels["instrument"], labels["level"], labels["axis"],
                          labels["deadline"]),
                         tuple((ask[1] or ToComplete(), ask[0] or ToComplete(), ask[2], ask[3], axis.code,
                                deadline_of(axis, b.report.meta.language)) for axis, ask in asks)))
    else:
        b.callout("hint_regional_asks")
    b.heading("call_to_action", 1)
    b.callout("hint_call_to_action")
    b.add(PageBreak())
    b.heading("annexes", 1)
    b.heading("declination_table", 2)
    declination_table(b, strategy)
    return b.model(joined(title, strategy.region), kind=title, kicker=strategy.title,
                   subtitle=joined(report.meta.title, report.meta.date, separator=" · "))
