"""Tokens of a folded view, and the clitic analyses used to match them against lexicons.

Arabic attaches conjunctions, prepositions, the future particle and the article to the front of
a word (و ف ب ل ك س ال) and pronouns to its end (ه ها هم …). Rather than commit to one
segmentation, :func:`forms` lists every plausible stem of a token, least stripped first, and the
matchers look each of them up: a lexicon entry then decides which reading is real ("بايدن" is
found as itself before "ايدن" is ever tried).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

_TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]")
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ني", "ه")
_MIN_STEM = 2


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a folded view: [start, end) in the view, its folded text, word or punctuation."""

    start: int
    end: int
    text: str
    is_word: bool


def tokenize(text: str) -> list[Token]:
    """Words (letters, marks, digits) and single punctuation characters of a folded string."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        out.append(Token(m.start(), m.end(), s, s[0].isalnum() or s[0] == "_"))
    return out


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """Candidate stems of a folded word, the word itself first, without duplicates.

    Covers: conjunction (و ف), then preposition (ب ل ك) or future س before an imperfect
    prefix, then the article (with ل + ال written لل), then one enclitic pronoun.
    """
    seen: dict[str, None] = {word: None}
    heads = [word]
    for conj in _CONJ:
        if word.startswith(conj) and len(word) - 1 >= _MIN_STEM:
            heads.append(word[1:])
    for head in list(heads):
        if head.startswith("لل") and len(head) > 3:
            heads.append("ال" + head[2:])
        for prep in _PREP:
            if head.startswith(prep) and len(head) - 1 >= _MIN_STEM:
                heads.append(head[1:])
        if head.startswith("س") and len(head) > 3 and head[1] in "يتنا":
            heads.append(head[1:])
    for head in list(heads):
        if head.startswith("ال") and len(head) - 2 >= _MIN_STEM:
            heads.append(head[2:])
    for head in heads:
        seen.setdefault(head, None)
    for head in heads:
        for enc in _ENCLITICS:
            if head.endswith(enc) and len(head) - len(enc) >= 3:
                stem = head[: -len(enc)]
                seen.setdefault(stem, None)
                if stem.endswith("ت"):  # حكومته → حكومت → حكومه (teh marbuta before a pronoun)
                    seen.setdefault(stem[:-1] + "ه", None)
                break
    return tuple(seen)
