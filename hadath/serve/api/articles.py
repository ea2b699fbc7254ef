"""``/api/articles``: the stored articles, searched and paged, and one article with its analysis."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ...errors import ResourceNotFound
from ..search import condition
from ..models import ERRORS, ArticlePage
from . import record
from .connection import Cursor, Limit, Offset, rows, scalar

router = APIRouter(tags=["articles"], responses=ERRORS)


@router.get("/api/articles", response_model=ArticlePage, summary="Articles, searched and paged")
def list_articles(
    cursor: Cursor, limit: Limit = 50, offset: Offset = 0,
    q: Annotated[str | None, Query(description="Text in the title or body (Arabic spelling variants match).", max_length=200)] = None,
    source: Annotated[str | None, Query(description="Outlet (web host).", max_length=200)] = None,
) -> dict:
    """Articles, newest first, with the number of events each reports."""
    conditions, params = [], []
    if q and q.strip():
        title, title_params = condition("a.title", q)
        body, body_params = condition("a.text", q)
        conditions.append(f"({title} OR {body})")
        params += title_params + body_params
    if source:
        conditions.append("a.source = ?")
        params.append(source)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    total = scalar(cursor, f"SELECT count(*) FROM articles a {where}", params)
    items = rows(cursor, f"""
        WITH page AS (SELECT a.doc_id, a.title, a.published, a.url, a.source FROM articles a
                      {where} ORDER BY a.published DESC NULLS LAST, a.doc_id LIMIT ? OFFSET ?)
        SELECT page.*, (SELECT count(*) FROM events e WHERE e.doc_id = page.doc_id) AS events
        FROM page ORDER BY page.published DESC NULLS LAST, page.doc_id""", params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/api/articles/{doc_id:path}", summary="One article with its full analysis")
def get_article(cursor: Cursor, doc_id: Annotated[str, Path(description="The article's doc_id (may contain '/').")]) -> dict:
    """The stored article (title, text, date, URL) with its actors, events, quotes, times and
    places, each with its spans into the title or text: the shape of ``Doc.to_dict()``."""
    found = record.article(cursor, doc_id)
    if found is None:
        raise ResourceNotFound(f"There is no article {doc_id!r} in the store.",
                               "List the stored articles with GET /api/articles?q=… to find its doc_id.")
    return found
