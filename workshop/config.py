"""Settings read from ``WORKSHOP_*`` environment variables (every one is listed in ``.env.example``)."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, fields, replace
from pathlib import Path

ENV_PREFIX = "WORKSHOP_"


def _as_bool(raw: str) -> bool:
    return raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Every setting the app reads; the dataclass field name in upper case, prefixed, is its variable."""

    instance_path: Path = Path("instance")
    database_url: str = ""
    secret_key: str = ""
    host: str = "0.0.0.0"
    port: int = 5000
    public_url: str = ""  # e.g. http://192.168.1.20:5000 when the LAN address cannot be guessed
    allowed_hosts: str = ""  # comma-separated host names; empty: localhost and the laptop's LAN addresses
    redis_url: str = ""  # message queue between several server processes
    async_mode: str = "gevent"
    default_locale: str = "fr"
    max_message_bytes: int = 64 * 1024
    rate_limit_count: int = 20
    rate_limit_seconds: int = 10
    results_interval_ms: int = 250
    header_timeout_seconds: int = 20  # to send a request's line and headers: half-open connections are closed
    # Flood control per socket connection, in memory (realtime/guard.py): events at once, then per second.
    socket_burst: int = 30
    socket_rate: int = 10
    # Groups of fewer people are pooled into "other" in every results breakdown (and dropped if still fewer).
    min_group_size: int = 5
    journal_retention_hours: int = 48  # the operations journal keeps entries this long (see services/journal.py)

    @classmethod
    def from_env(cls, environ: os._Environ[str] | dict[str, str] | None = None, **overrides: object) -> "Settings":
        """Build settings from the environment; keyword overrides win (tests use them)."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for spec in fields(cls):
            raw = environ.get(ENV_PREFIX + spec.name.upper())
            if raw is None or raw == "":
                continue
            if spec.type in ("int", int):
                values[spec.name] = int(raw)
            elif spec.type in ("bool", bool):
                values[spec.name] = _as_bool(raw)
            elif spec.type in ("Path", Path):
                values[spec.name] = Path(raw)
            else:
                values[spec.name] = raw
        values.update(overrides)
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.database_url:
            settings = replace(settings, database_url=f"sqlite:///{settings.instance_path.resolve() / 'workshop.db'}")
        return settings

    def ensure_secret_key(self) -> "Settings":
        """Return settings with a secret key, generating and persisting one under instance/ on first run."""
        if self.secret_key:
            return self
        self.instance_path.mkdir(parents=True, exist_ok=True)
        key_file = self.instance_path / "secret_key"
        if not key_file.exists():
            key_file.touch(mode=0o600)
            key_file.write_text(secrets.token_urlsafe(48))
        return replace(self, secret_key=key_file.read_text().strip())
