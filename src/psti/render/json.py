"""JSON report: the Assessment model itself, schema psti.assessment/1."""

from __future__ import annotations

from psti.model import Assessment


def render(assessment: Assessment) -> str:
    return assessment.to_json(indent=2) + "\n"
