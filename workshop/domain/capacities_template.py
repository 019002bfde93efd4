"""The questionnaire of a self-assessment (the OCA template): its shape, its checks and the facilitator's edits.

    {"domains": [{"key": "gouvernance", "labels": {"fr", "ar", "en"}, "target": 3, "importance": 3,
                  "items": [{"key": "gouvernance_1", "labels": {...},
                             "levels": {"1": {...}, "2": {...}, "3": {...}, "4": {...}}}]}]}

Item keys are unique in the questionnaire and never change once made (answers, the XLSForm's ``ws_item`` and its
question names refer to them); rewording an item keeps its key. Texts are French, Arabic and English; French may
not be empty (the reports' language). Every edit returns a new, checked template.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .barometer_framework import checked_labels
from .capacities import IMPORTANCE, LEVELS
from .errors import DomainError

KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
MAX_DOMAINS = 15
MAX_ITEMS_PER_DOMAIN = 8
Template = dict[str, Any]


def _checked_int(raw: object, allowed: tuple[int, ...], field: str) -> int:
    if type(raw) is not int or raw not in allowed:
        raise DomainError("config_out_of_range", field=field, minimum=allowed[0], maximum=allowed[-1])
    return raw


def checked_item(raw: object) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_template")
    key = raw.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        raise DomainError("invalid_item_key")
    levels = raw.get("levels")
    if not isinstance(levels, Mapping):
        raise DomainError("invalid_template")
    return {"key": key, "labels": checked_labels(raw.get("labels"), "item"),
            "levels": {str(level): checked_labels(levels.get(str(level), {}), "level") for level in LEVELS}}


def checked_domain(raw: object) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_template")
    key = raw.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        raise DomainError("invalid_item_key")
    items = raw.get("items")
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS_PER_DOMAIN:
        raise DomainError("config_out_of_range", field="items", minimum=1, maximum=MAX_ITEMS_PER_DOMAIN)
    return {"key": key, "labels": checked_labels(raw.get("labels"), "domain"),
            "target": _checked_int(raw.get("target", 3), LEVELS, "target"),
            "importance": _checked_int(raw.get("importance", 2), IMPORTANCE, "importance"),
            "items": [checked_item(item) for item in items]}


def checked_template(raw: object) -> Template:
    """The whole questionnaire, checked: at least one domain, unique domain and item keys."""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("domains"), list):
        raise DomainError("invalid_template")
    if not 1 <= len(raw["domains"]) <= MAX_DOMAINS:
        raise DomainError("config_out_of_range", field="domains", minimum=1, maximum=MAX_DOMAINS)
    domains = [checked_domain(domain) for domain in raw["domains"]]
    seen: set[str] = set()
    for key in [domain["key"] for domain in domains] + [item["key"] for domain in domains for item in domain["items"]]:
        if key in seen:
            raise DomainError("duplicate_key", key=key)
        seen.add(key)
    return {"domains": domains}


def items_of(template: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every item with its domain's key, in the questionnaire's order."""
    return [item | {"domain": domain["key"]} for domain in template["domains"] for item in domain["items"]]


def domain_keys(template: Mapping[str, Any]) -> list[str]:
    return [domain["key"] for domain in template["domains"]]


def _domain(template: Mapping[str, Any], key: object) -> dict[str, Any]:
    for domain in template["domains"]:
        if domain["key"] == key:
            return domain
    raise DomainError("unknown_domain", value=str(key)[:40])


def _copy(template: Mapping[str, Any]) -> Template:
    return checked_template(template)  # a deep, checked copy


def set_domain(template: Mapping[str, Any], domain_key: object, *, target: object = None, importance: object = None,
               labels: object = None) -> Template:
    """Change a domain's target level, importance or wording."""
    copy = _copy(template)
    domain = _domain(copy, domain_key)
    if target is not None:
        domain["target"] = _checked_int(target, LEVELS, "target")
    if importance is not None:
        domain["importance"] = _checked_int(importance, IMPORTANCE, "importance")
    if labels is not None:
        domain["labels"] = checked_labels(labels, "domain")
    return checked_template(copy)


def _new_key(template: Mapping[str, Any], domain_key: str) -> str:
    taken = {item["key"] for item in items_of(template)}
    number = len(_domain(template, domain_key)["items"]) + 1
    while f"{domain_key}_{number}"[:40] in taken:
        number += 1
    return f"{domain_key}_{number}"[:40]


def add_item(template: Mapping[str, Any], domain_key: object, *, labels: object, levels: object) -> Template:
    """Append an item to a domain; its key is made from the domain's (``gouvernance_5``) and never reused."""
    copy = _copy(template)
    domain = _domain(copy, domain_key)
    if len(domain["items"]) >= MAX_ITEMS_PER_DOMAIN:
        raise DomainError("config_out_of_range", field="items", minimum=1, maximum=MAX_ITEMS_PER_DOMAIN)
    domain["items"].append(checked_item({"key": _new_key(copy, domain["key"]), "labels": labels, "levels": levels}))
    return checked_template(copy)


def reword_item(template: Mapping[str, Any], item_key: object, *, labels: object = None,
                levels: object = None) -> Template:
    """New wording for an item or its anchored levels; its key (and so its answers) stay."""
    copy = _copy(template)
    for domain in copy["domains"]:
        for item in domain["items"]:
            if item["key"] == item_key:
                if labels is not None:
                    item["labels"] = checked_labels(labels, "item")
                if levels is not None:
                    item["levels"] = checked_item({"key": item["key"], "labels": item["labels"],
                                                   "levels": levels})["levels"]
                return checked_template(copy)
    raise DomainError("unknown_questionnaire_item")


def remove_item(template: Mapping[str, Any], item_key: object) -> Template:
    """Drop an item (answers already given to it stay stored but no longer count); a domain keeps one item."""
    copy = _copy(template)
    for domain in copy["domains"]:
        kept = [item for item in domain["items"] if item["key"] != item_key]
        if len(kept) != len(domain["items"]):
            if not kept:
                raise DomainError("config_out_of_range", field="items", minimum=1, maximum=MAX_ITEMS_PER_DOMAIN)
            domain["items"] = kept
            return checked_template(copy)
    raise DomainError("unknown_questionnaire_item")
