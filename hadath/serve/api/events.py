"""``/api/events``: article-level events, filtered, sorted and paged.

The page is cut first: the filters and ORDER BY … LIMIT over the events table, which DuckDB
runs as a top-N without sorting every match. Only then are the page's columns, articles and
participants read, by lists of ids, which DuckDB answers from its primary-key indexes and zone
maps instead of joining whole tables.
"""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from ..filters import EventFilters, event_filters
from ..models import ERRORS, EventPage
from .connection import Cursor, Limit, Offset, rows, scalar

router = APIRouter(tags=["events"], responses=ERRORS)

# Latest reports first by default: an event's own day can be decades away (history recalled,
# plans, a misread year), and the newest news is what an analyst opens the table for.
ORDERS = {
    "reported": ("JOIN articles a USING (doc_id)",
                 "ORDER BY a.published DESC NULLS LAST, e.day DESC NULLS LAST, e.event_id"),
    "day": ("", "ORDER BY e.day DESC NULLS LAST, e.event_id"),
}

_COLUMNS = """event_id, doc_id, day, date, event, mode, event_text, trigger, quad_class,
    intensity, confidence, place_text, place_country, place_lat, place_lon"""


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


def page(cursor, filters: EventFilters, limit: int, offset: int, sort: str = "reported") -> dict:
    where, params = filters.where()
    join, order = ORDERS[sort]
    if where:  # one scan of the matches gives the page and, as a window count, their number
        found = cursor.execute(f"SELECT e.event_id, e.doc_id, count(*) OVER () FROM events e {join} "
                               f"{where} {order} LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
        total = found[0][2] if found else scalar(cursor, f"SELECT count(*) FROM events e {where}", params)
    else:  # the table's row count is known without a scan
        found = cursor.execute(f"SELECT e.event_id, e.doc_id FROM events e {join} {order} "
                               f"LIMIT ? OFFSET ?", [limit, offset]).fetchall()
        total = scalar(cursor, "SELECT count(*) FROM events")
    ids = [row[0] for row in found]
    docs = sorted({row[1] for row in found})
    # Three small lookups by constant lists, not one query: DuckDB keeps constant IN-lists as
    # index and zone-map lookups, while inside a larger query they become joins over whole tables.
    items = rows(cursor, f"SELECT {_COLUMNS} FROM events WHERE event_id IN ({_marks(ids)})", ids) if ids else []
    sides = {(event_id, role): value for event_id, role, value in cursor.execute(
        f"""SELECT event_id, role, list({{'entity_text': entity_text, 'code': code, 'sector': sector}}
                                        ORDER BY idx)
            FROM participants WHERE event_id IN ({_marks(ids)}) GROUP BY ALL""", ids).fetchall()} if ids else {}
    articles = {r["doc_id"]: r for r in rows(
        cursor, f"SELECT doc_id, title, source, published, url FROM articles "
                f"WHERE doc_id IN ({_marks(docs)})", docs)} if docs else {}
    rank = {event_id: i for i, event_id in enumerate(ids)}
    items.sort(key=lambda item: rank[item["event_id"]])
    for item in items:
        source = articles[item["doc_id"]]
        item.update(title=source["title"], source=source["source"], published=source["published"],
                    url=source["url"], actor=sides.get((item["event_id"], "actor"), []),
                    recipient=sides.get((item["event_id"], "recipient"), []))
        lat, lon = item.pop("place_lat"), item.pop("place_lon")
        text, country = item.pop("place_text"), item.pop("place_country")
        item["place"] = ({"text": text, "country": country, "lat": lat, "lon": lon}
                         if text or country else None)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/api/events", response_model=EventPage, summary="Events, filtered and paged")
def list_events(cursor: Cursor, filters: Annotated[EventFilters, Depends(event_filters)],
                limit: Limit = 50, offset: Offset = 0,
                sort: Annotated[Literal["reported", "day"], Query(description="reported: latest articles first; day: latest event days first.")] = "reported") -> dict:
    """Article-level events (one per report) with their actors, recipients, place and evidence
    text, and the article that reports them; latest reports first, or latest event days."""
    return page(cursor, filters, limit, offset, sort)
