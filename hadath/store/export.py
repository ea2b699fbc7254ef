"""Exporting a store's events: PLOVER JSONL, CSV, and Parquet partitioned by date.

Parquet goes to a directory in hive layout (``year=2018/month=7/…parquet``), which DuckDB
(``read_parquet('DIR/**/*.parquet', hive_partitioning=true)``), pandas and pyarrow
(``read_parquet(DIR)``), Spark (``spark.read.parquet(DIR)``) and Dask read directly, turning
``year`` and ``month`` back into columns. The columns are flat (text, numbers, dates): several
participants on one side are joined with ";", as in the ``event_table`` view.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadOption, ExportTargetExists
from . import plover
from .query import Store

FORMATS = ("plover", "csv", "parquet")
_TABLES = {False: ("event_table", "day", "event_id"),
           True: ("dataset_event_table", "first_day", "dataset_event_id")}


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    rows: int
    undated: int  # rows left out of a Parquet export because they have no date to file them by


def export(store: Store, fmt: str, out: str | Path, *, dataset: bool = False,
           overwrite: bool = False) -> ExportReport:
    """Write the store's article-level events (or, with ``dataset``, its merged dataset events)
    to ``out`` in ``fmt``: "plover" (JSONL), "csv" or "parquet" (a directory)."""
    if fmt not in FORMATS:
        raise BadOption(f"Unknown export format {fmt!r}.", f"Use one of: {', '.join(FORMATS)}.")
    out = Path(out)
    _clear(out, fmt, overwrite)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "plover":
        return _plover(store, out, dataset)
    table, day, key = _TABLES[dataset]
    if fmt == "csv":
        store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY {day}, {key}) "
                          f"TO '{_quote(out)}' (FORMAT csv, HEADER)")
        return ExportReport(out, _count(store, table, ""), 0)
    store.con.execute(f"""COPY (SELECT *, year({day}) AS year, month({day}) AS month FROM {table}
                             WHERE {day} IS NOT NULL ORDER BY {day}, {key})
                          TO '{_quote(out)}' (FORMAT parquet, PARTITION_BY (year, month))""")
    dated = _count(store, table, f"WHERE {day} IS NOT NULL")
    return ExportReport(out, dated, _count(store, table, "") - dated)


def _clear(out: Path, fmt: str, overwrite: bool) -> None:
    """Make room for the export, removing only what an earlier export of this kind wrote."""
    if not out.exists():
        return
    if not overwrite:
        raise ExportTargetExists(f"{out} exists already.",
                                 "Choose another output path, or pass --overwrite to replace it.")
    if not out.is_dir():
        out.unlink()
        return
    if fmt != "parquet" or any(not p.name.startswith("year=") for p in out.iterdir()):
        raise ExportTargetExists(f"{out} is a directory that is not a Parquet export of hadath.",
                                 "Choose another output path; --overwrite replaces files and "
                                 "earlier Parquet exports only.")
    shutil.rmtree(out)


def _plover(store: Store, out: Path, dataset: bool) -> ExportReport:
    query, convert = ((plover.DATASET_EVENTS, plover.dataset_event) if dataset
                      else (plover.ARTICLE_EVENTS, plover.article_event))
    cursor = store.con.execute(query)
    columns = [d[0] for d in cursor.description]
    rows = 0
    with open(out, "w", encoding="utf-8") as f:
        while chunk := cursor.fetchmany(2000):
            for values in chunk:
                f.write(json.dumps(convert(dict(zip(columns, values))), ensure_ascii=False) + "\n")
            rows += len(chunk)
    return ExportReport(out, rows, 0)


def _count(store: Store, table: str, where: str) -> int:
    return store.con.execute(f"SELECT count(*) FROM {table} {where}").fetchall()[0][0]


def _quote(path: Path) -> str:
    """A path inside a SQL string literal (COPY takes no parameter for it)."""
    return str(path).replace("'", "''")
