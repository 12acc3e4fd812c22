"""What listens on the device and how it asks for credentials.

A TCP connect to each port (well-known login ports and any the user adds); an open port
is identified by what it says first (SSH and FTP banners, telnet negotiation or a login
prompt) or, if silent, by what it answers (MQTT CONNACK, RTSP, HTTP, HTTPS). HTTP
services are read for their authentication (Basic, Digest, an HTML login form) and for
words that fingerprint the vendor (Server header, realm, title, UPnP description).
"""

from __future__ import annotations

import re
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from psti.evidence.device.model import Service
from psti.evidence.device.protocols import http, mqtt, rtsp
from psti.evidence.device.protocols._text import text

DEFAULT_PORTS = (21, 22, 23, 80, 81, 443, 554, 1883, 8000, 8080, 8081, 8443, 49152)
TLS_PORTS = frozenset({443, 8443})
DESCRIPTION_PATHS = ("/rootDesc.xml", "/description.xml", "/upnp/description.xml", "/DeviceDescription.xml")
DESCRIPTION_FIELDS = re.compile(r"<(manufacturer|modelName|modelNumber|friendlyName)>([^<]{1,100})</", re.I)
WORD = re.compile(r"[a-z][a-z0-9-]{2,}", re.I)


@dataclass
class PortResult:
    port: int
    state: str  # open | closed | filtered | unidentified
    detail: str = ""
    service: Service | None = None


def _banner(address: str, port: int, timeout: float) -> tuple[str, bytes]:
    """('open', first bytes said within a second) or ('closed'|'filtered', b'')."""
    try:
        sock = socket.create_connection((address, port), timeout=timeout)
    except ConnectionRefusedError:
        return "closed", b""
    except OSError:
        return "filtered", b""
    with sock:
        sock.settimeout(min(1.0, timeout))
        try:
            return "open", sock.recv(1024)
        except OSError:
            return "open", b""


def _words(*texts: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for t in texts:
        for w in WORD.findall(t or ""):
            found[w.lower()] = None
    return tuple(found)


def identify(address: str, port: int, timeout: float) -> PortResult:
    state, first = _banner(address, port, timeout)
    if state != "open":
        return PortResult(port, state)
    if first.startswith(b"SSH-"):
        banner = text(first.split(b"\n", 1)[0]).strip()
        return PortResult(port, "open", banner, Service(address, port, "ssh", "password", banner,
                                                        fingerprint=_words(banner)))
    if first[:3] in (b"220", b"230"):
        banner = text(first).strip()
        return PortResult(port, "open", banner, Service(address, port, "ftp", "password", banner,
                                                        fingerprint=_words(banner)))
    if first[:1] == b"\xff" or re.search(rb"(?:login|user ?name|password)\s*:\s*$", first.rstrip(), re.I):
        banner = text(first.replace(b"\xff", b"")).strip()
        return PortResult(port, "open", banner, Service(address, port, "telnet", "password", banner,
                                                        fingerprint=_words(banner)))
    for probe in _silent_probes(port):
        service = probe(address, port, timeout)
        if service is not None:
            return PortResult(port, "open", service.banner, service)
    return PortResult(port, "unidentified", text(first, 120))


def _silent_probes(port: int) -> list[Callable[[str, int, float], Service | None]]:
    order: list[Callable[[str, int, float], Service | None]] = [_try_http, _try_https, _try_mqtt, _try_rtsp]
    if port == 1883:
        order.insert(0, order.pop(2))
    elif port == 554:
        order.insert(0, order.pop(3))
    elif port in TLS_PORTS:
        order.insert(0, order.pop(1))
    return order


def _try_mqtt(address: str, port: int, timeout: float) -> Service | None:
    try:
        code = mqtt.connack(address, port, None, None, timeout)
    except OSError:
        return None
    auth = "none" if code == 0 else "password"
    return Service(address, port, "mqtt", auth, f"MQTT broker (anonymous CONNACK {code})")


def _try_rtsp(address: str, port: int, timeout: float) -> Service | None:
    service = Service(address, port, "rtsp", "unknown")
    try:
        code, headers = rtsp.request(service, {}, timeout)
    except (OSError, ValueError):
        return None
    challenge = headers.get("www-authenticate", "")
    service.auth = "none" if code == 200 else ("digest" if challenge.lower().startswith("digest") else "basic")
    service.banner = headers.get("server", "")
    service.fingerprint = _words(service.banner, challenge)
    return service


def _try_http(address: str, port: int, timeout: float) -> Service | None:
    return _http_service(Service(address, port, "http"), timeout)


def _try_https(address: str, port: int, timeout: float) -> Service | None:
    return _http_service(Service(address, port, "https"), timeout)


def _http_service(service: Service, timeout: float) -> Service | None:
    url = http.base_url(service)
    try:
        with http.client(timeout) as c:
            r = c.get(url + "/")
            hops = 0
            while r.is_redirect and hops < 3:  # a login page behind a redirect, same host only
                target = httpx.URL(url + "/").join(r.headers.get("location", ""))
                if target.host != httpx.URL(url).host:
                    break
                service.path = target.raw_path.decode("ascii", "replace") or "/"
                r = c.get(target)
                hops += 1
            body = r.content[: http.MAX_BODY].decode("utf-8", "replace")
            description = _description(c, url)
    except (httpx.HTTPError, ssl.SSLError, OSError, UnicodeError):
        return None
    server = r.headers.get("server", "")
    challenge = r.headers.get("www-authenticate", "")
    form, title = http.find_login_form(body)
    if r.status_code == 401 and challenge:
        service.auth = "digest" if challenge.lower().startswith("digest") else "basic"
        realm = re.search(r'realm="([^"]*)"', challenge)
        service.realm = realm.group(1) if realm else None
    elif form is not None:
        service.auth, service.form = "form", form
    else:
        service.auth = "none"
    service.banner = " ".join(filter(None, [f"HTTP {r.status_code}", server, title]))
    service.fingerprint = _words(server, service.realm or "", title, description)
    return service


def _description(c: httpx.Client, url: str) -> str:
    """Vendor and model from a UPnP device description, where the device serves one."""
    for path in DESCRIPTION_PATHS:
        try:
            r = c.get(url + path)
        except httpx.HTTPError:
            return ""
        if r.status_code == 200:
            return " ".join(v for _, v in DESCRIPTION_FIELDS.findall(r.text[:65536]))
    return ""


def discover(address: str, ports: tuple[int, ...], timeout: float) -> list[PortResult]:
    return [identify(address, port, timeout) for port in ports]
