"""One DuckDB connection per process, a schema of views per snapshot, a cursor per query.

DuckDB connections are not thread-safe, and Streamlit serves every session from its own thread:
each query therefore runs on its own cursor, and only DataFrames leave this module.
"""
from __future__ import annotations

import hashlib
import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from . import memory, snapshots
from .schema import BOOL, FLOAT, INT, TABLES as TABLE_SCHEMAS
from .snapshots import OPTIONAL_TABLES, TABLES, Snapshot

_SQL_TYPES = {INT: "BIGINT", FLOAT: "DOUBLE", BOOL: "BOOLEAN"}  # anything else is text

SQL_DIR = Path(__file__).parent / "sql"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

_lock = threading.Lock()
_creating = threading.Lock()
_connection: duckdb.DuckDBPyConnection | None = None
_schemas: dict[tuple[str, str], str] = {}


def connection() -> duckdb.DuckDBPyConnection:
    global _connection
    with _lock:
        if _connection is None:
            memory.configure()
            # DuckDB keeps what a query freed in its own allocator; without background threads to
            # purge it (and with its default flush threshold of 128 MB) a country's query left about
            # 130 MB behind for good. With them it is returned within a second or two.
            _connection = duckdb.connect(":memory:", config={"allocator_background_threads": True,
                                                              "allocator_flush_threshold": "8MB"})
        return _connection


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def schema_for(snapshot: Snapshot) -> str:
    """The schema holding the snapshot's tables as views, created on first use."""
    key = (snapshot.snapshot_id, str(snapshot.path))
    with _lock:
        if key in _schemas:
            return _schemas[key]
    with _creating:  # two sessions (or the scorecard's two readers) asking at once create it once
        with _lock:
            if key in _schemas:
                return _schemas[key]
        return _create_schema(snapshot, key)


def _create_schema(snapshot: Snapshot, key: tuple) -> str:
    # The schema name is derived from the path, never from raw user text; paths are quoted literals.
    name = "snap_" + hashlib.sha1(str(snapshot.path).encode()).hexdigest()[:16]
    cur = connection().cursor()
    try:
        cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
        for table in TABLES:
            source = f"read_parquet({_literal(str(snapshot.table_path(table)))})"
            have = {row[0] for row in cur.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
            # optional columns added to the schema later read as empty in snapshots written before
            added = "".join(f', CAST(NULL AS {_SQL_TYPES.get(c.kind, "VARCHAR")}) AS "{c.name}"'
                            for c in _optional_columns(table) if c.name not in have)
            cur.execute(f'CREATE OR REPLACE VIEW "{name}"."{table}" AS SELECT *{added} FROM {source}')
        for table in OPTIONAL_TABLES:
            if table in snapshot.tables:
                source = f"read_parquet({_literal(str(snapshot.table_path(table)))})"
                cur.execute(f'CREATE OR REPLACE VIEW "{name}"."{table}" AS SELECT * FROM {source}')
            else:  # a register the snapshot lacks reads as empty, with its columns typed
                columns = ", ".join(f'CAST(NULL AS {_SQL_TYPES.get(c.kind, "VARCHAR")}) AS "{c.name}"'
                                    for c in _schema_of(table).columns)
                cur.execute(f'CREATE OR REPLACE VIEW "{name}"."{table}" AS SELECT {columns} WHERE false')
    finally:
        cur.close()
    with _lock:
        _schemas[key] = name
    return name


def _schema_of(table: str):
    return next((t for t in TABLE_SCHEMAS if t.name == table), None)


def _optional_columns(table: str) -> tuple:
    described = _schema_of(table)
    return tuple(c for c in described.columns if not c.required) if described else ()


@lru_cache(maxsize=None)  # saves reading a query file on every run (about 30 named queries, a few KB each)
def sql_text(name: str) -> str:
    path = SQL_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {SQL_DIR}")
    return path.read_text(encoding="utf-8")


def _bound(name: str, params: dict) -> tuple[str, dict]:
    sql = sql_text(name)
    wanted = set(_PARAM.findall(sql))
    missing = wanted - params.keys()
    if missing:
        raise TypeError(f"query {name!r} needs parameters {sorted(missing)}")
    return sql, {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items() if k in wanted}


# a mistake in a query's SQL: raised as it is (a bug to fix, not a damaged file)
_SQL_MISTAKES = (duckdb.ParserException, duckdb.BinderException, duckdb.SyntaxException, duckdb.CatalogException,
                 duckdb.TypeMismatchException, duckdb.NotImplementedException, duckdb.ConversionException)


def _unreadable(snapshot: Snapshot, exc: Exception) -> Exception:
    """What a failed query means: a mistake in its SQL raises as it is; anything else reading the
    snapshot's files (a damaged, truncated or vanished Parquet file) marks the snapshot damaged (it is
    checked again from scratch the next time the snapshots are listed) and is said in codes, without
    the server's paths."""
    if isinstance(exc, _SQL_MISTAKES):
        return exc
    snapshots.mark_damaged(snapshot)
    return snapshots.SnapshotError("unreadable", snapshot_id=snapshot.snapshot_id, detail=type(exc).__name__)


@contextmanager
def _cursor_on(snapshot: Snapshot):
    """A cursor of its own whose queries read the snapshot's tables; a failure to read them comes out
    as the snapshot's SnapshotError (see _unreadable). The files are checked against the manifest first:
    a file changed under the running app is never read as if it were the snapshot."""
    snapshots.check_unchanged(snapshot)
    try:
        schema = schema_for(snapshot)
    except duckdb.Error as exc:
        raise _unreadable(snapshot, exc) from None
    cur = connection().cursor()
    try:
        cur.execute(f'SET search_path = {_literal(schema)}')
        yield cur
    except duckdb.Error as exc:
        raise _unreadable(snapshot, exc) from None
    finally:
        cur.close()


def run(snapshot: Snapshot, name: str, **params) -> pd.DataFrame:
    """Run the named query against a snapshot with bound parameters; return a DataFrame."""
    sql, bound = _bound(name, params)
    with _cursor_on(snapshot) as cur:
        return cur.execute(sql, bound).df()


CHUNK_ROWS = 65_536


def _compact(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch with its text in freshly allocated buffers: DuckDB hands text over in buffers sized
    for its own vectors, which cost a country's scorecard about 30 MB more for as long as it is kept."""
    columns = [pa.concat_arrays([c]) if pa.types.is_string(c.type) or pa.types.is_large_string(c.type) else c
               for c in batch.columns]
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def run_chunks(snapshot: Snapshot, name: str, **params):
    """The named query's rows as DataFrames of at most 65,536 rows each: for a country's rows, which
    would cost far more memory as one DataFrame built in one go. The rows travel as Arrow batches,
    so text columns become pandas' Arrow-backed strings directly, without a Python object per value
    (about twice as fast, and it leaves far less fragmented memory behind)."""
    sql, bound = _bound(name, params)
    with _cursor_on(snapshot) as cur:
        for batch in cur.sql(sql, params=bound).to_arrow_reader(CHUNK_ROWS):
            if batch.num_rows:
                yield _compact(batch).to_pandas()


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Chunks of one answer as one frame. Text columns are made single Arrow arrays again: selecting
    rows of a column still split in chunks costs about 10× more, and the filter path does it often."""
    frame = pd.concat(frames, ignore_index=True)
    text = [c for c in frame.columns if frame[c].dtype == "str"]
    if len(frames) > 1 and text:
        frame[text] = pa.Table.from_pandas(frame[text], preserve_index=False).combine_chunks().to_pandas()
    return frame
