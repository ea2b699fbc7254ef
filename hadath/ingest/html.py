"""An article out of a news web page: title, main text, publication date and URL (trafilatura).

Extraction favours precision: a menu or a related-headlines box left in the text produces events
that never happened, while a lost sentence only loses what it said. So trafilatura runs with
``favor_precision`` and without its fallback extractors (``fast``): when its main algorithm finds
no article, the fallbacks return whatever text the body has (on a page of links, the links), and
failing with a clear error is better than passing that on as an article. The date comes from the
page's structured metadata only (meta tags, ``<time>``, JSON-LD, the URL); trafilatura's
"extensive" date search also reads free text and copyright footers, and on the CNN Arabic test
page it returns the copyright year as 2013-01-01. No date is better than a wrong one: the reader
then falls back to the date the caller gives.
"""
from __future__ import annotations

import trafilatura

from ..errors import HtmlExtractionFailed
from .article import RawArticle
from .boilerplate import strip_boilerplate
from .dates import date_part
from .encoding import decode

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def from_html(html: str | bytes, *, name: str, url: str | None = None,
              doc_id: str | None = None) -> RawArticle:
    """Extract the article of one page. ``name`` (a file name) is used as source and in errors;
    ``doc_id`` defaults to it."""
    page = decode(html, name) if isinstance(html, bytes) else html
    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, favor_precision=True, fast=True,
            include_comments=False,
            include_images=False, include_links=False, date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # any parser failure is this page's failure, not the run's
        raise _failed(name, f"the extractor failed ({type(exc).__name__}: {exc})") from exc
    if doc is None or not (doc.text or "").strip():
        raise _failed(name, "no main text was found")
    title = (doc.title or "").strip()
    text, removed = strip_boilerplate(doc.text)
    first, _, rest = text.partition("\n")
    if title and first.split() == title.split():
        # The page's <h1> inside the article: the title would otherwise be read twice.
        text, removed = rest.lstrip("\n"), (first.strip(), *removed)
    if not text.strip():
        raise _failed(name, "the main text found is only site boilerplate")
    return RawArticle(
        doc_id=doc_id or name,
        title=title,
        text=text,
        published=date_part(doc.date, source=name) if doc.date else None,
        url=url or doc.url or None,
        source=name,
        boilerplate=removed,
    )


def _failed(name: str, why: str) -> HtmlExtractionFailed:
    return HtmlExtractionFailed(
        f"No article could be extracted from {name}: {why}.",
        "Check that the file is a single article page (not a front page, or a page that builds "
        "its text with JavaScript); otherwise save the article text as a .txt file and read that.",
        source=name,
    )
