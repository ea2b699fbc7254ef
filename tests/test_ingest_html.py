"""Page extraction on the two real Arabic pages with reference text, and on a hand-built page."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from hadath.errors import HtmlExtractionFailed
from hadath.ingest import from_html

CNN_F1_FLOOR = 0.90


def token_f1(predicted: str, expected: str) -> float:
    pred, gold = Counter(predicted.split()), Counter(expected.split())
    common = sum((pred & gold).values())
    if not common:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def test_cnn_arabic_main_text_reaches_the_f1_floor(shared, record_property):
    folder = shared / "data" / "html" / "cnn-arabic-2013"
    page = folder / "arabic_article.html"
    article = from_html(page.read_bytes(), name=str(page))
    f1 = token_f1(article.text, (folder / "arabic_expected_text.txt").read_text(encoding="utf-8"))
    record_property("cnn_token_f1", round(f1, 4))
    print(f"CNN Arabic token F1: {f1:.4f}")
    assert f1 >= CNN_F1_FLOOR
    meta = json.loads((folder / "newspaper4k_arabic_article_metadata.json").read_text("utf-8"))
    assert article.title == meta["title"]
    assert article.url == meta["url"]
    # The page has only a copyright year; a guessed 2013-01-01 would be wrong.
    assert article.published is None
    assert article.source == str(page) and article.doc_id == str(page)
    assert any("الآراء الواردة أدناه" in line for line in article.boilerplate)


def test_assabah_keeps_the_article_and_drops_the_page_around_it(shared):
    folder = shared / "data" / "html" / "trafilatura-assabah"
    entry = json.loads((folder / "evaldata_entry.json").read_text(encoding="utf-8"))
    page = folder / entry["file"]
    article = from_html(page.read_bytes(), name=str(page))
    for snippet in entry["with"]:
        assert snippet in article.text, snippet
    for snippet in entry["without"]:
        assert snippet not in article.text, snippet
    assert article.title.split() == entry["title"].split()
    assert article.url == entry["url"]
    assert article.published is not None and article.published.startswith("2019-02")


PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>وزير الخارجية يزور عمّان لبحث التعاون | موقع الأخبار</title>
<meta property="og:title" content="وزير الخارجية يزور عمّان لبحث التعاون">
<meta property="article:published_time" content="2021-03-04T10:15:00+03:00">
<link rel="canonical" href="https://news.example.org/2021/03/04/visit">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li></ul></nav>
<article>
<h1>وزير الخارجية يزور عمّان لبحث التعاون</h1>
<p>أعلنت وزارة الخارجية صباح اليوم أن الوزير سيتوجه إلى العاصمة الأردنية عمّان الأسبوع المقبل،
في زيارة رسمية تستمر يومين يلتقي خلالها كبار المسؤولين لبحث التعاون الاقتصادي والأمني.</p>
<p>وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الزيارة تأتي في إطار تعزيز العلاقات الثنائية،
مشيراً إلى أن الجانبين سيوقعان ثلاث اتفاقيات في مجالات النقل والطاقة والتعليم العالي.</p>
<p>وأضاف المتحدث أن الوزير سيبحث أيضاً مع نظيره الأردني ملف اللاجئين وسبل دعم المجتمعات
المضيفة، في ظل الأزمة الاقتصادية التي تمر بها المنطقة منذ سنوات.</p>
<p>شارك</p>
<p>اقرأ أيضاً: رئيس الوزراء يستقبل وفداً من رجال الأعمال</p>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">ارتفاع أسعار الذهب في الأسواق</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة © 2021 موقع الأخبار</p></footer>
</body></html>"""


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_hand_built_page(charset):
    html = PAGE.replace("{charset}", charset)
    article = from_html(html.encode(charset), name="visit.html")
    assert article.title == "وزير الخارجية يزور عمّان لبحث التعاون"
    assert article.published == "2021-03-04"
    assert article.url == "https://news.example.org/2021/03/04/visit"
    lines = article.text.split("\n")
    assert lines[0].startswith("أعلنت وزارة الخارجية")  # the <h1> is not repeated in the text
    assert lines[-1].endswith("منذ سنوات.")
    assert "الرئيسية" not in article.text and "جميع الحقوق" not in article.text
    assert article.boilerplate == (article.title, "شارك",
                                   "اقرأ أيضاً: رئيس الوزراء يستقبل وفداً من رجال الأعمال")


def test_a_given_url_wins_over_the_page():
    article = from_html(PAGE.replace("{charset}", "utf-8"), name="visit.html",
                        url="https://mirror.example.net/visit", doc_id="news/visit")
    assert article.url == "https://mirror.example.net/visit"
    assert article.doc_id == "news/visit"


@pytest.mark.parametrize("html", [
    "",
    "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
    "<html><body><p>شارك</p><p>زر الذهاب إلى الأعلى</p></body></html>",
])
def test_a_page_without_article_fails_naming_the_file(html):
    with pytest.raises(HtmlExtractionFailed) as info:
        from_html(html, name="pages/empty.html")
    assert "pages/empty.html" in str(info.value)
    assert info.value.fix
