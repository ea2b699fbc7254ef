"""The server's hold on the store: read-only by default, or the store's single writer.

DuckDB lets one process write a file while excluding all others, or several processes read it.
So a read-only server opens the file read-only (``hadath query`` can run beside it). A server
started with a token must write, so it opens the file read-write and becomes the store's one
writer: its readers are cursors over that same database (DuckDB's MVCC gives each query a
committed snapshot, so reads never wait for a write), and every write goes through
:meth:`Database.ingest`, which takes one lock, so ingests run one at a time.
"""
from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import WriteForbidden
from ..store import RunReport, ingest
from ..store.connect import open_reader, open_writer


class Database:
    def __init__(self, path: str | Path, *, writable: bool = False):
        # One spelling of the path: DuckDB shares an open database between connections of a
        # process by path, which is how ingest()'s own writer connection joins ours.
        self.path = Path(path).resolve()
        self.writable = writable
        self._con = open_writer(self.path) if writable else open_reader(self.path)
        self._write = threading.Lock()
        self.generation = 0  # bumped by every ingest, so that cached answers can be dropped

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one request: DuckDB connections are not shared across
        threads, and cursors are cheap."""
        cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def ingest(self, lines: list[bytes], *, published: str | None = None) -> RunReport:
        """Store articles given as JSONL lines, through hadath's ingest (analysis, skip of
        unchanged articles, error records, dataset events), one ingest at a time."""
        if not self.writable:
            raise WriteForbidden(f"The store {self.path} is open read-only.",
                                 "Start hadath serve with --token to accept ingests.")
        with self._write, tempfile.TemporaryDirectory(prefix="hadath-api-") as tmp:
            # ingest() reads inputs from files; the request becomes one JSONL input file.
            source = Path(tmp) / "request.jsonl"
            source.write_bytes(b"\n".join(lines) + b"\n")
            report = ingest([str(source)], self.path, published=published)
            self.generation += 1
        return report

    def close(self) -> None:
        self._con.close()

