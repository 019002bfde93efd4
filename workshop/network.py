"""The laptop's address on the venue network, for the QR code and the printed URL (never 127.0.0.1)."""
from __future__ import annotations

import fcntl
import ipaddress
import socket
import struct

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
