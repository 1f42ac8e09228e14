"""The command line run in the test's own process.

`python -m dashboard_core` is `sys.exit(cli.main())`; a new interpreter spends about a second importing
pandas, DuckDB and the app before it does anything, which the quick tier paid a dozen times. The
entry point itself still runs as a real process in the slow tier (test_standard's strict-JSON test,
the report and briefing commands, the plan round trip)."""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
from unittest import mock

from dashboard_core import cli


def run_cli(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    """Like `subprocess.run([python, -m, dashboard_core, *args], capture_output=True, text=True)`:
    the exit code, what was printed and what was written to stderr (argparse's exit 2 included)."""
    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env or {}), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())
