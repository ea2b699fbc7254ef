"""The whole shared corpus (62,555 records) goes through the readers; about 5 s, so it runs always."""
from __future__ import annotations

import re
from collections import Counter

from hadath.errors import BadInputRecord
from hadath.ingest import InputFailure, iter_inputs

RECORDS = {"ant-2018": 31_525, "saudinewsnet-2015": 31_030}
# SaudiNewsNet has 57 records whose title and text are both empty (scraping gaps).
EMPTY_RECORDS = 57


def test_every_corpus_record_is_an_article_or_a_failure(shared):
    paths = [str(shared / "corpus" / f"{name}.jsonl.gz") for name in RECORDS]
    per_file: Counter[str] = Counter()
    failures = []
    ids = set()
    for item in iter_inputs(paths):
        per_file[item.source.rsplit(":", 1)[0]] += 1
        ids.add(item.doc_id)
        if isinstance(item, InputFailure):
            failures.append(item)
            continue
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.published), item.doc_id
        assert item.text or item.title
    assert per_file == {path: RECORDS[name] for path, name in zip(paths, RECORDS)}
    assert len(ids) == sum(RECORDS.values())
    assert len(failures) == EMPTY_RECORDS
    assert all(isinstance(f.error, BadInputRecord) and "neither a title nor a text" in str(f.error)
               for f in failures)
