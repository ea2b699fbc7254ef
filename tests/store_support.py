"""Shared by the tests/test_store*.py modules: a small corpus sample and a reference store built
from it once per session by an uninterrupted single-process run."""
from __future__ import annotations

import gzip
import json
from datetime import date, timedelta
from pathlib import Path

import duckdb

from hadath.batch import LocalBackend
from hadath.store import ingest
from hadath.store.schema import TABLES

STEP = 600  # every 600th article: ~50 per corpus, across outlets, sections and months
BAD_LINE = '{"doc_id": "broken", "title": '  # a truncated record: an error record every run


def corpus_lines(shared: Path, name: str, step: int = STEP) -> list[str]:
    with gzip.open(shared / "corpus" / name, "rt", encoding="utf-8") as f:
        return [line for i, line in enumerate(f) if i % step == 0]


def wire_copy(line: str) -> str:
    """The article republished by another outlet a day later: agency prefix, a word dropped."""
    obj = json.loads(line)
    words = obj["text"].split()
    next_day = date.fromisoformat(obj["published"][:10]) + timedelta(days=1)
    obj.update(doc_id=obj["doc_id"] + "-copy", url="http://copy.example.com/" + obj["doc_id"],
               published=next_day.isoformat() + obj["published"][10:],
               text="واس - الرياض: " + " ".join(words[:10] + words[11:]))
    return json.dumps(obj, ensure_ascii=False) + "\n"


def write_sample(shared: Path, path: Path) -> int:
    """Write the sample JSONL; return its number of records (articles and the broken line)."""
    ant = corpus_lines(shared, "ant-2018.jsonl.gz")
    snn = corpus_lines(shared, "saudinewsnet-2015.jsonl.gz")
    original = next(line for line in snn if len(json.loads(line)["text"].split()) > 150)
    lines = ant + snn + [wire_copy(original), BAD_LINE + "\n"]
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)


_built: dict[Path, tuple[Path, Path, int]] = {}


def reference(factory, shared: Path) -> tuple[Path, Path, int]:
    """(sample, store, records): the sample stored by one uninterrupted single-process run,
    built once per test session (``factory`` is pytest's tmp_path_factory)."""
    key = factory.getbasetemp()
    if key not in _built:
        root = factory.mktemp("reference")
        sample = root / "sample.jsonl"
        records = write_sample(shared, sample)
        db = root / "reference.duckdb"
        ingest([str(sample)], db, backend=LocalBackend(1), batch_size=25)
        _built[key] = sample, db, records
    return _built[key]


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows in a canonical order, without what differs between runs by design
    (the runs table, and which run stored a row)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for name in TABLES:
            if name in ("runs", "meta"):
                continue
            columns = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
            keep = ", ".join(f'"{c}"' for c in columns if c != "run_id")
            out[name] = con.execute(f"SELECT {keep} FROM {name} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()
