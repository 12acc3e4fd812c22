#!/usr/bin/env bash
# The main job on the shipped examples: assess each product (offline, from its saved
# evidence) and show the verdicts. Exits non-zero only if psti itself fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
# The same verdicts on every run: no support-period history (it would compare with earlier runs).
export PSTI_SUPPORT_HISTORY=off
mkdir -p out

status=0
printf '\n%-16s %-16s %s\n' "example" "verdict" "exit code"
for decl in examples/*/product.toml; do
  name=$(basename "$(dirname "$decl")")
  psti assess "$decl" --offline --no-progress --format json --output "out/$name.assessment.json" 2>/dev/null
  rc=$?
  case $rc in
    0|1|3) verdict=$(python -c 'import json,sys; print(json.load(open(sys.argv[1]))["overall"])' "out/$name.assessment.json") ;;
    *) verdict="ERROR"; status=1 ;;
  esac
  printf '%-16s %-16s %s\n' "$name" "$verdict" "$rc"
done
echo
for decl in examples/*/product.toml; do
  echo "──────── $(dirname "$decl")"
  psti assess "$decl" --offline --no-progress
done
echo "JSON reports written to out/"
exit $status
