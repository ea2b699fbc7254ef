"""The tables of a hadath store and the views over them.

Per-article tables all carry ``doc_id``, so that replacing or removing an article is one DELETE
per table. Ids are derived from the doc_id and the position of a record in the article's output
(``<doc_id>#e0`` for its first event): a store built by one process, by several, or by a Dask
cluster in any order holds the same ids. Spans are ``field`` ("title" | "text") with
``start_char``/``end_char`` into the verbatim article (``start``/``end`` are SQL keywords).
"""
from __future__ import annotations

import pyarrow as pa

VERSION = "1"  # bumped when a table changes; an older store is refused with a fix

# An evidence span with the text it covers, so that exports need not slice the article again.
SPAN = "STRUCT(field VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR)"

TABLES = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    "runs": """run_id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP,
        status VARCHAR, inputs VARCHAR[], backend VARCHAR, stages VARCHAR[], hadath_version VARCHAR,
        added INTEGER, replaced INTEGER, skipped INTEGER, failed INTEGER""",
    "articles": """doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR,
        text VARCHAR, published DATE, url VARCHAR, source VARCHAR, input VARCHAR,
        boilerplate VARCHAR[], run_id INTEGER""",
    "actors": """doc_id VARCHAR, actor_id VARCHAR, idx INTEGER, entity_text VARCHAR, name_en VARCHAR,
        code VARCHAR, sector VARCHAR, wikidata VARCHAR, aliases VARCHAR[], field VARCHAR,
        start_char INTEGER, end_char INTEGER, confidence DOUBLE, provenance VARCHAR""",
    "mentions": """doc_id VARCHAR, actor_id VARCHAR, idx INTEGER, text VARCHAR, field VARCHAR,
        start_char INTEGER, end_char INTEGER, code VARCHAR, sector VARCHAR, kind VARCHAR,
        entry VARCHAR, confidence DOUBLE, provenance VARCHAR""",
    "events": f"""event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, idx INTEGER, event VARCHAR,
        mode VARCHAR, date VARCHAR, day DATE, event_text VARCHAR, spans {SPAN}[],
        trigger VARCHAR, cameo VARCHAR, quad_class INTEGER, intensity DOUBLE, place_text VARCHAR,
        place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE, confidence DOUBLE,
        provenance VARCHAR""",
    "participants": """event_id VARCHAR, doc_id VARCHAR, role VARCHAR, idx INTEGER,
        entity_text VARCHAR, code VARCHAR, sector VARCHAR, actor_id VARCHAR, field VARCHAR,
        start_char INTEGER, end_char INTEGER""",
    "quotes": """doc_id VARCHAR, idx INTEGER, text VARCHAR, field VARCHAR, start_char INTEGER,
        end_char INTEGER, speaker VARCHAR, speaker_code VARCHAR, speaker_sector VARCHAR,
        speaker_actor_id VARCHAR, cue VARCHAR, kind VARCHAR, confidence DOUBLE,
        provenance VARCHAR""",
    "times": """doc_id VARCHAR, idx INTEGER, text VARCHAR, value VARCHAR, field VARCHAR,
        start_char INTEGER, end_char INTEGER, confidence DOUBLE, provenance VARCHAR""",
    "places": """doc_id VARCHAR, idx INTEGER, text VARCHAR, name_en VARCHAR, country VARCHAR,
        lat DOUBLE, lon DOUBLE, level VARCHAR, geonames_id BIGINT, field VARCHAR,
        start_char INTEGER, end_char INTEGER, confidence DOUBLE, provenance VARCHAR""",
    "errors": """doc_id VARCHAR, input VARCHAR, content_hash VARCHAR, code VARCHAR, type VARCHAR,
        message VARCHAR, fix VARCHAR, run_id INTEGER""",
    "signatures": "doc_id VARCHAR PRIMARY KEY, minhash BLOB",
    # Derived from the tables above by the last step of every run (see finalize.py).
    "near_duplicates": "doc_id VARCHAR, other_id VARCHAR, similarity DOUBLE",
    "duplicate_groups": "doc_id VARCHAR PRIMARY KEY, group_id VARCHAR, group_size INTEGER",
    "dataset_events": """dataset_event_id VARCHAR PRIMARY KEY, event VARCHAR, mode VARCHAR,
        actor_codes VARCHAR[], recipient_codes VARCHAR[], place_country VARCHAR,
        first_day DATE, last_day DATE, first_reported DATE, last_reported DATE,
        n_mentions INTEGER, n_articles INTEGER, n_sources INTEGER, sources VARCHAR[],
        quad_class INTEGER, intensity DOUBLE, confidence DOUBLE""",
    "dataset_event_mentions": f"""dataset_event_id VARCHAR, event_id VARCHAR, doc_id VARCHAR,
        source VARCHAR, published DATE, day DATE, event_text VARCHAR, spans {SPAN}[]""",
}

# The tables that hold one article's analysis: deleted together when the article is replaced.
ARTICLE_TABLES = ("articles", "actors", "mentions", "events", "participants", "quotes", "times",
                  "places", "signatures")

# Flat, one row per event, for queries and CSV/Parquet export. Several participants on one side
# are joined with ";" in their order, a participant without a code leaving its slot empty.
_SIDE = """(SELECT {agg} FROM participants p
            WHERE p.event_id = e.event_id AND p.role = '{role}')"""


def _side(role: str, column: str) -> str:
    agg = f"NULLIF(string_agg(coalesce(p.{column}, ''), ';' ORDER BY p.idx), '')"
    return _SIDE.format(agg=agg, role=role)


VIEWS = {
    "event_table": f"""
        SELECT e.event_id, e.doc_id, e.day, e.date, e.event, e.mode, e.quad_class, e.intensity,
               e.cameo,
               {_side('actor', 'entity_text')} AS actor_text,
               {_side('actor', 'code')} AS actor_code,
               {_side('actor', 'sector')} AS actor_sector,
               {_side('recipient', 'entity_text')} AS recipient_text,
               {_side('recipient', 'code')} AS recipient_code,
               {_side('recipient', 'sector')} AS recipient_sector,
               e.place_text, e.place_country, e.place_lat, e.place_lon, e.event_text,
               e.trigger, e.confidence, e.provenance, a.source, a.url, a.published, a.title,
               m.dataset_event_id
        FROM events e JOIN articles a USING (doc_id)
        LEFT JOIN dataset_event_mentions m USING (event_id)""",
    "dataset_event_table": """
        SELECT dataset_event_id, first_day, last_day, event, mode, quad_class, intensity,
               array_to_string(actor_codes, ';') AS actor_codes,
               array_to_string(recipient_codes, ';') AS recipient_codes,
               place_country, first_reported, last_reported, n_mentions, n_articles, n_sources,
               array_to_string(sources, ';') AS sources, confidence
        FROM dataset_events""",
}


def create(con) -> None:
    """Create every table and view that does not exist yet, and record the schema version."""
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for name, query in VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {name} AS {query}")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [VERSION])


def insert(con, table: str, rows: list[dict]) -> None:
    """Append ``rows`` (dicts keyed by column name) to ``table`` in one statement, through
    Arrow: DuckDB inserts row by row far more slowly."""
    if not rows:
        return
    con.register("new_rows", pa.Table.from_pylist(rows))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM new_rows")
    finally:
        con.unregister("new_rows")
