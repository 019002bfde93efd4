"""Data in: the edition's XLSForm for KoboToolbox/ODK, the import of their exports, and CSV imports of the experts'
legal scores and of policy events."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.barometer import (BAROMETER_REGIONS, BREAKDOWNS, NOT_SAID, PERCEPTION_CHOICES, SECTORS,
                                YES_NO_CHOICES, answers_of, need_question)
from ..domain.errors import DomainError
from ..exports.barometer_labels import BAROMETER_LABELS
from ..domain.vocabulary import vocabulary_labels
from ..fieldforms import Choice, FormSpec, Group, Language, Question, read_submissions, read_table, write_xlsform
from ..domain.text import clean_text
from ..models import BarometerEdition, BarometerPolicyEvent, BarometerResponse
from .barometer import add_policy_event, find_edition, record_legal_score
from .context import ServiceContext

Translate = Callable[[str], str]
FORM_LANGUAGES = (Language("fr", "Français"), Language("ar", "العربية"), Language("en", "English"))
EXTRA_COLUMNS = ("ws_sector", "ws_dimension", "ws_indicator", "ws_kind")


def _translated(translators: Mapping[str, Translate], text: str) -> dict[str, str]:
    return {language: translate(text) for language, translate in translators.items()}


def _choices(translators: Mapping[str, Translate], names: tuple[str, ...], labels: Mapping[str, str],
             prefix: str) -> tuple[Choice, ...]:
    return tuple(Choice(name, _translated(translators, labels[f"{prefix}{name}"])) for name in names)


def form_spec(edition: BarometerEdition, translators: Mapping[str, Translate]) -> FormSpec:
    """The edition's questionnaire: region, legal status and sex, then per sector a filter question and one
    question per perception, usage and knowledge indicator (usage only for those who needed the service)."""
    labels = {**vocabulary_labels(), **BAROMETER_LABELS}
    text = lambda key: _translated(translators, labels[key])  # noqa: E731
    choice_lists = {
        "regions": _choices(translators, BAROMETER_REGIONS, labels, "region_"),
        "statuses": (*_choices(translators, BREAKDOWNS["status"], labels, "status_"),
                     Choice(NOT_SAID, text("prefer_not_to_say"))),
        "sexes": (*_choices(translators, BREAKDOWNS["sex"], labels, "sex_"),
                  Choice(NOT_SAID, text("prefer_not_to_say"))),
        "perception": _choices(translators, PERCEPTION_CHOICES, labels, "answer_"),
        "yes_no": _choices(translators, YES_NO_CHOICES, labels, "answer_"),
    }
    framework = edition.framework
    groups: list[Question | Group] = [
        Question("select_one", "region", text("form_region"), choices="regions", required=True),
        Question("select_one", "status", text("form_status"), choices="statuses"),
        Question("select_one", "sex", text("form_sex"), choices="sexes"),
    ]
    for sector in framework["sectors"]:
        key = sector["key"]
        questions: list[Question | Group] = [
            Question("select_one", need_question(key), sector["need"] if sector["need"]["fr"] else sector["labels"],
                     choices="yes_no", extra={"ws_sector": key})]
        for indicator in framework["indicators"]:
            if indicator["sector"] != key or indicator["kind"] == "legal":
                continue
            questions.append(Question(
                "select_one", indicator["key"], indicator["labels"],
                choices="perception" if indicator["kind"] == "perception" else "yes_no",
                relevant=f"${{{need_question(key)}}} = 'oui'" if indicator["kind"] == "usage" else "",
                extra={"ws_sector": key, "ws_dimension": indicator["dimension"], "ws_indicator": indicator["key"],
                       "ws_kind": indicator["kind"]}))
        groups.append(Group(key, sector["labels"], tuple(questions)))
    return FormSpec(form_id=f"barometre_{edition.id}", title=edition.title, version=str(edition.version),
                    languages=FORM_LANGUAGES, default_language="fr", items=tuple(groups),
                    choice_lists=choice_lists, extra_columns=EXTRA_COLUMNS)


def write_form(ctx: ServiceContext, edition_ref: object, translators: Mapping[str, Translate]) -> bytes:
    """``workshop barometer form EDITION``: the XLSForm KoboToolbox and ODK accept as it is."""
    with ctx.db.read() as session:
        return write_xlsform(form_spec(find_edition(session, edition_ref), translators))


def store_response(session: Session, edition: BarometerEdition, *, uuid: str, source: str, region: str,
                   status: str | None, sex: str | None, answers: Mapping[str, str], submitted_at: str,
                   clock: Callable[[], Any]) -> bool:
    """Keep one response unless its uuid is already there (re-imports and replays add nothing); True if added."""
    exists = session.scalar(select(BarometerResponse.id).where(BarometerResponse.edition_id == edition.id,
                                                               BarometerResponse.uuid == uuid))
    if exists is not None:
        return False
    session.add(BarometerResponse(edition_id=edition.id, uuid=uuid, source=source, region=region,
                                  status=None if status in (None, NOT_SAID) else status,
                                  sex=None if sex in (None, NOT_SAID) else sex, answers=dict(answers),
                                  submitted_at=submitted_at[:40], created_at=clock()))
    return True


def import_submissions(ctx: ServiceContext, edition_ref: object, content: bytes,
                       translators: Mapping[str, Translate]) -> dict[str, Any]:
    """``workshop barometer import EDITION FILE``: ``{"imported": n, "rejected": [{"row", "reason"}]}``.

    Rows are read against the edition's own form (names or labels in any of its languages); a submission whose
    ``_uuid`` is already stored is skipped, so importing the same export again adds nothing.
    """
    with ctx.db.write() as session:
        edition = find_edition(session, edition_ref)
        read = read_submissions(content, form_spec(edition, translators))
        imported = 0
        for submission in read.accepted:
            values = submission.values
            imported += store_response(session, edition, uuid=submission.uuid, source="field",
                                       region=values["region"], status=values.get("status"), sex=values.get("sex"),
                                       answers=answers_of(values, edition.framework["indicators"]),
                                       submitted_at=submission.submitted_at, clock=ctx.clock)
        rejected = [{"row": rejection.row, "code": rejection.code,
                     "params": {"question": rejection.question, "value": rejection.value}}
                    for rejection in read.rejected]
        return {"imported": imported, "rejected": rejected}


def _table(content: bytes, required: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    try:
        rows = read_table(content)
    except ValueError as error:
        raise DomainError("unreadable_file") from error
    if not rows:
        raise DomainError("unreadable_file")
    headers = [header.strip().lower() for header in rows[0]]
    missing = [column for column in required if column not in headers]
    if missing:
        raise DomainError("missing_columns", columns=", ".join(missing))
    return headers, rows[1:]


def _import_rows(ctx: ServiceContext, content: bytes, required: tuple[str, ...],
                 record: Callable[[Session, dict[str, str]], bool]) -> dict[str, Any]:
    """Each row in its own savepoint: a refused row is listed with its reason and the others are kept."""
    headers, rows = _table(content, required)
    imported, rejected = 0, []
    with ctx.db.write() as session:
        for offset, cells in enumerate(rows):
            if not any(cell.strip() for cell in cells):
                continue
            values = {header: cells[index] if index < len(cells) else "" for index, header in enumerate(headers)}
            try:
                with session.begin_nested():
                    imported += record(session, values)
            except DomainError as error:
                rejected.append({"row": offset + 2, "code": error.code, "params": error.params})
    return {"imported": imported, "rejected": rejected}


def import_legal_scores(ctx: ServiceContext, edition_ref: object, content: bytes) -> dict[str, Any]:
    """CSV or XLSX with columns ``indicator;score`` and optionally ``status;source;date;note``."""
    with ctx.db.read() as session:
        edition_id = find_edition(session, edition_ref).id

    def record(session: Session, values: dict[str, str]) -> bool:
        raw_score = values.get("score", "").strip()
        record_legal_score(ctx, edition_id=edition_id, indicator=values.get("indicator", "").strip(),
                           score=int(raw_score) if raw_score.isdigit() else raw_score,
                           status=values.get("status", "").strip() or None, source=values.get("source", ""),
                           source_date=values.get("date", "").strip(), note=values.get("note", ""), session=session)
        return True

    return _import_rows(ctx, content, ("indicator", "score"), record)


def import_policy_events(ctx: ServiceContext, edition_ref: object, content: bytes) -> dict[str, Any]:
    """CSV or XLSX with columns ``date;sector;direction;text`` and optionally ``source``; known events are skipped."""
    with ctx.db.read() as session:
        edition_id = find_edition(session, edition_ref).id

    def record(session: Session, values: dict[str, str]) -> bool:
        already = session.scalar(select(BarometerPolicyEvent.id).where(
            BarometerPolicyEvent.edition_id == edition_id, BarometerPolicyEvent.date == values.get("date", "").strip(),
            BarometerPolicyEvent.sector == values.get("sector", "").strip(),
            BarometerPolicyEvent.text == clean_text(values.get("text", ""))))
        if already is not None:
            return False  # the same file imported again adds nothing
        add_policy_event(ctx, edition_id=edition_id, when=values.get("date", "").strip(),
                         sector=values.get("sector", "").strip(), direction=values.get("direction", "").strip(),
                         text=values.get("text", ""), source=values.get("source", ""), session=session)
        return True

    return _import_rows(ctx, content, ("date", "sector", "direction", "text"), record)


__all__ = ["SECTORS", "form_spec", "import_legal_scores", "import_policy_events", "import_submissions", "write_form"]
