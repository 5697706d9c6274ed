#!/usr/bin/env bash
# macOS: build Rapport.app, sign it, wrap it in a .dmg, notarize and staple.
# NOT RUN HERE (no macOS host): see packaging/README.md.
#
# Needs: Xcode command line tools, a "Developer ID Application" certificate in the keychain, and a
# notarytool keychain profile made once with
#   xcrun notarytool store-credentials rapport-notary --apple-id ID --team-id TEAM
# (the Apple ID password lives in the keychain, never in this repo or in CI variables in clear).
# Usage: SIGN_IDENTITY="Developer ID Application: Example (TEAMID)" packaging/macos/build-dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${SIGN_IDENTITY:?set SIGN_IDENTITY to the Developer ID Application identity}"
NOTARY_PROFILE=${NOTARY_PROFILE:-rapport-notary}

uv run pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller/work \
  packaging/rapport.spec
app=dist/Rapport.app
version=$(/usr/libexec/PlistBuddy -c 'Print CFBundleShortVersionString' "$app/Contents/Info.plist")
"$app/Contents/MacOS/rapport" --version
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/rapport" --no-crash-dialog demo --self-test \
  --customers 200

# Hardened runtime (required for notarization); sign inside out: every library, then the app.
find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
  xargs -0 codesign --force --timestamp --options runtime --sign "$SIGN_IDENTITY"
codesign --force --timestamp --options runtime --sign "$SIGN_IDENTITY" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

dmg="dist/Rapport-$version.dmg"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Rapport $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
codesign --force --timestamp --sign "$SIGN_IDENTITY" "$dmg"

xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"
echo "build-dmg.sh: $dmg"
