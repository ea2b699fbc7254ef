"""Pairing of predictions with gold documents, and the scoring of the whole set."""
from __future__ import annotations

from hadath.errors import GoldFormatError, PredictionFormatError
from hadath.evaluate.layers import score_article
from hadath.evaluate.report import BY_TITLE, ERROR, MATCHED, MISSING, ArticleScore, Report
from hadath.evaluate.shape import check_gold, check_prediction, is_error_record
from hadath.evaluate.strings import normalize


def evaluate(gold: list[dict], pred: list[dict]) -> Report:
    """Score predictions against gold documents (micro P/R/F1 per layer, see :class:`Report`).

    A gold document takes the prediction with its doc_id. When there is none, it takes the first
    unused prediction whose normalized title equals its own and whose doc_id names no gold
    document: an article extracted from a text file gets another doc_id than its gold file but
    keeps its title. An error record, or no prediction at all, is scored as an empty prediction
    (status ``error`` / ``missing``). Predictions that pair with no gold document are ignored and
    listed in ``Report.ignored``.

    Raises :class:`GoldFormatError` / :class:`PredictionFormatError` for a document of the wrong
    shape, and when two gold documents, or two predictions, share a doc_id: which of two
    predictions to score would be a guess.
    """
    gold = [check_gold(doc, _where("gold document", i, doc)) for i, doc in enumerate(gold)]
    pred = [check_prediction(doc, _where("prediction", i, doc)) for i, doc in enumerate(pred)]
    gold_ids = _index_ids(gold, "gold documents", GoldFormatError, "give every gold document its own doc_id.")
    pred_ids = _index_ids(
        pred, "predictions", PredictionFormatError, "keep one prediction (or error record) per article."
    )

    by_title: dict[str, list[int]] = {}
    for j, doc in enumerate(pred):
        # A prediction whose doc_id is a gold doc_id belongs to that document only.
        if doc.get("doc_id") not in gold_ids and normalize(doc.get("title") or ""):
            by_title.setdefault(normalize(doc["title"]), []).append(j)

    used: set[int] = set()
    articles = []
    for doc in gold:
        j, status = pred_ids.get(doc["doc_id"]), MATCHED
        if j is None:
            candidates = by_title.get(normalize(doc.get("title") or ""), [])
            j, status = next((k for k in candidates if k not in used), None), BY_TITLE
        if j is None:
            prediction, status = {}, MISSING
        else:
            used.add(j)
            prediction = pred[j]
            if is_error_record(prediction):
                status = ERROR
        scored = {} if status in (ERROR, MISSING) else prediction
        articles.append(ArticleScore(doc["doc_id"], status, prediction.get("doc_id"), score_article(doc, scored)))

    ignored = [doc.get("doc_id") for j, doc in enumerate(pred) if j not in used]
    return Report(articles, ignored)


def _where(kind: str, index: int, doc: object) -> str:
    doc_id = doc.get("doc_id") if isinstance(doc, dict) else None
    return f"{kind} {doc_id!r}" if isinstance(doc_id, str) else f"{kind} #{index + 1}"


def _index_ids(
    docs: list[dict], kind: str, error: type[GoldFormatError | PredictionFormatError], fix: str
) -> dict[str, int]:
    """Map each doc_id to the position of its document; a repeated doc_id is an error."""
    index: dict[str, int] = {}
    for i, doc in enumerate(docs):
        doc_id = doc.get("doc_id")
        if doc_id is None:
            continue
        if doc_id in index:
            raise error(f"doc_id {doc_id!r} appears twice ({kind} #{index[doc_id] + 1} and #{i + 1}).", fix,
                        source=doc_id)
        index[doc_id] = i
    return index
