"""Finding time expressions in a folded view and resolving them against the publication date.

Each rule is one regular expression over the folded text with named groups, and a resolver
that turns a match into an interval of days (hadath.times.resolve). Overlapping matches keep the
longest. Relative expressions need a publication date; without one only expressions that state
their year are returned.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

import regex

from ..text.normalize import fold
from . import resolve as R
from .vocab import CURRENT, FUTURE, NUMBERS, ORDINAL_DAYS, PAST, UNITS, WEEKDAYS, folded, months


@dataclass(frozen=True, slots=True)
class Found:
    start: int  # in the folded view
    end: int
    value: str
    rule: str


def _alt(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_L = r"(?<![\p{L}\p{N}])"
_R = r"(?![\p{L}\p{N}])"
_PRE = r"(?:[وف]?[بل]?)"  # clitics a time word may carry: وأمس، بالأمس، لعام
_FUTURE_CUES = regex.compile(
    r"سوف|من\s+المقرر|من\s+المنتظر|المرتقب|يعتزم|تعتزم|(?<![\p{L}])(?:سي|ست)(?:عقد|زور|لتقي|بدا|جري|توجه|نطلق|صل|شارك|ستضيف)"
)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, regex.Pattern, Callable]]:
    wd = _alt(folded(WEEKDAYS))
    mo = _alt(months())
    od = _alt(folded(ORDINAL_DAYS))
    past, future, current = _alt(map(fold, PAST)), _alt(map(fold, FUTURE)), _alt(map(fold, CURRENT))
    rel = rf"(?P<rel>{past}|{future}|{current})"
    part = r"(?:(?P<part>مطلع|منتصف|نهايه|اواخر|اوائل|اواسط|بدايه|اول)\s+)"
    tod = r"(?:(?:فجر|صباح|مساء|ليله|ظهر|عصر|ليل|ظهيره|نهار|الساعات\s+الاولي\s+من)\s+)"
    num = _alt(folded(NUMBERS))
    unit = _alt(folded(UNITS))
    months2 = rf"(?P<m1>{mo})(?:\s*[/\-–]?\s*(?P<m2>{mo}))?"
    year = r"(?P<year>\d{4})"
    era = r"(?:\s*(?P<era>م|ه|ميلادي|ميلاديه|هجري|هجريه|للميلاد|للهجره)(?![\p{L}\p{N}]))?"
    return [
        ("date", regex.compile(
            rf"{_L}{_PRE}(?:(?:يوم\s+)?(?P<wd>{wd})\s*[،,]?\s*)?(?P<day>\d{{1,2}}|{od})\s*/?\s*(?:من\s+)?(?:شهر\s+)?"
            rf"{months2}(?:\s*[/\-–,،]?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?{year}{era}|\s+{rel})?{_R}"), _date),
        ("day-of-month", regex.compile(
            rf"{_L}{_PRE}(?P<day>{od}|\d{{1,2}})\s+من\s+(?:هذا\s+)?(?:الشهر)(?:\s+{rel})?{_R}"), _day_of_month),
        ("month-year", regex.compile(
            rf"{_L}{_PRE}{part}?(?:شهر\s+)?{months2}\s*[/\-–,،]?\s*(?:من\s+)?(?:عام\s+|العام\s+)?{year}{era}{_R}"), _month_year),
        ("month", regex.compile(
            rf"{_L}{_PRE}{part}?(?P<shahr>شهر\s+)?{months2}(?:\s+{rel})?{_R}"), _month),
        ("numeric", regex.compile(
            r"(?<![\d/.\-])(?:(?P<d>\d{1,2})[/\-.](?P<mn>\d{1,2})[/\-.](?P<y>\d{4})|(?P<y2>\d{4})[/\-.](?P<mn2>\d{1,2})[/\-.](?P<d2>\d{1,2}))(?![\d/.\-])"),
         _numeric),
        ("year", regex.compile(
            rf"{_L}{_PRE}{part}?(?:(?:عام|العام|سنه|السنه)\s+|(?:في|منذ|حتي|خلال|بين)\s+(?=(?:19|20)\d\d))"
            rf"{year}{era}{_R}"), _year),
        ("relative-day", regex.compile(
            rf"{_L}{_PRE}{tod}?(?:يوم\s+)?(?P<rel>اليوم|امس|الامس|اول\s+امس|امس\s+الاول|غدا|غد|بعد\s+غد|الليله)"
            rf"(?:\s*\(?\s*(?:يوم\s+)?(?P<wd>{wd})\s*\)?)?{_R}"), _relative_day),
        ("weekday", regex.compile(
            rf"{_L}{_PRE}{tod}?(?:(?:يوم|ليله|نهار)\s+)?(?P<wd>{wd})(?:\s+{rel})?{_R}"), _weekday),
        ("ago", regex.compile(
            rf"{_L}{_PRE}(?:قبل|منذ)\s+(?:نحو\s+|حوالي\s+|قرابه\s+|ما\s+يقرب\s+من\s+|اكثر\s+من\s+|اقل\s+من\s+)?"
            rf"(?:(?P<num>\d+|{num})\s+)?(?P<unit>{unit}){_R}(?!\s*(?:{mo}))"), _ago),
        ("period", regex.compile(
            rf"{_L}{_PRE}{part}?(?:(?:هذا|هذه)\s+(?P<unit1>الاسبوع|الشهر|العام|السنه)|(?P<unit2>الاسبوع|الشهر|العام|السنه)\s+{rel})"
            rf"{_R}"), _period),
    ]


def _direction(word: str | None, default: str) -> str:
    if not word:
        return default
    w = word
    if w in {fold(x) for x in PAST}:
        return "past"
    if w in {fold(x) for x in FUTURE}:
        return "future"
    return "current"


def _month_number(name: str | None) -> tuple[str, int, bool] | None:
    if not name:
        return None
    return months().get(regex.sub(r"\s+", " ", name))


def _day(text: str) -> int:
    return int(text) if text.isdigit() else folded(ORDINAL_DAYS)[regex.sub(r"\s+", " ", text)]


def _safe(make: Callable[[], date]) -> date | None:
    try:
        return make()
    except (ValueError, OverflowError):
        return None


def _date(m, pub: date | None, future: bool):
    cal, month, _ = _month_number(m["m1"])
    day = _day(m["day"])
    if m["year"]:
        y = int(m["year"])
        hijri_era = m["era"] in ("ه", "هجري", "هجريه", "للهجره")
        if cal == "hijri" or hijri_era:
            d = _safe(lambda: R.hijri(y, month, day)) if cal == "hijri" else None
        else:
            d = _safe(lambda: date(y, month, day))
        return (d, d) if d else None
    if pub is None or cal == "hijri":
        return None
    y, mo = R.nearest_month(pub, month, _direction(m["rel"], "future" if future else "nearest"))
    d = _safe(lambda: date(y, mo, day))
    return (d, d) if d else None


def _day_of_month(m, pub, future):
    if pub is None:
        return None
    direction = _direction(m["rel"], "current")
    base = pub if direction == "current" else R.add_months(pub, -1 if direction == "past" else 1)
    d = _safe(lambda: date(base.year, base.month, _day(m["day"])))
    return (d, d) if d else None


def _month_year(m, pub, future):
    cal, month, _ = _month_number(m["m1"])
    y = int(m["year"])
    if cal == "hijri":  # a Hijri month straddles two Gregorian ones: take the one of its middle
        d = _safe(lambda: R.hijri(y, month, 15))
        return (d.replace(day=1), R.month_end(d)) if d else None
    d = _safe(lambda: date(y, month, 1))
    return (d, R.month_end(d)) if d else None


def _month(m, pub, future):
    cal, month, ambiguous = _month_number(m["m1"])
    if cal == "hijri" and not m["shahr"] and not m["rel"]:
        return None
    if ambiguous and not (m["shahr"] or m["m2"] or m["rel"]):
        return None
    if pub is None or cal == "hijri":
        return None
    y, mo = R.nearest_month(pub, month, _direction(m["rel"], "future" if future else "nearest"))
    d = date(y, mo, 1)
    return d, R.month_end(d)


def _numeric(m, pub, future):
    if m["y"]:
        d = _safe(lambda: date(int(m["y"]), int(m["mn"]), int(m["d"])))
    else:
        d = _safe(lambda: date(int(m["y2"]), int(m["mn2"]), int(m["d2"])))
    return (d, d) if d else None


def _year(m, pub, future):
    y = int(m["year"])
    if m["era"] in ("ه", "هجري", "هجريه", "للهجره") or not 1800 <= y <= 2200:
        return None
    return date(y, 1, 1), date(y, 12, 31)


_REL_DAYS = {"اليوم": 0, "الليله": 0, "امس": -1, "الامس": -1, "غدا": 1, "غد": 1,
             "اول امس": -2, "امس الاول": -2, "بعد غد": 2}


def _relative_day(m, pub, future):
    """"أمس", "اليوم"…; when the weekday is named too ("فجر اليوم الجمعة") the weekday wins: feeds
    stamp articles with their collection time, which can be a day after the writing."""
    if pub is None:
        return None
    d = pub + timedelta(days=_REL_DAYS[regex.sub(r"\s+", " ", m["rel"])])
    if m["wd"]:
        named = R.weekday(d, folded(WEEKDAYS)[m["wd"]], "on-or-before")
        if (d - named).days <= 1:
            d = named
    return d, d


def _weekday(m, pub, future):
    if pub is None:
        return None
    direction = {"past": "before", "future": "after"}.get(
        _direction(m["rel"], "future" if future else "current"), "on-or-before")
    d = R.weekday(pub, folded(WEEKDAYS)[m["wd"]], direction)
    return d, d


def _ago(m, pub, future):
    if pub is None:
        return None
    unit, implied = folded(UNITS)[m["unit"]]
    n = m["num"]
    count = int(n) if n and n.isdigit() else folded(NUMBERS).get(n) if n else implied
    try:
        return R.ago(pub, unit, count)
    except (ValueError, OverflowError):  # "منذ 2500 عام": before the calendar dates can express
        return None


def _period(m, pub, future):
    if pub is None:
        return None
    unit = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}[m["unit1"] or m["unit2"]]
    return R.unit_period(pub, unit, _direction(m["rel"], "current") if m["unit2"] else "current")


_YEAR_LIST = regex.compile(r"(?<![\p{L}\p{N}])(?:(?:19|20)\d\d(?:\s*[،,]\s*|\s+و\s*))+(?:19|20)\d\d(?!\p{N})")
_YEAR = regex.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, tuple[str, ...]]:
    """Words one of which a text must contain for a rule to be worth running (a substring test
    is far cheaper than a scan with a rule's regular expression)."""
    month_words = tuple(n.split()[0] for n in months())
    weekday_words = tuple(folded(WEEKDAYS))
    return {
        "date": month_words, "month-year": month_words, "month": month_words,
        "day-of-month": ("الشهر",), "weekday": weekday_words,
        "relative-day": ("اليوم", "امس", "غد", "الليله"), "ago": ("قبل", "منذ"),
        "period": ("الاسبوع", "الشهر", "العام", "السنه"),
    }


_DIGITS = regex.compile(r"\d")


def _present(text: str) -> dict[str, bool]:
    cues = _cue_words()
    has_digit = bool(_DIGITS.search(text))
    out = {rule: any(w in text for w in words) for rule, words in cues.items()}
    out["numeric"] = out["year"] = has_digit
    return out


def _plausible(interval, published: date | None) -> bool:
    """Years a news report can mean: from 1900 to a few decades after publication ("رؤية 2030");
    a number like 2122 in a text is a count or a code, not a year."""
    latest = (published.year if published else date.today().year) + 30
    return 1900 <= interval[0].year and interval[1].year <= latest


def find(text: str, published: date | None, sentences: list[tuple[int, int]],
         weekdays: dict[str, date] | None = None) -> list[Found]:
    """Time expressions of a folded text, resolved; non-overlapping, longest first.

    ``weekdays`` carries, across the fields of one article, the day each weekday name was first
    resolved to: a later bare "الأربعاء" is the same Wednesday ("مباراة الأربعاء" after "يخوض يوم
    الأربعاء … المرتقبة"), even in a sentence without the cue that fixed it.
    """
    weekdays = {} if weekdays is None else weekdays
    candidates = []
    present = _present(text)
    starts = [a for a, _ in sentences]
    future_of: dict[int, bool] = {}  # sentence number -> does it speak of the future

    def future_at(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        if k not in future_of:
            a, b = sentences[k] if k >= 0 else (0, len(text))
            future_of[k] = bool(_FUTURE_CUES.search(text, a, b))
        return future_of[k]

    for rule, pattern, resolver in _patterns():
        if not present[rule]:
            continue
        for m in pattern.finditer(text):
            future = future_at(m.start())
            wd = m.groupdict().get("wd")
            if rule == "weekday" and not m["rel"] and wd in weekdays:
                interval = (weekdays[wd], weekdays[wd])
            else:
                interval = resolver(m, published, future)
            if interval is None or interval[0] is None or not _plausible(interval, published):
                continue
            if wd and rule in ("weekday", "relative-day"):
                weekdays.setdefault(wd, interval[0])
            candidates.append(Found(m.start(), m.end(), R.value(*interval), rule))
    for m in _YEAR_LIST.finditer(text):  # "1994 و1998 و2006": each year of a list of years
        for y in _YEAR.finditer(m.group()):
            year = date(int(y.group()), 1, 1)
            if not _plausible((year, year), published):
                continue
            candidates.append(Found(m.start() + y.start(), m.start() + y.end(), y.group(), "year"))
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[Found] = []
    for f in candidates:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
