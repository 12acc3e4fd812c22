"""Registry uploads through the API: mutated inputs sent to a real `psti serve` process.

    python -m fuzz.run api-declarations api-batches api-firmware api-catalogues api-statements --count N

One server (SQLite in the work folder, its background worker running) takes every input
of a run. Each input is uploaded the way a user's client would (declaration → product
and assessment job; password batch or firmware → file of a product whose declaration
names it, then an assessment; catalogue → check job; statement → verify and upload),
and the harness waits for any job it started.

Invariants, per input:
- no 5xx answer, and no traceback in the server's log;
- a job it started finishes (done or failed) and never with "internal error";
- the answer and the job within the family's time bound (base + per MB of input);
- the server still answers afterwards, and its peak resident memory stays under 1 GiB;
- statements: `verify` says valid only when the signed content is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from fuzz.families import SEEDS, Case
from fuzz.runner import MEMORY_LIMIT, Outcome, false_verification

ADMIN = ("fuzz-admin@registry.example", "fuzz-admin-password")
PASSWORD = "fuzz-user-password"


@dataclass(frozen=True)
class ApiFamily:
    name: str
    command: str  # for reports: what the input goes through
    tokens: str  # mutate.TOKENS key
    seeds: Callable[[Path], list[Path]]
    send: Callable[[Registry, Case, float], tuple[int, str, list[str]]]  # (…, bound) -> (code, answer, problems)
    base_seconds: float = 30.0
    per_mb_seconds: float = 20.0


class Registry:
    """A `psti serve` process with a manufacturer and a distributor, each with an API token."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.data = work / "registry"
        self.log_path = work / "registry.log"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.tokens: dict[str, str] = {}
        self.http = httpx.Client(base_url=self.url, timeout=300)
        self._log_seen = 0
        self._serial = 0

    def start(self) -> Registry:
        self.data.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PSTI_ADMIN_PASSWORD": ADMIN[1]}
        cmd = [
            sys.executable,
            "-m",
            "psti",
            "serve",
            "--port",
            str(self.port),
            "--data-dir",
            str(self.data),
            "--admin-email",
            ADMIN[0],
        ]
        log = open(self.log_path, "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while not self.alive():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the registry did not start; see {self.log_path}")
            time.sleep(0.1)
        self._seed()
        return self

    def stop(self) -> None:
        self.http.close()
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(15)

    def alive(self) -> bool:
        try:
            return httpx.get(self.url + "/", timeout=10).status_code == 200
        except httpx.HTTPError:
            return False

    def _seed(self) -> None:
        admin = self._session(*ADMIN)
        for slug, kind, role in (("acme", "manufacturer", "manufacturer"), ("shop", "distributor", "distributor")):
            org = admin.post(
                "/api/v1/organisations",
                json={
                    # the manufacturer is the one the seed statement names, so that statement verifies
                    "name": "Acme Home Ltd" if slug == "acme" else f"{slug} Ltd",
                    "kind": kind,
                    "slug": slug,
                    "reporting_contact": f"security@{slug}.example",
                },
            )
            org.raise_for_status()
            email = f"fuzz@{slug}.example"
            admin.post(
                "/api/v1/users",
                json={"email": email, "password": PASSWORD, "role": role, "organisation_id": org.json()["id"]},
            ).raise_for_status()
            user = self._session(email, PASSWORD)
            r = user.post("/api/v1/tokens", json={"name": "fuzz"})
            r.raise_for_status()
            self.tokens[slug] = r.json()["token"]
            user.close()
        admin.close()
        # The seed statement's signing key, registered by its manufacturer from before it was
        # signed: unchanged, it verifies; every mutation that verifies is then checked against it.
        seed = json.loads((SEEDS / "statements" / "statement.json").read_text(encoding="utf-8"))
        self.http.post(
            "/api/v1/keys",
            headers=self.auth("acme"),
            json={
                "public_key": (SEEDS / "statements" / "signer.pub").read_text(encoding="utf-8"),
                "valid_from": seed["statement"]["issued_on"],
                "label": "seed statement signer",
            },
        ).raise_for_status()

    def _session(self, email: str, password: str) -> httpx.Client:
        c = httpx.Client(base_url=self.url, timeout=60)
        r = c.post("/api/v1/session", json={"email": email, "password": password})
        r.raise_for_status()
        c.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        return c

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def unique(self, prefix: str) -> str:
        self._serial += 1
        return f"{prefix}-{self._serial}"

    def peak_rss(self) -> int:
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        return 0

    def new_log(self) -> str:
        """What the server logged since the last call."""
        with open(self.log_path, "rb") as f:
            f.seek(self._log_seen)
            data = f.read()
        self._log_seen += len(data)
        return data.decode("utf-8", "replace")

    def wait_job(self, who: str, job_id: int, bound: float) -> tuple[dict[str, Any] | None, list[str]]:
        deadline = time.monotonic() + bound
        while time.monotonic() < deadline:
            job = self.http.get(f"/api/v1/jobs/{job_id}", headers=self.auth(who)).json()
            message = str(job.get("message") or "")
            if message.startswith("internal error"):
                return job, [f"traceback: job {job['kind']} {message[:300]}"]
            if job["status"] in ("done", "failed"):
                return job, []
            time.sleep(0.1)
        return None, [f"hang: job {job_id} not finished within {bound:.0f} s"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answer(r: httpx.Response) -> tuple[list[str], str]:
    problems = (
        [f"traceback: HTTP {r.status_code} on {r.request.method} {r.request.url.path}"] if r.status_code >= 500 else []
    )
    return problems, f"{r.status_code} {r.text[:300]}"


def _declaration_for(kind: str, filename: str, model: str) -> bytes:
    text = (SEEDS / "declarations" / "smart-plug.toml").read_text()
    text = text.replace('model = "BW-P1"', f'model = "{model}"')
    return (text + f'\n[[artefacts]]\nkind = "{kind}"\npath = "{filename}"\n').encode()


def _assess(reg: Registry, product_id: int, bound: float) -> tuple[int, list[str], str]:
    r = reg.http.post(f"/api/v1/products/{product_id}/assessments", headers=reg.auth("acme"))
    problems, answer = _answer(r)
    if r.status_code != 202:
        return 2, problems, answer
    job, more = reg.wait_job("acme", r.json()["id"], bound)
    code = 0 if job is not None and job["status"] == "done" else 2
    return code, problems + more, f"{answer}; job {job and job['status']}: {job and str(job['message'])[:300]}"


def send_declaration(reg: Registry, case: Case, bound: float) -> tuple[int, str, list[str]]:
    r = reg.http.post(
        "/api/v1/products/declaration",
        headers=reg.auth("acme"),
        files={"file": (case.name, case.data, "application/toml")},
    )
    problems, answer = _answer(r)
    if r.status_code != 201:
        return 2, answer, problems
    code, more, answer = _assess(reg, r.json()["id"], bound)
    return code, answer, problems + more


def _send_file(kind: str) -> Callable[[Registry, Case, float], tuple[int, str, list[str]]]:
    def send(reg: Registry, case: Case, bound: float) -> tuple[int, str, list[str]]:
        model = reg.unique(kind.upper())
        decl = _declaration_for(kind, case.name, model)
        r = reg.http.post(
            "/api/v1/products/declaration",
            headers=reg.auth("acme"),
            files={"file": ("product.toml", decl, "application/toml")},
        )
        if r.status_code != 201:
            return 2, f"setup: {r.status_code} {r.text[:300]}", [f"setup: the product did not register: {r.text[:200]}"]
        pid = r.json()["id"]
        r = reg.http.post(
            f"/api/v1/products/{pid}/files",
            headers=reg.auth("acme"),
            data={"kind": kind},
            files={"file": (case.name, case.data, "application/octet-stream")},
        )
        problems, answer = _answer(r)
        if r.status_code not in (200, 201):
            return 2, answer, problems
        code, more, answer = _assess(reg, pid, bound)
        return code, answer, problems + more

    return send


def send_catalogue(reg: Registry, case: Case, bound: float) -> tuple[int, str, list[str]]:
    r = reg.http.post(
        "/api/v1/catalogues", headers=reg.auth("shop"), files={"file": (case.name, case.data, "text/csv")}
    )
    problems, answer = _answer(r)
    if r.status_code != 202:
        return 2, answer, problems
    job_id = (r.json().get("job") or {}).get("id")
    if job_id is None:
        return 0, answer, problems
    job, more = reg.wait_job("shop", int(job_id), bound)
    code = 0 if job is not None and job["status"] == "done" else 2
    return code, answer, problems + more


def send_statement(reg: Registry, case: Case, bound: float) -> tuple[int, str, list[str]]:
    original = (SEEDS / "statements" / "statement.json").read_bytes()
    r = reg.http.post("/api/v1/statements/verify", headers={"Content-Type": "application/json"}, content=case.data)
    problems, answer = _answer(r)
    valid = r.status_code == 200 and r.json().get("valid") is True
    if valid and (why := false_verification(case.data, original)) is not None:
        problems.append(f"false-verification: the registry verified a changed statement: {why}")
    pid = _statement_product(reg)
    up = reg.http.post(
        f"/api/v1/products/{pid}/statements/upload",
        headers=reg.auth("acme"),
        files={"file": (case.name, case.data, "application/json")},
    )
    more, up_answer = _answer(up)
    return (0 if valid else 2), f"verify {answer}; upload {up_answer}", problems + more


def _statement_product(reg: Registry) -> int:
    if "statement-product" not in reg.tokens:
        r = reg.http.post(
            "/api/v1/products",
            headers=reg.auth("acme"),
            json={"name": "Camera", "model": "CAM-200", "support_end": "2031-12-31"},
        )
        if r.status_code == 409:  # registered already, e.g. from the declarations family's seed
            listed = reg.http.get("/api/v1/products", headers=reg.auth("acme")).json()
            found = next(p for p in listed if p["model"] == "CAM-200")
        else:
            r.raise_for_status()
            found = r.json()
        reg.tokens["statement-product"] = str(found["id"])
    return int(reg.tokens["statement-product"])


def _files(sub: str, *patterns: str) -> Callable[[Path], list[Path]]:
    def seeds(cache: Path) -> list[Path]:
        return sorted(p for pat in patterns for p in (SEEDS / sub).glob(pat) if p.is_file())

    return seeds


def _firmware(cache: Path) -> list[Path]:
    from fuzz.families import FAMILIES

    # SquashFS and the small crafted archives; the general extractor's seeds are for `fuzz.run firmware`
    slow = ("bomb", "plain.cramfs", "plain.ext2", "plain.jffs2", "nested", "links", "traversal.zip")
    return [p for p in FAMILIES["firmware"].seeds(cache) if not p.name.startswith(slow)]


API_FAMILIES: dict[str, ApiFamily] = {
    f.name: f
    for f in (
        ApiFamily(
            "api-declarations",
            "POST /api/v1/products/declaration + assessment",
            "toml",
            _files("declarations", "*.toml"),
            send_declaration,
        ),
        ApiFamily(
            "api-batches",
            "POST /api/v1/products/{id}/files (password-batch) + assessment",
            "csv",
            _files("batches", "*.csv", "*.tsv", "*.jsonl", "*.gz"),
            _send_file("password-batch"),
        ),
        ApiFamily(
            "api-firmware",
            "POST /api/v1/products/{id}/files (firmware) + assessment",
            "binary",
            _firmware,
            _send_file("firmware"),
            base_seconds=90.0,
            per_mb_seconds=30.0,
        ),
        ApiFamily(
            "api-catalogues",
            "POST /api/v1/catalogues + check",
            "csv",
            _files("catalogues", "*.csv", "*.tsv"),
            send_catalogue,
        ),
        ApiFamily(
            "api-statements",
            "POST /api/v1/statements/verify and …/statements/upload",
            "json",
            _files("statements", "statement.json"),
            send_statement,
        ),
    )
}


def run_family(
    family: ApiFamily,
    count: int,
    seed: int,
    work_root: Path,
    *,
    registry: Registry | None = None,
    log: bool = True,
    only: tuple[str, ...] = (),
) -> list[Outcome]:
    """Every seed as it is, then `count` mutated inputs, through one registry process.
    `only`: seed names to keep (a short run's budget)."""
    from fuzz.mutate import mutate

    seeds = [s for s in family.seeds(work_root) if not only or s.name in only]
    if not seeds:
        raise SystemExit(f"{family.name}: no seed inputs")
    own = registry is None
    reg = registry or Registry(work_root / f"registry-{family.name}").start()
    rng = random.Random(f"{family.name}:{seed}")
    outcomes = []
    try:
        for i in range(len(seeds) + count):
            source = seeds[i] if i < len(seeds) else rng.choice(seeds)
            data = source.read_bytes()
            if i >= len(seeds):
                data = mutate(rng, data, family.tokens, gzipped=source.suffix == ".gz")
            case = Case(source.name, data, [family.command], seed=source.name)
            bound = family.base_seconds + family.per_mb_seconds * len(data) / 1e6
            start = time.monotonic()
            try:
                code, answer, problems = family.send(reg, case, bound)
            except httpx.HTTPError as e:
                code, answer, problems = -1, "", [f"traceback: no answer: {type(e).__name__}: {e}"]
            seconds = time.monotonic() - start
            if seconds > bound:
                problems.append(f"hang: {seconds:.1f} s, over the {bound:.0f} s bound")
            logged = reg.new_log()
            if "Traceback" in logged:
                problems.append("traceback: in the server log: " + logged[logged.index("Traceback") :][:400])
            if not reg.alive():
                problems.append("traceback: the server no longer answers")
            rss = reg.peak_rss()
            if rss >= MEMORY_LIMIT:
                problems.append(f"memory: the server's peak resident memory reached {rss / 2**20:,.0f} MiB")
            outcome = Outcome(
                case,
                code if code >= 0 else None,
                seconds,
                rss,
                answer.encode(),
                logged.encode()[-2000:],
                bound,
                problems,
            )
            outcomes.append(outcome)
            if problems and log:
                digest = hashlib.sha256(data).hexdigest()[:16]
                print(f"  [{family.name} #{i} {digest}] {'; '.join(problems)}", file=sys.stderr, flush=True)
            if problems and not reg.alive():
                break  # nothing more can be learnt from a dead server
    finally:
        if own:
            reg.stop()
    return outcomes
