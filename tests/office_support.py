"""LibreOffice headless, as the bureau's Word, WPS or PowerPoint would open a file: converted to PDF."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest


def office_pdf(folder: Path, name: str, data: bytes, package: str) -> Path:
    """`data` written as `name` in `folder` and converted to PDF; the PDF's path. Without LibreOffice the test
    is skipped, or fails in CI (scripts/test.sh installs `package`)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail(f"LibreOffice is missing: scripts/test.sh installs {package}")
        pytest.skip("LibreOffice is not installed")
    source = folder / name
    source.write_bytes(data)
    done = subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return source.with_suffix(".pdf")
