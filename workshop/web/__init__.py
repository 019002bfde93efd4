"""HTTP pages and downloads, one blueprint per audience."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask) -> None:
    from .barometer import blueprint as barometer
    from .capacities import blueprint as capacities
    from .downloads import blueprint as downloads
    from .errors import register_error_pages
    from .moderator import blueprint as moderator
    from .pages import blueprint as pages
    from .strategy import blueprint as strategy

    app.register_blueprint(pages)
    app.register_blueprint(moderator)
    app.register_blueprint(strategy)
    app.register_blueprint(downloads)
    app.register_blueprint(barometer)
    app.register_blueprint(capacities)
    register_error_pages(app)
