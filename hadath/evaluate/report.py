"""The result of an evaluation: counts per layer and article, micro P/R/F1, and its renderings."""
from __future__ import annotations

from dataclasses import dataclass, field

from rich.table import Table

LAYERS = (
    "events",
    "events_strict",
    "actors",
    "actors_strict",
    "quotes_found",
    "quotes_attributed",
    "times",
    "places",
)

# How a prediction was paired with a gold document (see hadath.evaluate.score.evaluate).
MATCHED, BY_TITLE, ERROR, MISSING = "matched", "title", "error", "missing"


@dataclass(frozen=True)
class Counts:
    """The counts of one layer, for one article or summed over a set (micro average).

    Precision and recall keep their own numerators because for actors they differ: recall counts
    the gold actors found, precision the predicted actors that match some gold actor, and several
    predicted actors may match one gold actor. For the one-to-one layers the two are equal.

    ``tp`` = gold items found, ``fn`` = gold items not found, ``fp`` = predicted items that
    match nothing.

    Empty sides: P is ``pred_matched / pred``; when there are no predictions it is 1.0 if there is
    also nothing in gold (nothing to find, nothing wrongly found) and 0.0 otherwise. R is
    ``gold_found / gold``; when gold is empty it is 1.0 if there are also no predictions and 0.0
    otherwise. So a layer empty on both sides scores 1.0, and against an empty prediction every
    layer with gold items scores 0.0.
    """

    gold: int = 0
    pred: int = 0
    gold_found: int = 0
    pred_matched: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.pred + other.pred,
            self.gold_found + other.gold_found,
            self.pred_matched + other.pred_matched,
        )

    @property
    def tp(self) -> int:
        return self.gold_found

    @property
    def fp(self) -> int:
        return self.pred - self.pred_matched

    @property
    def fn(self) -> int:
        return self.gold - self.gold_found

    @property
    def precision(self) -> float:
        if self.pred == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.pred_matched / self.pred

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.pred == 0 else 0.0
        return self.gold_found / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.gold,
            "pred": self.pred,
            "gold_found": self.gold_found,
            "pred_matched": self.pred_matched,
        }


@dataclass(frozen=True)
class ArticleScore:
    """One gold document: how its prediction was found (``status``) and its counts per layer.

    ``status`` is ``matched`` (same doc_id), ``title`` (matched by title), ``error`` (the
    prediction is an error record, scored as empty) or ``missing`` (no prediction, scored as
    empty). ``prediction_id`` is the doc_id of the prediction used, if it has one."""

    doc_id: str
    status: str
    prediction_id: str | None
    layers: dict[str, Counts]

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "status": self.status,
            "prediction_id": self.prediction_id,
            "layers": {name: counts.to_dict() for name, counts in self.layers.items()},
        }


@dataclass(frozen=True)
class Report:
    """Scores of a prediction set against a gold set.

    ``articles`` has one entry per gold document, in gold order; ``ignored`` lists the doc_ids of
    predictions that matched no gold document (predictions without a doc_id appear as None)."""

    articles: list[ArticleScore]
    ignored: list[str | None] = field(default_factory=list)

    @property
    def layers(self) -> dict[str, Counts]:
        """Counts of each layer summed over the articles (micro average)."""
        totals = {name: Counts() for name in LAYERS}
        for article in self.articles:
            for name in LAYERS:
                totals[name] += article.layers[name]
        return totals

    def doc_ids(self, status: str) -> list[str]:
        """The gold doc_ids whose prediction has ``status`` (see :class:`ArticleScore`)."""
        return [a.doc_id for a in self.articles if a.status == status]

    @property
    def documents(self) -> dict:
        """How the gold documents were paired with predictions: counts, and the doc_ids behind
        every count but the plain matches."""
        ids = {
            "matched_by_title": self.doc_ids(BY_TITLE),
            "missing": self.doc_ids(MISSING),
            "errors": self.doc_ids(ERROR),
            "ignored": self.ignored,
        }
        return {
            "gold": len(self.articles),
            "matched": len(self.doc_ids(MATCHED)) + len(ids["matched_by_title"]),
            **{name: len(values) for name, values in ids.items()},
            "ids": ids,
        }

    def to_dict(self) -> dict:
        """JSON-ready form of the whole report (what ``hadath evaluate --json`` prints)."""
        return {
            "documents": self.documents,
            "layers": {name: counts.to_dict() for name, counts in self.layers.items()},
            "articles": [article.to_dict() for article in self.articles],
        }

    def table(self) -> Table:
        """The micro scores as a terminal table, with the document counts as caption."""
        docs = self.documents
        table = Table(
            title=f"hadath evaluation: {docs['gold']} gold documents",
            caption=(
                f"matched {docs['matched']} ({docs['matched_by_title']} by title), "
                f"missing {docs['missing']}, error records {docs['errors']}, "
                f"ignored predictions {docs['ignored']}"
            ),
        )
        table.add_column("layer")
        for name in ("P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(name, justify="right")
        for name, c in self.layers.items():
            table.add_row(
                name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)
            )
        return table
