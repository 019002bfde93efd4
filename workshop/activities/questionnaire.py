"""Questionnaire: the self-assessment of an organisation's capacities, answered on phones (docs/capacities.md).

The questions are the event's questionnaire (services/capacities.py: the OCA template, edited on the console);
the activity only says which round it collects (« diagnostic initial » or « suivi »). A phone picks its
organisation and role, then answers one domain per screen; each answer is saved on its own through the outbox
(``answer_item``), so a phone that drops loses nothing and resumes where it stopped. Answers live in the
capacity tables, not in ballots: the results read them through ``ResultInput.records``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..domain.ballots import BallotRules
from ..domain.capacities import ROUNDS
from ..domain.errors import DomainError
from ..domain.vocabulary import N_
from ..exports.report import ResultSection, Table
from ..exports.words import Words
from .base import ActivityType, ConfigContext, ConfigField, ResultInput, register


@register
class Questionnaire(ActivityType):
    name = "questionnaire"
    input_kind = "ballot"
    label = N_("Self-assessment questionnaire")
    reads_records = True
    labels = {
        "config_round": N_("Round"),
        "questionnaire_intro": N_("You answer for your organisation. Your name is never asked: only your "
                                  "organisation and your role are recorded."),
        "questionnaire_organisation": N_("Which organisation do you answer for?"),
        "questionnaire_role": N_("Your role in the organisation"),
        "questionnaire_start": N_("Start answering"),
        "questionnaire_change_who": N_("Change organisation or role"),
        "questionnaire_domain_progress": N_("Domain %(number)s of %(total)s"),
        "questionnaire_answered": N_("%(answered)s of %(total)s statements answered"),
        "questionnaire_evidence": N_("Evidence (optional): a document, an example"),
        "questionnaire_comment": N_("Comment (optional)"),
        "questionnaire_previous": N_("Previous domain"),
        "questionnaire_next": N_("Next domain"),
        "questionnaire_done": N_("Thank you: your answers are saved. You can still change them while the "
                                 "questionnaire is open."),
        "questionnaire_no_organisation": N_("The facilitator has not listed the organisations yet."),
        "questionnaire_summary": N_("Respondents: %(count)s · organisations: %(organisations)s"),
        "questionnaire_complete": N_("Complete"),
        "questionnaire_answers": N_("Statements answered"),
        "questionnaire_organisation_heading": N_("Organisation"),
        "questionnaire_by_role": N_("By role"),
    }
    config_fields = (
        ConfigField("round", "choice", "config_round", default=ROUNDS[0], choices=ROUNDS, offered=ROUNDS,
                    extra={"labels_prefix": "capacity_round_"}),
    )
    example_config = {"round": "initial"}

    def validate_config(self, raw: Mapping[str, Any], context: ConfigContext) -> dict[str, Any]:
        round_name = raw.get("round", ROUNDS[0])
        if round_name not in ROUNDS:
            raise DomainError("invalid_config", field="round", expected="|".join(ROUNDS))
        return super().validate_config(raw, context) | {"round": round_name}

    def ballot_rules(self, config: Mapping[str, Any]) -> BallotRules:
        """Declared for the generic ballot code; ``check_ballot`` refuses every ballot (answers go through
        ``answer_item``)."""
        return BallotRules(points=(1, 4))

    def check_ballot(self, config: Mapping[str, Any], allocations: Any, targets: frozenset[int]) -> None:
        raise DomainError("wrong_input_kind", expected="answer_item")  # answers go through ``answer_item``

    def results(self, config: Mapping[str, Any], data: ResultInput) -> dict[str, Any]:
        """The room's progress: respondents per organisation and role, and how many finished."""
        records = data.records
        total = int(records.get("items", 0))
        rows = []
        for organisation in records.get("organisations", []):
            mine = [response for response in records.get("responses", [])
                    if response["organisation"] == organisation["slug"]]
            roles = Counter(response["role"] for response in mine)
            rows.append({"organisation": organisation["slug"], "name": organisation["name"],
                         "respondents": len(mine), "complete": sum(response["answered"] >= total for response in mine),
                         "answers": sum(response["answered"] for response in mine), "roles": dict(roles)})
        return {"round": config.get("round", ROUNDS[0]), "items": total,
                "respondents": sum(row["respondents"] for row in rows),
                "organisations": [row for row in rows if row["respondents"]]}

    def report_section(self, results: Mapping[str, Any], config: Mapping[str, Any], words: Words) -> ResultSection:
        """Who answered; the scores are in the « Rapport d'évaluation des capacités organisationnelles »."""
        rows = results["organisations"]
        return ResultSection(
            responses=results["respondents"],
            summary=words["questionnaire_summary"] % {"count": results["respondents"], "organisations": len(rows)},
            table=Table((words["questionnaire_organisation_heading"], words["respondents"],
                         words["questionnaire_complete"]),
                        tuple((row["name"], str(row["respondents"]), str(row["complete"])) for row in rows),
                        numeric_columns=(1, 2)) if rows else None)
