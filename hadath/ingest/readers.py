"""Every input the user names — files, directories, "-" for stdin — as a stream of articles.

Each input yields RawArticles or an InputFailure, never nothing and never an exception: one
unreadable file must not stop a run over thousands (DESIGN.md, batch failure policy). Only a bad
argument to the call itself (the default date) raises, before anything is read.
"""
from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import HadathError, InputNotFound, UnreadableInput, UnsupportedInputType
from .article import InputFailure, RawArticle
from .dates import check_date
from .encoding import decode
from .html import from_html
from .jsonl import iter_jsonl
from .plain import from_plain
from .stdin import iter_stdin

# Suffix (lower case) -> format. Longest first, so that ".jsonl.gz" wins over a bare ".gz".
SUFFIXES = ((".jsonl.gz", "jsonl"), (".jsonl", "jsonl"), (".html", "html"), (".htm", "html"),
            (".txt", "text"))

Item = RawArticle | InputFailure


def iter_inputs(paths: Sequence[str], *, published: str | None = None) -> Iterator[Item]:
    """Articles from ``paths`` in order; ``published`` (YYYY-MM-DD) dates the ones without a date.

    Raises BadDate at once for a malformed ``published``; everything else is reported per input.
    """
    default = check_date(published) if published is not None else None
    return _iter(paths, default)


def _iter(paths: Sequence[str], default: str | None) -> Iterator[Item]:
    for given in paths:
        # sys.stdin is looked up here, not at import, so that a replaced stdin is the one read.
        items = iter_stdin(sys.stdin) if given == "-" else _iter_path(Path(given), given)
        for item in items:
            if default and isinstance(item, RawArticle) and item.published is None:
                item = replace(item, published=default)
            yield item


def _iter_path(path: Path, given: str) -> Iterator[Item]:
    if path.is_dir():
        yield from _iter_dir(path)
    elif path.exists():
        yield from _iter_file(path)
    else:
        yield InputFailure(_doc_id(path, _split(path.name)[0]), given, InputNotFound(
            f"Input {given} does not exist.",
            "Check the path (relative paths start at the current directory); use - to read "
            "standard input.", source=given))


def _iter_dir(root: Path) -> Iterator[Item]:
    errors: list[OSError] = []
    found = False  # an input file, or an unreadable directory that was reported
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # sorted: a reproducible order
        found = found or bool(errors)
        yield from _unreadable_dirs(errors)
        for name in sorted(files):
            if not name.startswith(".") and _split(name)[1] is not None:
                found = True
                yield from _iter_file(Path(folder) / name)
    found = found or bool(errors)
    yield from _unreadable_dirs(errors)  # the root itself, or the last directory visited
    if not found:
        where = str(root)
        yield InputFailure(_doc_id(root, root.name), where, InputNotFound(
            f"Directory {where} contains no input file.",
            f"Put {', '.join(s for s, _ in SUFFIXES)} or suffix-less text files in it, or name "
            "the files directly.", source=where))


def _unreadable_dirs(errors: list[OSError]) -> Iterator[Item]:
    for err in errors:
        where = str(err.filename)
        yield InputFailure(_doc_id(Path(where), Path(where).name), where, UnreadableInput(
            f"Directory {where} cannot be read ({err.strerror}).", "Check its permissions.",
            source=where))
    errors.clear()


def _iter_file(path: Path) -> Iterator[Item]:
    stem, kind = _split(path.name)
    name = str(path)
    doc_id = _doc_id(path, stem)
    if kind is None:
        known = ", ".join(s for s, _ in SUFFIXES)
        yield InputFailure(doc_id, name, UnsupportedInputType(
            f"{name} is not a format hadath reads (by its suffix).",
            f"Give a {known} file or a file without suffix (plain text); convert other formats "
            "first.", source=name))
        return
    try:
        if kind == "jsonl":
            opener = gzip.open if name.lower().endswith(".gz") else open
            with opener(path, "rb") as f:
                yield from iter_jsonl(f, name=name, stem=stem)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputFailure(doc_id, name, UnreadableInput(
            f"{name} cannot be read ({exc.strerror or exc}).",
            "Check that the file exists and that you may read it.", source=name))
        return
    try:
        item: Item = (from_html(data, name=name, doc_id=doc_id) if kind == "html"
                      else from_plain(decode(data, name), doc_id=doc_id, source=name))
    except HadathError as exc:
        item = InputFailure(doc_id, name, exc)
    yield item


def _split(filename: str) -> tuple[str, str | None]:
    """(stem, format) of a file name; format None when the suffix is not one hadath reads."""
    lower = filename.lower()
    for suffix, kind in SUFFIXES:
        if lower.endswith(suffix) and len(filename) > len(suffix):
            return filename[: -len(suffix)], kind
    if "." not in filename.lstrip("."):
        return filename, "text"  # no suffix: plain text, like the seed articles
    return Path(filename).stem, None


def _doc_id(path: Path, stem: str) -> str:
    """``<parent folder>/<stem>``: unique across a corpus laid out one folder per source."""
    parent = path.absolute().parent.name
    return f"{parent}/{stem}" if parent else stem
