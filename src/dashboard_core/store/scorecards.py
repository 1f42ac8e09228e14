"""The standard applied to a snapshot: fetch the figures of a view and evaluate them (model/)."""
from __future__ import annotations

import pandas as pd

from ..model import standard
from ..model.filters import Filters
from ..model.scorecard import Scorecard
from . import facts, queries
from .snapshots import Snapshot


def county_items(snapshot: Snapshot, year: int, rules: dict) -> pd.DataFrame:
    """The county items are judged for the whole county, whatever schools are in view."""
    return standard.evaluate_county_items(rules, queries.county_series(snapshot), year,
                                          queries.school_part_sizes(snapshot, year), demo=snapshot.demo)


def vetoes(rules: dict) -> pd.DataFrame:
    """The non-recognition conditions, judged on the report's statements."""
    return standard.evaluate_non_recognition(rules, set(facts.STATEMENTS))


def compute(snapshot: Snapshot, filters: Filters, rules: dict | None = None,
            items: pd.DataFrame | None = None) -> Scorecard:
    rules = rules or standard.load_rules()
    # evaluated batch by batch: a country's school parts never exist twice in memory (raw and evaluated)
    matrix = queries.school_stage_inputs(snapshot, filters, each=lambda inputs: standard.indicator_matrix(inputs, rules),
                                         fold_teaching_points=standard.folds_teaching_points(rules))
    results = standard.school_results(matrix, rules)
    cvs = standard.cv_table(matrix, rules)
    items = county_items(snapshot, filters.year, rules) if items is None else items
    conditions = vetoes(rules)
    summary = standard.summarise(results, cvs, items, conditions, rules, demo=snapshot.demo)
    return Scorecard(filters, snapshot, rules, matrix, results, cvs, items, conditions, summary)
