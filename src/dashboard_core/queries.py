"""The dashboard's questions, each a named SQL file in sql/, asked of one snapshot."""
from __future__ import annotations

import pandas as pd

from . import db, memory
from .filters import Filters
from .snapshots import Snapshot


def ask(snapshot: Snapshot, name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
    """Answer the named question; the filters supply $year, $townships, $schools and $stages."""
    merged = dict(filters.params()) if filters is not None else {}
    merged.update(params)
    return db.run(snapshot, name, **merged)


def ask_in_chunks(snapshot: Snapshot, name: str, filters: Filters | None = None, **params):
    """The same answer in pieces (see db.run_chunks)."""
    merged = dict(filters.params()) if filters is not None else {}
    merged.update(params)
    return db.run_chunks(snapshot, name, **merged)


def ask_large(snapshot: Snapshot, name: str, filters: Filters | None = None, each=None, **params) -> pd.DataFrame:
    """The same answer as `ask`, fetched in Arrow batches: for a country's schools. `each`, if given,
    is applied to every batch as it arrives (so that raw and derived rows never all exist at once)."""
    each = each or (lambda frame: frame)
    chunks = [each(chunk) for chunk in ask_in_chunks(snapshot, name, filters, **params)]
    if not chunks:
        return each(ask(snapshot, name, filters, **params))  # no rows: the columns, typed as usual
    if len(chunks) == 1:
        return chunks[0]
    frame = db.concat(chunks)
    del chunks
    memory.give_back()  # the batches were as large as the answer: hand their memory back
    return frame


def township_totals(table: pd.DataFrame, townships, by: list[str]) -> pd.DataFrame:
    """A per-township answer summed over the chosen townships (all of them when none are chosen):
    the answer for those townships, for figures that add up over townships (schools belong to one)."""
    rows = table[table["township_code"].isin(list(townships))] if townships else table
    values = [c for c in table.columns if c != "township_code" and c not in by]
    return rows.groupby(by, sort=True)[values].sum(min_count=1).reset_index()


def years(snapshot: Snapshot) -> list[int]:
    return [int(y) for y in ask(snapshot, "available_years")["year"]]


def fact_sources(snapshot: Snapshot) -> dict[str, str]:
    """fact_id → a citation: the report section and the verbatim excerpt."""
    facts = ask(snapshot, "report_facts_all")
    return {r.fact_id: f"工作汇报 {r.section}：“{r.source_text}”" for r in facts.itertuples()}
