"""The ``hadath`` command: thin commands that check their arguments and call the library.

The library never configures logging; this module does, for the command line only.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import HadathError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="hadath: Arabic news to verifiable PLOVER event data.")
console = Console(stderr=True)


def _fail(exc: HadathError) -> None:
    console.print(f"[red]error[/red] {exc.message}")
    if exc.fix:
        console.print(f"[yellow]fix[/yellow] {exc.fix}")
    raise typer.Exit(2)


def _check_date(value: Optional[str]) -> Optional[str]:
    from .ingest.dates import check_date
    try:
        return check_date(value) if value else None
    except HadathError as exc:
        _fail(exc)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="JSONL(.gz) corpora, HTML or text files, directories, or - for stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output JSONL file (default: standard output)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that have none."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    progress: bool = typer.Option(True, help="Show a progress line on the terminal."),
) -> None:
    """Analyse every article and write one JSON line per article (or per error)."""
    from .extract import extract as run_extract

    date = _check_date(published)
    sink = open(out, "w", encoding="utf-8") if out else sys.stdout
    done = errors = 0
    try:
        for record in run_extract(inputs, published=date, workers=workers):
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            done += 1
            errors += "error" in record
            if progress and out and done % 500 == 0:
                console.print(f"{done} articles, {errors} errors", end="\r")
    finally:
        if out:
            sink.close()
    console.print(f"{done} records written ({done - errors} articles, {errors} errors)"
                  + (f" to {out}" if out else ""))


@app.command()
def analyze(
    path: str = typer.Argument(..., help="A text or HTML file, or - for stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) if the input has none."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON record instead of the report."),
) -> None:
    """A readable report of one article: actors, events, quotes, times and places."""
    from .extract import extract as run_extract
    from .report import render

    date = _check_date(published)
    for record in run_extract([path], published=date):
        if as_json:
            print(json.dumps(record, ensure_ascii=False, indent=1))
        else:
            render(record, Console())
        if "error" in record:
            raise typer.Exit(1)


@app.command()
def evaluate(
    gold: list[Path] = typer.Option(..., "--gold", help="Gold directory or files (repeatable)."),
    pred: Path = typer.Option(..., "--pred", help="Predictions JSONL (the output of hadath extract)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
) -> None:
    """Score predictions against gold annotation as ../shared/GOLD.md defines it."""
    from .evaluate import evaluate as score, load_gold, load_predictions

    try:
        report = score(load_gold(gold), load_predictions(pred))
    except HadathError as exc:
        _fail(exc)
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        Console().print(report.table())


DEFAULT_DB = Path("hadath.duckdb")  # hadath.store.DEFAULT_DB, without importing DuckDB at start-up
Db = Annotated[Path, typer.Option("--db", help="The store file (DuckDB).")]
Fmt = Annotated[str, typer.Option("--format", help="table (terminal), csv, or json (one object a line).")]
# Filters the query commands share, declared once.
EventType = Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")]
Start = Annotated[Optional[str], typer.Option(help="First day (YYYY-MM-DD).")]
End = Annotated[Optional[str], typer.Option(help="Last day (YYYY-MM-DD).")]
Country = Annotated[Optional[str], typer.Option(help="Country code: events there or involving it.")]
Limit = Annotated[Optional[int], typer.Option(help="At most this many rows.")]


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="JSONL(.gz) corpora, HTML or text files, directories, or - for stdin."),
    db: Db = DEFAULT_DB,
    workers: int = typer.Option(1, min=1, help="Local worker processes."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS", help="Run on the Dask scheduler at ADDRESS (tcp://HOST:8786)."),
    dask_local: Optional[int] = typer.Option(None, "--dask-local", metavar="N", help="Run on a local Dask cluster of N workers."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that have none."),
    batch_size: int = typer.Option(500, min=1, help="Articles per transaction."),
    progress: bool = typer.Option(True, help="Show progress."),
) -> None:
    """Analyse articles and store them, skipping those already stored unchanged."""
    from .batch import backend_for
    from .store import count_inputs, ingest as run_ingest
    from .store.display import ProgressDisplay, show_errors

    date = _check_date(published)
    if dask is not None or dask_local is not None:
        import distributed  # noqa: F401  (importing it sets its loggers to INFO: one line per event)
        logging.getLogger("distributed").setLevel(logging.WARNING)
    try:
        backend = backend_for(workers, dask, dask_local)
        total = None
        if progress and "-" not in inputs:
            with console.status("counting articles…"):
                total = count_inputs(inputs)
        with ProgressDisplay(console, total, enabled=progress) as display:
            report = run_ingest(inputs, db, backend=backend, published=date,
                                batch_size=batch_size, total=total, progress=display.update)
    except HadathError as exc:
        _fail(exc)
    c = report.counts
    console.print(f"run {report.run_id}: {c.added} added, {c.replaced} replaced, {c.skipped} "
                  f"unchanged, {c.failed} failed in {report.seconds:.1f}s → {db}")
    show_errors(console, report.errors, db)


query_app = typer.Typer(no_args_is_help=True, help="Read the store: ready queries or read-only SQL.")
app.add_typer(query_app, name="query")

def _query(db: Path, fmt: str, call, columns: tuple[str, ...] = ()) -> None:
    """Open the store, run ``call(store)`` and print the resulting DataFrame."""
    from .store import Store
    from .store.display import show_frame

    try:
        with Store(db) as store:
            frame = call(store)
        show_frame(Console(), frame, fmt, columns)
    except HadathError as exc:
        _fail(exc)


EVENT_COLUMNS = ("event_id", "day", "event", "mode", "actor_text", "actor_code", "recipient_text",
                 "recipient_code", "place_country", "event_text")


@query_app.command("events")
def query_events(
    type: EventType = None,
    actor: Optional[str] = typer.Option(None, help="Actor code in capitals (IRQ), or else part of its text or English name."),
    recipient: Optional[str] = typer.Option(None, help="Recipient code in capitals, or else part of its text or English name."),
    country: Country = None,
    start: Start = None,
    end: End = None,
    limit: Limit = 50,
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Article-level events, filtered."""
    _query(db, fmt, lambda s: s.events(type=type, actor=actor, recipient=recipient, country=country,
                                      start=start, end=end, limit=limit), EVENT_COLUMNS)


@query_app.command("dataset-events")
def query_dataset_events(
    type: EventType = None,
    actor: Optional[str] = typer.Option(None, help="Actor country code."),
    recipient: Optional[str] = typer.Option(None, help="Recipient country code."),
    country: Country = None,
    start: Start = None,
    end: End = None,
    limit: Limit = 50,
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Merged dataset events (one per real-world event, with its reports counted)."""
    _query(db, fmt, lambda s: s.dataset_events(type=type, actor=actor, recipient=recipient,
                                              country=country, start=start, end=end, limit=limit),
           ("dataset_event_id", "first_day", "last_day", "event", "actor_codes", "recipient_codes",
            "place_country", "n_articles", "sources"))


@query_app.command("pairs")
def query_pairs(
    limit: int = typer.Option(20, help="Number of pairs."),
    type: EventType = None,
    start: Start = None,
    end: End = None,
    dataset: bool = typer.Option(False, help="Count merged dataset events, not article reports."),
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """The most frequent actor-recipient country pairs."""
    _query(db, fmt, lambda s: s.top_pairs(limit=limit, type=type, start=start, end=end,
                                         dataset=dataset))


@query_app.command("per-day")
def query_per_day(
    type: EventType = None,
    start: Start = None,
    end: End = None,
    dataset: bool = typer.Option(False, help="Count merged dataset events, not article reports."),
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Event counts per day."""
    _query(db, fmt, lambda s: s.counts_per_day(type=type, start=start, end=end, dataset=dataset))


@query_app.command("per-type")
def query_per_type(
    start: Start = None,
    end: End = None,
    dataset: bool = typer.Option(False, help="Count merged dataset events, not article reports."),
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Event counts per PLOVER type."""
    _query(db, fmt, lambda s: s.counts_per_type(start=start, end=end, dataset=dataset))


@query_app.command("errors")
def query_errors(
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Inputs that could not be read and articles the pipeline failed on."""
    _query(db, fmt, lambda s: s.errors(), ("doc_id", "input", "type", "message", "fix"))


@query_app.command("duplicates")
def query_duplicates(
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Near-duplicate article pairs (wire copies, republished stories)."""
    _query(db, fmt, lambda s: s.duplicates(),
           ("doc_id", "other_id", "similarity", "source", "other_source", "title"))


@query_app.command("runs")
def query_runs(
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """The ingest runs that built the store."""
    _query(db, fmt, lambda s: s.runs())


@query_app.command("sql")
def query_sql(
    query: str = typer.Argument(..., help="One SELECT (or WITH, DESCRIBE, SHOW, EXPLAIN) statement."),
    db: Db = DEFAULT_DB,
    fmt: Fmt = "table",
) -> None:
    """Run read-only SQL on the store; statements that write are refused."""
    _query(db, fmt, lambda s: s.sql(query))


@app.command()
def export(
    fmt: str = typer.Argument(..., metavar="FORMAT", help="plover (JSONL), csv, or parquet (a directory partitioned by year and month)."),
    out: Path = typer.Argument(..., help="Output file (plover, csv) or directory (parquet)."),
    db: Db = DEFAULT_DB,
    dataset: bool = typer.Option(False, help="Export merged dataset events instead of article-level events."),
    overwrite: bool = typer.Option(False, help="Replace OUT if it exists."),
) -> None:
    """Write the store's events as PLOVER JSONL, CSV or Parquet."""
    from .store import Store, export as run_export

    try:
        with Store(db) as store:
            report = run_export(store, fmt, out, dataset=dataset, overwrite=overwrite)
    except HadathError as exc:
        _fail(exc)
    console.print(f"{report.rows} {'dataset events' if dataset else 'events'} written to {report.path}")
    if report.undated:
        console.print(f"[yellow]{report.undated} undated events left out[/yellow]: Parquet files them "
                      "by date. Ingest undated inputs with --published YYYY-MM-DD to date them.")


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, envvar="HADATH_TOKEN", help="Enable POST /api/ingest for clients sending Authorization: Bearer TOKEN (the server then holds the store as its only writer)."),
) -> None:
    """Serve the HTTP API (docs at /docs) and the web interface (at /) over the store."""
    from .serve import create_app
    import uvicorn

    try:
        application = create_app(db, token=token)
    except HadathError as exc:
        _fail(exc)
    mode = "ingest enabled with the token" if token else "read-only"
    console.print(f"hadath serve: {db} ({mode}) on http://{host}:{port}/ — API docs at /docs")
    uvicorn.run(application, host=host, port=port, log_config=None)


@app.command()
def ner(path: str = typer.Argument(..., help="CoNLL tokens: one token a line (other columns ignored), "
                                            "a blank line between sentences; - for stdin.")) -> None:
    """Named entities (IOB2, PERS LOC ORG MISC) of CoNLL tokens: prints "token TAG" lines."""
    from .ner.conll import tag_conll

    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    except OSError as exc:
        console.print(f"[red]error[/red] cannot read {path}: {exc.strerror}.")
        raise typer.Exit(2)
    try:
        with stream:
            for line in tag_conll(stream):
                print(line)
    except HadathError as exc:
        _fail(exc)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
