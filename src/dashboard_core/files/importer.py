"""Import a bureau's statistics: validation with every problem in Chinese, then a new snapshot.

Validation reads the whole workbook and reports all problems at once, each with its sheet, row and
column and how to fix it. Errors stop the import; warnings are shown and do not. An import writes a
new snapshot atomically (see `snapshots`) and never touches an existing one.

The jobs live in their own modules: `reading` (the file, bounded and complete), `cells` (each value
typed by its column), `checks` and `registers` (across rows and tables), `template` (the workbook the
bureau fills), `problems` (what was found); this module puts them in order.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from ..model.vocabulary import TEACHING_POINT
from ..present.i18n import Verbatim as V
from ..present.i18n import t
from ..store import facts, schema, snapshots
from ..store.demo import EXAMPLE
from ..store.schema import BOOL, DEMO_SHEET, FLOAT, INT, Table
from . import cells, checks, reading, registers
from .problems import MAX_PROBLEMS, Problem, Report  # noqa: F401 — the import's public names
from .reading import MAX_BYTES, MAX_ROWS, OLE_MAGIC  # noqa: F401
from .template import template_bytes, write_workbook  # noqa: F401


def _typed(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.drop(columns="_row").copy()
    for col in table.columns:
        if col.kind == INT and not col.required and not col.count:
            out[col.name] = out[col.name].astype("Int64")  # an empty grade or year stays empty, never 0
        elif col.kind == INT:
            out[col.name] = out[col.name].fillna(0).astype("int64")
        elif col.kind == FLOAT:
            out[col.name] = out[col.name].astype("float64")
        elif col.kind == BOOL:
            out[col.name] = out[col.name].fillna(False).astype(bool)
        else:
            out[col.name] = out[col.name].astype("string").fillna("").astype(object)
    if table.name == "schools":
        out["name_is_example"] = False
        out["parent_school_id"] = [p if kind == TEACHING_POINT and p else None
                                   for p, kind in zip(out["parent_school_id"], out["school_type"])]
        out = out[["school_id", "school_name", "township_code", "school_type", "urban_rural", "parent_school_id",
                   "name_is_example", "closed"]]
    if table.name == "county_year":
        out["source"] = [s if s else "导入" for s in out["source"]]
    return out.reset_index(drop=True)


def validate(path: Path, source_name: str | None = None) -> Report:
    """Read and check a workbook or CSV folder; the report holds every problem found. Whatever the file
    holds, the answer is a report: a failure no check foresaw is told as one more problem (and logged
    for the maintainers), never as a traceback."""
    report = Report(source_name or Path(path).name)
    try:
        _validate(Path(path), report)
    except Exception as exc:  # noqa: BLE001 — the last guard: the user gets a sentence, the log the details
        logging.getLogger(__name__).exception("validation of %s failed", report.source_name)
        report.tables = {}
        report.error("", None, None, t("校验中途出错（{kind}），文件未导入", kind=V(type(exc).__name__)),
                     t("请在 Excel 中打开、另存为新的 .xlsx 文件后再上传；如仍出错，请把文件交给看板维护人员"))
    return report


def _validate(path: Path, report: Report) -> None:
    sheets = reading.read_source(path, report)
    if sheets is None:
        return
    frames = {}
    for table in schema.TABLES:
        matching = [name for name in sheets if cells.sheet_for(table, [name])]
        if len(matching) > 1:
            report.error(matching[1], None, None, t("“{first}”和“{second}”是同一张表（{sheet}）", first=V(matching[0]),
                                                    second=V(matching[1]), sheet=V(table.sheet)),
                         t("只保留一张：删除另一张工作表（或文件）后再上传"))
            continue
        sheet = cells.sheet_for(table, list(sheets))
        if sheet is None:
            if not table.optional:
                report.error(table.sheet, None, None, t("缺少工作表“{sheet}”（英文名 {name}）", sheet=V(table.sheet),
                                                       name=table.name),
                             t("请使用导入模板，不要删除或改名其中的工作表"))
            continue
        frame = cells.parse_sheet(table, sheets[sheet], table.sheet, report)
        if frame is not None:
            checks.unique(table, frame, report)
            frames[table.name] = frame
    report.demo = _is_demo(sheets, frames)
    if report.demo:
        report.warn("", None, None, t("这是示例数据（由示例快照导出，或学校名称带“（示例）”）"),
                    t("导入后的快照仍标为示例数据，页面和文件都会注明；正式数据请用本县统计数据填写模板"))
    checks.references(frames, report)
    checks.plausibility(frames, report)
    checks.limits(frames, report)
    checks.names(frames, report)
    checks.county_values(frames, report)
    checks.register_totals(frames, report)
    registers.check(frames, report)
    if report.ok:
        report.tables = {table.name: _typed(table, frames[table.name]) for table in schema.TABLES
                         if not table.optional or (table.name in frames and len(frames[table.name]))}


def _is_demo(sheets: dict, frames: dict) -> bool:
    """Demo data, by the mark a demo export carries or by the names demo data is given."""
    if any(cells.normalise(name) == cells.normalise(DEMO_SHEET) for name in sheets):
        return True
    schools = frames.get("schools")
    return schools is not None and bool(schools["school_name"].astype(str).str.contains(EXAMPLE, regex=False).any())


def import_file(path: Path, data_root: Path, snapshot_id: str | None = None,
                source_name: str | None = None) -> tuple[Report, snapshots.Snapshot | None]:
    """Validate, then write a new snapshot; on any error nothing is written."""
    report = validate(path, source_name)
    return report, write_report(report, data_root, snapshot_id)


def write_report(report: Report, data_root: Path, snapshot_id: str | None = None) -> snapshots.Snapshot | None:
    """A validated workbook written as a new snapshot (the page validates once and imports what it
    validated). None when the report has errors; a free id is found when two imports meet."""
    if not report.ok or not report.tables:
        return None
    tables = dict(report.tables)
    tables["report_facts"] = facts.report_facts_frame()
    for _attempt in range(20):
        stamp = datetime.now(timezone.utc)
        chosen = snapshot_id or _free_id(data_root, "import-" + stamp.strftime("%Y%m%d-%H%M%S"))
        try:
            source = f"导入：{report.source_name}" + ("（示例数据）" if report.demo else "")
            return snapshots.write_snapshot(data_root, chosen, tables, source=source, demo=report.demo,
                                            created_at=stamp.replace(microsecond=0).isoformat())
        except snapshots.SnapshotError as exc:
            if exc.code != "exists" or snapshot_id is not None:
                raise
    raise snapshots.SnapshotError("exists", snapshot_id=snapshot_id or "import")


def _free_id(data_root: Path, base: str) -> str:
    snapshot_id, n = base, 1
    while (snapshots.snapshots_dir(data_root) / snapshot_id).exists():
        n += 1
        snapshot_id = f"{base}-{n}"
    return snapshot_id


def replace_table(snapshot: snapshots.Snapshot, data_root: Path, table_name: str, frame: pd.DataFrame,
                  snapshot_id: str | None = None) -> tuple[Report, snapshots.Snapshot | None]:
    """A new snapshot that is `snapshot` with one table replaced (an evidence register edited on the
    data page), through the same checks as an import; the snapshot edited is never changed."""
    table = next(t for t in schema.TABLES if t.name == table_name)
    report = Report(table.sheet)
    rows = [[c.header for c in table.columns]]
    rows += [[None if pd.isna(v) or v == "" else v for v in (r.get(c.name) for c in table.columns)]
             for r in frame.to_dict("records")]
    parsed = cells.parse_sheet(table, rows, table.sheet, report)
    if parsed is None:
        return report, None
    checks.unique(table, parsed, report)
    current = snapshots.read_tables(snapshot)
    frames = {name: value.assign(_row=range(2, len(value) + 2)) for name, value in current.items() if name != table_name}
    frames[table_name] = parsed
    checks.references(frames, report)
    registers.check({table_name: parsed, "school_stage_year": frames.get("school_stage_year")}, report)
    if not report.ok:
        return report, None
    tables = dict(current)
    tables[table_name] = _typed(table, parsed)
    stamp = datetime.now(timezone.utc)
    if snapshot_id is None:
        base = f"{table_name}-" + stamp.strftime("%Y%m%d-%H%M%S")
        snapshot_id, n = base, 1
        while (snapshots.snapshots_dir(data_root) / snapshot_id).exists():
            n += 1
            snapshot_id = f"{base}-{n}"
    snap = snapshots.write_snapshot(data_root, snapshot_id, tables,
                                    source=f"{snapshot.source}；{table.sheet}修改（基于 {snapshot.snapshot_id}）",
                                    demo=snapshot.demo, created_at=stamp.replace(microsecond=0).isoformat())
    report.tables = {table_name: tables[table_name]}
    return report, snap

