"""Text search that ignores the spelling variation of Arabic news, as one regular expression.

Analysts type "اسماعيل" and expect "إسماعيل"; "زيارة" and expect "زياره". hadath folds such
variants for matching (``hadath.text.normalize.fold``), but the store keeps the verbatim text.
Rather than fold every stored string at query time (DuckDB's translate() over 270,000 events
takes most of a second), the folded query becomes a pattern in which each letter matches all
its raw spellings; DuckDB's RE2 matcher scans the same rows in a few tens of milliseconds.
Diacritics and tatweel inside a word are not tolerated: news text seldom has them, and
allowing them between every two letters makes the scan four times slower.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text.normalize import fold

# Characters hadath's folding maps to others: the Arabic block (letters, digits) and spaces.
_CANDIDATES = [*range(0x0600, 0x0700), 0x00A0, 0x2007, 0x2009, 0x202F]


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Folded character -> the raw characters that fold to it (itself included)."""
    variants: dict[str, set[str]] = {}
    for point in _CANDIDATES:
        raw = chr(point)
        folded = fold(raw)
        if folded and folded != raw:
            variants.setdefault(folded, {folded}).add(raw)
    return {k: "".join(sorted(v)) for k, v in variants.items()}


def pattern(query: str) -> str:
    """An RE2 pattern finding ``query`` in raw text whatever its spelling variants."""
    variants = _spellings()
    parts = []
    for ch in fold(" ".join(query.split())):
        if ch == " ":  # any run of spaces, the no-break ones included
            parts.append("[\\s" + variants.get(" ", "") + "]+")
        elif ch in variants:
            parts.append("[" + "".join(re.escape(c) for c in variants[ch]) + "]")
        else:
            parts.append(re.escape(ch))
    # Case does not matter for Latin letters (names in English, URLs).
    return "(?i)" + "".join(parts)
