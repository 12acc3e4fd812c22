from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def shared_data_dir() -> Path | None:
    """The project's shared real-data folder, beside the repository (CI lays it there)."""
    env = os.environ.get("PSTI_SHARED_DATA")
    candidates = [Path(env)] if env else []
    candidates += [REPO.parent / "shared" / "data", REPO.parent.parent / "shared" / "data"]
    return next((c for c in candidates if c.is_dir()), None)


@pytest.fixture
def shared_data() -> Path:
    d = shared_data_dir()
    if d is None:
        pytest.skip("shared real-data folder (../shared/data) not present beside the repository")
    return d


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's local state (support-period history, default database) out of $HOME."""
    monkeypatch.setenv("PSTI_DATA_DIR", str(tmp_path_factory.mktemp("psti-data")))
    # Verdicts must not depend on earlier runs: no support-period history unless a test asks.
    monkeypatch.setenv("PSTI_SUPPORT_HISTORY", "off")
