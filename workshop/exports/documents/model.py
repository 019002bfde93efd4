"""The document model: what a composer makes of a report and the Word renderer (word/) prints.

Plain data: headings with levels, paragraphs, bullet lists, tables, facts, "to complete" callouts, charts as
figures, page breaks, and a cover.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from ..report import Chart


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
    widths: tuple[float, ...] = ()  # relative column widths wanted past each column's longest word; by content when empty
    landscape: bool = False  # printed in a landscape section (the renderer also turns a table too wide to portrait)


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
class Picture:
    """A picture drawn elsewhere (a chart scene printed as PNG), ``width`` in cm, ``height / width`` as ``aspect``."""

    png: bytes
    aspect: float
    width: float = 16.0
    description: str = ""  # alternative text


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Union[Heading, Paragraph, BulletList, TableBlock, Facts, Callout, Figure, Picture, PageBreak]


@dataclass(frozen=True)
class Cover:
    """The page de garde: a banner with the title, facts below, a notice at the foot."""

    kicker: str
    title: str
    subtitle: str
    facts: tuple[tuple[str, Cell], ...]
    notice: str
    logos: tuple[bytes, ...] = ()  # the organisers' and partners' logos, in a row under the banner


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
    contents_title: str = ""  # the table of contents' heading; a long document prints one (word/contents.py)
