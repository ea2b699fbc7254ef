"""Running the pipeline over many articles in parallel: worker processes or a Dask cluster.

Every backend maps chunks of articles to their records in input order, so that what is stored
does not depend on which backend computed it.
"""
from __future__ import annotations

from .backends import Backend, DaskBackend, LocalBackend, backend_for

__all__ = ["Backend", "LocalBackend", "DaskBackend", "backend_for"]
