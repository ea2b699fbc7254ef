"""Token features for the CRF tagger: per token a list of binary feature names, as UTF-8 bytes
(the form crfsuite converts fastest: no dicts, no values, no re-encoding).

Speed matters more here than anywhere else in hadath: the tagger runs over every token of every
article. Everything that depends on one word only (folded form, clitic-stripped stems, affixes,
shape, word cluster, whether a lexicon entry can start at it) is computed once per distinct word
and cached; a sentence then concatenates cached tuples and runs the lexicon matcher only where an
entry can start. At tagging time the cache also drops every feature the model has no weight for
(crfsuite would ignore it, but only after paying for its conversion and lookup).

The gazetteer features come from hadath's lexicons (:func:`hadath.lexicon.entries.load`): there
are none when no lexicon file is present, and the model has weights for whatever lexicons
existed when it was built, so **rebuild the model (python -m hadath.ner.build) whenever the
lexicons change**; the same holds for the word clusters (:mod:`hadath.ner.clusters`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.entries import load
from ..text.normalize import fold
from ..text.tokens import Token, forms
from .clusters import load_clusters

# Lexicon entry kinds -> the gazetteer feature they give. Nisbas (عراقي), roles and generic
# institutions are kept apart from names: they sit next to entities rather than being them.
_GAZ_KIND = {
    "person": "per", "person_short": "per",
    "country": "loc", "capital": "loc", "seat": "seat",
    "org": "org", "institution": "inst", "role": "role", "nisba": "nisba",
}
_CACHE_SIZE = 300_000  # distinct words; a 62k-article corpus has about this many


@dataclass(frozen=True, slots=True)
class _Word:
    folded: str
    gaz_start: bool  # some clitic form of the word starts a lexicon entry
    own: tuple[bytes, ...]  # features of the word itself
    left2: tuple[bytes, ...]  # what it contributes as the word two before another
    left1: tuple[bytes, ...]
    right1: tuple[bytes, ...]
    right2: tuple[bytes, ...]


class Featurizer:
    """Sentence features. ``keep``: the feature names a trained model knows (tagging), or None
    (training: every feature)."""

    def __init__(self, keep: frozenset[bytes] | None = None):
        self._keep = keep
        self._cache: dict[str, _Word] = {}

    def sentence(self, words: list[str]) -> list[list[bytes]]:
        """One feature list per word (raw or folded words: both are folded here)."""
        cache = self._cache
        info = []
        for w in words:
            wi = cache.get(w)
            if wi is None:
                if len(cache) >= _CACHE_SIZE:
                    cache.clear()
                wi = cache[w] = self._word(w)
            info.append(wi)
        gaz = _gazetteer(info)
        keep = self._keep
        n = len(info)
        out = []
        for i, wi in enumerate(info):
            f = list(wi.own)
            f += info[i - 2].left2 if i >= 2 else ()
            f += info[i - 1].left1 if i >= 1 else _BOS
            f += info[i + 1].right1 if i + 1 < n else _EOS
            f += info[i + 2].right2 if i + 2 < n else ()
            if gaz:
                g = gaz[i]
                prev = tuple(b"-1" + x for x in gaz[i - 1]) if i >= 1 else ()
                nxt = tuple(b"+1" + x for x in gaz[i + 1]) if i + 1 < n else ()
                f += (x for x in g + prev + nxt if keep is None or x in keep)
            out.append(f)
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
        first = _gazetteer_first_words()
        return _Word(
            w, any(s in first for s in stems), self._filter(own), self._filter([f"w-2={w}"]),
            self._filter([f"w-1={w}", f"s-1={core}"]), self._filter([f"w+1={w}", f"s+1={core}"]),
            self._filter([f"w+2={w}"]))

    def _filter(self, names: list[str]) -> tuple[bytes, ...]:
        encoded = (n.encode() for n in names)
        return tuple(encoded if self._keep is None else (b for b in encoded if b in self._keep))


_BOS = (b"BOS",)
_EOS = (b"EOS",)


@lru_cache(maxsize=1)
def _gazetteer_first_words() -> frozenset[str]:
    return frozenset(key[0] for key, _ in load().matcher.entries())


def _gazetteer(info: list[_Word]) -> list[tuple[bytes, ...]] | None:
    """Per word, the lexicon matches covering it (b"gB=per" starts a person name, b"gI=org"
    continues an organisation), matched like :meth:`PhraseMatcher.find_all` (left to right,
    longest first, no overlaps); None when nothing matched."""
    starts = [i for i, wi in enumerate(info) if wi.gaz_start]
    if not starts:
        return None
    matcher = load().matcher
    tokens = [Token(0, 0, wi.folded, True) for wi in info]
    out: list[tuple[bytes, ...]] = [()] * len(info)
    found = False
    covered = 0  # index after the last match
    for i in starts:
        if i < covered:
            continue
        m = matcher.match_at(tokens, i)
        if m is None:
            continue
        found = True
        kinds = sorted({_GAZ_KIND.get(getattr(p, "kind", ""), "other") for p in m.payloads})
        out[i] = tuple(f"gB={k}".encode() for k in kinds)
        for j in range(i + 1, m.end):
            out[j] = tuple(f"gI={k}".encode() for k in kinds)
        covered = m.end
    return out if found else None
