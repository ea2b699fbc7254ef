"""The unit of work every backend runs: a chunk of articles to their records and signatures."""
from __future__ import annotations

import threading

from ..dedup import signature
from ..extract import process
from ..ingest import RawArticle
from ..pipeline import Pipeline

Result = tuple[dict, bytes | None]  # the article's record, and its MinHash signature

_local = threading.local()


def analyse(pipeline: Pipeline, article: RawArticle) -> Result:
    record = process(pipeline, article)
    return record, None if "error" in record else signature(article.text)


def pipeline_for(stages: tuple[str, ...]) -> Pipeline:
    """This thread's pipeline, built on first use: a Dask worker keeps it across tasks, and
    threads (a Dask worker with several, or processes=False) never share stage state."""
    cache = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    if stages not in cache:
        cache[stages] = Pipeline(stages)
    return cache[stages]


def analyse_chunk(articles: list[RawArticle], stages: tuple[str, ...]) -> list[Result]:
    pipeline = pipeline_for(stages)
    return [analyse(pipeline, a) for a in articles]
