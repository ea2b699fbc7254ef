"""The Dask backend stores exactly what a single-process run stores."""
from __future__ import annotations

import pytest

from hadath.batch import DaskBackend
from hadath.store import ingest
from store_support import dump, reference

distributed = pytest.importorskip("distributed")


def test_dask_cluster_stores_the_same_as_one_process(shared, tmp_path_factory, tmp_path):
    sample, db, _ = reference(tmp_path_factory, shared)
    # Threads in this process start fast; the backend reaches them by address like a remote
    # scheduler (--dask ADDRESS).
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        report = ingest([str(sample)], tmp_path / "dask.duckdb",
                        backend=DaskBackend(cluster.scheduler_address), batch_size=9)
    assert report.counts.failed == 1  # the sample's broken line, as in the reference run
    assert dump(tmp_path / "dask.duckdb") == dump(db)


def test_local_dask_cluster_option(shared, tmp_path_factory, tmp_path):
    sample, db, _ = reference(tmp_path_factory, shared)
    backend = DaskBackend(local_workers=2, processes=False)
    assert backend.describe() == "dask-local:2"
    ingest([str(sample)], tmp_path / "local.duckdb", backend=backend)
    assert dump(tmp_path / "local.duckdb") == dump(db)
