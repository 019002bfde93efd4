"""The record of an axe d'influence: its editable fields, checked, and the SNI → SRI rules."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import DomainError
from .languages import LANGUAGES
from .text import clean_text

THEMES = ("sante", "education", "justice", "papiers_sejour", "emploi", "logement_protection", "transversal")
STATUSES = ("draft", "validated", "adopted")  # brouillon, validé en plénière, adopté
DISPOSITIONS = ("kept", "adapted", "dropped", "regional_only")
CHANGE_TYPES = ("discursive", "procedural", "content", "attitudinal", "behavioural")  # ROMA's types of policy change
INSTRUMENTS = ("law", "decree", "circular", "budget", "programme", "practice")
LEVELS = ("national", "regional", "communal")
ACTOR_ROLES = ("primary_target", "secondary_target", "ally", "opponent", "neutral")
ACTIVITY_TYPES = ("direct_advocacy", "brief", "media", "mobilisation", "research", "coalition", "event")
RISK_TYPES = ("security", "reputation", "relationship", "expectations", "legal")
INDICATOR_LEVELS = ("activity", "intermediate_outcome", "policy_change", "impact")

SHORT, LONG = 300, 4000  # a title-like field, and a paragraph
DATE = 40  # "mars 2027", "T2 2027": dates are written as people say them
MAX_TITLE_LENGTH = SHORT
MAX_ROWS = 50

# Field specs: ("text", max) | ("lines",) | ("choice", options, label prefix) | ("int", lo, hi) | ("list", row kind)
# | ("group", {name: spec}). A choice's label is the vocabulary's ``<prefix>_<option>`` (domain/vocabulary.py).
Spec = tuple[Any, ...]
ROW_SPECS: dict[str, dict[str, Spec]] = {
    "evidence": {"fact": ("text", LONG), "figure": ("text", SHORT), "source": ("text", SHORT), "date": ("text", DATE)},
    "smart": {"statement": ("text", LONG), "indicator": ("text", SHORT), "deadline": ("text", DATE)},
    "asks": {"measure": ("text", LONG), "decision_maker": ("text", SHORT),
             "instrument": ("choice", INSTRUMENTS, "instrument"), "level": ("choice", LEVELS, "level")},
    "actors": {"name": ("text", SHORT), "role": ("choice", ACTOR_ROLES, "actor_role"), "influence": ("int", 1, 5),
               "interest": ("int", 1, 5), "alignment": ("int", -2, 2)},
    "target_messages": {"target": ("text", SHORT), "message": ("text", LONG), "messenger": ("text", SHORT),
                        "channel": ("text", SHORT)},
    "activities": {"type": ("choice", ACTIVITY_TYPES, "axis_activity"), "description": ("text", LONG),
                   "owner": ("text", SHORT), "start": ("text", DATE), "end": ("text", DATE),
                   "resources": ("text", SHORT)},
    "windows": {"event": ("text", SHORT), "date": ("text", DATE)},
    "risks": {"description": ("text", LONG), "type": ("choice", RISK_TYPES, "risk_type"), "probability": ("int", 1, 4),
              "impact": ("int", 1, 4), "mitigation": ("text", LONG)},
    "indicators": {"level": ("choice", INDICATOR_LEVELS, "indicator_level"), "indicator": ("text", SHORT),
                   "baseline": ("text", SHORT), "target": ("text", SHORT), "source": ("text", SHORT)},
    "progress_markers": {"expect": ("text", LONG), "like": ("text", LONG), "love": ("text", LONG)},
}
FIELD_SPECS: dict[str, Spec] = {
    "problem": ("group", {"central": ("text", LONG), "causes": ("lines",), "effects": ("lines",),
                          "evidence": ("list", "evidence")}),
    "objectives": ("group", {"change": ("text", LONG), "smart": ("list", "smart"),
                             "change_type": ("choice", CHANGE_TYPES, "change_type")}),
    "asks": ("list", "asks"),
    "actors": ("list", "actors"),
    "messages": ("group", {"central": ("text", LONG), "by_target": ("list", "target_messages")}),
    "activities": ("list", "activities"),
    "windows": ("list", "windows"),
    "risks": ("list", "risks"),
    "indicators": ("list", "indicators"),
    "progress_markers": ("list", "progress_markers"),
}

# The texts of an axe that may carry versions in other languages (domain/multilingual.py): the title and the record's
# sentences a document quotes, by a dotted path into ``fields``, with their maximum length.
VERSIONED_FIELDS: dict[str, int] = {"title": MAX_TITLE_LENGTH, "problem.central": LONG, "objectives.change": LONG,
                                    "messages.central": LONG}
VERSION_LANGUAGES = ("ar", "en")  # the base text is typed in French


def base_text(title: str, fields: Mapping[str, Any], path: str) -> str:
    """The base (French) text of a versioned field: the title, or a sentence of the record by its dotted path."""
    if path == "title":
        return title
    value: Any = fields
    for part in path.split("."):
        value = value.get(part, "") if isinstance(value, Mapping) else ""
    return value if isinstance(value, str) else ""


def editor_schema() -> dict[str, Any]:
    """The record's shape as the axe editor receives it in its data island (the page copies none of it)."""
    def described(spec: Spec) -> dict[str, Any]:
        kind = spec[0]
        if kind == "text":
            return {"kind": "text", "max": spec[1]}
        if kind == "choice":
            return {"kind": "choice", "options": list(spec[1]), "prefix": spec[2]}
        if kind == "int":
            return {"kind": "int", "minimum": spec[1], "maximum": spec[2]}
        if kind == "list":
            return {"kind": "list", "rows": spec[1]}
        if kind == "group":
            return {"kind": "group", "fields": {name: described(sub) for name, sub in spec[1].items()}}
        return {"kind": kind}

    return {"fields": {name: described(spec) for name, spec in FIELD_SPECS.items()},
            "rows": {kind: {name: described(spec) for name, spec in row.items()} for kind, row in ROW_SPECS.items()},
            "title": described(("text", MAX_TITLE_LENGTH)), "short": SHORT,
            "theme": described(("choice", THEMES, "theme")), "status": described(("choice", STATUSES, "status")),
            "disposition": described(("choice", DISPOSITIONS, "disposition")),
            "versions": {"languages": list(VERSION_LANGUAGES),  # fields as a list: JSON objects lose their order
                         "fields": [{"path": path, "max": length} for path, length in VERSIONED_FIELDS.items()],
                         "names": {code: LANGUAGES[code].name for code in VERSION_LANGUAGES},
                         "dirs": {code: LANGUAGES[code].direction for code in VERSION_LANGUAGES}}}


def empty_fields() -> dict[str, Any]:
    """A blank record: what a freshly promoted axe starts with."""
    return checked_fields({})


def checked_fields(raw: object) -> dict[str, Any]:
    """Every field of ``raw`` checked and cleaned; unknown fields refused, missing ones blank."""
    if not isinstance(raw, Mapping):
        raise DomainError("invalid_type", field="fields", expected="object")
    unknown = set(raw) - set(FIELD_SPECS)
    if unknown:
        raise DomainError("unknown_field", field=sorted(unknown)[0][:40])
    return {name: _checked(spec, raw.get(name), name) for name, spec in FIELD_SPECS.items()}


def _checked(spec: Spec, value: object, path: str) -> Any:
    kind = spec[0]
    if kind == "text":
        if value is None:
            return ""
        text = clean_text(value)
        if len(text) > spec[1]:
            raise DomainError("text_too_long", field=path, max_length=spec[1], length=len(text))
        return text
    if kind == "lines":
        rows = _rows(value, path)
        return [line for line in (_checked(("text", LONG), row, path) for row in rows) if line]
    if kind == "choice":
        if value in (None, ""):
            return None
        if value not in spec[1]:
            raise DomainError("invalid_choice", field=path)
        return value
    if kind == "int":
        if value is None:
            return None
        if type(value) is not int or not spec[1] <= value <= spec[2]:
            raise DomainError("config_out_of_range", field=path, minimum=spec[1], maximum=spec[2])
        return value
    if kind == "group":
        group = value if value is not None else {}
        if not isinstance(group, Mapping):
            raise DomainError("invalid_type", field=path, expected="object")
        unknown = set(group) - set(spec[1])
        if unknown:
            raise DomainError("unknown_field", field=f"{path}.{sorted(unknown)[0][:40]}")
        return {name: _checked(sub, group.get(name), f"{path}.{name}") for name, sub in spec[1].items()}
    if kind == "list":
        row_spec = ROW_SPECS[spec[1]]
        checked = [_checked(("group", row_spec), row, f"{path}[{index}]") for index, row in enumerate(_rows(value, path))]
        # A row left entirely blank in the form is not a row.
        return [row for row in checked if any(cell not in ("", None) for cell in row.values())]
    raise AssertionError(kind)


def _rows(value: object, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DomainError("invalid_type", field=path, expected="list")
    if len(value) > MAX_ROWS:
        raise DomainError("too_many_rows", field=path, maximum=MAX_ROWS)
    return value


def checked_choice(value: object, options: tuple[str, ...], field: str) -> str:
    if value not in options:
        raise DomainError("invalid_choice", field=field)
    return str(value)


def risk_level(probability: int | None, impact: int | None) -> int | None:
    """Probability × impact, 1–16: the order in which risks are shown."""
    return probability * impact if probability and impact else None


def power_interest_quadrant(influence: int | None, interest: int | None) -> str | None:
    """Where an actor sits on the power/interest grid (1–5 each; 3 and above is high)."""
    if influence is None or interest is None:
        return None
    if influence >= 3:
        return "manage_closely" if interest >= 3 else "keep_satisfied"
    return "keep_informed" if interest >= 3 else "monitor"


def check_parent(child_strategy: Mapping[str, Any], parent_axis: Mapping[str, Any] | None,
                 parents_of: Mapping[int, int | None]) -> None:
    """An SRI axe's parent is an axe of the SNI it declines; an SNI axe has none; no chain loops back.

    ``child_strategy`` has ``kind`` and ``parent_strategy_id``; ``parent_axis`` has ``id`` and ``strategy_id``;
    ``parents_of`` maps axe ids to their parent ids, to walk the chain.
    """
    if parent_axis is None:
        return
    if child_strategy["kind"] != "sri":
        raise DomainError("parent_not_allowed")
    if parent_axis["strategy_id"] != child_strategy["parent_strategy_id"]:
        raise DomainError("parent_outside_sni", axis_id=parent_axis["id"])
    seen = set()
    current: int | None = parent_axis["id"]
    while current is not None:
        if current in seen:
            raise DomainError("parent_cycle", axis_id=parent_axis["id"])
        seen.add(current)
        current = parents_of.get(current)


def axis_code(prefix: str, position: int) -> str:
    """A1, A2… for the SNI; R1, R2… for regional-only axes of an SRI."""
    return f"{prefix}{position}"
