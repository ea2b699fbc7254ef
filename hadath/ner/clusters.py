"""Distributional word clusters: words that occur in the same contexts in Arabic news share a
cluster id (ترامب، أردوغان، ماكرون، بوتين …; رويترز، بلومبرغ، الأناضول …).

They let the tagger generalize from the names of its training data (ANERcorp, 2000s news) to
names it never saw, which is what it is for. Built from the ANT corpus (2018 news; SaudiNewsNet is
left out because its licence is non-commercial): PPMI of the words at distance 1 and 2 on either
side, reduced by SVD, then k-means at three granularities. Words are folded like everything else.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..text.normalize import fold
from ..text.tokens import tokenize

CLUSTERS = Path(__file__).parent / "data" / "clusters.tsv"
CORPUS = Path("corpus/ant-2018.jsonl.gz")
LEVELS = (64, 256, 1024)
_MIN_COUNT = 5
_CONTEXTS = 3000  # the most frequent words serve as context
_DIMS = 100
# The header of docs/lexicons.md, which every data/*.tsv file of hadath carries.
_HEADER = """\
# lexicon: clusters — distributional word clusters, features of the NER tagger (hadath.ner)
# source: built by python -m hadath.ner.build from ../shared/corpus/{corpus} (ANT corpus v2.1,
#         Chouigui et al.): PPMI of the words at distance 1 and 2, SVD to {dims} dimensions,
#         k-means at k = {levels}
# licence: derived word statistics of the ANT corpus (Apache-2.0 per its README; cite Chouigui et al.)
# known problems: cluster ids are arbitrary and change when the clusters are rebuilt (the NER
#         model is retrained with them); words seen fewer than {min_count} times have no cluster
# columns: {columns}
"""


@lru_cache(maxsize=1)
def load_clusters() -> dict[str, tuple[str, ...]]:
    """Folded word -> its cluster id at each level; empty when the file was not built."""
    if not CLUSTERS.exists():
        return {}
    out = {}
    shared: dict[str, str] = {}  # one string object per cluster id, not one per word
    with open(CLUSTERS, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, *ids = line.rstrip("\n").split("\t")
                out[word] = tuple(shared.setdefault(i, i) for i in ids)
    return out


def build_clusters(corpus: Path, out: Path = CLUSTERS) -> int:
    """Cluster the words of ``corpus`` (JSONL.gz articles) seen at least :data:`_MIN_COUNT`
    times, write them to ``out``, and return how many were written."""
    # Imported here: only the build needs them, and tagging should not pay for their import.
    import scipy.sparse as sp
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    ids, words = _token_ids(corpus)
    counts = np.bincount(ids[ids >= 0], minlength=len(words))
    order = np.argsort(-counts, kind="stable")
    order = order[counts[order] >= _MIN_COUNT]
    # word id -> vocabulary rank, -1 for rare words; the extra last slot keeps boundaries at -1
    rank = np.full(len(words) + 1, -1, dtype=np.int64)
    rank[order] = np.arange(len(order))
    seq = rank[ids]

    columns = []
    for slot, offset in enumerate((-2, -1, 1, 2)):
        w, c = (seq[:-offset], seq[offset:]) if offset > 0 else (seq[-offset:], seq[:offset])
        keep = (w >= 0) & (c >= 0) & (c < _CONTEXTS)
        columns.append(sp.coo_matrix((np.ones(keep.sum(), np.float32), (w[keep], c[keep] + slot * _CONTEXTS)),
                                     shape=(len(order), 4 * _CONTEXTS)))
    pairs = sum(m.tocsr() for m in columns)
    row_sum = np.asarray(pairs.sum(1)).ravel()
    col_sum = np.asarray(pairs.sum(0)).ravel() ** 0.75  # smoothed context distribution (Levy et al.)
    pairs = pairs.tocoo()
    pmi = np.log(pairs.data * col_sum.sum() / (row_sum[pairs.row] * col_sum[pairs.col]))
    positive = pmi > 0
    ppmi = sp.csr_matrix((pmi[positive], (pairs.row[positive], pairs.col[positive])), shape=pairs.shape)
    vectors = normalize(TruncatedSVD(_DIMS, random_state=0).fit_transform(ppmi))
    labels = [MiniBatchKMeans(k, random_state=0, batch_size=4096, n_init=1).fit(vectors).labels_ for k in LEVELS]

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(_HEADER.format(corpus=corpus.name, levels=", ".join(map(str, LEVELS)), min_count=_MIN_COUNT,
                               dims=_DIMS, columns="\t".join(["word", *(f"k{k}" for k in LEVELS)])))
        for r, word_id in enumerate(order):
            f.write(words[word_id] + "".join(f"\t{lab[r]}" for lab in labels) + "\n")
    load_clusters.cache_clear()
    return len(order)


def _token_ids(corpus: Path) -> tuple[np.ndarray, list[str]]:
    """Every token of the corpus as an id into the returned word list, two -1 between articles (so
    no context within distance 2 crosses from one article into the next)."""
    index: dict[str, int] = {}
    ids: list[int] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            text = fold(f"{article.get('title') or ''}\n{article.get('text') or ''}")
            ids.extend(index.setdefault(t.text, len(index)) for t in tokenize(text))
            ids += (-1, -1)
    return np.array(ids, dtype=np.int64), list(index)
