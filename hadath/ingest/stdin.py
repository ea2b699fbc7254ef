"""Standard input ("-"): JSONL, an HTML page or a plain-text article, told apart by their start.

JSONL is read line by line, so a corpus can be piped through; a page or a text is read whole.
The raw bytes are used where the stream has them, so that stdin gets the same encoding rules as
files (Windows-1256, UTF-16); a text-only stream (a test's StringIO) is taken as it is.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import IO

from ..errors import HadathError
from .article import InputFailure, RawArticle
from .encoding import decode, normalize_newlines
from .html import from_html
from .jsonl import iter_jsonl
from .plain import from_plain

NAME = "<stdin>"
DOC_ID = "stdin"


def iter_stdin(stream: IO) -> Iterator[RawArticle | InputFailure]:
    source = getattr(stream, "buffer", None) or stream
    lines = iter(source)
    head = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if head and _starts_json(head[-1]):
        yield from iter_jsonl(chain(head, lines), name=NAME, stem=DOC_ID)
        return
    rest = source.read()
    try:
        if isinstance(rest, bytes):
            text = decode(b"".join(head) + rest, NAME)
        else:
            text = normalize_newlines("".join(head) + rest).removeprefix("\ufeff")
    except HadathError as exc:
        yield InputFailure(DOC_ID, NAME, exc)
        return
    start = text.lstrip()
    if start.startswith("{"):  # JSONL in an encoding that had to be decoded first (UTF-16)
        yield from iter_jsonl(text.split("\n"), name=NAME, stem=DOC_ID)
        return
    try:
        item: RawArticle | InputFailure = (
            from_html(text, name=NAME, doc_id=DOC_ID) if start.startswith("<")
            else from_plain(text, doc_id=DOC_ID, source=NAME))
    except HadathError as exc:
        item = InputFailure(DOC_ID, NAME, exc)
    yield item


def _starts_json(line: bytes | str) -> bool:
    if isinstance(line, bytes):
        return line.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")
    return line.removeprefix("\ufeff").lstrip().startswith("{")
