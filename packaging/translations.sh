#!/usr/bin/env bash
# The interface catalogs: refresh them from the code (lupdate), then compile them (lrelease).
# Run after adding or changing a user-facing string, and after translating (pyside6-linguist, or
# any .ts editor). The .qm files are committed next to the .ts, so a checkout runs translated
# without a build step; tests/ui/test_i18n.py fails when they are out of step with the .ts or the
# .ts with the code.
# Usage: packaging/translations.sh [update|release]   (default: both)
# A new language: add its code to UI_LANGUAGES in src/rapport/policy.py, run this (it creates
# rapport_<code>.ts), translate, run it again.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never

dir=src/rapport/resources/translations
# Where tr() is called, and where the layers without Qt mark what they tell a person
# (QT_TRANSLATE_NOOP("Messages", ...), rapport.domain.messages). -locations none: no line numbers,
# so moving code does not churn the .ts.
sources=(src/rapport/ui src/rapport/cache src/rapport/domain)
step=${1:-all}
languages=$(uv run python -c 'from rapport.policy import UI_LANGUAGES; print(*UI_LANGUAGES)')

if [ "$step" = all ] || [ "$step" = update ]; then
  for lang in $languages; do
    ts="$dir/rapport_$lang.ts"
    # The source language's catalog holds the plural forms only ("%n view(s)": "1 view").
    only=()
    [ "$lang" = en ] && only=(-pluralonly)
    uv run pyside6-lupdate -silent -locations none -no-obsolete "${only[@]}" -extensions py \
      "${sources[@]}" -ts "$ts"
  done
fi
if [ "$step" = all ] || [ "$step" = release ]; then
  for lang in $languages; do
    ts="$dir/rapport_$lang.ts"
    uv run pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
  done
fi
