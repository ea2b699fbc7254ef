"""What is derived from all stored articles together: near-duplicate links and dataset events.

Both are recomputed from the whole store at the end of every run, inside the caller's
transaction. Recomputing (seconds for tens of thousands of articles) instead of updating keeps
them a pure function of the stored articles: the same articles give the same links and dataset
events whatever the order, the batches or the backend that stored them.
"""
from __future__ import annotations

from collections import Counter

import duckdb
import numpy as np
import pyarrow as pa

from ..dedup import groups, near_duplicates
from ..dedup.minhash import PERMUTATIONS, decode
from .merge import Report, merge
from .schema import insert

_DERIVED = ("near_duplicates", "duplicate_groups", "dataset_events", "dataset_event_mentions")

_CODES = "coalesce(list(p.code) FILTER (WHERE p.role = '{}' AND p.code IS NOT NULL), [])"
_REPORTS = f"""
    SELECT e.event_id, e.doc_id, e.event, e.mode, e.day, e.place_country,
           {_CODES.format('actor')}, {_CODES.format('recipient')},
           a.source, a.published, e.confidence, e.quad_class, e.intensity
    FROM events e JOIN articles a USING (doc_id) LEFT JOIN participants p USING (event_id)
    GROUP BY ALL"""


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT s.doc_id, s.minhash, a.published FROM signatures s "
                       "JOIN articles a USING (doc_id)").fetchall()
    ids = [r[0] for r in rows]
    sigs = (np.stack([decode(r[1]) for r in rows]) if rows
            else np.empty((0, PERMUTATIONS), dtype=np.uint64))
    pairs = near_duplicates(ids, sigs)
    group_of = groups(pairs, {r[0]: r[2] and r[2].isoformat() for r in rows})
    sizes = Counter(group_of.values())
    reports = [Report(*r[:6], tuple(r[6]), tuple(r[7]), *r[8:], story=group_of.get(r[1], r[1]))
               for r in con.execute(_REPORTS).fetchall()]
    dataset, links = merge(reports)
    for name in _DERIVED:
        con.execute(f"DELETE FROM {name}")
    insert(con, "near_duplicates", [
        {"doc_id": p.doc_id, "other_id": p.other_id, "similarity": p.similarity} for p in pairs])
    insert(con, "duplicate_groups", [
        {"doc_id": d, "group_id": g, "group_size": sizes[g]} for d, g in sorted(group_of.items())])
    insert(con, "dataset_events", dataset)
    con.register("links", pa.table({"dataset_event_id": [a for a, _ in links],
                                    "event_id": [b for _, b in links]}, schema=_LINKS))
    try:
        con.execute("""
            INSERT INTO dataset_event_mentions
            SELECT l.dataset_event_id, e.event_id, e.doc_id, a.source, a.published, e.day,
                   e.event_text, e.spans
            FROM links l JOIN events e USING (event_id) JOIN articles a USING (doc_id)
            ORDER BY l.dataset_event_id, e.event_id""")
    finally:
        con.unregister("links")


_LINKS = pa.schema([("dataset_event_id", pa.string()), ("event_id", pa.string())])
