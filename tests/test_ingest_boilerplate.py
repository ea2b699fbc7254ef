"""Boilerplate lines: the data file is well-formed, footers and teasers go, article text stays."""
from __future__ import annotations

import pytest

from hadath.ingest import strip_boilerplate
from hadath.ingest.boilerplate import DATA, MAX_LINE_CHARS, match, rules

PARA = ("وقال المتحدث باسم الوزارة إن الجانبين اتفقا على مواصلة المحادثات الأسبوع المقبل في "
        "العاصمة، مشيراً إلى أن الملفات الأمنية ستكون على رأس جدول الأعمال.")
PARA2 = "وأضاف أن الوفد سيضم خبراء في الطاقة والنقل."


def test_data_file_has_the_provenance_header():
    head = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    for key in ("lexicon", "source", "licence", "known problems", "columns"):
        assert any(line.startswith(f"# {key}:") for line in head), key


def test_every_row_matches_its_own_example_and_patterns_are_unique():
    table = rules()
    assert table
    assert len({r.pattern for r in table}) == len(table)
    for rule in table:
        assert match(rule.example) is rule, rule.example


@pytest.mark.parametrize("line", [
    "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "اقرأ أيضاً:", "اقرأ أيضا", "إقرأ ايضاً :",
    "شارك", "مشاركة", "طباعة", "أضف تعليق", "التعليقات", "تعليقات (3)", "تابعونا على تويتر",
    "اشترك في النشرة البريدية", "المزيد من الأخبار", "الأكثر قراءة", "Share", "Tweet",
    "Share  Tweet  Email", "فيسبوك تويتر واتساب", "جميع الحقوق محفوظة © 2021",
    "© 2013 Cable News Network. All Rights Reserved.", "...المزيد", "// انتهى //",
    "اقرأ أيضا: الحكومة تعلن موعد الانتخابات", "  مقالات ذات صلة  ",
])
def test_boilerplate_lines_match(line):
    assert match(line) is not None


@pytest.mark.parametrize("line", [
    # Real sentences that contain the words of boilerplate lines.
    "وشارك في الاجتماع وزراء خارجية الدول العربية.",
    "ولم يصدر أي تعليق رسمي من الحكومة على الحادث.",
    "اشترك في الهجوم عشرات المسلحين",
    "المزيد من الضحايا سقطوا في القصف",
    "وأكد أن جميع الحقوق محفوظة للاجئين.",
    "مشاركة واسعة في الانتخابات البلدية",
    "تويتر يعلق حساب الرئيس",
    "الأكثر قراءة بين الشباب هي الروايات",
    "فيسبوك",
    "شارك " + "ب" * MAX_LINE_CHARS,  # long lines are never boilerplate
])
def test_article_lines_do_not_match(line):
    assert match(line) is None


def test_footer_lines_go_and_blank_lines_collapse():
    text = f"{PARA}\n\n{PARA2}\n\nمقالات ذات صلة\n\nزر الذهاب إلى الأعلى\n"
    out, removed = strip_boilerplate(text)
    assert out == f"{PARA}\n\n{PARA2}"
    assert removed == ("مقالات ذات صلة", "زر الذهاب إلى الأعلى")


def test_a_removed_line_between_paragraphs_leaves_one_blank_line():
    out, removed = strip_boilerplate(f"{PARA}\n\nشارك\n\n{PARA2}")
    assert out == f"{PARA}\n\n{PARA2}"
    assert removed == ("شارك",)


def test_text_without_boilerplate_is_unchanged():
    text = f"{PARA}\n\n\n{PARA2}\n  indented line"
    assert strip_boilerplate(text) == (text, ())


TEASERS = ["الحكومة تعلن موعد الانتخابات البلدية", "ماذا تعرف عن الاتفاق النووي؟",
           "نبذة: حزب العمال في سطور"]


def test_teasers_after_a_heading_go_but_the_line_before_text_may_be_a_subheading():
    subheading = "ردود فعل دولية"
    text = "\n".join([PARA, "اقرأ أيضاً:", *TEASERS, subheading, PARA2])
    out, removed = strip_boilerplate(text)
    assert out == "\n".join([PARA, subheading, PARA2])
    assert removed == ("اقرأ أيضاً:", *TEASERS)


def test_a_single_headline_before_text_is_kept():
    text = "\n".join([PARA, "اقرأ أيضاً:", TEASERS[0], PARA2])
    out, removed = strip_boilerplate(text)
    assert out == "\n".join([PARA, TEASERS[0], PARA2])
    assert removed == ("اقرأ أيضاً:",)


def test_teasers_that_end_the_text_or_meet_more_boilerplate_all_go():
    for tail in ([], ["زر الذهاب إلى الأعلى"]):
        out, removed = strip_boilerplate("\n".join([PARA, "مقالات ذات صلة", *TEASERS, *tail]))
        assert out == PARA
        assert removed == ("مقالات ذات صلة", *TEASERS, *tail)


def test_a_sentence_stops_the_teaser_run():
    sentence = "وقالت الشرطة إن التحقيق مستمر."
    out, _ = strip_boilerplate("\n".join(["اقرأ أيضاً:", sentence, PARA]))
    assert out == "\n".join([sentence, PARA])


def test_a_run_longer_than_the_limit_is_not_clearly_teasers():
    many = [f"عنوان رقم {i} عن الأحداث" for i in range(8)]
    out, removed = strip_boilerplate("\n".join(["اقرأ أيضاً:", *many, PARA]))
    assert out == "\n".join([*many, PARA])
    assert removed == ("اقرأ أيضاً:",)
