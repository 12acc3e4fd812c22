"""RTSP: DESCRIBE with Basic or Digest credentials; 200 is a login, 401 a refusal."""

from __future__ import annotations

import base64
import hashlib
import re
import socket

from psti.evidence.device.model import Attempt, Credential, Outcome, Service

CHALLENGE = re.compile(r'(\w+)="?([^",]*)"?')


def request(service: Service, headers: dict[str, str], timeout: float) -> tuple[int, dict[str, str]]:
    """One DESCRIBE; returns the status code and the headers (lower-case names)."""
    url = f"rtsp://{service.address}:{service.port}{service.path}"
    lines = [f"DESCRIBE {url} RTSP/1.0", "CSeq: 1", "User-Agent: psti-probe", "Accept: application/sdp"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    with socket.create_connection((service.address, service.port), timeout=timeout) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    status_line, *rest = head.split("\r\n")
    parts = status_line.split()
    if len(parts) < 2 or not parts[0].startswith("RTSP/") or not parts[1].isdigit():
        raise ConnectionError(f"not an RTSP answer: {status_line[:80]!r}")
    found = {}
    for line in rest:
        name, _, value = line.partition(":")
        found[name.strip().lower()] = value.strip()
    return int(parts[1]), found


def _digest(challenge: str, cred: Credential, uri: str) -> str:
    params = dict(CHALLENGE.findall(challenge))
    realm, nonce = params.get("realm", ""), params.get("nonce", "")
    ha1 = hashlib.md5(f"{cred.user}:{realm}:{cred.password}".encode()).hexdigest()
    ha2 = hashlib.md5(f"DESCRIBE:{uri}".encode()).hexdigest()
    response = hashlib.md5(f"{ha1}:{nonce}:{ha2}".encode()).hexdigest()
    return (f'Digest username="{cred.user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
            f'response="{response}"')


def attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    transcript = [f"> DESCRIBE {service.path} user={cred.user!r} password={cred.shown!r}"]
    uri = f"rtsp://{service.address}:{service.port}{service.path}"
    try:
        code, headers = request(service, {}, timeout)
        challenge = headers.get("www-authenticate", "")
        if code == 200:
            return Attempt(Outcome.SUCCESS, "no authentication asked", transcript)
        if challenge.lower().startswith("digest"):
            auth = _digest(challenge, cred, uri)
        else:
            auth = "Basic " + base64.b64encode(f"{cred.user}:{cred.password}".encode()).decode()
        code, _ = request(service, {"Authorization": auth}, timeout)
    except OSError as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    transcript.append(f"< RTSP {code}")
    if code == 200:
        return Attempt(Outcome.SUCCESS, "RTSP 200", transcript)
    if code in (401, 403):
        return Attempt(Outcome.FAILURE, f"RTSP {code}", transcript)
    return Attempt(Outcome.ERROR, f"RTSP {code}", transcript)
