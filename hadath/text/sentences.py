"""Sentence splitting for Arabic news.

Splits after . ! ? ؟ … and at line breaks; never at the Arabic comma "،" (Arabic news writes
whole paragraphs as one comma-joined sentence, and the clause structure inside is what the event
coder needs). A period after a one-letter abbreviation (د. م. أ.) or a known abbreviation does
not end a sentence; closing quotes and brackets after the final mark stay with the sentence.
"""
from __future__ import annotations

import regex

from .normalize import fold

_END_RE = regex.compile(r"[.!?؟…]+[\"'”»)\]]*(?=\s|$)|\n+")
# One-letter abbreviations (د. = doctor, م. = engineer / AD, أ. = professor) and common short ones.
_ABBREVIATIONS = frozenset({"ق.م", "ص.ب", "هـ", "ه", "ت", "ج"})


def split(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of ``text``, leading/trailing whitespace excluded."""
    spans = []
    start = 0
    for m in _END_RE.finditer(text):
        if m.group()[0] == "." and _is_abbreviation(text, m.start()):
            continue
        _append(spans, text, start, m.end())
        start = m.end()
    _append(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = fold(text[word_start:dot]).strip("(«\"'")
    if not word:
        return False
    if len(word) == 1 and "\u0621" <= word <= "\u064a":
        return True
    return word in _ABBREVIATIONS or text[dot + 1: dot + 2].isdigit()


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
