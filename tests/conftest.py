"""Fixtures shared by every layer: settings on a real SQLite file, a migrated database, an app."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop import create_app
from workshop.config import Settings
from workshop.db import Database
from workshop.migrate import upgrade
from workshop.services.context import ServiceContext
from workshop.services.publisher import RecordingPublisher


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on a fresh SQLite file; threading mode so the Flask-SocketIO test client can drive it."""
    return Settings.from_env({}, instance_path=tmp_path / "instance", async_mode="threading",
                             secret_key="test-secret", public_url="http://192.0.2.10:5000",
                             results_interval_ms=0)  # no background loop: tests call publisher.flush()


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    upgrade(settings.database_url)
    database = Database(settings.database_url)
    yield database
    database.dispose()


@pytest.fixture
def publisher() -> RecordingPublisher:
    return RecordingPublisher()


@pytest.fixture
def ctx(database: Database, publisher: RecordingPublisher, settings: Settings) -> ServiceContext:
    import workshop.activities  # noqa: F401  (registers the activity types)

    return ServiceContext(db=database, publisher=publisher, settings=settings)


@pytest.fixture
def app(settings: Settings):  # type: ignore[no-untyped-def]
    upgrade(settings.database_url)
    app = create_app(settings)
    app.config["TESTING"] = True
    yield app
    app.extensions["workshop"].db.dispose()


@pytest.fixture
def make_event(ctx: ServiceContext) -> Callable[..., object]:
    """Factory: ``make_event("Title", ["Plénière"])`` returns the created event (codes and moderator token)."""
    from workshop.services.events import create_event

    def make(title: str = "Rencontre nationale SNI", rooms: list[str] | None = None):  # type: ignore[no-untyped-def]
        return create_event(ctx, title=title, room_names=list(rooms or ["Plénière"]))

    return make
