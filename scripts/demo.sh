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
# The products are independent: assess them side by side, then report in order.
declare -A pids
for decl in examples/*/product.toml; do
  name=$(basename "$(dirname "$decl")")
  psti assess "$decl" --offline --no-progress --format json --output "out/$name.assessment.json" \
    2>"out/$name.log" &
  pids[$name]=$!
done
printf '\n%-16s %-16s %s\n' "example" "verdict" "exit code"
for decl in examples/*/product.toml; do
  name=$(basename "$(dirname "$decl")")
  wait "${pids[$name]}"
  rc=$?
  case $rc in
    0|1|3) verdict=$(python -c 'import json,sys; print(json.load(open(sys.argv[1]))["overall"])' "out/$name.assessment.json") ;;
    *) verdict="ERROR"; status=1; cat "out/$name.log" >&2 ;;
  esac
  rm -f "out/$name.log"
  printf '%-16s %-16s %s\n' "$name" "$verdict" "$rc"
done
echo
# The full reports, drawn from the saved assessments (renderers never recompute).
for decl in examples/*/product.toml; do
  name=$(basename "$(dirname "$decl")")
  echo "──────── $(dirname "$decl")"
  psti report "out/$name.assessment.json" --format terminal
done
echo "JSON reports written to out/"
exit $status
