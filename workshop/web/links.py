"""The URLs printed, encoded in QR codes and returned by the command line: all on the venue address."""
from __future__ import annotations

from flask import current_app, request, url_for


def base_url() -> str:
    configured = current_app.config.get("WORKSHOP_PUBLIC_URL")
    return configured or request.host_url.rstrip("/")


def room_links(code: str, base: str) -> dict[str, str]:
    return {
        "join_url": f"{base}/j/{code}",
        "screen_url": f"{base}/s/{code}",
        "moderator_url": f"{base}/m/{code}",
    }


def absolute(endpoint: str, **values: object) -> str:
    return base_url() + url_for(endpoint, **values)
