"""Every number on screen and in the files, written from Babel's locale data (CLDR) for the language of
the run: thousands grouped the same way everywhere, a fixed number of decimals where a column or a
sentence asks for it, percentages without a space ("16.0%"), and large amounts the way each language
says them (2.03亿元 in Chinese, 203 million yuan in English).

`t()` sends every number of a template through `by_spec`, so "{n:,}" and "{share:.1f}" in a sentence
are written here too; `format.py` builds amounts with units on top of these functions.
"""
from __future__ import annotations

import math
import re
from numbers import Integral, Number

from babel.numbers import format_compact_decimal, format_decimal, format_percent

from .i18n import language

LOCALES = {"zh": "zh_Hans_CN", "en": "en"}
DASH = "—"  # no value


def _locale(lang: str | None) -> str:
    return LOCALES.get(lang or language(), LOCALES["zh"])


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _pattern(decimals: int | None, most: int) -> str:
    if decimals is None:
        return "#,##0" + ("." + "#" * most if most else "")
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def decimal(value, decimals: int | None = None, most: int = 2, lang: str | None = None) -> str:
    """A number with thousands grouped: `decimals` fixed (4.00), or, when None, as few as it needs up
    to `most` (4, 4.5, 4.25)."""
    if _missing(value):
        return DASH
    return format_decimal(float(value), format=_pattern(decimals, most), locale=_locale(lang),
                          decimal_quantization=True)


def whole(value, lang: str | None = None) -> str:
    """A count: 20,486."""
    return decimal(value, 0, lang=lang)


def percent(value, decimals: int = 1, lang: str | None = None) -> str:
    """`value` in percent (16.04 is 16.04%), with `decimals` decimals: "16.0%"."""
    if _missing(value):
        return DASH
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(float(value) / 100, format=pattern, locale=_locale(lang), decimal_quantization=True)


def yuan(value, lang: str | None = None) -> str:
    """An amount of money in yuan as each language says it: 755,850 元 → "75.58 万元" / "755,850 yuan";
    203,000,000 → "2.03 亿元" / "203 million yuan"."""
    if _missing(value):
        return DASH
    value, lang = float(value), lang or language()
    if lang == "en":
        if abs(value) >= 1e6:
            return format_compact_decimal(value, format_type="long", locale="en", fraction_digits=2) + " yuan"
        return decimal(value, 0, lang="en") + " yuan"
    if abs(value) >= 1e4:  # "2.03亿" → "2.03 亿元": a space before the unit, as after every figure here
        figure, scale = _COMPACT.match(format_compact_decimal(value, format_type="short", locale=_locale("zh"),
                                                              fraction_digits=2)).groups()
        return f"{figure} {scale}元"
    return decimal(value, 0, lang="zh") + " 元"


_COMPACT = re.compile(r"^([-\d.,]+)(\D*)$")


# the part of Python's format mini-language the templates use: ",", ".2f", ",.0f", ".1%", "d", ".4g"
_SPEC = re.compile(r"^(?P<sign>\+?)(?P<group>,?)(?:\.(?P<decimals>\d+))?(?P<kind>[fd%g]?)$")


def by_spec(value: Number, spec: str, lang: str | None = None) -> str:
    """A number placed in a `t()` template with its format spec, written by Babel: every spec the
    templates use groups thousands (one format everywhere); "%" multiplies by 100 as Python does; "g"
    keeps that many significant digits. A spec outside that subset is Python's own."""
    match = _SPEC.match(spec)
    if match is None or isinstance(value, bool):
        return format(value, spec)
    if match.group("sign") and value >= 0:  # "+.2f": a change, with its sign either way
        return "+" + by_spec(value, spec[1:], lang)
    kind, decimals = match.group("kind"), match.group("decimals")
    places = int(decimals) if decimals is not None else None
    if kind == "%":
        return percent(float(value) * 100, places if places is not None else 6, lang)
    if kind == "g":
        return format(value, spec)
    if kind == "d":
        return whole(value, lang)
    if spec == "":
        if isinstance(value, Integral):
            return str(int(value))  # a year, a grade, an id: written as it is
        return decimal(value, None, 2, lang)
    if places is None:  # "," alone
        return decimal(value, None, 2, lang) if not float(value).is_integer() else whole(value, lang)
    return decimal(value, places, lang=lang)
