"""Tests of the scorer (hadath.evaluate) against the contract in GOLD.md, "How a system is scored"."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from hadath.errors import GoldFormatError, InputNotFound, PredictionFormatError
from hadath.evaluate import (
    LAYERS,
    Counts,
    evaluate,
    gold_as_prediction,
    load_gold,
    load_predictions,
    normalize,
    overlap,
)


def party(code, sector):
    return {"entity_text": "x", "code": code, "sector": sector}


def event(kind, actors, recipients):
    return {"event": kind, "actor": actors, "recipient": recipients}


def scores(report, layer):
    c = report.layers[layer]
    return (c.tp, c.fp, c.fn, c.precision, c.recall, c.f1)


# --- gold against itself, and against nothing --------------------------------------------------


def gold_files(shared: Path) -> list[Path]:
    files = sorted((shared / "gold").rglob("*.json"))
    assert files, f"no gold files under {shared / 'gold'}"
    return files


def test_every_gold_file_scored_against_itself_is_perfect(shared):
    for file in gold_files(shared):
        gold = load_gold([file])
        report = evaluate(gold, [gold_as_prediction(doc) for doc in gold])
        for layer, counts in report.layers.items():
            assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), (file.name, layer, counts)
        assert report.documents["matched"] == 1


def test_gold_set_against_empty_predictions_scores_zero_where_there_is_gold(shared):
    gold = load_gold([shared / "gold"])
    assert len(gold) == len(gold_files(shared))
    report = evaluate(gold, [])
    assert report.documents["missing"] == len(gold)
    for article in report.articles:
        for layer, counts in article.layers.items():
            if counts.gold:
                assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0), (article.doc_id, layer)
            else:  # nothing to find and nothing found
                assert counts.f1 == 1.0
    for layer, counts in report.layers.items():
        assert counts.f1 == 0.0 and counts.fn == counts.gold > 0, layer


# --- a small case computed by hand -------------------------------------------------------------

HAND_GOLD = [
    {
        "doc_id": "t/a",
        "title": "العراق وروسيا",
        "text": "…",
        "actors": [
            {"entity_text": "وزير الدفاع العراقي جمعة عناد", "code": "IRQ", "sector": "GOV", "aliases": ["عناد"]},
            {"entity_text": "السفير الروسي", "code": "RUS", "sector": "GOV"},
            {"entity_text": "المرصد السوري لحقوق الإنسان", "code": "SYR", "sector": "CVL"},
        ],
        "events": [
            event("CONSULT", [party("IRQ", "GOV")], [party("RUS", "GOV")]),
            event("ACCUSE", [party("USA", "GOV")], []),
            # Two recipients with one code: one triple when lenient, two when strict.
            event("ASSAULT", [party(None, "UAF")], [party("IRQ", "MIL"), party("IRQ", "CVL")]),
        ],
        "quotes": [
            {"speaker": "محمد رضا", "speaker_aliases": ["البرلماني العراقي"],
             "quote_start": "نحن في لجنة الأمن والدفاع نطمح إلى أن ينوع العراق أسلحته"},
            {"speaker": "بيان لوزارة الدفاع", "quote_start": "وزير الدفاع التقى في مكتبه"},
            {"speaker": "ترامب", "quote_start": "الحيوان"},
        ],
        "times": [
            {"text": "7 كانون الأول/ ديسمبر الحالي", "value": "2020-12-07"},
            {"text": "الأحد", "value": "2020-12-06"},
        ],
        "places": [
            {"text": "اربيل", "country": "IRQ", "lat": 36.19, "lon": 44.01},
            {"text": "روسيا", "country": "RUS", "lat": 61.52, "lon": 105.32},
            {"text": "بغداد", "country": "IRQ", "lat": 33.31, "lon": 44.36},
        ],
    },
    {
        "doc_id": "t/b",
        "title": "إيران والعراق",
        "text": "…",
        "actors": [{"entity_text": "إيران", "code": "IRN", "sector": "GOV"}],
        "events": [
            event("AGREE", [party("IRN", "GOV")], [party("IRQ", "GOV")]),
            event("SUPPORT", [party("IRN", "GOV")], [party("IRQ", "GOV")]),
        ],
        "quotes": [],
        "times": [],
        "places": [{"text": "طهران", "country": "IRN", "lat": 35.69, "lon": 51.39}],
    },
]

HAND_PRED = [
    {
        "doc_id": "t/a",
        "actors": [
            {"entity_text": "جمعة عناد", "code": "IRQ", "sector": "GOV", "mentions": [{"text": "وزير الدفاع"}]},
            {"entity_text": "للمرصد السوري", "code": "SYR", "sector": "NGO", "mentions": []},
            {"entity_text": "روسيا", "code": "RUS", "sector": "GOV"},
            {"entity_text": "عناد", "code": "IRQ", "sector": "GOV"},
        ],
        "events": [
            event("CONSULT", [party("RUS", "GOV")], [party("IRQ", "GOV")]),
            event("ACCUSE", [party("USA", "GOV")], [party(None, None)]),
            event("ASSAULT", [], [party("IRQ", "MIL")]),
            event("REJECT", [party("IRQ", "GOV")], [party("USA", "GOV")]),
        ],
        "quotes": [
            {"text": "«نحن في لجنة الامن والدفاع نطمح إلى أن ينوّع العراق أسلحته، خاصة مع الجانب الروسي»",
             "speaker": {"entity_text": "البرلماني العراقي"}},
            {"text": "وزير الدفاع التقى في مكتبه، الأحد، السفير", "speaker": "روسيا"},
            {"text": "كلام آخر", "speaker": "ترامب"},
        ],
        "times": [
            {"text": "7 كانون الأول", "value": "2020-12-07"},
            {"text": "الاحد", "value": "2020-12-13"},
        ],
        "places": [
            {"text": "أربيل", "country": "IRQ", "lat": 36.4, "lon": 44.1, "level": "city"},
            {"text": "روسيا", "country": "RUS", "lat": 55.75, "lon": 37.62, "level": "country"},
            {"text": "بغداد", "country": "IRQ", "lat": 35.0, "lon": 44.36, "level": "city"},
        ],
    },
    {
        # Extracted from a text file: another doc_id, the same title up to diacritics and hamza.
        "doc_id": "upload/0001",
        "title": "إيرانُ والعراقُ",
        "actors": [{"entity_text": "ايران", "code": "IRN", "sector": "GOV"}],
        "events": [
            event("AGREE", [party("IRQ", "GOV")], [party("IRN", "GOV")]),
            event("SUPPORT", [party("IRQ", "GOV")], [party("IRN", "GOV")]),
        ],
        "quotes": [],
        "times": [{"text": "اليوم", "value": "2018-01-01"}],
        "places": [],
    },
    {"doc_id": "t/not-in-gold", "title": "خبر آخر", "events": []},
]


def test_hand_built_case_matches_hand_computation():
    report = evaluate(HAND_GOLD, HAND_PRED)
    a, b = report.articles

    # events, article a. Gold triples: (CONSULT,IRQ,RUS) (ACCUSE,USA,"") (ASSAULT,"",IRQ) = 3.
    # Predicted: CONSULT RUS->IRQ is mutual, sorted = gold's; ACCUSE with a null-code recipient =
    # the empty code; ASSAULT with no actor = ("",IRQ); REJECT is wrong. tp 3, fp 1, fn 0.
    assert (a.layers["events"].tp, a.layers["events"].fp, a.layers["events"].fn) == (3, 1, 0)
    # Strict, gold: (CONSULT,IRQ/GOV,RUS/GOV) (ACCUSE,USA/GOV,/) (ASSAULT,/UAF,IRQ/MIL)
    # (ASSAULT,/UAF,IRQ/CVL) = 4; the predicted ASSAULT has actor "/" not "/UAF". tp 2, fp 2, fn 2.
    assert (a.layers["events_strict"].tp, a.layers["events_strict"].fp, a.layers["events_strict"].fn) == (2, 2, 2)
    # Article b: AGREE is mutual (order ignored), SUPPORT is not (IRQ->IRN is not IRN->IRQ).
    # tp 1, fp 1, fn 1, strict and lenient.
    assert (b.layers["events"].tp, b.layers["events"].fp, b.layers["events"].fn) == (1, 1, 1)
    # Sum: gold 3+2=5, pred 4+2=6, tp 4 -> P 4/6, R 4/5, F1 2*(2/3)*(4/5)/(2/3+4/5) = 8/11.
    assert scores(report, "events") == pytest.approx((4, 2, 1, 4 / 6, 4 / 5, 8 / 11))
    # Strict: gold 4+2=6, pred 4+2=6, tp 2+1=3 -> P = R = F1 = 1/2.
    assert scores(report, "events_strict") == pytest.approx((3, 3, 3, 0.5, 0.5, 0.5))

    # actors, article a. Gold found: g1 (by "جمعة عناد" and "عناد"), g3 (by "للمرصد السوري", word
    # rule); g2 "السفير الروسي" is not met by "روسيا". Predicted matching: a1, a2, a4; a3 not.
    # -> gold_found 2 of 3, pred_matched 3 of 4.
    # Strict: a2 has sector NGO, gold CVL -> gold_found 1 (g1), pred_matched 2 (a1, a4).
    # Article b: "ايران" = "إيران" -> 1 of 1 both ways, strict too.
    # Sum: P = (3+1)/(4+1) = 4/5, R = (2+1)/(3+1) = 3/4, F1 = 2*.8*.75/1.55 = 24/31;
    # tp = gold found 3, fn = 4-3 = 1, fp = predicted not matching 5-4 = 1.
    assert scores(report, "actors") == pytest.approx((3, 1, 1, 4 / 5, 3 / 4, 24 / 31))
    # Strict: P = (2+1)/5 = 3/5, R = (1+1)/4 = 1/2, F1 = 2*.6*.5/1.1 = 6/11; tp 2, fp 5-3 = 2, fn 2.
    assert scores(report, "actors_strict") == pytest.approx((2, 2, 2, 3 / 5, 1 / 2, 6 / 11))

    # quotes, article a. q1 found in r1 (hamza, shadda, punctuation differ) and attributed by the
    # alias "البرلماني العراقي"; q2 found in r2 but "روسيا" is not its speaker; q3 not found.
    # found: 2 of 3 gold, 2 of 3 predictions -> P = R = F1 = 2/3, tp 2, fp 1, fn 1.
    # attributed: 1 -> P = R = F1 = 1/3, tp 1, fp 2, fn 2. Article b has no quotes on either side.
    assert scores(report, "quotes_found") == pytest.approx((2, 1, 1, 2 / 3, 2 / 3, 2 / 3))
    assert scores(report, "quotes_attributed") == pytest.approx((1, 2, 2, 1 / 3, 1 / 3, 1 / 3))
    assert b.layers["quotes_found"].f1 == 1.0  # nothing to find, nothing found

    # times: a: "7 كانون الأول" is contained in the gold text, same value -> found; "الاحد" has
    # another value -> not. b: one predicted, none in gold.
    # Sum: gold 2, pred 3, tp 1 -> P 1/3, R 1/2, F1 2*(1/6)/(5/6) = 2/5; fp 2, fn 1.
    assert scores(report, "times") == pytest.approx((1, 2, 1, 1 / 3, 1 / 2, 2 / 5))

    # places: a: أربيل about 25 km from the gold point -> found; روسيا far from the gold centroid
    # but level country -> found; بغداد about 190 km off, level city -> not. b: طهران not predicted.
    # Sum: gold 4, pred 3, tp 2 -> P 2/3, R 1/2, F1 2*(1/3)/(7/6) = 4/7; fp 1, fn 2.
    assert scores(report, "places") == pytest.approx((2, 1, 2, 2 / 3, 1 / 2, 4 / 7))

    assert (a.status, b.status, b.prediction_id) == ("matched", "title", "upload/0001")
    docs = report.documents
    assert (docs["gold"], docs["matched"], docs["matched_by_title"], docs["missing"], docs["errors"], docs["ignored"]) == (
        2, 2, 1, 0, 0, 1)
    assert docs["ids"] == {"matched_by_title": ["t/b"], "missing": [], "errors": [], "ignored": ["t/not-in-gold"]}


def test_report_renders_as_json_and_table():
    report = evaluate(HAND_GOLD, HAND_PRED)
    as_dict = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert list(as_dict["layers"]) == list(LAYERS)
    assert as_dict["layers"]["actors"]["precision"] == pytest.approx(0.8)
    assert [a["doc_id"] for a in as_dict["articles"]] == ["t/a", "t/b"]
    assert as_dict["documents"]["ids"]["ignored"] == ["t/not-in-gold"]

    console = Console(record=True, width=120)
    console.print(report.table())
    text = console.export_text()
    for layer in LAYERS:
        assert layer in text
    assert "0.800" in text and "by title" in text


# --- normalization and overlap -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("أحمد إبراهيم آل ٱلقدس", "احمد ابراهيم ال القدس"),  # hamza forms and wasla
        ("مستشفى", "مستشفي"),
        ("الحكومة", "الحكومه"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("مُحَمَّدٌ", "محمد"),  # harakat, shadda
        ("هٰذا", "هذا"),  # superscript alef
        ("محـــمد", "محمد"),  # tatweel
        ("صلى\u06d6", "صلي"),  # Quranic mark
        ("ﻻ", "لا"),  # presentation-form ligature, via NFKC
        ("«العراق»، سوريا؛ لماذا؟", "العراق سوريا لماذا"),
        ("“بيان” (رسمي) - قال:", "بيان رسمي قال"),
        ("  كانون الأول/ ديسمبر \n الحالي ", "كانون الاول ديسمبر الحالي"),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_overlap_by_containment():
    assert overlap("الولايات المتحدة", "الولايات المتحدة الأمريكية")
    assert overlap("وزير الدفاع العراقي، جمعة عناد", "جمعة عناد")
    assert overlap("الحكومة", "الحكومه")  # ة/ه
    assert overlap("أربيل", "اربيل")  # hamza


def test_overlap_by_half_of_the_words_of_the_shorter():
    # A clitic changes one word of two; the other word is half of the shorter: overlap.
    assert overlap("للمرصد السوري", "المرصد السوري")
    assert overlap("للمرصد السوري", "المرصد السوري لحقوق الإنسان")
    # One shared word of three in the shorter is less than half.
    assert not overlap("وزير الدفاع العراقي", "وزير الخارجية الروسي")
    # A single clitic-prefixed word has no word in common and no containment: no overlap.
    assert not overlap("للمرصد", "المرصد")


def test_overlap_counts_distinct_words():
    # Distinct words: {a, b} against {a, c, d}; the shorter has 2 and shares 1 -> overlap. Counting
    # repeated words, the shorter (3 words, "a c d") would need 1.5 shared words and fail.
    assert overlap("قصف قصف قصف غزة", "قصف رفح خان")


def test_overlap_needs_text_on_both_sides():
    assert not overlap("", "العراق")
    assert not overlap("العراق", "")
    assert not overlap("«»،", "؟!")


# --- layer rules -------------------------------------------------------------------------------


def one_doc(**fields):
    return {"doc_id": "t/1", "title": "t", **fields}


@pytest.mark.parametrize("kind", ["AGREE", "CONSULT", "COOPERATE"])
def test_mutual_types_ignore_the_order_of_the_pair(kind):
    gold = one_doc(events=[event(kind, [party("IRQ", "GOV")], [party("RUS", "GOV")])])
    pred = one_doc(events=[event(kind, [party("RUS", "GOV")], [party("IRQ", "GOV")])])
    report = evaluate([gold], [pred])
    assert report.layers["events"].f1 == 1.0 and report.layers["events_strict"].f1 == 1.0


@pytest.mark.parametrize("kind", ["SUPPORT", "ACCUSE", "ASSAULT", "REQUEST"])
def test_other_types_keep_the_order_of_the_pair(kind):
    gold = one_doc(events=[event(kind, [party("IRQ", "GOV")], [party("RUS", "GOV")])])
    pred = one_doc(events=[event(kind, [party("RUS", "GOV")], [party("IRQ", "GOV")])])
    counts = evaluate([gold], [pred]).layers["events"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_null_code_and_empty_list_are_the_empty_code():
    gold = one_doc(events=[event("ASSAULT", [party(None, "UAF")], [party("SYR", "CVL")]),
                           event("ACCUSE", [party("USA", "GOV")], [])])
    pred = one_doc(events=[event("ASSAULT", [], [party("SYR", "CVL")]),
                           event("ACCUSE", [party("USA", "GOV")], [{"code": None, "sector": None}])])
    report = evaluate([gold], [pred])
    assert report.layers["events"].f1 == 1.0
    # Strict: ACCUSE still matches ("/" both sides), ASSAULT does not ("/" is not "/UAF").
    strict = report.layers["events_strict"]
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 1)


def test_events_count_distinct_triples_one_per_pair():
    gold = one_doc(events=[event("ACCUSE", [party("USA", "GOV"), party("GBR", "GOV")],
                                 [party("RUS", "GOV"), party("SYR", "GOV")])])
    # The same four pairs reported as four events, one of them twice.
    pred = one_doc(events=[event("ACCUSE", [party(a, "GOV")], [party(r, "GOV")])
                           for a, r in [("USA", "RUS"), ("USA", "SYR"), ("GBR", "RUS"), ("GBR", "SYR"), ("USA", "RUS")]])
    counts = evaluate([gold], [pred]).layers["events"]
    assert (counts.gold, counts.pred, counts.tp) == (4, 4, 4)


def test_actor_code_must_agree():
    gold = one_doc(actors=[{"entity_text": "الجيش العراقي", "code": "IRQ", "sector": "MIL"}])
    pred = one_doc(actors=[{"entity_text": "الجيش العراقي", "code": "SYR", "sector": "MIL"}])
    assert evaluate([gold], [pred]).layers["actors"].f1 == 0.0


def test_quote_key_is_the_first_40_normalized_characters():
    start = "إن الحكومة العراقية ماضية في تنويع مصادر السلاح مع جميع الدول الصديقة"
    gold = one_doc(quotes=[{"speaker": "العبادي", "quote_start": start}])
    # Same first 40 normalized characters, a different ending: found.
    head = normalize(start)[:40]
    pred = one_doc(quotes=[{"text": head + " وكلام مختلف بعدها", "speaker": "رئيس الوزراء حيدر العبادي"}])
    report = evaluate([gold], [pred])
    assert report.layers["quotes_found"].f1 == 1.0 and report.layers["quotes_attributed"].f1 == 1.0
    # One character short of the key: not found.
    pred = one_doc(quotes=[{"text": head[:-1], "speaker": "العبادي"}])
    assert evaluate([gold], [pred]).layers["quotes_found"].f1 == 0.0


def test_quote_key_cut_at_a_space_needs_no_following_word():
    # The 40th normalized character is a space; a prediction that ends with the 40th-character
    # word (before the gold quote's next word) still contains the key.
    start = "نحن نطمح إلى أن ينوع العراق أسلحته معها اليوم"
    assert normalize(start)[39] == " "
    gold = one_doc(quotes=[{"speaker": "محمد رضا", "quote_start": start}])
    pred = one_doc(quotes=[{"text": "نحن نطمح إلى أن ينوع العراق أسلحته معها", "speaker": "محمد رضا"}])
    assert evaluate([gold], [pred]).layers["quotes_found"].f1 == 1.0


def test_quotes_match_one_to_one():
    gold = one_doc(quotes=[{"speaker": "س", "quote_start": "نرفض التدخل"}, {"speaker": "ص", "quote_start": "نرفض التدخل"}])
    pred = one_doc(quotes=[{"text": "نرفض التدخل في شؤوننا", "speaker": "س"}])
    found = evaluate([gold], [pred]).layers["quotes_found"]
    assert (found.tp, found.fp, found.fn) == (1, 0, 1)
    pred = one_doc(quotes=[{"text": "نرفض التدخل", "speaker": "س"}] * 3)
    gold = one_doc(quotes=[{"speaker": "س", "quote_start": "نرفض التدخل"}])
    found = evaluate([gold], [pred]).layers["quotes_found"]
    assert (found.tp, found.fp, found.fn) == (1, 2, 0)


def test_quotes_found_and_attributed_each_take_their_best_matching():
    # g1 is found in p1 (attributed) and p2; g2 only in p1. The most quotes found pairs g1-p2 and
    # g2-p1 (2); the most attributed pairs g1-p1 (1).
    gold = one_doc(quotes=[{"speaker": "الوزير", "quote_start": "سنواصل"},
                           {"speaker": "النائب", "quote_start": "العمل"}])
    pred = one_doc(quotes=[{"text": "سنواصل العمل", "speaker": "الوزير"}, {"text": "سنواصل", "speaker": "غيره"}])
    report = evaluate([gold], [pred])
    assert report.layers["quotes_found"].tp == 2
    assert report.layers["quotes_attributed"].tp == 1


def test_times_need_the_same_value():
    gold = one_doc(times=[{"text": "أمس", "value": "2018-03-20"}])
    assert evaluate([gold], [one_doc(times=[{"text": "امس", "value": "2018-03-20"}])]).layers["times"].f1 == 1.0
    assert evaluate([gold], [one_doc(times=[{"text": "امس", "value": "2018-03"}])]).layers["times"].f1 == 0.0


def test_places_need_country_and_point_or_country_level():
    gold = one_doc(places=[{"text": "الموصل", "country": "IRQ", "lat": 36.34, "lon": 43.13}])

    def places_f1(**place):
        return evaluate([gold], [one_doc(places=[{"text": "الموصل", "country": "IRQ", **place}])]).layers["places"].f1

    assert places_f1(lat=36.6, lon=43.3) == 1.0  # about 33 km
    assert places_f1(lat=36.9, lon=43.13) == 0.0  # about 62 km
    assert places_f1(lat=0.0, lon=0.0, level="country") == 1.0
    assert places_f1(level="city") == 0.0  # no point to compare
    assert places_f1(lat=36.34, lon=43.13, country="SYR") == 0.0


def test_counts_conventions_for_empty_sides():
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    nothing_found = Counts(gold=3)
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (0.0, 0.0, 0.0)
    all_wrong = Counts(pred=2)
    assert (all_wrong.precision, all_wrong.recall, all_wrong.f1) == (0.0, 0.0, 0.0)
    assert (all_wrong.tp, all_wrong.fp, all_wrong.fn) == (0, 2, 0)


# --- pairing of documents ----------------------------------------------------------------------


def test_error_records_count_as_empty_predictions(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(
        json.dumps({"doc_id": "t/a", "error": {"code": "E004", "message": "empty", "fix": "…"}}) + "\n\n"
        + json.dumps(gold_as_prediction(HAND_GOLD[1]), ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    pred = load_predictions(path)
    assert len(pred) == 2
    report = evaluate(HAND_GOLD, pred)
    assert report.documents["ids"]["errors"] == ["t/a"] and report.documents["matched"] == 1
    a, b = report.articles
    assert a.status == "error"
    assert all(counts.f1 == 0.0 for counts in a.layers.values() if counts.gold)
    assert all(counts.f1 == 1.0 for counts in b.layers.values())


def test_missing_and_ignored_documents():
    report = evaluate(HAND_GOLD, [{"doc_id": "other/1", "title": "لا علاقة"}])
    assert report.documents["ids"]["missing"] == ["t/a", "t/b"]
    assert report.documents["ids"]["ignored"] == ["other/1"]
    assert report.documents["matched"] == 0


def test_title_fallback_does_not_take_another_gold_documents_prediction():
    twin = {**HAND_GOLD[1], "doc_id": "t/b-twin"}
    pred = [gold_as_prediction(HAND_GOLD[1])]  # doc_id t/b, the twin's title too
    report = evaluate([HAND_GOLD[1], twin], pred)
    assert [a.status for a in report.articles] == ["matched", "missing"]


def test_title_fallback_uses_each_prediction_once():
    first, second = {**HAND_GOLD[1], "doc_id": "t/1"}, {**HAND_GOLD[1], "doc_id": "t/2"}
    pred = [{**gold_as_prediction(HAND_GOLD[1]), "doc_id": "up/1"}]
    report = evaluate([first, second], pred)
    assert [a.status for a in report.articles] == ["title", "missing"]


def test_duplicate_prediction_doc_ids_are_an_error():
    pred = gold_as_prediction(HAND_GOLD[0])
    with pytest.raises(PredictionFormatError, match="t/a"):
        evaluate(HAND_GOLD, [pred, pred])


# --- loading and bad input ---------------------------------------------------------------------


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def test_load_gold_reads_files_and_directories_recursively(tmp_path):
    write(tmp_path / "gold" / "dev" / "a.json", json.dumps(HAND_GOLD[0], ensure_ascii=False))
    b = write(tmp_path / "gold" / "b.json", json.dumps(HAND_GOLD[1], ensure_ascii=False))
    docs = load_gold([tmp_path / "gold", str(b)])  # b reached twice, read once
    assert sorted(d["doc_id"] for d in docs) == ["t/a", "t/b"]


def test_gold_with_bad_json_names_the_file(tmp_path):
    bad = write(tmp_path / "bad.json", '{"doc_id": "x",')
    with pytest.raises(GoldFormatError) as info:
        load_gold([bad])
    assert str(bad) in str(info.value) and info.value.fix


def test_gold_without_doc_id_names_the_file(tmp_path):
    bad = write(tmp_path / "no_id.json", json.dumps({"title": "t", "events": []}))
    with pytest.raises(GoldFormatError, match="doc_id") as info:
        load_gold([bad])
    assert str(bad) in str(info.value) and info.value.fix


def test_gold_of_the_wrong_shape_names_file_and_field(tmp_path):
    bad = write(tmp_path / "shape.json", json.dumps({"doc_id": "t/x", "actors": {"entity_text": "x"}}))
    with pytest.raises(GoldFormatError, match="actors") as info:
        load_gold([bad])
    assert str(bad) in str(info.value)
    bad = write(tmp_path / "shape2.json", json.dumps({"doc_id": "t/y", "places": [{"text": "x", "lat": "36"}]}))
    with pytest.raises(GoldFormatError, match=r"places\[0\]\.lat"):
        load_gold([bad])


def test_gold_duplicate_doc_id_names_both_files(tmp_path):
    first = write(tmp_path / "one.json", json.dumps({"doc_id": "t/same"}))
    second = write(tmp_path / "two.json", json.dumps({"doc_id": "t/same"}))
    with pytest.raises(GoldFormatError) as info:
        load_gold([first, second])
    assert "one.json" in str(info.value) and "two.json" in str(info.value)


def test_missing_gold_path_and_empty_directory(tmp_path):
    with pytest.raises(InputNotFound, match="nowhere"):
        load_gold([tmp_path / "nowhere"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputNotFound, match="empty"):
        load_gold([tmp_path / "empty"])


def test_prediction_line_that_is_not_json_names_file_and_line(tmp_path):
    path = write(tmp_path / "pred.jsonl", json.dumps({"doc_id": "t/a"}) + "\n{not json\n")
    with pytest.raises(PredictionFormatError) as info:
        load_predictions(path)
    assert str(path) in str(info.value) and "line 2" in str(info.value) and info.value.fix


def test_prediction_of_the_wrong_shape_names_line_and_field(tmp_path):
    path = write(tmp_path / "pred.jsonl", json.dumps({"doc_id": "t/a", "events": [{"event": "AID", "actor": "IRQ"}]}))
    with pytest.raises(PredictionFormatError, match=r"line 1.*events\[0\]\.actor"):
        load_predictions(path)
    path = write(tmp_path / "pred2.jsonl", "[1, 2]\n")
    with pytest.raises(PredictionFormatError, match="line 1"):
        load_predictions(path)


def test_missing_prediction_file(tmp_path):
    with pytest.raises(InputNotFound, match="absent.jsonl"):
        load_predictions(tmp_path / "absent.jsonl")
