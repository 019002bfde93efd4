"""HTTP pages and downloads, one blueprint per audience."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from .errors import register_error_pages
    from .moderator import blueprint as moderator
    from .pages import blueprint as pages

    app.register_blueprint(pages)
    app.register_blueprint(moderator)
    register_error_pages(app)
