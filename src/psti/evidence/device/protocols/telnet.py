"""Telnet: answer option negotiation with refusals, then login prompt, user, password.

A shell prompt after the password is a login; the login prompt again, or a refusal
word, is a failure. A shell prompt before any password was asked means no password.
"""

from __future__ import annotations

import re
import socket
import time

from psti.evidence.device.model import Attempt, Credential, Outcome, Service
from psti.evidence.device.protocols._text import FAILURE_WORDS, LOCKOUT_WORDS, text

IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
LOGIN_PROMPT = re.compile(rb"(?:login|user ?name|user)\s*:\s*$", re.I)
PASSWORD_PROMPT = re.compile(rb"password\s*:\s*$", re.I)
SHELL_PROMPT = re.compile(rb"(?:[#$>%]|\]\s*[#$])\s*$")
MAX_READ = 64 * 1024


class TelnetSession:
    """A telnet connection that refuses every option and reads text until a pattern."""

    def __init__(self, address: str, port: int, timeout: float):
        self.sock = socket.create_connection((address, port), timeout=timeout)
        self.timeout = timeout
        self.seen = bytearray()

    def close(self) -> None:
        self.sock.close()

    def _strip_options(self, data: bytes) -> bytes:
        out = bytearray()
        i = 0
        while i < len(data):
            b = data[i]
            if b != IAC or i + 1 >= len(data):
                out.append(b)
                i += 1
                continue
            cmd = data[i + 1]
            if cmd in (DO, DONT, WILL, WONT) and i + 2 < len(data):
                opt = data[i + 2]
                if cmd == DO:
                    self.sock.sendall(bytes([IAC, WONT, opt]))
                elif cmd == WILL:
                    self.sock.sendall(bytes([IAC, DONT, opt]))
                i += 3
            elif cmd == SB:
                end = data.find(bytes([IAC, SE]), i)
                i = len(data) if end < 0 else end + 2
            elif cmd == IAC:
                out.append(IAC)
                i += 2
            else:
                i += 2
        return bytes(out)

    def read_until(self, *patterns: re.Pattern[bytes], wait: float | None = None) -> bytes:
        """Text until one pattern matches its end, the wait passes, or the peer closes."""
        deadline = time.monotonic() + (wait if wait is not None else self.timeout)
        start = len(self.seen)
        while time.monotonic() < deadline and len(self.seen) - start < MAX_READ:
            self.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(4096)
            except TimeoutError:
                break
            if not chunk:
                break
            self.seen += self._strip_options(chunk)
            if any(_ends_with(bytes(self.seen[start:]), p) for p in patterns):
                break
        return bytes(self.seen[start:])

    def send_line(self, line: str) -> None:
        self.sock.sendall(line.encode("utf-8") + b"\r\n")


def _ends_with(data: bytes, pattern: re.Pattern[bytes]) -> bool:
    """Whether the text ends with the pattern (prompts are followed by nothing but spaces)."""
    return bool(pattern.search(data.rstrip(b"\r\n\0 \t")))


def attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    transcript: list[str] = []
    try:
        session = TelnetSession(service.address, service.port, timeout)
    except OSError as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    try:
        banner = session.read_until(LOGIN_PROMPT, PASSWORD_PROMPT, SHELL_PROMPT)
        transcript.append("< " + text(banner))
        if LOCKOUT_WORDS.search(banner):
            return Attempt(Outcome.LOCKOUT, "the device refuses logins for now", transcript)
        if not _ends_with(banner, LOGIN_PROMPT) and not _ends_with(banner, PASSWORD_PROMPT):
            return Attempt(Outcome.ERROR, "no login prompt", transcript)
        if _ends_with(banner, LOGIN_PROMPT):
            session.send_line(cred.user)
            transcript.append(f"> {cred.user}")
            after_user = session.read_until(PASSWORD_PROMPT, SHELL_PROMPT, LOGIN_PROMPT)
            transcript.append("< " + text(after_user))
            if not _ends_with(after_user, PASSWORD_PROMPT):
                if _ends_with(after_user, SHELL_PROMPT) and not FAILURE_WORDS.search(after_user):
                    return Attempt(Outcome.SUCCESS, "shell prompt without a password", transcript)
                return Attempt(Outcome.FAILURE, "no password prompt", transcript)
        session.send_line(cred.password)
        transcript.append(f"> {cred.shown}")
        answer = session.read_until(SHELL_PROMPT, LOGIN_PROMPT, wait=timeout * 2)
        transcript.append("< " + text(answer))
        if LOCKOUT_WORDS.search(answer):
            return Attempt(Outcome.LOCKOUT, "lock-out words in the answer", transcript)
        if FAILURE_WORDS.search(answer) or _ends_with(answer, LOGIN_PROMPT):
            return Attempt(Outcome.FAILURE, "login refused", transcript)
        if _ends_with(answer, SHELL_PROMPT):
            session.send_line("exit")
            return Attempt(Outcome.SUCCESS, "shell prompt after the password", transcript)
        return Attempt(Outcome.FAILURE, "no shell prompt", transcript)
    except OSError as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    finally:
        session.close()
