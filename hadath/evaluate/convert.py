"""Gold documents in the shape of a prediction, to check the scorer against the gold itself."""
from __future__ import annotations

import copy


def gold_as_prediction(gold_doc: dict) -> dict:
    """The prediction a perfect system would output for ``gold_doc``.

    Actors get ``mentions`` made of their entity_text and aliases; quotes become ``text`` =
    quote_start with ``speaker`` = speaker; places are copied without ``level``, so that they are
    matched on their point; events and times are copied as they are. Scoring the result against
    ``gold_doc`` gives 1.0 in every layer, which is what the scorer's tests check.
    """
    return {
        "doc_id": gold_doc.get("doc_id"),
        "title": gold_doc.get("title"),
        "actors": [
            {**copy.deepcopy(actor), "mentions": [{"text": name} for name in _names(actor)]}
            for actor in gold_doc.get("actors") or []
        ],
        "events": copy.deepcopy(gold_doc.get("events") or []),
        "quotes": [
            {"text": quote.get("quote_start"), "speaker": quote.get("speaker")}
            for quote in gold_doc.get("quotes") or []
        ],
        "times": copy.deepcopy(gold_doc.get("times") or []),
        "places": [
            {k: copy.deepcopy(v) for k, v in place.items() if k != "level"}
            for place in gold_doc.get("places") or []
        ],
    }


def _names(actor: dict) -> list[str]:
    return [name for name in [actor.get("entity_text"), *(actor.get("aliases") or [])] if name]
