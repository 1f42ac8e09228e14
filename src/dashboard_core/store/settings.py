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


ENV_EPHEMERAL = "DASHBOARD_DATA_EPHEMERAL"
COMMUNITY_CLOUD_CHECKOUT = Path("/mount/src")  # where Streamlit Community Cloud checks out an app's repository


def data_is_ephemeral(root: Path | None = None, environ: dict | None = None) -> bool:
    """Whether what is written under the data root is lost when the app restarts: said by
    DASHBOARD_DATA_EPHEMERAL (1 or 0), else assumed for a data root inside Community Cloud's checkout."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_EPHEMERAL, "") in ("0", "1"):
        return environ[ENV_EPHEMERAL] == "1"
    root = Path(root or data_root([], environ)).resolve()
    return root == COMMUNITY_CLOUD_CHECKOUT or COMMUNITY_CLOUD_CHECKOUT in root.parents
