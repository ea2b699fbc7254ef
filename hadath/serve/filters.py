"""The event filters every event view shares: the table, the timeline, the network and the map.

They are one FastAPI dependency, so each endpoint takes the same query parameters and the web
interface can send its filter bar to all of them. The condition is over ``events e`` alone:
conditions on participants and articles are ``IN (subquery)`` semi-joins, which DuckDB runs as
one hash join each, so no query needs a join for its filters.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Annotated

from fastapi import Query

from ..errors import BadDate, InvalidRequest
from ..events.lexicon import EVENT_TYPES
from ..lexicon.entries import SECTORS
from ..store.query import is_code
from ..store.rows import iso_day
from .search import condition

EventType = Enum("EventType", {t: t for t in EVENT_TYPES}, type=str)
Sector = Enum("Sector", {s: s for s in sorted(SECTORS)}, type=str)


@dataclass(frozen=True, slots=True)
class EventFilters:
    type: str | None = None
    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None
    q: str | None = None
    source: str | None = None
    doc_id: str | None = None

    def where(self) -> tuple[str, list]:
        """``WHERE …`` over ``events e`` (or an empty string) and its parameters."""
        conditions: list[str] = []
        params: list = []
        if self.type:
            conditions.append("e.event = ?")
            params.append(self.type)
        if self.start:
            conditions.append("e.day >= ?::DATE")
            params.append(self.start)
        if self.end:
            conditions.append("e.day <= ?::DATE")
            params.append(self.end)
        for role, value in (("actor", self.actor), ("recipient", self.recipient)):
            if value and is_code(value):  # "YEM" is Yemen, not every name that contains "yem"
                conditions.append(f"""e.event_id IN (SELECT p.event_id FROM participants p
                    WHERE p.role = '{role}' AND p.code = ?)""")
                params.append(value)
            elif value:
                # part of the participant's Arabic text or English name, or a code in lower case
                text, text_params = condition("p.entity_text", value)
                conditions.append(f"""e.event_id IN (
                    SELECT p.event_id FROM participants p WHERE p.role = '{role}'
                        AND (p.code = upper(?) OR {text})
                    UNION ALL
                    SELECT p.event_id FROM participants p
                        JOIN actors n ON n.doc_id = p.doc_id AND n.actor_id = p.actor_id
                    WHERE p.role = '{role}' AND contains(lower(n.name_en), lower(?)))""")
                params += [value, *text_params, value]
        if self.country:
            conditions.append("(e.place_country = ? OR e.event_id IN "
                              "(SELECT event_id FROM participants WHERE code = ?))")
            params += [self.country, self.country]
        if self.sector:
            conditions.append("e.event_id IN (SELECT event_id FROM participants WHERE sector = ?)")
            params.append(self.sector)
        if self.q:
            evidence, evidence_params = condition("e.event_text", self.q)
            title, title_params = condition("title", self.q)
            conditions.append(f"({evidence} OR e.doc_id IN (SELECT doc_id FROM articles WHERE {title}))")
            params += evidence_params + title_params
        if self.source:
            conditions.append("e.doc_id IN (SELECT doc_id FROM articles WHERE source = ?)")
            params.append(self.source)
        if self.doc_id:
            conditions.append("e.doc_id = ?")
            params.append(self.doc_id)
        return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def _day(name: str, value: str | None) -> str | None:
    if value and not iso_day(value):
        raise BadDate(f"The {name} date {value!r} is not a date of the form YYYY-MM-DD.",
                      "Give it as YYYY-MM-DD, for example 2018-03-01.")
    return value or None


def event_filters(
    type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    actor: Annotated[str | None, Query(description="Actor: a code in capitals (IRQ), or else part of its Arabic text or English name.", max_length=200)] = None,
    recipient: Annotated[str | None, Query(description="Recipient: a code in capitals, or else part of its text or English name.", max_length=200)] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 or non-state code: events located there or with a participant of it.", pattern="^[A-Za-z]{3}$")] = None,
    sector: Annotated[Sector | None, Query(description="PLOVER sector of a participant.")] = None,
    start: Annotated[str | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
    end: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
    q: Annotated[str | None, Query(description="Text in the evidence or the article title (Arabic spelling variants match).", max_length=200)] = None,
    source: Annotated[str | None, Query(description="Outlet (web host), e.g. alarabiya.net.", max_length=200)] = None,
    doc_id: Annotated[str | None, Query(description="Only the events of this article.", max_length=500)] = None,
) -> EventFilters:
    start, end = _day("start", start), _day("end", end)
    if start and end and start > end:
        raise InvalidRequest(f"start ({start}) is after end ({end}).", "Swap the two dates.")
    return EventFilters(type=type.value if type else None, actor=(actor or "").strip() or None,
                        recipient=(recipient or "").strip() or None,
                        country=country.upper() if country else None,
                        sector=sector.value if sector else None, start=start, end=end,
                        q=(q or "").strip() or None, source=source or None, doc_id=doc_id or None)
