"""The English catalog is complete: every t("…") and N_("…") template in the code, extracted afresh with
Babel as scripts/catalog.sh does, has a translated, non-fuzzy entry with the same placeholders, and the
catalog keeps no entry the code no longer has. A sentence edited or added without its English fails here
instead of showing Chinese on an English page."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from dashboard_core.present import i18n

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _extract(tmp_path, *paths, mapping=True) -> set[str]:
    out = tmp_path / "messages.pot"
    config = ["-F", str(REPO / "babel.cfg")] if mapping else []  # the project's files, or the ones named
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", "extract", *config, "-k", "t", "-k", "N_", "--no-default-keywords", "--no-location", "--omit-header", "-o", str(out),
                    *paths], cwd=REPO, check=True, capture_output=True)
    with out.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    return _extract(tmp_path_factory.mktemp("pot"), ".")


@pytest.fixture(scope="module")
def entries():
    with i18n.CATALOG.open("rb") as handle:
        return read_po(handle, locale="en")


def test_every_template_has_a_translated_entry(extracted, entries):
    assert len(extracted) > 500  # the extraction read the code
    missing = sorted(m for m in extracted if entries.get(m) is None)
    empty = sorted(m.id for m in entries if m.id and not m.string)
    fuzzy = sorted(m.id for m in entries if m.id and m.fuzzy)
    assert not missing, "not in the catalog (run scripts/catalog.sh, then translate):\n" + "\n".join(missing)
    assert not empty, "no English yet:\n" + "\n".join(empty)
    assert not fuzzy, "changed since translated (fuzzy: check the English, then drop the flag):\n" + "\n".join(fuzzy)


def test_the_catalog_has_nothing_obsolete(extracted, entries):
    stale = sorted({m.id for m in entries if m.id} - extracted)
    assert not entries.obsolete and not stale, "no longer in the code:\n" + "\n".join(stale + list(entries.obsolete))


def test_placeholders_match(entries):
    wrong = [m.id for m in entries if m.id and m.string
             and sorted(PLACEHOLDER.findall(m.id)) != sorted(PLACEHOLDER.findall(m.string))]
    assert not wrong, "placeholders differ between Chinese and English:\n" + "\n".join(wrong)


def test_a_template_missing_from_the_catalog_stays_chinese_and_fails_here(tmp_path):
    """No word-by-word guess: an untranslated template shows as written, and the check names it."""
    module = tmp_path / "new_page.py"
    module.write_text('from dashboard_core.present.i18n import t\nt("学校标准：{n} 项中新增的一句话", n=8)\n', encoding="utf-8")
    assert "学校标准：{n} 项中新增的一句话" in _extract(tmp_path, str(module), mapping=False)
    with i18n.using("en"):
        assert i18n.t("学校标准：{n} 项中新增的一句话", n=8) == "学校标准：8 项中新增的一句话"
        assert i18n.t("范围：{scope} · {year} 年", scope="x", year=2024).startswith("Scope")
