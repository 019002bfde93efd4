"""Read a KoboToolbox or ODK export of submissions (XLSX or CSV) back into values keyed by question name.

What field teams hand over varies with the export settings, so the reader accepts all of it:
- headers are question names, bare or with their group path joined by ``/`` (Kobo's default), ``.`` (Kobo's
  option) or ``-`` (ODK Central); a header may also be the question's label in one of the form's languages;
- values are choice names or choice labels in any language of the form; both come back as names;
- ``select_multiple`` answers are space-separated names, or one 0/1 column per option (``question/option``);
- meta columns (``_uuid``, ``_id``, ``_submission_time``, ``start``, ``end``, ODK Central's ``KEY``,
  ``meta-instanceID`` and ``SubmissionDate``) are read into the submission's identity and times, others ignored.
A row that cannot be read whole is rejected with its spreadsheet row number (the header is row 1) and a reason;
the other rows are kept.
"""
from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .spec import FormSpec, Question, group_names

META_COLUMNS = frozenset({"start", "end", "today", "deviceid", "username", "_id", "_uuid", "_submission_time",
                          "_index", "_validation_status", "_status", "_submitted_by", "__version__", "_version_",
                          "_notes", "_tags", "_geolocation", "_attachments", "_parent_index", "_parent_table_name",
                          "instanceID", "meta/instanceID", "meta-instanceID", "meta.instanceID", "KEY",
                          "SubmissionDate", "SubmitterID", "SubmitterName", "AttachmentsPresent",
                          "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion"})
UUID_COLUMNS = ("_uuid", "meta/instanceID", "meta-instanceID", "meta.instanceID", "instanceID", "KEY")
TIME_COLUMNS = ("_submission_time", "SubmissionDate", "end")
PATH_SEPARATORS = ("/", ".", "-")
TRUE_CELLS = frozenset({"1", "1.0", "true", "vrai", "yes", "oui"})
FALSE_CELLS = frozenset({"0", "0.0", "false", "faux", "no", "non", ""})
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Submission:
    """One accepted row: its spreadsheet row, identity, times and answers (choice names; None when left empty)."""

    row: int
    uuid: str
    submitted_at: str
    started_at: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Rejection:
    row: int
    code: str  # missing_uuid, duplicate_uuid, required, not_a_choice, not_a_number, unreadable_file, no_known_column
    question: str = ""
    value: str = ""

    @property
    def reason(self) -> str:
        """The reason in plain English (a stable sentence tools may show as it is)."""
        messages = {
            "missing_uuid": "no submission identifier (_uuid or meta/instanceID)",
            "duplicate_uuid": f"submission {self.value} appears twice in this file",
            "required": f"{self.question}: required answer missing",
            "not_a_choice": f"{self.question}: {self.value!r} is not one of the choices",
            "not_a_number": f"{self.question}: {self.value!r} is not a number",
            "not_a_date": f"{self.question}: {self.value!r} is not a date",
            "unreadable_file": f"the file is neither an XLSX workbook nor a CSV table ({self.value})",
            "no_known_column": "no column of this file is a question of the form",
            "too_many_rows": f"more than {MAX_ROWS} rows",
        }
        return messages.get(self.code, self.code)


@dataclass
class Submissions:
    accepted: list[Submission] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def read_submissions(content: bytes, spec: FormSpec) -> Submissions:
    """The rows of an export (XLSX or CSV, told apart by content) read against the form they were collected with."""
    try:
        table = _xlsx_rows(content) if content[:2] == b"PK" else _csv_rows(content)
    except (ValueError, KeyError, zipfile.BadZipFile, csv.Error) as error:
        return Submissions(rejected=[Rejection(row=0, code="unreadable_file", value=type(error).__name__)])
    if not table:
        return Submissions()
    headers, *rows = table
    if len(rows) > MAX_ROWS:
        return Submissions(rejected=[Rejection(row=0, code="too_many_rows")])
    reader = _Reader(spec, [_cell_text(header) for header in headers])
    if not reader.columns:
        return Submissions(rejected=[Rejection(row=1, code="no_known_column")])
    result = Submissions()
    seen: set[str] = set()
    for offset, cells in enumerate(rows):
        row_number = offset + 2
        texts = [_cell_text(cell) for cell in cells]
        if not any(texts):
            continue
        outcome = reader.read(row_number, texts)
        if isinstance(outcome, Rejection):
            result.rejected.append(outcome)
        elif outcome.uuid in seen:
            result.rejected.append(Rejection(row=row_number, code="duplicate_uuid", value=outcome.uuid))
        else:
            seen.add(outcome.uuid)
            result.accepted.append(outcome)
    return result


def read_table(content: bytes) -> list[list[str]]:
    """The first sheet of an XLSX workbook, or a CSV table (``;``, ``,`` or tab), as rows of cell texts.

    Raises ``ValueError`` when the content is neither.
    """
    try:
        rows = _xlsx_rows(content) if content[:2] == b"PK" else _csv_rows(content)
    except (KeyError, zipfile.BadZipFile, csv.Error) as error:
        raise ValueError(f"unreadable table: {type(error).__name__}") from error
    return [[_cell_text(cell) for cell in row] for row in rows]


def _normal(text: str) -> str:
    """Labels compared as people type them: NFC, case-folded, inner white space collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # spreadsheets turn the choice name "2" into 2.0
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _xlsx_rows(content: bytes) -> list[tuple[object, ...]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]  # Kobo puts the main table first; repeat groups come on later sheets
        return [tuple(row) for _index, row in zip(range(MAX_ROWS + 2), sheet.iter_rows(values_only=True))]
    finally:
        workbook.close()


def _csv_rows(content: bytes) -> list[tuple[object, ...]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # an export re-saved by a French-locale Excel
    if "\x00" in text:
        raise ValueError("binary content")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return [tuple(row) for _index, row in zip(range(MAX_ROWS + 2), csv.reader(io.StringIO(text), delimiter=delimiter))]


class _Reader:
    """Knows which column holds which question and how to turn a cell back into choice names."""

    def __init__(self, spec: FormSpec, headers: list[str]) -> None:
        self.spec = spec
        self.questions = {question.name: question for _path, question in spec.questions()}
        self.groups = group_names(spec.items)
        self.by_label = {_normal(label): question.name for question in self.questions.values()
                         for label in question.labels.values() if label}
        self.choice_names: dict[str, dict[str, str]] = {}
        for list_name, choices in spec.choice_lists.items():
            lookup: dict[str, str] = {}
            for choice in choices:
                for label in choice.labels.values():
                    lookup.setdefault(_normal(label), choice.name)
            for choice in choices:  # a name wins over a label that happens to spell it
                lookup[_normal(choice.name)] = choice.name
            self.choice_names[list_name] = lookup
        self.columns: dict[str, int] = {}  # question name → column of its answer
        self.option_columns: dict[str, dict[str, int]] = {}  # select_multiple → {choice name: its 0/1 column}
        self.meta: dict[str, int] = {}
        for index, header in enumerate(headers):
            self._place(index, header)

    def _place(self, index: int, header: str) -> None:
        if header in META_COLUMNS:
            self.meta.setdefault(header, index)
            return
        resolved = self._question_of(header)
        if resolved is not None:
            name, option = resolved
            if option is None:
                self.columns.setdefault(name, index)
            else:
                self.option_columns.setdefault(name, {}).setdefault(option, index)
            return
        label_match = self.by_label.get(_normal(header))
        if label_match is not None:
            self.columns.setdefault(label_match, index)

    def _question_of(self, header: str) -> tuple[str, str | None] | None:
        """(question, None) for an answer column, (question, option) for a 0/1 option column, None otherwise."""
        if header in self.questions:
            return header, None
        for separator in PATH_SEPARATORS:
            if separator not in header:
                continue
            parts = header.split(separator)
            # The longest tail that is a question name, preceded only by group names: "g1/g2/q" → q.
            for start in range(1, len(parts)):
                tail = separator.join(parts[start:])
                if tail in self.questions and all(part in self.groups for part in parts[:start]):
                    return tail, None
            # "…/question/option" for a select_multiple's 0/1 column.
            for start in range(0, len(parts) - 1):
                name = separator.join(parts[start:-1])
                question = self.questions.get(name)
                if question is not None and question.type == "select_multiple" \
                        and all(part in self.groups for part in parts[:start]) \
                        and parts[-1] in self.choice_names[question.choices].values():
                    return name, parts[-1]
        return None

    def _meta(self, texts: list[str], names: Iterable[str]) -> str:
        for name in names:
            index = self.meta.get(name)
            if index is not None and index < len(texts) and texts[index]:
                return texts[index]
        return ""

    def read(self, row: int, texts: list[str]) -> Submission | Rejection:
        uuid = re.sub(r"^uuid:", "", self._meta(texts, UUID_COLUMNS))
        if not uuid:
            return Rejection(row=row, code="missing_uuid")
        values: dict[str, Any] = {}
        for name, question in self.questions.items():
            index = self.columns.get(name)
            raw = texts[index] if index is not None and index < len(texts) else ""
            try:
                value = self._value(question, raw, texts)
            except _Refused as refused:
                return Rejection(row=row, code=refused.code, question=name, value=raw[:80])
            if value is None and question.required and question.type != "note":
                return Rejection(row=row, code="required", question=name)
            values[name] = value
        return Submission(row=row, uuid=uuid[:100], submitted_at=self._meta(texts, TIME_COLUMNS),
                          started_at=self._meta(texts, ("start",)), values=values)

    def _value(self, question: Question, raw: str, texts: list[str]) -> Any:
        if question.type == "select_one":
            return self._choice(question, raw) if raw else None
        if question.type == "select_multiple":
            return self._choices(question, raw, texts)
        if not raw:
            return None
        if question.type in ("integer", "decimal"):
            try:
                number = float(raw.replace(",", "."))  # a French-locale sheet writes 2,5
            except ValueError:
                _reject_value("not_a_number")
            if not math.isfinite(number) or (question.type == "integer" and not number.is_integer()):
                _reject_value("not_a_number")
            return int(number) if question.type == "integer" else number
        if question.type == "date":
            try:
                return date.fromisoformat(raw[:10]).isoformat()
            except ValueError:
                _reject_value("not_a_date")
        return raw

    def _choice(self, question: Question, raw: str) -> str:
        found = self.choice_names[question.choices].get(_normal(raw))
        if found is None:
            _reject_value("not_a_choice")
        return found  # type: ignore[return-value]

    def _choices(self, question: Question, raw: str, texts: list[str]) -> tuple[str, ...] | None:
        lookup = self.choice_names[question.choices]
        if raw:
            whole = lookup.get(_normal(raw))
            if whole is not None:
                return (whole,)
            parts = re.split(r"[;,]\s*", raw) if re.search(r"[;,]", raw) else raw.split()
            names = [lookup.get(_normal(part)) for part in parts if part.strip()]
            if any(name is None for name in names):
                _reject_value("not_a_choice")
            return tuple(dict.fromkeys(name for name in names if name))
        options = self.option_columns.get(question.name, {})
        chosen = []
        for option, index in options.items():
            cell = _normal(texts[index]) if index < len(texts) else ""
            if cell in TRUE_CELLS:
                chosen.append(option)
            elif cell not in FALSE_CELLS:
                raise _Refused("not_a_choice")
        return tuple(chosen) or None


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _reject_value(code: str) -> Any:
    raise _Refused(code)
