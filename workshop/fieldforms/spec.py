"""A form as plain data: questions, choice lists, groups, labels in several languages, extra columns."""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

# XLSForm names: a letter or underscore first, then letters, digits, hyphens, underscores or periods.
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# Choice names may start with a digit (levels « 1 »…« 4 » are the usual XLSForm coding); no spaces, as
# select_multiple stores its answers space-separated.
CHOICE_NAME_PATTERN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
# Question types this module writes and reads back; select types name their choice list.
SIMPLE_TYPES = frozenset({"text", "integer", "decimal", "date", "note", "calculate"})
SELECT_TYPES = frozenset({"select_one", "select_multiple"})


@dataclass(frozen=True)
class Language:
    """A form language: ``code`` (fr) and the name shown in column headers (Français), as ``label::Français (fr)``."""

    code: str
    name: str

    @property
    def column_suffix(self) -> str:
        return f"{self.name} ({self.code})"


@dataclass(frozen=True)
class Choice:
    name: str
    labels: Mapping[str, str]  # language code → label


@dataclass(frozen=True)
class Question:
    """One survey row. ``choices`` names a choice list for select types; ``extra`` fills the form's extra columns."""

    type: str
    name: str
    labels: Mapping[str, str]
    choices: str = ""
    required: bool = False
    hints: Mapping[str, str] = field(default_factory=dict)
    relevant: str = ""
    constraint: str = ""
    appearance: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_select(self) -> bool:
        return self.type in SELECT_TYPES


@dataclass(frozen=True)
class Group:
    """``begin_group`` … ``end_group``: headers of exports carry its name as a path (``group/question``)."""

    name: str
    labels: Mapping[str, str]
    children: tuple["Question | Group", ...]
    relevant: str = ""
    appearance: str = ""  # "field-list" shows the whole group on one screen


@dataclass(frozen=True)
class FormSpec:
    form_id: str
    title: str
    version: str
    languages: tuple[Language, ...]
    default_language: str  # a code of ``languages``
    items: tuple[Question | Group, ...]
    choice_lists: Mapping[str, tuple[Choice, ...]]
    extra_columns: tuple[str, ...] = ()  # e.g. ("ws_sector", "ws_indicator"): ignored by KoboToolbox and ODK

    def questions(self) -> Iterator[tuple[tuple[str, ...], Question]]:
        """Every question with the path of the groups it sits in, in form order."""
        yield from _walk(self.items, ())

    def question(self, name: str) -> Question:
        for _path, question in self.questions():
            if question.name == name:
                return question
        raise KeyError(name)

    def check(self) -> None:
        """Raise ``ValueError`` on what KoboToolbox would refuse: bad or repeated names, unknown lists or languages."""
        codes = {language.code for language in self.languages}
        if self.default_language not in codes:
            raise ValueError(f"default language {self.default_language!r} is not one of the form's languages")
        seen: set[str] = set()
        for _path, question in self.questions():
            if not NAME_PATTERN.match(question.name):
                raise ValueError(f"invalid question name {question.name!r}")
            if question.name in seen:
                raise ValueError(f"question name {question.name!r} used twice")
            seen.add(question.name)
            if question.is_select and question.choices not in self.choice_lists:
                raise ValueError(f"question {question.name!r} names an unknown choice list {question.choices!r}")
            if not question.is_select and question.type not in SIMPLE_TYPES:
                raise ValueError(f"question {question.name!r} has an unsupported type {question.type!r}")
            unknown = set(question.extra) - set(self.extra_columns)
            if unknown:
                raise ValueError(f"question {question.name!r} fills undeclared columns {sorted(unknown)}")
        for list_name, choices in self.choice_lists.items():
            names = [choice.name for choice in choices]
            if len(set(names)) != len(names) or not all(CHOICE_NAME_PATTERN.match(name) for name in names):
                raise ValueError(f"choice list {list_name!r} has repeated or invalid names")


def _walk(items: tuple[Question | Group, ...], path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Question]]:
    for item in items:
        if isinstance(item, Group):
            yield from _walk(item.children, (*path, item.name))
        else:
            yield path, item


def group_names(items: tuple[Question | Group, ...]) -> set[str]:
    """The names of every group, at any depth."""
    names: set[str] = set()
    for item in items:
        if isinstance(item, Group):
            names.add(item.name)
            names |= group_names(item.children)
    return names
