"""Manufacturer operations: products, batches, URLs, files, support periods, statements,
compliance records; and the public look-up.

Each function takes a `Ctx` and checks that the caller's organisation owns what it
touches. Another organisation's rows are reported as not found, so their existence is
not revealed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from psti.declaration import Declaration, parse_declaration
from psti.documents.statement import refusal_reason, retention_until
from psti.enforcement.calendar import period_last_day
from psti.errors import InputError
from psti.model import Assessment
from psti.registry import keys
from psti.registry import statements as st
from psti.registry.blobs import safe_filename
from psti.registry.context import Ctx
from psti.registry.errors import Conflict, Invalid, NotFound, date_field
from psti.registry.keys import same_organisation
from psti.registry.urls import stored_url
from psti.store import jobs
from psti.store import lookup as public_lookup
from psti.store.models import (
    AssessmentRecord,
    Batch,
    Catalogue,
    CatalogueRow,
    ComplianceAction,
    ComplianceRecord,
    Notice,
    Organisation,
    Product,
    ProductFile,
    ProductUrl,
    StatementRecord,
    SupportPeriodChange,
    utcnow,
)

RETENTION_YEARS = 10  # REGS regs 8-9; Act ss.12, 20
URL_KINDS = ("support-page", "disclosure-policy", "security-txt", "product-page", "other")
FILE_KINDS = ("firmware", "password-batch", "other")
ACTIONS = {
    "investigate": "Investigate whether there is a compliance failure (Act s.10)",
    "prevent": "Prevent the product being made available to UK customers (s.11(2)(a))",
    "remedy": "Remedy the compliance failure (s.11(2)(b))",
    "notify-enforcement-authority": "Notify the enforcement authority (s.11(4)(a))",
    "notify-other-manufacturers": "Notify other manufacturers of the product (s.11(4)(b))",
    "notify-importers-distributors": "Notify importers and distributors supplied (s.11(4)(c))",
    "notify-customers": "Notify UK customers supplied, where regulations require (s.11(4)(d))",
}
REQUIRED_FOR_FAILURE = ("remedy", "notify-enforcement-authority", "notify-importers-distributors")


def ten_years_beginning_with(day: dt.date) -> dt.date:
    """The last day of "a period of 10 years beginning with" `day` (1 March 2026 -> 29 February 2036)."""
    return period_last_day(day, RETENTION_YEARS, count="beginning-with", unit="years")


def _text(value: Any, field: str, *, required: bool = True, limit: int = 200) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise Invalid(f"{field} is required", [{"field": field, "message": "required"}])
    if len(text) > limit:
        raise Invalid(f"{field} is too long", [{"field": field, "message": f"at most {limit} characters"}])
    return text


# --- products -------------------------------------------------------------------------


def own_product(ctx: Ctx, product_id: int) -> Product:
    org = ctx.who.require_org("manufacturer")
    product = ctx.db.get(Product, product_id)
    if product is None or product.organisation_id != org:
        raise NotFound(f"no product {product_id} in your organisation")
    return product


def list_products(ctx: Ctx) -> list[Product]:
    org = ctx.who.require_org("manufacturer")
    return list(ctx.db.execute(select(Product).where(Product.organisation_id == org).order_by(Product.id)).scalars())


def create_product(ctx: Ctx, data: dict[str, Any]) -> Product:
    org = ctx.who.require_org("manufacturer")
    product = Product(
        organisation_id=org,
        name=_text(data.get("name"), "name"),
        model=_text(data.get("model"), "model"),
        type=_text(data.get("type"), "type", required=False),
        brand=_text(data.get("brand"), "brand", required=False),
        category=_text(data.get("category"), "category", required=False, limit=60),
        declaration_toml=data.get("declaration_toml"),
    )
    end = data.get("support_end")
    if end not in (None, ""):
        product.support_end = date_field(end, "support_end")
    exists = ctx.db.execute(
        select(Product.id).where(Product.organisation_id == org, Product.model == product.model)
    ).first()
    if exists:
        raise Conflict(
            f"your organisation already has a product with model {product.model!r}",
            [{"field": "model", "message": "duplicate model"}],
        )
    ctx.db.add(product)
    try:
        ctx.db.flush()
    except IntegrityError:
        raise Conflict(f"a product with model {product.model!r} already exists") from None
    for batch in data.get("batches") or ():
        ctx.db.add(Batch(product_id=product.id, identifier=_text(batch, "batches")))
    if product.support_end is not None:
        ctx.db.add(SupportPeriodChange(product_id=product.id, end_date=product.support_end, user_id=ctx.who.user_id))
    ctx.audit("product.create", f"product:{product.id}", org, model=product.model, name=product.name)
    return product


def _parsed(text: str, filename: str) -> Declaration:
    try:
        return parse_declaration(text, filename)
    except InputError as e:
        raise Invalid(
            e.summary, [{"field": p.path, "line": p.line, "message": p.message} for p in e.problems]
        ) from None


def _declared_urls(decl: Declaration) -> list[tuple[str, str]]:
    return [
        (url, kind)
        for url, kind in (
            (decl.reporting.policy_url, "disclosure-policy"),
            (decl.reporting.security_txt_url, "security-txt"),
            (decl.support_period.published_url, "support-page"),
        )
        if url
    ]


def create_from_declaration(ctx: Ctx, text: str, filename: str = "declaration.toml") -> Product:
    """Register a product from a `psti.declaration/1` TOML file (the CLI's input)."""
    decl = _parsed(text, filename)
    p = decl.product
    product = create_product(
        ctx,
        {
            "name": p.name,
            "model": p.model,
            "type": p.type,
            "brand": p.brand or "",
            "category": p.category or "",
            "declaration_toml": text,
            "support_end": decl.support_period.end_date,
            "batches": list(p.batches),
        },
    )
    for url, kind in _declared_urls(decl):
        ctx.db.add(ProductUrl(product_id=product.id, kind=kind, url=stored_url(url, f"declaration URL ({kind})")))
    return product


def attach_declaration(ctx: Ctx, product_id: int, text: str, filename: str = "declaration.toml") -> Product:
    """Attach a `psti.declaration/1` file to a product already registered (by form, or to
    replace an earlier declaration), so the registry can assess it.

    The declaration must be for the product's model. Its name, type, brand and category
    become the product's; its support period end date is published (never shortened:
    Sch 1 para 3(6)); its batches and URLs are added. An assessment of an earlier
    declaration no longer supports a statement (`_supporting_assessment`)."""
    product = own_product(ctx, product_id)
    decl = _parsed(text, filename)
    p = decl.product
    if " ".join(p.model.split()).casefold() != " ".join(product.model.split()).casefold():
        raise Invalid(
            f"the declaration is for model {p.model!r}, not {product.model!r}: attach this product's own "
            "declaration, or register the other model as a new product",
            [{"field": "product.model", "message": f"must be {product.model!r}"}],
        )
    end = decl.support_period.end_date
    if end is not None and product.support_end is not None and end < product.support_end:
        raise Invalid(
            f"refused: the declaration's support period ends {end.isoformat()}, before the published "
            f"{product.support_end.isoformat()}; a defined support period may not be shortened "
            "(Schedule 1 para 3(6))",
            [{"field": "support_period.end_date", "message": f"must be on or after {product.support_end.isoformat()}"}],
        )
    replaced = bool(product.declaration_toml)
    before = {"name": product.name, "type": product.type, "brand": product.brand, "category": product.category}
    product.name = _text(p.name, "product.name")
    product.type = _text(p.type, "product.type", required=False)
    product.brand = _text(p.brand or "", "product.brand", required=False)
    product.category = _text(p.category or "", "product.category", required=False, limit=60)
    product.declaration_toml = text
    if end is not None and end != product.support_end:
        set_support_end(ctx, product.id, end)
    known = set(ctx.db.execute(select(Batch.identifier).where(Batch.product_id == product.id)).scalars())
    for batch in p.batches:
        ident = _text(batch, "product.batches")
        if ident not in known:
            ctx.db.add(Batch(product_id=product.id, identifier=ident))
            known.add(ident)
    urls = set(ctx.db.execute(select(ProductUrl.kind, ProductUrl.url).where(ProductUrl.product_id == product.id)).all())
    for url, kind in _declared_urls(decl):
        stored = stored_url(url, f"declaration URL ({kind})")
        if (kind, stored) not in urls:
            ctx.db.add(ProductUrl(product_id=product.id, kind=kind, url=stored))
    changed = {k: [v, getattr(product, k)] for k, v in before.items() if v != getattr(product, k)}
    ctx.db.flush()
    ctx.audit(
        "product.declaration.replace" if replaced else "product.declaration.attach",
        f"product:{product.id}",
        product.organisation_id,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        changed=changed,
    )
    return product


def add_batch(ctx: Ctx, product_id: int, identifier: str) -> Batch:
    product = own_product(ctx, product_id)
    ident = _text(identifier, "identifier")
    if ctx.db.execute(select(Batch.id).where(Batch.product_id == product.id, Batch.identifier == ident)).first():
        raise Conflict(f"batch {ident!r} is already recorded for this product")
    batch = Batch(product_id=product.id, identifier=ident)
    ctx.db.add(batch)
    ctx.db.flush()
    ctx.audit("product.batch.add", f"product:{product.id}", product.organisation_id, batch=ident)
    return batch


def add_url(ctx: Ctx, product_id: int, kind: str, url: str) -> ProductUrl:
    product = own_product(ctx, product_id)
    if kind not in URL_KINDS:
        raise Invalid(
            f"unknown URL kind {kind!r}",
            [{"field": "kind", "message": f"one of {', '.join(URL_KINDS)}"}],
        )
    url = stored_url(url, "url", 1000, required=True)
    row = ProductUrl(product_id=product.id, kind=kind, url=url)
    ctx.db.add(row)
    ctx.db.flush()
    ctx.audit("product.url.add", f"product:{product.id}", product.organisation_id, kind=kind, url=url)
    return row


def attach_file(ctx: Ctx, product_id: int, kind: str, filename: str, data: bytes) -> ProductFile:
    product = own_product(ctx, product_id)
    if kind not in FILE_KINDS:
        raise Invalid(
            f"unknown file kind {kind!r}",
            [{"field": "kind", "message": f"one of {', '.join(FILE_KINDS)}"}],
        )
    if not data:
        raise Invalid("the file is empty", [{"field": "file", "message": "empty"}])
    blob = ctx.blobs.put(ctx.db, data, ctx.settings.max_upload_bytes)
    row = ProductFile(product_id=product.id, kind=kind, filename=safe_filename(filename), blob_id=blob.id)
    ctx.db.add(row)
    ctx.db.flush()
    ctx.audit(
        "product.file.attach",
        f"product:{product.id}",
        product.organisation_id,
        kind=kind,
        filename=row.filename,
        sha256=blob.sha256,
        size=blob.size,
    )
    return row


def set_support_end(ctx: Ctx, product_id: int, new_end: Any) -> Product:
    """Publish or extend the defined support period; shortening is refused (Sch 1 para 3(6))."""
    product = own_product(ctx, product_id)
    end = date_field(new_end, "support_end")
    if product.support_end is not None and end < product.support_end:
        raise Invalid(
            f"refused: the defined support period may not be shortened once published "
            f"(Schedule 1 para 3(6)); it ends on {product.support_end.isoformat()} and "
            f"{end.isoformat()} is earlier",
            [
                {
                    "field": "support_end",
                    "message": f"must be on or after {product.support_end.isoformat()}",
                }
            ],
        )
    if product.support_end == end:
        return product
    old = product.support_end
    product.support_end = end
    ctx.db.add(SupportPeriodChange(product_id=product.id, end_date=end, user_id=ctx.who.user_id))
    ctx.audit(
        "product.support_period.set" if old is None else "product.support_period.extend",
        f"product:{product.id}",
        product.organisation_id,
        old=old,
        new=end,
    )
    return product


def support_history(ctx: Ctx, product: Product) -> list[SupportPeriodChange]:
    return list(
        ctx.db.execute(
            select(SupportPeriodChange)
            .where(SupportPeriodChange.product_id == product.id)
            .order_by(SupportPeriodChange.id)
        ).scalars()
    )


def queue_assessment(ctx: Ctx, product_id: int) -> int:
    product = own_product(ctx, product_id)
    if not product.declaration_toml:
        raise Invalid(
            "this product has no declaration to assess; register it from a declaration file",
            [{"field": "declaration", "message": "missing"}],
        )
    job = jobs.enqueue(ctx.db, "assess", {"product_id": product.id}, organisation_id=product.organisation_id)
    ctx.audit("product.assess.queue", f"product:{product.id}", product.organisation_id, job=job.id)
    return job.id


def assessments(ctx: Ctx, product: Product) -> list[AssessmentRecord]:
    return list(
        ctx.db.execute(
            select(AssessmentRecord)
            .where(AssessmentRecord.product_id == product.id)
            .order_by(AssessmentRecord.id.desc())
        ).scalars()
    )


# --- statements -----------------------------------------------------------------------


def _supporting_assessment(ctx: Ctx, product: Product, assessment_id: Any) -> AssessmentRecord:
    """The registry assessment a statement is published from: the one asked for, else the
    latest; refused unless it assessed the declaration on record and its verdicts support a
    statement (the rules `psti statement` applies)."""
    assert product.declaration_toml is not None
    q = select(AssessmentRecord).where(AssessmentRecord.product_id == product.id)
    if assessment_id not in (None, ""):
        try:
            q = q.where(AssessmentRecord.id == int(assessment_id))
        except (TypeError, ValueError):
            raise Invalid("assessment_id is not a number", [{"field": "assessment_id", "message": "an id"}]) from None
    record = ctx.db.execute(q.order_by(AssessmentRecord.id.desc())).scalars().first()
    if record is None:
        raise Invalid(
            "no registry assessment of this product to publish a statement from: queue an assessment "
            f"(POST /api/v1/products/{product.id}/assessments) and publish once it supports the statement",
            [{"field": "assessment_id", "message": "no assessment" if assessment_id in (None, "") else "not found"}],
        )
    assessment = Assessment.model_validate_json(record.result_json)
    on_record = hashlib.sha256(product.declaration_toml.encode("utf-8")).hexdigest()
    assessed = assessment.product.declaration_sha256
    if assessed != on_record:
        raise Invalid(
            f"statement of compliance not published: assessment {record.id} "
            + (
                f"was made from another version of this product's declaration (sha256 {assessed[:12]}…)"
                if assessed
                else "does not record which declaration it assessed"
            )
            + f", not the one on record (sha256 {on_record[:12]}…): queue an assessment of the current declaration "
            f"(POST /api/v1/products/{product.id}/assessments) and publish once it supports the statement",
            [{"field": "assessment_id", "message": "assesses another version of the declaration"}],
        )
    refusal = refusal_reason(assessment)
    if refusal:
        raise Invalid(
            f"statement of compliance not published: assessment {record.id} does not support it: {refusal}",
            [{"field": "assessment", "message": line} for line in refusal.split("; ")][:50],
        )
    return record


def _parties_with_addresses(parties: list[dict[str, str]], what: str) -> None:
    missing = [p["name"] or "(unnamed)" for p in parties if not p["address"].strip()]
    if missing:
        raise Invalid(
            f"the statement must give the {what}'s name and address (Schedule 4 para 1(1)(b)); "
            f"no address for {', '.join(missing)}",
            [{"field": "manufacturers", "message": f"address missing for {name}"} for name in missing],
        )


def unassessed_refusal(product: Product, organisation: str) -> Conflict:
    """Why the registry will not sign for a product with no declaration, and the two ways on."""
    pid = product.id
    return Conflict(
        f"statement not published: the registry signs a statement only from its own assessment of the "
        f"product's declaration, and model {product.model} has no declaration. Either attach its "
        f"psti.declaration/1 file (PUT /api/v1/products/{pid}/declaration) and the files its artefacts name "
        f"(POST /api/v1/products/{pid}/files), have the registry assess it (POST /api/v1/products/{pid}/assessments) "
        "and publish once the assessment supports the statement; or sign the statement yourself with a key "
        f"registered to {organisation} (POST /api/v1/keys) and upload it "
        f"(POST /api/v1/products/{pid}/statements/upload)",
        [
            {
                "field": "declaration",
                "message": "none on record: attach the declaration and its artefacts, then run an assessment "
                "(on the product's page: Declaration, Files, Run assessment)",
            },
            {
                "field": "statement",
                "message": f"or upload a statement issued with `psti statement` and signed with a key registered "
                f"to {organisation} (Signing keys page), with 'Verify and publish'",
            },
        ],
    )


def publish_statement(ctx: Ctx, product_id: int, data: dict[str, Any]) -> StatementRecord:
    """Sign and publish a registry statement with the organisation's registry-held key.

    Only for a product registered with a declaration, and only from a registry assessment
    of that declaration whose verdicts support a statement (`refusal_reason`, the rule
    `psti statement` applies); the statement names the declaration's manufacturers (and
    authorised representatives) with their addresses, and the assessment it came from.
    A product with no declaration is refused (409) with the two ways on: attach a
    declaration and have it assessed, or upload a statement signed with a registered key
    (`register_statement`)."""
    product = own_product(ctx, product_id)
    org = ctx.db.get(Organisation, product.organisation_id)
    assert org is not None
    if not product.declaration_toml:
        raise unassessed_refusal(product, org.name)
    if product.support_end is None:
        raise Invalid(
            "publish the defined support period (an end date) before the statement: "
            "Schedule 4 para 1(1)(e) requires it",
            [{"field": "support_end", "message": "required before a statement"}],
        )
    problems = []
    for f in ("signatory", "function", "place"):
        if not str(data.get(f) or "").strip():
            problems.append({"field": f, "message": "required (Schedule 4 para 1(1)(f)-(g))"})
    route = str(data.get("route") or "schedule-1")
    if route not in ("schedule-1", "schedule-2"):
        problems.append({"field": "route", "message": "schedule-1 or schedule-2"})
    standards = data.get("standards") or []
    if route == "schedule-2" and not standards:
        problems.append(
            {
                "field": "standards",
                "message": "name the standard (id, version, date) for Schedule 2",
            }
        )
    if problems:
        raise Invalid("the statement cannot be issued: fields are missing", problems)
    decl = _parsed(product.declaration_toml, "declaration.toml")
    manufacturers = [{"name": m.name, "address": m.address or ""} for m in decl.manufacturer]
    representatives = [{"name": a.name, "address": a.address or ""} for a in decl.authorised_representative]
    if not any(same_organisation(org.name, p["name"]) for p in [*manufacturers, *representatives]):
        raise Invalid(
            f"the declaration names {', '.join(m['name'] for m in manufacturers)} as manufacturer, not "
            f"{org.name}: a statement is signed by the manufacturer or its authorised representative",
            [{"field": "manufacturer", "message": "does not name your organisation"}],
        )
    _parties_with_addresses(manufacturers, "manufacturer")
    supporting = _supporting_assessment(ctx, product, data.get("assessment_id"))
    record_id = supporting.id
    issued = dt.date.today()
    batches = [b.identifier for b in ctx.db.execute(select(Batch).where(Batch.product_id == product.id)).scalars()]
    body = st.build_statement(
        product={
            "name": product.name,
            "type": product.type or product.name,
            "model": product.model,
            "brand": product.brand,
            "batches": batches,
        },
        manufacturers=manufacturers,
        representatives=representatives,
        support_end=product.support_end,
        signatory=_text(data.get("signatory"), "signatory"),
        function=_text(data.get("function"), "function"),
        place=_text(data.get("place"), "place"),
        issued_on=issued,
        route=route,
        standards=standards,
        registry_url=f"{ctx.settings.public_url}/products/{product.public_id}",
        assessment=record_id,
    )
    private, registered = keys.held_key(ctx, org.id, ctx.settings.key_encryption_key)
    document = st.sign_statement(body, private)
    record = StatementRecord(
        product_id=product.id,
        organisation_id=org.id,
        document=document,
        sha256=hashlib.sha256(document).hexdigest(),
        support_end=product.support_end,
        issued_on=issued,
        retain_until=retention_until(issued, product.support_end),
        assessment_id=record_id,
        key_id=registered.id,
    )
    ctx.db.add(record)
    ctx.db.flush()
    ctx.audit(
        "statement.publish",
        f"statement:{record.public_id}",
        org.id,
        product=product.id,
        sha256=record.sha256,
        key_id=registered.fingerprint,
        assessment=record_id,
    )
    return record


def register_statement(ctx: Ctx, product_id: int, document: bytes) -> StatementRecord:
    """Publish a signed statement the manufacturer issued itself (`psti statement`, or a
    registry statement): it must verify, be signed by a key the product's organisation
    registered and had in force on the date of issue, and name that organisation."""
    product = own_product(ctx, product_id)
    res = st.verify_statement(document)
    if not res.valid:
        raise Invalid(f"the statement does not verify: {res.reason}", [{"field": "file", "message": res.reason}])
    binding = keys.bind(ctx.db, res)
    if not binding.valid or binding.key is None:
        raise Invalid(
            f"the statement is not valid in this registry: {binding.reason}",
            [{"field": "signature", "message": binding.key_status}],
        )
    if binding.key.organisation_id != product.organisation_id:
        raise Invalid(
            "the statement is signed with another organisation's key: publish only statements signed "
            "with a key your organisation registered",
            [{"field": "signature", "message": "not your organisation's key"}],
        )
    model = res.model
    if model.lower() != product.model.lower():
        raise Invalid(
            f"the statement is for model {model!r}, not {product.model!r}",
            [{"field": "product.model", "message": "does not match this product"}],
        )
    end, issued = res.support_end, res.issued_on
    if end is None or issued is None:
        raise Invalid(
            "the statement has no defined support period end date (Schedule 4 para 1(1)(e))",
            [{"field": "support_period_end", "message": "required"}],
        )
    if product.support_end is not None and end < product.support_end:
        raise Invalid(
            f"refused: the statement's support period ends {end.isoformat()}, before the published "
            f"{product.support_end.isoformat()}; a defined support period may not be shortened "
            "(Schedule 1 para 3(6))",
            [{"field": "support_period_end", "message": "shorter than published"}],
        )
    if product.support_end != end:
        set_support_end(ctx, product.id, end)
    record = StatementRecord(
        product_id=product.id,
        organisation_id=product.organisation_id,
        document=document,
        sha256=hashlib.sha256(document).hexdigest(),
        support_end=end,
        issued_on=issued,
        retain_until=retention_until(issued, end),
        key_id=binding.key.id,
    )
    ctx.db.add(record)
    ctx.db.flush()
    ctx.audit(
        "statement.publish",
        f"statement:{record.public_id}",
        product.organisation_id,
        product=product.id,
        sha256=record.sha256,
        key_id=binding.key.fingerprint,
        issued_with=res.schema,
    )
    return record


def own_statement(ctx: Ctx, public_id: str) -> StatementRecord:
    org = ctx.who.require_org("manufacturer")
    rec = ctx.db.execute(select(StatementRecord).where(StatementRecord.public_id == public_id)).scalar_one_or_none()
    if rec is None or rec.organisation_id != org:
        raise NotFound(f"no statement {public_id} in your organisation")
    return rec


def withdraw_statement(ctx: Ctx, public_id: str, reason: str) -> StatementRecord:
    rec = own_statement(ctx, public_id)
    if rec.status == "withdrawn":
        raise Conflict("the statement is already withdrawn")
    rec.status = "withdrawn"
    rec.withdrawn_at = utcnow()
    rec.withdrawn_reason = _text(reason, "reason", limit=2000)
    # Tell every importer or distributor whose catalogue relies on it.
    rows = ctx.db.execute(
        select(CatalogueRow.catalogue_id, func.count())
        .where(CatalogueRow.statement_id == rec.id)
        .group_by(CatalogueRow.catalogue_id)
    ).all()
    notified = set()
    for catalogue_id, count in rows:
        cat = ctx.db.get(Catalogue, catalogue_id)
        if cat is None:
            continue
        ctx.db.add(
            Notice(
                organisation_id=cat.organisation_id,
                kind="statement-withdrawn",
                statement_id=rec.id,
                catalogue_id=cat.id,
                message=(
                    f"The statement of compliance for {rec.product.name} (model {rec.product.model}) was "
                    f"withdrawn by the manufacturer: {rec.withdrawn_reason}. {count} row(s) of catalogue "
                    f"'{cat.filename}' rely on it. Do not make the product available until a new statement "
                    f"is issued (Act s.16/s.23 if you know or believe there is a compliance failure)."
                ),
            )
        )
        notified.add(cat.organisation_id)
    ctx.audit(
        "statement.withdraw",
        f"statement:{rec.public_id}",
        rec.organisation_id,
        reason=rec.withdrawn_reason,
        notified_organisations=sorted(notified),
    )
    return rec


def product_statements(ctx: Ctx, product: Product) -> list[StatementRecord]:
    return list(
        ctx.db.execute(
            select(StatementRecord).where(StatementRecord.product_id == product.id).order_by(StatementRecord.id.desc())
        ).scalars()
    )


# --- compliance failures (Act ss.10-12) ----------------------------------------------


def open_record(ctx: Ctx, product_id: int, data: dict[str, Any]) -> ComplianceRecord:
    product = own_product(ctx, product_id)
    kind = str(data.get("kind") or "")
    if kind not in ("investigation", "failure"):
        raise Invalid("kind must be 'investigation' or 'failure'", [{"field": "kind", "message": "invalid"}])
    rec = ComplianceRecord(
        organisation_id=product.organisation_id,
        product_id=product.id,
        kind=kind,
        details=_text(data.get("details"), "details", limit=20000),
        risks=_text(data.get("risks"), "risks", required=False, limit=20000),
        retain_until=ten_years_beginning_with(dt.date.today()),
    )
    ctx.db.add(rec)
    ctx.db.flush()
    ctx.audit(
        "compliance.open",
        f"compliance:{rec.id}",
        rec.organisation_id,
        kind=kind,
        product=product.id,
    )
    return rec


def _record_for(ctx: Ctx, record_id: int, *, write: bool) -> ComplianceRecord:
    rec = ctx.db.get(ComplianceRecord, record_id)
    if write:
        org = ctx.who.require_org("manufacturer")
        if rec is None or rec.organisation_id != org:
            raise NotFound(f"no compliance record {record_id} in your organisation")
        return rec
    ctx.who.require("manufacturer", "enforcement")
    if rec is None or (ctx.who.role != "enforcement" and rec.organisation_id != ctx.who.organisation_id):
        raise NotFound(f"no compliance record {record_id}")
    return rec


def get_record(ctx: Ctx, record_id: int) -> tuple[ComplianceRecord, list[ComplianceAction]]:
    rec = _record_for(ctx, record_id, write=False)
    actions = list(
        ctx.db.execute(
            select(ComplianceAction).where(ComplianceAction.record_id == rec.id).order_by(ComplianceAction.id)
        ).scalars()
    )
    return rec, actions


def add_action(ctx: Ctx, record_id: int, data: dict[str, Any]) -> ComplianceAction:
    rec = _record_for(ctx, record_id, write=True)
    action = str(data.get("action") or "")
    if action not in ACTIONS:
        raise Invalid(
            f"unknown action {action!r}",
            [{"field": "action", "message": f"one of {', '.join(ACTIONS)}"}],
        )
    succeeded = data.get("succeeded")
    if isinstance(succeeded, str):
        succeeded = {"yes": True, "true": True, "no": False, "false": False}.get(succeeded.lower())
    row = ComplianceAction(
        record_id=rec.id,
        action=action,
        note=_text(data.get("note"), "note", required=False, limit=20000),
        succeeded=succeeded,
        user_id=ctx.who.user_id,
    )
    ctx.db.add(row)
    ctx.db.flush()
    ctx.audit(
        "compliance.action",
        f"compliance:{rec.id}",
        rec.organisation_id,
        action=action,
        succeeded=succeeded,
    )
    return row


def close_record(ctx: Ctx, record_id: int, outcome: str) -> ComplianceRecord:
    rec = _record_for(ctx, record_id, write=True)
    done = {
        a for a in ctx.db.execute(select(ComplianceAction.action).where(ComplianceAction.record_id == rec.id)).scalars()
    }
    if rec.kind == "failure":
        missing = [a for a in REQUIRED_FOR_FAILURE if a not in done]
        if missing:
            raise Invalid(
                "a compliance failure cannot be closed before the actions the Act requires are recorded",
                [{"field": "actions", "message": f"missing: {a} ({ACTIONS[a]})"} for a in missing],
            )
    rec.outcome = _text(outcome, "outcome", limit=20000)
    rec.status = "closed"
    ctx.audit("compliance.close", f"compliance:{rec.id}", rec.organisation_id, outcome=rec.outcome)
    return rec


def list_records(ctx: Ctx, organisation_id: int | None = None) -> list[ComplianceRecord]:
    if ctx.who.role == "enforcement":
        q = select(ComplianceRecord)
        if organisation_id is not None:
            q = q.where(ComplianceRecord.organisation_id == organisation_id)
    else:
        org = ctx.who.require_org("manufacturer")
        q = select(ComplianceRecord).where(ComplianceRecord.organisation_id == org)
    return list(ctx.db.execute(q.order_by(ComplianceRecord.id.desc())).scalars())


# --- public look-up -------------------------------------------------------------------
# The queries live in psti.store.lookup (one statement per answer); this is the library
# call for tools that hold a session rather than a connection.


def public_product(db: Any, public_id: str) -> dict[str, Any]:
    view = public_lookup.product(db.connection(), public_id)
    if view is None:
        raise NotFound(f"no published product {public_id}")
    return view
