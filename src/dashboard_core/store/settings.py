"""Where the data lives: `--data-dir` on the command line, then DASHBOARD_DATA_DIR, then data/ in the repo."""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA_ROOT = REPO_ROOT / "data"
ENV_DATA_DIR = "DASHBOARD_DATA_DIR"


def data_root(argv: list[str] | None = None, environ: dict | None = None) -> Path:
    argv = sys.argv[1:] if argv is None else argv
    environ = os.environ if environ is None else environ
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            return Path(argv[i + 1]).expanduser().resolve()
        if arg.startswith("--data-dir="):
            return Path(arg.split("=", 1)[1]).expanduser().resolve()
    if environ.get(ENV_DATA_DIR):
        return Path(environ[ENV_DATA_DIR]).expanduser().resolve()
    return DEFAULT_DATA_ROOT
