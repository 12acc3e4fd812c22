#!/usr/bin/env bash
# Install the system packages psti needs: firmware extractors, John the Ripper (benchmarks),
# poppler (PDF checks), PostgreSQL (store tests), Chromium (browser tests), fonts for PDFs,
# and the login daemons the device-probe tests start on 127.0.0.1 (sshd, telnetd, vsftpd,
# lighttpd, mosquitto): when this script installs them, their system services are not
# started and are disabled, so a machine does not begin serving logins on its network.
# Also builds `sasquatch` (third_party/sasquatch), which unblob calls for vendor SquashFS
# variants; Debian has no package for it. The cross compilers build the MIPS, ARM and AArch64
# programs the compared-password tests analyse.
set -euo pipefail

PACKAGES=(
  squashfs-tools p7zip-full lziprecover lzop partclone unar android-sdk-libsparse-utils
  erofs-utils mtd-utils lz4 zstd e2fsprogs cpio dosfstools mtools cramfsswap util-linux
  xz-utils bzip2 gzip lzma unzip zip file
  john poppler-utils postgresql chromium chromium-driver zbar-tools
  fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 gnupg python3-venv
  gcc-mips-linux-gnu gcc-mipsel-linux-gnu gcc-arm-linux-gnueabi gcc-aarch64-linux-gnu
  libc6-dev-mips-cross libc6-dev-mipsel-cross libc6-dev-armel-cross libc6-dev-arm64-cross
  busybox-static dropbear-bin gcc g++ make zlib1g-dev liblzma-dev liblzo2-dev liblz4-dev libzstd-dev
  openssh-server openssh-client inetutils-telnetd lighttpd mosquitto vsftpd
)
# Their services (as Debian names them), disabled when this script installed the package.
declare -A DAEMON_SERVICE=([openssh-server]=ssh [inetutils-telnetd]=inetutils-inetd [lighttpd]=lighttpd
                          [mosquitto]=mosquitto [vsftpd]=vsftpd)

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n "$0" "$@"
  fi
  echo "psti: installing system packages needs root. Run as root, or ask an administrator to run:" >&2
  echo "  apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
  exit 1
fi

# Each step prints a line when it starts and one with the time it took; apt's own output
# goes to a log (shown if a step fails), so a slow install is visible without pages of it.
log=$(mktemp /tmp/psti-install-system.XXXXXX.log)
step() {  # step "what" command...
  local what=$1 start=$SECONDS
  shift
  echo "psti: $what ..."
  if ! "$@" >>"$log" 2>&1; then
    echo "psti: $what failed after $((SECONDS - start)) s; the last lines of $log:" >&2
    tail -n 25 "$log" >&2
    exit 1
  fi
  echo "psti: $what: done in $((SECONDS - start)) s"
}

start=$SECONDS
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
echo "psti: checked ${#PACKAGES[@]} Debian packages in $((SECONDS - start)) s: ${#missing[@]} to install"
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  step "updating the package lists (apt-get update)" apt-get update
  # cramfsswap / lzma may be absent on some releases: install what exists.
  avail=()
  for p in "${missing[@]}"; do
    if apt-cache show "$p" >/dev/null 2>&1; then avail+=("$p"); else echo "psti: note: Debian package $p not available, skipped" >&2; fi
  done
  if [ "${#avail[@]}" -gt 0 ]; then
    # Debian's own switch: no service starts while policy-rc.d says 101 (if one exists, keep it).
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    step "installing ${#avail[@]} packages (${avail[*]}); Chromium and PostgreSQL take minutes" \
      apt-get install -y --no-install-recommends "${avail[@]}"
    for p in "${avail[@]}"; do
      unit=${DAEMON_SERVICE[$p]:-}
      [ -n "$unit" ] || continue
      if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        systemctl disable --now "$unit" >/dev/null 2>&1 || true
      elif command -v update-rc.d >/dev/null 2>&1 && [ -e "/etc/init.d/$unit" ]; then
        update-rc.d "$unit" disable >/dev/null 2>&1 || true
      fi
    done
  fi
fi
rm -f "$log"

# unblob calls `sasquatch -le|-be ...` (and `sasquatch-v4be` for big-endian SquashFS 4.0).
# Build the real one; only if that fails, fall back to a stand-in that runs stock
# unsquashfs (standard SquashFS only: vendor variants then cannot be extracted).
if ! bash "$(dirname "$0")/build-sasquatch.sh"; then
  shim=/usr/local/bin/sasquatch
  echo "psti: warning: sasquatch could not be built; installing a stand-in that runs stock unsquashfs" >&2
  cat > "$shim" <<'SHIM'
#!/bin/bash
# psti sasquatch shim: drop sasquatch-only endianness flags and run Debian's unsquashfs.
args=()
for a in "$@"; do [[ "$a" == "-le" || "$a" == "-be" ]] || args+=("$a"); done
exec unsquashfs "${args[@]}"
SHIM
  chmod +x "$shim"
  cp "$shim" /usr/local/bin/sasquatch-v4be
fi
echo "psti: system packages ready"
