from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).parent))

from bundlekit import EXAMPLE_NAMES, make  # noqa: E402


@pytest.fixture(scope="session")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def bundles(tmp_path_factory: pytest.TempPathFactory, key: Ed25519PrivateKey) -> dict[str, Path]:
    """One bundle per example, made once for the session."""
    out = tmp_path_factory.mktemp("bundles")
    return {name: make(key, name, out)[0] for name in EXAMPLE_NAMES}
