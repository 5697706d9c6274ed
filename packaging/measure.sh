#!/usr/bin/env bash
# Figures for packaging/README.md, from an existing build (packaging/build.sh, build-deb.sh):
# bundle and .deb size, and the frozen app's start times, median of five runs each.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=dist/rapport/rapport
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp" \
  RAPPORT_POLICY_FILE="$tmp/none.toml"
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
runs() {  # runs CMD... five times, prints the times in ms and their median
  for _ in 1 2 3 4 5; do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    echo $((($(date +%s%N) - s) / 1000000))
  done >"$tmp/times"
  echo "$(tr '\n' ' ' <"$tmp/times")-> median $(median <"$tmp/times") ms"
}
echo "bundle: $(du -sh dist/rapport | cut -f1)"
for deb in dist/rapport_*.deb; do [ -e "$deb" ] && echo ".deb: $(du -h "$deb" | cut -f1) $deb"; done
# The demo is seeded once, so the runs time start + embedded hub + sync + open, not data generation.
"$exe" --no-crash-dialog demo --self-test --customers 200 --data "$tmp/demo" >/dev/null 2>&1
echo "frozen --version: $(runs "$exe" --version)"
echo "frozen demo --self-test (start to its ok line, 200 customers): $(runs "$exe" --no-crash-dialog demo --self-test --data "$tmp/demo")"
# Start to first paint: the app prints the wall clock of its first window's first paint and exits
# (RAPPORT_PAINT_PROBE). First the app as an agent starts it on a new desk (the sign-in window),
# then the demo's main window (which imports and starts the embedded hub first).
paint() {
  for _ in 1 2 3 4 5; do
    s=$(date +%s.%N)
    p=$(RAPPORT_PAINT_PROBE=1 "$exe" --no-crash-dialog "$@" 2>&1 >/dev/null |
      sed -n 's/^rapport: first paint at //p')
    awk -v s="$s" -v p="$p" 'BEGIN {printf "%d\n", (p - s) * 1000}'
  done >"$tmp/paint"
  echo "$(tr '\n' ' ' <"$tmp/paint")-> median $(median <"$tmp/paint") ms"
}
echo "frozen start to first paint, rapport (sign-in window): $(paint)"
echo "frozen start to first paint, rapport demo (main window, seeded): $(paint demo --data "$tmp/demo")"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
