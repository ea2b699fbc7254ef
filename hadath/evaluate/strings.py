"""The string comparison of the scoring contract (GOLD.md, "How a system is scored").

Gold strings are verbatim copies of the article while a system may report a mention with other
diacritics, hamza spellings or punctuation around it; these two functions decide when such
strings count as the same. They implement the contract literally so that a score computed here
can be reproduced from GOLD.md alone.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Removed outright: harakat and shadda/sukun (U+064B-U+0652), superscript alef (U+0670), the
# Quranic annotation marks (U+0610-U+061A, U+06D6-U+06ED) and tatweel (U+0640), which is only a
# stretch of the line.
_REMOVED = [*range(0x064B, 0x0653), 0x0670, *range(0x0610, 0x061B), *range(0x06D6, 0x06EE), 0x0640]

# Spelling variants that writers and OCR use interchangeably, folded onto one letter.
_FOLDED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}

_TABLE = {**{code: None for code in _REMOVED}, **{ord(k): v for k, v in _FOLDED.items()}}


# Cached because the layers compare every predicted mention with every gold name, so the same
# few hundred strings of an article are normalized over and over.
@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Normalize ``text`` for comparison: NFKC, diacritics and tatweel removed, letter variants
    folded, punctuation turned into spaces, whitespace collapsed and stripped.

    Punctuation is every character of Unicode category P*; that already covers the quotation
    marks “ ” « » and the Arabic comma, semicolon and question mark (، ؛ ؟).
    """
    # NFKC first: it turns presentation forms (e.g. the lam-alef ligature) into plain letters,
    # which the folding table below can then see.
    text = unicodedata.normalize("NFKC", text).translate(_TABLE)
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(text.split())


def overlap(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` denote the same mention under the scoring contract.

    Both must be non-empty after :func:`normalize`, and either one contains the other (as a
    substring) or they share at least half of the words of the shorter one. Words are counted
    as distinct words: the shorter string is the one with fewer distinct words, and a word
    repeated in either string counts once. The word rule is what lets "للمرصد السوري" meet
    "المرصد السوري": the clitic changes one word of two, the other is shared.
    """
    a, b = normalize(a), normalize(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    words_a, words_b = set(a.split()), set(b.split())
    shorter = min(len(words_a), len(words_b))
    return len(words_a & words_b) * 2 >= shorter
