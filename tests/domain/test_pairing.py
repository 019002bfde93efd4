"""The anonymous pairing code, pairing by key, and the paired change with its t interval."""
from __future__ import annotations

import math
import statistics

import pytest

from workshop.domain.errors import DomainError
from workshop.domain.pairing import paired_change, pairing_code, t_cdf, t_quantile, unique_by_key


@pytest.mark.parametrize("typed, code", [
    ("FA07", "FA07"), ("fa-7", "FA07"), (" Fa 07 ", "FA07"), ("fâ12", "FA12"), ("Ér/3", "ER03"),
    ("فا 3", "فا03"), ("أم٠٥", "ام05"), ("إم 5", "ام05"),
])
def test_a_code_made_again_in_another_way_is_the_same_code(typed: str, code: str) -> None:
    assert pairing_code(typed) == code


@pytest.mark.parametrize("typed", ["", "F07", "FAT07", "FA13", "FA0", "FA", "07FA", "FA 1 2", "F4 07", "FA007",
                                   "Fatima", "FA!07", 7, None, "F" * 30])
def test_what_cannot_be_made_again_the_same_way_is_refused(typed: object) -> None:
    with pytest.raises(DomainError) as refused:
        pairing_code(typed)
    assert refused.value.code == "invalid_pairing_code"


def test_keys_given_twice_are_left_out_and_counted() -> None:
    keyed = unique_by_key([("FA07", 1), ("MO03", 2), ("FA07", 3), (None, 4), ("ZA11", 5)])
    assert keyed.by_key == {"MO03": 2, "ZA11": 5}
    assert keyed.ambiguous == 2
    assert keyed.without_key == 1


# Student's t 97.5 % quantiles from the printed tables (to their four decimals).
@pytest.mark.parametrize("df, quantile", [(1, 12.7062), (2, 4.3027), (4, 2.7764), (9, 2.2622), (19, 2.0930),
                                          (29, 2.0452), (120, 1.9799)])
def test_the_t_quantile_matches_the_tables(df: int, quantile: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(quantile, abs=5e-5)
    assert t_quantile(0.025, df) == pytest.approx(-quantile, abs=5e-5)


def test_the_t_distribution_tends_to_the_normal_one() -> None:
    assert t_quantile(0.975, 100_000) == pytest.approx(statistics.NormalDist().inv_cdf(0.975), abs=1e-4)
    assert t_cdf(0.0, 7) == 0.5
    # One degree of freedom is the Cauchy distribution: P(T ≤ t) = 1/2 + atan(t)/π.
    assert t_cdf(2.0, 1) == pytest.approx(0.5 + math.atan(2.0) / math.pi, abs=1e-12)


def test_the_paired_change_pairs_by_key_and_gives_the_t_interval() -> None:
    before = {"a": 20.0, "b": 40.0, "c": 60.0, "d": 50.0, "only_before": 10.0}
    after = {"a": 60.0, "b": 60.0, "c": 60.0, "d": 40.0, "only_after": 90.0}
    change = paired_change(before, after)
    changes = [40.0, 20.0, 0.0, -10.0]
    assert change.n == 4
    assert change.mean_change == pytest.approx(12.5)
    assert (change.before_mean, change.after_mean) == (pytest.approx(42.5), pytest.approx(55.0))
    half = 3.182446305284263 * statistics.stdev(changes) / 2  # t(0.975, 3) · s / √4
    assert change.interval == (pytest.approx(12.5 - half, abs=1e-6), pytest.approx(12.5 + half, abs=1e-6))
    assert (change.improved, change.unchanged, change.worsened) == (2, 1, 1)
    assert change.improved_share == 0.5


def test_one_pair_has_no_interval_and_none_has_no_mean() -> None:
    one = paired_change({"a": 10.0}, {"a": 30.0})
    assert (one.n, one.mean_change, one.interval, one.improved) == (1, 20.0, None, 1)
    none = paired_change({"a": 10.0}, {"b": 30.0})
    assert (none.n, none.mean_change, none.interval, none.improved_share) == (0, None, None, None)


def test_identical_changes_give_an_interval_of_that_value() -> None:
    change = paired_change({"a": 10.0, "b": 20.0}, {"a": 30.0, "b": 40.0})
    assert change.interval == (20.0, 20.0)
