"""Publication dates: the date part of an ISO 8601 value, checked to be a real calendar date."""
from __future__ import annotations

import re
from datetime import date

from ..errors import BadDate

# The date, optionally followed by a time and a UTC offset. The date part is kept as written: the
# offset says where the outlet was, and converting to UTC would move late-evening articles to the
# next day.
_ISO = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_calendar_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def date_part(value: str, *, source: str) -> str:
    """``2018-02-18T21:35:43+04:00`` -> ``2018-02-18``; anything else raises BadDate."""
    m = _ISO.fullmatch(value.strip())
    if m is None or not _is_calendar_date(m.group(1)):
        raise BadDate(
            f"{source}: the publication date {value!r} is not an ISO 8601 date.",
            "Write it as YYYY-MM-DD or as an ISO 8601 timestamp such as 2018-02-18T21:35:43+04:00, "
            "or leave the field out.",
            source=source,
        )
    return m.group(1)


def check_date(value: str) -> str:
    """A date given by the caller (``--published``): exactly YYYY-MM-DD."""
    if not _DATE.fullmatch(value) or not _is_calendar_date(value):
        raise BadDate(
            f"The publication date {value!r} given for inputs without one is not a date of the "
            "form YYYY-MM-DD.",
            "Give it as YYYY-MM-DD, for example 2020-12-15.",
        )
    return value
