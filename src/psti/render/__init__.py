"""Renderers: each reads an Assessment and never recomputes it.

A format `name` is served by the module `psti.render.<name>` (dashes as underscores),
which defines `render(assessment) -> str | bytes`.
"""

from __future__ import annotations

import importlib
from typing import Any

from psti.errors import UsageError
from psti.model import Assessment

FORMATS = ("terminal", "json", "sarif", "html", "pdf", "oscal")


def render(assessment: Assessment, fmt: str, **options: Any) -> str:
    out = render_bytes_or_text(assessment, fmt, **options)
    if isinstance(out, bytes):
        raise UsageError(f"format {fmt!r} is binary: write it to a file with --output")
    return out


def render_bytes_or_text(assessment: Assessment, fmt: str, **options: Any) -> str | bytes:
    """The report in format `fmt`; `options` go to the format's renderer (SARIF takes
    `all_results`), and options left at their default are not passed on."""
    module_name = f"psti.render.{fmt.replace('-', '_')}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:
        if e.name != module_name:
            raise
        raise UsageError(f"unknown output format {fmt!r}; known: {', '.join(FORMATS)}") from None
    given = {k: v for k, v in options.items() if v}
    result: str | bytes = module.render(assessment, **given)
    return result
