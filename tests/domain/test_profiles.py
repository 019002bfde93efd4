import pytest

from workshop.domain.errors import DomainError
from workshop.domain.profiles import checked_profile


def test_profile_is_optional() -> None:
    assert checked_profile(None, None) == (None, {})
    assert checked_profile("   ", {"region": ""}) == (None, {})


def test_tags_come_from_the_lists() -> None:
    assert checked_profile("Awa", {"organisation_type": "opm", "region": "casablanca_settat"}) == (
        "Awa", {"organisation_type": "opm", "region": "casablanca_settat"})
    with pytest.raises(DomainError, match="unknown_tag"):
        checked_profile(None, {"phone": "0600000000"})
    with pytest.raises(DomainError, match="unknown_tag"):
        checked_profile(None, {"region": "Paris"})


def test_pseudonym_length() -> None:
    with pytest.raises(DomainError, match="text_too_long"):
        checked_profile("x" * 41, {})


def test_small_groups_are_pooled_into_other_and_dropped_when_still_small() -> None:
    from workshop.domain.profiles import pooled_groups

    members = {"opm": list(range(6)), "research": [1], "international": [2, 3], "other": [4], "association": [5, 6]}
    assert pooled_groups(members, 5) == [("opm", list(range(6))), ("other", [5, 6, 2, 3, 4, 1])]
    assert pooled_groups({"opm": list(range(6)), "research": [1]}, 5) == [("opm", list(range(6)))]
    assert pooled_groups({"research": [1]}, 1) == [("research", [1])]
    for min_n in range(1, 8):
        for _name, values in pooled_groups(members, min_n):
            assert len(values) >= min_n
