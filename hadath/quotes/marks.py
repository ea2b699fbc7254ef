"""Direct quotations: the stretches between quotation marks.

Handles “…”, «…», „…“ and straight "…", and a quotation left open at the end of a paragraph: it
runs to the paragraph's end, and on into the next paragraph when that one opens with a quotation
mark again (the typographic convention for long quotes). A straight mark is an opener or a closer
by what touches it (a space before and a letter after it opens; a letter before it closes), so
one unclosed mark does not shift every later pair: an opener met before the closer leaves the
first quotation to end with its sentence.
"""
from __future__ import annotations

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT = '"'


def _straight_role(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "(:،,[") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "open" if after.isalnum() else "close"


def _straight(text: str, i: int, out: list[tuple[int, int]]) -> int:
    """Pair the straight mark at ``i`` (an opener); returns where scanning goes on."""
    para = text.find("\n", i + 1)
    para = len(text) if para == -1 else para
    j = text.find('"', i + 1, para)
    if j != -1 and _straight_role(text, j) == "open" and j - i > 1:
        # another opener before any closer: this quotation was never closed; end it with its sentence
        _add(out, text, i + 1, _sentence_end(text, i + 1, j))
        return j
    if j == -1:
        _add(out, text, i + 1, _sentence_end(text, i + 1, para))
        return para
    _add(out, text, i + 1, j)
    return j + 1


def _sentence_end(text: str, start: int, limit: int) -> int:
    for k in range(start, limit):
        if text[k] in ".!؟?" and (k + 1 >= len(text) or text[k + 1].isspace()):
            return k
    return limit


def quoted(text: str) -> list[tuple[int, int]]:
    """[start, end) of the content of each direct quotation (marks excluded), in order."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == _STRAIGHT:
            i = _straight(text, i, out) if _straight_role(text, i) == "open" else i + 1
            continue
        if ch in _PAIRS:
            close = _PAIRS[ch]
            j = text.find(close, i + 1)
            para = text.find("\n", i + 1)
            para = n if para == -1 else para
            if j == -1 or j > para and not _continues(text, para, close):
                _add(out, text, i + 1, para)  # an opening mark left open: quote to the paragraph end
                i = para + 1
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
