"""Numbers and units for display, defined once."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .i18n import english, tr

# Chinese counts in 万 (10^4) and 亿 (10^8); English readers get the plain number and unit
_SCALED_UNITS = {"万元": (1e4, "yuan"), "亿元": (1e8, "yuan"), "万人": (1e4, "people"), "万㎡": (1e4, "㎡")}


def num(value: float) -> str:
    """A figure as written in the report: whole numbers with thousands separators, else up to 2 decimals."""
    value = float(value)
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt(value: float, digits: int = 0) -> str:
    """A computed figure with a fixed number of decimals; a dash when there is none."""
    if value is None or pd.isna(value):
        return "—"
    return f"{value:,.{digits}f}"


# counting words: in English the label says what is counted ("Students: 20,486"), and "people" after
# every number only pushes the figure out of a narrow metric
_COUNT_UNITS = {"人", "名", "所", "个", "次", "场", "场次", "人次", "项", "枚", "节", "座", "万人"}


def amount(value: float, unit: str) -> str:
    """A figure with its unit. In English, amounts in 万 / 亿 are written out (2.03 亿元 → 203,000,000 yuan)
    and counts carry no counting word."""
    if english() and unit in _SCALED_UNITS:
        factor, base = _SCALED_UNITS[unit]
        return f"{num(round(float(value) * factor, 2))} {base}" if unit not in _COUNT_UNITS else num(
            round(float(value) * factor, 2))
    if english() and unit in _COUNT_UNITS:
        return num(value)
    return f"{num(value)} {tr(unit)}".strip()


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


_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|:$~<>"


def md_escape(text) -> str:
    """Text from the data (names, a file name, sentences quoting them) made safe to show as Markdown: no
    heading, link, image, colour directive or formula can be formed from it, and it stays on one line."""
    text = " ".join(str(text).split())
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)
