"""What a page costs on the network, as Chromium's own network stack counts it (DevTools protocol events)."""
from __future__ import annotations

from dataclasses import dataclass, field

# A crowded venue Wi-Fi, as the issue measured it: 400 ms of round trip, 50 KB/s each way.
SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 50 * 1024, "uploadThroughput": 50 * 1024}


@dataclass
class Load:
    """One navigation's requests, as Chromium's network stack saw them."""

    requests: int = 0
    wire_bytes: int = 0        # headers + body as sent (compressed when the server compressed)
    decoded_bytes: int = 0     # bodies after decoding
    from_cache: int = 0        # served from the memory or disk cache, no request sent
    revalidated: int = 0       # answered 304 Not Modified (a round trip for nothing)
    files: list[dict] = field(default_factory=list)
    cached_files: list[dict] = field(default_factory=list)  # what the cache answered


class Recorder:
    """Counts the requests of the current load; ``start()`` begins a new one."""

    def __init__(self, cdp) -> None:  # type: ignore[no-untyped-def]
        self.load = Load()
        self.pending: dict[str, dict] = {}
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)

    def start(self) -> Load:
        self.load, self.pending = Load(), {}
        return self.load

    def _response(self, event: dict) -> None:
        response = event["response"]
        self.pending[event["requestId"]] = {
            "url": response["url"].split("?")[0].rsplit("/", 2)[-1], "status": response["status"],
            "encoding": {key.lower(): value for key, value in response.get("headers", {}).items()}.get(
                "content-encoding", ""),
            "cache": bool(response.get("fromDiskCache") or response.get("fromMemoryCache")), "decoded": 0}

    def _data(self, event: dict) -> None:
        if event["requestId"] in self.pending:
            self.pending[event["requestId"]]["decoded"] += event["dataLength"]

    def _finished(self, event: dict) -> None:
        entry = self.pending.pop(event["requestId"], None)
        if entry is None:
            return
        entry["wire"] = int(event["encodedDataLength"])
        if entry["cache"] or (entry["wire"] == 0 and entry["status"] == 200):  # nothing crossed the network
            self.load.from_cache += 1
            self.load.cached_files.append(entry)
            return
        self.load.requests += 1
        self.load.wire_bytes += entry["wire"]
        self.load.decoded_bytes += entry["decoded"]
        self.load.revalidated += entry["status"] == 304
        self.load.files.append(entry)
