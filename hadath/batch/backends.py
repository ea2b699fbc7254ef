"""Where articles are analysed: this process, local worker processes, or a Dask cluster.

A backend's ``session(stages)`` yields a function that maps an iterable of article chunks to
their results, chunk by chunk and in input order. At most a few chunks per worker are in flight:
a corpus is streamed, never loaded whole, and the store receives results as they come.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from ..errors import BackendUnavailable
from ..ingest import RawArticle
from ..pipeline import Pipeline
from .work import Result, analyse, analyse_chunk

Mapper = Callable[[Iterable[list[RawArticle]]], Iterator[list[Result]]]

# Chunks queued per worker: enough work for the workers to go on while the writer commits a
# batch (hundreds of articles), so that they do not wait for it.
IN_FLIGHT_PER_WORKER = 10
_pipeline: Pipeline | None = None  # a worker process's pipeline (LocalBackend)


class Backend(Protocol):
    def describe(self) -> str: ...

    def session(self, stages: tuple[str, ...]): ...  # context manager yielding a Mapper


def in_order(submit: Callable[[list[RawArticle]], Any], get: Callable[[Any], list[Result]],
             chunks: Iterable[list[RawArticle]], window: int) -> Iterator[list[Result]]:
    """Submit chunks, keeping at most ``window`` pending, and yield their results in order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield get(pending.popleft())
    while pending:
        yield get(pending.popleft())


def _adopt(pipeline: Pipeline) -> None:
    global _pipeline
    _pipeline = pipeline


def _build(stages: tuple[str, ...]) -> None:
    _adopt(Pipeline(stages))


def _work(chunk: list[RawArticle]) -> list[Result]:
    return [analyse(_pipeline, a) for a in chunk]


class LocalBackend:
    """``workers`` processes on this machine (1: the calling process itself)."""

    def __init__(self, workers: int = 1):
        if workers < 1:
            raise BackendUnavailable(f"--workers must be at least 1, not {workers}.",
                                     "Give a number of worker processes, e.g. --workers 2.")
        self.workers = workers

    def describe(self) -> str:
        return f"local:{self.workers}"

    @contextmanager
    def session(self, stages: tuple[str, ...]) -> Iterator[Mapper]:
        # Built here, before any article is read: a wrong stage list fails at once. Forked
        # workers inherit it built, sharing the lexicons' memory until they write to it.
        pipeline = Pipeline(stages)
        if self.workers == 1:
            yield lambda chunks: ([analyse(pipeline, a) for a in chunk] for chunk in chunks)
            return
        if "fork" in mp.get_all_start_methods():
            ctx, init, arg = mp.get_context("fork"), _adopt, pipeline
        else:  # spawned workers start empty and build their own
            ctx, init, arg = mp.get_context(), _build, stages
        with ctx.Pool(self.workers, initializer=init, initargs=(arg,)) as pool:
            yield lambda chunks: in_order(lambda c: pool.apply_async(_work, (c,)),
                                          lambda r: r.get(), chunks, IN_FLIGHT_PER_WORKER * self.workers)


class DaskBackend:
    """A Dask distributed cluster: an existing scheduler (``address``), or a local cluster of
    ``local_workers`` single-threaded workers. Workers must be able to import hadath."""

    def __init__(self, address: str | None = None, local_workers: int | None = None, *,
                 processes: bool = True):
        if (address is None) == (local_workers is None):
            raise BackendUnavailable("Give either a Dask scheduler address or a number of local "
                                     "Dask workers, not both or neither.",
                                     "Use --dask ADDRESS or --dask-local N.")
        if local_workers is not None and local_workers < 1:
            raise BackendUnavailable(f"--dask-local must be at least 1, not {local_workers}.",
                                     "Give the number of local Dask workers, e.g. --dask-local 2.")
        self.address = address
        self.local_workers = local_workers
        self.processes = processes

    def describe(self) -> str:
        return f"dask:{self.address}" if self.address else f"dask-local:{self.local_workers}"

    @contextmanager
    def session(self, stages: tuple[str, ...]) -> Iterator[Mapper]:
        from distributed import Client, LocalCluster

        Pipeline(stages)  # fail on a wrong stage list here, not in every worker
        cluster = None
        try:
            if self.address:
                client = Client(self.address, timeout="10s")
            else:
                cluster = LocalCluster(n_workers=self.local_workers, threads_per_worker=1,
                                       processes=self.processes, dashboard_address=None)
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            if cluster is not None:
                cluster.close()
            raise BackendUnavailable(
                f"The Dask cluster could not be reached or started ({exc}).",
                "Check the scheduler address (tcp://HOST:8786) and that it is running, or use "
                "--dask-local N for a cluster on this machine.") from exc
        try:
            window = 2 * max(1, len(client.scheduler_info().get("workers", {}))) + 2
            yield lambda chunks: in_order(
                lambda c: client.submit(analyse_chunk, c, stages, pure=False),
                lambda f: f.result(), chunks, window)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def backend_for(workers: int = 1, dask: str | None = None,
                dask_local: int | None = None) -> LocalBackend | DaskBackend:
    """The backend the command-line options name."""
    if dask is not None or dask_local is not None:
        if workers != 1:
            raise BackendUnavailable("--workers is for local processes; a Dask run has its "
                                     "workers in the cluster.",
                                     "Drop --workers, or drop --dask/--dask-local.")
        return DaskBackend(dask, dask_local)
    return LocalBackend(workers)
