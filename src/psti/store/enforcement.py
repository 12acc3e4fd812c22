"""The enforcement case tables (SQLite by default, PostgreSQL too), on the shared declarative base.

They are the `enforcement` branch of the migrations; `psti.enforcement` works on them.

`enf_events` is an append-only, hash-chained log of everything done to a case (who,
when, what, why, evidence). It stands in for the service's audit log until that is
available; each row's hash covers its content and the previous row's hash, so an edit
or deletion anywhere breaks the chain (`psti case verify-log`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from psti.store.base import Base


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class EnfActor(Base):
    """An economic operator: manufacturer, importer, distributor, authorised representative."""

    __tablename__ = "enf_actors"
    __table_args__ = (UniqueConstraint("name", name="uq_enf_actors_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(300), default="")


class EnfCase(Base):
    __tablename__ = "enf_cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    state: Mapped[str] = mapped_column(String(40), index=True)
    workflow: Mapped[str] = mapped_column(String(80))
    product_name: Mapped[str] = mapped_column(String(300))
    product_model: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(40))  # public | researcher | distributor | surveillance | other
    allegation: Mapped[str] = mapped_column(Text)
    provisions: Mapped[list[str]] = mapped_column(JSON, default=list)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    opened_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    parties: Mapped[list[EnfCaseParty]] = relationship(back_populates="case", cascade="all, delete-orphan")
    notices: Mapped[list[EnfNotice]] = relationship(back_populates="case", order_by="EnfNotice.id")
    evidence: Mapped[list[EnfEvidenceItem]] = relationship(back_populates="case", order_by="EnfEvidenceItem.id")
    appeals: Mapped[list[EnfAppeal]] = relationship(back_populates="case", order_by="EnfAppeal.id")


class EnfCaseParty(Base):
    __tablename__ = "enf_case_parties"
    __table_args__ = (UniqueConstraint("case_id", "actor_id", "role", name="uq_enf_case_parties_case_actor_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("enf_cases.id"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("enf_actors.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))

    case: Mapped[EnfCase] = relationship(back_populates="parties")
    actor: Mapped[EnfActor] = relationship()


class EnfEvidenceItem(Base):
    __tablename__ = "enf_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("enf_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))  # assessment | survey-result | file
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    verdict: Mapped[str] = mapped_column(String(40), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    attached_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    attached_by: Mapped[str] = mapped_column(String(200))

    case: Mapped[EnfCase] = relationship(back_populates="evidence")


class EnfNotice(Base):
    """A notice from intent to final form: compliance, stop, recall, penalty, information."""

    __tablename__ = "enf_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("enf_cases.id"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("enf_actors.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(60), unique=True)
    breach: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))  # intent | issued | varied | revoked | cancelled
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    intent_given_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    not_before: Mapped[dt.date | None] = mapped_column(nullable=True)
    given_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    service_method: Mapped[str] = mapped_column(String(20), default="")
    service_basis: Mapped[str] = mapped_column(Text, default="")
    compliance_by: Mapped[dt.date | None] = mapped_column(nullable=True)
    pay_by: Mapped[dt.date | None] = mapped_column(nullable=True)
    respond_by: Mapped[dt.date | None] = mapped_column(nullable=True)
    appeal_by: Mapped[dt.date | None] = mapped_column(nullable=True)
    amount_gbp: Mapped[str] = mapped_column(String(40), default="")
    daily_gbp: Mapped[str] = mapped_column(String(40), default="")
    calculation: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    context: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    responded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    case: Mapped[EnfCase] = relationship(back_populates="notices")
    actor: Mapped[EnfActor] = relationship()
    documents: Mapped[list[EnfNoticeDocument]] = relationship(back_populates="notice", order_by="EnfNoticeDocument.id")
    appeals: Mapped[list[EnfAppeal]] = relationship(back_populates="notice", order_by="EnfAppeal.id")


class EnfNoticeDocument(Base):
    """A rendered document: the intent, the notice, a variation or a revocation."""

    __tablename__ = "enf_notice_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("enf_notices.id"), index=True)
    doc_kind: Mapped[str] = mapped_column(String(20))  # intent | notice | variation | revocation
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    given_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    appeal_by: Mapped[dt.date | None] = mapped_column(nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    notice: Mapped[EnfNotice] = relationship(back_populates="documents")


class EnfAppeal(Base):
    __tablename__ = "enf_appeals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("enf_cases.id"), index=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("enf_notices.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("enf_notice_documents.id"), nullable=True)
    lodged_on: Mapped[dt.date]
    grounds: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20))  # pending | determined | withdrawn
    outcome: Mapped[str] = mapped_column(String(40), default="")
    decided_on: Mapped[dt.date | None] = mapped_column(nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[EnfCase] = relationship(back_populates="appeals")
    notice: Mapped[EnfNotice] = relationship(back_populates="appeals")


class EnfEvent(Base):
    """One entry of the append-only, hash-chained case log."""

    __tablename__ = "enf_events"
    # One successor per entry: two writers chaining from the same entry cannot both commit.
    __table_args__ = (UniqueConstraint("prev_hash", name="uq_enf_events_prev_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("enf_cases.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    from_state: Mapped[str] = mapped_column(String(40), default="")
    to_state: Mapped[str] = mapped_column(String(40), default="")
    why: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[int]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # HMAC of `hash` under the log key (kept outside the database): see psti.store.logkey.
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")


class EnfLogHead(Base):
    """The newest case-log entry, sealed with the log key; locked while appending."""

    __tablename__ = "enf_log_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    keyed_from: Mapped[int] = mapped_column(Integer, default=0)
    key_id: Mapped[str] = mapped_column(String(16), default="")
    mac: Mapped[str] = mapped_column(String(64), default="")


# Short names for this package's code; the mapped class names carry the Enf prefix so they
# cannot clash with other tables on the shared declarative registry (e.g. the service's Notice).
Actor = EnfActor
Case = EnfCase
CaseParty = EnfCaseParty
EvidenceItem = EnfEvidenceItem
Notice = EnfNotice
NoticeDocument = EnfNoticeDocument
Appeal = EnfAppeal
Event = EnfEvent
LogHead = EnfLogHead
