"""An edition filled as a field team and the experts would fill it, through the services."""
from __future__ import annotations

from typing import Any

import pytest

from workshop.services import barometer
from workshop.services.barometer_field import import_submissions, write_form
from workshop.services.context import ServiceContext

from .field_export import as_xlsx, fill

SAME = {"fr": str, "ar": str, "en": str}  # form labels as msgids: enough for the services' own tests

LEGAL = [("sante_droit_soins_base", 50, None, "Circulaire sur l'accès aux soins de santé primaires", "2014-12-18"),
         ("sante_droit_soins_base", 0, "irregulier", "Pratique observée par les associations", "2026-06-30"),
         ("sante_couverture_medicale", 50, None, "Convention de 2015 (RAMED)", "2015-10-01"),
         ("sante_mediation_programme", 50, None, "", ""), ("sante_plainte_possible", 50, None, "", ""),
         ("edu_droit_inscription", 50, None, "Circulaire 13-487", "2013-10-09"),
         ("edu_education_non_formelle", 50, None, "", ""), ("edu_donnees_publiees", 0, None, "", ""),
         ("just_droit_aide_juridictionnelle", 50, None, "", ""),
         ("just_enregistrement_naissance", 50, None, "Loi 37-99", "2002-10-03"), ("just_voies_recours", 50, None, "", "")]
EVENTS = [("2013-10-09", "education", "+", "Circulaire 13-487 : inscription des enfants migrants à l'école publique"),
          ("2014-12-18", "sante", "+", "Stratégie nationale d'immigration et d'asile (SNIA), programme santé"),
          ("2025-03-15", "justice", "-", "Plaintes refusées dans deux préfectures (rapport associatif)")]


def fill_edition(ctx: ServiceContext, title: str, *, previous: object = None, seed: int = 7,
                 share: float = 1.0) -> dict[str, Any]:
    """Create an edition, import a field export (``share`` of its rows), the experts' scores and policy events."""
    edition = barometer.create_edition(ctx, title=title, previous=previous)["edition"]
    headers, rows = fill(write_form(ctx, edition["id"], SAME), seed=seed)
    import_submissions(ctx, edition["id"], as_xlsx(headers, rows[: int(len(rows) * share)]), SAME)
    for indicator, score, status, source, date in LEGAL:
        barometer.record_legal_score(ctx, edition_id=edition["id"], indicator=indicator, score=score, status=status,
                                     source=source, source_date=date)
    for date, sector, direction, text in EVENTS if previous is None else EVENTS[2:]:
        barometer.add_policy_event(ctx, edition_id=edition["id"], when=date, sector=sector, direction=direction,
                                   text=text)
    return {**edition, "headers": headers, "rows": rows}


@pytest.fixture
def two_editions(ctx: ServiceContext) -> tuple[dict[str, Any], dict[str, Any]]:
    first = fill_edition(ctx, "Baromètre 2025", seed=3, share=0.7)
    second = fill_edition(ctx, "Baromètre 2026", previous=first["id"], seed=7)
    return first, second
