"""`psti serve`: run the registry service (web pages and JSON API)."""

from __future__ import annotations

import errno
import gc
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from psti import files
from psti.errors import PstiError
from psti.service.settings import DEFAULT_PORT

if TYPE_CHECKING:
    from fastapi import FastAPI

    from psti.service.settings import Settings


class ServeError(PstiError):
    """The service cannot start: its address or its database is not usable."""


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
        port: int = typer.Option(DEFAULT_PORT, "--port", help="TCP port to listen on."),
        database: str = typer.Option(
            None,
            "--database",
            envvar="PSTI_DATABASE_URL",
            help="Database URL (sqlite:///FILE or postgresql://…); default: SQLite in the data directory.",
        ),
        data_dir: Path = typer.Option(
            None,
            "--data-dir",
            envvar="PSTI_DATA_DIR",
            help="Where the SQLite database and uploaded files live (default ~/.local/share/psti).",
        ),
        public_url: str = typer.Option(
            None,
            "--public-url",
            help="The address users reach the service at (used in labels and statements).",
        ),
        admin_email: str = typer.Option(
            None,
            "--admin-email",
            envvar="PSTI_ADMIN_EMAIL",
            help="Create this administrator if none exists (password from $PSTI_ADMIN_PASSWORD).",
        ),
        no_worker: bool = typer.Option(False, "--no-worker", help="Do not run background jobs in this process."),
        workers: int = typer.Option(
            1, "--workers", min=1, max=64, help="Server processes sharing the database (each runs background jobs)."
        ),
        log_key: Path = typer.Option(
            None,
            "--log-key",
            envvar="PSTI_LOG_KEY_FILE",
            help="The key file that seals the audit and case logs (default: log.key in the data directory).",
        ),
        log_anchor: Path = typer.Option(
            None,
            "--log-anchor",
            envvar="PSTI_LOG_ANCHOR_FILE",
            help="The append-only file the log heads are anchored in, outside the database "
            "(default: beside the log key). Back it up apart from the database.",
        ),
        secure_cookies: bool = typer.Option(
            False, "--secure-cookies", help="Mark cookies Secure (set this when users reach the service over HTTPS)."
        ),
        key_encryption_key_file: Path = typer.Option(
            None,
            "--key-encryption-key-file",
            help="File holding the key (32 bytes, base64 or hex) that seals the private signing keys the "
            "registry holds; default $PSTI_KEY_ENCRYPTION_KEY. Never stored in the database.",
        ),
        trusted_proxy: list[str] = typer.Option(
            None,
            "--trusted-proxy",
            metavar="ADDR",
            help="A reverse proxy's address (repeatable): only from it is X-Forwarded-For believed "
            "for the client address that rate limits count.",
        ),
    ) -> None:
        """Run the psti registry: statements, catalogue checks, look-up and vulnerability reports."""
        import uvicorn

        from psti.errors import UsageError
        from psti.registry.keys import load_kek
        from psti.service.settings import Settings

        if admin_email:
            password = os.environ.get("PSTI_ADMIN_PASSWORD", "")
            if len(password) < 12:
                raise UsageError("--admin-email needs PSTI_ADMIN_PASSWORD set to at least 12 characters")
        kek = load_kek(key_encryption_key_file)  # a bad key file is reported before the port is taken
        # The port first: a clash is reported before any other work, and the banner below
        # is printed only once the address is really ours.
        sock = listen_socket(host, port)
        port = sock.getsockname()[1]
        settings = Settings(
            data_dir=data_dir or files.data_dir(),
            database_url=database,
            public_url=public_url or f"http://{host}:{port}",
            start_worker=not no_worker,
            secure_cookies=secure_cookies,
            log_key_file=log_key,
            log_anchor_file=log_anchor,
            key_encryption_key=kek,
        )
        settings.trusted_proxies = tuple(trusted_proxies(trusted_proxy))
        if admin_email:
            settings.bootstrap_admin = (admin_email, os.environ["PSTI_ADMIN_PASSWORD"])
        try:
            application = open_app(settings)
        except BaseException:
            sock.close()
            raise
        # What start-up built lives as long as the server: keep it out of every later
        # garbage collection (shorter pauses, a lower p99 under load).
        gc.freeze()
        typer.echo(
            f"psti registry listening on http://{host}:{port}/ (API docs /docs, data in {settings.data_dir})",
            err=True,
        )
        if workers > 1:
            from psti.service.workers import run_workers

            application.state.psti.engine.dispose()  # each worker process opens its own
            run_workers(settings, sock, workers)
            return
        config = uvicorn.Config(
            application,
            log_level="warning",
            access_log=False,
            proxy_headers=bool(settings.trusted_proxies),
            forwarded_allow_ips=list(settings.trusted_proxies),
        )
        uvicorn.Server(config).run(sockets=[sock])


def trusted_proxies(trusted: list[str] | None) -> list[str]:
    """The proxies whose X-Forwarded-For uvicorn believes (none unless named).

    uvicorn's default believes it from 127.0.0.1, so any local client, or a proxy that passes
    the header through, could choose the address rate limits are counted against.
    """
    import ipaddress

    from psti.errors import UsageError

    addrs = [a.strip() for a in trusted or [] if a.strip()]
    for a in addrs:
        try:
            ipaddress.ip_network(a, strict=False)
        except ValueError:
            raise UsageError(f"--trusted-proxy {a!r}: not an IP address or network") from None
    return addrs


def listen_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to host:port, or a ServeError saying why not and what to do."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as e:
        raise ServeError(f"--host {host!r}: not an address of this machine ({e.strerror})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use (another psti serve?): "
                "stop that server or choose another port with --port"
            ) from None
        if e.errno == errno.EACCES:
            raise ServeError(f"not allowed to listen on port {port} (ports below 1024 need root): use --port") from None
        raise ServeError(f"cannot listen on {host}:{port}: {e.strerror}; check --host and --port") from None
    sock.set_inheritable(True)
    return sock


def open_app(settings: Settings) -> FastAPI:
    """The service app over its database, or a ServeError naming the database and the fix."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from psti.service.app import create_app

    try:
        return create_app(settings)
    except (DBAPIError, ArgumentError) as e:
        url = settings.database_url or "the SQLite database"
        try:
            shown = make_url(url).render_as_string(hide_password=True)
        except ArgumentError:
            shown = url
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        raise ServeError(
            f"cannot open the database {shown}: {reason}. Check the URL (--database or $PSTI_DATABASE_URL) "
            "and that the database server is running and accepts connections"
        ) from None
