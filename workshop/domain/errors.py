"""The one exception the rules raise: a stable machine code plus the values a message needs."""
from __future__ import annotations


class DomainError(Exception):
    """A refused request; ``code`` is part of the public contract (docs/events.md)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"DomainError({self.code!r}, {self.params!r})"
