"""A stored article back in the shape of ``Doc.to_dict()``, the shape ``POST /api/analyze`` returns.

The store keeps an article's analysis in one table per record kind; the web interface renders
one shape whether the article came from the store or was just analysed, so the rows are put
back together here: spans as ``{"field", "start", "end"}`` into the stored title and text.
Store-only facts are added beside them: ``event_id``, ``day`` and ``dataset_event_id`` on events,
``source`` and ``input`` on the article.
"""
from __future__ import annotations

from collections import defaultdict

import duckdb

from .connection import rows


def _record(row: dict, *drop: str) -> dict:
    """``row`` without its keys into the store (doc_id, idx, ``drop``), its span columns turned
    into the ``spans`` list of the record shape."""
    fld, start, end = (row.pop(k, None) for k in ("field", "start_char", "end_char"))
    for name in ("doc_id", "idx", *drop):
        row.pop(name, None)
    row["spans"] = [] if fld is None else [{"field": fld, "start": start, "end": end}]
    return row


def article(cursor: duckdb.DuckDBPyConnection, doc_id: str) -> dict | None:
    found = rows(cursor, "SELECT doc_id, title, text, published, url, source, input, boilerplate "
                         "FROM articles WHERE doc_id = ?", [doc_id])
    if not found:
        return None
    out = found[0]
    if out["published"] is not None:
        out["published"] = out["published"].isoformat()
    out["actors"] = _actors(cursor, doc_id)
    out["events"] = _events(cursor, doc_id)
    out["quotes"] = []
    for q in rows(cursor, "SELECT * FROM quotes WHERE doc_id = ? ORDER BY idx", [doc_id]):
        speaker = {"entity_text": q.pop("speaker"), "code": q["speaker_code"],
                   "sector": q["speaker_sector"], "actor_id": q.pop("speaker_actor_id")}
        q["speaker"] = speaker if speaker["entity_text"] else None
        out["quotes"].append(_record(q))
    for name in ("times", "places"):
        out[name] = [_record(r) for r in rows(
            cursor, f"SELECT * FROM {name} WHERE doc_id = ? ORDER BY idx", [doc_id])]
    return out


def _actors(cursor, doc_id: str) -> list[dict]:
    mentions: dict[str, list[dict]] = defaultdict(list)
    for m in rows(cursor, "SELECT * FROM mentions WHERE doc_id = ? ORDER BY actor_id, idx", [doc_id]):
        mentions[m.pop("actor_id")].append(_record(m))
    actors = []
    for a in rows(cursor, "SELECT * FROM actors WHERE doc_id = ? ORDER BY idx", [doc_id]):
        a["id"] = a.pop("actor_id")
        a["mentions"] = mentions.get(a["id"], [])
        actors.append(_record(a))
    return actors


def _events(cursor, doc_id: str) -> list[dict]:
    sides: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in rows(cursor, "SELECT * FROM participants WHERE doc_id = ? ORDER BY event_id, role, idx",
                  [doc_id]):
        key = (p.pop("event_id"), p.pop("role"))
        sides[key].append(_record(p))
    events = []
    for e in rows(cursor, """SELECT e.* EXCLUDE (doc_id, idx), m.dataset_event_id FROM events e
                             LEFT JOIN dataset_event_mentions m USING (event_id)
                             WHERE e.doc_id = ? ORDER BY e.idx""", [doc_id]):
        loc = {k: e.pop(f"place_{k}") for k in ("text", "country", "lat", "lon")}
        e["event_loc"] = loc if loc["text"] or loc["country"] else None
        e["day"] = e["day"].isoformat() if e["day"] else None
        e["spans"] = [{"field": s["field"], "start": s["start_char"], "end": s["end_char"]}
                      for s in e["spans"] or ()]
        e["actor"] = sides.get((e["event_id"], "actor"), [])
        e["recipient"] = sides.get((e["event_id"], "recipient"), [])
        events.append(e)
    return events
