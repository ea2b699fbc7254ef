"""Merging article-level events into dataset events, on hand-built records."""
from __future__ import annotations

import random
from datetime import date

from hadath.ingest import RawArticle
from hadath.store import Store
from hadath.store.merge import Report, merge
from hadath.store.rows import content_hash
from hadath.store.writer import Analysed, Writer


def report(event_id: str, event: str = "ASSAULT", day: str | None = "2018-03-01",
           actors=("SYR",), recipients=("TUR",), country: str | None = "SYR",
           source: str = "a.com", confidence: float = 0.5, story: str | None = None) -> Report:
    doc_id = event_id.split("#")[0]
    return Report(event_id, doc_id, event, None, day and date.fromisoformat(day), country,
                  tuple(actors), tuple(recipients), source,
                  date.fromisoformat(day) if day else None, confidence, 4, -9.0,
                  story or doc_id)


def test_reports_of_one_event_merge_and_keep_their_mentions():
    reports = [report("d1#e0", day="2018-03-01", source="a.com"),
               report("d2#e0", day="2018-03-03", source="b.com", country=None),
               report("d3#e1", day="2018-03-02", source="b.com")]
    rows, links = merge(reports)
    assert len(rows) == 1
    row = rows[0]
    assert (row["first_day"], row["last_day"]) == (date(2018, 3, 1), date(2018, 3, 3))
    assert (row["first_reported"], row["last_reported"]) == (date(2018, 3, 1), date(2018, 3, 3))
    assert row["sources"] == ["a.com", "b.com"] and row["n_sources"] == 2
    assert (row["n_mentions"], row["n_articles"]) == (3, 3)
    assert row["actor_codes"] == ["SYR"] and row["recipient_codes"] == ["TUR"]
    assert row["confidence"] == 1 - 0.5 ** 3  # three independent stories
    assert sorted(e for _, e in links) == ["d1#e0", "d2#e0", "d3#e1"]


def test_what_keeps_reports_apart():
    base = report("d1#e0")
    apart = [report("d2#e0", day="2018-03-06"),  # five days later
             report("d3#e0", country="IRQ"),  # another country
             report("d4#e0", event="ACCUSE"),  # another type
             report("d5#e0", actors=("TUR",), recipients=("SYR",)),  # the other direction
             report("d6#e0", recipients=())]  # no recipient
    rows, _ = merge([base] + apart)
    assert len(rows) == 6


def test_mutual_types_ignore_the_order_of_the_parties():
    rows, _ = merge([report("d1#e0", event="CONSULT", actors=("IRQ",), recipients=("RUS",)),
                     report("d2#e0", event="CONSULT", actors=("RUS",), recipients=("IRQ",))])
    assert len(rows) == 1


def test_uncoded_reports_merge_only_within_one_story():
    unnamed = dict(actors=(), recipients=(), country="IRQ")
    rows, _ = merge([report("d1#e0", **unnamed), report("d2#e0", **unnamed)])
    assert len(rows) == 2  # two attacks by "مجهولون" in Iraq are not known to be one
    rows, _ = merge([report("d1#e0", **unnamed, story="d1"),
                     report("d2#e0", **unnamed, story="d1", confidence=0.7)])
    assert len(rows) == 1 and rows[0]["confidence"] == 0.7  # copies of one story: one witness


def test_undated_reports_stay_alone():
    rows, _ = merge([report("d1#e0", day=None), report("d2#e0", day=None), report("d3#e0")])
    assert len(rows) == 3


def test_result_does_not_depend_on_input_order():
    reports = [report(f"d{i}#e0", day=f"2018-03-{1 + i % 9:02d}", country=("SYR", None, "IRQ")[i % 3])
               for i in range(30)]
    expected = merge(reports)
    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert merge(shuffled) == expected


def _record(doc_id: str, text: str, actor: str, recipient: str, date_: str) -> dict:
    start = text.index("قصف")
    return {"doc_id": doc_id, "title": "", "text": text, "published": "2018-03-01",
            "url": f"http://{doc_id.split('/')[0]}.com/{doc_id}",
            "actors": [], "quotes": [], "times": [], "places": [],
            "events": [{"event": "ASSAULT", "mode": "aerial",
                        "actor": [{"entity_text": actor, "code": "TUR", "sector": "MIL"}],
                        "recipient": [{"entity_text": recipient, "code": "SYR", "sector": "REB"}],
                        "date": date_, "event_loc": {"text": "عفرين", "country": "SYR"},
                        "event_text": text[start:start + 3],
                        "spans": [{"field": "text", "start": start, "end": start + 3}],
                        "trigger": "قصف", "cameo": "195", "quad_class": 4, "intensity": -9.5,
                        "confidence": 0.7, "provenance": "test"}]}


def test_store_merges_hand_built_records(tmp_path):
    texts = {"one/1": "الجيش التركي قصف مواقع المسلحين الأكراد في عفرين.",
             "two/7": "قالت مصادر إن الطيران التركي قصف أمس مواقع في عفرين."}
    batch = []
    for (doc_id, text), day in zip(texts.items(), ("2018-03-01", "2018-02-28")):
        raw = RawArticle(doc_id, "", text, "2018-03-01", f"http://{doc_id}", "test")
        batch.append(Analysed(raw, content_hash(raw),
                              _record(doc_id, text, "الجيش التركي", "المسلحين", day), None))
    with Writer(tmp_path / "s.duckdb") as writer:
        run = writer.start_run(["test"], "local:1", ["events"])
        assert writer.write(run, batch).added == 2
        writer.finish_run(run)
    with Store(tmp_path / "s.duckdb") as s:
        merged = s.dataset_events()
        assert len(merged) == 1
        row = merged.iloc[0]
        assert (row.actor_codes, row.recipient_codes, row.place_country) == ("TUR", "SYR", "SYR")
        assert row.first_day.date() == date(2018, 2, 28) and row.n_sources == 2
        mentions = s.mentions_of(row.dataset_event_id)
        assert list(mentions.event_text) == ["قصف", "قصف"]
        assert sorted(mentions.event_id) == ["one/1#e0", "two/7#e0"]
        assert s.top_pairs(dataset=True).values.tolist() == [["TUR", "SYR", 1]]
