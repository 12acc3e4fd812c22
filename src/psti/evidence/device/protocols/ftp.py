"""FTP: USER/PASS; 230 is a login, 530 a refusal, 421 a device that has had enough."""

from __future__ import annotations

import ftplib

from psti.evidence.device.model import Attempt, Credential, Outcome, Service
from psti.evidence.device.protocols._text import LOCKOUT_WORDS


def attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    transcript: list[str] = []
    try:
        with ftplib.FTP(timeout=timeout, encoding="latin-1") as ftp:
            transcript.append("< " + ftp.connect(service.address, service.port))
            transcript.append(f"> USER {cred.user}")
            transcript.append(f"> PASS {cred.shown}")
            reply = ftp.login(cred.user, cred.password)
            transcript.append("< " + reply)
            return Attempt(Outcome.SUCCESS, reply, transcript)
    except ftplib.error_perm as exc:
        transcript.append(f"< {exc}")
        return Attempt(Outcome.FAILURE, str(exc), transcript)
    except ftplib.error_temp as exc:  # 421 and friends: too many connections or failures
        transcript.append(f"< {exc}")
        locked = str(exc).startswith("421") or LOCKOUT_WORDS.search(str(exc).encode())
        return Attempt(Outcome.LOCKOUT if locked else Outcome.ERROR, str(exc), transcript)
    except (TimeoutError, OSError, EOFError, ftplib.Error) as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
