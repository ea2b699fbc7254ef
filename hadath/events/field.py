"""One field of a document seen at token level: which tokens each mention, time, place, quote and
sentence covers. Event rules reason over token positions; records keep raw character spans."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..doc import Doc, Place, Quote, Time
from ..lexicon.entries import load


@dataclass(slots=True)
class Located:
    start: int  # first token
    end: int  # after the last token
    item: object


_DASHES = frozenset({"-", "–", "—", "--"})
_DATELINE_REACH = 12  # tokens of place names before the agency in parentheses


def _dateline_end(words: list[str]) -> int:
    """The token after a dateline at the start of a text: places, the agency in parentheses, a dash."""
    for k in range(min(len(words), _DATELINE_REACH)):
        if words[k] == "(":
            close = next((j for j in range(k + 1, min(len(words), k + 6)) if words[j] == ")"), None)
            if close is None:
                return 0
            j = close + 1
            while j < len(words) and words[j] in _DASHES:
                j += 1
            return j if j > close + 1 else 0
    return 0


class FieldIndex:
    def __init__(self, doc: Doc, fld: str):
        self.doc = doc
        self.field = fld
        self.tokens = doc.tokens[fld]
        v = doc.views[fld]
        spans = [v.to_raw(t.start, t.end) for t in self.tokens]
        self.raw_starts = [a for a, _ in spans]
        self.raw_ends = [b for _, b in spans]
        self.words = [t.text for t in self.tokens]
        self.sentences = [self.locate(*v.to_raw(a, b), None) for a, b in doc.sentences[fld]]
        dateline = _dateline_end(self.words) if fld == "text" else 0
        # the place and agency of a dateline ("دبي، الإمارات العربية المتحدة (CNN) --") take no part in events
        self.mentions = sorted((x for x in (self.locate(m.span.start, m.span.end, m) for m in doc.mentions
                                            if m.span.field == fld) if x.start >= dateline),
                               key=lambda x: (x.start, -x.end))
        self.times = [self.locate(t.span.start, t.span.end, t) for t in doc.times if t.span.field == fld]
        self.places = [self.locate(p.span.start, p.span.end, p) for p in doc.places if p.span.field == fld]
        self.quotes = [self.locate(q.span.start, q.span.end, q) for q in doc.quotes if q.span.field == fld]
        self._clitics: dict[int, str | None] = {}
        self._memo: dict = {}

    def locate(self, raw_start: int, raw_end: int, item) -> Located:
        a = bisect_left(self.raw_ends, raw_start + 1)
        b = bisect_right(self.raw_starts, raw_end - 1)
        return Located(a, max(b, a + 1), item)

    def sentence_of(self, i: int) -> tuple[int, int]:
        for s in self.sentences:
            if s.start <= i < s.end:
                return s.start, s.end
        return 0, len(self.tokens)

    def raw(self, start: int, end: int) -> tuple[int, int]:
        return self.raw_starts[start], self.raw_ends[end - 1]

    def memo(self, key, compute):
        """A value computed once per field (what a rule asks of a sentence again and again)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def clitic_preposition(self, i: int) -> str | None:
        """"لإيران", "بروسيا", "لوزير": the preposition ل/ب/ك the lexicon had to strip from the
        first word of the name starting at token ``i`` ("لبنان" and "بريطانيا" are names as
        written)."""
        if i not in self._clitics:
            hit = load().matcher.match_at(self.tokens, i)
            word = self.words[i]
            prefix = word[:len(word) - len(hit.form)] if hit and hit.form and word.endswith(hit.form) else ""
            prefix = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
            self._clitics[i] = prefix if prefix in ("ل", "ب", "ك") else None
        return self._clitics[i]

    def mention_at(self, i: int) -> Located | None:
        for m in self.mentions:
            if m.start == i:
                return m
        return None

    def quote_around(self, i: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= i < q.end:
                return q.item
        return None

    def nearest(self, items: list[Located], i: int, lo: int, hi: int) -> object | None:
        inside = [x for x in items if lo <= x.start < hi]
        return min(inside, key=lambda x: abs(x.start - i)).item if inside else None

    def time_near(self, i: int, lo: int, hi: int) -> Time | None:
        return self.nearest(self.times, i, lo, hi)

    def place_near(self, i: int, lo: int, hi: int, exclude: set[tuple[int, int]]) -> Place | None:
        return self.nearest([p for p in self.places if (p.start, p.end) not in exclude], i, lo, hi)
