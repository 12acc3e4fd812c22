from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from psti.documents import signing


def test_new_key_signs_and_verifies_over_canonical_json(tmp_path):
    pair = signing.new_key()
    path = tmp_path / "k.pem"
    old_umask = os.umask(0o022)
    try:
        pub_path = signing.write_key_pair(pair, path)
    finally:
        os.umask(old_umask)
    assert oct(path.stat().st_mode & 0o777) == "0o600"  # private whatever the umask
    assert oct(pub_path.stat().st_mode & 0o777) == "0o644"
    key = signing.load_private_key(path)
    pub = signing.load_public_key(pub_path)
    assert signing.fingerprint(pub) == pair.fingerprint
    body = {"b": [1, 2], "a": "é"}
    sig = signing.sign(key, body)
    assert signing.canonical_json(body) == '{"a":"é","b":[1,2]}'.encode()
    assert signing.check_signature(pub, {"a": "é", "b": [1, 2]}, sig["value"])  # key order irrelevant
    assert not signing.check_signature(pub, {"a": "e", "b": [1, 2]}, sig["value"])
    assert not signing.check_signature(pub, body, "not base64!")


def test_refuses_to_overwrite_a_key(tmp_path):
    path = tmp_path / "k.pem"
    signing.write_key_pair(signing.new_key(), path)
    with pytest.raises(signing.KeyFileError, match="already exists"):
        signing.write_key_pair(signing.new_key(), path)


def test_encrypted_key_needs_the_passphrase(tmp_path):
    path = tmp_path / "k.pem"
    signing.write_key_pair(signing.new_key(b"s3cret"), path)
    with pytest.raises(signing.KeyFileError, match="encrypted; set PSTI_KEY_PASSPHRASE"):
        signing.load_private_key(path)
    with pytest.raises(signing.KeyFileError, match="wrong passphrase"):
        signing.load_private_key(path, b"wrong")
    assert signing.load_private_key(path, b"s3cret") is not None


def test_wrong_key_types_are_named(tmp_path):
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    p = tmp_path / "rsa.pem"
    p.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    with pytest.raises(signing.KeyFileError, match="is an RSA key; statements are signed with Ed25519"):
        signing.load_private_key(p)
    ec_pub = tmp_path / "ec.pub"
    ec_pub.write_bytes(
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    with pytest.raises(signing.KeyFileError, match="is an EC key"):
        signing.load_public_key(ec_pub)
    pair = signing.new_key()
    pub = tmp_path / "ed.pub"
    pub.write_bytes(pair.public_pem)
    with pytest.raises(signing.KeyFileError, match="is a public key"):
        signing.load_private_key(pub)
    priv = tmp_path / "ed.pem"
    priv.write_bytes(pair.private_pem)
    with pytest.raises(signing.KeyFileError, match="is a private key"):
        signing.load_public_key(priv)


@pytest.mark.parametrize("content", [b"", b"hello", b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"])
def test_garbage_is_not_a_key(tmp_path, content):
    p = tmp_path / "k.pem"
    p.write_bytes(content)
    with pytest.raises(signing.KeyFileError, match="not a readable PEM private key"):
        signing.load_private_key(p)


def test_unreadable_key_file(tmp_path):
    with pytest.raises(signing.KeyFileError, match="cannot read key file"):
        signing.load_private_key(tmp_path / "missing.pem")
    with pytest.raises(signing.KeyFileError, match="cannot read key file"):
        signing.load_private_key(tmp_path)  # a directory
    big = tmp_path / "big.pem"
    big.write_bytes(b"x" * (signing.MAX_KEY_BYTES + 1))
    with pytest.raises(signing.KeyFileError, match="too large"):
        signing.load_private_key(big)
