"""The one guard for outgoing requests to URLs that users give (CLI collectors and service).

Rules: http and https only, no user name or password in the URL; the host name is
resolved once and every answer must be a global unicast address (no private, shared
100.64.0.0/10, loopback, link-local, metadata, multicast or reserved addresses, unless
the caller allows private ones or lists the address); the connection then goes to the
address that was checked, with the Host header and TLS SNI naming the host, so a second
DNS answer cannot swap the target (DNS rebinding). Callers check every redirect hop with
the same call.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import httpx

from psti.errors import PstiError

Resolver = Callable[[str, int], list[str]]

# Cloud metadata endpoints; most are link-local already, listed so the reason is explicit.
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("169.254.170.2"),
    ipaddress.ip_address("100.100.100.200"),
    ipaddress.ip_address("fd00:ec2::254"),
}
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT (RFC 6598): internal


class GuardError(PstiError):
    """A URL may not be fetched. `reason` is a stable code: bad-url, bad-scheme, dns-failed,
    private-address."""

    def __init__(self, reason: str, url: str, detail: str) -> None:
        self.reason = reason
        self.url = url
        self.detail = detail
        super().__init__(f"cannot fetch {url}: {detail} [{reason}]")


def address_refusal(addr: str) -> str | None:
    """Why an address may not be fetched without allow_private, or None if it is global unicast."""
    ip = ipaddress.ip_address(addr)
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return address_refusal(str(mapped))
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "an unspecified address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return "a shared (carrier-grade NAT) address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for info in infos:
        addr = str(info[4][0]).split("%", 1)[0]
        if addr not in seen:
            seen.append(addr)
    return seen


def ascii_host(url: httpx.URL) -> str:
    """The host as sent on the wire: IDNA (punycode) for international names."""
    return url.raw_host.decode("ascii", errors="replace")


def parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as e:
        raise GuardError("bad-url", url, f"not a valid URL: {e}") from None
    if not parsed.scheme or not parsed.host:
        raise GuardError("bad-url", url, "not an absolute http(s) URL")
    return parsed


def _resolve(host: str, port: int, timeout: float, resolver: Resolver, url: str) -> list[str]:
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        addrs = pool.submit(resolver, host, port).result(timeout=timeout)
    except FutureTimeout:
        raise GuardError("dns-failed", url, f"resolving {host} took longer than {timeout:g}s") from None
    except (OSError, UnicodeError) as e:
        raise GuardError("dns-failed", url, f"cannot resolve {host}: {e}") from None
    finally:
        pool.shutdown(wait=False)
    if not addrs:
        raise GuardError("dns-failed", url, f"{host} has no address")
    return addrs


def checked_address(
    url: httpx.URL,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    resolver: Resolver | None = None,
    allow_addresses: frozenset[str] = frozenset(),
) -> str:
    """The one address to connect to for `url`, after checking the URL and every DNS answer."""
    if url.scheme not in ("http", "https"):
        raise GuardError("bad-scheme", str(url), f"only http and https URLs are fetched, not {url.scheme!r}")
    host = ascii_host(url)
    if not host:
        raise GuardError("bad-url", str(url), "the URL has no host")
    if url.userinfo:
        raise GuardError("bad-url", str(url), "URLs with a user name or password are not fetched")
    port = url.port or (443 if url.scheme == "https" else 80)
    addrs = _resolve(host.strip("[]"), port, timeout, resolver or system_resolver, str(url))
    if not allow_private:
        # Refuse if any answer is internal: an attacker controls which one a client picks.
        for addr in addrs:
            why = None if addr in allow_addresses else address_refusal(addr)
            if why is not None:
                raise GuardError(
                    "private-address",
                    str(url),
                    f"{host} resolves to {addr}, {why}; refused as a private address (only global unicast is fetched)",
                )
    return addrs[0]


def pinned_request(
    client: httpx.Client, method: str, url: httpx.URL, address: str, headers: dict[str, str]
) -> httpx.Request:
    """A request that connects to `address` while naming the URL's host in Host and TLS SNI."""
    host = ascii_host(url)
    target = url.copy_with(host=address)
    host_header = host if url.port is None else f"{host}:{url.port}"
    extensions: dict[str, Any] = {}
    if url.scheme == "https":
        extensions["sni_hostname"] = host.strip("[]")
    return client.build_request(method, target, headers={**headers, "Host": host_header}, extensions=extensions)
