#!/usr/bin/env bash
# Run every benchmark in turn (about 20 minutes on 2 cores). Each prints its figures as
# ratios measured in its own run; the README quotes them. Benchmarks that need
# PostgreSQL get a throwaway server from scripts/start-postgres.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
eval "$(bash scripts/start-postgres.sh)"
trap 'eval "${PSTI_PG_STOP:-true}" >/dev/null 2>&1' EXIT
status=0
run() { echo; echo "=== $*"; "$@" || { echo "benchmark failed: $*"; status=1; }; }
run python bench/regime_load.py
run python bench/firmware_extract.py
run python bench/fw_scan_time.py
run python bench/fw_hash_rate.py
run python bench/fw_peers.py
run python bench/fw_handlers.py
run python bench/creds_batch.py
run python bench/creds_derivations.py
run python bench/securitytxt_corpus.py
run python bench/web_realworld.py
run python bench/bench_documents.py
run python bench/bundle_reverify.py
run python bench/service_lookup.py --postgres "$PSTI_TEST_POSTGRES_URL"
run python bench/service_catalogue.py --postgres "$PSTI_TEST_POSTGRES_URL"
run python bench/service_restart.py
run python bench/survey.py --images 40 --collector
run python bench/probe_peers.py
exit $status
