"""CoNLL in, CoNLL out, for ``hadath ner FILE``.

Input: one token a line in the first whitespace-separated column (further columns, such as a
gold tag, are ignored), a blank line between sentences. Output: ``token TAG`` lines, IOB2 with
PERS LOC ORG MISC, a blank line after each sentence.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..errors import BadInputRecord
from .model import Tagger, load_tagger


def tag_conll(lines: Iterable[str]) -> Iterator[str]:
    """Tag the sentences of CoNLL ``lines`` (with or without line ends); yields the output lines
    without line ends.

    Raises :class:`BadInputRecord` naming the line for a token line that starts with whitespace:
    its first column is empty, so the columns are shifted and no token can be read from it."""
    tagger = load_tagger()
    sentence: list[str] = []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            if sentence:
                yield from _tagged(tagger, sentence)
                sentence = []
            continue
        if line[0].isspace():
            raise BadInputRecord(
                f"CoNLL line {number} has no token in its first column: {line[:40]!r}.",
                "Put the token first on the line, then any further columns after a space or tab.",
                source=f"line {number}")
        sentence.append(line.split(None, 1)[0])
    if sentence:
        yield from _tagged(tagger, sentence)


def _tagged(tagger: Tagger, sentence: list[str]) -> Iterator[str]:
    for token, tag in zip(sentence, tagger.tag(sentence)):
        yield f"{token} {tag}"
    yield ""
