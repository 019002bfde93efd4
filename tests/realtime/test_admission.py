"""Issue 7 §6: new identities and wrong room codes are limited per connection and per address, with a clear message."""
from __future__ import annotations

import pytest

from workshop.domain.budgets import KeyedBudget
from workshop.domain.errors import DomainError
from workshop.services.admission import Admission, AdmissionLimits


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def refused(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    return error.value.code


def test_new_identities_per_connection_and_per_address() -> None:
    clock = Clock()
    admission = Admission(AdmissionLimits(identities_per_address=5, identities_per_address_per_second=1,
                                          identities_per_connection=2), clock)
    admission.new_identity("10.0.0.7", "c1")
    admission.new_identity("10.0.0.7", "c1")
    assert refused(lambda: admission.new_identity("10.0.0.7", "c1")) == "too_many_identities"
    for connection in ("c2", "c3", "c4"):
        admission.new_identity("10.0.0.7", connection)
    assert refused(lambda: admission.new_identity("10.0.0.7", "c5")) == "too_many_identities"
    admission.new_identity("10.0.0.8", "c6")  # another address has its own budget
    clock.now = 1.0
    admission.new_identity("10.0.0.7", "c7")  # the address's budget refills; a connection's never does
    assert refused(lambda: admission.new_identity("10.0.0.7", "c1")) == "too_many_identities"


def test_wrong_codes_are_limited_and_right_ones_cost_nothing() -> None:
    clock = Clock()
    admission = Admission(AdmissionLimits(wrong_codes_per_address=100, wrong_codes_per_connection=3,
                                          wrong_codes_per_connection_per_second=0.5), clock)
    for _ in range(3):
        admission.check_code_attempt("10.0.0.7", "c1")
        admission.wrong_code("10.0.0.7", "c1")
    assert refused(lambda: admission.check_code_attempt("10.0.0.7", "c1")) == "too_many_attempts"
    admission.check_code_attempt("10.0.0.7", "c2")
    clock.now = 2.0
    admission.check_code_attempt("10.0.0.7", "c1")


def test_keyed_budget_holds_a_bounded_number_of_keys() -> None:
    budget = KeyedBudget(1, 0.0, Clock(), max_keys=3)
    for key in "abcd":
        assert budget.take(key)
    assert not budget.take("d") and len(budget._buckets) == 3


def test_wrong_codes_over_the_socket_end_in_a_clear_refusal(app, connect, room) -> None:
    app.extensions["workshop_admission"].__init__(AdmissionLimits(wrong_codes_per_connection=100,
                                                                  wrong_codes_per_address=4,
                                                                  wrong_codes_per_address_per_second=0.001))
    for index in range(4):
        assert not connect(code=f"ZZZZZ{index}", role="participant").is_connected()
    # The right code is refused too now, from this address, until the budget refills: scanning stops here.
    assert not connect(code=room["code"], role="participant").is_connected()
    page = app.test_client().get(f"/join?code={room['code']}&lang=en")
    assert page.status_code == 429 and "Too many wrong room codes" in page.get_data(as_text=True)


def test_new_phones_over_the_socket_are_limited_per_address(app, connect, room) -> None:
    app.extensions["workshop_admission"].__init__(AdmissionLimits(identities_per_address=3,
                                                                  identities_per_address_per_second=0.001))
    phones = [connect(code=room["code"], role="participant") for _ in range(4)]
    assert [phone.is_connected() for phone in phones] == [True, True, True, False]
    token = phones[0].get_received()[0]["args"][0]["participant_token"]
    assert connect(code=room["code"], role="participant", token=token).is_connected()  # a known phone comes back
