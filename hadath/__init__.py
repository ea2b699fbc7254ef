"""hadath — Arabic news to verifiable, structured political-event data.

    >>> import hadath
    >>> doc = hadath.analyze("بحث وزير الدفاع العراقي مع السفير الروسي …", published="2020-12-08")
    >>> doc.to_dict()["events"]

``analyze`` runs the default pipeline (built once per process) on one article given as text or
HTML; :class:`Pipeline` builds a custom one; :func:`extract` streams records for files.
"""
from __future__ import annotations

import logging

from .doc import Actor, Doc, Event, Mention, Participant, Place, Quote, Span, Time
from .errors import HadathError
from .pipeline import DEFAULT_STAGES, Pipeline

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["analyze", "extract", "Pipeline", "DEFAULT_STAGES", "Doc", "Span", "Mention", "Actor",
           "Participant", "Event", "Quote", "Time", "Place", "HadathError"]
__version__ = "0.1.0"

_default: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def analyze(text: str | None = None, *, title: str | None = None, published: str | None = None,
            html: str | bytes | None = None, doc_id: str = "input", url: str | None = None) -> Doc:
    """Analyse one article: plain ``text`` (with an optional ``title``) or an ``html`` page."""
    from .errors import EmptyArticle
    from .ingest import from_html, strip_boilerplate
    from .ingest.dates import check_date

    if published is not None:
        published = check_date(published)
    if html is not None:
        raw = from_html(html, name=doc_id, url=url)
        doc = Doc(doc_id, raw.title, raw.text, published or raw.published, raw.url, doc_id, raw.boilerplate)
    else:
        if not (text or title):
            raise EmptyArticle("analyze() was given no text, title or html.",
                               "Pass the article body as text=..., or a page as html=....")
        body, removed = strip_boilerplate(text or "")
        doc = Doc(doc_id, title or "", body, published, url, doc_id, removed)
    return _pipeline()(doc)


def extract(paths, *, published: str | None = None, workers: int = 1):
    """Records (dicts in the GOLD.md shape, or error records) for every article of ``paths``."""
    from .extract import extract as _extract

    return _extract(paths, published=published, workers=workers)
