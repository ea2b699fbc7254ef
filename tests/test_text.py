"""The Arabic text layer: folded views with offset maps, sentences, tokens and clitic forms."""
from __future__ import annotations

import random

from hadath.text.normalize import fold, view
from hadath.text.sentences import split
from hadath.text.tokens import forms, tokenize


def test_fold_letters_digits_marks():
    assert fold("أإآٱ") == "اااا"
    assert fold("مستشفى") == "مستشفي"
    assert fold("الحكومة") == "الحكومه"
    assert fold("مؤتمر") == "موتمر"
    assert fold("رئيس") == "رييس"
    assert fold("٢٠٢٠") == "2020" and fold("۱۹") == "19"
    assert fold("فَضْلًا") == "فضلا"
    assert fold("الـــعراق") == "العراق"
    assert fold("\u200fبغداد\u200e") == "بغداد"


def test_view_offsets_round_trip_on_every_span():
    raw = "قالَ الوزيرُ الـعراقيّ: «إنّ الأمرَ مُهمٌّ» في ٧ كانون الأول\u200f."
    v = view(raw)
    assert len(v.offsets) == len(v.text)
    for start in range(len(v.text)):
        for end in range(start + 1, len(v.text) + 1):
            a, b = v.to_raw(start, end)
            # the raw slice folds back to exactly the view slice
            assert fold(raw[a:b]) == v.text[start:end]


def test_view_identity_when_nothing_is_deleted():
    v = view("أمريكا تعود")
    assert v.offsets is None
    assert v.text == "امريكا تعود"
    assert v.raw_slice(0, 6) == "أمريكا"


def test_view_random_diacritics_round_trip():
    rng = random.Random(7)
    base = "بحث وزير الدفاع مع السفير الروسي في العراق"
    marks = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", "\u200f"]
    raw = "".join(ch + (rng.choice(marks) if rng.random() < 0.3 else "") for ch in base)
    v = view(raw)
    assert v.text == fold(base)
    for t in tokenize(v.text):
        assert fold(v.raw_slice(t.start, t.end)) == t.text


def test_sentences_never_split_at_arabic_comma():
    text = "بحث الوزير، مع السفير، العلاقات الثنائية، والتعاون الأمني."
    assert split(text) == [(0, len(text))]


def test_sentences_split_at_marks_and_lines():
    text = "هذا أول. وهذا ثان؟ وهذا ثالث!\nسطر رابع"
    parts = [text[a:b] for a, b in split(text)]
    assert parts == ["هذا أول.", "وهذا ثان؟", "وهذا ثالث!", "سطر رابع"]


def test_sentences_keep_abbreviations_and_decimals():
    text = "قال د. أحمد إن النمو بلغ 3.5 في المئة. ثم غادر."
    parts = [text[a:b] for a, b in split(text)]
    assert parts == ["قال د. أحمد إن النمو بلغ 3.5 في المئة.", "ثم غادر."]
    text = "التقى أ. محمد م. خالد أمس."
    assert len(split(text)) == 1


def test_sentence_keeps_closing_quote():
    text = "وأضاف: “هذا جيد”. ثم انصرف."
    parts = [text[a:b] for a, b in split(text)]
    assert parts[0] == "وأضاف: “هذا جيد”."


def test_tokens_words_and_punctuation():
    toks = tokenize(fold("قال: “نحن، هنا”"))
    assert [t.text for t in toks] == ["قال", ":", "“", "نحن", "،", "هنا", "”"]
    assert [t.is_word for t in toks] == [True, False, False, True, False, True, False]


def test_clitic_forms():
    assert "العراق" in forms(fold("بالعراق"))
    assert "العراق" in forms(fold("للعراق"))
    assert "العراق" in forms(fold("والعراق"))
    assert "وزاره" in forms(fold("لوزارة"))
    assert "يقصف" in forms(fold("وسيقصف"))
    assert "حكومه" in forms(fold("حكومته"))
    assert forms(fold("بايدن"))[0] == "بايدن"  # the word as written is always tried first
    assert forms("وزير")[0] == "وزير"


def test_seed_typos_and_footer(shared):
    raw = (shared / "seed" / "000_cac1221034f030e9.txt").read_text(encoding="utf-8")
    v = view(raw)
    words = {t.text for t in tokenize(v.text)}
    # the seed's typos are kept as written (folded), not silently "corrected"
    assert {"الوايات", "امثر", "رغبه"} <= words
    lines = [raw[a:b] for a, b in split(raw)]
    assert lines[-2:] == ["مقالات ذات صلة", "زر الذهاب إلى الأعلى"]
    # a multi-clause paragraph with Arabic commas stays one sentence
    assert any(s.startswith("ومؤخرا بحث وزير الدفاع العراقي جمعة عناد، مع السفير الروسي") and "7 كانون" in s
               for s in lines)
