"""Every file a room or an event can be downloaded as, declared once.

The download page lists these (with their labels), the command line offers their keys, the export service
checks and builds them; the Word documents are composed by documents/ under the same names.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..domain.vocabulary import N_


@dataclass(frozen=True)
class Download:
    key: str  # in the URL and on the command line: "sni", "pptx"
    scope: Literal["room", "event"]
    extension: str  # of the file
    label: str  # what the download page calls it (an English msgid)
    document: str = ""  # the Word document composed for it (documents/), if it is one
    strategy: Literal["sni", "sri", ""] = ""  # the strategy it is written from: an event without one cannot have it
    needs_workshops: bool = False  # it consolidates the rooms' results: an event where nothing was recorded cannot have it
    needs_word_cloud: bool = False  # an image of a room's word cloud: a room without one has no such file


ROOM_DOWNLOADS = (
    Download("pptx", "room", "pptx", N_("Restitution slides (PowerPoint)")),
    Download("docx", "room", "docx", N_("Workshop minutes (Word)"), document="compte-rendu"),
    Download("renforcement", "room", "docx", N_("Capacity-building workshop report (Word)"),
             document="rapport-renforcement"),
    Download("xlsx", "room", "xlsx", N_("Workbook: one sheet per activity (Excel)")),
    Download("csv", "room", "zip", N_("Data as CSV files (zip)")),
    Download("png", "room", "png", N_("Word cloud (PNG image)"), needs_word_cloud=True),
    Download("svg", "room", "svg", N_("Word cloud (SVG image)"), needs_word_cloud=True),
    Download("json", "room", "json", N_("All the room's data (JSON)")),
)
EVENT_DOWNLOADS = (
    Download("compte-rendu-consolide", "event", "docx", N_("Consolidated minutes of the thematic workshops (Word)"),
             document="compte-rendu-consolide", needs_workshops=True),
    Download("sni", "event", "docx", N_("National influence strategy, SNI (Word)"), document="sni", strategy="sni"),
    Download("note-de-politique", "event", "docx", N_("Policy paper draft, from the SNI (Word)"),
             document="note-de-politique", strategy="sni"),
    Download("sri", "event", "docx", N_("Regional influence strategy, SRI, with its declination table (Word)"),
             document="sri", strategy="sri"),
    Download("document-de-position", "event", "docx", N_("Position paper draft, from the SRI (Word)"),
             document="document-de-position", strategy="sri"),
    Download("deck", "event", "pptx", N_("Summary slides of the meeting, 25 at most (PowerPoint)")),
    Download("deck-full", "event", "pptx", N_("Every slide of the meeting: idea walls, grids (PowerPoint)")),
    Download("xlsx", "event", "xlsx", N_("Workbook of the whole meeting (Excel)")),
    Download("archive", "event", "json",
             N_("Archive of the event, to start a regional meeting on another laptop (JSON)")),
)
MIMETYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
    "png": "image/png",
    "svg": "image/svg+xml",
    "json": "application/json",
}


def room_download(key: object) -> Download | None:
    return next((download for download in ROOM_DOWNLOADS if download.key == key), None)


def event_download(key: object) -> Download | None:
    return next((download for download in EVENT_DOWNLOADS if download.key == key), None)
