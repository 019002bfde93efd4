"""Who is connected in this process: phones counted once each, however many tabs they have open."""
from __future__ import annotations

import threading
from collections import Counter, defaultdict


class Presence:
    # In memory, per process. With several processes each one counts its own phones; see docs/deploy.md.
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: dict[str, Counter[str]] = defaultdict(Counter)

    def joined(self, code: str, participant: str) -> None:
        with self._lock:
            self._connections[code][participant] += 1

    def left(self, code: str, participant: str) -> None:
        with self._lock:
            room = self._connections[code]
            room[participant] -= 1
            if room[participant] <= 0:
                del room[participant]

    def connected(self, code: str) -> int:
        with self._lock:
            return len(self._connections.get(code, ()))
