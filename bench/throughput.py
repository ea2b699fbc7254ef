"""Extraction throughput on the first N articles of the ANT corpus.

    .venv/bin/python bench/throughput.py [-n 2000] [--workers 1] [--corpus PATH]

Prints articles/s, peak memory, and the ratio of the extraction time to a bare ``regex`` word
tokenization of the same articles measured in the same run: the ratio says how much work the
pipeline does per character, independently of the machine's speed.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import time
from pathlib import Path

import regex

from hadath.extract import process, run
from hadath.ingest import RawArticle, iter_inputs
from hadath.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018.jsonl.gz"
WORD = regex.compile(r"\w+")


def tokenize_seconds(articles: list[RawArticle]) -> float:
    """The time of a bare regex word tokenization of the articles (best of three passes)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for a in articles:
            WORD.findall(a.title)
            WORD.findall(a.text)
        best = min(best, time.perf_counter() - start)
    return best


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest worker process, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL(.gz) corpus")
    args = parser.parse_args()

    articles = [a for a in itertools.islice(iter_inputs([str(args.corpus)]), args.n)
                if isinstance(a, RawArticle)]
    chars = sum(len(a.title) + len(a.text) for a in articles)
    regex_s = tokenize_seconds(articles)

    start = time.perf_counter()
    pipeline = Pipeline()  # the one-off cost of loading lexicons and models, reported apart
    build_s = time.perf_counter() - start
    start = time.perf_counter()
    if args.workers == 1:
        records = [process(pipeline, a) for a in articles]
    else:  # each worker builds its own pipeline: that cost is inside the time measured here
        records = list(run(articles, workers=args.workers))
    extract_s = time.perf_counter() - start
    failed = sum("error" in r for r in records)
    events = sum(len(r.get("events", ())) for r in records)
    own, child = peak_mb()

    print(f"corpus            {args.corpus.name}: {len(articles)} articles, {chars / 1e6:.1f} M characters")
    print(f"workers           {args.workers}")
    print(f"pipeline build    {build_s:.2f} s (once per process)")
    print(f"extraction        {extract_s:.1f} s, {len(articles) / extract_s:.1f} articles/s, "
          f"{events} events, {failed} errors")
    print(f"regex tokenize    {regex_s:.3f} s, {len(articles) / regex_s:.0f} articles/s")
    print(f"ratio             {extract_s / regex_s:.0f}x the regex tokenization time")
    print(f"peak memory       {own:.0f} MB this process"
          + (f", {child:.0f} MB largest worker" if args.workers > 1 else ""))


if __name__ == "__main__":
    main()
