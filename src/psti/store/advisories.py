"""What a published advisory says beyond its summary: the CVSS vector, the affected and
fixed versions and the remediation (`advisory_details`, the `advisories` branch of the
migrations). `psti.documents.csaf` writes them into the CSAF document."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from psti.store.base import Base


class AdvisoryDetail(Base):
    __tablename__ = "advisory_details"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("vulnerability_report.id"), unique=True)
    cvss_vector: Mapped[str] = mapped_column(String(200), default="")
    affected_versions: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    fixed_versions: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    remediation: Mapped[str] = mapped_column(Text, default="")
