"""`psti serve`: run the registry service (web pages and JSON API)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from psti.service.settings import DEFAULT_PORT, default_data_dir


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
        secure_cookies: bool = typer.Option(
            False, "--secure-cookies", help="Mark cookies Secure (set this when users reach the service over HTTPS)."
        ),
    ) -> None:
        """Run the psti registry: statements, catalogue checks, look-up and vulnerability reports."""
        import uvicorn

        from psti.errors import UsageError
        from psti.service.app import create_app
        from psti.service.settings import Settings

        settings = Settings(
            data_dir=data_dir or default_data_dir(),
            database_url=database,
            public_url=public_url or f"http://{host}:{port}",
            start_worker=not no_worker,
            secure_cookies=secure_cookies,
        )
        if admin_email:
            password = os.environ.get("PSTI_ADMIN_PASSWORD", "")
            if len(password) < 12:
                raise UsageError("--admin-email needs PSTI_ADMIN_PASSWORD set to at least 12 characters")
            settings.bootstrap_admin = (admin_email, password)
        application = create_app(settings)
        typer.echo(
            f"psti registry on http://{host}:{port}/ (API docs /docs, data in {settings.data_dir})",
            err=True,
        )
        uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
