#!/usr/bin/env bash
# The whole test suite: starts a throwaway PostgreSQL on 127.0.0.1 for the store tests,
# runs pytest, and stops the server again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

pg_stop=""
if [ -z "${PSTI_TEST_POSTGRES_URL:-}" ] && [ -x scripts/start-postgres.sh ]; then
  eval "$(bash scripts/start-postgres.sh)"   # sets PSTI_TEST_POSTGRES_URL and PSTI_PG_STOP
  export PSTI_TEST_POSTGRES_URL
  pg_stop="${PSTI_PG_STOP:-}"
fi
cleanup() { if [ -n "$pg_stop" ]; then eval "$pg_stop" >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

python -m pytest -q -p no:cacheprovider "$@"
