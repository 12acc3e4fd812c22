"""Market surveillance: the same results inline, in a process pool and on a Dask cluster."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from psti.cli import app
from psti.cli.output import run_guarded
from psti.enforcement import survey
from psti.errors import UsageError

from .conftest import declaration

SHADOW = b"root:$6$saltsalt$" + b"x" * 86 + b":19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n"


def firmware_tar(path: Path, shadow: bytes | None, extra: dict[str, bytes] | None = None) -> None:
    with tarfile.open(path, "w:gz") as tar:
        files = {"bin/busybox": b"\x7fELF" + b"\0" * 4096, "etc/hostname": b"cam\n", **(extra or {})}
        if shadow is not None:
            files["etc/shadow"] = shadow
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


@pytest.fixture
def products(tmp_path: Path) -> Path:
    d = tmp_path / "products"
    (d / "decl").mkdir(parents=True)
    (d / "fw").mkdir()
    (d / "decl" / "universal.toml").write_text(declaration("Cam U", scheme="universal"))
    (d / "decl" / "nocontact.toml").write_text(declaration("Plug N", contacts=False))
    (d / "decl" / "good.toml").write_text(declaration("Hub G"))
    (d / "decl" / "broken.toml").write_text("[product]\nname = 1\n")
    firmware_tar(d / "fw" / "cam-1.0.tar.gz", SHADOW)
    firmware_tar(d / "fw" / "cam-2.0.tar.gz", None)
    (d / "fw" / "router.bin").write_bytes(
        b"\0" * 1000 + b"\nadmin:$1$abcdefgh$0123456789abcdefghijkl:0:\n" + b"\xff" * 500
    )
    (d / "notes.txt").write_text("bought from a market stall\n")
    return d


def verdicts(report: survey.SurveyReport) -> dict[str, str]:
    return {Path(r["item"]).name: r["verdict"] for r in report.results}


def test_inline_survey_verdicts(products: Path) -> None:
    report = survey.run_survey(survey.discover(products, survey.SCREEN), workers=1)
    assert verdicts(report) == {
        "universal.toml": "fail",
        "nocontact.toml": "needs-evidence",
        "good.toml": "needs-evidence",
        "broken.toml": "error",
        "cam-1.0.tar.gz": "fail",
        "cam-2.0.tar.gz": "pass",
        "router.bin": "fail",
        "notes.txt": "needs-evidence",
    }
    by = {Path(r["item"]).name: r for r in report.results}
    shadow = next(f for f in by["cam-1.0.tar.gz"]["failures"] if f["kind"] == "FW-SHADOW-HASH")
    assert "PSTI-S1-1.2" in shadow["provisions"] and "account 'root'" in shadow["message"]
    assert by["cam-1.0.tar.gz"]["method"] == "firmware-screen"
    assert by["universal.toml"]["method"] == "engine"
    assert ["PSTI-S1-1.2", "EN303645-5.1-1"] in [f["provisions"] for f in by["universal.toml"]["failures"]]
    assert by["notes.txt"]["method"] == "hash-only" and len(by["notes.txt"]["sha256"]) == 64
    assert "product.name" in by["broken.toml"]["error"]
    assert report.failed == 3 and report.exit_code() == 1


def test_pool_gives_the_same_results_as_inline(products: Path) -> None:
    items = survey.discover(products, survey.SCREEN)
    inline = survey.run_survey(items, workers=1)
    pool = survey.run_survey(items, workers=2)
    assert pool.mode == "pool:2" and survey.results_equal(inline.results, pool.results)


def test_dask_cluster_gives_the_same_results_as_the_local_pool(products: Path, monkeypatch, capsys) -> None:
    distributed = pytest.importorskip("distributed")
    items = survey.discover(products, survey.SCREEN)
    pool = survey.run_survey(items, workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None, protocol="tcp"
    ) as cluster:
        assert len(cluster.workers) == 2
        on_dask = survey.run_survey(items, scheduler=cluster.scheduler_address)
        # the command line, on the same cluster
        monkeypatch.setattr(
            sys,
            "argv",
            ["psti", "survey", str(products), "--screen", "--format", "json", "--scheduler", cluster.scheduler_address],
        )
        code = run_guarded(app)
        cli = json.loads(capsys.readouterr().out)
    assert on_dask.mode.startswith("dask:tcp://127.0.0.1:")
    assert survey.results_equal(pool.results, on_dask.results)
    assert verdicts(on_dask) == verdicts(pool)
    assert code == 1 and cli["mode"] == on_dask.mode and survey.results_equal(cli["results"], pool.results)


def test_manifests(products: Path, tmp_path: Path) -> None:
    lines = tmp_path / "m.txt"
    lines.write_text(f"# bought 2026-03\n{products}/decl/universal.toml\n\n{products}/fw/router.bin\n")
    assert [i["kind"] for i in survey.discover(lines)] == ["declaration", "firmware"]
    js = tmp_path / "m.json"
    js.write_text(json.dumps([str(products / "notes.txt"), {"path": "products/fw/router.bin", "kind": "firmware"}]))
    items = survey.discover(js)
    assert items[1] == {"kind": "firmware", "path": str(tmp_path / "products/fw/router.bin")}
    bad = tmp_path / "bad.json"
    bad.write_text('[{"path": "x", "kind": "toaster"}]')
    with pytest.raises(UsageError, match="unknown kind 'toaster'"):
        survey.discover(bad)
    single = survey.discover(products / "decl" / "good.toml")
    assert single == [{"kind": "declaration", "path": str(products / "decl" / "good.toml")}]
    with pytest.raises(UsageError, match="no such folder"):
        survey.discover(tmp_path / "missing")


def test_missing_file_in_manifest_is_an_error_result(tmp_path: Path) -> None:
    m = tmp_path / "m.txt"
    m.write_text("gone.toml\n")
    r = survey.run_survey(survey.discover(m), workers=1).results[0]
    assert r["verdict"] == "error" and "cannot read" in r["error"]


def test_recorded_assessment_kind(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(
        json.dumps(
            {
                "schema": "psti.assessment/1",
                "overall": "fail",
                "product": {"name": "X", "model": "1", "manufacturer": "M"},
                "findings": [
                    {"provisions": ["PSTI-S1-3.2"], "effect": "fail", "kind": "K", "message": "no support period"}
                ],
            }
        )
    )
    r = survey.run_item(survey.item_for(p))
    assert r["verdict"] == "fail" and r["failures"][0]["provisions"] == ["PSTI-S1-3.2"]


@pytest.mark.slow
def test_firmware_kind_uses_the_collector_when_installed(products: Path) -> None:
    items = [i for i in survey.discover(products) if i["kind"] == "firmware" and "cam-" in i["path"]]
    got = {Path(r["item"]).name: r for r in survey.run_survey(items, workers=1).results}
    assert got["cam-1.0.tar.gz"]["verdict"] == "fail"
    assert got["cam-2.0.tar.gz"]["verdict"] not in ("fail", "error")
    assert got["cam-1.0.tar.gz"]["method"] in ("firmware-collector", "firmware-screen")


FIRST_BOOT = {
    "etc/passwd": b"root:x:0:0:root:/root:/bin/sh\n",
    "etc/init.d/S01firstboot": b"#!/bin/sh\n[ -f /data/.pw ] && exit 0\nPW=$(head -c 12 /dev/urandom | base64)\n"
    b'echo "root:$PW" | chpasswd\ntouch /data/.pw\n',
}


@pytest.mark.parametrize("screen", [True, False], ids=["screen", "full"])
def test_a_hash_replaced_at_first_boot_does_not_fail(tmp_path: Path, screen: bool) -> None:
    # Sch 1 para 1 concerns passwords outside the factory default state: a hash in the image
    # that every unit replaces with its own random password at first boot is no breach.
    firmware_tar(tmp_path / "cam-3.0.tar.gz", SHADOW, FIRST_BOOT)
    items = survey.discover(tmp_path, survey.SCREEN if screen else None)
    [r] = survey.run_survey(items, workers=1).results
    assert r["verdict"] != "fail" and r["failures"] == [], r["failures"]
    assert r["method"] == ("firmware-screen" if screen else "firmware-collector")


def test_open_cases_only_for_the_collectors_failing_findings(tmp_path: Path, monkeypatch, capsys,
                                                             db_url: str) -> None:
    d = tmp_path / "images"
    d.mkdir()
    firmware_tar(d / "replaced.tar.gz", SHADOW, FIRST_BOOT)
    firmware_tar(d / "baked.tar.gz", SHADOW, {"etc/passwd": FIRST_BOOT["etc/passwd"]})
    monkeypatch.setenv("PSTI_USER", "officer1")
    monkeypatch.setattr(sys, "argv", ["psti", "survey", str(d), "--screen", "--format", "json", "--workers", "1",
                                      "--no-progress", "--open-cases", "--database", db_url])
    code = run_guarded(app)
    data = json.loads(capsys.readouterr().out)
    by = {Path(r["item"]).name: r for r in data["results"]}
    assert code == 1 and by["baked.tar.gz"]["verdict"] == "fail" and by["replaced.tar.gz"]["verdict"] != "fail"
    assert len(data["opened_cases"]) == 1


def test_a_folder_of_products_is_surveyed_product_by_product() -> None:
    # each product declaration with the artefacts it names; those are not items of their own
    examples = Path(__file__).resolve().parents[2] / "examples"
    items = survey.discover(examples)
    assert sorted(Path(i["path"]).parent.name for i in items) == ["laptop", "router", "smart-camera", "smart-plug"]
    assert {i["kind"] for i in items} == {"declaration"}


def test_artefacts_a_broken_declaration_names_are_still_surveyed(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text('[product]\nname = 1\n[[artefacts]]\nkind = "firmware"\npath = "fw.bin"\n')
    (tmp_path / "fw.bin").write_bytes(b"\0" * 64)
    assert [i["kind"] for i in survey.discover(tmp_path)] == ["declaration", "firmware"]


@pytest.fixture
def web_server():
    """A real HTTP server on 127.0.0.1 serving security.txt files and a policy page."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            data = (body or "not found").encode()
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages["/good/security.txt"] = (
        f"Contact: mailto:security@acme.example\nExpires: 2099-01-01T00:00:00Z\nPolicy: {base}/policy\n"
    )
    pages["/empty/security.txt"] = "# nothing here\n"
    pages["/policy"] = "We acknowledge reports within 5 days and send status updates every 14 days.\n"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_manufacturer_web_targets_in_a_manifest(web_server: str, tmp_path: Path) -> None:
    m = tmp_path / "makers.txt"
    m.write_text(f"{web_server}/good/security.txt\n{web_server}/empty/security.txt\nacme.example\n")
    items = survey.discover(m)
    assert [i["kind"] for i in items] == ["domain", "domain", "domain"]
    assert items[2]["path"] == "acme.example"
    items = survey.with_web_options(items[:2], allow_private=True)
    inline = survey.run_survey(items, workers=1)
    pool = survey.run_survey(items, workers=2)
    assert survey.results_equal(inline.results, pool.results)
    by = {r["item"].split("/")[-2]: r for r in inline.results}
    assert by["empty"]["verdict"] == "fail" and by["empty"]["method"] == "disclosure-check"
    good_kinds = {f["kind"] for f in by["good"]["failures"]}
    empty_kinds = {f["kind"] for f in by["empty"]["failures"]}
    http_only = {"SECTXT-NOT-HTTPS", "SECTXT-INSECURE-URI"}  # the test server speaks plain http
    assert good_kinds and good_kinds <= http_only
    assert empty_kinds - http_only  # no Contact: something more fails
    # without --allow-private the loopback address is refused, not fetched
    refused = survey.run_item(survey.with_web_options(survey.discover(m)[:1])[0])
    assert refused["verdict"] != "pass" and refused.get("sha256") is None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _psti_survey(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PSTI_SUPPORT_HISTORY": "off", "PSTI_DATA_DIR": str(cwd.parent / "data")}
    return subprocess.run(
        [str(Path(sys.executable).with_name("psti")), "survey", ".", "--screen", "--format", "json", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )


def test_dask_workers_get_the_files_not_the_paths(products: Path, tmp_path: Path) -> None:
    """A scheduler and a worker started as separate processes in another folder: the
    survey of `.` sends each file's content (once per digest), so relative paths that mean
    nothing on the worker still give the local pool's results."""
    pytest.importorskip("distributed")
    # a declaration with artefacts beside it, named relative to it
    (products / "decl" / "withfw.toml").write_text(
        declaration("Cam F", scheme="universal") + '\n[[artefacts]]\nkind = "firmware"\npath = "../fw/cam-1.0.tar.gz"\n'
    )
    elsewhere = tmp_path / "worker-home"
    elsewhere.mkdir()
    port = _free_port()
    dask = str(Path(sys.executable).with_name("dask"))
    address = f"tcp://127.0.0.1:{port}"
    procs = [
        subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                         cwd=elsewhere, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    ]
    try:
        time.sleep(0.5)
        procs.append(subprocess.Popen(
            [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
             "--local-directory", str(elsewhere / "dask")],
            cwd=elsewhere, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
        pool = _psti_survey(products, "--workers", "2")
        assert pool.returncode == 1, pool.stderr
        on_dask = _psti_survey(products, "--scheduler", address)
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            p.wait(timeout=30)
    assert on_dask.returncode == 1, on_dask.stderr
    local, remote = json.loads(pool.stdout), json.loads(remote_text := on_dask.stdout)
    assert remote["mode"] == f"dask:{address}"
    assert not [r for r in remote["results"] if r["verdict"] == "error" and "cannot read" in (r["error"] or "")]
    assert survey.results_equal(local["results"], remote["results"])
    assert {r["item"] for r in remote["results"]} >= {"decl/withfw.toml", "fw/router.bin"}
    assert "psti-survey-" not in remote_text  # no worker folder leaks into the results
    # progress is written as lines when stderr is not a terminal
    assert re.search(r"surveying: \d+/\d+ items \(100%\)", on_dask.stderr), on_dask.stderr
