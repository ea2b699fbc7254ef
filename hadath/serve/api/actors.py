"""``/api/actors``: the actors of the whole store, one row per (name, code, sector).

Each article names its actors in its own words; across articles they are grouped by their
English name where the lexicon knows one (so "العبادي" and "حيدر العبادي" count together), else
by their Arabic text, together with code and sector. Events are counted through the
participants that the coreference step tied to each article actor.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ..filters import Sector
from ..search import pattern
from ..models import ERRORS, ActorPage
from .connection import Cursor, Limit, Offset, rows, scalar

router = APIRouter(tags=["actors"], responses=ERRORS)

_GROUPED = """
    SELECT coalesce(name_en, entity_text) AS name, coalesce(code, '') AS code_key,
           coalesce(sector, '') AS sector_key, any_value(code) AS code, any_value(sector) AS sector,
           mode(entity_text) AS entity_text, count(DISTINCT doc_id) AS articles
    FROM actors {where} GROUP BY ALL"""

_PAGE = """
WITH page AS (SELECT * FROM ({grouped}) ORDER BY articles DESC, name, code_key, sector_key
              LIMIT ? OFFSET ?),
roles AS (
    SELECT coalesce(a.name_en, a.entity_text) AS name, coalesce(a.code, '') AS code_key,
           coalesce(a.sector, '') AS sector_key,
           count(*) FILTER (WHERE p.role = 'actor') AS as_actor,
           count(*) FILTER (WHERE p.role = 'recipient') AS as_recipient
    FROM actors a JOIN participants p ON p.doc_id = a.doc_id AND p.actor_id = a.actor_id
    SEMI JOIN page ON page.name = coalesce(a.name_en, a.entity_text)
                  AND page.code_key = coalesce(a.code, '') AND page.sector_key = coalesce(a.sector, '')
    GROUP BY ALL)
SELECT page.name, page.entity_text, page.code, page.sector, page.articles,
       coalesce(roles.as_actor, 0) AS as_actor, coalesce(roles.as_recipient, 0) AS as_recipient
FROM page LEFT JOIN roles USING (name, code_key, sector_key)
ORDER BY page.articles DESC, page.name, page.code_key, page.sector_key"""


@router.get("/api/actors", response_model=ActorPage, summary="Actors, searched and paged")
def list_actors(
    cursor: Cursor, limit: Limit = 50, offset: Offset = 0,
    q: Annotated[str | None, Query(description="Part of the Arabic text or English name.", max_length=200)] = None,
    code: Annotated[str | None, Query(description="Country or non-state code.", pattern="^[A-Za-z]{3}$")] = None,
    sector: Annotated[Sector | None, Query(description="PLOVER sector.")] = None,
) -> dict:
    """Actors by the number of articles naming them, with how often they act in events and how
    often they are the recipient."""
    conditions, params = [], []
    if q and q.strip():
        conditions.append("(regexp_matches(entity_text, ?) OR contains(lower(name_en), lower(?)))")
        params += [pattern(q), q.strip()]
    if code:
        conditions.append("code = ?")
        params.append(code.upper())
    if sector:
        conditions.append("sector = ?")
        params.append(sector.value)
    grouped = _GROUPED.format(where=("WHERE " + " AND ".join(conditions)) if conditions else "")
    total = scalar(cursor, f"SELECT count(*) FROM ({grouped})", params)
    items = rows(cursor, _PAGE.format(grouped=grouped), params + [limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}
