"""Probe parts that need no daemon: targets, plans, records, findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psti.corpus import load_corpus
from psti.errors import ArtefactError, UsageError
from psti.evidence.device.findings import findings_from_record
from psti.evidence.device.model import Credential, Service
from psti.evidence.device.plan import PlanOptions, plan_for
from psti.evidence.device.record import ProbeRecord, read_record
from psti.evidence.device.targets import resolve_targets
from psti.model import Effect


def test_local_addresses_are_allowed_and_public_ones_refused() -> None:
    assert [t.address for t in resolve_targets(["127.0.0.1", "192.168.1.20", "fe80::1", "10.0.0.1"])]
    with pytest.raises(UsageError, match="public address"):
        resolve_targets(["8.8.8.8"])
    with pytest.raises(UsageError, match="--reason"):
        resolve_targets(["8.8.8.8"], allow_public=True)
    assert resolve_targets(["8.8.8.8"], allow_public=True, reason="contracted test of our own device")[0].public


def test_plan_bounds_attempts_per_account_and_puts_firmware_and_fingerprint_first() -> None:
    service = Service("127.0.0.1", 80, "http", "basic", fingerprint=("ubiquiti",))
    firmware = [Credential("root", "from-image", "firmware: etc/shadow:1")]
    plan = plan_for(service, firmware, load_corpus(), PlanOptions(max_attempts=2))
    assert plan[0] == firmware[0]
    assert "fingerprint" in plan[1].source
    per_user: dict[str, int] = {}
    for c in plan:
        per_user[c.user] = per_user.get(c.user, 0) + 1
    assert max(per_user.values()) <= 2


def test_among_equally_listed_pairs_the_one_more_vendors_ship_comes_first() -> None:
    from psti.corpus import Corpus, CorpusEntry

    def entry(user: str, password: str, sources: tuple[str, ...], vendors: tuple[str, ...]) -> CorpusEntry:
        return CorpusEntry(username=user, password=password, sources=sources, vendors=vendors)

    lists = ("list-a", "list-b", "list-c")
    corpus = Corpus(
        entries=(
            entry("root", "12345", lists, ("one camera maker",)),  # sorts first by its text
            entry("root", "root", lists, tuple(f"maker {i}" for i in range(20))),
            entry("root", "rare", ("list-a",), tuple(f"maker {i}" for i in range(40))),  # fewer lists: last
        ),
        common=(),
        manifest={},
    )
    service = Service("127.0.0.1", 22, "ssh", "password")
    plan = plan_for(service, [], corpus, PlanOptions(max_attempts=3))
    assert [c.password for c in plan] == ["root", "12345", "rare"]


def test_record_is_json_lines_and_a_cut_last_line_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    rec = ProbeRecord(path)
    rec.start(targets=["127.0.0.1"])
    rec.write("interface", interface="ssh://127.0.0.1:22", status="probed", attempts=3,
              logins=[{"user": "admin", "password": "admin", "source": "corpus: x"}])
    rec.close()
    with path.open("a") as f:
        f.write('{"event": "attempt", "cut')
    events = read_record(path)
    assert [e["event"] for e in events] == ["start", "interface"]
    findings = findings_from_record(events, "device-1")
    assert findings[0].kind == "DEV-DEFAULT-LOGIN" and findings[0].effect is Effect.FAIL
    assert "'admin'" in findings[0].message


def test_a_file_that_is_no_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"event": "start"}) + "\n")
    with pytest.raises(ArtefactError, match="not a psti probe record"):
        read_record(path)
