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
