#!/usr/bin/env bash
# Build sasquatch (third_party/sasquatch) and install `sasquatch` and `sasquatch-v4be`
# into PREFIX/bin (default /usr/local/bin), replacing psti's stock-unsquashfs stand-in.
#
#   bash scripts/build-sasquatch.sh [--prefix DIR] [--force]
#
# Skips the build when a real sasquatch (not the stand-in) is already on PATH, unless
# --force. The source tree is never modified: the build runs in a temporary copy.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --force) force=1; shift ;;
    *) echo "build-sasquatch: unknown option $1 (use --prefix DIR, --force)" >&2; exit 2 ;;
  esac
done

is_real() {  # a sasquatch binary, not a shell script standing in for it
  local exe
  exe=$(command -v "$1" 2>/dev/null) || return 1
  ! grep -q "psti sasquatch shim" "$exe" 2>/dev/null
}

if [ "$force" -eq 0 ] && is_real sasquatch && is_real sasquatch-v4be; then
  echo "psti: sasquatch already installed ($(command -v sasquatch))"
  exit 0
fi

src=third_party/sasquatch/squashfs-tools
[ -f "$src/Makefile" ] || { echo "build-sasquatch: $src is missing" >&2; exit 1; }

work=$(mktemp -d /tmp/psti-sasquatch.XXXXXX)
trap 'rm -rf "$work"' EXIT
log="$work/build.log"
started=$(date +%s)

build() {  # build a fresh copy; $1: extra CFLAGS ("" or -DFIX_BE); prints the binary's path
  local dir="$work/build$2"
  cp -r "$src" "$dir"
  if ! CFLAGS="-O2 $1" make -C "$dir" -j"$(nproc)" sasquatch >>"$log" 2>&1; then
    echo "build-sasquatch: compiling failed; last lines of the log:" >&2
    tail -n 15 "$log" >&2
    exit 1
  fi
  echo "$dir/sasquatch"
}

le=$(build "" "-le")
be=$(build "-DFIX_BE" "-be")  # the variant unblob runs for big-endian SquashFS 4.0
install -d "$prefix/bin"
install -m 0755 "$le" "$prefix/bin/sasquatch"
install -m 0755 "$be" "$prefix/bin/sasquatch-v4be"
echo "psti: sasquatch built and installed in $prefix/bin ($(( $(date +%s) - started )) s)"
