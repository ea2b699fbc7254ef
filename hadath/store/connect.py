"""Opening a store file: one writer, or any number of readers.

DuckDB locks the file per process: a process that writes excludes every other process, while
read-only processes share it. The lock errors are turned into an error that says which case it
is and what to do.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StoreLocked, StoreNotFound, StoreVersionMismatch
from . import schema

DEFAULT_DB = "hadath.duckdb"


# The writer shares the machine with the analysis workers, which do the real work: one DuckDB
# thread and a bounded memory keep it from competing with them for cores and RAM.
WRITER_CONFIG = {"threads": 1, "memory_limit": "512MB"}


def open_writer(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection, creating the file and its tables if needed."""
    con = _connect(path, read_only=False, config=WRITER_CONFIG)
    try:
        _check_version(con, path, required=False)
        schema.create(con)
    except BaseException:
        con.close()
        raise
    return con


def open_reader(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing store."""
    if not Path(path).is_file():
        raise StoreNotFound(f"There is no store at {path}.",
                            f"Create it with: hadath ingest INPUT... --db {path}")
    con = _connect(path, read_only=True)
    try:
        _check_version(con, path, required=True)
    except BaseException:
        con.close()
        raise
    return con


def _connect(path: str | Path, *, read_only: bool, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config=config or {})
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        raise StoreLocked(
            f"The store {path} is in use by another process "
            + ("that writes to it." if read_only else "(a writer, or readers)."),
            "Wait until the other hadath command has finished (a store has one writer at a "
            "time; readers can run together, but not while it is written).") from exc


def _check_version(con: duckdb.DuckDBPyConnection, path: str | Path, *, required: bool) -> None:
    has_meta = con.execute("SELECT count(*) FROM information_schema.tables "
                           "WHERE table_name = 'meta' AND table_schema = 'main'").fetchall()[0][0]
    if not has_meta:
        if required:
            raise StoreNotFound(f"{path} is a DuckDB file but not a hadath store.",
                                "Give the --db file that hadath ingest wrote.")
        return
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if rows and rows[0][0] != schema.VERSION:
        raise StoreVersionMismatch(
            f"The store {path} has table layout {rows[0][0]}; this hadath writes layout "
            f"{schema.VERSION}.",
            "Ingest the articles again into a new --db file.")
