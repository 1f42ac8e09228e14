"""The schema half of Recipe 1 (docs/architecture.md): a figure the schema does not have yet is one column in
store/schema.py. The template gets its column, the import reads it, the snapshot keeps it, the indicator query
sums it and the scorecard judges an indicator built on it — no SQL or import code is edited."""
import io

import numpy as np
import pytest
from openpyxl import load_workbook

from dashboard_core.files import importer
from dashboard_core.model import standard
from dashboard_core.model.filters import Filters
from dashboard_core.store import schema, scorecards, snapshots
from registry_support import NEW_COLUMN, NINTH, with_new_column


@pytest.fixture()
def new_schema(monkeypatch):
    tables = with_new_column(schema.TABLES)
    monkeypatch.setattr(schema, "TABLES", tables)
    monkeypatch.setattr(schema, "_BY_NAME", {t.name: t for t in tables})


def test_a_new_column_in_the_schema_reaches_template_import_and_scorecard(new_schema, demo_snapshot, tmp_path):
    tables = snapshots.read_tables(demo_snapshot)
    books = np.random.default_rng(7).integers(5_000, 60_000, len(tables["school_year"]))
    tables["school_year"] = tables["school_year"].assign(library_books=books)

    workbook = importer.template_bytes(tables, demo=True)
    sheet = load_workbook(io.BytesIO(workbook))["学校年度数据"]
    assert f"{NEW_COLUMN['header']}（{NEW_COLUMN['unit']}）" in [c.value for c in sheet[1]]

    path = tmp_path / "with_books.xlsx"
    path.write_bytes(workbook)
    report, snap = importer.import_file(path, tmp_path / "data")
    assert snap is not None, [p.message for p in report.problems]
    stored = snapshots.read_tables(snap)["school_year"]
    assert stored["library_books"].sum() == books.sum()

    rules = standard.load_rules("national_2017")
    rules["resource"]["indicators"].append(dict(NINTH))
    card = scorecards.compute(snap, Filters(year=2024), rules)
    matrix = card.matrix
    by_hand = matrix["library_books"] * matrix["facility_share"] / matrix["students"]
    assert (matrix["val_books_per_student"] - by_hand).abs().max() < 1e-9
    assert matrix["val_books_per_student"].notna().all()
    assert "books_per_student" in set(card.cvs["indicator"])
