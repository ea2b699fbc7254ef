"""Token features for the CRF tagger, as lists of binary feature strings (the form crfsuite reads
fastest: no dicts, no values).

Speed matters more than anywhere else in hadath: the tagger runs over every token of every
article. Everything that depends on one word only (its folded form, stems, affixes, shape) is
computed once per distinct word and cached; a sentence then only concatenates cached tuples and
adds the gazetteer matches, which depend on the neighbours.

The gazetteer features come from hadath's lexicons (:func:`hadath.lexicon.entries.load`): they
are empty when no lexicon file is present, and the model learns weights for whatever lexicons
existed when it was built, so **rebuild the model (python -m hadath.ner.build) whenever the
lexicons change**.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.entries import load
from ..text.normalize import fold
from ..text.tokens import Token, forms

# Lexicon entry kinds -> the gazetteer feature they give. Nisbas (عراقي) and generic institutions
# are kept apart from names: they sit next to entities rather than being them.
_GAZ_KIND = {
    "person": "per", "person_short": "per",
    "country": "loc", "capital": "loc", "seat": "seat",
    "org": "org", "institution": "inst", "role": "role", "nisba": "nisba",
}


@dataclass(frozen=True, slots=True)
class _Word:
    folded: str
    own: tuple[str, ...]  # features of the word itself
    left2: str  # what it contributes as the word two before another
    left1: tuple[str, ...]
    right1: tuple[str, ...]
    right2: str


@lru_cache(maxsize=200_000)
def _word(raw: str) -> _Word:
    w = fold(raw)
    stems = forms(w)
    core = stems[-1]  # the most stripped reading
    own = [f"w={w}", f"len={min(len(w), 8)}", f"p1={w[:1]}", f"p2={w[:2]}", f"p3={w[:3]}",
           f"x1={w[-1:]}", f"x2={w[-2:]}", f"x3={w[-3:]}"]
    own.extend(f"s={s}" for s in stems[1:])
    if any(s.startswith("ال") for s in stems):
        own.append("al")
    if any(c.isdigit() for c in w):
        own.append("digit")
    if any("a" <= c <= "z" or "A" <= c <= "Z" for c in w):
        own.append("latin")
    if not any(c.isalnum() for c in w):
        own.append(f"punct={w}")
    import os
    X = os.environ.get("NERX", "")
    if "a4" in X:
        own += [f"p4={w[:4]}", f"x4={w[-4:]}"]
    if "cs" in X:
        own += [f"c={core}", f"cx2={core[-2:]}", f"cp2={core[:2]}"]
    if "cl" in X:
        c = _CL().get(w) or _CL().get(core)
        if c:
            own += [f"k64={c[0]}", f"k256={c[1]}", f"k1k={c[2]}"]
            if "nb" in X:
                return _Word(w, tuple(own), f"w-2={w}", (f"w-1={w}", f"s-1={core}", f"k-1={c[1]}"), (f"w+1={w}", f"s+1={core}", f"k+1={c[1]}"), f"w+2={w}")
    return _Word(w, tuple(own), f"w-2={w}", (f"w-1={w}", f"s-1={core}"), (f"w+1={w}", f"s+1={core}"), f"w+2={w}")


@lru_cache(maxsize=1)
def _CL():
    return {l.split("\t")[0]: l.rstrip("\n").split("\t")[1:] for l in open("/tmp/ner/clusters.tsv", encoding="utf-8")}
import os
BIG = "bi" in os.environ.get("NERX", "")
def sentence_features(words: list[str]) -> list[list[str]]:
    """One feature list per word of a sentence (raw or folded words: both are folded here)."""
    info = [_word(w) for w in words]
    gaz = _gazetteer([wi.folded for wi in info])
    n = len(info)
    out = []
    for i, wi in enumerate(info):
        f = list(wi.own)
        if i >= 2:
            f.append(info[i - 2].left2)
        if i >= 1:
            f.extend(info[i - 1].left1)
        else:
            f.append("BOS")
        if i + 1 < n:
            f.extend(info[i + 1].right1)
        else:
            f.append("EOS")
        if i + 2 < n:
            f.append(info[i + 2].right2)
        if BIG and i >= 1:
            f.append(f"b-={info[i-1].folded}|{wi.folded}")
        if BIG and i + 1 < n:
            f.append(f"b+={wi.folded}|{info[i+1].folded}")
        if gaz:
            f.extend(gaz[i])
            if i >= 1:
                f.extend("-1" + g for g in gaz[i - 1])
            if i + 1 < n:
                f.extend("+1" + g for g in gaz[i + 1])
        out.append(f)
    return out


def _gazetteer(folded: list[str]) -> list[tuple[str, ...]] | None:
    """Per folded word, the lexicon matches covering it ("gB=per" starts a person name, "gI=org"
    continues an organisation); None when no lexicon matched anything."""
    matcher = load().matcher
    tokens = [Token(0, 0, t, t[:1].isalnum()) for t in folded]
    matches = matcher.find_all(tokens)
    if not matches:
        return None
    out: list[tuple[str, ...]] = [()] * len(folded)
    for m in matches:
        kinds = sorted({_GAZ_KIND.get(getattr(p, "kind", ""), "other") for p in m.payloads})
        out[m.start] = tuple(f"gB={k}" for k in kinds)
        for j in range(m.start + 1, m.end):
            out[j] = tuple(f"gI={k}" for k in kinds)
    return out
