"""Readers: the seed text, corpus JSONL, bad records, directories, stdin, failures per input."""
from __future__ import annotations

import gzip
import io
import itertools
import json
import sys

import pytest

from hadath.errors import (BadDate, BadInputRecord, EmptyArticle, InputNotFound, UnreadableInput,
                           UnsupportedEncoding, UnsupportedInputType)
from hadath.ingest import InputFailure, RawArticle, iter_inputs
from hadath.ingest.jsonl import iter_jsonl

SEED = "seed/000_cac1221034f030e9"
FOOTER = ("مقالات ذات صلة", "زر الذهاب إلى الأعلى")
TITLE = "وزير الخارجية يزور عمّان"
BODY = "أعلنت وزارة الخارجية اليوم أن الوزير سيزور عمّان الأسبوع المقبل.\n\nوقال المتحدث إن الزيارة مهمة."
PAGE = ("<html><head><title>{t}</title><meta property='article:published_time' "
        "content='2021-03-04'></head><body><article><h1>{t}</h1><p>{p}</p><p>{p}</p></article>"
        "</body></html>").format(t=TITLE, p="وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الزيارة "
                                           "تأتي في إطار تعزيز العلاقات الثنائية بين البلدين.")


def record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


# --- plain text: the seed -------------------------------------------------------------------

def test_seed_title_text_and_footer(shared):
    path = shared / f"{SEED}.txt"
    article = only(iter_inputs([str(path)]))
    assert isinstance(article, RawArticle)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert article.doc_id == SEED
    assert article.source == str(path)
    assert article.title == lines[0]
    assert article.boilerplate == FOOTER
    kept = [line for line in article.text.split("\n") if line.strip()]
    assert kept == [line for line in lines[1:] if line.strip() and line.strip() not in FOOTER]
    assert not article.text.endswith("\n") and not article.text.startswith("\n")
    assert article.published is None and article.url is None


def test_default_date_fills_inputs_without_one(shared):
    article = only(iter_inputs([str(shared / f"{SEED}.txt")], published="2020-12-15"))
    assert article.published == "2020-12-15"


@pytest.mark.parametrize("value", ["15/12/2020", "2020-13-01", "2020-12-15T10:00", ""])
def test_a_bad_default_date_is_refused_at_once_naming_it(value):
    with pytest.raises(BadDate) as info:
        iter_inputs(["whatever.txt"], published=value)
    assert repr(value) in str(info.value)


# --- JSONL ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ant-2018", "saudinewsnet-2015"])
def test_first_200_corpus_records(shared, name):
    path = shared / "corpus" / f"{name}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        expected = [json.loads(line) for line in itertools.islice(f, 200)]
    got = list(itertools.islice(iter_inputs([str(path)]), 200))
    for number, (want, item) in enumerate(zip(expected, got), 1):
        assert item.doc_id == want["doc_id"]
        assert item.source == f"{path}:{number}"
        if isinstance(item, InputFailure):  # a record with neither title nor text
            assert isinstance(item.error, BadInputRecord)
            assert not (want["title"] or "").strip() and not (want["text"] or "").strip()
            continue
        assert item.published == want["published"][:10]
        assert item.title == want["title"].strip()
        assert item.url == want["url"]
        assert len(item.text) <= len(want["text"])


def test_published_keeps_the_date_as_written():
    lines = [record(title="t", published="2018-02-18T21:35:43+04:00"),
             record(title="t", published="2015-07-21T02:51:32"),
             record(title="t", published="2015-07-21"),
             record(title="t", published="2015-07-21 23:59:59Z")]
    got = [a.published for a in iter_jsonl(lines, name="x.jsonl", stem="x")]
    assert got == ["2018-02-18", "2015-07-21", "2015-07-21", "2015-07-21"]


def test_bad_lines_fail_alone_and_reading_goes_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        record(doc_id="a", title="عنوان", text="نص الخبر.", published="2021-01-02"),
        "{not json",
        "[1, 2]",
        record(doc_id="empty", title="", text="   "),
        "",
        record(doc_id="date", title="عنوان", published="yesterday"),
        record(doc_id="types", title=["list"]),
        record(title="بلا معرف", text="نص.\nمقالات ذات صلة"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [i.doc_id for i in items] == ["a", "batch:2", "batch:3", "empty", "date", "types",
                                         "batch:8"]
    assert [type(i.error) for i in items if isinstance(i, InputFailure)] == [
        BadInputRecord, BadInputRecord, BadInputRecord, BadDate, BadInputRecord]
    for item in items:
        assert item.source.startswith(f"{path}:")
        if isinstance(item, InputFailure):
            assert item.source in str(item.error) and item.error.fix
    last = items[-1]
    assert (last.title, last.text, last.boilerplate) == ("بلا معرف", "نص.", ("مقالات ذات صلة",))


def test_jsonl_is_read_as_a_stream():
    endless = itertools.repeat(record(title="عنوان", text="نص."))
    assert len(list(itertools.islice(iter_jsonl(endless, name="-", stem="s"), 3))) == 3


def test_gzip_jsonl_and_a_truncated_gzip(tmp_path):
    good = tmp_path / "a.jsonl.gz"
    body = "\n".join(record(doc_id=f"r{i}", title=f"عنوان {i}", text="نص " * 400)
                     for i in range(50)).encode("utf-8")
    good.write_bytes(gzip.compress(body))
    cut = tmp_path / "b.jsonl.gz"
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    items = list(iter_inputs([str(good), str(cut)]))
    articles = [i for i in items if isinstance(i, RawArticle)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert [a.doc_id for a in articles[:50]] == [f"r{i}" for i in range(50)]
    assert len(failures) == 1 and isinstance(failures[0].error, UnreadableInput)
    assert str(cut) in str(failures[0].error)


def test_a_jsonl_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(record(title="أ").encode("utf-8") + b"\n" + record(title="ب").encode("cp1256")
                     + b"\n" + record(title="ج").encode("utf-8") + b"\n")
    items = list(iter_inputs([str(path)]))
    assert [type(i) for i in items] == [RawArticle, InputFailure, RawArticle]
    assert isinstance(items[1].error, UnsupportedEncoding) and f"{path}:2" in str(items[1].error)


# --- directories and single files -----------------------------------------------------------

def test_a_directory_is_read_recursively_in_order(tmp_path):
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(f"{TITLE}\n\n{BODY}\n", encoding="utf-8")
    (root / "b.html").write_text(PAGE, encoding="utf-8")
    (root / "c.jsonl").write_text(record(doc_id="c1", title="عنوان", text="نص.") + "\n"
                                  + record(title="عنوان", text="نص.") + "\n", encoding="utf-8")
    (root / "d").write_bytes(f"{TITLE}\n{BODY}".encode("utf-16"))
    (root / "e.json").write_text("{}", encoding="utf-8")  # not an input format: skipped
    (root / ".hidden.txt").write_text("مخفي", encoding="utf-8")  # hidden: skipped
    (root / "sub" / "f.TXT").write_bytes(f"{TITLE}\r\n{BODY}".encode("cp1256"))
    (root / "sub" / "g.txt").write_bytes(b"")
    items = list(iter_inputs([str(root)], published="2022-05-01"))
    assert [i.doc_id for i in items] == ["inbox/a", "inbox/b", "c1", "c:2", "inbox/d", "sub/f",
                                         "sub/g"]
    a, b, c1, c2, d, f, g = items
    assert a.title == d.title == f.title == TITLE
    assert a.text == d.text == f.text == BODY
    assert b.title == TITLE and b.published == "2021-03-04"  # the page's own date wins
    assert a.published == c1.published == f.published == "2022-05-01"
    assert c2.source == f"{root / 'c.jsonl'}:2"
    assert isinstance(g, InputFailure) and isinstance(g.error, EmptyArticle)


def test_each_path_yields_something_even_when_it_fails(tmp_path):
    missing = tmp_path / "nowhere" / "x.txt"
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 3)
    ok = tmp_path / "ok.txt"
    ok.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    items = list(iter_inputs([str(missing), str(odd), str(garbage), str(ok)]))
    assert [type(i.error) for i in items[:3]] == [InputNotFound, UnsupportedInputType,
                                                 UnsupportedEncoding]
    for item, path in zip(items, (missing, odd, garbage)):
        assert str(path) in str(item.error) and item.source == str(path)
    assert items[3].doc_id == f"{tmp_path.name}/ok"


# --- stdin ----------------------------------------------------------------------------------

def test_stdin_jsonl(monkeypatch):
    lines = [record(doc_id="s1", title="عنوان", text="نص."), "", record(title="عنوان")]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    items = list(iter_inputs(["-"]))
    assert [i.doc_id for i in items] == ["s1", "stdin:3"]
    assert items[1].source == "<stdin>:3"


def test_stdin_html(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n\n" + PAGE))
    article = only(iter_inputs(["-"]))
    assert (article.doc_id, article.title, article.published) == ("stdin", TITLE, "2021-03-04")


def test_stdin_plain_text_from_raw_bytes(monkeypatch):
    raw = io.TextIOWrapper(io.BytesIO(f"{TITLE}\r\n\r\n{BODY}\r\nشارك\r\n".encode("cp1256")))
    monkeypatch.setattr(sys, "stdin", raw)
    article = only(iter_inputs(["-"], published="2020-01-01"))
    assert (article.doc_id, article.source, article.title, article.text, article.published) == (
        "stdin", "<stdin>", TITLE, BODY, "2020-01-01")
    assert article.boilerplate == ("شارك",)


def test_stdin_utf16_jsonl(monkeypatch):
    raw = io.TextIOWrapper(io.BytesIO(record(title="عنوان", text="نص.").encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", raw)
    assert only(iter_inputs(["-"])).doc_id == "stdin:1"


def test_empty_stdin_is_a_failure(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  \n\n"))
    failure = only(iter_inputs(["-"]))
    assert isinstance(failure, InputFailure) and isinstance(failure.error, EmptyArticle)
    assert "<stdin>" in str(failure.error)


def test_empty_inputs_are_reported_not_skipped(tmp_path):
    empty_jsonl = tmp_path / "empty.jsonl"
    empty_jsonl.write_text("\n\n", encoding="utf-8")
    no_inputs = tmp_path / "nothing"
    no_inputs.mkdir()
    (no_inputs / "notes.md").write_text("# notes", encoding="utf-8")
    items = list(iter_inputs([str(empty_jsonl), str(no_inputs)]))
    assert [type(i.error) for i in items] == [EmptyArticle, InputNotFound]
    assert str(empty_jsonl) in str(items[0].error) and str(no_inputs) in str(items[1].error)


def test_an_unreadable_directory_is_reported_once(tmp_path, monkeypatch):
    # Tests may run as root, where permissions cannot be taken away: fake the walk's error.
    def walk(root, onerror):
        onerror(PermissionError(13, "Permission denied", str(root)))
        return iter(())

    monkeypatch.setattr("hadath.ingest.readers.os.walk", walk)
    failure = only(iter_inputs([str(tmp_path)]))
    assert isinstance(failure.error, UnreadableInput) and str(tmp_path) in str(failure.error)
