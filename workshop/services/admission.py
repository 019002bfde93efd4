"""Who may knock how often: new participant identities and wrong room codes, per connection and per address.

A phone that drops its token gets a new participant, and with it a new write allowance; a script that tries room
codes learns which exist. Both are limited here, in memory, before any database work — generously for addresses,
since a whole venue reaches the laptop from one Wi-Fi address. Addresses are keys of a budget, never logged.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.budgets import KeyedBudget
from ..domain.errors import DomainError


@dataclass(frozen=True)
class AdmissionLimits:
    # New identities: a venue of 500 behind one address joins within a few minutes; a script does not get 1,000.
    identities_per_address: int = 500
    identities_per_address_per_second: float = 2.0
    identities_per_connection: int = 3  # a connection may reconnect its namespace, not mint participants
    # Wrong room codes: a typo or two per person; not a scan of the code space.
    wrong_codes_per_address: int = 60
    wrong_codes_per_address_per_second: float = 0.5
    wrong_codes_per_connection: int = 10
    wrong_codes_per_connection_per_second: float = 0.2


class Admission:
    def __init__(self, limits: AdmissionLimits = AdmissionLimits(), clock: Callable[[], float] = time.monotonic) -> None:
        self._identities_by_address = KeyedBudget(limits.identities_per_address,
                                                  limits.identities_per_address_per_second, clock)
        self._identities_by_connection = KeyedBudget(limits.identities_per_connection, 0.0, clock)
        self._codes_by_address = KeyedBudget(limits.wrong_codes_per_address, limits.wrong_codes_per_address_per_second,
                                             clock)
        self._codes_by_connection = KeyedBudget(limits.wrong_codes_per_connection,
                                                limits.wrong_codes_per_connection_per_second, clock)
        self._lock = threading.Lock()

    def check_code_attempt(self, address: str, connection: str) -> None:
        """Refuse ``too_many_attempts`` while this address or connection has used up its wrong codes."""
        with self._lock:
            if not (self._codes_by_address.available(address) and self._codes_by_connection.available(connection)):
                raise DomainError("too_many_attempts")

    def wrong_code(self, address: str, connection: str) -> None:
        with self._lock:
            self._codes_by_address.take(address)
            self._codes_by_connection.take(connection)

    def new_identity(self, address: str, connection: str) -> None:
        """Count one new participant for this address and connection, or refuse ``too_many_identities``."""
        with self._lock:
            if not (self._identities_by_address.available(address)
                    and self._identities_by_connection.available(connection)):
                raise DomainError("too_many_identities")
            self._identities_by_address.take(address)
            self._identities_by_connection.take(connection)
