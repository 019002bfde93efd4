import pytest

from workshop.domain.axes import (FIELD_SPECS, check_parent, checked_fields, empty_fields, power_interest_quadrant,
                                  risk_level)
from workshop.domain.errors import DomainError


def test_a_blank_record_has_every_field() -> None:
    blank = empty_fields()
    assert set(blank) == set(FIELD_SPECS)
    assert blank["problem"] == {"central": "", "causes": [], "effects": [], "evidence": []}
    assert blank["asks"] == [] and blank["objectives"]["change_type"] is None


def test_fields_are_cleaned_and_blank_rows_dropped() -> None:
    fields = checked_fields({
        "problem": {"central": " Accès\u202e aux soins ", "causes": ["Coût", "", "  "]},
        "asks": [{"measure": "Circulaire", "decision_maker": "Ministère de la Santé", "instrument": "circular",
                  "level": "national"}, {"measure": "", "decision_maker": ""}],
        "actors": [{"name": "Conseil régional", "role": "primary_target", "influence": 5, "interest": 2,
                    "alignment": -1}],
    })
    assert fields["problem"]["central"] == "Accès aux soins"
    assert fields["problem"]["causes"] == ["Coût"]
    assert len(fields["asks"]) == 1 and fields["asks"][0]["instrument"] == "circular"
    assert fields["actors"][0]["alignment"] == -1


@pytest.mark.parametrize(("raw", "code"), [
    ({"colour": "red"}, "unknown_field"),
    ({"problem": {"central": "x", "size": 3}}, "unknown_field"),
    ({"asks": [{"instrument": "tweet"}]}, "invalid_choice"),
    ({"actors": [{"name": "x", "influence": 6}]}, "config_out_of_range"),
    ({"actors": [{"name": "x", "alignment": 3}]}, "config_out_of_range"),
    ({"risks": [{"description": "x", "probability": 5}]}, "config_out_of_range"),
    ({"asks": "all of them"}, "invalid_type"),
    ({"problem": {"central": "x" * 4001}}, "text_too_long"),
    ({"windows": [{"event": "x"}] * 51}, "too_many_rows"),
    ("not an object", "invalid_type"),
])
def test_bad_fields_are_refused(raw: object, code: str) -> None:
    with pytest.raises(DomainError) as refused:
        checked_fields(raw)
    assert refused.value.code == code


def test_grids() -> None:
    assert risk_level(3, 4) == 12 and risk_level(None, 4) is None
    assert power_interest_quadrant(5, 4) == "manage_closely"
    assert power_interest_quadrant(4, 1) == "keep_satisfied"
    assert power_interest_quadrant(1, 5) == "keep_informed"
    assert power_interest_quadrant(2, 2) == "monitor"


def test_parent_links() -> None:
    sri = {"kind": "sri", "parent_strategy_id": 1}
    check_parent(sri, {"id": 5, "strategy_id": 1}, {5: None})
    check_parent(sri, None, {})
    with pytest.raises(DomainError, match="parent_not_allowed"):
        check_parent({"kind": "sni", "parent_strategy_id": None}, {"id": 5, "strategy_id": 1}, {})
    with pytest.raises(DomainError, match="parent_outside_sni"):
        check_parent(sri, {"id": 6, "strategy_id": 2}, {})
    with pytest.raises(DomainError, match="parent_cycle"):
        check_parent(sri, {"id": 5, "strategy_id": 1}, {5: 7, 7: 5})
