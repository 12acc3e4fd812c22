"""Published statements for benchmark registries, through a path the registry accepts.

The registry signs a statement only from its own assessment of a declaration; a bench
that needs thousands of published products uses the other supported path instead, the
one `psti statement` users take: each manufacturer registers a public signing key, signs
its statements with the private half and uploads them (`register_statement`), which
verifies the signature and binds the key to the manufacturer named, as for any upload.
"""

from __future__ import annotations

import datetime as dt

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from psti.registry.context import Ctx
from psti.registry.keys import register_key
from psti.registry.products import register_statement
from psti.registry.statements import build_statement, sign_statement
from psti.store.models import Organisation, Product, StatementRecord


def manufacturer_key(ctx: Ctx) -> Ed25519PrivateKey:
    """A new signing key, registered for the caller's organisation from today."""
    key = Ed25519PrivateKey.generate()
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    register_key(ctx, {"public_key": pem.decode(), "label": "bench"})
    return key


def publish_signed(ctx: Ctx, product: Product, maker: Organisation, key: Ed25519PrivateKey) -> StatementRecord:
    """A statement for `product` naming `maker` with its address, signed with `key`, uploaded."""
    assert product.support_end is not None
    body = build_statement(
        product={
            "name": product.name,
            "type": product.type or product.name,
            "model": product.model,
            "brand": product.brand,
            "batches": [],
        },
        manufacturers=[{"name": maker.name, "address": maker.address}],
        support_end=product.support_end,
        signatory="A. Person",
        function="Head of Product Security",
        place="Leeds",
        issued_on=dt.date.today(),
    )
    return register_statement(ctx, product.id, sign_statement(body, key))
