"""Running the pipeline over inputs: one result or one error record per article, in input order.

Workers are processes, each building its pipeline once (lexicons and models load per process,
never per article). An article that fails becomes ``{"doc_id", "source", "error": {...}}`` and
the run goes on.
"""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator, Sequence

from .doc import Doc
from .errors import HadathError, StageFailed
from .ingest import InputFailure, RawArticle, iter_inputs
from .pipeline import DEFAULT_STAGES, Pipeline

_WORKER_PIPELINE: Pipeline | None = None


def doc_from_raw(raw: RawArticle) -> Doc:
    return Doc(doc_id=raw.doc_id, title=raw.title, text=raw.text, published=raw.published,
               url=raw.url, source=raw.source, boilerplate=raw.boilerplate)


def error_record(doc_id: str, source: str | None, error: HadathError) -> dict:
    return {"doc_id": doc_id, "source": source, "error": error.to_dict()}


def process(pipeline: Pipeline, item: RawArticle | InputFailure) -> dict:
    """The output record of one input: the analysed article, or its error record."""
    if isinstance(item, InputFailure):
        return item.to_dict()
    try:
        return pipeline(doc_from_raw(item)).to_dict()
    except HadathError as exc:
        return error_record(item.doc_id, item.source, exc)
    except Exception as exc:  # a bug must not lose the article: record it and go on
        wrapped = StageFailed(f"Article {item.doc_id} failed: {type(exc).__name__}: {exc}.",
                              "Report this with the article; the rest of the batch goes on.")
        return error_record(item.doc_id, item.source, wrapped)


def _init_worker(stages: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(stages)


def _work(item: RawArticle | InputFailure) -> dict:
    return process(_WORKER_PIPELINE, item)


def run(items: Iterable[RawArticle | InputFailure], *, workers: int = 1,
        stages: tuple[str, ...] = DEFAULT_STAGES) -> Iterator[dict]:
    """Records for ``items`` in their order, computed by ``workers`` processes."""
    if workers <= 1:
        pipeline = Pipeline(stages)
        for item in items:
            yield process(pipeline, item)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init_worker, initargs=(stages,)) as pool:
        yield from pool.imap(_work, items, chunksize=16)


def extract(paths: Sequence[str], *, published: str | None = None, workers: int = 1) -> Iterator[dict]:
    """Records for every article of the given inputs (files, directories, "-" for stdin)."""
    return run(iter_inputs(paths, published=published), workers=workers)
