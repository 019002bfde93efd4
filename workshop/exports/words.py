"""The words of one report: its labels translated, by key, and numbers written as its language writes them.

The report builder makes one ``Words`` per report; activity types write their report section with it.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..domain.languages import decimal_number


def plain_number(value: Any) -> str:
    """A table cell's number: one decimal for a mean or a score, an en dash for nothing."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class Words:
    """Translated labels, by key; ``of(prefix, code)`` names a code (a region, a quadrant...)."""

    def __init__(self, labels: Mapping[str, str], translate: Callable[[str], str], language: str) -> None:
        self.translate = translate
        self.language = language
        self.labels = {key: translate(text) for key, text in labels.items()}

    def number(self, value: Any) -> str:
        return decimal_number(plain_number(value), self.language)

    def __getitem__(self, key: str) -> str:
        return self.labels.get(key, key)

    def of(self, prefix: str, value: object) -> str:
        if value in (None, ""):
            return ""
        return self.labels.get(f"{prefix}_{value}", str(value))
