"""Tables of the psti registry: accounts, products, statements, catalogues, reports, jobs, audit.

Every row that belongs to an organisation carries `organisation_id`, so access checks are
one comparison. Times are stored as UTC-aware datetimes; dates as dates.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from psti.store.base import Base

ROLES = ("manufacturer", "importer", "distributor", "researcher", "enforcement", "admin")
ORG_KINDS = ("manufacturer", "importer", "distributor", "authority", "research")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_public_id() -> str:
    return uuid.uuid4().hex


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(Text, default="")
    # The published means of reporting security issues (Sch 1 para 2).
    reporting_contact: Mapped[str] = mapped_column(String(300), default="")
    policy_url: Mapped[str] = mapped_column(String(500), default="")
    acknowledgement_days: Mapped[int] = mapped_column(Integer, default=5)
    status_update_days: Mapped[int] = mapped_column(Integer, default=30)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation | None] = relationship()


class LoginSession(Base):
    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (
        UniqueConstraint("organisation_id", "model", name="uq_product_org_model"),
        Index("ix_product_model_lower", func.lower(text("model"))),  # the public look-up by model
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    model: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(200), default="")
    brand: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(60), default="")
    declaration_toml: Mapped[str | None] = mapped_column(Text, nullable=True)
    support_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()


class SupportPeriodChange(Base):
    """Every published end date, so a shortening can be refused and the history shown."""

    __tablename__ = "support_period_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    end_date: Mapped[dt.date] = mapped_column(Date)
    published_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)


class Batch(Base):
    __tablename__ = "batch"
    __table_args__ = (UniqueConstraint("product_id", "identifier", name="uq_batch_product_ident"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    identifier: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ProductUrl(Base):
    __tablename__ = "product_url"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))  # support-page, disclosure-policy, security-txt…
    url: Mapped[str] = mapped_column(String(1000))
    last_status: Mapped[str] = mapped_column(String(200), default="")
    last_checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Blob(Base):
    """A stored file, named by its sha256 under the data directory (content-addressed)."""

    __tablename__ = "blob"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ProductFile(Base):
    __tablename__ = "product_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))  # firmware, password-batch, other
    filename: Mapped[str] = mapped_column(String(255))
    blob_id: Mapped[int] = mapped_column(ForeignKey("blob.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    blob: Mapped[Blob] = relationship()


class AssessmentRecord(Base):
    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("job.id"), nullable=True)
    overall: Mapped[str] = mapped_column(String(30))
    result_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SigningKey(Base):
    """A private key the registry holds to sign statements for an organisation that issues
    them by form. `private_key` is sealed (AES-256-GCM) under the key-encryption key given
    at start-up, which is never stored here; `sealed` is false only for rows written before
    keys were sealed, which the service seals when it starts with that key."""

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(80), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    sealed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class OrganisationKey(Base):
    """A public signing key an organisation registered: statements naming the organisation
    (as manufacturer or authorised representative) are valid in the registry only when signed
    by one of its keys that was in force on the statement's date of issue.

    In force on a date: on or after `valid_from`, not after `retired_at` (rotated out: what it
    signed before stays valid) and before `revoked_at` (compromised or withdrawn)."""

    __tablename__ = "organisation_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(80), unique=True)  # sha256:<hex of the raw public key>
    public_key: Mapped[bytes] = mapped_column(LargeBinary)  # raw 32-byte Ed25519 public key
    label: Mapped[str] = mapped_column(String(100), default="")
    held_by_registry: Mapped[bool] = mapped_column(Boolean, default=False)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    retired_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    revoked_at: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation] = relationship()


class StatementRecord(Base):
    """A published statement of compliance (Sch 4) as the signed JSON the manufacturer issued."""

    __tablename__ = "statement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    document: Mapped[bytes] = mapped_column(LargeBinary)  # the signed JSON, byte for byte
    sha256: Mapped[str] = mapped_column(String(64))
    support_end: Mapped[dt.date] = mapped_column(Date)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    retain_until: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="published")  # published | withdrawn
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The registry assessment the statement was published from (None: uploaded, or registered by form).
    assessment_id: Mapped[int | None] = mapped_column(ForeignKey("assessment.id"), nullable=True)
    # The registered key that signed it.
    key_id: Mapped[int | None] = mapped_column(ForeignKey("organisation_key.id"), nullable=True)

    product: Mapped[Product] = relationship()


class ComplianceRecord(Base):
    """An investigation or a compliance failure (Act ss.10-12), kept for ten years."""

    __tablename__ = "compliance_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # investigation | failure
    details: Mapped[str] = mapped_column(Text)
    risks: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    retain_until: Mapped[dt.date] = mapped_column(Date)


class ComplianceAction(Base):
    __tablename__ = "compliance_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("compliance_record.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    succeeded: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    done_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)


class Catalogue(Base):
    __tablename__ = "catalogue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    row_count: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="queued")  # queued|checking|checked|failed
    recheck_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    next_check_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    run: Mapped[int] = mapped_column(Integer, default=0)  # increments per check
    job_id: Mapped[int | None] = mapped_column(ForeignKey("job.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CatalogueRow(Base):
    __tablename__ = "catalogue_row"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    catalogue_id: Mapped[int] = mapped_column(ForeignKey("catalogue.id"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    manufacturer: Mapped[str] = mapped_column(String(200))
    model: Mapped[str] = mapped_column(String(200))
    statement_ref: Mapped[str] = mapped_column(String(1000), default="")
    checked_run: Mapped[int] = mapped_column(Integer, default=0, index=True)
    result: Mapped[str] = mapped_column(String(30), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statement.id"), nullable=True, index=True)
    support_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Notice(Base):
    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statement.id"), nullable=True)
    catalogue_id: Mapped[int | None] = mapped_column(ForeignKey("catalogue.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Job(Base):
    """Background work, polled by the worker thread; durable across restarts."""

    __tablename__ = "job"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), nullable=True, index=True)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="")
    worker: Mapped[str] = mapped_column(String(64), default="")
    run_after: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


REPORT_STATUSES = ("received", "acknowledged", "triaged", "fixing", "resolved", "rejected")


class VulnerabilityReport(Base):
    __tablename__ = "vulnerability_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"), nullable=True)
    reporter_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    reporter_contact: Mapped[str] = mapped_column(String(254), default="")
    access_hash: Mapped[str] = mapped_column(String(64))  # hash of the researcher's follow-up token
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(20), default="unknown")
    status: Mapped[str] = mapped_column(String(20), default="received")
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    acknowledge_by: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    next_update_by: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    cve: Mapped[str] = mapped_column(String(30), default="")
    advisory_summary: Mapped[str] = mapped_column(Text, default="")
    advisory_published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    organisation: Mapped[Organisation] = relationship()
    product: Mapped[Product | None] = relationship()


class ReportMessage(Base):
    __tablename__ = "report_message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("vulnerability_report.id"), index=True)
    author: Mapped[str] = mapped_column(String(20))  # researcher | manufacturer | system
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReportAttachment(Base):
    __tablename__ = "report_attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("vulnerability_report.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    blob_id: Mapped[int] = mapped_column(ForeignKey("blob.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    blob: Mapped[Blob] = relationship()


class AuditHead(Base):
    """One row holding the newest audit hash; locked while appending so the chain is linear."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    # The seal (HMAC under the log key, kept outside the database) over keyed_from, last_id
    # and last_hash; events from keyed_from on carry seals of their own.
    keyed_from: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    key_id: Mapped[str] = mapped_column(String(16), default="", server_default="")
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AuditEvent(Base):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(300))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), nullable=True, index=True)
    action: Mapped[str] = mapped_column(String(80))
    target: Mapped[str] = mapped_column(String(200))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")


class RateCounter(Base):
    """Requests counted per key and time slot, shared by every server process (rate limits).

    `key` names the limit, who it counts and the window length; `slot` is the number of
    the window since the epoch; rows past `expires_at` (epoch seconds) are deleted.
    """

    __tablename__ = "rate_counter"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    slot: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)
