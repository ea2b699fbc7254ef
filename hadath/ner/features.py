"""Token features for the CRF tagger: per token a list of binary feature names, as UTF-8 bytes
(the form crfsuite converts fastest: no dicts, no values, no re-encoding).

Speed matters more here than anywhere else in hadath: the tagger runs over every token of every
article. Everything that depends on one word only (folded form, clitic-stripped stems, affixes,
shape, word cluster, the lexicon entries that can start at it) is computed once per distinct
word and cached; a sentence then concatenates cached tuples. At tagging time the cache also
drops every feature the model has no weight for (crfsuite would ignore it, but only after paying
for its conversion and lookup).

The gazetteer features come from hadath's lexicons (:func:`hadath.lexicon.entries.load`): there
are none when no lexicon file is present, and the model has weights for whatever lexicons
existed when it was built, so **rebuild the model (python -m hadath.ner.build) whenever the
lexicons change**; the same holds for the word clusters (:mod:`hadath.ner.clusters`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..lexicon.entries import load
from ..text.normalize import fold
from ..text.tokens import forms
from .clusters import load_clusters

# Lexicon entry kinds -> the gazetteer feature they give. Nisbas (عراقي), roles and generic
# institutions are kept apart from names: they sit next to entities rather than being them.
_GAZ_KIND = {
    "person": "per", "person_short": "per",
    "country": "loc", "capital": "loc", "seat": "seat",
    "org": "org", "institution": "inst", "role": "role", "nisba": "nisba",
}
# Distinct words cached (about 0.5 kB each); the cache is emptied when full, and refills with the
# frequent words within a few articles.
_CACHE_SIZE = 100_000


@dataclass(frozen=True, slots=True)
class _Word:
    folded: str
    gaz_forms: tuple[str, ...]  # its clitic forms that start a lexicon entry, least stripped first
    own: tuple[bytes, ...]  # features of the word itself
    left2: tuple[bytes, ...]  # what it contributes as the word two before another
    left1: tuple[bytes, ...]
    right1: tuple[bytes, ...]
    right2: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class _Gaz:
    """The gazetteer features a lexicon match gives the word it covers and its neighbours."""

    own: tuple[bytes, ...] = ()
    as_left: tuple[bytes, ...] = ()  # for the word after it
    as_right: tuple[bytes, ...] = ()  # for the word before it


_NO_GAZ = _Gaz()
# Sentence padding: the word before the first contributes BOS, the one after the last EOS.
_BEFORE = _Word("", (), (), (), (b"BOS",), (), ())
_AFTER = _Word("", (), (), (), (), (b"EOS",), ())
_NOTHING = _Word("", (), (), (), (), (), ())


class Featurizer:
    """Sentence features. ``keep``: the feature names a trained model knows (tagging), or None
    (training: every feature)."""

    def __init__(self, keep: Iterable[bytes] | None = None):
        # the model's own bytes objects, so that cached words share them instead of each
        # holding a copy of b"p1=ا"
        self._keep = {b: b for b in keep} if keep is not None else None
        self._cache: dict[str, _Word] = {}
        self._gaz_cache: dict[tuple[str, tuple[str, ...]], _Gaz] = {}

    def sentence(self, words: list[str]) -> list[list[bytes]]:
        """One feature list per word (raw or folded words: both are folded here)."""
        cache = self._cache
        info = [_NOTHING, _BEFORE]
        for w in words:
            wi = cache.get(w)
            if wi is None:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                wi = cache[w] = self._word(w)
            info.append(wi)
        info += (_AFTER, _NOTHING)
        out = [[*info[i - 2].left2, *info[i - 1].left1, *info[i].own, *info[i + 1].right1, *info[i + 2].right2]
               for i in range(2, len(info) - 2)]
        gaz = self._gazetteer(info[2:-2])
        if gaz:
            gaz = [_NO_GAZ, *gaz, _NO_GAZ]
            for i, f in enumerate(out, 1):
                f += (*gaz[i - 1].as_left, *gaz[i].own, *gaz[i + 1].as_right)
        return out

    def _word(self, raw: str) -> _Word:
        w = fold(raw)
        stems = forms(w)
        core = stems[-1]  # the most stripped reading: والرئيس -> رئيس
        own = [f"w={w}", f"len={min(len(w), 8)}",
               f"p1={w[:1]}", f"p2={w[:2]}", f"p3={w[:3]}", f"p4={w[:4]}",
               f"x1={w[-1:]}", f"x2={w[-2:]}", f"x3={w[-3:]}", f"x4={w[-4:]}",
               f"c={core}", f"cp2={core[:2]}", f"cx2={core[-2:]}"]
        own += (f"s={s}" for s in stems[1:])
        if any(s.startswith("ال") for s in stems):
            own.append("al")
        if any(c.isdigit() for c in w):
            own.append("digit")
        if any("a" <= c <= "z" or "A" <= c <= "Z" for c in w):
            own.append("latin")
        if not any(c.isalnum() for c in w):
            own.append(f"punct={w}")
        clusters = load_clusters()
        ids = clusters.get(w) or clusters.get(core)
        if ids:
            own += (f"k{level}={cid}" for level, cid in enumerate(ids))
        index = _gazetteer_index()
        return _Word(
            w, tuple(s for s in stems if s in index), self._filter(own), self._filter([f"w-2={w}"]),
            self._filter([f"w-1={w}", f"s-1={core}"]), self._filter([f"w+1={w}", f"s+1={core}"]),
            self._filter([f"w+2={w}"]))

    def _filter(self, names: list[str]) -> tuple[bytes, ...]:
        if self._keep is None:
            return tuple(n.encode() for n in names)
        return tuple(k for k in map(self._keep.get, (n.encode() for n in names)) if k is not None)

    def _gazetteer(self, info: list[_Word]) -> list[_Gaz] | None:
        """Per word, the features of the lexicon match covering it ("gB=per" starts a person
        name, "gI=org" continues an organisation), matched like PhraseMatcher.find_all: left to
        right, the longest entry at each word (the least stripped form on equal length), no
        overlaps; but exact matches only, without its typo tolerance. None when nothing matched."""
        index = _gazetteer_index()
        out: list[_Gaz] | None = None
        n = len(info)
        i = 0
        while i < n:
            best = None  # (entry length, kinds)
            for form in info[i].gaz_forms:
                tails, lengths = index[form]
                for length in lengths:
                    if best is not None and length + 1 <= best[0] or i + 1 + length > n:
                        continue
                    kinds = tails.get(tuple(wi.folded for wi in info[i + 1:i + 1 + length]))
                    if kinds is not None:
                        best = (length + 1, kinds)
                        break
            if best is None:
                i += 1
                continue
            if out is None:
                out = [_NO_GAZ] * n
            out[i] = self._gaz_features("B", best[1])
            for j in range(i + 1, i + best[0]):
                out[j] = self._gaz_features("I", best[1])
            i += best[0]
        return out

    def _gaz_features(self, position: str, kinds: tuple[str, ...]) -> _Gaz:
        g = self._gaz_cache.get((position, kinds))
        if g is None:
            names = [f"g{position}={k}" for k in kinds]
            g = self._gaz_cache[(position, kinds)] = _Gaz(
                self._filter(names), self._filter(["-1" + x for x in names]), self._filter(["+1" + x for x in names]))
        return g


@lru_cache(maxsize=1)
def _gazetteer_index() -> dict[str, tuple[dict[tuple[str, ...], tuple[str, ...]], tuple[int, ...]]]:
    """The lexicon matcher's entries by first word: (tail -> gazetteer kinds, tail lengths
    longest first). Looking up the few tail lengths beats scanning every tail of a frequent
    first word (رئيس starts hundreds of entries)."""
    tails: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    for key, payloads in load().matcher.entries():
        kinds = tuple(sorted({_GAZ_KIND.get(getattr(p, "kind", ""), "other") for p in payloads}))
        tails.setdefault(key[0], {})[key[1:]] = kinds
    return {first: (t, tuple(sorted({len(k) for k in t}, reverse=True))) for first, t in tails.items()}
