"""MQTT 3.1.1: a CONNECT with user name and password; CONNACK's return code decides."""

from __future__ import annotations

import socket
import struct

from psti.evidence.device.model import Attempt, Credential, Outcome, Service

CONNACK_CODES = {
    0: "accepted",
    1: "unacceptable protocol version",
    2: "client identifier rejected",
    3: "server unavailable",
    4: "bad user name or password",
    5: "not authorised",
}


def _string(value: str) -> bytes:
    raw = value.encode("utf-8")
    return struct.pack(">H", len(raw)) + raw


def _remaining_length(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n % 128, n // 128
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def connect_packet(user: str | None, password: str | None, client_id: str = "psti-probe") -> bytes:
    flags = 0x02  # clean session
    payload = _string(client_id)
    if user is not None:
        flags |= 0x80
        payload += _string(user)
        if password is not None:
            flags |= 0x40
            payload += _string(password)
    variable = _string("MQTT") + bytes([4, flags]) + struct.pack(">H", 30)
    body = variable + payload
    return bytes([0x10]) + _remaining_length(len(body)) + body


def connack(address: str, port: int, user: str | None, password: str | None, timeout: float) -> int:
    """The CONNACK return code for these credentials (None, None: anonymous)."""
    with socket.create_connection((address, port), timeout=timeout) as sock:
        sock.sendall(connect_packet(user, password))
        data = b""
        while len(data) < 4:
            chunk = sock.recv(4 - len(data))
            if not chunk:
                raise ConnectionError("connection closed before CONNACK")
            data += chunk
        if data[0] != 0x20:
            raise ConnectionError(f"not an MQTT CONNACK (first byte {data[0]:#x})")
        sock.sendall(b"\xe0\x00")  # DISCONNECT: leave nothing behind
        return data[3]


def attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    transcript = [f"> CONNECT user={cred.user!r} password={cred.shown!r}"]
    try:
        code = connack(service.address, service.port, cred.user, cred.password, timeout)
    except OSError as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    reason = CONNACK_CODES.get(code, f"return code {code}")
    transcript.append(f"< CONNACK {code} ({reason})")
    if code == 0:
        return Attempt(Outcome.SUCCESS, reason, transcript)
    if code in (4, 5):
        return Attempt(Outcome.FAILURE, reason, transcript)
    return Attempt(Outcome.ERROR, reason, transcript)
