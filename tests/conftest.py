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


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    """One PostgreSQL server for the session; each test that uses it gets its own database."""
    from .engines import postgresql_server

    with postgresql_server() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    from .engines import redis_server

    with redis_server() as url:
        yield url


@pytest.fixture(params=["sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """SQLite by default; test packages that must hold on both engines override ``params``."""
    if request.param == "postgresql":
        from .engines import create_database

        return create_database(request.getfixturevalue("postgresql_url"))
    return f"sqlite:///{tmp_path / 'instance' / 'workshop.db'}"


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings on a fresh database; threading mode so the Flask-SocketIO test client can drive it."""
    return Settings.from_env({}, instance_path=tmp_path / "instance", async_mode="threading",
                             secret_key="test-secret", public_url="http://192.0.2.10:5000",
                             database_url=database_url,
                             results_interval_ms=0)  # no background loop: tests call publisher.flush()


@pytest.fixture
def database(settings: Settings) -> Iterator[Database]:
    upgrade(settings.database_url)
    database = Database(settings.database_url, min_group_size=settings.min_group_size)
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
    # Tests post forms without a page to take the CSRF token from; tests/web/test_csrf.py turns it back on.
    app.config["WTF_CSRF_ENABLED"] = False
    yield app
    app.extensions["workshop"].db.dispose()


@pytest.fixture
def make_event(ctx: ServiceContext) -> Callable[..., object]:
    """Factory: ``make_event("Title", ["Plénière"])`` returns the created event (codes and moderator token)."""
    from workshop.services.events import create_event

    def make(title: str = "Rencontre nationale SNI", rooms: list[str] | None = None):  # type: ignore[no-untyped-def]
        return create_event(ctx, title=title, room_names=list(rooms or ["Plénière"]))

    return make
