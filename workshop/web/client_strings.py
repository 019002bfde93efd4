"""Every sentence the page modules show, translated on the server and handed to them in the data island.

The JavaScript looks strings up by key (``t("sent")``); keeping them here lets pybabel extract them
with the rest, so the browser needs no translation machinery of its own.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

CLIENT_STRINGS = {
    "sent": _l("Sent"),
    "waiting": _l("Waiting to be sent"),
    "offline": _l("Connection lost: your answers are kept and will be sent when it returns."),
    "online": _l("Connected"),
}


def translated_client_strings() -> dict[str, str]:
    return {key: str(value) for key, value in CLIENT_STRINGS.items()}
