"""SSH: password (and keyboard-interactive) authentication; no session is opened."""

from __future__ import annotations

import logging
import socket

import paramiko

from psti.evidence.device.model import Attempt, Credential, Outcome, Service

logging.getLogger("paramiko").setLevel(logging.CRITICAL)  # its tracebacks are not the user's business


def _transport(service: Service, timeout: float) -> paramiko.Transport:
    sock = socket.create_connection((service.address, service.port), timeout=timeout)
    transport = paramiko.Transport(sock)
    transport.banner_timeout = timeout
    transport.auth_timeout = timeout
    transport.start_client(timeout=timeout)
    return transport


def accepts_no_password(service: Service, user: str, timeout: float) -> bool:
    """Whether the server lets `user` in with the 'none' method (no password at all)."""
    try:
        transport = _transport(service, timeout)
    except (OSError, paramiko.SSHException):
        return False
    try:
        transport.auth_none(user)
        return transport.is_authenticated()
    except paramiko.BadAuthenticationType:
        return False
    except (OSError, paramiko.SSHException):
        return False
    finally:
        transport.close()


def attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    transcript = [f"> password authentication user={cred.user!r} password={cred.shown!r}"]
    try:
        transport = _transport(service, timeout)
    except (OSError, paramiko.SSHException, EOFError) as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    try:
        transcript.insert(0, f"< {transport.remote_version}")
        try:
            transport.auth_password(cred.user, cred.password)
        except paramiko.BadAuthenticationType as exc:
            if "keyboard-interactive" not in exc.allowed_types:
                return Attempt(Outcome.FAILURE, f"password authentication not offered ({exc.allowed_types})",
                               transcript)
            transport.auth_interactive(cred.user, lambda title, instr, prompts: [cred.password] * len(prompts))
        if transport.is_authenticated():
            transcript.append("< authentication succeeded (no channel opened)")
            return Attempt(Outcome.SUCCESS, "authenticated", transcript)
        return Attempt(Outcome.FAILURE, "not authenticated", transcript)
    except paramiko.AuthenticationException as exc:
        transcript.append(f"< {exc}")
        return Attempt(Outcome.FAILURE, str(exc), transcript)
    except (OSError, paramiko.SSHException, EOFError) as exc:
        message = str(exc)
        lock = "too many" in message.lower()
        return Attempt(Outcome.LOCKOUT if lock else Outcome.ERROR, f"{type(exc).__name__}: {message}", transcript)
    finally:
        transport.close()
