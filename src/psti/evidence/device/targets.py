"""Which addresses may be probed: only those given, and public ones only on purpose."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from psti.errors import UsageError


@dataclass(frozen=True)
class Target:
    host: str  # as given on the command line
    address: str  # the one address that is probed (resolved once, never again)

    @property
    def public(self) -> bool:
        return not is_local_network(self.address)


def is_local_network(address: str) -> bool:
    """Private, loopback or link-local: where a device under test sits on a test network."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local


def resolve_targets(hosts: list[str], *, allow_public: bool = False, reason: str | None = None) -> list[Target]:
    """Resolve each host once. Public addresses are refused unless allowed with a reason."""
    if not hosts:
        raise UsageError("give at least one host to probe")
    if allow_public and not (reason or "").strip():
        raise UsageError("--allow-public needs --reason: say why a public address may be probed")
    out: list[Target] = []
    for host in hosts:
        address = _resolve(host)
        target = Target(host, address)
        if target.public and not allow_public:
            raise UsageError(
                f"{host} ({address}) is a public address: psti probes devices on a test network "
                "(private, loopback or link-local addresses). Use --allow-public --reason '…' if you must."
            )
        out.append(target)
    return out


def _resolve(host: str) -> str:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UsageError(f"cannot resolve {host!r}: {exc}") from None
    # The first address only: a name that resolves to several is probed at one, named in the record.
    return str(infos[0][4][0])
