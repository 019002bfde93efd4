"""The self-assessment in the field: the event's questionnaire as an XLSForm for KoboToolbox/ODK, and the import
of their exports of submissions (``workshop questionnaire form|import``, docs/capacities.md)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select

from ..activities import REGISTRY
from ..domain.capacities import LEVEL_CHOICES, ROLES, ROUNDS, level_code, parse_level
from ..domain.errors import DomainError
from ..domain.vocabulary import vocabulary_labels
from ..fieldforms import Choice, FormSpec, Group, Language, Question, read_submissions, write_xlsform
from ..models import CapacityAnswer, CapacityResponse, Event
from ..models.capacities import organisations_of
from .capacities import questionnaire_in
from .context import ServiceContext
from .organisations import find_event

Translate = Callable[[str], str]
FORM_LANGUAGES = (Language("fr", "Français"), Language("ar", "العربية"), Language("en", "English"))
EXTRA_COLUMNS = ("ws_domain", "ws_item")


def _translated(translators: Mapping[str, Translate], text: str) -> dict[str, str]:
    return {language: translate(text) for language, translate in translators.items()}


def _anchors(item: Mapping[str, Any], language: str) -> str:
    """The four anchored levels in one hint, so that the enumerator reads them with the statement."""
    return " · ".join(f"{level}: {item['levels'][level].get(language) or item['levels'][level]['fr']}"
                      for level in LEVEL_CHOICES if level in item["levels"])


def form_spec(session: Any, event: Event, translators: Mapping[str, Translate], clock: Callable[[], Any]) -> FormSpec:
    """organisation, role and round, then one group per domain with one ``select_one levels`` per statement
    (choices 1, 2, 3, 4, na), each row naming its domain and item in ``ws_domain`` and ``ws_item``."""
    questionnaire = questionnaire_in(session, event.id, clock)
    labels = {**vocabulary_labels(), **REGISTRY["questionnaire"].labels}
    text = lambda key: _translated(translators, labels[key])  # noqa: E731
    organisations = tuple(Choice(organisation.slug, {language.code: organisation.name for language in FORM_LANGUAGES})
                          for organisation in session.scalars(organisations_of(event.id)))
    if not organisations:
        raise DomainError("no_organisations")  # KoboToolbox refuses a choice list without choices
    choice_lists = {
        "organisations": organisations,
        "roles": tuple(Choice(role, text(f"capacity_role_{role}")) for role in ROLES),
        "rounds": tuple(Choice(round_name, text(f"capacity_round_{round_name}")) for round_name in ROUNDS),
        "levels": tuple(Choice(level, text(f"capacity_level_{level}")) for level in LEVEL_CHOICES),
    }
    items: list[Question | Group] = [
        Question("select_one", "organisation", text("questionnaire_organisation"), choices="organisations",
                 required=True),
        Question("select_one", "role", text("questionnaire_role"), choices="roles", required=True),
        Question("select_one", "round", text("config_round"), choices="rounds", required=True),
    ]
    for domain in questionnaire.template["domains"]:
        items.append(Group(domain["key"], domain["labels"], tuple(
            Question("select_one", item["key"], item["labels"], choices="levels",
                     hints={language.code: _anchors(item, language.code) for language in FORM_LANGUAGES},
                     extra={"ws_domain": domain["key"], "ws_item": item["key"]})
            for item in domain["items"]), appearance="field-list"))  # one domain per screen, as on the phones
    return FormSpec(form_id=f"oca_{event.id}", title=event.title, version=str(questionnaire.version),
                    languages=FORM_LANGUAGES, default_language="fr", items=tuple(items), choice_lists=choice_lists,
                    extra_columns=EXTRA_COLUMNS)


def write_form(ctx: ServiceContext, event_id: object, translators: Mapping[str, Translate]) -> bytes:
    """``workshop questionnaire form EVENT``: the XLSForm KoboToolbox and ODK accept as it is."""
    with ctx.db.write() as session:  # the questionnaire is made from the default template if the event had none
        return write_xlsform(form_spec(session, find_event(session, event_id), translators, ctx.clock))


def import_submissions(ctx: ServiceContext, event_id: object, content: bytes,
                       translators: Mapping[str, Translate]) -> dict[str, Any]:
    """``workshop questionnaire import EVENT FILE``: ``{"imported": n, "rejected": [{"row", "code", "params"}]}``.

    Rows are read against the event's own form (names or labels, with or without group prefixes); a row with an
    unknown organisation or a value outside the choices is rejected with its reason and the others are kept; a
    submission whose ``_uuid`` is already stored is skipped, so importing the same export twice adds nothing.
    """
    with ctx.db.write() as session:
        event = find_event(session, event_id)
        spec = form_spec(session, event, translators, ctx.clock)
        read = read_submissions(content, spec)
        slugs = {organisation.slug: organisation.id for organisation in session.scalars(organisations_of(event.id))}
        item_keys = [question.name for path, question in spec.questions() if path]  # the statements sit in groups
        known = set(session.scalars(select(CapacityResponse.uuid).where(CapacityResponse.event_id == event.id)))
        imported = 0
        for submission in read.accepted:
            if submission.uuid in known:
                continue
            values = submission.values
            response = CapacityResponse(event_id=event.id, uuid=submission.uuid[:100], source="field",
                                        organisation_id=slugs[values["organisation"]], role=values["role"],
                                        round=values["round"], submitted_at=(submission.submitted_at or "")[:40],
                                        created_at=ctx.clock())
            session.add(response)
            session.flush()
            session.add_all(CapacityAnswer(response_id=response.id, item=key,
                                           level=level_code(parse_level(values[key])),
                                           updated_at=ctx.clock())
                            for key in item_keys if values.get(key) is not None)
            known.add(submission.uuid)
            imported += 1
        rejected = [{"row": rejection.row, "code": rejection.code,
                     "params": {"question": rejection.question, "value": rejection.value}}
                    for rejection in read.rejected]
        return {"imported": imported, "rejected": rejected}
