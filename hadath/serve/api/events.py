"""``/api/events``: article-level events, filtered and paged, newest first.

The page is cut first (filters, then ORDER BY with LIMIT, which DuckDB runs as a top-N without
sorting every match), and only its events are joined with their articles and participants.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ..filters import EventFilters, event_filters
from ..models import ERRORS, EventPage
from .connection import Cursor, Limit, Offset, rows, scalar

router = APIRouter(tags=["events"], responses=ERRORS)

_PAGE = """
WITH page AS (
    SELECT e.event_id, e.doc_id, e.day, e.date, e.event, e.mode, e.event_text, e.trigger,
           e.quad_class, e.intensity, e.confidence, e.place_text, e.place_country, e.place_lat,
           e.place_lon
    FROM events e {where}
    ORDER BY e.day DESC NULLS LAST, e.event_id
    LIMIT ? OFFSET ?),
sides AS (
    SELECT p.event_id,
           list({{'entity_text': p.entity_text, 'code': p.code, 'sector': p.sector}} ORDER BY p.idx)
               FILTER (WHERE p.role = 'actor') AS actor,
           list({{'entity_text': p.entity_text, 'code': p.code, 'sector': p.sector}} ORDER BY p.idx)
               FILTER (WHERE p.role = 'recipient') AS recipient
    FROM participants p SEMI JOIN page USING (event_id)
    GROUP BY p.event_id)
SELECT page.*, a.title, a.source, a.published, a.url,
       coalesce(sides.actor, []) AS actor, coalesce(sides.recipient, []) AS recipient
FROM page JOIN articles a USING (doc_id) LEFT JOIN sides USING (event_id)
ORDER BY page.day DESC NULLS LAST, page.event_id"""


def page(cursor, filters: EventFilters, limit: int, offset: int) -> dict:
    where, params = filters.where()
    total = scalar(cursor, f"SELECT count(*) FROM events e {where}", params)
    items = rows(cursor, _PAGE.format(where=where), params + [limit, offset])
    for item in items:
        lat, lon = item.pop("place_lat"), item.pop("place_lon")
        text, country = item.pop("place_text"), item.pop("place_country")
        item["place"] = ({"text": text, "country": country, "lat": lat, "lon": lon}
                         if text or country else None)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/api/events", response_model=EventPage, summary="Events, filtered and paged")
def list_events(cursor: Cursor, filters: Annotated[EventFilters, Depends(event_filters)],
                limit: Limit = 50, offset: Offset = 0) -> dict:
    """Article-level events (one per report), newest first, with their actors, recipients,
    place and evidence text, and the article that reports them."""
    return page(cursor, filters, limit, offset)
