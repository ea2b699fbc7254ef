"""Text search that ignores the spelling variation of Arabic news, as regular expressions.

Analysts type "اسماعيل" and expect "إسماعيل"; "زيارة" and expect "زياره". hadath folds such
variants for matching (``hadath.text.normalize.fold``), but the store keeps the verbatim text.
Rather than fold every stored string at query time (DuckDB's translate() over 270,000 events
takes most of a second), the folded query becomes a pattern in which each letter matches all
its raw spellings, for DuckDB's RE2 matcher. Diacritics and tatweel inside a word are not
tolerated: news text seldom has them, and allowing them between letters slows every scan.

RE2 scans fast only when a pattern begins with a fixed character (it skips ahead to it); a
pattern that begins with a class of spellings (ا أ إ آ) is four to five times slower. So a
pattern whose start varies is preceded by a cheap necessary condition, the rest of the pattern
from its longest run of fixed characters, and the full pattern runs only on the rows that pass.
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


def _parts(query: str) -> list[tuple[str, bool]]:
    """The pattern of each folded character of ``query``, and whether it is a fixed character."""
    variants = _spellings()
    parts = []
    for ch in fold(" ".join(query.split())):
        if ch == " ":  # any run of spaces, the no-break ones included
            parts.append(("[\\s" + variants.get(" ", "") + "]+", False))
        elif ch in variants:
            parts.append(("[" + "".join(re.escape(c) for c in variants[ch]) + "]", False))
        elif ch.lower() != ch.upper():  # a cased (Latin) letter: either case
            parts.append((f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]", False))
        else:
            parts.append((re.escape(ch), True))
    return parts


def condition(column: str, query: str) -> tuple[str, list[str]]:
    """SQL that is true where ``column`` contains ``query`` (spelling variants included), and
    its parameters."""
    parts = _parts(query)
    full = "".join(p for p, _ in parts)
    longest, start, i = 0, None, 0
    while i < len(parts):  # the longest run of fixed characters, the first if tied
        j = i
        while j < len(parts) and parts[j][1]:
            j += 1
        if j - i > longest:
            longest, start = j - i, i
        i = max(j, i + 1)
    if start is None or parts[0][1]:  # nothing fixed to anchor on, or the pattern begins fixed
        return f"regexp_matches({column}, ?)", [full]
    anchor = "".join(p for p, _ in parts[start:])
    return f"(regexp_matches({column}, ?) AND regexp_matches({column}, ?))", [anchor, full]
