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


def test_an_admin_makes_the_rectification_register_and_saves_its_progress(browser, tmp_path, data_copy):
    """Behind the password: one click makes the register of the year's plan as a new snapshot, shown at
    once with its editor and no error (the picker's key set before it is drawn); the snapshot before is
    unchanged. Saving progress goes through importer.replace_table (tests/files/test_rectification.py)."""
    from dashboard_core.store import snapshots

    secrets = tmp_path / "secrets.toml"
    secrets.write_text('admin_password = "台账密码2026"\n', encoding="utf-8")
    before = {p.name for p in (data_copy / "snapshots").iterdir()}
    manifest = (data_copy / "snapshots" / "demo-2024" / "manifest.json").read_bytes()
    with running_app(env={"STREAMLIT_SECRETS_FILES": str(secrets), "DASHBOARD_DATA_DIR": str(data_copy)}) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(f"{base}/data")
            page.wait_for_selector(READY, timeout=60_000)
            page.get_by_label("管理员密码").fill("台账密码2026")
            page.get_by_label("管理员密码").press("Enter")
            page.get_by_role("button", name="由 2024 年的整改方案生成整改台账").click(timeout=60_000)
            page.get_by_role("button", name="保存整改台账为新快照").wait_for(timeout=90_000)
            assert page.locator('[data-testid="stException"]').count() == 0
            made = {p.name for p in (data_copy / "snapshots").iterdir()} - before
            assert len(made) == 1
            snap = snapshots.read_snapshot(data_copy, made.pop())
            register = snapshots.read_table(snap, "rectification", [])
            assert len(register) >= 1 and (register["status"] == "未开始").all()
            assert (data_copy / "snapshots" / "demo-2024" / "manifest.json").read_bytes() == manifest
        finally:
            page.close()
