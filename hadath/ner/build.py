"""Build the NER model: ``python -m hadath.ner.build [--shared PATH]``.

1. Word clusters from the ANT news corpus (:mod:`hadath.ner.clusters`).
2. Training data (:func:`hadath.ner.corpus.training_data`): ANERcorp train without its held-out
   tenth (every sentence whose 0-based index in file order is 9 mod 10), plus the NewsFANE
   sentences that are not in ANERcorp, mapped to PERS LOC ORG MISC.
3. c1/c2 chosen on a development tenth of the training data (never on the held-out tenth), then
   the model is trained on all training data and written to hadath/ner/data/model.crfsuite.
4. Entity-level P/R/F1 on the held-out tenth, overall and per type (exact span and type).
5. hadath/actors/data/given_names.tsv from the training data's person names.

Everything is deterministic: the same data, lexicons and library versions give the same model.
The model depends on hadath's lexicons (gazetteer features): rebuild it when they change.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pycrfsuite

from ..errors import HadathError, InputNotFound
from .clusters import CORPUS, build_clusters
from .corpus import training_data
from .features import Featurizer
from .model import MODEL, Tagger
from .names import GIVEN_NAMES, given_names, write_given_names
from .score import evaluate, format_scores, score

GRID = ((0.02, 0.01), (0.05, 0.01), (0.1, 0.01), (0.05, 0.05))  # (c1, c2); c1 also prunes
MAX_ITERATIONS = 150  # development F1 is flat from about 100 on
MAX_MODEL_BYTES = 8_000_000
_REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hadath.ner.build", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("HADATH_SHARED", _REPO.parent / "shared")),
                        help="the project's shared/ directory (default: ../shared, or $HADATH_SHARED)")
    shared = parser.parse_args(argv).shared
    for needed in (shared / "data" / "ner", shared / CORPUS):
        if not needed.exists():
            raise InputNotFound(f"{needed} not found: the build reads the NER corpora and the ANT news corpus.",
                                "Pass the project's shared/ directory with --shared PATH.", source=str(needed))
    started = time.monotonic()

    print(f"word clusters: {build_clusters(shared / CORPUS)} words from {CORPUS}", flush=True)
    train, heldout = training_data(shared)
    print(f"training sentences: {len(train)}; held-out: {len(heldout)}", flush=True)

    featurizer = Featurizer()
    xs = [featurizer.sentence([w for w, _ in s]) for s in train]
    ys = [[t for _, t in s] for s in train]
    c1, c2 = _tune(xs, ys)
    size = _train(xs, ys, c1, c2, MODEL)
    print(f"model: {MODEL} ({size / 1e6:.1f} MB, c1={c1}, c2={c2})")
    if size > MAX_MODEL_BYTES:
        print(f"warning: the model is over {MAX_MODEL_BYTES / 1e6:.0f} MB; raise c1 in GRID", file=sys.stderr)

    print("held-out tenth of ANERcorp, entity level (exact span and type):")
    print(format_scores(evaluate(Tagger(MODEL), heldout)))

    names = given_names(train)
    write_given_names(names)
    print(f"given names: {len(names)} written to {GIVEN_NAMES}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 0


def _tune(xs: list, ys: list) -> tuple[float, float]:
    """The (c1, c2) of :data:`GRID` with the best entity F1 on every tenth training sentence
    (index 8 mod 10) when trained on the others."""
    dev = [i for i in range(len(xs)) if i % 10 == 8]
    rest = [i for i in range(len(xs)) if i % 10 != 8]
    path = MODEL.with_suffix(".tuning")
    best = None
    for c1, c2 in GRID:
        _train([xs[i] for i in rest], [ys[i] for i in rest], c1, c2, path)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        f1 = score((ys[i], tagger.tag(xs[i])) for i in dev)["all"].f1
        tagger.close()
        print(f"  c1={c1:<5} c2={c2:<5} development F1 {f1:.4f}", flush=True)
        if best is None or f1 > best[0]:
            best = (f1, c1, c2)
    path.unlink()
    return best[1], best[2]


def _train(xs: list, ys: list, c1: float, c2: float, path: Path) -> int:
    """Train with L-BFGS, write the model to ``path`` atomically, return its size in bytes."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS})
    partial = path.with_name(path.name + ".partial")
    trainer.train(str(partial))
    os.replace(partial, path)
    return path.stat().st_size


if __name__ == "__main__":
    try:
        sys.exit(main())
    except HadathError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
