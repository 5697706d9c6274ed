#!/usr/bin/env bash
# Unpack the .deb into a throwaway root (no install, no root needed) and check what a desk would
# get: the layout, the desktop entries, and the unpacked binary's --version and demo self-test.
# Usage: packaging/linux/test-deb.sh [dist/rapport_VERSION_ARCH.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=${1:-$(ls -t dist/rapport_*.deb | head -1)}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "test-deb.sh: $*" >&2; exit 1; }

dpkg-deb -x "$deb" "$root/fs"
dpkg-deb -e "$deb" "$root/DEBIAN"
[ "$(readlink "$root/fs/usr/bin/rapport")" = /opt/rapport/rapport ] || fail "/usr/bin/rapport link"
[ -x "$root/fs/opt/rapport/rapport" ] || fail "no /opt/rapport/rapport"
[ -f "$root/fs/usr/share/icons/hicolor/scalable/apps/rapport.svg" ] || fail "no icon"
handler="$root/fs/usr/share/applications/rapport-url-handler.desktop"
grep -qx 'MimeType=x-scheme-handler/rapport;' "$handler" || fail "no rapport:// MimeType"
grep -qx 'Exec=/usr/bin/rapport pop %u' "$handler" || fail "handler does not pass %u to pop"
grep -qx 'Icon=rapport' "$root/fs/usr/share/applications/rapport.desktop" || fail "menu icon"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$root/fs/usr/share/applications/"*.desktop
fi
grep -q '^Depends: ' "$root/DEBIAN/control" || fail "control has no Depends"

exe="$root/fs/opt/rapport/rapport"
version=$("$exe" --version)
echo "test-deb.sh: $(basename "$deb") unpacks; $version"
[ "$version" = "rapport $(dpkg-deb -f "$deb" Version)" ] || fail "version $version vs package"
# A link from the softphone with no app running: refused with a clear message, not a crash.
mkdir -m 700 "$root/run"
set +e
out=$(XDG_RUNTIME_DIR="$root/run" HOME="$root" "$exe" pop 'rapport://pop?phone=%2B33612345678' 2>&1)
rc=$?
set -e
[ "$rc" = 1 ] && [[ "$out" == *"not running"* ]] || fail "pop without an app: rc $rc: $out"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$root/run" HOME="$root" \
  RAPPORT_POLICY_FILE="$root/none.toml" \
  timeout 120 "$exe" --no-crash-dialog demo --self-test --customers 200
