"""Phrase matching over the tokens of a folded view.

Entries are token sequences of folded text, stored in a token trie. Lookup starts at the first
token, tried in every clitic form of the text token (:func:`hadath.text.tokens.forms`), and walks
the following tokens exactly, keeping the longest entry met. This is the token-level equivalent of an Aho-Corasick automaton, chosen
because a token's segmentation is ambiguous: the candidate forms of one token are alternatives,
which a character automaton over one string cannot express.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from rapidfuzz.distance import Levenshtein

from ..text.normalize import fold
from ..text.tokens import Token, forms, tokenize


_END = "\x00"  # trie key under which an entry's payloads are kept (no token is the NUL character)
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
        self._trie: dict = {}  # token -> child node; _END -> payloads of the entry ending here
        # multi-word entries by their second word, for typos in the first ("الوايات المتحدة")
        self._by_second: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        node = self._trie
        for token in key:
            node = node.setdefault(token, {})
        if _END not in node and len(key) > 1 and len(key[0]) >= _FUZZY_MIN:
            self._by_second.setdefault(key[1], []).append((key[0], key[1:]))
        node.setdefault(_END, []).append(payload)

    def _node(self, key: tuple[str, ...]) -> dict | None:
        node = self._trie
        for token in key:
            node = node.get(token)
            if node is None:
                return None
        return node

    def lookup_word(self, word: str) -> list[Any]:
        """The payloads of a one-word entry, for an already folded word."""
        node = self._trie.get(word)
        return list(node.get(_END, ())) if node else []

    def match_at(self, tokens: list[Token], i: int, *, strip: bool = True) -> Match | None:
        """Longest entry starting at token ``i`` (least-stripped form first on equal length)."""
        best: Match | None = None
        candidates = forms(tokens[i].text) if strip else (tokens[i].text,)
        for rank, form in enumerate(candidates):
            node = self._trie.get(form)
            if node is None or not self.strip_article and "ال" + form in candidates:
                continue
            # "الضربات الجوية" for "ضربات جوية": once the article is stripped from the noun, the
            # adjectives agreeing with it lose theirs too
            definite = strip and self.strip_article and "ال" + form in candidates
            j = i + 1
            while node is not None:
                if _END in node and (best is None or j - i > best.end - best.start):
                    best = Match(i, j, tuple(node[_END]), rank, form)
                if j >= len(tokens):
                    break
                word = tokens[j].text
                nxt = node.get(word)
                if nxt is None and definite and word.startswith("ال"):
                    nxt = node.get(word[2:])
                node = nxt
                j += 1
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
                return Match(i, i + 1 + len(tail), tuple(self._node((first, *tail))[_END]), _FUZZY_RANK, first)
        return None

    def find_all(self, tokens: list[Token], *, strip: bool = True) -> list[Match]:
        """Non-overlapping matches, left to right, longest first at each position; a typo in
        the first word of a multi-word entry is tolerated where nothing else matches."""
        out = []
        i = 0
        while i < len(tokens):
            m = None
            if tokens[i].is_word:
                m = self.match_at(tokens, i, strip=strip)
                if m is None and self.fuzzy and i + 1 < len(tokens) and tokens[i + 1].text in self._by_second:
                    m = self.fuzzy_at(tokens, i)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.end
        return out

    def entries(self) -> Iterable[tuple[tuple[str, ...], list[Any]]]:
        stack: list[tuple[tuple[str, ...], dict]] = [((), self._trie)]
        while stack:
            key, node = stack.pop()
            for token, child in node.items():
                if token == _END:
                    yield key, child
                else:
                    stack.append(((*key, token), child))
