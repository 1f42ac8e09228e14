"""A rules file with an eighth indicator (staff per 100 students, from a column the schema already has), for
the tests that prove Recipe 1 of docs/architecture.md: the rules file is the only change."""
import copy
import json
from pathlib import Path

from dashboard_core.model import standard

EIGHTH = {
    "code": "staff_per100", "number": 8, "group": "teachers", "name": "每百名学生拥有教职工数", "short": "教职工",
    "name_en": "Staff per 100 students", "short_en": "Staff", "addition": "名教职工", "addition_en": "staff",
    "numerator": "staff", "numerator_level": "school", "per_students": 100, "unit": "人/百生", "unit_en": "per 100 students",
    "numerator_unit": "人", "comparison": ">=", "thresholds": {"小学": 9.0, "初中": 9.0},
    "plan": {"cost": "staff_year", "unit_cost": 90000, "step": 1},
}


def eight_indicator_rules() -> dict:
    rules = copy.deepcopy(standard.load_rules("national_2017"))
    rules["resource"]["indicators"].append(copy.deepcopy(EIGHTH))
    return rules


def write_eight_indicator_rules(folder: Path) -> Path:
    path = folder / "eight_indicators.json"
    path.write_text(json.dumps(eight_indicator_rules(), ensure_ascii=False), encoding="utf-8")
    return path


# A raw figure the schema does not have yet: the other half of Recipe 1 (the column added to store/schema.py)
NEW_COLUMN = {"name": "library_books", "header": "图书册数", "unit": "册"}
NINTH = {
    "code": "books_per_student", "number": 9, "group": "facilities", "name": "生均图书册数", "short": "图书",
    "name_en": "Library books per student", "short_en": "Books", "addition": "册图书", "addition_en": "books",
    "numerator": "library_books", "numerator_level": "school", "per_students": 1, "unit": "册/生",
    "unit_en": "books per student", "numerator_unit": "册", "comparison": ">=", "thresholds": {"小学": 25.0, "初中": 35.0},
    "plan": {"cost": "books", "unit_cost": 30, "step": 100},
}


def with_new_column(tables: tuple):
    """The schema's tables with `library_books` in 学校年度数据 — what a maintainer writes in store/schema.py."""
    import dataclasses

    from dashboard_core.store.schema import INT, Column

    column = Column(NEW_COLUMN["name"], NEW_COLUMN["header"], INT, NEW_COLUMN["unit"], "学校图书馆（室）藏书", 30000,
                    count=True)
    return tuple(dataclasses.replace(t, columns=t.columns + (column,)) if t.name == "school_year" else t
                 for t in tables)
