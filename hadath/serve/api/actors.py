"""``/api/actors``: the actors of the whole store, one row per (name, code, sector).

Each article names its actors in its own words; across articles they are grouped by their
English name where the lexicon knows one (so "العبادي" and "حيدر العبادي" count together), else
by their Arabic text, together with code and sector. Events are counted through the
participants that the coreference step tied to each article actor.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ..filters import Sector
from ..search import condition
from ..models import ERRORS, ActorPage
from .connection import Cursor, Limit, Offset, rows, scalar

router = APIRouter(tags=["actors"], responses=ERRORS)

# Grouping every article actor is the costly step; the number of groups (the window count) comes
# from the same pass, and the commonest Arabic form and the event roles are computed for the
# page's groups only.
_PAGE = """
WITH grouped AS (
    SELECT coalesce(name_en, entity_text) AS name, coalesce(code, '') AS code_key,
           coalesce(sector, '') AS sector_key, count(DISTINCT doc_id) AS articles
    FROM actors {where} GROUP BY ALL),
page AS (
    SELECT *, count(*) OVER () AS total FROM grouped
    ORDER BY articles DESC, name, code_key, sector_key LIMIT ? OFFSET ?),
members AS (
    SELECT a.doc_id, a.actor_id, a.entity_text, page.name, page.code_key, page.sector_key
    FROM actors a JOIN page ON page.name = coalesce(a.name_en, a.entity_text)
        AND page.code_key = coalesce(a.code, '') AND page.sector_key = coalesce(a.sector, '')),
forms AS (SELECT name, code_key, sector_key, mode(entity_text) AS entity_text FROM members GROUP BY ALL),
roles AS (
    SELECT m.name, m.code_key, m.sector_key,
           count(*) FILTER (WHERE p.role = 'actor') AS as_actor,
           count(*) FILTER (WHERE p.role = 'recipient') AS as_recipient
    FROM members m JOIN participants p ON p.doc_id = m.doc_id AND p.actor_id = m.actor_id
    GROUP BY ALL)
SELECT page.name, forms.entity_text, nullif(page.code_key, '') AS code,
       nullif(page.sector_key, '') AS sector, page.articles, page.total,
       coalesce(roles.as_actor, 0) AS as_actor, coalesce(roles.as_recipient, 0) AS as_recipient
FROM page JOIN forms USING (name, code_key, sector_key)
LEFT JOIN roles USING (name, code_key, sector_key)
ORDER BY page.articles DESC, page.name, page.code_key, page.sector_key"""


@router.get("/api/actors", response_model=ActorPage, summary="Actors, searched and paged")
def list_actors(
    request: Request, cursor: Cursor, limit: Limit = 50, offset: Offset = 0,
    q: Annotated[str | None, Query(description="Part of the Arabic text or English name.", max_length=200)] = None,
    code: Annotated[str | None, Query(description="Country or non-state code.", pattern="^[A-Za-z]{3}$")] = None,
    sector: Annotated[Sector | None, Query(description="PLOVER sector.")] = None,
) -> dict:
    """Actors by the number of articles naming them, with how often they act in events and how
    often they are the recipient."""
    q = (q or "").strip() or None
    key = (q, code and code.upper(), sector and sector.value, limit, offset)
    return request.app.state.answers.get(("actors", key), lambda: _page(cursor, *key))


def _page(cursor, q: str | None, code: str | None, sector: str | None, limit: int,
          offset: int) -> dict:
    conditions, params = [], []
    if q:
        text, text_params = condition("entity_text", q)
        conditions.append(f"({text} OR contains(lower(name_en), lower(?)))")
        params += [*text_params, q]
    if code:
        conditions.append("code = ?")
        params.append(code)
    if sector:
        conditions.append("sector = ?")
        params.append(sector)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    items = rows(cursor, _PAGE.format(where=where), params + [limit, offset])
    if items:
        total = items[0]["total"]
    else:
        total = scalar(cursor, f"SELECT count(*) FROM (SELECT DISTINCT coalesce(name_en, entity_text), "
                               f"code, sector FROM actors {where})", params)
    for item in items:
        del item["total"]
    return {"total": total, "limit": limit, "offset": offset, "items": items}
