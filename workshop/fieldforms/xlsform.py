"""Write a ``FormSpec`` as an XLSForm workbook (sheets ``survey``, ``choices``, ``settings``)."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from .spec import FormSpec, Group, Question


def write_xlsform(spec: FormSpec) -> bytes:
    """The .xlsx bytes KoboToolbox and ODK accept as they are (checked by converting with pyxform in the tests)."""
    spec.check()
    workbook = Workbook()
    survey = workbook.active
    assert survey is not None
    survey.title = "survey"
    label_columns = [f"label::{language.column_suffix}" for language in spec.languages]
    hint_columns = [f"hint::{language.column_suffix}" for language in spec.languages]
    headers = ["type", "name", *label_columns, *hint_columns, "required", "relevant", "constraint", "appearance",
               *spec.extra_columns]
    rows: list[dict[str, str]] = []
    _survey_rows(spec, spec.items, rows)
    _write_sheet(survey, headers, rows)

    choices = workbook.create_sheet("choices")
    choice_rows = [
        {"list_name": list_name, "name": choice.name,
         **{f"label::{language.column_suffix}": choice.labels.get(language.code, "") for language in spec.languages}}
        for list_name, listed in spec.choice_lists.items() for choice in listed
    ]
    _write_sheet(choices, ["list_name", "name", *label_columns], choice_rows)

    settings = workbook.create_sheet("settings")
    default = next(language for language in spec.languages if language.code == spec.default_language)
    _write_sheet(settings, ["form_title", "form_id", "version", "default_language"],
                 [{"form_title": spec.title, "form_id": spec.form_id, "version": spec.version,
                   "default_language": default.column_suffix}])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _labels(spec: FormSpec, prefix: str, texts: dict[str, str] | object) -> dict[str, str]:
    assert isinstance(texts, dict) or hasattr(texts, "get")
    return {f"{prefix}::{language.column_suffix}": texts.get(language.code, "")  # type: ignore[union-attr]
            for language in spec.languages}


def _survey_rows(spec: FormSpec, items: tuple[Question | Group, ...], rows: list[dict[str, str]]) -> None:
    for item in items:
        if isinstance(item, Group):
            rows.append({"type": "begin_group", "name": item.name, **_labels(spec, "label", item.labels),
                         "relevant": item.relevant, "appearance": item.appearance})
            _survey_rows(spec, item.children, rows)
            rows.append({"type": "end_group", "name": item.name})
            continue
        kind = f"{item.type} {item.choices}" if item.is_select else item.type
        rows.append({"type": kind, "name": item.name, **_labels(spec, "label", item.labels),
                     **_labels(spec, "hint", item.hints), "required": "yes" if item.required else "",
                     "relevant": item.relevant, "constraint": item.constraint, "appearance": item.appearance,
                     **item.extra})


def _write_sheet(sheet: Worksheet, headers: list[str], rows: list[dict[str, str]]) -> None:
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(header) or None for header in headers])
    for index, header in enumerate(headers, start=1):
        longest = max([len(header), *(len(str(row.get(header) or "")) for row in rows)])
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(60, max(10, longest + 2))
    sheet.freeze_panes = "A2"
