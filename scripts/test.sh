#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine and run them all.
#   - Debian packages: chromium (browser tests), fonts-noto-cjk (Chinese glyphs) and LibreOffice Writer
#     (the report opened as Word or WPS would), when missing
#   - a virtual environment in .venv with the pinned packages of requirements-dev.txt (the app installed editable)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
dpkg -s chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "Installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v soffice >/dev/null 2>&1 || ! dpkg -s libreoffice-impress-nogui >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "Installing Debian packages: libreoffice-writer-nogui libreoffice-impress-nogui"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-impress-nogui >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt

# the rooms' import contracts (pyproject.toml, docs/architecture.md) and the linter (ruff, configured in
# pyproject.toml), then every test, slow ones included
.venv/bin/lint-imports
.venv/bin/ruff check src pages app.py tests scripts
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest -q "$@"
fi
# the quick tier on two processes (one case of each sweep), then the rest of the sweeps (every township,
# school and bad case) on two processes, then the browser and load tests alone: they time pages and
# sessions, which a second process on the same two cores would disturb
.venv/bin/python -m pytest -q -n 2 -m "not slow and not sweep"
.venv/bin/python -m pytest -q -n 2 -m "sweep"
exec .venv/bin/python -m pytest -q -m "slow and not sweep"
