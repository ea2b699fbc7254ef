"""Ingest into the store: idempotent, incremental, resumable after kill -9, backend-independent."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from hadath.batch import LocalBackend, backend_for
from hadath.errors import BackendUnavailable, StoreLocked, StoreNotFound
from hadath.store import Store, count_inputs, ingest
from store_support import dump, reference

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ref(shared, tmp_path_factory):
    return reference(tmp_path_factory, shared)


def _count(db: Path, query: str):
    with Store(db) as s:
        return s.sql(query).iloc[0, 0]


def test_reference_run_stores_every_input_once(ref):
    sample, db, records = ref
    with Store(db) as s:
        run = s.runs().iloc[0]
        articles = s.sql("SELECT count(*) FROM articles").iloc[0, 0]
        errors = s.errors()
    assert run.status == "done"
    assert articles == records - 1 == run.added
    assert list(errors.doc_id) == ["sample:%d" % records]  # the broken last line
    assert errors.iloc[0].type == "BadInputRecord" and errors.iloc[0].fix
    assert _count(db, "SELECT count(*) FROM events") > 0
    assert count_inputs([str(sample)]) == records  # the progress bar's total
    # Ids derive from doc_id and position: every event id is unique and names its article.
    assert _count(db, "SELECT count(*) FROM events WHERE NOT starts_with(event_id, doc_id || '#e')") == 0


def test_reingest_changes_nothing(ref, tmp_path):
    sample, db, records = ref
    copy = tmp_path / "again.duckdb"
    shutil.copy(db, copy)
    report = ingest([str(sample)], copy)
    assert (report.counts.added, report.counts.replaced) == (0, 0)
    assert report.counts.skipped == records - 1
    assert [e["doc_id"] for e in report.errors] == ["sample:%d" % records]
    assert dump(copy) == dump(db)


def test_changed_article_replaces_and_new_ones_add(ref, tmp_path, shared):
    sample, db, records = ref
    copy = tmp_path / "grow.duckdb"
    shutil.copy(db, copy)
    lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)
    first = json.loads(lines[0])
    first["title"] = "عاجل: " + first["title"]
    extra = [json.dumps({"doc_id": "new/1", "title": "وزير الخارجية العراقي يلتقي نظيره الإيراني",
                         "text": "التقى وزير الخارجية العراقي نظيره الإيراني في بغداد أمس.",
                         "published": "2018-05-02"}, ensure_ascii=False) + "\n"]
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps(first, ensure_ascii=False) + "\n" + "".join(lines[1:] + extra),
                       encoding="utf-8")
    report = ingest([str(changed)], copy)
    assert (report.counts.added, report.counts.replaced) == (1, 1)
    with Store(copy) as s:
        stored = s.sql("SELECT title, content_hash FROM articles WHERE doc_id = ?", [first["doc_id"]])
        assert list(stored.title) == [first["title"]]  # one row: the new version only
        assert s.sql("SELECT count(*) FROM articles").iloc[0, 0] == records  # one more article
        # The old version's annotations went with it: every event belongs to a stored article.
        assert s.sql("SELECT count(*) FROM events e ANTI JOIN articles USING (doc_id)").iloc[0, 0] == 0
        assert s.sql("SELECT count(*) FROM mentions WHERE doc_id = 'new/1'").iloc[0, 0] > 0


def _stored_so_far(proc: subprocess.Popen, target: int) -> int:
    """Read the ingest's progress lines (one per committed batch) until ``target`` articles are
    stored; return how many the last line reported."""
    for line in proc.stderr:
        if " stored," in line:
            stored = int(line.split(" stored,")[0].rsplit(" ", 1)[1])
            if stored >= target:
                return stored
    raise AssertionError("the ingest ended before it was killed")


def test_kill_9_and_restart_loses_and_duplicates_nothing(ref, tmp_path):
    sample, db, records = ref
    killed = tmp_path / "killed.duckdb"
    command = [sys.executable, "-m", "hadath", "ingest", str(sample), "--db", str(killed),
               "--batch-size", "10"]
    proc = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            text=True)
    try:
        _stored_so_far(proc, 30)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Store(killed) as s:
        partial = s.sql("SELECT count(*) FROM articles").iloc[0, 0]
        assert list(s.runs().status) == ["running"]
    assert 30 <= partial < records - 1  # killed half way, with whole batches stored

    report = ingest([str(sample)], killed)
    assert report.counts.skipped == partial  # the restart analyses only what was not stored
    assert report.counts.added == records - 1 - partial
    with Store(killed) as s:
        assert list(s.runs().status) == ["interrupted", "done"]
    assert dump(killed) == dump(db)


def test_two_worker_processes_store_the_same(ref, tmp_path):
    sample, db, _ = ref
    parallel = tmp_path / "parallel.duckdb"
    ingest([str(sample)], parallel, backend=LocalBackend(2), batch_size=7)
    assert dump(parallel) == dump(db)


def test_one_writer_at_a_time(ref, tmp_path):
    _, db, _ = ref
    held = tmp_path / "held.duckdb"
    shutil.copy(db, held)
    con = duckdb.connect(str(held))  # another process writing, as far as the child can tell
    try:
        child = subprocess.run(
            [sys.executable, "-c", "from hadath.store import Store\n"
             f"from hadath.errors import StoreLocked\ntry:\n    Store({str(held)!r})\n"
             "except StoreLocked as e:\n    print(e.code)"],
            cwd=REPO, capture_output=True, text=True, timeout=60)
    finally:
        con.close()
    assert child.stdout.strip() == StoreLocked.code


def test_missing_store_and_bad_backend_options(tmp_path):
    with pytest.raises(StoreNotFound, match="hadath ingest"):
        Store(tmp_path / "none.duckdb")
    with pytest.raises(BackendUnavailable):
        backend_for(workers=2, dask_local=2)
    with pytest.raises(BackendUnavailable):
        backend_for(workers=0)
