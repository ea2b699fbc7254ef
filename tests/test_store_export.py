"""Reading the store back: ready queries, read-only SQL, and exports that other tools read."""
from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from hadath.errors import BadDate, ExportTargetExists, QueryRefused
from hadath.store import Store, export
from store_support import reference

# The PLOVER manual's field names (chapter "Data Fields") that every exported record carries.
PLOVER_FIELDS = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc",
                 "event_text", "quad_code", "event_scale", "text_info", "cite_info"}


@pytest.fixture(scope="module")
def store(shared, tmp_path_factory):
    _, db, _ = reference(tmp_path_factory, shared)
    with Store(db) as s:
        yield s


def test_event_filters_agree_with_sql(store):
    every = store.events()
    assert len(every) == store.sql("SELECT count(*) FROM events").iloc[0, 0]
    kind = every.event.value_counts().index[0]
    assert set(store.events(type=kind.lower()).event_id) == set(every[every.event == kind].event_id)
    day = every.day.dropna().sort_values().iloc[len(every) // 2].strftime("%Y-%m-%d")
    later = store.events(start=day)
    assert len(later) and (later.day >= pd.Timestamp(day)).all()
    code = every.actor_code.dropna().iloc[0].split(";")[0]
    involved = store.events(country=code)
    expected = store.sql("""SELECT DISTINCT e.event_id FROM events e LEFT JOIN participants p
        USING (event_id) WHERE e.place_country = ? OR p.code = ?""", [code, code])
    assert set(involved.event_id) == set(expected.event_id)
    assert set(store.events(actor=code).event_id) <= set(involved.event_id)


def test_spans_slice_the_stored_text_in_sql(store):
    # docs/dataset.md: substring(text, start_char + 1, end_char - start_char) is the span's text.
    wrong = store.sql("""SELECT count(*) FROM mentions m JOIN articles a USING (doc_id)
        WHERE substring(CASE m.field WHEN 'title' THEN a.title ELSE a.text END,
                        m.start_char + 1, m.end_char - m.start_char) != m.text""")
    assert wrong.iloc[0, 0] == 0
    assert store.sql("SELECT count(*) FROM mentions").iloc[0, 0] > 0


def test_counts_add_up(store):
    total = store.sql("SELECT count(*) FROM events").iloc[0, 0]
    assert store.counts_per_type().events.sum() == total
    assert store.counts_per_day().events.sum() == total
    datasets = store.sql("SELECT count(*) FROM dataset_events").iloc[0, 0]
    assert store.counts_per_type(dataset=True).events.sum() == datasets <= total
    pairs = store.top_pairs(limit=5)
    assert list(pairs.columns) == ["actor_code", "recipient_code", "events"]
    assert pairs.events.is_monotonic_decreasing


def test_dataset_events_list_their_reports(store):
    merged = store.sql("SELECT dataset_event_id, n_mentions FROM dataset_events")
    assert merged.n_mentions.sum() == store.sql("SELECT count(*) FROM events").iloc[0, 0]
    # The sample holds a wire copy of one article: some event is reported by both outlets.
    wide = store.dataset_events().query("n_sources > 1")
    assert len(wide)
    reports = store.mentions_of(wide.dataset_event_id.iloc[0])
    assert len(set(reports.doc_id)) > 1 and reports.event_text.notna().all()


def test_near_duplicate_copy_is_linked(store):
    pairs = store.duplicates()
    copy = pairs[pairs.other_id.str.endswith("-copy") | pairs.doc_id.str.endswith("-copy")]
    assert len(copy) == 1 and copy.similarity.iloc[0] >= 0.5
    original = copy.doc_id.iloc[0] if copy.other_id.iloc[0].endswith("-copy") else copy.other_id.iloc[0]
    assert copy.group_id.iloc[0] == original  # the first-published member names the group


def test_raw_sql_is_read_only(store):
    with Store(store.path, output="arrow") as arrow:
        assert isinstance(arrow.sql("SELECT 1 AS x"), pa.Table)
    for statement in ("DELETE FROM articles", "INSERT INTO meta VALUES ('a', 'b')",
                      "COPY articles TO 'x.csv'", "ATTACH 'other.duckdb'", "DROP TABLE events",
                      "SELECT 1; DELETE FROM articles", "CREATE TABLE t AS SELECT 1"):
        with pytest.raises(QueryRefused):
            store.sql(statement)
    with pytest.raises(QueryRefused, match="failed"):
        store.sql("SELECT nothing FROM nowhere")
    with pytest.raises(BadDate):
        store.events(start="2018-13-01")
    assert store.sql("SELECT count(*) FROM articles").iloc[0, 0] > 0


def test_parquet_round_trip(store, tmp_path):
    out = tmp_path / "events"
    report = export(store, "parquet", out)
    events = store.events()
    assert report.rows + report.undated == len(events)
    assert {p.name.split("=")[0] for p in out.iterdir()} == {"year"}
    via_duckdb = duckdb.sql(f"SELECT * FROM read_parquet('{out}/**/*.parquet', "
                            "hive_partitioning = true)").df()
    via_pandas = pd.read_parquet(out)
    for frame in (via_duckdb, via_pandas):
        assert len(frame) == report.rows
        assert set(frame.event_id) == set(events.dropna(subset=["day"]).event_id)
        days = pd.to_datetime(frame.day)
        assert (days.dt.year == frame.year.astype(int)).all()
        assert (days.dt.month == frame.month.astype(int)).all()
    with pytest.raises(ExportTargetExists):
        export(store, "parquet", out)
    assert export(store, "parquet", out, overwrite=True).rows == report.rows
    merged = export(store, "parquet", tmp_path / "dataset", dataset=True)
    assert len(pd.read_parquet(tmp_path / "dataset")) == merged.rows > 0


def test_csv_round_trip(store, tmp_path):
    report = export(store, "csv", tmp_path / "events.csv")
    frame = pd.read_csv(tmp_path / "events.csv")
    assert len(frame) == report.rows
    assert list(frame.event_id) == list(store.events().event_id)


def test_plover_jsonl_has_the_manual_fields(store, tmp_path):
    export(store, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in open(tmp_path / "events.jsonl", encoding="utf-8")]
    assert [r["id"] for r in records] == list(store.events().event_id)
    for r in records:
        assert PLOVER_FIELDS <= set(r)
        assert isinstance(r["event"], list) and len(r["event"]) == 1
        assert all({"code", "sector", "entity_text"} <= set(a) for a in r["actor"])
        assert len(r["event_text"]) == len(r["text_info"]) >= 1
        assert r["cite_info"]["citation"] == r["id"].rsplit("#e", 1)[0]
        assert r["quad_code"] in (1, 2, 3, 4, None)
    export(store, "plover", tmp_path / "dataset.jsonl", dataset=True)
    merged = [json.loads(line) for line in open(tmp_path / "dataset.jsonl", encoding="utf-8")]
    assert sum(len(r["mentions"]) for r in merged) == len(records)
    assert all(PLOVER_FIELDS <= set(r) and isinstance(r["cite_info"], list) for r in merged)


def test_commands(store, tmp_path):
    from typer.testing import CliRunner

    from hadath.cli import DEFAULT_DB, app
    from hadath.store import DEFAULT_DB as STORE_DEFAULT

    assert str(DEFAULT_DB) == STORE_DEFAULT  # the CLI's default names the library's
    runner = CliRunner()
    db = ["--db", str(store.path)]
    result = runner.invoke(app, ["query", "per-type", "--format", "csv", *db])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "event,events"
    result = runner.invoke(app, ["query", "events", "--limit", "3", "--format", "json", *db])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert json.loads(result.stdout.splitlines()[0])["event_id"]
    result = runner.invoke(app, ["query", "sql", "DELETE FROM articles", *db])
    assert result.exit_code == 2 and "read-only" in result.output
    result = runner.invoke(app, ["export", "csv", str(tmp_path / "e.csv"), *db])
    assert result.exit_code == 0 and (tmp_path / "e.csv").exists()
