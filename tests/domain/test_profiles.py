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


def test_the_optional_sex_tag_takes_woman_man_or_prefer_not_to_say() -> None:
    for value in ("femme", "homme", "non_dit"):
        assert checked_profile(None, {"sex": value}) == (None, {"sex": value})
    assert checked_profile(None, {"sex": ""}) == (None, {})  # left blank: no tag at all
    with pytest.raises(DomainError, match="unknown_tag"):
        checked_profile(None, {"sex": "F"})


def test_small_groups_are_pooled_into_other_and_dropped_when_still_small() -> None:
    from workshop.domain.profiles import pooled_groups

    members = {"opm": list(range(6)), "research": [1], "international": [2, 3], "other": [4], "association": [5, 6]}
    assert pooled_groups(members, 5) == [("opm", list(range(6))), ("other", [5, 6, 2, 3, 4, 1])]
    assert pooled_groups({"opm": list(range(6)), "research": [1]}, 5) == [("opm", list(range(6)))]
    assert pooled_groups({"research": [1]}, 1) == [("research", [1])]
    for min_n in range(1, 8):
        for _name, values in pooled_groups(members, min_n):
            assert len(values) >= min_n


def test_the_organisation_tag_takes_one_of_the_events_organisations() -> None:
    assert checked_profile(None, {"organisation": "aas"}, ["aas", "vfm"]) == (None, {"organisation": "aas"})
    for value in ("autre", ["aas"]):
        with pytest.raises(DomainError, match="unknown_tag"):
            checked_profile(None, {"organisation": value}, ["aas", "vfm"])
    with pytest.raises(DomainError, match="unknown_tag"):  # an event without organisations takes none
        checked_profile(None, {"organisation": "aas"})
