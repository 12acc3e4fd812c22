"""One small client per login protocol: `inspect` a port, `attempt` one credential.

Each client reads only what it needs, never changes anything on the device (a login is
ended at once), and reports every exchange as transcript lines for the record.
"""

from __future__ import annotations

from collections.abc import Callable

from psti.evidence.device.model import Attempt, Credential, Service
from psti.evidence.device.protocols import ftp, http, mqtt, rtsp, ssh, telnet

AttemptFn = Callable[[Service, Credential, float], Attempt]

ATTEMPT: dict[str, AttemptFn] = {
    "ssh": ssh.attempt,
    "telnet": telnet.attempt,
    "ftp": ftp.attempt,
    "http": http.attempt,
    "https": http.attempt,
    "mqtt": mqtt.attempt,
    "rtsp": rtsp.attempt,
}
