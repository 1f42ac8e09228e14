"""Recipe 1 on every page: with a rules file of eight indicators (DASHBOARD_RULES), every page renders in
Chinese and English without an exception, no English page keeps Chinese, and the pages that state the
school rule say "8" and "7". Run in a fresh process: the app's caches hold one rules file per process."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from registry_support import write_eight_indicator_rules

WALK = r'''
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from streamlit.testing.v1 import AppTest
from test_app import APP
from test_pages import ALL_PAGES
from test_i18n import chinese_left, screen_strings

out = {}
for lang in ("zh", "en"):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    for page in ALL_PAGES + ["pages/guide.py"]:
        at.switch_page(page).run()
        strings = screen_strings(at)
        out[f"{lang}:{page}"] = {"exceptions": [str(e.value) for e in at.exception],
                                 "chinese_left": chinese_left(strings) if lang == "en" else [],
                                 "text": "\n".join(strings)}
print(json.dumps(out, ensure_ascii=False))
'''


@pytest.mark.slow  # a subprocess walking every page twice
def test_every_page_with_eight_indicators(tmp_path):
    tests = Path(__file__).resolve().parents[1]
    env = {**os.environ, "DASHBOARD_RULES": str(write_eight_indicator_rules(tmp_path))}
    done = subprocess.run([sys.executable, "-c", WALK, str(tests / "app"), str(tests)], env=env, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    pages = json.loads(done.stdout.strip().splitlines()[-1])
    broken = {k: v["exceptions"] for k, v in pages.items() if v["exceptions"]}
    assert not broken, broken
    left = {k: v["chinese_left"] for k, v in pages.items() if v["chinese_left"]}
    assert not left, json.dumps(left, ensure_ascii=False, indent=1)
    standards = pages["zh:pages/standards.py"]["text"]
    assert "8 项中至少 7 项达到标准值" in standards and "教职工" in standards
    assert "国家标准 8 项指标" in pages["zh:pages/school.py"]["text"]
    assert "8 项中至少 7 项达到" in pages["zh:pages/plan.py"]["text"]
    assert "at least 7 of the 8 indicators" in pages["en:pages/standards.py"]["text"]
