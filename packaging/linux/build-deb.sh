#!/usr/bin/env bash
# Wrap the frozen app (dist/rapport from packaging/build.sh) into dist/rapport_VERSION_amd64.deb:
# payload in /opt/rapport, /usr/bin/rapport, menu entry, rapport:// handler, icon.
# Usage: packaging/linux/build-deb.sh   (after packaging/build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=packaging/linux
bundle=dist/rapport
if [ ! -x "$bundle/rapport" ]; then
  echo "build-deb.sh: no $bundle/rapport; run packaging/build.sh first" >&2
  exit 1
fi
# The version the bundle itself reports: the package cannot disagree with what it carries.
version=$("$bundle/rapport" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/rapport"
cp -a "$bundle" "$root/opt/rapport"
ln -s /opt/rapport/rapport "$root/usr/bin/rapport"
install -m 644 "$here/rapport.desktop" "$here/rapport-url-handler.desktop" \
  "$root/usr/share/applications/"
install -m 644 src/rapport/resources/icons/rapport.svg \
  "$root/usr/share/icons/hicolor/scalable/apps/rapport.svg"
install -m 644 packaging/policy.example.toml "$root/usr/share/doc/rapport/policy.example.toml"
install -m 755 "$here/postinst" "$here/postrm" "$root/DEBIAN/"
size_kb=$(du -sk "$root/opt" "$root/usr" | awk '{s += $1} END {print s}')
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" \
  "$here/control.in" >"$root/DEBIAN/control"

out="dist/rapport_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$root" "$out" >/dev/null
echo "build-deb.sh: $out ($(du -h "$out" | cut -f1))"
