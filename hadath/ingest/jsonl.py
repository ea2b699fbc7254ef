"""Articles from JSON Lines: one ``{"doc_id","title","text","published","url"}`` object a line.

Lines are read one at a time (a corpus file has tens of thousands of articles), and a bad line
becomes an :class:`InputFailure` for that line while reading goes on.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator

from ..errors import (BadInputRecord, EmptyArticle, HadathError, UnreadableInput,
                      UnsupportedEncoding)
from .article import InputFailure, RawArticle
from .boilerplate import strip_boilerplate
from .dates import date_part
from .encoding import normalize_newlines

_FIX = ('Write one JSON object per line with "title" and/or "text" (strings) and optionally '
        '"doc_id", "published" (ISO 8601), "url".')


def iter_jsonl(lines: Iterable[bytes | str], *, name: str,
               stem: str) -> Iterator[RawArticle | InputFailure]:
    """Read JSONL ``lines`` of the input ``name``; records without a doc_id get ``stem:line``."""
    it = iter(lines)
    number = 0
    records = 0
    while True:
        try:
            raw = next(it)
        except StopIteration:
            break
        except (OSError, EOFError, zlib.error) as exc:
            # A truncated or corrupt .gz breaks off mid-file: report where, keep what was read.
            where = f"{name}:{number + 1}"
            yield InputFailure(f"{stem}:{number + 1}", where, UnreadableInput(
                f"{name} could not be read beyond line {number} ({exc}).",
                "Check the file (gzip -t FILE); re-download or re-compress it.", source=where))
            return
        number += 1
        where = f"{name}:{number}"
        doc_id = f"{stem}:{number}"
        try:
            obj = _parse(raw, number == 1, where)
            if obj is None:
                continue
            records += 1
            doc_id = _doc_id(obj, doc_id, where)
            item: RawArticle | InputFailure = _article(obj, doc_id, where)
        except HadathError as exc:
            records += 1
            item = InputFailure(doc_id, where, exc)
        yield item
    if not records:  # an empty file would otherwise pass without a trace
        yield InputFailure(stem, name, EmptyArticle(
            f"{name} contains no records.", "Check the file; JSONL has one JSON object a line.",
            source=name))


def _parse(raw: bytes | str, first: bool, where: str) -> dict | None:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnsupportedEncoding(
                f"{where} is not UTF-8 (invalid byte at column {exc.start + 1}).",
                "JSONL must be UTF-8: convert the file, e.g. iconv -f CP1256 -t UTF-8.",
                source=where) from exc
    if first:
        raw = raw.removeprefix("\ufeff")
    if not raw.strip():
        return None  # blank lines separate nothing and carry nothing
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadInputRecord(f"{where} is not valid JSON ({exc.msg} at column {exc.colno}).",
                             _FIX, source=where) from exc
    if not isinstance(obj, dict):
        raise BadInputRecord(f"{where} is a JSON {type(obj).__name__}, not an object.", _FIX,
                             source=where)
    return obj


def _doc_id(obj: dict, default: str, where: str) -> str:
    doc_id = obj.get("doc_id")
    if doc_id is None or doc_id == "":
        return default
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return str(doc_id)
    if not isinstance(doc_id, str):
        raise BadInputRecord(f"{where}: doc_id is a {type(doc_id).__name__}, not a string.", _FIX,
                             source=where)
    return doc_id


def _article(obj: dict, doc_id: str, where: str) -> RawArticle:
    title, text, url = (_string(obj, key, where) for key in ("title", "text", "url"))
    if not title.strip() and not text.strip():
        raise BadInputRecord(f"{where} ({doc_id}) has neither a title nor a text.",
                             "Give the record a title or a text, or remove the line.",
                             source=where)
    published = obj.get("published")
    if published in (None, ""):
        published = None
    elif isinstance(published, str):
        published = date_part(published, source=where)
    else:
        raise BadInputRecord(f"{where}: published is a {type(published).__name__}, not a string.",
                             _FIX, source=where)
    body, removed = strip_boilerplate(normalize_newlines(text))
    return RawArticle(doc_id=doc_id, title=normalize_newlines(title).strip(), text=body,
                      published=published, url=url or None, source=where, boilerplate=removed)


def _string(obj: dict, key: str, where: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadInputRecord(f"{where}: {key} is a {type(value).__name__}, not a string.", _FIX,
                             source=where)
    return value
