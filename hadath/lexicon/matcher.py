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

from rapidfuzz.distance import Levenshtein

from ..text.normalize import fold
from ..text.tokens import Token, forms, tokenize


_FUZZY_MIN = 5  # letters in a first word before a typo in it is tolerated
_FUZZY_RANK = 99  # form_rank of a fuzzy match: after every exact reading


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
    def __init__(self, *, strip_article: bool = True, fuzzy: bool = True) -> None:
        """``strip_article=False``: a word written with ال does not match a name written without
        it ("السورية" is the adjective, not "سورية" the country). ``fuzzy=False``: no typo
        tolerance (verbs and place names are matched as written)."""
        self.strip_article = strip_article
        self.fuzzy = fuzzy
        self._index: dict[str, dict[tuple[str, ...], list[Any]]] = {}
        # multi-word entries by their second word, for typos in the first ("الوايات المتحدة")
        self._by_second: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        key = phrase_key(phrase)
        if key:
            tails = self._index.setdefault(key[0], {})
            if key[1:] not in tails and len(key) > 1 and len(key[0]) >= _FUZZY_MIN:
                self._by_second.setdefault(key[1], []).append((key[0], key[1:]))
            tails.setdefault(key[1:], []).append(payload)

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
            if not self.strip_article and "ال" + form in candidates:
                continue
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

    def fuzzy_at(self, tokens: list[Token], i: int) -> Match | None:
        """A multi-word entry whose first word is one edit away from the token and whose other
        words follow exactly: the typo "الوايات المتحدة" is "الولايات المتحدة". One edit in a long
        first word of a multi-word name does not turn an ordinary word into a name."""
        word = tokens[i].text
        if len(word) < _FUZZY_MIN or i + 1 >= len(tokens):
            return None
        for first, tail in self._by_second.get(tokens[i + 1].text, ()):
            if i + 1 + len(tail) > len(tokens) or abs(len(first) - len(word)) > 1:
                continue
            if all(tokens[i + 1 + k].text == tail[k] for k in range(len(tail))) \
                    and Levenshtein.distance(first, word, score_cutoff=1) <= 1:
                return Match(i, i + 1 + len(tail), tuple(self._index[first][tail]), _FUZZY_RANK, first)
        return None

    def find_all(self, tokens: list[Token], *, strip: bool = True) -> list[Match]:
        """Non-overlapping matches, left to right, longest first at each position; a typo in
        the first word of a multi-word entry is tolerated where nothing else matches."""
        out = []
        i = 0
        while i < len(tokens):
            m = None
            if tokens[i].is_word:
                m = self.match_at(tokens, i, strip=strip) or (self.fuzzy_at(tokens, i) if self.fuzzy else None)
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
