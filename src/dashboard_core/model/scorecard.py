"""The standard applied to one view: schools, CVs, county items and verdict (store/scorecards.py computes it)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from . import standard
from .filters import Filters
from .vocabulary import STAGE_ORDER


GROUPS_KEPT = 5_000  # rows of group totals kept with a scorecard


@dataclass
class Scorecard:
    filters: Filters
    snapshot: object  # the store's Snapshot the figures come from
    rules: dict
    matrix: pd.DataFrame
    results: pd.DataFrame
    cvs: pd.DataFrame
    county_items: pd.DataFrame
    vetoes: pd.DataFrame
    summary: standard.Summary
    preconditions: pd.DataFrame | None = None  # the conditions for applying (not part of the verdict)

    @property
    def inputs(self) -> pd.DataFrame:
        """The raw figures of each school part (the matrix carries them beside the indicators)."""
        return self.matrix

    @cached_property
    def values(self) -> pd.DataFrame:
        """Long form (school part × indicator) of everything in view; for large views use `values_for`."""
        return standard.values_long(self.matrix, self.rules)

    def values_for(self, school_ids) -> pd.DataFrame:
        """Long form for some schools only: what a chart or grid shows."""
        wanted = set(school_ids)
        return standard.values_long(self.matrix[self.matrix["school_id"].isin(wanted)], self.rules)

    def indicator(self, code: str, lowest: int | None = None) -> pd.DataFrame:
        """One indicator for every school part in view (or only the `lowest` parts with students, by
        share of the standard), without building the long form."""
        ind = next(i for i in self.rules["resource"]["indicators"] if i["code"] == code)
        share = self.rules["resource"]["floor_share"]
        rows = self.matrix
        if lowest is not None:
            threshold = standard.lookup(rows["stage"], ind["thresholds"], np.nan)
            order = pd.DataFrame({"share": rows[f"val_{code}"] / threshold, "stage": rows["stage"]})
            order = order[rows["students"] > 0].sort_values(["share", "stage"], kind="stable")
            rows = rows.loc[order.index[:lowest]]
        frame = rows[[c for c in standard.IDENTITY if c in rows.columns]].copy()
        frame["numerator_value"] = rows[f"num_{code}"]
        frame["value"] = rows[f"val_{code}"]
        frame["threshold"] = standard.lookup(frame["stage"], ind["thresholds"], np.nan)
        frame["floor"] = frame["threshold"] * share
        frame["share_of_threshold"] = frame["value"] / frame["threshold"]
        frame["status"] = rows[f"st_{code}"].astype(str)
        frame["unit"] = ind["unit"]
        return frame


    def ranked_school_ids(self, limit: int | None = None) -> list:
        """Schools in view, those that fall short first (fewest indicators met), for views that
        cannot show every school of a large area."""
        r = self.results
        fails = (r["passes"] == False).to_numpy()  # noqa: E712
        # stable sort: failing first, then fewest indicators met, then most below the floor
        order = np.lexsort((-r["below_count"].to_numpy(), r["met_count"].to_numpy(), ~fails))
        # on codes, not on the ids themselves: a country's ids would each become a Python string
        codes, ids = pd.factorize(r["school_id"])
        first_seen = pd.unique(codes[order])
        return list(ids.take(first_seen if limit is None else first_seen[:limit]))

    def narrow(self, filters: Filters, county_items: pd.DataFrame | None = None) -> "Scorecard":
        """The scorecard of a part of this view (some townships, schools or stages of the same year),
        without asking the database again: a school part's indicators do not depend on the view (the
        九年一贯制 split always uses both stages), so its rows are those of the whole area.
        `county_items`: the items judged for the narrower view (its every-school requirements for its
        own schools); without them the whole area's are kept."""
        if filters.year != self.filters.year or not self.filters.is_whole_county or self.filters.stages:
            raise ValueError("only a whole area's scorecard of the same year can be narrowed")
        keep = np.ones(len(self.matrix), dtype=bool)
        if filters.townships:
            keep &= self.matrix["township_code"].isin(list(filters.townships)).to_numpy()
        if filters.schools:
            keep &= self.matrix["school_id"].isin(list(filters.schools)).to_numpy()
        if filters.stages:
            keep &= self.matrix["stage"].isin(list(filters.stages)).to_numpy()
        matrix = self.matrix[keep].reset_index(drop=True)
        results = self.results[keep].reset_index(drop=True)  # one row per matrix row, in the same order
        county = filters.is_whole_county
        cvs = standard.cv_table(matrix, self.rules, acceptance_unit=county)
        items = self.county_items if county_items is None else county_items
        summary = standard.summarise(results, cvs, items, self.vetoes, self.rules, self.summary.demo,
                                     acceptance_unit=county)
        return Scorecard(filters, self.snapshot, self.rules, matrix, results, cvs, items, self.vetoes,
                         summary, self.preconditions)

    def group_values(self, keys: tuple[str, ...] = ()) -> pd.DataFrame:
        """standard.group_values of this view, kept with the scorecard: pages show these group totals
        on every run, and they depend on nothing else (a few rows per group and stage)."""
        memo = self.__dict__.setdefault("_grouped", {})
        if keys in memo:
            return memo[keys]
        grouped = standard.group_values(self.matrix, list(keys), self.rules)
        if len(grouped) <= GROUPS_KEPT:  # a country's townships (186,000 rows) are not kept
            memo[keys] = grouped
        return grouped

    def enrolment_by_stage(self) -> pd.DataFrame:
        """Schools, students, classes and full-time teachers per stage in view: the matrix has one row
        per school part of the view, so this needs no query of its own."""
        by_stage = self.matrix.groupby("stage", sort=False)  # column by column: named aggregation costs 3×
        out = pd.DataFrame({"schools": by_stage["school_id"].nunique(), "students": by_stage["students"].sum(),
                            "classes": by_stage["classes"].sum(),
                            "full_time_teachers": by_stage["full_time_teachers"].sum()})
        order = sorted(out.index, key=lambda stage: (STAGE_ORDER.get(stage, 9), stage))
        return out.loc[order].rename_axis("stage").reset_index()

    @property
    def school_count(self) -> int:
        return int(self.results["school_id"].nunique())
