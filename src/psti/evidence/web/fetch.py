"""Safe fetching of untrusted URLs.

Used by the web collectors and by the registry service, which fetches URLs that users
give it. The rules: http and https only; the host name is resolved once and every
address is checked (global unicast only unless `allow_private`); the connection goes
to the checked address with the Host header and TLS SNI kept, so a second DNS answer
cannot swap the target (DNS rebinding); each redirect is checked the same way; sizes
and time are bounded. The address rules and the pinning live in `psti.netguard`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ssl
import time
from dataclasses import dataclass, field

import httpx

from psti import __version__, netguard
from psti.errors import PstiError

USER_AGENT = f"psti/{__version__} (+https://github.com/psti-dev/psti; evidence collector for UK PSTI checks)"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}

Resolver = netguard.Resolver


class FetchError(PstiError):
    """A URL could not be fetched. `reason` is a stable code, e.g. `private-address`."""

    REASONS = (
        "bad-url",
        "bad-scheme",
        "dns-failed",
        "private-address",
        "connect-failed",
        "tls-error",
        "timeout",
        "too-large",
        "too-many-redirects",
        "redirect-loop",
        "bad-redirect",
        "protocol-error",
    )

    def __init__(self, reason: str, url: str, detail: str) -> None:
        self.reason = reason
        self.url = url
        self.detail = detail
        super().__init__(f"cannot fetch {url}: {detail} [{reason}]")


@dataclass(frozen=True)
class FetchedDocument:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-cased names
    content: bytes
    sha256: str
    fetched_at: dt.datetime
    redirects: tuple[tuple[str, int], ...] = ()  # (url, status) of each redirect hop
    address: str = ""  # the IP address connected to for the final response

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def media_type(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip('"').lower() or None
        return None


@dataclass
class _Hop:
    url: httpx.URL
    redirects: list[tuple[str, int]] = field(default_factory=list)


address_refusal = netguard.address_refusal  # kept importable from here for callers and tests


def _checked_address(
    url: httpx.URL, allow_private: bool, timeout: float, resolver: Resolver, allow_addresses: frozenset[str]
) -> str:
    try:
        return netguard.checked_address(
            url, allow_private=allow_private, timeout=timeout, resolver=resolver, allow_addresses=allow_addresses
        )
    except netguard.GuardError as e:
        detail = e.detail + (" (use --allow-private to permit)" if e.reason == "private-address" else "")
        raise FetchError(e.reason, e.url, detail) from None


def _parse_url(url: str) -> httpx.URL:
    try:
        return netguard.parse_url(url)
    except netguard.GuardError as e:
        raise FetchError(e.reason, e.url, e.detail) from None


def _is_tls_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        text = str(seen).upper()
        if "SSL" in text or "CERTIFICATE" in text or "TLS" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    verify: bool | str | ssl.SSLContext = True,
    user_agent: str = USER_AGENT,
    accept: str = "text/plain, text/html;q=0.9, */*;q=0.5",
    resolver: Resolver | None = None,
    allow_addresses: frozenset[str] | set[str] = frozenset(),
) -> FetchedDocument:
    """GET a URL safely. Raises FetchError (with `.reason`) when it cannot.

    `timeout` bounds each network step and also the whole fetch (at most twice the value
    overall); `max_bytes` bounds the decoded body. Non-2xx responses are returned, not
    raised, so callers can tell "not found" from "unreachable". `allow_addresses` lists
    addresses permitted even though internal (an operator's allow-list); `resolver`
    replaces the system resolver (host, port) -> addresses.
    """
    resolver = resolver or netguard.system_resolver
    start = time.monotonic()
    deadline = start + 2 * timeout
    hop = _Hop(_parse_url(url))
    visited = {str(hop.url)}
    headers = {"User-Agent": user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
    if isinstance(verify, str):  # a CA bundle file
        try:
            verify = ssl.create_default_context(cafile=verify)
        except (OSError, ssl.SSLError) as e:
            raise FetchError("tls-error", url, f"cannot load the CA bundle {verify}: {e}") from None
    with httpx.Client(verify=verify, timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False) as client:
        while True:
            address = _checked_address(hop.url, allow_private, timeout, resolver, frozenset(allow_addresses))
            status, resp_headers, content = _get_once(client, hop.url, address, headers, max_bytes, deadline, timeout)
            if status in _REDIRECTS and "location" in resp_headers:
                target = _redirect_target(hop.url, resp_headers["location"], url)
                hop.redirects.append((str(hop.url), status))
                if len(hop.redirects) > max_redirects:
                    raise FetchError(
                        "too-many-redirects", url, f"more than {max_redirects} redirects (last to {target})"
                    )
                if str(target) in visited:
                    raise FetchError("redirect-loop", url, f"redirect loop back to {target}")
                visited.add(str(target))
                hop.url = target
                continue
            return FetchedDocument(
                url=url,
                final_url=str(hop.url),
                status=status,
                headers=resp_headers,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                fetched_at=dt.datetime.now(dt.UTC),
                redirects=tuple(hop.redirects),
                address=address,
            )


def _redirect_target(current: httpx.URL, location: str, original: str) -> httpx.URL:
    try:
        target = current.join(location.strip())
    except (httpx.InvalidURL, ValueError) as e:
        raise FetchError("bad-redirect", original, f"redirect to an invalid location {location!r}: {e}") from None
    if target.scheme not in ("http", "https"):
        raise FetchError("bad-scheme", original, f"redirect to a non-http(s) URL {location!r}")
    return target


def _get_once(
    client: httpx.Client,
    url: httpx.URL,
    address: str,
    headers: dict[str, str],
    max_bytes: int,
    deadline: float,
    timeout: float,
) -> tuple[int, dict[str, str], bytes]:
    request = netguard.pinned_request(client, "GET", url, address, headers)
    try:
        response = client.send(request, stream=True)
    except httpx.TimeoutException:
        raise FetchError("timeout", str(url), f"no response within {timeout:g}s") from None
    except httpx.ConnectError as e:
        if _is_tls_error(e):
            raise FetchError("tls-error", str(url), f"TLS handshake failed: {_short(e)}") from None
        raise FetchError("connect-failed", str(url), f"cannot connect to {address}: {_short(e)}") from None
    except httpx.HTTPError as e:
        if _is_tls_error(e):
            raise FetchError("tls-error", str(url), f"TLS error: {_short(e)}") from None
        raise FetchError("protocol-error", str(url), _short(e)) from None
    try:
        resp_headers = {k.lower(): v for k, v in response.headers.items()}
        declared = resp_headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes and response.status_code not in _REDIRECTS:
            raise FetchError(
                "too-large", str(url), f"the response is {int(declared):,} bytes, over the {max_bytes:,}-byte limit"
            )
        body = bytearray()
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError("too-large", str(url), f"the response is over the {max_bytes:,}-byte limit")
                if time.monotonic() > deadline:
                    raise FetchError("timeout", str(url), f"the response took longer than {2 * timeout:g}s")
        except httpx.TimeoutException:
            raise FetchError("timeout", str(url), f"the response stalled for over {timeout:g}s") from None
        except httpx.HTTPError as e:
            raise FetchError("protocol-error", str(url), f"broken response: {_short(e)}") from None
        return response.status_code, resp_headers, bytes(body)
    finally:
        response.close()


def _short(e: BaseException) -> str:
    text = str(e) or type(e).__name__
    return text if len(text) < 300 else text[:297] + "..."
