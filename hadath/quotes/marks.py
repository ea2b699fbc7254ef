"""Direct quotations: the stretches between quotation marks.

Handles “…”, «…», „…“ and straight "…" (paired in order of appearance), and a quotation left
open at the end of a paragraph: it runs to the paragraph's end, and on into the next paragraph
when that one opens with a quotation mark again (the typographic convention for long quotes).
"""
from __future__ import annotations

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'


def quoted(text: str) -> list[tuple[int, int]]:
    """[start, end) of the content of each direct quotation (marks excluded), in order."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _PAIRS or ch == _STRAIGHT:
            close = _PAIRS.get(ch, _STRAIGHT)
            j = text.find(close, i + 1)
            para = text.find("\n", i + 1)
            para = n if para == -1 else para
            if j == -1 or j > para and not _continues(text, para, close):
                end = para if j == -1 or j > para else j
                if ch != _STRAIGHT:  # an opening curly mark left open: quote to the paragraph end
                    _add(out, text, i + 1, end)
                i = end + 1
                continue
            _add(out, text, i + 1, j)
            i = j + 1
            continue
        i += 1
    return out


def _continues(text: str, para_end: int, close: str) -> bool:
    """The quote reopens at the start of the next paragraph and closes somewhere later."""
    k = para_end
    while k < len(text) and text[k].isspace():
        k += 1
    return k < len(text) and text[k] in "“«\"" and text.find(close, k + 1) != -1


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
