#!/usr/bin/env bash
# The English catalog of every t("…") and N_("…") in the code (Recipe 3, docs/architecture.md):
#   scripts/catalog.sh          extract the messages and update the catalog: a new message comes in
#                               empty, a changed one fuzzy (with the old English as a hint), a removed
#                               one obsolete; then translate in present/locale/en/LC_MESSAGES/messages.po
#   tests/present/test_catalog.py fails while any entry is missing, empty, fuzzy or obsolete.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=src/dashboard_core/present/locale
.venv/bin/pybabel -q extract -F babel.cfg -k t -k N_ --no-default-keywords --no-location --sort-output \
  --omit-header -o "$locale/messages.pot" .
.venv/bin/pybabel -q update -i "$locale/messages.pot" -d "$locale" -l en -D messages --omit-header --no-wrap
