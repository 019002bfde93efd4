"""Error pages in the visitor's language: a phone scanning last week's QR code deserves a sentence it can read."""
from __future__ import annotations

from flask import Flask
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from .page import render_page


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(404)
    def not_found(_error: HTTPException) -> tuple[str, int]:
        return render_page("error.html", title=_("Page not found"), script=None,
                           explanation=_("This room or page does not exist. Check the code shown on the screen.")), 404

    @app.errorhandler(403)
    def forbidden(_error: HTTPException) -> tuple[str, int]:
        return render_page("error.html", title=_("Access refused"), script=None,
                           explanation=_("This page is for the moderators of another event.")), 403
