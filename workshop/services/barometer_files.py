"""The barometer's files: a draft as DOCX or PPTX (issued: stamped and remembered), or the XLSX of the data."""
from __future__ import annotations

from collections.abc import Callable

from ..domain.errors import DomainError
from ..exports.barometer_document import render_barometer_docx
from ..exports.barometer_deck import render_barometer_pptx
from ..exports.barometer_workbook import render_barometer_xlsx
from .barometer_reports import build_barometer_report, issue_draft
from .context import ServiceContext
from .files import MIMETYPES, ExportFile, _slug

BAROMETER_FORMATS = ("docx", "pptx", "xlsx")
RENDERERS = {"docx": render_barometer_docx, "pptx": render_barometer_pptx, "xlsx": render_barometer_xlsx}


def barometer_file(ctx: ServiceContext, edition_ref: object, *, draft: str, file_format: str, language: str,
                   translate: Callable[[str], str]) -> ExportFile:
    """Build the report of the edition for this draft, issue it (version stamp, snapshot) unless it is the data
    workbook, render it."""
    if file_format not in BAROMETER_FORMATS:
        raise DomainError("unknown_format")
    report = build_barometer_report(ctx, edition_ref, language=language, translate=translate, draft=draft)
    if file_format != "xlsx":  # the data workbook is no draft: it does not count as an issue
        report = issue_draft(ctx, report)
    draft_name = "final" if draft == "final" else f"projet-{draft}"
    filename = f"barometre-{report.edition_id}-{_slug(report.title)}-{draft_name}-{language}.{file_format}"
    return ExportFile(RENDERERS[file_format](report), filename, MIMETYPES[file_format])
