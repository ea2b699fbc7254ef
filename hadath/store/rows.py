"""One article's output record (``Doc.to_dict()``) as rows of the store's tables.

The store is built from the record, not from Doc objects: the record is what every backend
(worker processes, Dask) sends back, and it is the project's published output shape.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from urllib.parse import urlsplit

from ..ingest import InputFailure, RawArticle


def content_hash(article: RawArticle) -> str:
    """What identifies a version of an article: its title, text, date and URL. The same article
    read again has the same hash and is skipped; a corrected one has another and replaces it."""
    payload = json.dumps([article.title, article.text, article.published, article.url],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def outlet(url: str | None) -> str | None:
    """The publisher an article came from, named by its web host ("alarabiya.net"): inputs have
    no common outlet field, and a host tells outlets apart for counting independent sources."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def iso_day(value: str | None) -> str | None:
    """``value`` when it is a valid YYYY-MM-DD date, else None."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def event_day(value: str | None, published: str | None) -> str | None:
    """The day an event is filed under: its own date when the text gives the day; the
    publication day when the text gives only a month or year that contains it (a report of
    "this month"); the first day of that month or year otherwise; the publication day when the
    text gives no date."""
    if iso_day(value):
        return value
    if value and published and published.startswith(value):
        return published
    if value:
        return iso_day((value + "-01-01")[:10]) or published
    return published


def _span(spans: list[dict] | None) -> tuple[str | None, int | None, int | None]:
    if not spans:
        return None, None, None
    s = spans[0]
    return s["field"], s["start"], s["end"]


def _spans(record: dict, spans: list[dict] | None) -> list[dict]:
    return [{"field": s["field"], "start_char": s["start"], "end_char": s["end"],
             "text": record[s["field"]][s["start"]:s["end"]]} for s in spans or ()]


def article_rows(record: dict, article: RawArticle, digest: str, run_id: int) -> dict[str, list]:
    """Rows for every per-article table from one analysed article."""
    doc_id = record["doc_id"]
    published = iso_day(record.get("published"))
    out: dict[str, list] = {name: [] for name in (
        "articles", "actors", "mentions", "events", "participants", "quotes", "times", "places")}
    out["articles"].append({
        "doc_id": doc_id, "content_hash": digest, "title": record["title"],
        "text": record["text"], "published": published, "url": record.get("url"),
        "source": outlet(record.get("url")), "input": article.source,
        "boilerplate": list(record.get("boilerplate") or ()), "run_id": run_id})
    for i, actor in enumerate(record.get("actors") or ()):
        fld, start, end = _span(actor.get("spans"))
        out["actors"].append({
            "doc_id": doc_id, "actor_id": actor["id"], "idx": i,
            "entity_text": actor["entity_text"], "name_en": actor.get("name_en"),
            "code": actor.get("code"), "sector": actor.get("sector"),
            "wikidata": actor.get("wikidata"), "aliases": list(actor.get("aliases") or ()),
            "field": fld, "start_char": start, "end_char": end,
            "confidence": actor.get("confidence"), "provenance": actor.get("provenance")})
        for j, m in enumerate(actor.get("mentions") or ()):
            fld, start, end = _span(m.get("spans"))
            out["mentions"].append({
                "doc_id": doc_id, "actor_id": actor["id"], "idx": j, "text": m["text"],
                "field": fld, "start_char": start, "end_char": end, "code": m.get("code"),
                "sector": m.get("sector"), "kind": m.get("kind"), "entry": m.get("entry"),
                "confidence": m.get("confidence"), "provenance": m.get("provenance")})
    for i, ev in enumerate(record.get("events") or ()):
        _event_rows(out, record, i, ev, published)
    for i, q in enumerate(record.get("quotes") or ()):
        fld, start, end = _span(q.get("spans"))
        speaker = q.get("speaker")
        if isinstance(speaker, dict):
            speaker_text, speaker_id = speaker.get("entity_text"), speaker.get("actor_id")
        else:
            speaker_text, speaker_id = speaker, None
        out["quotes"].append({
            "doc_id": doc_id, "idx": i, "text": q["text"], "field": fld, "start_char": start,
            "end_char": end, "speaker": speaker_text, "speaker_code": q.get("speaker_code"),
            "speaker_sector": q.get("speaker_sector"), "speaker_actor_id": speaker_id,
            "cue": q.get("cue"), "kind": q.get("kind"), "confidence": q.get("confidence"),
            "provenance": q.get("provenance")})
    for i, t in enumerate(record.get("times") or ()):
        fld, start, end = _span(t.get("spans"))
        out["times"].append({
            "doc_id": doc_id, "idx": i, "text": t["text"], "value": t.get("value"), "field": fld,
            "start_char": start, "end_char": end, "confidence": t.get("confidence"),
            "provenance": t.get("provenance")})
    for i, p in enumerate(record.get("places") or ()):
        fld, start, end = _span(p.get("spans"))
        out["places"].append({
            "doc_id": doc_id, "idx": i, "text": p["text"], "name_en": p.get("name_en"),
            "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"),
            "level": p.get("level"), "geonames_id": p.get("geonames_id"), "field": fld,
            "start_char": start, "end_char": end, "confidence": p.get("confidence"),
            "provenance": p.get("provenance")})
    return out


def _event_rows(out: dict[str, list], record: dict, i: int, ev: dict,
                published: str | None) -> None:
    doc_id = record["doc_id"]
    event_id = f"{doc_id}#e{i}"
    loc = ev.get("event_loc") or {}
    out["events"].append({
        "event_id": event_id, "doc_id": doc_id, "idx": i, "event": ev["event"],
        "mode": ev.get("mode"), "date": ev.get("date"), "day": event_day(ev.get("date"), published),
        "event_text": ev.get("event_text"), "spans": _spans(record, ev.get("spans")),
        "trigger": ev.get("trigger"), "cameo": ev.get("cameo"), "quad_class": ev.get("quad_class"),
        "intensity": ev.get("intensity"), "place_text": loc.get("text"),
        "place_country": loc.get("country"), "place_lat": loc.get("lat"),
        "place_lon": loc.get("lon"), "confidence": ev.get("confidence"),
        "provenance": ev.get("provenance")})
    for role in ("actor", "recipient"):
        for j, p in enumerate(ev.get(role) or ()):
            fld, start, end = _span(p.get("spans"))
            out["participants"].append({
                "event_id": event_id, "doc_id": doc_id, "role": role, "idx": j,
                "entity_text": p.get("entity_text"), "code": p.get("code"),
                "sector": p.get("sector"), "actor_id": p.get("actor_id"), "field": fld,
                "start_char": start, "end_char": end})


def error_row(record: dict, item: RawArticle | InputFailure, digest: str | None,
              run_id: int) -> dict:
    """The errors-table row of an error record: an input that could not be read, or an article
    the pipeline failed on (then with its hash, so that the failure is tied to that version)."""
    err = record["error"]
    return {"doc_id": record["doc_id"], "input": item.source, "content_hash": digest,
            "code": err.get("code"), "type": err.get("type"), "message": err.get("message"),
            "fix": err.get("fix"), "run_id": run_id}
