"""The report's numbers: every one covered by a fact whose excerpt is verbatim and contains it."""
import re

import pytest

from dashboard_core.store import facts

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _dates(text: str) -> dict[int, str]:
    """Calendar dates by position: years (2019年, 2021—2025, 2022至2024) and the month in 2025年1月."""
    found = {}
    for m in NUMBER.finditer(text):
        token = m.group()
        is_year = len(token) == 4 and token.startswith("20")
        is_month = text[m.end():m.end() + 1] == "月" and re.search(r"\d{4}年$", text[max(0, m.start() - 5):m.start()])
        if is_year or is_month:
            found[m.start()] = token
    return found


def test_fact_ids_unique_and_domains_known():
    frame = facts.report_facts_frame()
    assert frame["fact_id"].is_unique
    assert set(frame["domain"]) <= set(facts.DOMAINS)
    assert frame["value"].notna().all()


def test_every_source_text_is_verbatim_and_contains_its_value(report_text):
    for row in facts.report_facts_frame().itertuples():
        assert row.source_text in report_text, row.fact_id
        numbers = [float(n) for n in NUMBER.findall(row.source_text)]
        assert row.value in numbers, f"{row.fact_id}: {row.value} not in “{row.source_text}”"


def test_every_number_of_the_report_is_covered(report_text):
    frame = facts.report_facts_frame()
    dates = _dates(report_text)
    # where each excerpt stands in the report
    spans = []
    for row in frame.itertuples():
        for m in re.finditer(re.escape(row.source_text), report_text):
            spans.append((m.start(), m.end(), row.value, row.fact_id))
    uncovered = []
    for m in NUMBER.finditer(report_text):
        if m.start() in dates:
            continue
        value = float(m.group())
        if not any(a <= m.start() and m.end() <= b and v == value for a, b, v, _ in spans):
            uncovered.append((m.group(), report_text[max(0, m.start() - 10):m.end() + 6]))
    assert not uncovered, uncovered


def test_dates_excluded_are_only_years_and_one_month(report_text):
    tokens = set(_dates(report_text).values())
    assert tokens == {"2019", "2021", "2022", "2023", "2024", "2025", "1"}
    assert list(_dates(report_text).values()).count("1") == 1


@pytest.mark.parametrize("fact_id,value,unit", [
    ("students_total", 20486, "人"), ("rotation_rate", 16.0, "%"), ("investment_since_2022", 2.03, "亿元"),
    ("wrestling_national_gold", 4, "枚"), ("wrestling_national_silver", 4, "枚"), ("wrestling_national_bronze", 2, "枚"),
])
def test_examples_from_the_issue(fact_id, value, unit):
    row = facts.report_facts_frame().set_index("fact_id").loc[fact_id]
    assert (row["value"], row["unit"]) == (value, unit)
