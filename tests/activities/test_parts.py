"""Every registered activity type has all its parts: Python hooks, texts (translated), config schema, browser module.

docs/architecture.md lists the files a new type touches; this test is what keeps that list true.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from workshop.activities import REGISTRY, ActivityType, ResultInput, type_labels
from workshop.activities.base import ConfigField
from workshop.exports.labels import all_labels
from workshop.exports.report import ResultSection
from workshop.services.reports import report_words
from workshop.web.client_strings import CLIENT_STRINGS, PAGE_STRINGS

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / "static" / "js" / "activities"
TYPES = sorted(REGISTRY)


def catalog(language: str) -> dict[str, str]:
    with (ROOT / "workshop" / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {message.id: message.string for message in read_po(handle) if message.id and not message.fuzzy}


CATALOGS = {language: catalog(language) for language in ("fr", "ar")}


@pytest.mark.parametrize("name", TYPES)
def test_the_python_module_implements_every_hook(name: str) -> None:
    kind = REGISTRY[name]
    assert kind.input_kind in ("idea", "ballot")
    assert isinstance(kind.label, str) and kind.label
    for hook in ("results", "report_section"):
        assert getattr(type(kind), hook) is not getattr(ActivityType, hook), f"{name} does not define {hook}"
    # The report section of an activity nobody answered yet: what the minutes print the moment it opens.
    config = kind.validate_config(_minimal_config(kind), _context())
    results = kind.results(config, ResultInput(ideas=[], targets=[], ballots=[]))
    section = kind.report_section(results, config, report_words(lambda text: text, "fr"))
    assert isinstance(section, ResultSection) and section.responses == 0 and section.summary


@pytest.mark.parametrize("name", TYPES)
def test_the_config_schema_is_declared_once_and_sent_as_data(name: str) -> None:
    kind = REGISTRY[name]
    described = kind.page_description(with_config=True)
    assert json.loads(json.dumps(described)) == described  # what the console's data island carries
    assert [field["name"] for field in described["config"]] == [field.name for field in kind.config_fields]
    for field in kind.config_fields:
        assert isinstance(field, ConfigField)
        for key in filter(None, (field.label, field.hint, field.extra.get("weight", {}).get("label"))):
            assert key in CLIENT_STRINGS, f"{name}.{field.name}: no text for {key!r}"
        if field.kind == "integer":  # the form's bounds are the ones the server checks
            assert field.minimum is not None and field.maximum is not None
            assert field.minimum <= field.default <= field.maximum


@pytest.mark.parametrize("name", TYPES)
def test_the_texts_are_declared_once_and_translated(name: str) -> None:
    kind = REGISTRY[name]
    texts = kind.all_labels()
    assert texts[f"type_{name}"] == kind.label
    assert not set(texts) & set(PAGE_STRINGS), "a type's key is also a page string"
    assert not set(texts) & set(all_labels()), "a type's key is also an export label"
    for language, translations in CATALOGS.items():
        missing = [text for text in texts.values() if not translations.get(text)]
        assert missing == [], f"{name}: untranslated in {language}"


def test_the_types_texts_reach_both_the_pages_and_the_exports() -> None:
    assert set(type_labels()) <= set(CLIENT_STRINGS)
    assert set(type_labels()) <= set(report_words(lambda text: text, "fr").labels)


@pytest.mark.parametrize("name", TYPES)
def test_the_browser_module_exists_and_draws_input_and_results(name: str) -> None:
    source = (MODULES / f"{name}.js").read_text(encoding="utf-8")
    assert re.search(rf'^\s*name: "{name}",$', source, re.MULTILINE)
    assert re.search(r"^\s*mount\(root, activity, api\) \{$", source, re.MULTILINE)
    assert re.search(r"^\s*results\(results\b", source, re.MULTILINE)
    # Facts the server declares are not copied into the module: they arrive with the page (``described``).
    assert not re.search(r"\b(inputKind|defaultLiveResults|usesSources)\b", source)


def test_the_browser_registry_mirrors_the_python_registry() -> None:
    index = (MODULES / "index.js").read_text(encoding="utf-8")
    imported = set(re.findall(r'^import \w+ from "\./(\w+)\.js";$', index, re.MULTILINE))
    assert imported == set(REGISTRY)
    listed = re.search(r"Object\.fromEntries\(\[([^\]]*)\]", index)
    assert listed is not None and len(listed.group(1).split(",")) == len(REGISTRY)


def _minimal_config(kind: ActivityType) -> dict[str, object]:
    """The settings a type cannot do without, from its declaration: required lines, the source of the items."""
    config: dict[str, object] = dict(kind.example_config)  # a type made elsewhere says what it is given
    for field in kind.config_fields:
        if field.kind == "items":
            config |= {"target": "ideas", "source_activity_id": 1}
        elif field.kind == "lines" and not field.optional:
            config[field.name] = [f"{field.name} {number}" for number in range(field.minimum or 1)]
    return config


def _context():  # type: ignore[no-untyped-def]
    from workshop.activities import ConfigContext

    return ConfigContext(type_of_activity={1: "brainstorm"}.get, prompt="Question ?")
