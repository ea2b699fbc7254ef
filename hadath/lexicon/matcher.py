"""Phrase matching over the tokens of a folded view.

Entries are token sequences of folded text. Lookup is a hash of the first token, tried in every
clitic form of the text token (:func:`hadath.text.tokens.forms`), followed by an exact comparison
of the remaining tokens. This is the token-level equivalent of an Aho-Corasick automaton, chosen
because a token's segmentation is ambiguous: the candidate forms of one token are alternatives,
which a character automaton over one string cannot express.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..text.normalize import fold
from ..text.tokens import Token, forms, tokenize


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # index of the first token
    end: int  # index after the last token
    payloads: tuple[Any, ...]
    form_rank: int  # 0 when the first token matched as written, higher when clitics were stripped
    form: str = ""  # the form of the first token that matched


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(fold(phrase)))


class PhraseMatcher:
    def __init__(self) -> None:
        self._index: dict[str, dict[tuple[str, ...], list[Any]]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        key = phrase_key(phrase)
        if key:
            self._index.setdefault(key[0], {}).setdefault(key[1:], []).append(payload)

    def __contains__(self, phrase: str) -> bool:
        key = phrase_key(phrase)
        return bool(key) and key[1:] in self._index.get(key[0], {})

    def lookup(self, phrase: str) -> list[Any]:
        key = phrase_key(phrase)
        return list(self._index.get(key[0], {}).get(key[1:], ())) if key else []

    def match_at(self, tokens: list[Token], i: int, *, strip: bool = True) -> Match | None:
        """Longest entry starting at token ``i`` (least-stripped form first on equal length)."""
        best: Match | None = None
        candidates = forms(tokens[i].text) if strip else (tokens[i].text,)
        for rank, form in enumerate(candidates):
            tails = self._index.get(form)
            if not tails:
                continue
            for tail, payloads in tails.items():
                n = len(tail)
                if best is not None and n + 1 <= best.end - best.start:
                    continue
                if i + 1 + n > len(tokens):
                    continue
                if all(tokens[i + 1 + k].text == tail[k] for k in range(n)):
                    best = Match(i, i + 1 + n, tuple(payloads), rank, form)
        return best

    def find_all(self, tokens: list[Token], *, strip: bool = True) -> list[Match]:
        """Non-overlapping matches, left to right, longest first at each position."""
        out = []
        i = 0
        while i < len(tokens):
            m = self.match_at(tokens, i, strip=strip) if tokens[i].is_word else None
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.end
        return out

    def entries(self) -> Iterable[tuple[tuple[str, ...], list[Any]]]:
        for first, tails in self._index.items():
            for tail, payloads in tails.items():
                yield (first, *tail), payloads
