"""``ingest``: inputs to a store, through the pipeline, resumable after a crash at any point.

Articles already stored with the same content hash are skipped before analysis, so a re-run (or
a restart after ``kill -9``) costs reading the inputs only. The others go to the backend in
chunks; their results are committed in batches, each in one transaction with its error records
and the run's counters. A batch commits when it holds ``batch_size`` articles or has waited
``COMMIT_SECONDS``, which bounds the work a crash can lose on a slow pipeline.
"""
from __future__ import annotations

import gzip
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..batch import Backend, LocalBackend
from ..ingest import InputFailure, RawArticle, iter_inputs
from ..pipeline import DEFAULT_STAGES
from .connect import DEFAULT_DB
from .rows import content_hash
from .writer import Analysed, Counts, Writer

CHUNK = 16  # articles per task: large enough to hide task overhead, small enough to balance
COMMIT_SECONDS = 10.0


@dataclass(slots=True)
class Progress:
    """Where a run stands; handed to the progress callback after every step."""

    total: int | None  # inputs to go through, when known in advance
    done: int = 0  # inputs handled: stored, skipped or failed
    stored: int = 0  # inputs committed to the store (including error records)
    counts: Counts = field(default_factory=Counts)
    started: float = field(default_factory=time.perf_counter)


@dataclass(frozen=True, slots=True)
class RunReport:
    run_id: int
    counts: Counts
    seconds: float
    errors: list[dict]  # this run's error records: doc_id, input, code, type, message, fix


def count_inputs(inputs: Sequence[str]) -> int:
    """About how many records ``inputs`` give, for a progress bar with an ETA: the non-blank
    lines of JSONL files (a second or two per 30,000 articles) and one per other file, without
    extracting pages. Exact for corpora; files in a directory that are not inputs count too."""
    total = 0
    for given in inputs:
        path = Path(given)
        files = ([p for p in sorted(path.rglob("*")) if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(path).parts)]
                 if path.is_dir() else [path])
        for f in files:
            total += _lines(f) if f.name.lower().endswith((".jsonl", ".jsonl.gz")) else 1
    return total


def _lines(path: Path) -> int:
    try:
        with (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except (OSError, EOFError, zlib.error):  # the run reports the file; count what it may give
        return 1


def ingest(inputs: Sequence[str], db: str | Path = DEFAULT_DB, *, backend: Backend | None = None,
           published: str | None = None, stages: tuple[str, ...] = DEFAULT_STAGES,
           batch_size: int = 500, total: int | None = None,
           progress: Callable[[Progress], None] | None = None) -> RunReport:
    """Analyse every article of ``inputs`` and store the results in the store at ``db``.

    ``total`` (see :func:`count_inputs`) only feeds ``progress``, called as the run advances.
    """
    items = iter_inputs(inputs, published=published)  # a bad default date fails here, at once
    backend = backend or LocalBackend()
    state = Progress(total)
    report = progress or (lambda _: None)
    # The backend starts before the store opens: forked workers must not inherit DuckDB's threads.
    with backend.session(tuple(stages)) as analyse_chunks, Writer(db) as writer:
        run_id = writer.start_run(inputs, backend.describe(), stages)
        waiting: deque[list[tuple[RawArticle | InputFailure, str | None]]] = deque()
        skipped = 0

        def chunks() -> Iterator[list[RawArticle]]:
            nonlocal skipped
            chunk: list[tuple[RawArticle | InputFailure, str | None]] = []
            for item in items:
                digest = content_hash(item) if isinstance(item, RawArticle) else None
                if digest is not None and writer.is_stored(item.doc_id, digest):
                    skipped += 1
                    state.done += 1
                    report(state)
                    continue
                chunk.append((item, digest))
                if len(chunk) == CHUNK:
                    waiting.append(chunk)
                    yield [i for i, _ in chunk if isinstance(i, RawArticle)]
                    chunk = []
            if chunk:
                waiting.append(chunk)
                yield [i for i, _ in chunk if isinstance(i, RawArticle)]

        def commit() -> None:
            nonlocal skipped, batch, last
            state.counts.add(writer.write(run_id, batch, skipped))
            state.stored += len(batch)
            skipped, batch, last = 0, [], time.perf_counter()
            report(state)

        batch: list[Analysed] = []
        last = time.perf_counter()
        for results in analyse_chunks(chunks()):
            done = iter(results)
            for item, digest in waiting.popleft():
                if isinstance(item, InputFailure):
                    batch.append(Analysed(item, None, item.to_dict(), None))
                else:
                    batch.append(Analysed(item, digest, *next(done)))
                state.done += 1
            if len(batch) >= batch_size or time.perf_counter() - last >= COMMIT_SECONDS:
                commit()
            else:
                report(state)
        commit()
        writer.finish_run(run_id)
        cursor = writer.con.execute(
            "SELECT doc_id, input, code, type, message, fix FROM errors WHERE run_id = ? "
            "ORDER BY doc_id", [run_id])
        columns = [d[0] for d in cursor.description]
        errors = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return RunReport(run_id, state.counts, time.perf_counter() - state.started, errors)
