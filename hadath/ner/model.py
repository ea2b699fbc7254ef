"""The shipped CRF model: load it once per process, tag sentences, read entities off the tags."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pycrfsuite

from ..errors import ModelMissing
from .features import Featurizer

MODEL = Path(__file__).parent / "data" / "model.crfsuite"


class Tagger:
    """IOB2 tagger with the types PERS LOC ORG MISC.

    Not thread-safe: crfsuite keeps the sentence being tagged inside the tagger. :func:`load_tagger`
    gives one per process; threads that tag at the same time need a ``Tagger(MODEL)`` each."""

    def __init__(self, path: Path):
        self._crf = pycrfsuite.Tagger()
        try:
            self._crf.open(str(path))
        except (OSError, ValueError) as err:
            raise ModelMissing(f"The NER model {path} cannot be read ({err}).",
                               "Rebuild it with: python -m hadath.ner.build", source=str(path)) from err
        self._featurizer = Featurizer(keep={attr.encode() for attr, _ in self._crf.info().state_features})

    def tag(self, words: list[str]) -> list[str]:
        """One IOB2 tag per word; words raw or folded (features fold them)."""
        if not words:
            return []
        return self._crf.tag(self._featurizer.sentence(words))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger:
    if not MODEL.exists():
        raise ModelMissing(f"The NER model {MODEL} is missing.",
                           "Build it with: python -m hadath.ner.build", source=str(MODEL))
    return Tagger(MODEL)


def entities(words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity of a tagged sentence, end exclusive."""
    if len(words) != len(tags):
        raise ValueError(f"{len(words)} words but {len(tags)} tags")
    return spans(tags)


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of each entity in IOB2 tags, read like conlleval: an I- tag that does
    not continue an entity of its type starts one."""
    out = []
    start = None
    kind = None
    for i, tag in enumerate(tags):
        continues = tag.startswith("I-") and kind == tag[2:]
        if start is not None and not continues:
            out.append((start, i, kind))
            start = kind = None
        if tag != "O" and not continues:
            start, kind = i, tag[2:]
    if start is not None:
        out.append((start, len(tags), kind))
    return out
