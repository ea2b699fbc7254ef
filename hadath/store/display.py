"""Terminal output of the dataset commands: the ingest progress bar, error lists, result tables.

On a terminal, progress is a rich bar with the rate and the time left; when stderr is a file or
a pipe (a log, a CI job), it is one line per committed batch instead of control sequences.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table

from ..errors import BadOption
from .ingest import Progress as RunState

FORMATS = ("table", "csv", "json")
_SHOWN_ERRORS = 20


class ProgressDisplay:
    """A progress callback for :func:`hadath.store.ingest` that draws on ``console``."""

    def __init__(self, console: Console, total: int | None, *, enabled: bool = True):
        self.console = console
        self.total = total
        self.enabled = enabled
        self.live = enabled and console.is_terminal
        self._bar: Progress | None = None
        self._task = None
        self._stored = 0
        self._drawn = 0.0
        self._state: RunState | None = None

    def __enter__(self) -> "ProgressDisplay":
        if self.live:
            self._bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]} articles/s"),
                                 TextColumn("{task.fields[failed]} failed"),
                                 TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                 console=self.console)
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=self.total, rate="–", failed=0)
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            if self._state is not None:
                self._draw(self._state)  # the last state, which throttling may have skipped
            self._bar.stop()

    def update(self, state: RunState) -> None:
        if not self.enabled:
            return
        self._state = state
        if self._bar is not None:
            now = time.perf_counter()
            if now - self._drawn >= 0.1:  # skipped inputs come by the thousand per second
                self._drawn = now
                self._draw(state)
        elif state.stored != self._stored:
            self._stored = state.stored
            of = f"/{self.total}" if self.total is not None else ""
            self.console.print(f"{state.done}{of} inputs done, {state.stored} stored, "
                               f"{state.counts.failed} failed, {_rate(state):.1f} articles/s")

    def _draw(self, state: RunState) -> None:
        # The total is counted ahead and may be an estimate (see count_inputs): never below done.
        total = None if self.total is None else max(self.total, state.done)
        self._bar.update(self._task, completed=state.done, total=total,
                         rate=f"{_rate(state):.1f}", failed=state.counts.failed)


def _rate(state: RunState) -> float:
    elapsed = time.perf_counter() - state.started
    return state.done / elapsed if elapsed > 0 else 0.0


def show_errors(console: Console, errors: list[dict], db: Path) -> None:
    """The failures of a run, listed after it (the first ones; all are in the store)."""
    if not errors:
        return
    table = Table("doc_id", "input", "error", "fix", title=f"{len(errors)} failed inputs")
    for e in errors[:_SHOWN_ERRORS]:
        table.add_row(e["doc_id"], e["input"] or "", f"{e['type']}: {e['message']}", e["fix"] or "")
    console.print(table)
    if len(errors) > _SHOWN_ERRORS:
        console.print(f"… and {len(errors) - _SHOWN_ERRORS} more: hadath query errors --db {db}")


def show_frame(console: Console, frame, fmt: str, columns: tuple[str, ...] = ()) -> None:
    """Print a query result: a table of ``columns`` (all when empty) or every column as CSV or
    JSON lines on standard output, for other programs."""
    if fmt not in FORMATS:
        raise BadOption(f"Unknown output format {fmt!r}.", f"Use one of: {', '.join(FORMATS)}.")
    frame = _dates_as_days(frame)
    if fmt == "csv":
        print(frame.to_csv(index=False), end="")
        return
    if fmt == "json":
        for record in json.loads(frame.to_json(orient="records", date_format="iso",
                                               force_ascii=False)):
            print(json.dumps(record, ensure_ascii=False))
        return
    shown = [c for c in columns if c in frame.columns] or list(frame.columns)
    table = Table(*shown)
    for row in frame[shown].itertuples(index=False):
        table.add_row(*("" if _missing(v) else str(v) for v in row))
    console.print(table)
    console.print(f"{len(frame)} rows")


def _dates_as_days(frame):
    """DuckDB DATE columns arrive as pandas timestamps: print them as the days they are."""
    frame = frame.copy()
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_datetime64_any_dtype(col) and (col.dropna() == col.dropna().dt.normalize()).all():
            frame[name] = col.dt.strftime("%Y-%m-%d")
    return frame


def _missing(value) -> bool:
    return value is None or value != value  # NaN and NaT are not equal to themselves
