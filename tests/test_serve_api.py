"""The HTTP API of ``hadath serve``, on a small store built here from hand-written articles.

The articles are original, fictional news-style texts. Answers are checked against the store
itself (SQL) and against ``hadath.analyze`` rather than against fixed extraction results, so
the tests hold while the extraction improves.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.parse
import warnings

import duckdb
import pytest

import hadath
from hadath.store import ingest  # before hadath.serve: the store package must load first

with warnings.catch_warnings():  # Starlette's deprecation notice about httpx, not ours
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from hadath.serve import create_app

ARTICLES = [
    {"doc_id": "test/consult", "published": "2021-03-02", "url": "https://example.org/world/1",
     "title": "وزير الخارجية العراقي يبحث مع نظيره الإيراني العلاقات الثنائية",
     "text": "بحث وزير الخارجية العراقي فؤاد حسين، مع وزير الخارجية الإيراني في بغداد يوم الاثنين، "
             "سبل تعزيز التعاون بين البلدين.\n"
             "وقال الوزير العراقي إن \"العلاقات بين البلدين تاريخية وسنعمل على تطويرها\".\n"
             "وأعلنت وزارة الخارجية أن الجانبين اتفقا على عقد اجتماع جديد في طهران الشهر المقبل."},
    {"doc_id": "test/assault", "published": "2021-03-05", "url": "https://news.example.com/2",
     "title": "قصف تركي على مواقع في شمال العراق",
     "text": "قصفت طائرات حربية تركية مواقع في قضاء سنجار شمال العراق، مساء الأربعاء، وأدانت "
             "الحكومة العراقية القصف واعتبرته انتهاكا للسيادة.\n"
             "وطالبت وزارة الخارجية العراقية أنقرة بوقف الهجمات فورا."},
    {"doc_id": "test/support", "published": "2021-04-10", "url": "https://example.org/world/3",
     "title": "الأمم المتحدة ترحب بالاتفاق",
     "text": "رحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالاتفاق الذي وقعته الحكومة اليمنية "
             "مع المجلس الانتقالي الجنوبي في الرياض، ودعا جميع الأطراف إلى الالتزام ببنوده."},
]
NEW_ARTICLE = {"title": "رئيس الوزراء الأردني يستقبل السفير الفرنسي",
               "text": "استقبل رئيس الوزراء الأردني السفير الفرنسي في عمان، وبحث معه العلاقات "
                       "الثنائية بين البلدين."}


def _jsonl(records) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    source = folder / "articles.jsonl"
    source.write_text(_jsonl(ARTICLES), encoding="utf-8")
    db = folder / "store.duckdb"
    ingest([str(source)], db)
    return db


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store)) as c:
        yield c


@pytest.fixture(scope="module")
def sql(client):
    """Queries on the store through the server's own read-only connection (a second connection
    to the file from this process must share its configuration)."""
    db = client.app.state.db

    def run(query, params=()):
        with db.reader() as cursor:
            return cursor.execute(query, list(params)).fetchall()
    return run


def _pages(client, path, size, **params):
    items, offset = [], 0
    while True:
        page = client.get(path, params={**params, "limit": size, "offset": offset}).json()
        items += page["items"]
        offset += size
        if offset >= page["total"]:
            return page["total"], items


def _error(response, status, code=None):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["message"] and error["fix"] and error["code"].startswith("E")
    if code:
        assert error["code"] == code
    return error


# ---- reading ---------------------------------------------------------------------------------

def test_stats_describe_the_store(client, sql):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == len(ARTICLES)
    assert stats["events"] == sql("SELECT count(*) FROM events")[0][0] > 0
    assert stats["writable"] is False
    assert sum(c["count"] for c in stats["per_type"]) == stats["events"]
    assert "CONSULT" in stats["types"] and "GOV" in stats["sectors"]
    assert {c["key"] for c in stats["countries"]} >= {"IRQ"}
    assert stats["first_published"] == "2021-03-02" and stats["last_published"] == "2021-04-10"


def test_event_pages_reassemble_the_whole_list(client, sql):
    total, items = _pages(client, "/api/events", 2)
    assert total == len(items) == sql("SELECT count(*) FROM events")[0][0]
    assert len({e["event_id"] for e in items}) == total
    reported = [(e["published"], e["day"]) for e in items]
    assert reported == sorted(reported, reverse=True)  # latest reports first
    first = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert [e["event_id"] for e in first] == [e["event_id"] for e in items]
    _, by_day = _pages(client, "/api/events", 3, sort="day")
    days = [e["day"] for e in by_day]
    assert days == sorted(days, reverse=True) and len(by_day) == total


def test_events_carry_their_article_and_evidence(client):
    article = {a["doc_id"]: a for a in ARTICLES}
    for e in client.get("/api/events", params={"limit": 500}).json()["items"]:
        source = article[e["doc_id"]]
        assert e["title"] == source["title"] and e["url"] == source["url"]
        assert e["event_text"] in source["title"] or e["event_text"] in source["text"]
        for p in e["actor"] + e["recipient"]:
            assert set(p) == {"entity_text", "code", "sector"}


@pytest.mark.parametrize("name", ["type", "country", "sector", "actor", "recipient"])
def test_each_filter_keeps_only_matching_events(client, sql, name):
    stats = client.get("/api/stats").json()
    values = {"type": [c["key"] for c in stats["per_type"]],
              "country": [c["key"] for c in stats["countries"]],
              "sector": ["GOV", "UAF"], "actor": ["IRQ", "TUR", "الحكومة"], "recipient": ["IRQ"]}[name]
    for value in values:
        page = client.get("/api/events", params={name: value, "limit": 500}).json()
        assert page["total"] == len(page["items"])
        for e in page["items"]:
            parts = e["actor"] + e["recipient"]
            if name == "type":
                assert e["event"] == value
            elif name == "country":
                assert (e["place"] or {}).get("country") == value or value in {p["code"] for p in parts}
            elif name == "sector":
                assert value in {p["sector"] for p in parts}
            else:
                side = e[name]
                assert any(p["code"] == value or value in (p["entity_text"] or "") for p in side)
        if name == "type":
            assert page["total"] == sql("SELECT count(*) FROM events WHERE event = ?", [value])[0][0]


def test_date_range_is_inclusive(client, sql):
    page = client.get("/api/events", params={"start": "2021-03-03", "end": "2021-03-05", "limit": 500}).json()
    expected = sql("SELECT count(*) FROM events WHERE day BETWEEN '2021-03-03' AND '2021-03-05'")[0][0]
    assert page["total"] == expected > 0
    assert all("2021-03-03" <= e["day"] <= "2021-03-05" for e in page["items"])


def test_text_search_ignores_spelling_variants(client):
    # The text has "الإيراني" and "اتفقا"; the searches spell alef and teh marbuta otherwise.
    for q in ("الايراني", "الإيراني", "اتفقا"):
        page = client.get("/api/events", params={"q": q}).json()
        assert page["total"] > 0
        assert all(e["doc_id"] == "test/consult" for e in page["items"])
    assert client.get("/api/events", params={"q": "كلمة لا ترد"}).json()["total"] == 0
    # Regular-expression characters in a search are taken literally.
    assert client.get("/api/events", params={"q": "(.*"}).json()["total"] == 0


@pytest.mark.parametrize("query, text, found", [
    ("اسماعيل", "وأكد إسماعيل قاآني", True),
    ("زيارة", "في زياره خاطفة", True),
    ("الرياض", "في الرياض، ودعا", True),
    ("مستشفى", "مستشفي المدينة", True),
    ("7 كانون", "في ٧\u00a0كانون الأول", True),
    ("trump", "Donald TRUMP said", True),
    ("اسماعيل", "إسماعل", False),
    ("a.c", "abc", False),
])
def test_search_condition_matches_spelling_variants(query, text, found):
    from hadath.serve.search import condition

    sql, params = condition("t", query)
    with duckdb.connect() as con:
        assert con.execute(f"SELECT {sql} FROM (SELECT ? AS t)", [*params, text]).fetchone()[0] is found


def test_articles_list_search_and_paging(client):
    total, items = _pages(client, "/api/articles", 1)
    assert total == len(ARTICLES)
    assert [a["published"] for a in items] == sorted((a["published"] for a in ARTICLES), reverse=True)
    assert sum(a["events"] for a in items) == client.get("/api/stats").json()["events"]
    found = client.get("/api/articles", params={"q": "سنجار"}).json()
    assert [a["doc_id"] for a in found["items"]] == ["test/assault"]
    assert client.get("/api/articles", params={"source": "news.example.com"}).json()["total"] == 1


def _essence(record: dict) -> dict:
    """What must survive the trip through the store: every annotation and its spans."""
    return {
        "title": record["title"], "text": record["text"],
        "actors": [(a["entity_text"], a["code"], a["sector"], a["spans"],
                    [(m["text"], m["spans"]) for m in a["mentions"]]) for a in record["actors"]],
        "events": [(e["event"], e["mode"], e["event_text"], e["spans"], e["date"],
                    [(p["entity_text"], p["code"], p["sector"]) for p in e["actor"]],
                    [(p["entity_text"], p["code"], p["sector"]) for p in e["recipient"]])
                   for e in record["events"]],
        "quotes": [(q["text"], q["spans"], (q["speaker"] or {}).get("entity_text")) for q in record["quotes"]],
        "times": [(t["text"], t["value"], t["spans"]) for t in record["times"]],
        "places": [(p["text"], p["country"], p["spans"]) for p in record["places"]],
    }


@pytest.mark.parametrize("article", ARTICLES, ids=[a["doc_id"] for a in ARTICLES])
def test_stored_article_is_its_analysis(client, article):
    response = client.get("/api/articles/" + urllib.parse.quote(article["doc_id"], safe=""))
    assert response.status_code == 200
    stored = response.json()
    fresh = hadath.analyze(article["text"], title=article["title"], published=article["published"],
                           url=article["url"]).to_dict()
    assert _essence(stored) == _essence(fresh)
    assert stored["published"] == article["published"] and stored["url"] == article["url"]
    # Every span points at the text it claims, in the stored title or text.
    for kind in ("times", "places", "quotes"):
        for item in stored[kind]:
            for span in item["spans"]:
                assert stored[span["field"]][span["start"]:span["end"]] == item["text"]
    for event in stored["events"]:
        assert event["event_id"].startswith(article["doc_id"] + "#e")
        span = event["spans"][0]
        assert event["event_text"] == stored[span["field"]][span["start"]:span["end"]]


def test_unknown_article_is_a_404_with_the_fix(client):
    error = _error(client.get("/api/articles/test/none"), 404, "E070")
    assert "test/none" in error["message"] and "/api/articles" in error["fix"]


def test_actors_are_grouped_and_counted(client, sql):
    total, items = _pages(client, "/api/actors", 3)
    assert total == len(items) > 0
    assert [a["articles"] for a in items] == sorted((a["articles"] for a in items), reverse=True)
    roles = sql("SELECT count(*) FROM participants WHERE actor_id IS NOT NULL")[0][0]
    assert sum(a["as_actor"] + a["as_recipient"] for a in items) == roles
    iraq = client.get("/api/actors", params={"code": "irq"}).json()["items"]
    assert iraq and all(a["code"] == "IRQ" for a in iraq)
    found = client.get("/api/actors", params={"q": "غوتيريش"}).json()["items"]
    assert found and all("غوتيريش" in a["entity_text"] or "Guterres" in a["name"] for a in found)


def test_timeline_counts_every_matching_event(client):
    for params in ({}, {"type": "ASSAULT"}, {"start": "2021-03-01", "end": "2021-03-31"}):
        timeline = client.get("/api/stats/timeline", params=params).json()
        total = client.get("/api/events", params={**params, "limit": 1}).json()["total"]
        counted = sum(sum(p["counts"].values()) for p in timeline["periods"])
        assert counted + timeline["outside"] == total
        assert timeline["bucket"] in ("day", "week", "month")
    weekly = client.get("/api/stats/timeline", params={"bucket": "week"}).json()
    assert all(p["period"] <= weekly["end"] for p in weekly["periods"])


def test_network_edges_link_actor_to_recipient(client):
    net = client.get("/api/stats/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert net["edges"]
    for edge in net["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["source"] != edge["target"]
        events = client.get("/api/events", params={"actor": edge["source"], "recipient": edge["target"],
                                                   "limit": 500}).json()
        assert edge["events"] <= events["total"]
    by_sector = client.get("/api/stats/network", params={"level": "sector"}).json()
    assert all(" " in n["id"] for n in by_sector["nodes"] if n["sector"])


def test_places_are_located_events(client, sql):
    answer = client.get("/api/stats/places").json()
    located = sql("SELECT count(*) FROM events WHERE place_lat IS NOT NULL")[0][0]
    assert sum(p["events"] for p in answer["places"]) == located
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in answer["places"])
    assert answer["countries"][0]["label"]  # country names for the map's tooltips


# ---- analysis --------------------------------------------------------------------------------

def test_analyze_returns_the_full_analysis(client):
    article = ARTICLES[1]
    response = client.post("/api/analyze", json={"text": article["text"], "title": article["title"],
                                                 "published": article["published"]})
    assert response.status_code == 200
    expected = hadath.analyze(article["text"], title=article["title"],
                              published=article["published"]).to_dict()
    assert _essence(response.json()) == _essence(expected)


def test_analyze_reads_html(client):
    page = (f"<html><head><title>{NEW_ARTICLE['title']}</title></head><body><article>"
            f"<h1>{NEW_ARTICLE['title']}</h1><p>{NEW_ARTICLE['text']}</p></article></body></html>")
    doc = client.post("/api/analyze", json={"html": page, "published": "2021-05-01"}).json()
    assert "السفير الفرنسي" in doc["text"]


def test_analyze_errors_have_the_shape(client):
    _error(client.post("/api/analyze", json={}), 422, "E004")  # nothing to analyse
    _error(client.post("/api/analyze", json={"text": "نص", "published": "2021-02-30"}), 422, "E006")
    _error(client.post("/api/analyze", content=b"not json", headers={"content-type": "application/json"}), 422, "E071")


def test_analyze_refuses_large_bodies_with_413(store):
    with TestClient(create_app(store, article_limit=2000)) as small:
        big = {"text": "بحث الوزير مع السفير. " * 200}
        error = _error(small.post("/api/analyze", json=big), 413, "E073")
        assert "2,000 bytes" in error["message"]
        # A chunked body (no Content-Length) is counted as it arrives.
        chunks = (json.dumps(big).encode()[i:i + 500] for i in range(0, 5000, 500))
        _error(small.post("/api/analyze", content=chunks, headers={"content-type": "application/json"}), 413)
        assert small.post("/api/analyze", json={"text": "بحث الوزير مع السفير."}).status_code == 200


# ---- errors, documentation, interface --------------------------------------------------------

def test_every_error_has_one_shape(client, store):
    _error(client.get("/api/nothing"), 404, "E070")
    _error(client.delete("/api/events"), 405, "E071")
    details = _error(client.get("/api/events", params={"limit": 0}), 422, "E071")["details"]
    assert details[0]["where"] == "query.limit"
    _error(client.get("/api/events", params={"type": "PARTY"}), 422, "E071")
    _error(client.get("/api/events", params={"start": "2021-13-01"}), 422, "E006")
    _error(client.get("/api/events", params={"start": "2021-04-01", "end": "2021-03-01"}), 422, "E071")


def test_unexpected_failures_are_500_with_the_shape(store, monkeypatch):
    from hadath.serve.api import record

    def broken(cursor, doc_id):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(record, "article", broken)
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        error = _error(c.get("/api/articles/test/consult"), 500, "E074")
        assert "disk on fire" not in error["message"]  # internals stay in the server's log


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{doc_id}", "/api/events", "/api/actors",
                 "/api/stats", "/api/stats/timeline", "/api/stats/network", "/api/stats/places",
                 "/api/analyze", "/api/ingest"):
        assert path in spec["paths"], path
    events = spec["paths"]["/api/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {"type", "actor", "country", "sector", "start", "end", "q", "limit", "offset"}
    assert "ErrorBody" in json.dumps(events["responses"]["404"])
    assert client.get("/docs").status_code == 200


def test_interface_is_served_with_local_assets_only(client):
    import re
    from hadath.serve.app import STATIC

    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    for asset in STATIC.rglob("*"):
        if asset.suffix in (".html", ".js", ".css"):
            text = asset.read_text(encoding="utf-8")
            assert not re.search(r"""(src|href)=["']https?:|url\(\s*["']?https?:|import[^;]*["']https?:|fetch\(\s*["']https?:""", text), asset
            assert client.get(f"/static/{asset.relative_to(STATIC).as_posix()}").status_code == 200
    world = client.get("/static/world.json").json()
    codes = {f["properties"]["iso3"] for f in world["features"]}
    assert {"IRQ", "SYR", "PSE", "USA"} <= codes


def test_world_outline_converter_decodes_topojson():
    from hadath.serve.worldmap import to_geojson

    # One square country drawn by two arcs, quantized and delta-encoded as TopoJSON does.
    topology = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [40, 30]},
                "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "id": "368", "properties": {"name": "Iraq"}, "arcs": [[0, 1]]}]}}}
    feature = to_geojson(topology)["features"][0]
    assert feature["properties"] == {"name": "Iraq", "iso3": "IRQ"}
    assert feature["geometry"]["coordinates"] == [[[[40, 30], [42, 30], [42, 32], [40, 32], [40, 30]]]]
    # A ring across the antimeridian goes on past 180° rather than back across the map.
    fiji = {"type": "Topology", "arcs": [[[179, -17], [-179, -17], [-179, -16], [179, -16], [179, -17]]],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "242", "properties": {"name": "Fiji"}, "arcs": [[0]]}]}}}
    ring = to_geojson(fiji)["features"][0]["geometry"]["coordinates"][0][0]
    assert [x for x, _ in ring] == [179, 181, 181, 179, 179]


# ---- writing ---------------------------------------------------------------------------------

def test_read_only_server_refuses_writes(client):
    error = _error(client.post("/api/ingest", content=_jsonl([NEW_ARTICLE]),
                               headers={"content-type": "application/x-ndjson"}), 403, "E072")
    assert "--token" in error["fix"]


def test_read_only_server_leaves_the_store_to_other_readers(client, store):
    # DuckDB lets read-only processes share a file: hadath query can run beside hadath serve.
    other = subprocess.run([sys.executable, "-c", "import duckdb, sys; print(duckdb.connect("
                            "sys.argv[1], read_only=True).execute('SELECT count(*) FROM articles')"
                            ".fetchone()[0])", str(store)], capture_output=True, text=True, timeout=60)
    assert other.stdout.strip() == str(len(ARTICLES)), other.stderr


def test_ingest_needs_the_token_and_goes_through_the_one_writer(store, tmp_path):
    db = tmp_path / "writable.duckdb"
    shutil.copy(store, db)
    with TestClient(create_app(db, token="s3cret")) as c:
        body = _jsonl([NEW_ARTICLE])
        jsonl = {"content-type": "application/x-ndjson"}
        _error(c.post("/api/ingest", content=body, headers=jsonl), 403, "E072")
        _error(c.post("/api/ingest", content=body, headers={**jsonl, "authorization": "Bearer wrong"}), 403, "E072")
        auth = {"authorization": "Bearer s3cret"}
        assert c.get("/api/stats").json()["writable"] is True

        report = c.post("/api/ingest", params={"published": "2021-06-01"}, content=body,
                        headers={**jsonl, **auth}).json()
        assert (report["added"], report["failed"]) == (1, 0)
        stats = c.get("/api/stats").json()  # the cached statistics follow the write
        assert stats["articles"] == len(ARTICLES) + 1
        added = c.get("/api/articles", params={"q": "السفير الفرنسي"}).json()["items"]
        assert len(added) == 1 and added[0]["doc_id"].startswith("api:") and added[0]["published"] == "2021-06-01"

        again = c.post("/api/ingest", params={"published": "2021-06-01"}, json=NEW_ARTICLE, headers=auth).json()
        assert (again["added"], again["skipped"]) == (0, 1)  # same content, same doc_id
        bad = c.post("/api/ingest", content='{"doc_id": "x", "text": 5}\nnot json\n',
                     headers={**jsonl, **auth}).json()
        assert bad["failed"] == 2 and len(bad["errors"]) == 2
        _error(c.post("/api/ingest", content="hello", headers={"content-type": "text/plain", **auth}), 422, "E071")
        _error(c.post("/api/ingest", params={"published": "June"}, content=body, headers={**jsonl, **auth}), 422, "E006")
    with duckdb.connect(str(db), read_only=True) as check:  # committed, and the file released
        assert check.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES) + 1


def test_missing_store_fails_before_serving(tmp_path):
    from hadath.errors import StoreNotFound

    with pytest.raises(StoreNotFound) as caught:
        create_app(tmp_path / "none.duckdb")
    assert "hadath ingest" in caught.value.fix


# ---- the seed article ------------------------------------------------------------------------

def test_seed_visit_is_a_consult_event(shared, tmp_path):
    """The project's seed article codes Qaani's visit to Baghdad as CONSULT (an extraction
    result the web interface's browser test relies on)."""
    db = tmp_path / "seed.duckdb"
    ingest([str(shared / "seed" / "000_cac1221034f030e9.txt")], db, published="2020-12-08")
    with TestClient(create_app(db)) as c:
        events = c.get("/api/events", params={"type": "CONSULT", "q": "زيارة"}).json()["items"]
        assert events, "no CONSULT event with زيارة in its evidence"
        doc = c.get("/api/articles/" + urllib.parse.quote(events[0]["doc_id"], safe="")).json()
        visit = next(e for e in doc["events"] if e["event_id"] == events[0]["event_id"])
        span = visit["spans"][0]
        assert "زيارة" in doc[span["field"]][span["start"]:span["end"]]
