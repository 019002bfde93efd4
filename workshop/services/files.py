"""Export files: build the report once, hand it to the renderer of the format asked for, name the file."""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..activities import activity_type
from ..domain.errors import DomainError
from ..exports.catalogue import MIMETYPES, Download, event_download, room_download
from ..exports.deck import render_deck
from ..exports.render_csv import render_room_csv_zip
from ..exports.render_wordcloud import render_wordcloud_png, render_wordcloud_svg
from ..exports.render_xlsx import render_xlsx
from ..exports.report import Report
from ..exports.word import render_document
from ..models.activities import activities_of_room
from .context import ServiceContext
from .events import find_room
from .exports import export_room
from .reports import build_event_report, build_room_report, report_words
from .training_reports import build_training_report


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    mimetype: str


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:60] or "workshop"


Progress = Callable[[float], None]


def _silent(_fraction: float) -> None:
    """No one is watching this export's progress."""


def export_room_file(ctx: ServiceContext, code: str, export_format: str, *, language: str,
                     translate: Callable[[str], str], include_hidden: bool = False,
                     with_pseudonyms: bool = False, progress: Progress = _silent) -> ExportFile:
    """One room in one format: deck, minutes (compte rendu), workbook, CSVs, word cloud image, or JSON."""
    download = room_download(export_format)
    if download is None:
        raise DomainError("unknown_format")
    progress(0.05)
    if export_format == "json":
        document = export_room(ctx, code, include_hidden=include_hidden)
        return ExportFile((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode(),
                          f"workshop-{document['room']['code']}.json", MIMETYPES["json"])
    report = build_room_report(ctx, code, language=language, translate=translate, include_hidden=include_hidden,
                               with_pseudonyms=with_pseudonyms)
    if download.document == "rapport-renforcement":  # the capacity-building report adds its before/after evidence
        report = replace(report, training=build_training_report(ctx, code, report_words(translate, language)))
    progress(0.4)  # the report is read; rendering takes the rest
    room = report.rooms[0]
    stem = f"workshop-{room.code}-{_slug(room.name)}"
    if export_format == "pptx":
        return ExportFile(render_deck(report), f"{stem}.pptx", MIMETYPES["pptx"])
    if download.document:
        return ExportFile(render_document(report, download.document), f"{stem}-{download.document}.docx",
                          MIMETYPES["docx"])
    if export_format == "xlsx":
        return ExportFile(render_xlsx(report, include_hidden=include_hidden), f"{stem}.xlsx", MIMETYPES["xlsx"])
    if export_format == "csv":
        return ExportFile(render_room_csv_zip(room, include_hidden=include_hidden, labels=report.labels),
                          f"{stem}-csv.zip", MIMETYPES["zip"])
    clouds = [activity for activity in room.activities if activity.word_frequencies]
    if not clouds:  # never a blank picture
        raise DomainError("no_word_cloud")
    frequencies = clouds[-1].word_frequencies
    renderer = render_wordcloud_png if export_format == "png" else render_wordcloud_svg
    return ExportFile(renderer(frequencies, report.meta.direction), f"{stem}-nuage.{export_format}",
                      MIMETYPES[export_format])


def room_has_word_cloud(ctx: ServiceContext, code: str) -> bool:
    """Whether the room ran an activity whose results are a word cloud (its image downloads are offered then)."""
    with ctx.db.read() as session:
        room = find_room(session, code)
        return any(activity_type(activity.type).draws_word_cloud
                   for activity in session.scalars(activities_of_room(room.id)) if activity.phase != "draft")


def export_event_file(ctx: ServiceContext, event_id: int, document: str, *, language: str,
                      translate: Callable[[str], str], include_hidden: bool = False,
                      with_pseudonyms: bool = False, without_drafts: bool = False,
                      progress: Progress = _silent) -> ExportFile:
    """One event document: consolidated minutes, SNI, policy paper, SRI, position paper, deck, workbook, archive."""
    download = event_download(document)
    if download is None:
        raise DomainError("unknown_format")
    progress(0.05)
    if document == "archive":
        from .declination import export_event_archive

        content = (json.dumps(export_event_archive(ctx, event_id), ensure_ascii=False, indent=1) + "\n").encode()
        return ExportFile(content, f"workshop-event-{event_id}-archive.json", MIMETYPES["json"])
    report = build_event_report(ctx, event_id, language=language, translate=translate, include_hidden=include_hidden,
                                with_pseudonyms=with_pseudonyms, without_drafts=without_drafts)
    progress(0.4)
    _check_document(report, download)
    stem = f"workshop-{event_id}-{_slug(report.meta.file_title or report.meta.title)}"
    if download.extension == "pptx":  # "deck": the meeting's summary; "deck-full": every slide
        full = document == "deck-full"
        return ExportFile(render_deck(report, full=full), f"{stem}{'-full' if full else ''}.pptx", MIMETYPES["pptx"])
    if document == "xlsx":
        return ExportFile(render_xlsx(report, include_hidden=include_hidden), f"{stem}.xlsx", MIMETYPES["xlsx"])
    return ExportFile(render_document(report, download.document), f"{stem}-{document}.docx", MIMETYPES["docx"])


def _check_document(report: Report, download: Download) -> None:
    """A policy paper needs an SNI, a position paper an SRI, the consolidated minutes something recorded (one
    workshop and the plenary will do: the document says what is missing)."""
    wanted = download.strategy
    if wanted and (report.strategy is None or report.strategy.kind != wanted):
        raise DomainError("document_needs_strategy", document=download.key, kind=wanted.upper())
    if download.needs_workshops and not any(room.activities for room in report.rooms):
        raise DomainError("document_needs_workshops")
