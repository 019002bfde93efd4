from workshop.domain.ballots import Allocation
from workshop.domain.results import poll_results, scale_results


def test_poll_results_count_respondents_and_percentages() -> None:
    ballots = [[Allocation(0, 1)], [Allocation(0, 1), Allocation(2, 1)], [], [Allocation(1, 1)]]
    results = poll_results(["Santé", "Éducation", "Justice"], ballots)
    assert results["respondents"] == 3
    assert [(option["count"], option["percent"]) for option in results["options"]] == [(2, 66.7), (1, 33.3), (1, 33.3)]


def test_poll_results_with_no_answer() -> None:
    assert poll_results(["a", "b"], [])["options"][0] == {"index": 0, "label": "a", "count": 0, "percent": 0.0}


def test_scale_results() -> None:
    ballots = [[Allocation(0, 5), Allocation(1, 1)], [Allocation(0, 4)], [Allocation(0, 4), Allocation(1, 2)]]
    results = scale_results(["Accès aux soins", "Scolarisation"], ballots, minimum=1, maximum=5)
    first, second = results["items"]
    assert results["respondents"] == 3
    assert (first["count"], first["mean"], first["median"], first["distribution"]) == (3, 4.33, 4, [0, 0, 0, 2, 1])
    assert (second["count"], second["mean"], second["median"]) == (2, 1.5, 1.5)
