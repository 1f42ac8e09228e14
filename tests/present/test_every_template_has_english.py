"""Every Chinese template written as `t("…")` in the code has its English: a sentence edited or added
without its translation fails here, instead of showing Chinese (or a word-by-word guess) on an English page."""
import ast
from pathlib import Path

from dashboard_core.present import translations
from dashboard_core.present.i18n import has_cjk

REPO = Path(__file__).resolve().parents[2]


def _templates():
    files = [*(REPO / "src").rglob("*.py"), *(REPO / "pages").glob("*.py"), REPO / "app.py"]
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                yield file.relative_to(REPO), node.lineno, node.args[0].value


def test_every_template_in_the_code_has_its_english():
    phrases = translations.PHRASES
    missing = [f"{file}:{line} {text}" for file, line, text in _templates() if has_cjk(text) and text not in phrases]
    assert not missing, "English missing for:\n" + "\n".join(missing)


def test_the_check_finds_templates():
    assert sum(1 for _ in _templates()) > 500  # it reads the code, not an empty list
