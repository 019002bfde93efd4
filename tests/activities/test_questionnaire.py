"""The questionnaire type with plain values: its config (the round), its results from its records, its report."""
from __future__ import annotations

import pytest

from workshop.activities import REGISTRY, ConfigContext, ResultInput
from workshop.domain.errors import DomainError
from workshop.services.reports import report_words

KIND = REGISTRY["questionnaire"]
CONTEXT = ConfigContext(type_of_activity=lambda _id: None, prompt="Auto-évaluation")
RECORDS = {"items": 3,
           "organisations": [{"slug": "aas", "name": "Association Afrique Solidarité"},
                             {"slug": "vfm", "name": "Voix des femmes"}, {"slug": "jsf", "name": "Jeunes"}],
           "responses": [{"organisation": "aas", "role": "president", "answered": 3},
                         {"organisation": "aas", "role": "membre", "answered": 1},
                         {"organisation": "vfm", "role": "membre", "answered": 3}]}


def test_the_config_is_the_round() -> None:
    assert KIND.validate_config({}, CONTEXT) == {"live_results": False, "round": "initial"}
    assert KIND.validate_config({"round": "suivi"}, CONTEXT)["round"] == "suivi"
    with pytest.raises(DomainError) as refused:
        KIND.validate_config({"round": "final"}, CONTEXT)
    assert refused.value.code == "invalid_config"
    with pytest.raises(DomainError):  # answers go through answer_item, never through ballots
        KIND.check_ballot({"round": "initial"}, [], frozenset())


def test_results_count_respondents_by_organisation_and_role() -> None:
    results = KIND.results({"round": "suivi"}, ResultInput(ideas=[], targets=[], ballots=[], records=RECORDS))
    assert results == {"round": "suivi", "items": 3, "respondents": 3, "organisations": [
        {"organisation": "aas", "name": "Association Afrique Solidarité", "respondents": 2, "complete": 1,
         "answers": 4, "roles": {"president": 1, "membre": 1}},
        {"organisation": "vfm", "name": "Voix des femmes", "respondents": 1, "complete": 1, "answers": 3,
         "roles": {"membre": 1}}]}
    section = KIND.report_section(results, {"round": "suivi"}, report_words(lambda text: text, "en"))
    assert section.responses == 3 and section.summary == "Respondents: 3 · organisations: 2"
    assert section.table is not None and section.table.rows == (("Association Afrique Solidarité", "2", "1"),
                                                                ("Voix des femmes", "1", "1"))
