"""The ``workshop`` command. gevent must patch the standard library before anything else imports it."""
from __future__ import annotations

import os
import sys


def main() -> None:
    """Entry point of the ``workshop`` console script."""
    # Everything the command writes — the database, its journal files, exports, the export jobs' files — holds
    # participants' words: readable by the laptop's owner only (0600; directories 0700).
    os.umask(0o077)
    if len(sys.argv) > 1 and sys.argv[1] == "run" and os.environ.get("WORKSHOP_ASYNC_MODE", "gevent") == "gevent":
        from gevent import monkey

        monkey.patch_all()
    from . import barometer_commands, capacities_commands, events_commands, identity_commands  # noqa: F401  (register)
    from .commands import cli

    cli()
