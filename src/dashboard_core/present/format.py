"""Numbers and units for display, defined once."""
from __future__ import annotations

import re

import numpy as np

from . import numbers
from .i18n import Verbatim, english, tr

# Chinese counts in 万 (10^4) and 亿 (10^8); English readers get the plain number and unit
_SCALED_UNITS = {"万元": (1e4, "yuan"), "亿元": (1e8, "yuan"), "万人": (1e4, "people"), "万㎡": (1e4, "㎡")}


def num(value: float) -> str:
    """A figure as written in the report: whole numbers with thousands separators, else up to 2 decimals."""
    return numbers.decimal(value, None, 2)


def fmt(value: float, digits: int = 0) -> str:
    """A computed figure with a fixed number of decimals; a dash when there is none."""
    return numbers.decimal(value, digits)


# counting words: in English the label says what is counted ("Students: 20,486"), and "people" after
# every number only pushes the figure out of a narrow metric
_COUNT_UNITS = {"人", "名", "所", "个", "次", "场", "场次", "人次", "项", "枚", "节", "座", "万人"}


def amount(value: float, unit: str) -> str:
    """A figure with its unit. In English, amounts in 万 / 亿 are said in English (2.03 亿元 → 203 million
    yuan) and counts carry no counting word; a percentage has no space before its sign."""
    if english() and unit in ("万元", "亿元"):
        return numbers.yuan(float(value) * _SCALED_UNITS[unit][0])
    if english() and unit in _SCALED_UNITS:
        factor, base = _SCALED_UNITS[unit]
        return f"{num(round(float(value) * factor, 2))} {base}" if unit not in _COUNT_UNITS else num(
            round(float(value) * factor, 2))
    if english() and unit in _COUNT_UNITS:
        return num(value)
    if unit == "%":
        return numbers.percent(value, _decimals_of(value))
    return f"{num(value)} {tr(unit)}".strip()


def _decimals_of(value) -> int:
    """The decimals a figure from the report was written with (2.97 → 2, 16 → 0), at most 2."""
    shown = num(value)
    return len(shown.split(".")[1]) if "." in shown else 0


DECIMALS, MAX_DECIMALS = 2, 4  # the rules file's "display" rule; 4 decimals separate any value from its threshold


def beside_threshold(values, thresholds, decimals: int = DECIMALS, most: int = MAX_DECIMALS) -> np.ndarray:
    """Values rounded for display next to their thresholds without rounding onto them: 0.8955 beside
    0.9 shows 0.896, not 0.90. Statuses are judged on the unrounded value; here a value gets more
    decimals (up to `most`) until its rounded form sits on the same side of the threshold."""
    x = np.asarray(values, dtype="float64")
    limit = np.asarray(thresholds, dtype="float64")
    out = np.round(x, 6)  # what four decimals cannot separate (4.19999 beside 4.2) gets six
    settled = np.zeros(x.shape, dtype=bool)
    for d in range(decimals, most + 1):
        shown = np.round(x, d)
        with np.errstate(invalid="ignore"):
            same_side = ((shown >= limit) == (x >= limit)) | np.isnan(limit) | np.isnan(x)
        take = same_side & ~settled
        out[take] = shown[take]
        settled |= same_side
    return out


# Characters that can start or close a Markdown construct in Streamlit's renderer: emphasis, links and
# autolinks (":" of "http://", "." of "www.", "@" of an e-mail), images, tables, math ("$"), colour and icon
# directives (":red[…]", ":material/…:"), HTML and character references ("&").
_MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()#+-.!|:$~<>@&=^\"'")


# Where GFM finds a link in plain text after parsing ("http:", "https:", "www.", "x@y.z"): a word joiner
# (U+2060, invisible and never a line break) after the word keeps the link from being found
_AUTOLINK_START = re.compile(r"(?i)(\bhttps?(?=:)|\bwww(?=\.)|@)")


def md_escape(text) -> str:
    """Text from the data (names, a file name, sentences quoting them) made inert as Markdown, on one line.

    Each special character becomes a numeric character reference (":" → "&#58;"). Backslash escapes are
    not enough in Streamlit: its renderer rewrites ":material/" in the source before parsing and finds
    autolinks ("www.", "http://") and math ("$") in text that escapes leave intact; a reference is none
    of these characters until the parser has finished, and then it is shown as the character itself. Links
    GFM finds in the parsed text itself ("www.", "http:", an e-mail address) are broken by a word joiner.
    A "." or "-" between two letters or digits ("4.2", "DEMO-01") starts nothing and stays as it is,
    except the dot of "www.", which starts a link."""
    text = _AUTOLINK_START.sub("\\1\u2060", " ".join(str(text).split()))
    out = []
    for i, ch in enumerate(text):
        if ch in _MARKDOWN_SPECIAL and not (ch in ".-" and _between_word_characters(text, i)):
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def _between_word_characters(text: str, i: int) -> bool:
    inner = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    return inner and not (text[i] == "." and text[max(0, i - 3):i].lower() == "www")


def md_value(value) -> Verbatim:
    """A value from the data for a Markdown template: in the current language, then made inert (a
    `t()` template fills it in as written)."""
    return Verbatim(md_escape(tr(value)))
