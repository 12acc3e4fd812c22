"""Jinja templates shared by the statement, summary and report pages, and HTML to PDF."""

from __future__ import annotations

import datetime as dt
import logging
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


def long_date(value: dt.date | str | None) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("psti.documents", "templates"),
        autoescape=select_autoescape(["html", "j2", "svg"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    return env


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def html_to_pdf(html: str) -> bytes:
    """The PDF is made from the very same HTML (print CSS inside the page)."""
    # Only PDFs need weasyprint, and importing it takes about six times as long as this
    # module with Jinja: HTML reports and statements do without it.
    from weasyprint import HTML

    # weasyprint logs CSS it ignores at WARNING level; that is noise for a user.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf: bytes = HTML(string=html, base_url=None).write_pdf()
    return pdf
