import pytest

from workshop.activities import ConfigContext, IdeaView, ResultInput, activity_type
from workshop.domain.ballots import Allocation as A
from workshop.domain.errors import DomainError

CLUSTERS = [IdeaView(10, "Santé"), IdeaView(20, "Papiers"), IdeaView(30, "École")]
TARGETS = frozenset({10, 20, 30})


def context(has_strategy: bool = False) -> ConfigContext:
    return ConfigContext(type_of_activity={7: "brainstorm", 8: "poll"}.get, prompt="Priorités ?", has_strategy=has_strategy)


def refused(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    return error.value.code


class TestCriteriaScoring:
    kind = activity_type("criteria_scoring")

    def config(self, **extra):  # type: ignore[no-untyped-def]
        return self.kind.validate_config({"source_activity_id": 7, "target": "clusters",
                                          "criteria": ["impact", "faisabilite", "risque"], **extra}, context())

    def test_config_picks_criteria_and_weights(self) -> None:
        config = self.config(weights={"impact": 2})
        assert config["weights"] == {"impact": 2, "faisabilite": 1, "risque": 1}
        assert refused(lambda: self.config(criteria=["beauty"])) == "unknown_criterion"
        assert refused(lambda: self.config(weights={"impact": -1})) == "invalid_weight"
        assert refused(lambda: self.config(weights={"impact": 0, "faisabilite": 0, "risque": 0})) == "weights_all_zero"
        assert refused(lambda: self.kind.validate_config({"target": "axes"}, context())) == "no_strategy"
        assert self.kind.validate_config({"target": "axes"}, context(has_strategy=True))["target"] == "axes"

    def test_ballot_checks(self) -> None:
        config = self.config()
        self.kind.check_ballot(config, [A(10, 5, "impact"), A(10, 2, "risque"), A(20, 1, "impact")], TARGETS)
        assert refused(lambda: self.kind.check_ballot(config, [A(10, 6, "impact")], TARGETS)) == "score_out_of_range"
        assert refused(lambda: self.kind.check_ballot(config, [A(10, 3, "urgence")], TARGETS)) == "unknown_criterion"
        assert refused(lambda: self.kind.check_ballot(config, [A(99, 3, "impact")], TARGETS)) == "unknown_target"

    def test_scores_ranks_agreement_and_groups(self) -> None:
        config = self.config(weights={"impact": 2, "faisabilite": 1, "risque": 1})
        ballots = [
            [A(10, 5, "impact"), A(10, 4, "faisabilite"), A(10, 1, "risque"), A(20, 3, "impact")],
            [A(10, 5, "impact"), A(10, 4, "faisabilite"), A(10, 1, "risque"), A(20, 1, "impact")],
            [A(10, 3, "impact"), A(20, 5, "impact"), A(20, 5, "faisabilite")],
        ]
        tags = [{"organisation_type": "opm"}, {"organisation_type": "opm"}, {"organisation_type": "association"}]
        results = self.kind.results(config, ResultInput([], CLUSTERS, ballots, ballot_tags=tags))
        first, second, third = results["items"]
        # Santé: impact mean 13/3 → (13/3−1)/4 = 5/6; faisabilité 4 → 3/4; risque 1 reversed → 5 → 1.
        # (2×5/6 + 3/4 + 1) / 4 × 100 = 85.4166… → 85.4
        assert (first["text"], first["score"], first["rank"], first["respondents"]) == ("Santé", 85.4, 1, 3)
        # Papiers: impact 3 → 1/2; faisabilité 5 → 1; (2×1/2 + 1) / 3 × 100 = 66.7
        assert (second["text"], second["score"], second["rank"]) == ("Papiers", 66.7, 2)
        assert (third["text"], third["score"], third["rank"]) == ("École", None, None)
        assert first["criteria"] == {"impact": 4.3, "faisabilite": 4.0, "risque": 1.0}
        assert first["agreement"]["label"] in ("consensus", "mixed", "divided")
        assert results["unscored"] == [30]
        assert results["groups"] == {}  # three people: no group reaches the default minimum n (5)
        alone = self.kind.results(config, ResultInput([], CLUSTERS, ballots, ballot_tags=tags, min_group_size=1))
        association, opm = alone["groups"]["organisation_type"]
        assert (opm["group"], opm["n"]) == ("opm", 2)
        assert association["items"]["20"]["score"] == 100.0
        # With a minimum of 2, the lone association is pooled into « other », still one: left out.
        pooled = self.kind.results(config, ResultInput([], CLUSTERS, ballots, ballot_tags=tags, min_group_size=2))
        assert [(group["group"], group["n"]) for group in pooled["groups"]["organisation_type"]] == [("opm", 2)]
        assert results["sensitivity"]["stable"] in (True, False)
        assert results["tie_break"] == "score_then_votes_then_respondents_then_earliest"


class TestMatrix:
    kind = activity_type("matrix")

    def test_placements_need_both_axes_and_give_a_quadrant(self) -> None:
        config = self.kind.validate_config({"source_activity_id": 7, "target": "clusters"}, context())
        assert refused(lambda: self.kind.check_ballot(config, [A(10, 4, "impact")], TARGETS)) == "placement_incomplete"
        assert refused(lambda: self.kind.check_ballot(config, [A(10, 4, "cost"), A(10, 4, "impact")], TARGETS)) == \
            "unknown_criterion"
        ballots = [[A(10, 5, "impact"), A(10, 4, "feasibility"), A(20, 2, "impact"), A(20, 1, "feasibility")],
                   [A(10, 3, "impact"), A(10, 2, "feasibility")]]
        items = {item["text"]: item for item in self.kind.results(config, ResultInput([], CLUSTERS, ballots))["items"]}
        assert (items["Santé"]["impact"], items["Santé"]["feasibility"], items["Santé"]["quadrant"]) == (4.0, 3.0, "quick_wins")
        assert items["Papiers"]["quadrant"] == "thankless"
        assert (items["École"]["n"], items["École"]["quadrant"]) == (0, None)


class TestRanking:
    kind = activity_type("ranking")

    def test_positions_must_be_one_to_k(self) -> None:
        config = self.kind.validate_config({"source_activity_id": 7, "target": "clusters"}, context())
        self.kind.check_ballot(config, [A(20, 1), A(10, 2)], TARGETS)
        assert refused(lambda: self.kind.check_ballot(config, [A(20, 1), A(10, 3)], TARGETS)) == "invalid_ranking"
        assert refused(lambda: self.kind.check_ballot(config, [A(20, 1), A(10, 1)], TARGETS)) == "invalid_ranking"

    def test_borda(self) -> None:
        config = self.kind.validate_config({"source_activity_id": 7, "target": "clusters"}, context())
        ballots = [[A(20, 1), A(10, 2), A(30, 3)], [A(10, 1), A(20, 2), A(30, 3)], [A(20, 1)]]
        results = self.kind.results(config, ResultInput([], CLUSTERS, ballots))
        # 3 items: first 2 points, second 1, third 0; the third ballot leaves 10 and 30 sharing (3−1−1)/2 = 0.5.
        assert [(item["text"], item["points"], item["rank"]) for item in results["items"]] == [
            ("Papiers", 5.0, 1), ("Santé", 3.5, 2), ("École", 0.5, 3)]


class TestPoints100:
    kind = activity_type("points_100")

    def test_exactly_one_hundred(self) -> None:
        config = self.kind.validate_config({"source_activity_id": 7, "target": "clusters"}, context())
        self.kind.check_ballot(config, [A(10, 60), A(20, 40)], TARGETS)
        assert refused(lambda: self.kind.check_ballot(config, [A(10, 60)], TARGETS)) == "points_total_not_100"
        assert refused(lambda: self.kind.check_ballot(config, [A(10, 60), A(20, 50)], TARGETS)) == "over_budget"
        loose = self.kind.validate_config({"source_activity_id": 7, "target": "clusters", "exact": False}, context())
        self.kind.check_ballot(loose, [A(10, 60)], TARGETS)

    def test_totals_and_ranks(self) -> None:
        config = self.kind.validate_config({"source_activity_id": 7, "target": "clusters"}, context())
        ballots = [[A(10, 60), A(20, 40)], [A(20, 100)]]
        results = self.kind.results(config, ResultInput([], CLUSTERS, ballots))
        assert [(item["text"], item["total"], item["mean"], item["supporters"]) for item in results["items"]] == [
            ("Papiers", 140, 70.0, 2), ("Santé", 60, 30.0, 1), ("École", 0, 0.0, 0)]
