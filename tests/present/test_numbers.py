"""One number format: every number on screen and in the files is written by present/numbers.py from
Babel's locale data, in both languages. The table below is the format, value by value."""
import ast
import re
from pathlib import Path

import numpy as np
import pytest

from dashboard_core.present import format as fmt
from dashboard_core.present import i18n, numbers

REPO = Path(__file__).resolve().parents[2]

#   what                              written in Chinese   written in English
SAMPLES = [
    (lambda: numbers.whole(20486), "20,486", "20,486"),
    (lambda: numbers.decimal(2777.073, 2), "2,777.07", "2,777.07"),
    (lambda: numbers.decimal(4, 2), "4.00", "4.00"),
    (lambda: numbers.decimal(4.5), "4.5", "4.5"),
    (lambda: numbers.decimal(float("nan")), "—", "—"),
    (lambda: numbers.percent(16.0), "16.0%", "16.0%"),
    (lambda: numbers.percent(2.97, 2), "2.97%", "2.97%"),
    (lambda: numbers.percent(100, 1), "100.0%", "100.0%"),
    (lambda: numbers.yuan(203_000_000), "2.03 亿元", "203 million yuan"),
    (lambda: numbers.yuan(755_850), "75.58 万元", "755,850 yuan"),
    (lambda: numbers.yuan(110_000), "11 万元", "110,000 yuan"),
    (lambda: numbers.yuan(5_000), "5,000 元", "5,000 yuan"),
    (lambda: fmt.amount(2.97, "%"), "2.97%", "2.97%"),
    (lambda: fmt.amount(6.39, "亿元"), "6.39 亿元", "639 million yuan"),
    (lambda: fmt.amount(4073, "平方公里"), "4,073 平方公里", "4,073 km²"),
    (lambda: i18n.t("{n:,} 所学校", n=np.int64(1770)), "1,770 所学校", None),
    (lambda: i18n.t("{share:.1f}%", share=16.04), "16.0%", "16.0%"),
    (lambda: i18n.t("{diff:+.2f}", diff=0.554), "+0.55", "+0.55"),
    (lambda: i18n.t("{diff:+.2f}", diff=-0.554), "-0.55", "-0.55"),
    (lambda: i18n.t("{year} 年", year=np.int64(2024)), "2024 年", None),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_table_of_sample_values_in_both_languages(lang):
    shown = []
    with i18n.using(lang):
        for write, zh, en in SAMPLES:
            expected = zh if lang == "zh" else en
            if expected is not None:
                shown.append((write(), expected))
    wrong = [(got, expected) for got, expected in shown if got != expected]
    assert not wrong, wrong


# a number formatted by hand in an f-string ("{x:,.1f}"), which would bypass the one format
_HAND_FORMAT = re.compile(r"^[+]?,?(\.\d+)?[fd%]$|^,$")
_ALLOWED = {("web/presentation.py", ".0f")}  # a CSS height in vh, not a number a person reads


def test_no_number_is_formatted_by_hand_in_an_f_string():
    found = []
    sources = list((REPO / "src" / "dashboard_core").rglob("*.py")) + list((REPO / "pages").glob("*.py")) + [REPO / "app.py"]
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
                spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant))
                where = str(path.relative_to(REPO / "src" / "dashboard_core")) if "src" in path.parts else path.name
                if _HAND_FORMAT.match(spec) and (where, spec) not in _ALLOWED and "files/reading" not in where:
                    found.append(f"{where}:{node.lineno} {{…:{spec}}}")
    assert not found, "format these with present/numbers.py (or format.num / fmt / amount):\n" + "\n".join(found)
