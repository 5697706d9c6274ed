#!/usr/bin/env bash
# Build the one-folder frozen app (dist/rapport/) and prove it runs: --version and the demo
# self-test from the bundle. PyInstaller exits 0 on some broken builds, so its log is checked too.
# Usage: packaging/build.sh   (from anywhere; needs `uv sync` with the dev group, and binutils)
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never

out=build/pyinstaller
mkdir -p "$out"
log="$out/build.log"
SECONDS=0
if ! uv run pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath "$out/work" packaging/rapport.spec >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "build.sh: pyinstaller failed (log: $log)" >&2
  exit 1
fi
took=$SECONDS
# Known silent failures: a host without Qt's libraries still says "Build complete!".
if grep -E "failed to obtain Qt library info|Failed to collect|ERROR:" "$log" >&2; then
  echo "build.sh: pyinstaller reported a broken build (log: $log)" >&2
  exit 1
fi
echo "build.sh: built dist/rapport in ${took} s ($(du -sh dist/rapport | cut -f1))"

exe=dist/rapport/rapport
version=$("$exe" --version)
expected="rapport $(uv run python -c 'import rapport; print(rapport.__version__)')"
if [ "$version" != "$expected" ]; then
  echo "build.sh: frozen --version says '$version', expected '$expected'" >&2
  exit 1
fi
echo "build.sh: $version"

# The self-test syncs a small demo offscreen and opens a customer: Qt plugins, resources and
# the embedded hub all have to be in the bundle for it to pass.
selftest_dir=$(mktemp -d)
trap 'rm -rf "$selftest_dir"' EXIT
# In French: the log says whether our catalog and Qt's own strings were found in the bundle.
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$selftest_dir" RAPPORT_POLICY_FILE="$selftest_dir/none.toml" \
  HOME="$selftest_dir" timeout 120 "$exe" --no-crash-dialog demo --self-test --customers 200 \
  --language fr
if ! grep -rqs "interface language fr .*catalog loaded, Qt's own strings loaded" "$selftest_dir"; then
  echo "build.sh: the bundle did not load the French catalogs" >&2
  grep -rhs "rapport.ui.common.i18n" "$selftest_dir" >&2 || true
  exit 1
fi
