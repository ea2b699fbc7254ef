"""The ``hadath`` command: thin commands that check their arguments and call the library.

The library never configures logging; this module does, for the command line only.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

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


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
