"""Calendar arithmetic for time expressions: every expression becomes an interval of days, and
the interval's value is written at the precision it fixes (a day, a month, or a year)."""
from __future__ import annotations

from datetime import date, timedelta

from hijridate import Hijri


def add_months(d: date, n: int) -> date:
    """The first day of the month ``n`` months from ``d``'s month."""
    k = d.year * 12 + (d.month - 1) + n
    return date(k // 12, k % 12 + 1, 1)


def month_end(d: date) -> date:
    return add_months(d, 1) - timedelta(days=1)


def value(lo: date, hi: date) -> str:
    """YYYY-MM-DD for one day, YYYY-MM when the interval lies in one month, else YYYY (of its end
    when it spans years: "قبل سنوات" is closest to the later year)."""
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    return f"{hi.year:04d}" if lo.year != hi.year else f"{lo.year:04d}"


def weekday(published: date, wd: int, direction: str) -> date:
    """The day named ``wd`` nearest ``published``: "on-or-before" (the default of news reports),
    "before" ("الأحد الماضي"), or "after" ("الأحد المقبل", or a sentence in the future)."""
    back = (published.weekday() - wd) % 7
    if direction == "before":
        return published - timedelta(days=back or 7)
    if direction == "after":
        return published + timedelta(days=(wd - published.weekday()) % 7 or 7)
    return published - timedelta(days=back)


def nearest_month(published: date, month: int, direction: str) -> tuple[int, int]:
    """(year, month) of a month named without a year: the nearest occurrence, or the last/next
    one when the text says "الماضي"/"المقبل", or this year's for "الحالي"."""
    y = published.year
    if direction == "current":
        return y, month
    candidates = [(y - 1, month), (y, month), (y + 1, month)]
    here = y * 12 + published.month
    if direction == "past":
        candidates = [c for c in candidates if c[0] * 12 + c[1] <= here]
    elif direction == "future":
        candidates = [c for c in candidates if c[0] * 12 + c[1] >= here]
    return min(candidates, key=lambda c: abs(c[0] * 12 + c[1] - here))


def hijri(year: int, month: int, day: int) -> date:
    """Umm al-Qura Hijri date to Gregorian; raises ValueError outside the supported range."""
    return Hijri(year, month, day).to_gregorian()


def shift(published: date, unit: str, n: int) -> date:
    if unit == "day":
        return published - timedelta(days=n)
    if unit == "week":
        return published - timedelta(days=7 * n)
    if unit == "month":
        d = add_months(published, -n)
        return d.replace(day=min(published.day, month_end(d).day))
    day = min(published.day, 28) if published.month == 2 else published.day  # 29 February
    return published.replace(year=published.year - n, day=day)


def ago(published: date, unit: str, n: int | None) -> tuple[date, date]:
    """The interval of "قبل/منذ N unit": exact when N is given, else a few units back."""
    if n is not None:
        d = shift(published, unit, n)
        if unit == "day":
            return d, d
        if unit == "week":
            return d - timedelta(days=3), d + timedelta(days=3)
        if unit == "month":
            return d.replace(day=1), month_end(d)
        return date(d.year, 1, 1), date(d.year, 12, 31)
    vague = {"day": (7, 1), "week": (6 * 7, 2 * 7)}
    if unit in vague:
        far, near = vague[unit]
        return published - timedelta(days=far), published - timedelta(days=near)
    if unit == "month":
        return add_months(published, -11), month_end(add_months(published, -1))
    return date(published.year - 10, 1, 1), date(published.year - 2, 12, 31)


def unit_period(published: date, unit: str, direction: str) -> tuple[date, date]:
    """"الأسبوع الماضي", "الشهر المقبل", "هذا العام"…"""
    step = {"past": -1, "future": 1}.get(direction, 0)
    if unit == "week":  # the seven days before or after, as readers take "last week" in news
        if step == 0:
            return published - timedelta(days=3), published + timedelta(days=3)
        return (published - timedelta(days=7), published - timedelta(days=1)) if step < 0 else \
            (published + timedelta(days=1), published + timedelta(days=7))
    if unit == "month":
        d = add_months(published, step)
        return d, month_end(d)
    y = published.year + step
    return date(y, 1, 1), date(y, 12, 31)
