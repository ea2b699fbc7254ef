"""Normalized view of Arabic text with an offset map back to the raw string.

The raw text is never changed. Matching (lexicons, triggers, times) runs on a folded view in
which spelling variants that Arabic news uses interchangeably become one form; every span found
in the view is mapped back to raw offsets with :meth:`View.to_raw`.

Folding is one character to at most one character: characters are either mapped (hamza forms of
alef, alef maqsura, teh marbuta, Arabic-Indic digits, Persian letters) or deleted (diacritics,
tatweel, bidi and zero-width marks; a decomposed hamza or madda is a deleted mark too, so its
base letter is what matching sees). The offset map is therefore a list of raw indices, one per
view character, plus one for the end.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ھ": "ه",
    "ؤ": "و",
    "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف",
    "\u066b": ".",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Eastern (Persian) digits

# Deleted: harakat and Quranic marks, superscript alef, tatweel, bidi and zero-width controls.
_DELETE = (
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]"
)
_DELETE_RE = regex.compile(_DELETE)
_TABLE = str.maketrans(_MAP)


@dataclass(frozen=True, slots=True)
class View:
    """A folded string and, for each of its characters, the index of the raw character."""

    raw: str
    text: str
    offsets: tuple[int, ...] | None  # None: identity (nothing was deleted)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the view to the raw string."""
        if self.offsets is None:
            return start, end
        raw_start = self.offsets[start] if start < len(self.offsets) else len(self.raw)
        raw_end = self.offsets[end - 1] + 1 if end > start else raw_start
        return raw_start, raw_end

    def raw_slice(self, start: int, end: int) -> str:
        a, b = self.to_raw(start, end)
        return self.raw[a:b]


def fold(s: str) -> str:
    """The folded form of a string (for lexicon keys and comparisons); no offsets."""
    return _DELETE_RE.sub("", s).translate(_TABLE)


def view(raw: str) -> View:
    """Build the folded view of ``raw`` with its offset map."""
    if not _DELETE_RE.search(raw):
        return View(raw, raw.translate(_TABLE), None)
    offsets: list[int] = []
    kept: list[str] = []
    pos = 0
    for m in _DELETE_RE.finditer(raw):
        kept.append(raw[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(raw[pos:])
    offsets.extend(range(pos, len(raw)))
    return View(raw, "".join(kept).translate(_TABLE), tuple(offsets))

