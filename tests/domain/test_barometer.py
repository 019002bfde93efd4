"""Every scoring rule of the barometer pinned on examples computed by hand (docs/barometer.md)."""
from __future__ import annotations

import pytest

from workshop.domain.barometer import (DEFAULT_MIN_N, Framework, Indicator, Response, combine, gaps, percent_yes,
                                       perception_score, rounded, score_edition, wilson_interval, with_changes)
from workshop.domain.errors import DomainError


def cell_of(cells, region, indicator=None, dimension=None, sector="sante"):
    (found,) = [c for c in cells if c.region == region and c.sector == sector and c.indicator == indicator
                and c.dimension == dimension]
    return found


# --- goalposts and intervals -------------------------------------------------------------------------------

def test_perception_goalposts_and_ne_sait_pas_excluded() -> None:
    assert perception_score(["tres_facile"])[0] == 100
    assert round(perception_score(["facile"])[0], 1) == 66.7
    assert round(perception_score(["difficile"])[0], 1) == 33.3
    assert perception_score(["tres_difficile"])[0] == 0
    assert perception_score(["nsp", "nsp"]) == (None, 0, None)
    score, n, ci = perception_score(["facile", "nsp", "difficile"])
    assert (score, n) == (50, 2)  # (66.67 + 33.33) / 2, « ne sait pas » not counted in n


def test_perception_interval_is_mean_plus_minus_196_sd_over_root_n() -> None:
    # Values 100, 66.67, 33.33, 0: mean 50; deviations ±50, ±16.67; sample variance (2·2500 + 2·277.78) / 3 =
    # 1851.85, sd 43.03; half width 1.96 × 43.03 / √4 = 42.17.
    score, n, ci = perception_score(["tres_facile", "facile", "difficile", "tres_difficile", "nsp"])
    assert (score, n) == (50, 4)
    assert ci is not None and (round(ci[0], 2), round(ci[1], 2)) == (7.83, 92.17)
    assert perception_score(["facile"])[2] is None  # one answer: no spread, no interval
    low, high = perception_score(["tres_facile"] * 9 + ["tres_difficile"])[2]  # 90 ± 1.96·31.62/3.16 = 90 ± 19.6
    assert round(low, 1) == 70.4 and high == 100.0  # clipped to the scale


def test_percentages_use_wilson_intervals() -> None:
    # 8 of 10: centre (0.8 + 1.92/10) / 1.384 = 0.7167; half 1.96/1.384 · √(0.016 + 0.0096) = 0.2266.
    score, n, ci = percent_yes(["oui"] * 8 + ["non"] * 2 + ["nsp"])
    assert (score, n) == (80, 10)
    assert (round(ci[0], 1), round(ci[1], 1)) == (49.0, 94.3)
    low, high = wilson_interval(0, 20)  # never a zero-width interval at 0 %: 0 – 16.1 %
    assert low == 0 and round(high, 1) == 16.1
    assert percent_yes([]) == (None, 0, None)


# --- the ⅔ rule and weights --------------------------------------------------------------------------------

def test_two_thirds_rule() -> None:
    assert combine([(60, 1), (30, 1), (None, 1)]) == 45  # 2 of 3 have a value: computed
    assert combine([(60, 1), (None, 1), (None, 1)]) is None  # 1 of 3: « n.d. »
    assert combine([(60, 1), (30, 1), (None, 1), (None, 1)]) is None  # 2 of 4 < ⅔
    assert combine([(60, 1), (30, 1), (90, 1), (None, 1)]) == 60  # 3 of 4
    assert combine([]) is None


def test_weights_are_a_weighted_mean() -> None:
    assert round(combine([(80, 2), (40, 1)]), 2) == 66.67  # (160 + 40) / 3


# --- cells of an edition -----------------------------------------------------------------------------------

FRAMEWORK = Framework(indicators=(
    Indicator("droit_soins", "sante", "droits", "legal"),
    Indicator("connait_droit", "sante", "droits", "knowledge"),
    Indicator("facilite_soins", "sante", "accessibilite", "perception"),
    Indicator("soins_obtenus", "sante", "accessibilite", "usage"),
    Indicator("interprete", "sante", "adaptation", "usage"),
))
LEGAL = {("droit_soins", None): 50, ("droit_soins", "irregulier"): 0}


def responses(region: str, count: int, answers: dict[str, str], **breakdowns: str) -> list[Response]:
    return [Response(region=region, answers=answers, **breakdowns) for _ in range(count)]


def test_national_is_computed_from_all_responses_not_from_regions() -> None:
    pool = (responses("oriental", 2, {"soins_obtenus": "oui"})
            + responses("souss_massa", 2, {"soins_obtenus": "oui"})
            + responses("souss_massa", 6, {"soins_obtenus": "non"}))
    cells = score_edition(FRAMEWORK, pool, LEGAL, ["oriental", "souss_massa"], min_n=1)
    assert cell_of(cells, "oriental", "soins_obtenus", "accessibilite").score == 100
    assert cell_of(cells, "souss_massa", "soins_obtenus", "accessibilite").score == 25
    national = cell_of(cells, "national", "soins_obtenus", "accessibilite")
    assert (national.score, national.n) == (40, 10)  # 4 yes of 10, not (100 + 25) / 2 = 62.5


def test_low_n_is_flagged_and_still_shown() -> None:
    pool = responses("oriental", 29, {"soins_obtenus": "oui", "facilite_soins": "facile"}) \
        + responses("souss_massa", 30, {"soins_obtenus": "non"})
    cells = score_edition(FRAMEWORK, pool, LEGAL, ["oriental", "souss_massa"], min_n=DEFAULT_MIN_N)
    small = cell_of(cells, "oriental", "soins_obtenus", "accessibilite")
    assert (small.score, small.n, small.flag) == (100, 29, "low_n")
    assert cell_of(cells, "souss_massa", "soins_obtenus", "accessibilite").flag is None
    # A dimension or sector with fewer respondents than the minimum behind it is flagged like an indicator.
    assert cell_of(cells, "oriental", dimension="accessibilite").flag == "low_n"
    assert cell_of(cells, "souss_massa", dimension="accessibilite").flag == "n.d."  # 1 of 2 indicators answered
    assert cell_of(cells, "national", dimension="accessibilite").flag is None  # 59 respondents
    empty = cell_of(cells, "oriental", "interprete", "adaptation")
    assert (empty.score, empty.n, empty.flag, empty.ci) == (None, 0, "n.d.", None)


def test_dimension_and_sector_rows_follow_the_rules() -> None:
    pool = responses("oriental", 40, {"connait_droit": "oui", "soins_obtenus": "oui", "facilite_soins": "facile"}) \
        + responses("oriental", 40, {"connait_droit": "non", "soins_obtenus": "non", "facilite_soins": "difficile"})
    cells = score_edition(FRAMEWORK, pool, LEGAL, ["oriental"], min_n=30)
    droits = cell_of(cells, "oriental", dimension="droits")
    assert (droits.score, droits.kind, droits.n, droits.indicator) == (50, "dimension", 80, None)  # (50 + 50) / 2
    access = cell_of(cells, "oriental", dimension="accessibilite")
    assert access.score == 50  # perception 50, usage 50
    adaptation = cell_of(cells, "oriental", dimension="adaptation")  # its only indicator has no answer
    assert (adaptation.score, adaptation.flag) == (None, "n.d.")
    sector = cell_of(cells, "oriental")
    assert sector.kind == "sector" and sector.dimension is None
    assert sector.score == 50  # 2 of 3 dimensions: mean of 50 and 50
    # Legal scores are national: the region carries them; by status the status's own score applies.
    assert cell_of(cells, "oriental", "droit_soins", "droits").score == 50
    by_status = score_edition(FRAMEWORK, pool, LEGAL, ["oriental"], min_n=30, status="irregulier")
    assert cell_of(by_status, "national", "droit_soins", "droits").score == 0
    legal_cell = cell_of(cells, "national", "droit_soins", "droits")
    assert (legal_cell.n, legal_cell.ci, legal_cell.flag) == (None, None, None)


def test_dimension_weights_apply_within_the_sector() -> None:
    weighted = Framework(indicators=FRAMEWORK.indicators, dimension_weights={("sante", "droits"): 3.0})
    pool = responses("oriental", 40, {"connait_droit": "oui", "soins_obtenus": "non", "interprete": "non",
                                      "facilite_soins": "tres_difficile"})
    cells = score_edition(weighted, pool, LEGAL, ["oriental"], min_n=30)
    # droits (50 + 100) / 2 = 75, weight 3; accessibilité 0; adaptation 0: (3·75 + 0 + 0) / 5 = 45.
    assert cell_of(cells, "oriental").score == 45


def test_change_only_where_both_editions_have_the_cell() -> None:
    before = score_edition(FRAMEWORK, responses("oriental", 10, {"soins_obtenus": "non"})
                           + responses("oriental", 10, {"soins_obtenus": "oui"}), LEGAL, ["oriental"], min_n=1)
    now = score_edition(FRAMEWORK, responses("oriental", 15, {"soins_obtenus": "oui", "interprete": "oui"})
                        + responses("oriental", 5, {"soins_obtenus": "non"}), LEGAL, ["oriental"], min_n=1)
    changed = with_changes(now, before)
    assert cell_of(changed, "oriental", "soins_obtenus", "accessibilite").change == 25  # 75 − 50
    assert cell_of(changed, "oriental", "interprete", "adaptation").change is None  # no value in the earlier edition
    assert cell_of(changed, "oriental", "droit_soins", "droits").change == 0


def test_gap_between_the_law_and_lived_access() -> None:
    pool = responses("oriental", 4, {"facilite_soins": "difficile", "soins_obtenus": "oui"}) + \
        responses("oriental", 4, {"facilite_soins": "difficile", "soins_obtenus": "non"})
    result = gaps(score_edition(FRAMEWORK, pool, LEGAL, ["oriental"], min_n=1))
    assert result["sante"]["legal"] == 50
    assert round(result["sante"]["perception"], 1) == 33.3
    assert result["sante"]["usage"] == 50  # the answered usage indicator; interprete has none
    assert result["justice"] == {"legal": None, "perception": None, "usage": None}


def test_rounding_never_prints_minus_zero() -> None:
    assert rounded(-0.04) == 0.0 and str(rounded(-0.04)) == "0.0"
    assert rounded(None) is None


def test_checked_values() -> None:
    from workshop.domain.barometer import checked_legal_score, checked_min_n, checked_weight

    assert checked_legal_score(50) == 50 and checked_min_n(30) == 30 and checked_weight(2) == 2.0
    for check, bad in ((checked_legal_score, 40), (checked_legal_score, True), (checked_min_n, 0),
                       (checked_min_n, "30"), (checked_weight, 0), (checked_weight, float("nan"))):
        with pytest.raises(DomainError):
            check(bad)
