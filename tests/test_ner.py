"""The statistical NER: shipped model, CoNLL round trip, held-out score, training split."""
from __future__ import annotations

import pytest

from hadath.errors import BadInputRecord, ModelMissing
from hadath.lexicon.tsv import read_table
from hadath.ner import corpus, model
from hadath.ner.conll import tag_conll
from hadath.ner.model import entities, load_tagger
from hadath.ner.names import GIVEN_NAMES
from hadath.ner.score import evaluate
from hadath.text.tokens import tokenize

HELDOUT_F1_MIN = 0.75


def _valid_iob2(tags: list[str]) -> bool:
    prev = "O"
    for tag in tags:
        if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in corpus.TYPES):
            return False
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            return False
        prev = tag
    return True


def test_tags_person_place_and_organisation():
    sentence = "التقى كمال الجنزوري رئيس حزب الوفاق في القاهرة أمس وفدا من البنك الدولي ."
    words = [t.text for t in tokenize(sentence)]
    found = {(" ".join(words[a:b]), kind) for a, b, kind in entities(words, load_tagger().tag(words))}
    assert {("كمال الجنزوري", "PERS"), ("القاهرة", "LOC"), ("البنك الدولي", "ORG")} <= found


def test_entities_reads_iob2_like_conlleval():
    words = list("abcdefg")
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC", "I-LOC"]
    assert entities(words, tags) == [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "LOC")]


def test_tag_conll_round_trip():
    lines = ["\ufeffقال O\n", "الرئيس O extra\n", "الفرنسي O\n", "إيمانويل B-PERS\n", "ماكرون I-PERS\n",
             "في O\n", "باريس B-LOC\n", ".\tO\n", "\n", "\n", "وأعلنت\n", "الأمم\n", "المتحدة\n", "\n"]
    out = list(tag_conll(lines))
    sentences = "\n".join(out).strip("\n").split("\n\n")
    assert len(sentences) == 2 and out[-1] == ""
    rows = [line.split(" ") for s in sentences for line in s.split("\n")]
    tokens = [r[0] for r in rows]
    assert tokens == ["قال", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "في", "باريس", ".",
                      "وأعلنت", "الأمم", "المتحدة"]
    assert all(len(r) == 2 for r in rows)
    for s in sentences:
        assert _valid_iob2([line.split(" ")[1] for line in s.split("\n")])


def test_tag_conll_names_a_malformed_line():
    with pytest.raises(BadInputRecord) as err:
        list(tag_conll(["قال O", "\tO", ""]))
    assert "line 2" in str(err.value)


def test_missing_model_says_how_to_build_it(monkeypatch, tmp_path):
    monkeypatch.setattr(model, "MODEL", tmp_path / "model.crfsuite")
    load_tagger.cache_clear()
    try:
        with pytest.raises(ModelMissing) as err:
            load_tagger()
        assert str(tmp_path / "model.crfsuite") in str(err.value)
        assert "python -m hadath.ner.build" in str(err.value)
    finally:
        load_tagger.cache_clear()


def test_unreadable_model_says_how_to_rebuild_it(tmp_path):
    path = tmp_path / "model.crfsuite"
    path.write_bytes(b"not a model")
    with pytest.raises(ModelMissing, match="python -m hadath.ner.build"):
        model.Tagger(path)


def test_heldout_split_is_deterministic_and_disjoint():
    n = 3973
    train, heldout = corpus.split_indices(n)
    assert (train, heldout) == corpus.split_indices(n)
    assert heldout == [i for i in range(n) if i % 10 == 9]
    assert not set(train) & set(heldout)
    assert sorted(train + heldout) == list(range(n))


def test_training_data_never_contains_heldout_text(shared):
    anercorp = corpus.read_anercorp(shared / corpus.ANERCORP)
    train_idx, heldout_idx = corpus.split_indices(len(anercorp))
    train, heldout = corpus.training_data(shared)
    assert heldout == [anercorp[i] for i in heldout_idx]
    assert train[:len(train_idx)] == [anercorp[i] for i in train_idx]
    # The rest is NewsFANE, which re-annotates ANERcorp's text: none of it may share a stretch of
    # text with a held-out sentence.
    newsfane = train[len(train_idx):]
    assert newsfane and newsfane == corpus.new_newsfane(shared, anercorp)
    assert corpus.without_overlap(newsfane, heldout) == newsfane


def test_heldout_f1(shared):
    _, heldout = corpus.training_data(shared)
    scores = evaluate(load_tagger(), heldout)
    assert scores["all"].f1 >= HELDOUT_F1_MIN, scores


def test_newsfane_is_read_in_anercorp_shape(tmp_path):
    path = tmp_path / "newsfane.txt"
    path.write_text("و\tO\nب\tO\nالمانيا\tB-Nation\nقال\tO\nان\tO\nه\tO\nالعرب\tB-Group\n"
                    "كوفي\tB-Politician\nانان\tI-Politician\n\n", encoding="utf-8")
    assert corpus.read_newsfane(path) == [[
        ("وبالمانيا", "B-LOC"), ("قال", "O"), ("انه", "O"), ("العرب", "O"),
        ("كوفي", "B-PERS"), ("انان", "I-PERS")]]


def test_given_names_file_is_a_valid_lexicon():
    table = read_table(GIVEN_NAMES)
    assert table.columns == ("name", "count")
    names = {row["name"] for row in table.rows}
    assert "محمد" in names and "الرئيس" not in names and "في" not in names
    assert all(int(row["count"]) >= 2 for row in table.rows)
