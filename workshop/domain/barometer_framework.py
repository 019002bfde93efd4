"""The barometer's framework as stored with each edition: checked whole, edited one change at a time.

Shape (docs/barometer.md): ``{"sectors": [{key, labels, need}], "dimensions": [{key, labels}],
"dimension_weights": {"sante.droits": 1.0, …}, "indicators": [{key, sector, dimension, kind, labels, weight,
anchors?}]}``; ``labels`` are ``{"fr", "ar", "en"}`` texts (French required), ``anchors`` (legal indicators only)
give the written meaning of 0, 50 and 100.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .barometer import DIMENSIONS, KINDS, LEGAL_SCORES, SECTORS, Framework, Indicator, checked_weight
from .errors import DomainError
from .text import clean_text

LANGUAGES = ("fr", "ar", "en")
INDICATOR_KEY = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
MAX_LABEL_LENGTH = 500
MAX_INDICATORS = 200


def checked_labels(raw: object, field: str, *, required: bool = True) -> dict[str, str]:
    """French, Arabic and English texts; French may not be empty (it is the language of the reports)."""
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_type", field=field, expected="object")
    labels = {}
    for language in LANGUAGES:
        text = clean_text(raw.get(language, "") or "")
        if len(text) > MAX_LABEL_LENGTH:
            raise DomainError("text_too_long", field=field, max_length=MAX_LABEL_LENGTH, length=len(text))
        labels[language] = text
    if required and not labels["fr"]:
        raise DomainError("text_empty", field=field)
    return labels


def _checked_indicator(raw: object, known_keys: set[str]) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_type", field="indicator", expected="object")
    key = raw.get("key")
    if not isinstance(key, str) or not INDICATOR_KEY.match(key):
        raise DomainError("invalid_indicator_key")
    if key in known_keys:
        raise DomainError("duplicate_indicator", key=key)
    for field, allowed in (("sector", SECTORS), ("dimension", DIMENSIONS), ("kind", KINDS)):
        if raw.get(field) not in allowed:
            raise DomainError("invalid_choice", field=field)
    indicator: dict[str, Any] = {
        "key": key, "sector": raw["sector"], "dimension": raw["dimension"], "kind": raw["kind"],
        "labels": checked_labels(raw.get("labels"), "labels"), "weight": checked_weight(raw.get("weight", 1.0)),
    }
    if raw["kind"] == "legal":
        anchors = raw.get("anchors") or {}
        if not isinstance(anchors, Mapping):
            raise DomainError("invalid_type", field="anchors", expected="object")
        indicator["anchors"] = {str(level): checked_labels(anchors.get(str(level), {}), "anchors", required=False)
                                for level in LEGAL_SCORES}
    return indicator


def checked_framework(raw: object) -> dict[str, Any]:
    """The whole framework, checked and normalised; the fixed sectors and dimensions keep their order."""
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_type", field="framework", expected="object")
    sectors = {item.get("key"): item for item in raw.get("sectors", []) if isinstance(item, Mapping)}
    dimensions = {item.get("key"): item for item in raw.get("dimensions", []) if isinstance(item, Mapping)}
    if set(sectors) != set(SECTORS) or set(dimensions) != set(DIMENSIONS):
        raise DomainError("invalid_framework")
    weights_raw = raw.get("dimension_weights") or {}
    if not isinstance(weights_raw, Mapping):
        raise DomainError("invalid_type", field="dimension_weights", expected="object")
    weights = {f"{sector}.{dimension}": checked_weight(weights_raw.get(f"{sector}.{dimension}", 1.0))
               for sector in SECTORS for dimension in DIMENSIONS}
    indicators_raw = raw.get("indicators")
    if not isinstance(indicators_raw, list) or len(indicators_raw) > MAX_INDICATORS:
        raise DomainError("invalid_framework")
    indicators: list[dict[str, Any]] = []
    for item in indicators_raw:
        indicators.append(_checked_indicator(item, {indicator["key"] for indicator in indicators}))
    return {
        "sectors": [{"key": key, "labels": checked_labels(sectors[key].get("labels"), "labels"),
                     "need": checked_labels(sectors[key].get("need", {}), "need", required=False)} for key in SECTORS],
        "dimensions": [{"key": key, "labels": checked_labels(dimensions[key].get("labels"), "labels")}
                       for key in DIMENSIONS],
        "dimension_weights": weights,
        "indicators": indicators,
    }


def framework_model(framework: Mapping[str, Any]) -> Framework:
    """What the scoring rules need of a stored framework."""
    weights = {tuple(key.split(".", 1)): float(value) for key, value in framework["dimension_weights"].items()}
    return Framework(
        indicators=tuple(Indicator(item["key"], item["sector"], item["dimension"], item["kind"], float(item["weight"]))
                         for item in framework["indicators"]),
        dimension_weights=weights,  # type: ignore[arg-type]
    )


def changed_framework(framework: Mapping[str, Any], change: object) -> dict[str, Any]:
    """The framework after one edit made on the console:

    ``{"op": "update_indicator", "key", "labels"?, "weight"?, "anchors"?}``, ``{"op": "add_indicator",
    "indicator": {…}}``, ``{"op": "remove_indicator", "key"}`` or ``{"op": "set_dimension_weight", "sector",
    "dimension", "weight"}``. Keys and kinds never change: answers and comparisons between editions hang on them.
    """
    if not isinstance(change, Mapping):
        raise DomainError("invalid_payload")
    edited = {**framework, "indicators": [dict(item) for item in framework["indicators"]],
              "dimension_weights": dict(framework["dimension_weights"])}
    operation = change.get("op")
    if operation == "add_indicator":
        edited["indicators"].append(change.get("indicator"))
    elif operation in ("update_indicator", "remove_indicator"):
        matches = [item for item in edited["indicators"] if item["key"] == change.get("key")]
        if not matches:
            raise DomainError("unknown_indicator")
        if operation == "remove_indicator":
            edited["indicators"].remove(matches[0])
        else:
            indicator = matches[0]
            for field in ("labels", "weight", "anchors"):
                if field in change:
                    indicator[field] = change[field]
    elif operation == "set_dimension_weight":
        key = f"{change.get('sector')}.{change.get('dimension')}"
        if key not in edited["dimension_weights"]:
            raise DomainError("invalid_choice", field="dimension")
        edited["dimension_weights"][key] = change.get("weight")
    else:
        raise DomainError("invalid_payload")
    return checked_framework(edited)


def indicator_index(framework: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["key"]: item for item in framework["indicators"]}
