"""``POST /api/analyze``: one article in, its full analysis out, without touching the store."""
from __future__ import annotations

import threading

from fastapi import APIRouter

from ... import analyze as run_analysis
from ..models import ERRORS, AnalyzeRequest

router = APIRouter(tags=["analysis"], responses=ERRORS)

# The pipeline is built once per process and its stages are not written for concurrent use;
# analysis holds the GIL almost throughout, so running one at a time costs no throughput.
_pipeline_lock = threading.Lock()


@router.post("/api/analyze", summary="Analyse one article")
def analyze(body: AnalyzeRequest) -> dict:
    """Analyse plain text (with an optional title) or an HTML page, and return the article's
    analysis in the shape of ``Doc.to_dict()``: title, text, actors, events, quotes, times and
    places, each with spans into the returned title or text. Bodies over the server's size limit
    are refused with 413."""
    with _pipeline_lock:
        doc = run_analysis(body.text, title=body.title, published=body.published,
                           html=body.html, url=body.url)
    return doc.to_dict()
