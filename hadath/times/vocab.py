"""Closed word classes of Arabic time expressions, folded (see hadath.text.normalize)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..lexicon.tsv import read_table, variants
from ..text.normalize import fold

DATA = Path(__file__).parent / "data"

# Monday = 0, as datetime.date.weekday() counts.
WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2,
    "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6,
}

ORDINAL_DAYS = {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17,
    "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21,
    "الثاني والعشرين": 22, "الثالث والعشرين": 23, "الرابع والعشرين": 24,
    "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
    "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
}

# Cardinal number words used with time units ("منذ أربع سنوات", "قبل ثلاثة أيام").
NUMBERS = {
    "واحد": 1, "واحدة": 1, "اثنين": 2, "اثنان": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4,
    "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8,
    "ثمان": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
}

# Time units: singular, dual, plurals -> (unit, count implied by the form or None).
UNITS = {
    "يوم": ("day", 1), "يومين": ("day", 2), "أيام": ("day", None), "ايام": ("day", None),
    "أسبوع": ("week", 1), "أسبوعين": ("week", 2), "أسابيع": ("week", None),
    "شهر": ("month", 1), "شهرين": ("month", 2), "أشهر": ("month", None), "شهور": ("month", None),
    "عام": ("year", 1), "عامين": ("year", 2), "أعوام": ("year", None), "سنة": ("year", 1),
    "سنتين": ("year", 2), "سنوات": ("year", None), "سنين": ("year", None),
}

# "last" / "next" / "this" after a unit or a month or weekday name.
PAST = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "الفائت")
FUTURE = ("المقبل", "المقبلة", "القادم", "القادمة", "المقبلين")
CURRENT = ("الحالي", "الحالية", "الجاري", "الجارية")


@lru_cache(maxsize=1)
def months() -> dict[str, tuple[str, int, bool]]:
    """Folded month name -> (calendar, number, ambiguous on its own)."""
    out = {}
    for row in read_table(DATA / "months.tsv").rows:
        ambiguous = {fold(a) for a in variants(row["ambiguous"])}
        for name in variants(row["names"]):
            f = fold(name)
            out[f] = (row["calendar"], int(row["number"]), f in ambiguous)
    return out


def folded(d: dict) -> dict:
    return {fold(k): v for k, v in d.items()}
