"""The scorer: hadath's output (or any system's) against gold annotation, as GOLD.md defines it.

``load_gold`` and ``load_predictions`` read the files, ``evaluate`` pairs predictions with gold
documents and returns a :class:`Report` with micro P/R/F1 per layer and per article;
``gold_as_prediction`` turns a gold document into a prediction that must score 1.0.
"""
from hadath.evaluate.convert import gold_as_prediction
from hadath.evaluate.io import load_gold, load_predictions
from hadath.evaluate.report import LAYERS, ArticleScore, Counts, Report
from hadath.evaluate.score import evaluate
from hadath.evaluate.strings import normalize, overlap

__all__ = [
    "LAYERS",
    "ArticleScore",
    "Counts",
    "Report",
    "evaluate",
    "gold_as_prediction",
    "load_gold",
    "load_predictions",
    "normalize",
    "overlap",
]
