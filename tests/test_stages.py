"""Hand-built Arabic inputs through the pipeline: one behaviour each, no shared data needed."""
from __future__ import annotations

import pytest

import hadath
from hadath.errors import PipelineConfigError
from hadath.pipeline import Pipeline


def analyze(text: str, published: str = "2020-12-08", title: str = ""):
    return hadath.analyze(text, title=title, published=published)


def actor_of(doc, needle):
    return next(a for a in doc.actors if needle in a.entity_text or any(needle in m.text for m in a.mentions))


def test_spans_point_into_the_raw_text():
    doc = analyze("بحثَ وزيرُ الدفاعِ العراقيُّ جمعة عناد، مع السفير الروسي في العراق، العلاقات الثنائية.")
    record = doc.to_dict()
    for a in record["actors"]:
        for m in a["mentions"]:
            s = m["spans"][0]
            assert record["text"][s["start"]:s["end"]] == m["text"]
    for e in record["events"]:
        s = e["spans"][0]
        assert record["text"][s["start"]:s["end"]] == e["event_text"]


def test_role_phrases_compose_one_actor():
    doc = analyze("بحث وزير الدفاع العراقي جمعة عناد، مع السفير الروسي في العراق، ماكسيم ماكسيموف، التعاون.")
    minister = actor_of(doc, "وزير الدفاع العراقي")
    assert (minister.code, minister.sector) == ("IRQ", "GOV")
    ambassador = actor_of(doc, "السفير الروسي")
    assert (ambassador.code, ambassador.sector) == ("RUS", "GOV")  # the nisba, not the host country


def test_committee_head_is_legislature_and_coreferent():
    doc = analyze("قال رئيس لجنة الأمن والدفاع في البرلمان العراقي، محمد رضا، إن العلاقات جيدة.\n"
                  "وأضاف البرلماني العراقي أن التعاون سيستمر.")
    head = actor_of(doc, "محمد رضا")
    assert (head.code, head.sector) == ("IRQ", "LEG")
    assert any(m.text == "البرلماني العراقي" for m in head.mentions)


def test_persons_on_the_publication_date():
    trump_2018 = actor_of(analyze("قال دونالد ترامب إن الاتفاق سيئ.", "2018-05-01"), "ترامب")
    trump_2022 = actor_of(analyze("قال دونالد ترامب إن الاتفاق سيئ.", "2022-05-01"), "ترامب")
    assert (trump_2018.code, trump_2018.sector) == ("USA", "GOV")
    assert (trump_2022.code, trump_2022.sector) == ("USA", "ELI")


def test_typo_in_a_country_name_is_tolerated():
    doc = analyze("الواضح ان الوايات المتحدة تضغط على العراق.")
    assert any(m.code == "USA" and m.text == "الوايات المتحدة" for m in doc.mentions)


def test_unknown_attackers_and_armed_groups():
    doc = analyze("هاجم مسلحون مجهولون مقرا للشرطة العراقية في بغداد.")
    assert any(e.event == "ASSAULT" and e.actor[0].sector == "UAF" and e.actor[0].code is None for e in doc.events)


def test_meeting_is_consult_with_both_sides():
    doc = analyze("بحث وزير الخارجية المصري مع نظيره الأردني في عمان الأزمة في غزة.")
    consult = [e for e in doc.events if e.event == "CONSULT"]
    assert consult
    codes = {consult[0].actor[0].code, consult[0].recipient[0].code}
    assert codes == {"EGY", "JOR"}


def test_denial_is_reject_not_assault():
    doc = analyze("الحشد الشعبي اعلن انه لم يقصف السفارة الأمريكية.")
    assert not [e for e in doc.events if e.event == "ASSAULT"]
    assert any(e.event == "REJECT" and e.actor[0].code == "IRQ" for e in doc.events)


def test_conditional_and_question_are_not_events():
    assert not analyze("إذا هاجمت إسرائيل لبنان فإن المنطقة ستشتعل.").events
    assert not [e for e in analyze("هل تقصف روسيا إدلب؟").events if e.event == "ASSAULT"]


def test_reported_speech_and_wadafa():
    doc = analyze("وقال وزير الخارجية السعودي عادل الجبير إن المملكة لن تسمح بالتدخل في شؤونها.\n"
                  "وأضاف: “إيران يجب أن تغير سياستها”.", "2018-01-10")
    assert len(doc.quotes) == 2
    first, second = doc.quotes
    assert first.kind == "reported" and first.speaker.code == "SAU"
    assert second.kind == "direct" and second.speaker.entity_text == first.speaker.entity_text


def test_headline_quote():
    doc = analyze("نص الخبر.", title="ترامب: سيكون هناك ثمن باهظ", published="2018-04-08")
    assert any(q.span.field == "title" and q.text.startswith("سيكون هناك") and "ترامب" in q.speaker.entity_text
               for q in doc.quotes)


@pytest.mark.parametrize("text,value", [
    ("في 7 كانون الأول/ ديسمبر الحالي", "2020-12-07"),
    ("يوم الأحد", "2020-12-06"),
    ("أمس", "2020-12-07"),
    ("قبل أيام", "2020-12"),
    ("الشهر الماضي", "2020-11"),
    ("العام الماضي", "2019"),
    ("عام 2003", "2003"),
    ("في 12 أيلول 2019", "2019-09-12"),
    ("في ٣ يوليو ٢٠١٥", "2015-07-03"),
    ("15 جانفي 2019", "2019-01-15"),
    ("في 26 شوال 1436 هـ", "2015-08-11"),
    ("منذ أربع سنوات", "2016"),
    ("مطلع الشهر الجاري", "2020-12"),
])
def test_times(text, value):
    doc = analyze(f"وقع الحادث {text} في المدينة.")
    assert value in {t.value for t in doc.times}, [(t.text, t.value) for t in doc.times]


def test_places_and_disambiguation():
    libya = analyze("اشتبكت قوات حكومة الوفاق الليبية مع مسلحين في طرابلس قرب بنغازي في ليبيا.")
    tripoli = next(p for p in libya.places if p.text.endswith("طرابلس"))
    assert tripoli.country == "LBY"
    lebanon = analyze("شهدت مدينة طرابلس شمال لبنان احتجاجات، وقال الجيش اللبناني إن الوضع هادئ في بيروت.")
    assert next(p for p in lebanon.places if p.text.endswith("طرابلس")).country == "LBN"
    erbil = next(p for p in analyze("نقل السفارة إلى اربيل").places if p.text == "اربيل")
    assert erbil.country == "IRQ" and erbil.level == "city"


def test_capitals_and_seats_of_power_stand_at_the_capital():
    places = {p.text: p for p in analyze("قال البيت الأبيض إن واشنطن ستفرض عقوبات على موسكو.").places}
    for name in ("البيت الأبيض", "واشنطن"):  # Washington DC, not the Utah town GeoNames also calls واشنطن
        assert places[name].country == "USA" and abs(places[name].lat - 38.9) < 0.2 and abs(places[name].lon + 77.0) < 0.2
    assert abs(places["موسكو"].lat - 55.75) < 0.2


def test_pipeline_is_validated_before_running():
    with pytest.raises(PipelineConfigError, match="requires"):
        Pipeline(("text", "actors"))
    with pytest.raises(PipelineConfigError, match="Unknown"):
        Pipeline(("text", "nonsense"))


def test_quotation_marks_pairing():
    from hadath.quotes.marks import quoted

    text = 'نقل موقع "بي بي سي" عن مسؤول أن "الطائرات ساعدت القوات. وأوضح: "نريد ضمان الوتيرة". وقال «هذا كلام» و“ذاك”'
    parts = [text[a:b] for a, b in quoted(text)]
    # the unclosed quotation ends with its sentence instead of swallowing the next opener
    assert parts == ["بي بي سي", "الطائرات ساعدت القوات", "نريد ضمان الوتيرة", "هذا كلام", "ذاك"]
    long = "قال: “بداية الكلام\n“وتتمته هنا”"
    assert [long[a:b] for a, b in quoted(long)] == ["بداية الكلام\n“وتتمته هنا"]


def test_times_far_in_the_past_are_not_dates():
    doc = analyze("بنيت المدينة منذ 2500 عام، وقبل 100000 يوم، وعادت الحياة إليها أمس.", "2018-06-18")
    assert {t.value for t in doc.times} == {"2018-06-17"}


def test_bare_head_nouns_refer_to_the_named_organisation():
    doc = analyze("أعلنت حركة حماس رفضها للمبادرة. وقالت الحركة في بيان إن القرار نهائي.\n"
                  "وكانت قوات التحالف بقيادة السعودية قد قصفت صنعاء، وقال التحالف إن الغارات دقيقة.", "2018-06-01")
    hamas = actor_of(doc, "حماس")
    assert any(m.text == "الحركة" for m in hamas.mentions)
    coalition = actor_of(doc, "التحالف بقيادة السعودية")
    assert coalition.code == "SAU" and any(m.text == "التحالف" for m in coalition.mentions)


def test_a_definite_noun_and_its_agreeing_adjective_match_an_indefinite_entry():
    from hadath.events.lexicon import triggers
    from hadath.text.normalize import fold
    from hadath.text.tokens import tokenize
    hit = triggers().match_at(tokenize(fold("الضربات الجوية")), 0)
    assert hit is not None and hit.end == 2 and hit.payloads[0].event == "ASSAULT"


def test_broken_plural_nisbas():
    doc = analyze("قتل ستة عناصر من رجال الأمن الأتراك، وأصيب جنود روس وجنود ألمان.", "2015-08-11")
    codes = {m.code for m in doc.mentions}
    assert {"TUR", "RUS", "DEU"} <= codes
