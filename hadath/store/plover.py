"""Events as PLOVER JSON records (PLOVER manual, chapter "Data Fields").

Field names are the manual's: id, date, actor, recipient, event, mode, context, event_loc,
event_text, quad_code, event_scale, text_info, cite_info (and enddate, link). Where the manual
leaves the structure to the data provider, hadath uses lists: ``event_text`` holds the text of
every evidence span and ``text_info`` the matching offsets (``field`` says whether they point
into the title or the text); a dataset event has one ``cite_info`` object per reporting article.
``context`` is an empty list: hadath does not code contexts. Fields the manual does not name
(``confidence``, ``provenance``, ``trigger``, ``cameo``, ``event_date``, ``first_reported`` …)
are hadath's additions, which the manual allows.
"""
from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from .. import __version__

CODEBOOK = "plover-hadath (PLOVER with ../shared/GOLD.md conventions: agreements are AGREE)"

# One row per article-level event with its participants and article, in export order.
ARTICLE_EVENTS = """
    SELECT e.*, a.title, a.url, a.source, a.input, a.published, m.dataset_event_id,
           (SELECT list({'role': p.role, 'entity_text': p.entity_text, 'code': p.code,
                         'sector': p.sector, 'wikidata': x.wikidata, 'name_en': x.name_en}
                        ORDER BY p.role, p.idx)
            FROM participants p LEFT JOIN actors x
              ON x.doc_id = p.doc_id AND x.actor_id = p.actor_id
            WHERE p.event_id = e.event_id) AS parts
    FROM events e JOIN articles a USING (doc_id)
    LEFT JOIN dataset_event_mentions m USING (event_id)
    ORDER BY e.day, e.event_id"""

DATASET_EVENTS = """
    SELECT d.*,
           (SELECT list({'event_id': m.event_id, 'doc_id': m.doc_id, 'spans': m.spans,
                         'title': a.title, 'url': a.url, 'source': a.source, 'input': a.input}
                        ORDER BY m.published, m.event_id)
            FROM dataset_event_mentions m JOIN articles a USING (doc_id)
            WHERE m.dataset_event_id = d.dataset_event_id) AS mentions,
           (SELECT list({'event_id': m.event_id, 'role': p.role, 'entity_text': p.entity_text,
                         'code': p.code, 'sector': p.sector} ORDER BY m.event_id, p.role, p.idx)
            FROM dataset_event_mentions m JOIN participants p USING (event_id)
            WHERE m.dataset_event_id = d.dataset_event_id) AS parts
    FROM dataset_events d ORDER BY d.first_day, d.dataset_event_id"""


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _cite(doc_id: str, title: str, url: str | None, source: str | None,
          where: str | None) -> dict:
    corpus = PurePath(where.rsplit(":", 1)[0]).name if where else None
    return {"corpus": corpus, "citation": doc_id, "url": url, "title": title, "language": "ar",
            "publication": source, "coder": f"hadath {__version__}", "codebook": CODEBOOK}


def _entity(p: dict) -> dict:
    out = {"entity_text": p["entity_text"], "code": p["code"], "sector": p["sector"]}
    if p.get("wikidata"):
        out["identifier_id"] = p["wikidata"]
    if p.get("name_en"):
        out["identifier_text"] = p["name_en"]
    return out


def _place(text: str | None, country: str | None, lat: float | None, lon: float | None) -> dict | None:
    if not text and not country:
        return None
    return {"extracted_place": text, "country_code": country, "lat": lat, "lon": lon}


def article_event(row: dict) -> dict:
    """The PLOVER record of one article-level event (a row of ARTICLE_EVENTS)."""
    parts = row["parts"] or []
    spans = row["spans"] or []
    return {
        "id": row["event_id"],
        "date": _iso(row["day"]),
        "actor": [_entity(p) for p in parts if p["role"] == "actor"],
        "recipient": [_entity(p) for p in parts if p["role"] == "recipient"],
        "event": [row["event"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [],
        "event_loc": _place(row["place_text"], row["place_country"], row["place_lat"],
                            row["place_lon"]),
        "event_text": [s["text"] for s in spans],
        "quad_code": row["quad_class"],
        "event_scale": row["intensity"],
        "text_info": [{"field": s["field"], "start": s["start_char"], "end": s["end_char"]}
                      for s in spans],
        "cite_info": _cite(row["doc_id"], row["title"], row["url"], row["source"], row["input"]),
        "link": row["dataset_event_id"],
        "event_date": row["date"],
        "trigger": row["trigger"],
        "cameo": row["cameo"],
        "confidence": row["confidence"],
        "provenance": row["provenance"],
    }


def _side(codes: list[str], role: str, parts: list[dict]) -> list[dict]:
    """A dataset event's actor or recipient list: one entity per country code, with the sector
    its reports give it most often; for a side without codes, the first report's participants."""
    if not codes:
        first = parts[0]["event_id"] if parts else None
        return [{"entity_text": p["entity_text"], "code": None, "sector": p["sector"]}
                for p in parts if p["event_id"] == first and p["role"] == role]
    out = []
    for code in codes:
        sectors = Counter(p["sector"] for p in parts if p["code"] == code and p["sector"])
        out.append({"code": code,
                    "sector": min(sectors, key=lambda s: (-sectors[s], s)) if sectors else None})
    return out


def dataset_event(row: dict) -> dict:
    """The PLOVER record of one merged dataset event (a row of DATASET_EVENTS)."""
    mentions = row["mentions"] or []
    parts = row["parts"] or []
    first_spans = [(m, (m["spans"] or [None])[0]) for m in mentions]
    record = {
        "id": row["dataset_event_id"],
        "date": _iso(row["first_day"]),
        "actor": _side(row["actor_codes"], "actor", parts),
        "recipient": _side(row["recipient_codes"], "recipient", parts),
        "event": [row["event"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [],
        "event_loc": _place(None, row["place_country"], None, None),
        "event_text": [s["text"] for _, s in first_spans if s],
        "quad_code": row["quad_class"],
        "event_scale": row["intensity"],
        "text_info": [{"citation": m["doc_id"], "field": s["field"], "start": s["start_char"],
                       "end": s["end_char"]} for m, s in first_spans if s],
        "cite_info": [_cite(m["doc_id"], m["title"], m["url"], m["source"], m["input"])
                      for m in {m["doc_id"]: m for m in mentions}.values()],
        "first_reported": _iso(row["first_reported"]),
        "last_reported": _iso(row["last_reported"]),
        "sources": row["sources"],
        "n_articles": row["n_articles"],
        "mentions": [m["event_id"] for m in mentions],
        "confidence": row["confidence"],
    }
    if row["last_day"] is not None and row["last_day"] != row["first_day"]:
        record["enddate"] = _iso(row["last_day"])
    return record
