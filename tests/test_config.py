from dataclasses import fields
from pathlib import Path

from workshop.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_env_example_lists_every_setting() -> None:
    listed = {line.split("=")[0] for line in (ROOT / ".env.example").read_text().splitlines()
              if line.startswith("WORKSHOP_")}
    assert listed == {"WORKSHOP_" + spec.name.upper() for spec in fields(Settings)}


def test_settings_from_environment(tmp_path: Path) -> None:
    settings = Settings.from_env({"WORKSHOP_PORT": "5050", "WORKSHOP_INSTANCE_PATH": str(tmp_path),
                                  "WORKSHOP_RATE_LIMIT_COUNT": "7"})
    assert (settings.port, settings.rate_limit_count) == (5050, 7)
    assert settings.database_url == f"sqlite:///{tmp_path.resolve() / 'workshop.db'}"


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = Settings.from_env({"WORKSHOP_INSTANCE_PATH": str(tmp_path)}).ensure_secret_key()
    second = Settings.from_env({"WORKSHOP_INSTANCE_PATH": str(tmp_path)}).ensure_secret_key()
    assert len(first.secret_key) >= 64 and first.secret_key == second.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
