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
# registers a snapshot may lack (older snapshots, counties that do not keep them yet): see schema.REGISTERS
OPTIONAL_TABLES = ("classes", "special_rooms", "school_finance", "teacher_register", "teacher_subjects", "rotation",
                   "consolidation", "disabled_children", "quality_monitoring", "survey", "evidence")
SNAPSHOT_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.-]{0,63}$")
MANIFEST = "manifest.json"


class SnapshotError(Exception):
    """A problem with a snapshot: a code and its values (present/words.py says it in words)."""

    def __init__(self, code: str, **values):
        super().__init__(code, values)
        self.code = code
        self.values = values

    def __str__(self) -> str:
        return f"{self.code} {self.values}"


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

    @property
    def registers(self) -> tuple:
        """The optional registers this snapshot holds."""
        return tuple(t for t in OPTIONAL_TABLES if t in self.tables)


@dataclass(frozen=True)
class SnapshotProblem:
    snapshot_id: str
    code: str
    values: dict = field(default_factory=dict, hash=False, compare=False)


def snapshots_dir(data_root: Path) -> Path:
    return Path(data_root) / "snapshots"


def check_snapshot_id(data_root: Path, snapshot_id: str) -> Path:
    """The folder of a snapshot id, refusing any id that could point outside the data root."""
    if not isinstance(snapshot_id, str) or not SNAPSHOT_ID.match(snapshot_id) or ".." in snapshot_id:
        raise SnapshotError("bad_id", snapshot_id=str(snapshot_id))
    base = snapshots_dir(data_root).resolve()
    path = (base / snapshot_id).resolve()
    if path.parent != base:
        raise SnapshotError("outside_root", snapshot_id=snapshot_id)
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
        raise SnapshotError("missing_tables", tables=missing)
    if final.exists():
        raise SnapshotError("exists", snapshot_id=snapshot_id)
    parent = snapshots_dir(data_root)
    created_at = created_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".tmp-{snapshot_id}-", dir=parent))
    except OSError as exc:
        raise _write_failed(exc) from None
    try:
        manifest = {"snapshot_id": snapshot_id, "created_at": created_at, "source": source,
                    "demo": bool(demo), "tables": {}}
        for name in TABLES + tuple(t for t in OPTIONAL_TABLES if t in tables):
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
        try:
            os.rename(temp, final)
        except OSError:
            if final.exists():
                raise SnapshotError("exists", snapshot_id=snapshot_id) from None
            raise
    except OSError as exc:  # disk full, no permission…: nothing is left behind, nothing else changed
        shutil.rmtree(temp, ignore_errors=True)
        raise _write_failed(exc) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return read_snapshot(data_root, snapshot_id)


def _write_failed(exc: OSError) -> SnapshotError:
    import errno

    reason = "disk_full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else (
        "permission" if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else "other")
    return SnapshotError("write_failed", reason=reason, detail=exc.strerror or type(exc).__name__)


def _manifest(path: Path) -> dict:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SnapshotError("no_manifest") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SnapshotError("manifest_unreadable", detail=str(exc)) from None
    for key in ("snapshot_id", "created_at", "source", "demo", "tables"):
        if key not in manifest:
            raise SnapshotError("manifest_field", field=key)
    return manifest


_VERIFIED: dict[tuple, bool] = {}
_DAMAGED: set[str] = set()  # snapshots a query could not read: verified again from scratch


def mark_damaged(snapshot: "Snapshot") -> None:
    """A file of the snapshot failed to read: forget that its files were verified (the bits may have
    rotted without the size or time changing), so the next listing hashes them again."""
    _DAMAGED.add(str(snapshot.path))
    for key in [k for k in _VERIFIED if str(k[0]).startswith(str(snapshot.path) + os.sep)]:
        del _VERIFIED[key]


def verify(path: Path, manifest: dict) -> None:
    """Raise SnapshotError unless every table file exists and matches its recorded hash and rows."""
    for name in TABLES + tuple(t for t in OPTIONAL_TABLES if t in manifest["tables"]):
        entry = manifest["tables"].get(name)
        if entry is None:
            raise SnapshotError("manifest_table", table=name)
        file = path / entry["file"]
        if file.parent != path or not file.is_file():
            raise SnapshotError("missing_file", file=entry["file"])
        stat = file.stat()
        key = (str(file), stat.st_size, stat.st_mtime_ns, entry["sha256"])
        if key in _VERIFIED:
            continue
        if file_sha256(file) != entry["sha256"]:
            raise SnapshotError("checksum", file=entry["file"])
        rows = pq.ParquetFile(file).metadata.num_rows
        if rows != entry["rows"]:
            raise SnapshotError("row_count", file=entry["file"], rows=rows, expected=entry["rows"])
        _VERIFIED[key] = True


def read_snapshot(data_root: Path, snapshot_id: str) -> Snapshot:
    path = check_snapshot_id(data_root, snapshot_id)
    if not path.is_dir():
        raise SnapshotError("not_found", snapshot_id=snapshot_id, root=str(snapshots_dir(data_root)))
    manifest = _manifest(path)
    if manifest["snapshot_id"] != snapshot_id:
        raise SnapshotError("id_mismatch", folder=snapshot_id, manifest_id=str(manifest["snapshot_id"]))
    verify(path, manifest)
    if str(path) in _DAMAGED:
        raise SnapshotError("unreadable", snapshot_id=snapshot_id, detail="query")
    return Snapshot(snapshot_id=snapshot_id, path=path, created_at=str(manifest["created_at"]),
                    source=str(manifest["source"]), demo=bool(manifest["demo"]), tables=manifest["tables"])


STALE_TEMP_S = 3600  # a temporary folder this old belongs to a write that was killed


def _clear_stale_temps(base: Path) -> None:
    """Remove what killed writes left behind (a write renames its temporary folder when it finishes)."""
    now = datetime.now().timestamp()
    for entry in base.glob(".tmp-*"):
        try:
            if entry.is_dir() and now - entry.stat().st_mtime > STALE_TEMP_S:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue


def scan(data_root: Path) -> tuple[list[Snapshot], list[SnapshotProblem]]:
    """Intact snapshots, newest first, and the problems of the ones skipped."""
    base = snapshots_dir(data_root)
    good, bad = [], []
    if not base.is_dir():
        return good, bad
    _clear_stale_temps(base)
    for entry in sorted(base.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        try:
            good.append(read_snapshot(data_root, entry.name))
        except SnapshotError as exc:
            bad.append(SnapshotProblem(entry.name, exc.code, exc.values))
    good.sort(key=lambda s: (s.created_at, s.snapshot_id), reverse=True)
    return good, bad


def newest(data_root: Path) -> Snapshot:
    good, bad = scan(data_root)
    if not good:
        raise SnapshotError("none_intact", root=str(snapshots_dir(data_root)), skipped=list(bad))
    return good[0]


def read_tables(snapshot: Snapshot) -> dict[str, pd.DataFrame]:
    """Every table of a snapshot as a DataFrame (for the Excel copy of a snapshot)."""
    return {name: pq.read_table(snapshot.table_path(name)).to_pandas() for name in TABLES + snapshot.registers}


def read_table(snapshot: Snapshot, name: str, columns: list[str]) -> pd.DataFrame:
    """One table of a snapshot; an empty frame with `columns` when the snapshot lacks the register."""
    if name in TABLES or name in snapshot.tables:
        return pq.read_table(snapshot.table_path(name)).to_pandas()
    return pd.DataFrame(columns=columns)
