"""Snapshots: immutable folders of Parquet tables with a manifest of row counts and hashes.

A snapshot is written into a temporary folder beside its final place and made visible by one
atomic rename, so a reader sees either the whole snapshot or nothing. Nothing here ever changes or
deletes an existing snapshot. A snapshot whose files do not match its manifest is reported as
damaged and skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("report_facts", "townships", "schools", "school_stage_year", "school_year", "county_year")
SNAPSHOT_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")
MANIFEST = "manifest.json"


class SnapshotError(Exception):
    """A problem with a snapshot, explained in Chinese for the person who can fix it."""


@dataclass(frozen=True)
class Snapshot:
    snapshot_id: str
    path: Path
    created_at: str
    source: str
    demo: bool
    tables: dict = field(default_factory=dict, hash=False, compare=False)

    def table_path(self, table: str) -> Path:
        return self.path / f"{table}.parquet"

    @property
    def created_date(self) -> str:
        return self.created_at[:10]


@dataclass(frozen=True)
class SnapshotProblem:
    snapshot_id: str
    message: str


def snapshots_dir(data_root: Path) -> Path:
    return Path(data_root) / "snapshots"


def check_snapshot_id(data_root: Path, snapshot_id: str) -> Path:
    """The folder of a snapshot id, refusing any id that could point outside the data root."""
    if not isinstance(snapshot_id, str) or not SNAPSHOT_ID.match(snapshot_id) or ".." in snapshot_id:
        raise SnapshotError(f"快照编号“{snapshot_id}”不合法：只能使用字母、数字、点、下划线和连字符，且不能包含“..”。")
    base = snapshots_dir(data_root).resolve()
    path = (base / snapshot_id).resolve()
    if path.parent != base:
        raise SnapshotError(f"快照编号“{snapshot_id}”指向数据目录之外，已拒绝。")
    return path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Large tables are stored in key order and in row groups of modest size: a query for one township or a
# few schools then reads only the row groups whose key range it needs (min/max statistics), instead
# of a whole country's file.
SORT_KEYS = {"schools": ["township_code", "school_id"], "school_year": ["year", "school_id"],
             "school_stage_year": ["year", "school_id"]}
ROW_GROUP_ROWS = 16_384


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    # Same input, same bytes: no pandas index, fixed compression, no timestamps in the file.
    keys = SORT_KEYS.get(path.stem, [])
    if keys and set(keys) <= set(frame.columns):
        frame = frame.sort_values(keys, kind="stable")  # stable: a school's stages keep their order
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata(None)
    pq.write_table(table, path, compression="zstd", use_dictionary=True, write_statistics=True,
                   row_group_size=ROW_GROUP_ROWS)


def write_snapshot(data_root: Path, snapshot_id: str, tables: dict[str, pd.DataFrame], *, source: str,
                   demo: bool, created_at: str | None = None) -> Snapshot:
    """Write a new snapshot atomically; refuse if the id is taken."""
    final = check_snapshot_id(data_root, snapshot_id)
    missing = [t for t in TABLES if t not in tables]
    if missing:
        raise SnapshotError("缺少数据表：" + "、".join(missing))
    if final.exists():
        raise SnapshotError(f"快照“{snapshot_id}”已存在；已有快照不会被覆盖，请换一个编号。")
    parent = snapshots_dir(data_root)
    parent.mkdir(parents=True, exist_ok=True)
    created_at = created_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    temp = Path(tempfile.mkdtemp(prefix=f".tmp-{snapshot_id}-", dir=parent))
    try:
        manifest = {"snapshot_id": snapshot_id, "created_at": created_at, "source": source,
                    "demo": bool(demo), "tables": {}}
        for name in TABLES:
            path = temp / f"{name}.parquet"
            _write_parquet(tables[name], path)
            manifest["tables"][name] = {"file": path.name, "rows": int(len(tables[name])),
                                        "sha256": file_sha256(path)}
        (temp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for path in temp.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        os.chmod(temp, 0o755)
        # rename() onto a missing name is atomic; if another writer won the race it fails.
        os.rename(temp, final)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return read_snapshot(data_root, snapshot_id)


def _manifest(path: Path) -> dict:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SnapshotError("缺少 manifest.json") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SnapshotError(f"manifest.json 无法读取（{exc}）") from None
    for key in ("snapshot_id", "created_at", "source", "demo", "tables"):
        if key not in manifest:
            raise SnapshotError(f"manifest.json 缺少字段 {key}")
    return manifest


_VERIFIED: dict[tuple, bool] = {}


def verify(path: Path, manifest: dict) -> None:
    """Raise SnapshotError unless every table file exists and matches its recorded hash and rows."""
    for name in TABLES:
        entry = manifest["tables"].get(name)
        if entry is None:
            raise SnapshotError(f"清单中没有数据表 {name}")
        file = path / entry["file"]
        if file.parent != path or not file.is_file():
            raise SnapshotError(f"缺少文件 {entry['file']}")
        stat = file.stat()
        key = (str(file), stat.st_size, stat.st_mtime_ns, entry["sha256"])
        if key in _VERIFIED:
            continue
        if file_sha256(file) != entry["sha256"]:
            raise SnapshotError(f"文件 {entry['file']} 的校验值与清单不符（文件已损坏或未复制完整）")
        rows = pq.ParquetFile(file).metadata.num_rows
        if rows != entry["rows"]:
            raise SnapshotError(f"文件 {entry['file']} 有 {rows} 行，清单记录为 {entry['rows']} 行")
        _VERIFIED[key] = True


def read_snapshot(data_root: Path, snapshot_id: str) -> Snapshot:
    path = check_snapshot_id(data_root, snapshot_id)
    if not path.is_dir():
        raise SnapshotError(f"找不到快照“{snapshot_id}”（在 {snapshots_dir(data_root)} 下）。")
    manifest = _manifest(path)
    if manifest["snapshot_id"] != snapshot_id:
        raise SnapshotError(f"文件夹名“{snapshot_id}”与清单中的编号“{manifest['snapshot_id']}”不一致")
    verify(path, manifest)
    return Snapshot(snapshot_id=snapshot_id, path=path, created_at=str(manifest["created_at"]),
                    source=str(manifest["source"]), demo=bool(manifest["demo"]), tables=manifest["tables"])


def scan(data_root: Path) -> tuple[list[Snapshot], list[SnapshotProblem]]:
    """Intact snapshots, newest first, and the problems of the ones skipped."""
    base = snapshots_dir(data_root)
    good, bad = [], []
    if not base.is_dir():
        return good, bad
    for entry in sorted(base.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        try:
            good.append(read_snapshot(data_root, entry.name))
        except SnapshotError as exc:
            bad.append(SnapshotProblem(entry.name, str(exc)))
    good.sort(key=lambda s: (s.created_at, s.snapshot_id), reverse=True)
    return good, bad


def newest(data_root: Path) -> Snapshot:
    good, bad = scan(data_root)
    if not good:
        detail = "；".join(f"{p.snapshot_id}：{p.message}" for p in bad)
        raise SnapshotError(f"数据目录 {snapshots_dir(data_root)} 下没有完好的快照。"
                            + (f"已跳过：{detail}。" if detail else "")
                            + "请运行 python -m dashboard_core build-demo 生成示例快照，或导入统计数据。")
    return good[0]
