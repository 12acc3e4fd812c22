#!/usr/bin/env bash
# Start a throwaway PostgreSQL on 127.0.0.1 for the store tests and print its URL on stdout,
# as shell assignments that scripts/test.sh evaluates:
#   eval "$(bash scripts/start-postgres.sh)"   # sets PSTI_TEST_POSTGRES_URL and PSTI_PG_STOP
#   export PSTI_TEST_POSTGRES_URL=$(bash scripts/start-postgres.sh --url)   # just the URL
# Stop it with: eval "$PSTI_PG_STOP"  (i.e. bash scripts/start-postgres.sh --stop DIR).
# Uses Debian's PostgreSQL binaries, runs the server as the `postgres` user when started as root,
# and keeps everything in a temporary directory. Never prompts for a password (no tty needed).
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$PGBIN" ]; then
  echo "start-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

if [ "${1:-}" = "--stop" ]; then
  dir=${2:?give the directory printed on stderr at start}
  as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
  rm -rf "$dir"
  exit 0
fi

# A free port: ask the kernel for one.
PGPORT=${PGPORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
PGROOT=$(mktemp -d /tmp/psti-pg.XXXXXX)
PASSWORD=psti-test-$RANDOM$RANDOM

if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$PGROOT"
  RUN=(runuser -u postgres --)
else
  RUN=()
fi
chmod 700 "$PGROOT"
printf '%s' "$PASSWORD" > "$PGROOT/pw"
[ "$(id -u)" -eq 0 ] && chown postgres "$PGROOT/pw"

"${RUN[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --pwfile="$PGROOT/pw" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-instructions \
  >"$PGROOT/initdb.log" 2>&1
rm -f "$PGROOT/pw"
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
  start >/dev/null
"${RUN[@]}" "$PGBIN/createdb" -w -h "$PGROOT" -p "$PGPORT" -U postgres psti

URL="postgresql+psycopg://postgres:$PASSWORD@127.0.0.1:$PGPORT/psti"
STOP="bash $(cd "$(dirname "$0")" && pwd)/start-postgres.sh --stop $PGROOT"
echo "start-postgres: running from $PGROOT (stop: $STOP)" >&2
if [ "${1:-}" = "--url" ]; then
  echo "$URL"
else
  echo "PSTI_TEST_POSTGRES_URL='$URL'"
  echo "PSTI_PG_STOP='$STOP'"
fi
