"""Ingest throughput: the first N ANT articles into a fresh store, with each backend.

    .venv/bin/python bench/ingest.py [-n 10000] [--backends local:1,local:2,dask-local:2]

For each backend: wall time from the first article read to the last transaction and the
dataset refresh, articles/s, peak resident memory of the whole process tree (writer, workers,
Dask nannies), and the ratio to a bare ``regex`` word tokenization of the same articles measured
in the same run. The stores are compared at the end: every backend must store the same rows.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import gzip
import itertools
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil
from throughput import CORPUS, tokenize_seconds  # bench/ is the script's directory

from hadath.batch import DaskBackend, LocalBackend
from hadath.ingest import RawArticle, iter_inputs
from hadath.pipeline import Pipeline
from hadath.store import ingest

TABLES = ("articles", "events", "participants", "mentions", "quotes", "times", "places",
          "near_duplicates", "dataset_events")


def release_memory() -> None:
    """Hand freed memory back to the system, so that the next run starts from this process's
    live size (glibc keeps freed heap pages otherwise; no-op where there is no glibc)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass


class PeakRSS:
    """Samples the resident memory of this process and all its descendants."""

    def __init__(self, every: float = 0.2):
        self.every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me] + me.children(recursive=True):
                try:
                    total += p.memory_info().rss
                except psutil.Error:  # a process that ended between listing and reading
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def backend(name: str):
    kind, n = name.split(":")
    return LocalBackend(int(n)) if kind == "local" else DaskBackend(local_workers=int(n))


def fingerprint(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--backends", default="local:1,local:2,dask-local:2",
                        help="comma-separated: local:N, dask-local:N")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL(.gz) corpus")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hadath-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
            sample.write_text("".join(itertools.islice(f, args.n)), encoding="utf-8")
        articles = [a for a in iter_inputs([str(sample)]) if isinstance(a, RawArticle)]
        regex_s = tokenize_seconds(articles)
        start = time.perf_counter()
        Pipeline()  # loads the lexicons once, so that no backend below pays it for the others
        print(f"pipeline build {time.perf_counter() - start:.1f} s (before the timed runs; "
              "Dask workers build their own inside them)")
        print(f"{len(articles)} articles of {args.corpus.name}; "
              f"regex tokenization {regex_s:.3f} s")
        print(f"{'backend':<14}{'seconds':>9}{'articles/s':>12}{'peak RSS MB':>13}{'ratio':>8}"
              f"{'failed':>8}")
        prints = {}
        for name in args.backends.split(","):
            db = Path(tmp) / f"{name.replace(':', '-')}.duckdb"
            release_memory()  # a backend's peak must not include what the previous one left
            with PeakRSS() as rss:
                report = ingest([str(sample)], db, backend=backend(name))
            seconds = report.seconds
            print(f"{name:<14}{seconds:>9.1f}{len(articles) / seconds:>12.1f}"
                  f"{rss.peak / 2**20:>13.0f}{seconds / regex_s:>7.0f}x{report.counts.failed:>8}",
                  flush=True)
            prints[name] = fingerprint(db)
        first = next(iter(prints.values()))
        print("stored rows:", ", ".join(f"{t} {n}" for t, n in first.items()))
        same = all(p == first for p in prints.values())
        print("all backends stored the same row counts" if same else f"DIFFERENT: {prints}")


if __name__ == "__main__":
    main()
