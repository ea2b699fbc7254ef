"""A sentence classifier: how likely a sentence reports an event of each PLOVER type.

The trigger lexicon finds candidate acts; many trigger words also occur in background, history
and opinion ("منذ اغتيال الحريري", "الهجمات الانتحارية تتزايد"). The classifier, character and
word n-gram TF-IDF with one logistic regression per type, scores the sentence so that such
mentions can be told from reports, and flags reports whose wording no trigger covers.

Training data (``python -m hadath.events.train``): the project's own hand-written labelled
sentences (``events/data/sentences_*.tsv``) and, when given, the development half of the OEDA
Arabic PROTEST/ASSAULT gold. The model ships as ``events/data/classifier.joblib``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from ..errors import ModelMissing
from ..lexicon.tsv import read_table
from ..text.normalize import fold
from .lexicon import EVENT_TYPES

DATA = Path(__file__).parent / "data"
MODEL = DATA / "classifier.joblib"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    labels: frozenset[str]  # event types the sentence reports (empty: none)
    known: frozenset[str]  # types whose label is known (OEDA rows only label one type)


def own_examples() -> list[Example]:
    out = []
    for path in sorted(DATA.glob("sentences_*.tsv")):
        for row in read_table(path).rows:
            label = row["label"]
            out.append(Example(row["sentence"], frozenset() if label == "NONE" else frozenset({label}),
                               frozenset(EVENT_TYPES)))
    return out


def oeda_examples(rows: list[dict]) -> list[Example]:
    """OEDA rows ({event_type, label, text}); "ambiguous" rows are left out."""
    out = []
    for r in rows:
        if r["label"] == "ambiguous":
            continue
        kind = r["event_type"]
        out.append(Example(r["text"], frozenset({kind}) if r["label"] == "yes" else frozenset(),
                           frozenset({kind})))
    return out


class Classifier:
    def __init__(self, features: FeatureUnion, models: dict[str, LogisticRegression]):
        self.features = features
        self.models = models
        # Scoring runs on every article: one sparse product for all types instead of a
        # predict_proba per type, and the vectorizers called directly (no FeatureUnion dispatch).
        self._vectorizers = [_with_cached_ngrams(v) for _, v in features.transformer_list]
        self._tfidf = [_Tfidf(v) for v in self._vectorizers]
        self._kinds = list(models)
        self._weights = (np.ascontiguousarray(np.vstack([models[k].coef_[0] for k in self._kinds]).T)
                         if models else np.zeros((0, 0)))
        self._bias = np.array([models[k].intercept_[0] for k in self._kinds])

    @classmethod
    def train(cls, examples: list[Example]) -> "Classifier":
        features = FeatureUnion([
            # character 3-4-grams carry stems through clitics and inflection; they score nearly
            # as well as 2-5-grams on OEDA and cost half as much on every article
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), min_df=2, sublinear_tf=True,
                                      max_features=30000)),
            ("words", TfidfVectorizer(min_df=2, sublinear_tf=True, max_features=20000)),
        ])
        X = features.fit_transform([fold(e.text) for e in examples])
        models = {}
        for kind in EVENT_TYPES:
            rows = [i for i, e in enumerate(examples) if kind in e.known]
            y = np.array([kind in examples[i].labels for i in rows])
            if y.sum() < 5 or (~y).sum() < 5:
                continue
            models[kind] = LogisticRegression(C=2.0, class_weight="balanced", max_iter=3000).fit(X[rows], y)
        return cls(features, models)

    def scores(self, sentences: list[str]) -> list[dict[str, float]]:
        if not sentences:
            return []
        folded = [fold(s) for s in sentences]
        X = sparse.hstack([v.transform(folded) for v in self._tfidf]).tocsr()
        probs = 1.0 / (1.0 + np.exp(-(X @ self._weights + self._bias)))
        return [dict(zip(self._kinds, row.tolist())) for row in probs]

    def save(self, path: Path = MODEL) -> None:
        joblib.dump({"features": self.features, "models": self.models}, path, compress=3)


class _Tfidf:
    """A fitted TF-IDF vectorizer's transform without scikit-learn's per-call input checks, which
    cost as much as the counting on the few sentences of one article. Same output: counts of the
    known terms, 1 + log for sublinear tf, times idf, rows scaled to unit length."""

    def __init__(self, vectorizer: TfidfVectorizer):
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vectorizer.vocabulary_
        self.idf = vectorizer.idf_
        self.sublinear = vectorizer.sublinear_tf
        self.width = len(vectorizer.vocabulary_)
        word_grams = getattr(vectorizer.analyzer, "word_grams", None)
        # a char_wb vectorizer: each word's known n-grams, as column numbers, remembered
        self.word_columns = lru_cache(maxsize=20_000)(
            lambda word: tuple(j for g in word_grams(word) if (j := self.vocabulary.get(g)) is not None)
        ) if word_grams else None

    def columns(self, text: str) -> list[int]:
        if self.word_columns is not None:
            return [j for word in text.lower().split() for j in self.word_columns(word)]
        return [j for t in self.analyze(text) if (j := self.vocabulary.get(t)) is not None]

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        indptr, indices, values = [0], [], []
        for text in texts:
            counts = Counter(self.columns(text))
            cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            row = (np.log(tf) + 1.0 if self.sublinear else tf) * self.idf[cols]
            norm = np.sqrt(row @ row)
            indices.append(cols)
            values.append(row / norm if norm > 0 else row)
            indptr.append(indptr[-1] + len(cols))
        return sparse.csr_matrix((np.concatenate(values) if values else np.zeros(0),
                                  np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
                                  np.array(indptr)), shape=(len(texts), self.width))


def _with_cached_ngrams(vectorizer: TfidfVectorizer) -> TfidfVectorizer:
    """Give a fitted ``char_wb`` vectorizer an analyzer that remembers each word's n-grams: news
    repeats its words, and generating n-grams is most of the classifier's cost. The n-grams are
    exactly those of scikit-learn's ``char_wb`` analyzer (lower-cased, whitespace-split, each
    word padded with a space; a word shorter than the smallest n counted once)."""
    if vectorizer.analyzer != "char_wb":
        return vectorizer
    low, high = vectorizer.ngram_range

    @lru_cache(maxsize=20_000)  # the frequent words; a larger cache costs more memory than it saves time
    def word_grams(word: str) -> tuple[str, ...]:
        w = f" {word} "
        if len(w) < low:
            return (w,)
        return tuple(w[i:i + n] for n in range(low, high + 1) for i in range(len(w) - n + 1))

    def analyze(text: str) -> list[str]:
        return [g for word in text.lower().split() for g in word_grams(word)]

    analyze.word_grams = word_grams
    vectorizer.analyzer = analyze
    return vectorizer


@lru_cache(maxsize=1)
def load_classifier(path: Path = MODEL) -> Classifier:
    if not path.exists():
        raise ModelMissing(f"The event sentence classifier {path} is missing.",
                           "Build it with: python -m hadath.events.train --shared ../shared")
    data = joblib.load(path)
    return Classifier(data["features"], data["models"])
