#!/usr/bin/env bash
# Set up a virtual environment (first time only) and start the dashboard on the bundled demo snapshot.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -r requirements.txt
exec .venv/bin/streamlit run app.py "$@"
