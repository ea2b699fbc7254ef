"""Golden tests: the pipeline on ../shared/gold (seed + dev) against the GOLD.md scores, with
floors a change must not fall below, and the founding article's must-haves."""
from __future__ import annotations

import json

import pytest

from hadath.evaluate import evaluate, load_gold, overlap
from hadath.extract import extract

# Floors: a little under the scores measured when they were set (see bench/gold_scores.py).
FLOORS = {
    "actors": 0.79, "actors_strict": 0.77, "quotes_found": 0.84, "quotes_attributed": 0.74,
    "times": 0.94, "places": 0.91, "events": 0.60, "events_strict": 0.50,
}
SEED = "seed/000_cac1221034f030e9"


@pytest.fixture(scope="module")
def run(shared, tmp_path_factory):
    """Extraction as a user runs it: the gold articles' title, text and date as a JSONL corpus."""
    gold = load_gold([shared / "gold"])
    corpus = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    corpus.write_text("".join(json.dumps({k: g[k] for k in ("doc_id", "title", "text", "published")},
                                         ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    preds = list(extract([str(corpus)]))
    return gold, preds, evaluate(gold, preds)


@pytest.mark.parametrize("layer", sorted(FLOORS))
def test_floor(run, layer):
    f1 = run[2].layers[layer].f1
    assert f1 >= FLOORS[layer], f"{layer} F1 {f1:.3f} fell below {FLOORS[layer]}"


def _seed(run):
    gold, preds, _ = run
    return next(g for g in gold if g["doc_id"] == SEED), next(p for p in preds if p["doc_id"] == SEED)


def test_seed_actors_all_found_with_code_and_sector(run):
    gold, pred = _seed(run)
    for a in gold["actors"]:
        names = [a["entity_text"], *a.get("aliases", [])]
        hits = [p for p in pred["actors"]
                if any(overlap(m, n) for m in [p["entity_text"], *(x["text"] for x in p["mentions"])] for n in names)
                and p["code"] == a["code"] and p["sector"] == a["sector"]]
        assert hits, f"seed actor {a['entity_text']} ({a['code']}/{a['sector']}) not found"


def _triples(events):
    out = set()
    for e in events:
        for a in [x.get("code") or "" for x in e["actor"]] or [""]:
            for r in [x.get("code") or "" for x in e["recipient"]] or [""]:
                pair = tuple(sorted((a, r))) if e["event"] in ("AGREE", "CONSULT", "COOPERATE") else (a, r)
                out.add((e["event"], *pair))
    return out


def test_seed_events(run):
    gold, pred = _seed(run)
    found = _triples(gold["events"]) & _triples(pred["events"])
    assert len(_triples(gold["events"])) == 10
    assert len(found) == 10, sorted(found)  # the issue asks for 8; all 10 are found when this was set
    assert _triples(pred["events"]) <= _triples(gold["events"]), "no event beyond the gold's"
    pmf = [e for e in pred["events"] if e["event"] == "ASSAULT"
           and any("الحشد" in a["entity_text"] for a in e["actor"])]
    assert not pmf, "the PMF said it did not strike: no ASSAULT by it"
    assert ("REJECT", "IRQ", "") in _triples(pred["events"])
    visit = [e for e in pred["events"] if e["event"] == "CONSULT" and "زيارة" in e["event_text"]]
    assert visit and visit[0]["actor"][0]["code"] == "IRN"


def test_seed_quotes_times_places(run):
    gold, pred = _seed(run)
    report = run[2]
    seed_scores = next(a for a in report.articles if a.doc_id == SEED)
    assert seed_scores.layers["quotes_attributed"].tp == 6
    values = {(t["text"], t["value"]) for t in pred["times"]}
    assert ("7 كانون الأول/ ديسمبر الحالي", "2020-12-07") in values
    erbil = [p for p in pred["places"] if p["text"] == "اربيل"]
    assert erbil and erbil[0]["country"] == "IRQ"
    assert abs(erbil[0]["lat"] - 36.19) < 0.3 and abs(erbil[0]["lon"] - 44.01) < 0.3
    assert pred["boilerplate"] == ["مقالات ذات صلة", "زر الذهاب إلى الأعلى"]
    assert "زر الذهاب" not in pred["text"]
