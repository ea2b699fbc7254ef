"""The dataset: a DuckDB store of analysed articles, their near-duplicates and merged events.

``ingest`` fills a store (one writer); ``Store`` reads it (read-only, any number of readers);
``export`` writes its events as PLOVER JSONL, CSV or Parquet. The tables are listed in
``schema.py`` and described in docs/dataset.md.
"""
from .connect import DEFAULT_DB
from .export import ExportReport, export
from .ingest import Progress, RunReport, count_inputs, ingest
from .query import Store

__all__ = ["DEFAULT_DB", "Store", "ingest", "count_inputs", "Progress", "RunReport", "export",
           "ExportReport"]
