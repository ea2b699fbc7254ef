"""The store's single writer: runs, and batches of analysed articles, each in one transaction.

A batch commits the article rows together with all their annotations, its error records and the
run's counters, or nothing: a run killed at any point leaves whole articles only, and the next
run skips exactly the articles already stored with the same content hash.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

from .. import __version__
from ..ingest import InputFailure, RawArticle
from . import finalize
from .connect import open_writer
from .rows import article_rows, error_row
from .schema import ARTICLE_TABLES, insert


@dataclass(frozen=True, slots=True)
class Analysed:
    """One input's outcome, in input order: its record (article or error) and what identifies it."""

    item: RawArticle | InputFailure
    digest: str | None  # content hash; None for an input that yielded no article
    record: dict
    minhash: bytes | None


@dataclass(slots=True)
class Counts:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, other: "Counts") -> None:
        self.added += other.added
        self.replaced += other.replaced
        self.skipped += other.skipped
        self.failed += other.failed


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Writer:
    """Holds the store open for writing (DuckDB's file lock keeps other processes out)."""

    def __init__(self, path: str | Path):
        self.path = path
        self.con = open_writer(path)
        # Every stored version, loaded once: the skip test runs for every input article.
        self._stored = dict(self.con.execute("SELECT doc_id, content_hash FROM articles").fetchall())

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def is_stored(self, doc_id: str, digest: str) -> bool:
        return self._stored.get(doc_id) == digest

    def start_run(self, inputs: Sequence[str], backend: str, stages: Sequence[str]) -> int:
        with self._transaction():
            # One writer at a time: a run still marked running was killed before it finished.
            self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            run_id = self.con.execute(
                "SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()[0][0]
            self.con.execute(
                "INSERT INTO runs VALUES (?, ?, NULL, 'running', ?, ?, ?, ?, 0, 0, 0, 0)",
                [run_id, _now(), list(inputs), backend, list(stages), __version__])
        return run_id

    def write(self, run_id: int, batch: Sequence[Analysed], skipped: int = 0) -> Counts:
        """Store a batch in one transaction; ``skipped`` counts inputs the caller did not send
        for analysis because they were already stored."""
        latest: dict[str, Analysed] = {}
        for a in batch:  # the same doc_id twice in a batch: the later version wins, as in a run
            latest.pop(a.record["doc_id"], None)
            latest[a.record["doc_id"]] = a
        counts = Counts(skipped=skipped + len(batch) - len(latest))
        rows: dict[str, list] = {name: [] for name in ARTICLE_TABLES + ("errors",)}
        gone: list[str] = []  # doc_ids whose stored version is removed
        stored: dict[str, str | None] = {}  # doc_id -> new stored hash (None: removed)
        for doc_id, a in latest.items():
            if "error" in a.record:
                counts.failed += 1
                rows["errors"].append(error_row(a.record, a.item, a.digest, run_id))
                if a.digest is not None and doc_id in self._stored:
                    gone.append(doc_id)  # a new version that fails replaces the old one
                    stored[doc_id] = None
                continue
            if self._stored.get(doc_id) == a.digest:
                counts.skipped += 1
                continue
            if doc_id in self._stored:
                counts.replaced += 1
                gone.append(doc_id)
            else:
                counts.added += 1
            stored[doc_id] = a.digest
            for name, table_rows in article_rows(a.record, a.item, a.digest, run_id).items():
                rows[name].extend(table_rows)
            if a.minhash is not None:
                rows["signatures"].append({"doc_id": doc_id, "minhash": a.minhash})
        with self._transaction():
            self._delete(ARTICLE_TABLES, gone)
            self._delete(("errors",), list(latest))
            for name, table_rows in rows.items():
                insert(self.con, name, table_rows)
            self.con.execute(
                "UPDATE runs SET added = added + ?, replaced = replaced + ?, "
                "skipped = skipped + ?, failed = failed + ? WHERE run_id = ?",
                [counts.added, counts.replaced, counts.skipped, counts.failed, run_id])
        for doc_id, digest in stored.items():
            if digest is None:
                self._stored.pop(doc_id, None)
            else:
                self._stored[doc_id] = digest
        return counts

    def finish_run(self, run_id: int) -> None:
        """Recompute what is derived from all articles (near-duplicates, dataset events) and
        mark the run done, in one transaction: a run killed here is finished by the next."""
        with self._transaction():
            finalize.refresh(self.con)
            self.con.execute("UPDATE runs SET status = 'done', finished = ? WHERE run_id = ?",
                             [_now(), run_id])

    def _delete(self, tables: Sequence[str], doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        for name in tables:
            self.con.execute(f"DELETE FROM {name} WHERE list_contains(?, doc_id)", [doc_ids])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
