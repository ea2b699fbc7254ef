"""Statistical Arabic named-entity recognition (PERS LOC ORG MISC) for the names no lexicon knows.

A linear-chain CRF (crfsuite, CPU only) over word, stem, affix, word-cluster and lexicon features.
The shipped model (data/model.crfsuite) is built by ``python -m hadath.ner.build`` from ANERcorp
and NewsFANE in ../shared/data/ner; it is scored on ANERcorp's held-out tenth, every sentence
whose 0-based index in file order is 9 mod 10, which is never trained on. Rebuild it whenever
hadath's lexicons change: their matches are features.
"""
from .model import Tagger, entities, load_tagger

__all__ = ["Tagger", "entities", "load_tagger"]
