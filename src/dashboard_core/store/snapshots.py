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

try:
    import fcntl
except ImportError:  # Windows: temporary folders are cleared by age
    fcntl = None
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .schema import REGISTER_NAMES

TABLES = ("report_facts", "townships", "schools", "school_stage_year", "school_year", "county_year")
# registers a snapshot may lack (older snapshots, counties that do not keep them yet): schema.REGISTERS
OPTIONAL_TABLES = REGISTER_NAMES
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
        writing = _hold(temp / WRITER_LOCK)  # held until this write ends; a killed write lets go of it
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
            if path.name == WRITER_LOCK:
                continue
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        os.unlink(temp / WRITER_LOCK)  # the lock stays open (and held) until the rename is done
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
    finally:
        writing.close()
    return read_snapshot(data_root, snapshot_id)


WRITER_LOCK = ".writing"  # in a temporary folder: the lock its writer holds while it writes


def _hold(path: Path):
    """An open file locked for this process (released when the file is closed or the process dies)."""
    handle = open(path, "a+b")
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def _abandoned(folder: Path) -> bool:
    """A temporary folder no writer holds: its lock file is free, or it has none and is older than a
    minute (a writer takes its lock right after creating the folder)."""
    lock = folder / WRITER_LOCK
    if fcntl is not None and lock.exists():
        try:
            descriptor = os.open(lock, os.O_RDWR)  # never created here: a lock gone means a write finishing
        except OSError:
            return False
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False  # a writer holds it
        finally:
            os.close(descriptor)
    age = datetime.now().timestamp() - folder.stat().st_mtime
    return age > (STALE_TEMP_S if fcntl is None else YOUNG_TEMP_S)


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
        # the change time and the inode too: a write that puts back the size and the modification time
        # (os.utime) still moves the change time, and a file replaced by rename has a new inode
        key = (str(file), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, entry["sha256"])
        if key in _VERIFIED:
            continue
        if file_sha256(file) != entry["sha256"]:
            raise SnapshotError("checksum", file=entry["file"])
        rows = pq.ParquetFile(file).metadata.num_rows
        if rows != entry["rows"]:
            raise SnapshotError("row_count", file=entry["file"], rows=rows, expected=entry["rows"])
        _VERIFIED[key] = True


def check_unchanged(snapshot: "Snapshot") -> None:
    """Before a query reads the snapshot: its files are what its manifest says. A file whose size,
    times or inode moved since it was last verified is hashed again (a stat per file otherwise, about
    0.1 ms for a snapshot); a mismatch raises SnapshotError and the snapshot is set aside."""
    try:
        verify(snapshot.path, {"tables": snapshot.tables})
    except (SnapshotError, OSError) as exc:
        mark_damaged(snapshot)
        detail = exc.code if isinstance(exc, SnapshotError) else type(exc).__name__
        raise SnapshotError("unreadable", snapshot_id=snapshot.snapshot_id, detail=detail) from None


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


STALE_TEMP_S = 3600  # without file locks (Windows): a temporary folder this old belongs to a killed write
YOUNG_TEMP_S = 60  # a temporary folder without its lock file is left alone this long (it is being created)


def _clear_stale_temps(base: Path) -> None:
    """Remove what killed writes left behind, as soon as no writer holds it (a write renames its
    temporary folder when it finishes, so a folder left is one whose writer is gone or still writing)."""
    for entry in base.glob(".tmp-*"):
        try:
            if entry.is_dir() and _abandoned(entry):
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
