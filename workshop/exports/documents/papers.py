"""The advocacy papers drafted from a strategy: the note de politique (from the SNI) and the document de position
(from the SRI)."""
from __future__ import annotations

from ..report import ActorPoint, AxisReport, FieldBlock, Report
from .builder import Builder, joined, nothing_yet, participants_side_by_side
from .model import Cell, DocumentModel, Facts, PageBreak, TableBlock, ToComplete
from .strategy import all_actors, axis_heading, blocks_by_key, declination_table, parent_beside

# --- Note de politique (from the SNI) ----------------------------------------------------------------------

KEY_MESSAGES_MAX = 5
VOICES_PER_AXIS = 3  # a 2–6 page paper quotes a few ideas per axe, not all of them


def _recommendations(b: Builder, axes: tuple[AxisReport, ...], addressee_key: str) -> None:
    """One row per axe: to whom, what (instrument, level), by when; the deadline is the writer's to set."""
    labels = b.labels
    rows: list[tuple[Cell, ...]] = []
    for axis in axes:
        addressees = "\n".join(dict.fromkeys(ask[1] for ask in axis.asks if ask[1]))
        measures = "\n".join(joined(ask[0], joined(ask[2], ask[3], separator=", "), separator=" — ") for ask in axis.asks)
        rows.append((joined(axis.code, axis.title, separator=" "), addressees or ToComplete(), measures or ToComplete(),
                     ToComplete()))
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
    if axes:
        _recommendations(b, axes, "addressee")
        for axis in axes:
            if axis.change_objective:
                b.paragraph(axis.change_objective, label=joined(axis.code, axis.title, separator=" "))
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

def _objecting_actors(axes: tuple[AxisReport, ...], opponent: str) -> list[tuple[ActorPoint, str]]:
    """Actors marked opponent (their role arrives as labels["actor_role_opponent"]), and any aligned against (−1, −2)."""
    return [(actor, codes) for actor, codes in all_actors(axes)
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
    objecting = _objecting_actors(axes, b.labels["actor_role_opponent"])
    if objecting:
        b.add(TableBlock((labels["actor"], labels["axes"], labels["objection"], labels["answer"]),
                         tuple((joined(actor.name, actor.role, separator=" — "), codes, ToComplete(), ToComplete())
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
    declination_table(b, strategy)
    return b.model(joined(title, strategy.region), kind=title, kicker=strategy.title,
                   subtitle=joined(report.meta.title, report.meta.date, separator=" · "))
