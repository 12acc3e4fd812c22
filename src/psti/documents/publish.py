"""Write an issued statement as JSON, HTML and PDF, with its summary and assessment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from psti.documents.label import qr_svg
from psti.documents.statement import SignedStatement
from psti.documents.templating import html_to_pdf, render_template
from psti.files import write_atomically
from psti.model import Assessment


def statement_html(signed: SignedStatement) -> str:
    s = signed.statement
    return render_template(
        "statement.html.j2",
        s=s,
        signature=signed.signature,
        statement_sha256=signed.sha256,
        footer=f"Statement of compliance {s.id}" + (" — DRAFT" if s.draft else ""),
    )


def summary_html(signed: SignedStatement) -> str:
    s = signed.statement
    return render_template(
        "summary.html.j2",
        s=s,
        signature=signed.signature,
        statement_sha256=signed.sha256,
        qr_svg=qr_svg(s.online_url) if s.online_url else "",
    )


@dataclass(frozen=True)
class Outputs:
    files: dict[str, bytes]  # file name -> content

    def write(self, out_dir: Path) -> list[Path]:
        paths = []
        for name, data in self.files.items():
            path = out_dir / name
            write_atomically(path, data)
            paths.append(path)
        return paths


def file_stem(draft: bool) -> str:
    return "draft-statement" if draft else "statement"


def assessment_file_name(draft: bool) -> str:
    return f"{file_stem(draft)}-assessment.json"


def statement_outputs(signed: SignedStatement, assessment: Assessment, pdf: bool = True) -> Outputs:
    """Everything is rendered in memory first, so a failure writes nothing."""
    stem = file_stem(signed.statement.draft)
    html = statement_html(signed)
    summary = summary_html(signed)
    files = {
        f"{stem}.json": signed.to_json().encode("utf-8"),
        f"{stem}.html": html.encode("utf-8"),
        f"{stem}-summary.html": summary.encode("utf-8"),
        assessment_file_name(signed.statement.draft): (assessment.to_json(indent=2) + "\n").encode(),
    }
    if pdf:
        files[f"{stem}.pdf"] = html_to_pdf(html)
        files[f"{stem}-summary.pdf"] = html_to_pdf(summary)
    return Outputs(files)
