import pytest

from workshop.activities import ClusterView, ConfigContext, IdeaView, ResultInput, activity_type
from workshop.domain.ballots import Allocation
from workshop.domain.errors import DomainError


def context(siblings: dict[int, str] | None = None) -> ConfigContext:
    siblings = siblings or {}
    return ConfigContext(type_of_activity=siblings.get, prompt="Quelles priorités pour l'accès à la santé ?")


def refused_code(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value.code


class TestBrainstorm:
    kind = activity_type("brainstorm")

    def test_defaults(self) -> None:
        assert self.kind.validate_config({}, context()) == {"live_results": True, "max_length": 280,
                                                            "max_per_participant": 5}

    def test_limits(self) -> None:
        config = self.kind.validate_config({"max_length": 20, "max_per_participant": 2}, context())
        self.kind.check_idea(config, "x" * 20, 1)
        assert refused_code(lambda: self.kind.check_idea(config, "x" * 21, 0)) == "text_too_long"
        assert refused_code(lambda: self.kind.check_idea(config, "ok", 2)) == "too_many_ideas"

    def test_ballots_are_not_its_input(self) -> None:
        assert refused_code(lambda: self.kind.check_ballot({}, [], frozenset())) == "wrong_input_kind"

    def test_results_count_visible_ideas_and_contributors(self) -> None:
        ideas = [IdeaView(1, "a", participant_key="p1"), IdeaView(2, "b", hidden=True, participant_key="p1"),
                 IdeaView(3, "c", merged_into_id=1, participant_key="p2"), IdeaView(4, "d", participant_key="p3")]
        results = self.kind.results({}, ResultInput(ideas, [], []))
        assert (results["ideas"], results["contributors"]) == (2, 3)
        assert results["board"] == {"clusters": [], "unclustered": [{"id": 1, "text": "a"}, {"id": 4, "text": "d"}]}

    def test_the_board_groups_wall_ideas_by_cluster_in_board_order(self) -> None:
        ideas = [IdeaView(1, "a", cluster_id=20), IdeaView(2, "b", cluster_id=10), IdeaView(3, "c"),
                 IdeaView(4, "d", hidden=True, cluster_id=10), IdeaView(5, "e", cluster_id=99)]
        board = self.kind.results({}, ResultInput(ideas, [], [], clusters=[ClusterView(10, "Santé"),
                                                                           ClusterView(20, "Papiers")]))["board"]
        assert board == {"clusters": [{"id": 10, "label": "Santé", "ideas": [{"id": 2, "text": "b"}]},
                                      {"id": 20, "label": "Papiers", "ideas": [{"id": 1, "text": "a"}]}],
                         "unclustered": [{"id": 3, "text": "c"}, {"id": 5, "text": "e"}]}


class TestWordCloud:
    kind = activity_type("word_cloud")

    def test_one_to_three_words(self) -> None:
        config = self.kind.validate_config({"max_words": 2}, context())
        self.kind.check_idea(config, "accès soins", 0)
        assert refused_code(lambda: self.kind.check_idea(config, "accès aux soins", 0)) == "too_many_words"
        assert refused_code(lambda: self.kind.validate_config({"max_words": 4}, context())) == "config_out_of_range"

    def test_frequencies_skip_stop_words_and_hidden_answers_but_keep_merged_ones(self) -> None:
        ideas = [IdeaView(1, "L'accès aux soins"), IdeaView(2, "accès", merged_into_id=1),
                 IdeaView(3, "papiers", hidden=True), IdeaView(4, "les papiers", approved=False)]
        results = self.kind.results(self.kind.validate_config({}, context()), ResultInput(ideas, [], []))
        # Short answers are phrases: « l'accès aux soins » counts as « accès aux soins », not as two words.
        assert (results["answers"], results["frequencies"]) == (2, [["accès", 1], ["accès aux soins", 1]])


class TestPoll:
    kind = activity_type("poll")

    def test_single_choice(self) -> None:
        config = self.kind.validate_config({"options": ["Santé", "Éducation", "Justice"]}, context())
        assert (config["multiple"], config["max_choices"]) == (False, 1)
        self.kind.check_ballot(config, [Allocation(2, 1)], frozenset())
        assert refused_code(lambda: self.kind.check_ballot(config, [Allocation(0, 1), Allocation(1, 1)],
                                                           frozenset())) == "too_many_choices"
        assert refused_code(lambda: self.kind.check_ballot(config, [Allocation(3, 1)], frozenset())) == "unknown_target"
        assert refused_code(lambda: self.kind.check_ballot(config, [Allocation(0, 2)], frozenset())) == "over_item_limit"

    def test_multiple_choice_with_a_cap(self) -> None:
        config = self.kind.validate_config({"options": ["a", "b", "c", "d"], "multiple": True, "max_choices": 2},
                                           context())
        self.kind.check_ballot(config, [Allocation(0, 1), Allocation(3, 1)], frozenset())
        assert refused_code(lambda: self.kind.check_ballot(
            config, [Allocation(0, 1), Allocation(1, 1), Allocation(2, 1)], frozenset())) == "too_many_choices"

    def test_options_are_required_and_cleaned(self) -> None:
        assert refused_code(lambda: self.kind.validate_config({"options": ["seule"]}, context())) == "config_out_of_range"
        assert refused_code(lambda: self.kind.validate_config({}, context())) == "invalid_config"
        assert self.kind.validate_config({"options": [" a\u202e ", "b"]}, context())["options"] == ["a", "b"]


class TestScale:
    kind = activity_type("scale")

    def test_defaults_to_the_prompt_as_single_item(self) -> None:
        config = self.kind.validate_config({}, context())
        assert config["items"] == ["Quelles priorités pour l'accès à la santé ?"]
        assert (config["minimum"], config["maximum"]) == (1, 5)

    def test_scores_between_one_and_five(self) -> None:
        config = self.kind.validate_config({"items": ["a", "b"], "labels": ["1", "2", "3", "4", "5"]}, context())
        self.kind.check_ballot(config, [Allocation(0, 1), Allocation(1, 5)], frozenset())
        assert refused_code(lambda: self.kind.check_ballot(config, [Allocation(0, 6)], frozenset())) == "score_out_of_range"
        assert refused_code(lambda: self.kind.check_ballot(config, [Allocation(2, 3)], frozenset())) == "unknown_target"
        assert refused_code(lambda: self.kind.validate_config({"labels": ["a", "b"]}, context())) == "config_out_of_range"


class TestDotVoting:
    kind = activity_type("dot_voting")

    def test_needs_an_idea_activity_of_the_same_room(self) -> None:
        assert refused_code(lambda: self.kind.validate_config({}, context())) == "invalid_config"
        assert refused_code(lambda: self.kind.validate_config({"source_activity_id": 9}, context())) == "unknown_activity"
        assert refused_code(lambda: self.kind.validate_config(
            {"source_activity_id": 9}, context({9: "poll"}))) == "invalid_source_activity"
        config = self.kind.validate_config({"source_activity_id": 9, "budget": 4}, context({9: "brainstorm"}))
        assert config == {"live_results": False, "target": "ideas", "source_activity_id": 9, "budget": 4,
                          "max_per_item": 3}
        assert self.kind.validate_config({"source_activity_id": 9, "target": "clusters"},
                                         context({9: "brainstorm"}))["target"] == "clusters"
        assert refused_code(lambda: self.kind.validate_config(
            {"source_activity_id": 9, "target": "people"}, context({9: "brainstorm"}))) == "invalid_config"
        assert refused_code(lambda: self.kind.validate_config({"target": "axes"}, context())) == "no_strategy"
        assert refused_code(lambda: self.kind.validate_config(
            {"source_activity_id": 9, "budget": 2, "max_per_item": 3}, context({9: "brainstorm"}))) == "config_out_of_range"

    def test_results_rank_on_wall_ideas_with_merged_votes(self) -> None:
        config = {"source_activity_id": 9, "budget": 5, "max_per_item": 3, "live_results": False}
        targets = [IdeaView(1, "Accès aux soins"), IdeaView(2, "Cartes de séjour"), IdeaView(3, "Soins", merged_into_id=1),
                   IdeaView(4, "Caché", hidden=True), IdeaView(5, "École")]
        ballots = [[Allocation(2, 3), Allocation(1, 1)], [Allocation(3, 3)], [Allocation(4, 2)], []]
        results = self.kind.results(config, ResultInput([], targets, ballots))
        assert results["voters"] == 3
        assert [(item["id"], item["points"], item["voters"], item["rank"]) for item in results["items"]] == [
            (1, 4, 2, 1), (2, 3, 1, 2), (5, 0, 0, 3)]
