"""Rendering a page: the template plus one JSON data island the page's module reads."""
from __future__ import annotations

from typing import Any

from flask import render_template, request
from flask_wtf.csrf import generate_csrf
from flask_babel import get_locale

from ..activities import REGISTRY
from ..domain.languages import LANGUAGES as LANGUAGE_LIST
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, text_direction
from .assets import strings_used_by
from .client_strings import translated_client_strings


def activity_types(*, with_config: bool) -> dict[str, dict[str, Any]]:
    """What the activity modules of a page need from the server's registry (the console: with the config forms)."""
    return {name: kind.page_description(with_config=with_config) for name, kind in REGISTRY.items()}


def _csrf() -> dict[str, str]:
    """Moderator pages hand their scripts the CSRF token for the JSON writes they make (header X-CSRFToken);
    phone and projector pages make none, and get no token (nor the session cookie it needs)."""
    return {"csrf_token": generate_csrf()} if request.path.startswith("/m/") else {}


def render_page(template: str, *, title: str, script: str | None, data: dict[str, Any] | None = None,
                lean_strings: bool = False, **context: Any) -> str:
    """``lean_strings``: hand the page only the strings its script can ask for (the phone: see assets.py)."""
    language = str(get_locale() or DEFAULT_LANGUAGE)
    strings = translated_client_strings()
    if lean_strings and script:
        strings = strings_used_by(script, strings)
    return render_template(
        template,
        title=title,
        page_script=script,
        page_data=(data or {}) | {"lang": language, "dir": text_direction(language),
                                  "locale": LANGUAGE_LIST[language].locale if language in LANGUAGE_LIST else language,
                                  # A page without a script shows no client string: an error page carries none.
                                  "strings": strings if script else {}}
                  | _csrf(),
        lang=language,
        dir=text_direction(language),
        languages=LANGUAGES,
        **context,
    )
