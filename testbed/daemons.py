"""Real login daemons on 127.0.0.1 for the probe tests, with known accounts.

sshd, telnetd (with login), vsftpd, lighttpd and mosquitto, each started as a child
process. Daemons that authenticate system accounts run in a private mount namespace in
which /etc/passwd, /etc/shadow and /etc/group are the test's own files, so the machine's
accounts are never touched. Needs root (unshare, mount) and the Debian packages that
`scripts/install-system.sh` installs.
"""

from __future__ import annotations

import crypt
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

# Accounts seeded on every daemon: two published defaults and one unique password.
DEFAULTS = {"admin": "admin", "root": "root"}
UNIQUE = {"user": "Kq7!unique-Zp2-w9"}  # a corpus account name, with its own password
ACCOUNTS = {**DEFAULTS, **UNIQUE}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"daemon exited with {proc.returncode}: {said}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


def missing(*programs: str) -> list[str]:
    return [p for p in programs if shutil.which(p, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin") is None]


@dataclass
class Daemon:
    name: str
    port: int
    proc: subprocess.Popen[bytes]


@contextmanager
def _running(name: str, cmd: list[str], port: int, cwd: Path) -> Iterator[Daemon]:
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for_port(port, proc)
        yield Daemon(name, port, proc)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, 9)
        proc.wait()
        if proc.stderr:
            proc.stderr.close()


def account_files(root: Path, accounts: dict[str, str], empty: tuple[str, ...] = ()) -> Path:
    """passwd, shadow, group and shells for the namespace; `empty`: accounts with no password."""
    etc = root / "etc"
    etc.mkdir(parents=True, exist_ok=True)
    passwd = ["sshd:x:100:65534::/run/sshd:/usr/sbin/nologin",
              "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
              "ftp:x:101:65534::/srv/ftp:/usr/sbin/nologin"]
    shadow = ["sshd:*:19000:0:99999:7:::", "nobody:*:19000:0:99999:7:::", "ftp:*:19000:0:99999:7:::"]
    home = "/tmp"  # reachable after the daemon drops privileges (the test's own folder may not be)
    for uid, (user, password) in enumerate(sorted(accounts.items()), start=2000):
        uid_ = 0 if user == "root" else uid
        passwd.insert(0, f"{user}:x:{uid_}:{uid_}:{user}:{home}:/bin/sh")
        shadow.insert(0, f"{user}:{crypt.crypt(password, crypt.mksalt(crypt.METHOD_SHA512))}:19000:0:99999:7:::")
    for user in empty:
        passwd.insert(0, f"{user}:x:3000:3000:{user}:{home}:/bin/sh")
        shadow.insert(0, f"{user}::19000:0:99999:7:::")
    (etc / "passwd").write_text("\n".join(passwd) + "\n")
    (etc / "shadow").write_text("\n".join(shadow) + "\n")
    (etc / "shadow").chmod(0o640)
    groups = ["root:x:0:", "nogroup:x:65534:"]
    groups += [f"{u}:x:{2000 + i}:" for i, u in enumerate(sorted(accounts)) if u != "root"]
    (etc / "group").write_text("\n".join(groups) + "\n")
    return etc


def in_namespace(etc: Path, command: list[str]) -> list[str]:
    """Run `command` in a private mount namespace that sees `etc`'s account files."""
    binds = " && ".join(f"mount --bind {etc / f} /etc/{f}" for f in ("passwd", "shadow", "group"))
    quoted = " ".join(f"'{c}'" for c in command)
    return ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
            f"{binds} && mkdir -p /run/sshd && exec {quoted}"]


@contextmanager
def sshd(tmp: Path, accounts: dict[str, str] = ACCOUNTS, empty: tuple[str, ...] = ()) -> Iterator[Daemon]:
    etc = account_files(tmp, accounts, empty)
    key = tmp / "host_key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    port = free_port()
    config = tmp / "sshd_config"
    config.write_text(textwrap.dedent(f"""\
        Port {port}
        ListenAddress 127.0.0.1
        HostKey {key}
        PidFile {tmp / 'sshd.pid'}
        PasswordAuthentication yes
        KbdInteractiveAuthentication no
        PermitRootLogin yes
        PermitEmptyPasswords {'yes' if empty else 'no'}
        UsePAM no
        StrictModes no
        MaxAuthTries 20
        """))
    with _running("sshd", in_namespace(etc, ["/usr/sbin/sshd", "-D", "-e", "-f", str(config)]), port, tmp) as d:
        yield d


INETD = """
import os, socket, sys
port = int(sys.argv[1]); cmd = sys.argv[2:]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port)); s.listen(16)
while True:
    conn, _ = s.accept()
    if os.fork() == 0:
        s.close()
        for fd in (0, 1, 2):
            os.dup2(conn.fileno(), fd)
        os.execv(cmd[0], cmd)
    conn.close()
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass
"""


@contextmanager
def telnetd(tmp: Path, accounts: dict[str, str] = ACCOUNTS, empty: tuple[str, ...] = ()) -> Iterator[Daemon]:
    etc = account_files(tmp, accounts, empty)
    port = free_port()
    script = tmp / "inetd.py"
    script.write_text(INETD)
    cmd = in_namespace(etc, [sys.executable, str(script), str(port), "/usr/sbin/telnetd"])
    with _running("telnetd", cmd, port, tmp) as d:
        yield d


@contextmanager
def vsftpd(tmp: Path, accounts: dict[str, str] = ACCOUNTS) -> Iterator[Daemon]:
    etc = account_files(tmp, accounts)
    port = free_port()
    config = tmp / "vsftpd.conf"
    config.write_text(textwrap.dedent(f"""\
        listen=YES
        listen_address=127.0.0.1
        listen_port={port}
        background=NO
        anonymous_enable=NO
        local_enable=YES
        write_enable=NO
        pam_service_name=vsftpd
        seccomp_sandbox=NO
        secure_chroot_dir=/var/run/vsftpd/empty
        check_shell=NO
        delay_failed_login=0
        max_login_fails=20
        """))
    Path("/var/run/vsftpd/empty").mkdir(parents=True, exist_ok=True)
    with _running("vsftpd", in_namespace(etc, ["/usr/sbin/vsftpd", str(config)]), port, tmp) as d:
        yield d


@contextmanager
def mosquitto(tmp: Path, accounts: dict[str, str] = ACCOUNTS, anonymous: bool = False) -> Iterator[Daemon]:
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    pwfile = tmp / "mosquitto.passwd"
    pwfile.write_text("")
    for user, password in accounts.items():
        subprocess.run(["mosquitto_passwd", "-b", str(pwfile), user, password], check=True, capture_output=True)
    config = tmp / "mosquitto.conf"
    config.write_text(f"user root\nlistener {port} 127.0.0.1\nallow_anonymous {'true' if anonymous else 'false'}\n"
                      + ("" if anonymous else f"password_file {pwfile}\n") + "persistence false\nlog_dest stderr\n")
    os.chmod(pwfile, 0o600)
    with _running("mosquitto", ["mosquitto", "-c", str(config)], port, tmp) as d:
        yield d


FORM_CGI = """#!{python}
import os, sys, urllib.parse, pathlib
accounts = {accounts!r}
state = pathlib.Path({state!r})
lock_after = {lock_after!r}
fails = int(state.read_text() or 0) if state.exists() else 0
data = urllib.parse.parse_qs(sys.stdin.read(int(os.environ.get("CONTENT_LENGTH") or 0)))
user, password = data.get("username", [""])[0], data.get("password", [""])[0]
if lock_after and fails >= lock_after:
    print("Status: 429 Too Many Requests\\r\\nContent-Type: text/html\\r\\n\\r\\n"
          "<p>Too many failed logins, try again later</p>")
elif accounts.get(user) == password and os.environ.get("REQUEST_METHOD") == "POST":
    print("Status: 302 Found\\r\\nLocation: /home.html\\r\\nContent-Type: text/html\\r\\n\\r\\n<p>welcome</p>")
else:
    state.write_text(str(fails + 1))
    print("Content-Type: text/html\\r\\n\\r\\n<html><title>Acme Cam login</title><p>Invalid user name or password</p>"
          '<form method="post" action="/cgi-bin/login.py"><input name="username"><input type="password" '
          'name="password"><input type="hidden" name="lang" value="en"></form></html>')
"""


@contextmanager
def lighttpd(tmp: Path, auth: str, accounts: dict[str, str] = ACCOUNTS, lock_after: int = 0) -> Iterator[Daemon]:
    """auth: basic | digest | form (a CGI login page; `lock_after` failures then 429)."""
    tmp.mkdir(parents=True, exist_ok=True)
    port = free_port()
    docroot = tmp / "www"
    (docroot / "cgi-bin").mkdir(parents=True, exist_ok=True)
    (docroot / "home.html").write_text("<html>camera home</html>")
    (docroot / "index.html").write_text("<html>camera settings</html>")
    (docroot / "secret").mkdir(exist_ok=True)
    (docroot / "secret" / "index.html").write_text("<html>settings</html>")
    lines = [f'server.document-root = "{docroot}"', f"server.port = {port}", 'server.bind = "127.0.0.1"',
             'server.modules += ("mod_auth", "mod_authn_file", "mod_cgi")', 'index-file.names = ("index.html")',
             'server.tag = "AcmeCam-httpd"', f'server.errorlog = "{tmp / "error.log"}"']
    if auth == "form":
        cgi = docroot / "cgi-bin" / "login.py"
        cgi.write_text(FORM_CGI.format(python=sys.executable, accounts=accounts, state=str(tmp / "fails"),
                                       lock_after=lock_after))
        cgi.chmod(0o755)
        (docroot / "index.html").write_text(
            '<html><title>Acme Cam login</title><form method="post" action="/cgi-bin/login.py">'
            '<input name="username"><input type="password" name="password">'
            '<input type="hidden" name="lang" value="en"></form></html>')
        lines += ['cgi.assign = (".py" => "")']
    else:
        users = tmp / "users"
        if auth == "basic":
            users.write_text("".join(f"{u}:{p}\n" for u, p in accounts.items()))
            backend = f'auth.backend = "plain"\nauth.backend.plain.userfile = "{users}"'
        else:
            users.write_text("".join(
                f"{u}:Acme:{hashlib.md5(f'{u}:Acme:{p}'.encode()).hexdigest()}\n" for u, p in accounts.items()))
            backend = f'auth.backend = "htdigest"\nauth.backend.htdigest.userfile = "{users}"'
        require = f'("method" => "{auth}", "realm" => "Acme", "require" => "valid-user")'
        lines += [backend, f'auth.require = ("/" => {require})']
    config = tmp / f"lighttpd-{auth}.conf"
    config.write_text("\n".join(lines) + "\n")
    with _running("lighttpd", ["lighttpd", "-D", "-f", str(config)], port, tmp) as d:
        yield d
