"""Every service test runs twice: on a SQLite file and on a PostgreSQL database started for the session."""
import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "postgresql":
        from ..engines import create_database

        return create_database(request.getfixturevalue("postgresql_url"))
    return f"sqlite:///{tmp_path / 'instance' / 'workshop.db'}"
