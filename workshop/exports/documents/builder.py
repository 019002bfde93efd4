"""What every composer writes with: the report's labels, a block collector, and the pieces several documents share
(the meeting's facts, participants side by side, the "nothing recorded yet" page)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from ...domain.languages import decimal_number
from ..labels import Labels
from ..report import AxisReport, Report, RoomReport, Table
from .model import (Block, BulletList, Callout, Cell, Cover, DocumentModel, Facts, Heading, Paragraph, TableBlock,
                    ToComplete)


class Builder:
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

    def untranslated_notice(self, axes: Iterable[AxisReport] = ()) -> None:
        """At the top of a document in another language than French: the meeting's title (and project) when still
        in French, and how many axe texts are."""
        if self.report.meta.untranslated:
            self.blocks.append(Callout(self.labels["to_complete"], self.labels["hint_identity_translations"]))
        count = sum(len(axis.untranslated) for axis in axes)
        if count:
            self.blocks.append(Callout(self.labels["to_complete"], self.labels["hint_translations"] % {"count": count}))

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
        # The running header repeats the title on every page: unmarked (the cover and the notice say it is French),
        # and once when the document is named like the meeting (an SNI titled as its meeting).
        running = meta.file_title or meta.title
        return DocumentModel(title=title, header=joined(running, "" if kind == running else kind, separator=" · "),
                             language=meta.language,
                             direction=meta.direction,
                             to_complete=self.labels["to_complete"], blocks=tuple(self.blocks), cover=cover,
                             kicker=kicker, subtitle=subtitle, generated_at=meta.generated_at,
                             contents_title=self.labels["contents"])


def joined(*parts: str, separator: str = " — ") -> str:
    return separator.join(part for part in parts if part and part.strip())


def table_number(value: float | None, decimals: int, language: str) -> str:
    """A number as the document's language writes it (84,7 in French and Arabic, 84.7 in English), the same in
    its tables, its facts and its charts' pictures."""
    return "" if value is None else decimal_number(f"{value:.{decimals}f}", language)


def decimals_of(number_format: str) -> int:
    """Decimals of an Excel number format: "0" → 0, "0.0" → 1, "0.00%" → 2."""
    _, _, fraction = number_format.partition(".")
    return sum(1 for character in fraction if character == "0")


def participants_side_by_side(b: Builder, rooms: tuple[RoomReport, ...]) -> None:
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


def meeting_facts(b: Builder, *extra: tuple[str, Cell]) -> Facts:
    """The meeting, its days and place (marked to complete when not given), then its project and organisers."""
    meta, labels = b.report.meta, b.labels
    return Facts(((labels["meeting"], meta.title), *extra,
                  (labels["date"], meta.date or ToComplete()), (labels["place"], meta.place or ToComplete()),
                  *identity_facts(b)))


def identity_facts(b: Builder) -> tuple[tuple[str, Cell], ...]:
    """The project, the organisers and the partners, when the moderator gave them."""
    meta, labels = b.report.meta, b.labels
    rows = ((labels["project"], meta.project), (labels["organisers"], ", ".join(meta.organisers)),
            (labels["partners"], ", ".join(meta.partners)))
    return tuple((label, value) for label, value in rows if value)


def workshop_rooms(report: Report) -> tuple[RoomReport, ...]:
    return tuple(room for room in report.rooms if room.kind == "workshop")


def nothing_yet(b: Builder, key: str, title: str) -> DocumentModel:
    b.add(meeting_facts(b))
    b.paragraph(b.labels[key], "lead")
    return b.model(title, kind=title, kicker=b.report.meta.title)
