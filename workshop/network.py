"""The laptop's address on the venue network, for the QR code and the printed URL (never 127.0.0.1)."""
from __future__ import annotations

import fcntl
import ipaddress
import socket
import struct
from collections.abc import Callable
from urllib.parse import urlsplit

_SIOCGIFADDR = 0x8915


def _interface_address(name: str) -> str | None:
    # Reads the address the kernel already knows: no packet is sent, unlike the "connect a UDP socket" trick.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            packed = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR, struct.pack("256s", name[:15].encode()))
        except OSError:
            return None
    return socket.inet_ntoa(packed[20:24])


def lan_addresses() -> list[str]:
    """IPv4 addresses of this machine's interfaces, private ones first, loopback excluded."""
    found = []
    for _index, name in socket.if_nameindex():
        address = _interface_address(name)
        if address is None:
            continue
        parsed = ipaddress.ip_address(address)
        if parsed.is_loopback or parsed.is_link_local:
            continue
        found.append(address)
    return sorted(found, key=lambda address: not ipaddress.ip_address(address).is_private)


def public_base_url(host: str, port: int, configured: str = "") -> str:
    """The configured public URL, else the bound host when it is specific, else the first LAN address."""
    if configured:
        return configured.rstrip("/")
    if host not in ("0.0.0.0", "", "::"):
        return f"http://{host}:{port}"
    addresses = lan_addresses()
    return f"http://{addresses[0] if addresses else '127.0.0.1'}:{port}"


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(configured: str, host: str, public_url: str) -> list[str]:
    """The names this server answers to: ``WORKSHOP_ALLOWED_HOSTS`` (comma-separated), else localhost and the
    laptop's LAN addresses; the bound host when specific and the public URL's host always.

    Trusting whatever Host a request names let a page on another site, through DNS rebinding, talk to the laptop
    as if it were the laptop itself; a request naming another host is refused (400).
    """
    hosts = [name.strip().lower() for name in configured.split(",") if name.strip()] if configured else \
        [*LOCAL_HOSTS, *lan_addresses()]
    if host not in ("0.0.0.0", "", "::"):
        hosts.append(host)
    if public_url and urlsplit(public_url).hostname:
        hosts.append(str(urlsplit(public_url).hostname))
    return list(dict.fromkeys(hosts))


def origin_check(hosts: list[str], port: int, public_url: str) -> Callable[[str | None], bool]:
    """For the Socket.IO handshake: a browser's Origin must be one of the allowed hosts on this server's port (or
    the public URL's origin). A page on another port of the same laptop is another origin, and is refused."""
    def bracketed(name: str) -> str:
        return f"[{name}]" if ":" in name else name

    origins = {f"{scheme}://{bracketed(name)}:{port}" for name in hosts for scheme in ("http", "https")}
    if port == 80:
        origins |= {f"http://{bracketed(name)}" for name in hosts}
    if public_url:
        parts = urlsplit(public_url)
        origins.add(f"{parts.scheme}://{parts.netloc}")

    def allowed(origin: str | None, environ: object = None) -> bool:
        return origin is None or origin.rstrip("/") in origins

    return allowed
