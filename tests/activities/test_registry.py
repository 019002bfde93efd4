import pytest

from workshop.activities import REGISTRY, ActivityType, ConfigContext, ResultInput, activity_type
from workshop.activities.base import register
from workshop.domain.errors import DomainError

NO_SIBLINGS = ConfigContext(type_of_activity=lambda _activity_id: None, prompt="Question ?")


def test_the_five_live_room_types_are_registered() -> None:
    assert {"brainstorm", "word_cloud", "poll", "scale", "dot_voting"} <= set(REGISTRY)


def test_registering_a_name_twice_is_an_error() -> None:
    class Again(ActivityType):
        name = "brainstorm"
        input_kind = "idea"

        def results(self, config, data):  # type: ignore[no-untyped-def]
            return {}

    with pytest.raises(RuntimeError, match="registered twice"):
        register(Again)


def test_unknown_type() -> None:
    with pytest.raises(DomainError) as refused:
        activity_type("karaoke")
    assert refused.value.code == "unknown_activity_type"
    with pytest.raises(DomainError):
        activity_type(["brainstorm"])


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_type_declares_its_input_and_computes_results(name: str) -> None:
    kind = REGISTRY[name]
    assert kind.input_kind in ("idea", "ballot")
    assert type(kind).results is not ActivityType.results


def test_config_validation_refuses_wrong_types_instead_of_coercing() -> None:
    with pytest.raises(DomainError) as refused:
        activity_type("brainstorm").validate_config({"max_length": "280"}, NO_SIBLINGS)
    assert (refused.value.code, refused.value.params["field"]) == ("invalid_config", "max_length")
    with pytest.raises(DomainError) as refused:
        activity_type("brainstorm").validate_config({"live_results": "yes"}, NO_SIBLINGS)
    assert refused.value.code == "invalid_config"
    with pytest.raises(DomainError) as refused:
        activity_type("brainstorm").validate_config({"max_per_participant": 0}, NO_SIBLINGS)
    assert refused.value.code == "config_out_of_range"


def test_results_of_an_empty_activity() -> None:
    empty = ResultInput(ideas=[], targets=[], ballots=[])
    assert activity_type("brainstorm").results({}, empty) == {
        "ideas": 0, "contributors": 0, "board": {"clusters": [], "unclustered": []}}
