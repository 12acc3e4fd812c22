"""Notices rendered from Jinja2 templates, with the Act's required content checked.

Each notice kind in the workflow data lists the content the Act says it must contain
(reasons, consequences, how to appeal, ...): the context field that supplies it and
the heading the rendered text must carry. A notice missing any of it is refused with
the provision that requires it, and nothing is recorded. Content psti asks for beyond
the Act (reasons and the amount in a notice of intent) is marked `basis = "policy"` and
named as psti policy, never as the Act's requirement.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from psti.enforcement.workflow import NoticeKind, Workflow, load_workflow
from psti.errors import PstiError

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATES_ENV = "PSTI_NOTICE_TEMPLATES"  # a folder whose templates override the packaged ones
AUTHORITY = "The Secretary of State (enforcement by the Office for Product Safety and Standards)"


class NoticeRefused(PstiError):
    """A notice that would not meet the Act's content or procedure requirements."""


@dataclass(frozen=True)
class RenderedNotice:
    kind: str
    title: str
    text: str
    sha256: str


def _empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple | dict) and not value)


def _environment(extra: Path | None) -> jinja2.Environment:
    folders = []
    override = extra or (Path(os.environ[TEMPLATES_ENV]) if os.environ.get(TEMPLATES_ENV) else None)
    if override is not None:
        folders.append(str(override))
    folders.append(str(TEMPLATES))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=False,  # plain-text legal documents, not HTML
        keep_trailing_newline=True,
        trim_blocks=False,
    )


def check_content(nk: NoticeKind, context: dict[str, Any]) -> list[str]:
    """What the notice lacks before rendering: required fields and conditions."""
    problems = [
        f"{r.heading!r} is required ({'psti policy; ' if r.basis == 'policy' else ''}{r.citation}): "
        f"field {r.field!r} is empty"
        for r in nk.required
        if _empty(context.get(r.field))
    ]
    problems += [
        f"condition not recorded ({c.citation}): {c.text} (field {c.field!r})"
        for c in nk.conditions
        if _empty(context.get(c.field))
    ]
    return problems


def render(
    kind: str, context: dict[str, Any], *, wf: Workflow | None = None, templates: Path | None = None
) -> RenderedNotice:
    """Render a notice; refuse it if required content is missing from the data or the text."""
    wf = wf or load_workflow()
    nk = wf.notice_kind(kind)
    problems = check_content(nk, context)
    if problems:
        raise NoticeRefused(f"{nk.title} refused, required content missing:\n  - " + "\n  - ".join(problems))
    ctx = {"authority": AUTHORITY, "title": nk.title, "citation": nk.citation, **context}
    try:
        text = _environment(templates).get_template(nk.template).render(**ctx)
    except jinja2.TemplateNotFound as e:
        raise NoticeRefused(f"{nk.title}: template {e.name!r} not found") from None
    except jinja2.TemplateError as e:
        raise NoticeRefused(f"{nk.title}: template {nk.template!r} fails to render: {e}") from None
    lacking = [f"{r.heading!r} ({r.citation})" for r in nk.required if f"## {r.heading}" not in text]
    if lacking:
        raise NoticeRefused(
            f"{nk.title} refused: template {nk.template!r} renders without the required section(s) "
            + ", ".join(lacking)
        )
    return RenderedNotice(kind, nk.title, text, hashlib.sha256(text.encode("utf-8")).hexdigest())
