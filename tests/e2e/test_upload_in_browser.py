"""The import as an admin does it in a real browser: type the password, upload the template, see it checked
(the upload guard keeps the files of a session that gave the password)."""
import os

import pytest

pytestmark = pytest.mark.slow

from browser_support import READY, chromium_available, running_app  # noqa: E402

if not chromium_available():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs the Debian package 'chromium'")
    pytest.skip("Debian chromium is not installed", allow_module_level=True)


def test_an_admin_uploads_a_workbook_and_sees_it_checked(browser, tmp_path, demo_workbook_bytes):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('admin_password = "相当长的密码2026"\n', encoding="utf-8")
    workbook = tmp_path / "filled.xlsx"
    workbook.write_bytes(demo_workbook_bytes)
    with running_app(env={"STREAMLIT_SECRETS_FILES": str(secrets)}) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(f"{base}/data")
            page.wait_for_selector(READY, timeout=60_000)
            assert page.locator('[data-testid="stFileUploader"]').count() == 0  # no uploader before the password
            page.get_by_label("管理员密码").fill("相当长的密码2026")
            page.get_by_label("管理员密码").press("Enter")
            page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
            page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(workbook))
            page.get_by_text("校验通过").first.wait_for(timeout=60_000)
        finally:
            page.close()
