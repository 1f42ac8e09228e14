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
