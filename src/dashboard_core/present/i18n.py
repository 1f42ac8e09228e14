"""Chinese and English: the language of the current run, and translation of what goes on screen.

Chinese is the working language of the code and the data: domain results, frames and chart specs are
built in Chinese and cached once for both languages. English is applied at the edge, just before
something is shown or downloaded:

- `t(template, **values)` for the pages' own wording and the sentences of words.py: the Chinese
  template is the msgid of the gettext catalog `locale/en/LC_MESSAGES/messages.po` (extracted from
  every `t("…")` and `N_("…")` by `scripts/catalog.sh`). A template the catalog lacks stays Chinese
  (never translated word by word): `tests/present/test_catalog.py` fails on it;
- `N_("…")` marks a template kept in a table (a status word, a sentence per code) for the catalog;
- `tr(text)` for names and labels that come out of the data or the rules: an exact phrase, a school
  name from its parts, or a label joined from known phrases by punctuation. Sentences are never parsed
  back: words.py writes them from codes through `t()` templates;
- `tr_frame` for tables and `tr_spec` for Vega-Lite specs (field names and values change together,
  so a spec stays consistent).

Words of the data live in `translations.py`; rule wording in the rules file (`*_en` fields); township
names in `store/county.py`; report facts carry their own `metric_en`. A verbatim report excerpt is
never translated.
"""
from __future__ import annotations

import re
import string
from contextvars import ContextVar
from functools import lru_cache
from numbers import Number
from pathlib import Path

import pandas as pd

LANGUAGES = {"zh": "中文", "en": "English"}
DEFAULT = "zh"
_language: ContextVar[str] = ContextVar("dashboard_language", default=DEFAULT)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Punctuation that separates words in composed labels, with its English spacing
_SEPARATORS = {"（": " (", "）": ")", "、": ", ", "，": ", ", "：": ": ", "；": "; ", "·": "·", "/": "/",
               "“": "“", "”": "”", "(": "(", ")": ")", "—": "—", "…": "…", "。": ". ", "～": "–"}
_SPLIT = re.compile(r"(\s+|[（）、，：；·/“”()—…。～])")
# Columns and fields that hold verbatim report excerpts: shown as written in every language
VERBATIM_FIELDS = frozenset({"报告原文", "source_text"})
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


CATALOG = Path(__file__).parent / "locale" / "en" / "LC_MESSAGES" / "messages.po"


def N_(template: str) -> str:
    """Marks a template for the catalog where it is defined (a table of words by code); t() translates it."""
    return template


@lru_cache(maxsize=1)
def catalog() -> dict[str, str]:
    """The English of every marked template: the catalog's translated entries (fuzzy ones are not
    translations yet: the catalog test fails on them)."""
    from babel.messages.pofile import read_po

    with CATALOG.open("rb") as handle:
        entries = read_po(handle, locale="en")
    return {m.id: m.string for m in entries if m.id and m.string and not m.fuzzy}


def set_language(lang: str | None) -> str:
    lang = lang if lang in LANGUAGES else DEFAULT
    _language.set(lang)
    return lang


def language() -> str:
    return _language.get()


def english() -> bool:
    return _language.get() == "en"


class using:
    """`with i18n.using("en"): ...` — run a block (a deferred download, the command line) in a language."""

    def __init__(self, lang: str):
        self.lang = lang

    def __enter__(self):
        self._token = _language.set(self.lang if self.lang in LANGUAGES else DEFAULT)
        return self

    def __exit__(self, *exc):
        _language.reset(self._token)


class Verbatim(str):
    """Text quoted word for word (a report excerpt): never translated."""


def fixed(function):
    """`function` bound to the language of this moment: for callbacks Streamlit may call outside the
    run (a widget's format_func, a deferred download)."""
    lang = language()
    if lang == DEFAULT:  # Chinese is what any thread speaks by default: nothing to carry along
        return function

    def call(*args, **kwargs):
        with using(lang):
            return function(*args, **kwargs)
    return call


def has_cjk(text) -> bool:
    return isinstance(text, str) and bool(_CJK.search(text))


class _Numbers(string.Formatter):
    """str.format with every number written by `numbers.by_spec` (Babel): one number format in
    every sentence of both languages."""

    def format_field(self, value, format_spec):
        if isinstance(value, Number) and not isinstance(value, bool):
            from .numbers import by_spec

            return by_spec(value, format_spec)
        return format(value, format_spec)


_FORMAT = _Numbers().format


def t(template: str, **values) -> str:
    """The page's wording in the current language. Text values are translated too (names, stages);
    numbers are written by `numbers.by_spec`."""
    if not english():
        return _FORMAT(template, **values) if values else template
    english_template = catalog().get(template)
    if english_template is None:  # a template built at run time from the data or the rules
        from .translations import PHRASES

        english_template = PHRASES.get(template, template)
    if not values:
        return english_template
    return _FORMAT(english_template, **{k: (_translate(v) if isinstance(v, str) and not isinstance(v, Verbatim) else v)
                                        for k, v in values.items()})


def tr(text):
    """Text from the data or the domain logic in the current language (anything else passes through)."""
    if not english() or not has_cjk(text):
        return text
    return _translate(text)


@lru_cache(maxsize=50_000)
def _translate(text: str) -> str:
    if not has_cjk(text):
        return text
    from .translations import PHRASES, name_in_english

    if text in PHRASES:
        return PHRASES[text]
    stripped = text.strip()
    if stripped in PHRASES:
        return PHRASES[stripped]
    name = name_in_english(stripped)
    if name is not None:
        return name
    pieces = _SPLIT.split(stripped)
    if len(pieces) == 1:
        return text
    out = []
    for piece in pieces:
        if piece in _SEPARATORS:
            out.append(_SEPARATORS[piece])
        elif has_cjk(piece):
            out.append(_translate(piece))
        else:
            out.append(piece)
    joined = re.sub(r"\s*\(\s*\)", "", "".join(out))  # a unit that has no English word (个) leaves "()"
    return re.sub(r"\s{2,}", " ", joined).strip()


def tr_frame(frame: pd.DataFrame, keep: tuple = ()) -> pd.DataFrame:
    """A table in the current language: column names and text values; columns in `keep` (by their
    Chinese name, e.g. the verbatim report excerpt) keep their values."""
    if not english():
        return frame
    out = frame.copy()
    for column in out.columns:
        if column in keep or column in VERBATIM_FIELDS:
            continue
        series = out[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.cat.rename_categories(
                {c: _translate(c) for c in series.cat.categories if has_cjk(c)})
        elif series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            uniques = series.dropna().unique()
            if any(has_cjk(u) for u in uniques):
                mapping = {u: _translate(u) for u in uniques if has_cjk(u)}
                out[column] = series.map(lambda x, mapping=mapping: mapping.get(x, x) if isinstance(x, str) else x)
    return out.rename(columns={c: _translate(c) for c in out.columns if has_cjk(c)})



def tr_spec(spec):
    """A Vega-Lite spec in the current language: every text, field name and value, and the names quoted
    inside expressions (`datum['数值']`), so that fields and their references still match."""
    if not english():
        return spec
    return _walk(spec)


def _walk(node):
    if isinstance(node, dict):
        return {(_translate(k) if has_cjk(k) else k): (v if k in VERBATIM_FIELDS else _walk(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_walk(v) for v in node]
    if isinstance(node, str) and has_cjk(node):
        if ("datum" in node or "format(" in node) and _QUOTED.search(node):
            return _QUOTED.sub(lambda m: _requote(m), node)
        return _translate(node)
    return node


def _requote(match: re.Match) -> str:
    single, double = match.group(1), match.group(2)
    inner = single if single is not None else double
    quote = "'" if single is not None else '"'
    return quote + _translate(inner).replace(quote, "\\" + quote) + quote
