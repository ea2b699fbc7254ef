"""Composing actor phrases from lexicon matches.

News Arabic names actors in noun phrases built from a small set of parts:

    title     institution…   nisba     "في"/"لدى" place    "،"  name
    وزير      الدفاع          العراقي                          جمعة عناد
    السفير                    الروسي    في العراق          ،   ماكسيم ماكسيموف
    رئيس      لجنة الأمن والدفاع في البرلمان العراقي         ،   محمد رضا
    name, then an apposition:  اسماعيل قآاني قائد فيلق القدس

:func:`phrases` walks the tokens of one field and returns each such phrase with the parts it
found; the actor stage turns them into coded mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon.entries import Entry
from ..lexicon.matcher import Match, PhraseMatcher
from ..text.tokens import Token, forms

# Kinds that head a phrase, in the order a match prefers them when one phrase is several things.
_PRIORITY = ("person", "org", "country", "capital", "seat", "role", "institution", "person_short", "nisba")
# Nouns that stand for a state when a nisba follows: الجانب الروسي، الطرف التركي، العاصمة العراقية.
SIDE_HEADS = frozenset({"الجانب", "الطرف", "العاصمه"})
_FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الاسبقه", "المنتهيه", "المنتهيه ولايته"})
_SKIP_ADJ = frozenset({"البريه", "والبريه", "البحريه", "والبحريه", "الجويه", "والجويه", "الحالي", "الحاليه", "الجديد", "الجديده", "المكلف", "المكلفه", "بالوكاله",
                       "الخاص", "الخاصه", "الدائم", "الدائمه", "المستقيل", "المستقيله", "العام", "الاعلي"})
_POST_PREPS = frozenset({"في", "لدي", "ب"})
_NAME_JOINERS = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد", "ولد"})
# Honorifics between a title and a name: "وزير الخارجية الأستاذ عادل الجبير".
_HONORIFICS = frozenset({"الاستاذ", "الاستاذه", "الدكتور", "الدكتوره", "د", "السيد", "السيده", "المهندس",
                         "المهندسه", "الحاج", "المستشار", "معالي", "سعاده", "فخامه", "سمو", "صاحب", "السمو"})


@dataclass(frozen=True, slots=True)
class Item:
    start: int
    end: int
    entry: Entry
    alternatives: tuple[Entry, ...]  # other readings of the same words (ambiguous names)
    stripped: bool  # the first token matched only after removing clitics
    possessed: bool = False  # a pronoun is attached ("سفارتها" = its embassy): it names no actor


@dataclass(slots=True)
class Phrase:
    start: int
    end: int
    head: Item | None  # None for a bare side noun ("الجانب" + nisba)
    parts: list[Item] = field(default_factory=list)
    person: Item | None = None
    name: tuple[int, int] | None = None  # token range of a personal name no lexicon knows
    nisba: Item | None = None
    country: Entry | None = None  # a state named inside the phrase (idafa or after في/لدى)
    former: bool = False
    side: bool = False


def _coordinated(tokens: list[Token], it: Item) -> bool:
    """"وزير الدفاع ووزير الخارجية": a و-prefixed item starts a new actor, it does not extend."""
    return it.stripped and tokens[it.start].text.startswith("و")


def _primary(entries: tuple[Entry, ...]) -> Entry:
    return min(entries, key=lambda e: _PRIORITY.index(e.kind))


# Kinds whose names are written as they are: "السورية" (Syrian, fem.) is not "سورية" (Syria).
_NO_ARTICLE_STRIPPING = frozenset({"country", "capital", "seat", "person", "person_short", "org"})


def items(tokens: list[Token], matcher: PhraseMatcher) -> dict[int, Item]:
    out = {}
    for m in matcher.find_all(tokens):
        if m.form_rank and "ال" + m.form in forms(tokens[m.start].text) \
                and all(e.kind in _NO_ARTICLE_STRIPPING for e in m.payloads):
            continue
        out[m.start] = _item(m, tokens)
    return out


def _item(m: Match, tokens: list[Token]) -> Item:
    entries = tuple(m.payloads)
    e = _primary(entries)
    word = tokens[m.start].text
    stem = m.form[2:] if m.form.startswith("ال") else m.form  # "للميليشيات" is لل + ميليشيات
    possessed = m.end - m.start == 1 and not word.endswith(stem) and e.kind in ("institution", "role")
    return Item(m.start, m.end, e, tuple(x for x in entries if x is not e), m.form_rank > 0, possessed)


class PhraseBuilder:
    def __init__(self, function_words: frozenset[str], given_names: frozenset[str], stop_forms: frozenset[str]):
        self.function_words = function_words
        self.given_names = given_names
        self.stop_forms = stop_forms
        self._persons: frozenset[int] = frozenset()

    def phrases(self, tokens: list[Token], found: dict[int, Item], persons: frozenset[int] = frozenset()) -> list[Phrase]:
        """``persons``: token indexes the NER model tags as the start of a personal name."""
        self._persons = persons
        out = []
        i = 0
        n = len(tokens)
        while i < n:
            it = found.get(i)
            if it is None:
                if tokens[i].text in SIDE_HEADS and isinstance(found.get(i + 1), Item) and found[i + 1].entry.kind == "nisba":
                    nis = found[i + 1]
                    out.append(Phrase(i, nis.end, None, nisba=nis, side=True))
                    i = nis.end
                    continue
                i += 1
                continue
            kind = it.entry.kind
            if kind == "nisba" or it.possessed:
                i = it.end
                continue
            if kind in ("person", "person_short"):
                p = Phrase(it.start, it.end, it, [it], person=it)
                self._apposition(tokens, found, p)
            elif kind in ("role", "institution"):
                p = Phrase(it.start, it.end, it, [it])
                self._chain(tokens, found, p)
                if kind == "role":
                    self._name(tokens, found, p)
            else:
                p = Phrase(it.start, it.end, it, [it])
            out.append(p)
            i = max(p.end, i + 1)
        return out

    def _chain(self, tokens: list[Token], found: dict[int, Item], p: Phrase) -> None:
        """Extend a title or institution with institutions, nisba, former, and a place."""
        j = p.end
        n = len(tokens)
        while j < n:
            t = tokens[j].text
            it = found.get(j)
            if it is not None and it.entry.kind in ("institution", "org", "role") and not _coordinated(tokens, it):
                p.parts.append(it)
                j = it.end
            elif it is not None and it.entry.kind == "nisba" and p.nisba is None:
                p.nisba = it
                j = it.end
            elif it is not None and it.entry.kind in ("country", "capital") and p.country is None and p.nisba is None:
                p.country = it.entry  # idafa: سفير العراق، وزير خارجية إيران
                j = it.end
            elif t in _FORMER:
                p.former = True
                j += 1
            elif t in _SKIP_ADJ:
                j += 1
            elif t in _POST_PREPS or t == "باسم":
                nxt = found.get(j + 1)
                if nxt is None or nxt.entry.kind not in ("country", "capital", "institution", "org"):
                    break
                if nxt.entry.kind in ("country", "capital"):
                    if p.country is not None:
                        break
                    p.country = nxt.entry
                else:
                    p.parts.append(nxt)
                j = nxt.end
            else:
                break
        p.end = j

    def _name(self, tokens: list[Token], found: dict[int, Item], p: Phrase) -> None:
        """A personal name right after a title, or after a comma: a known person or a new name."""
        j = p.end
        comma = j < len(tokens) and tokens[j].text in ("،", ",")
        if comma:
            j += 1
        while j < len(tokens) and (tokens[j].text in _HONORIFICS or tokens[j].text == "." and j > p.end):
            j += 1
        it = found.get(j)
        if it is not None and it.entry.kind in ("person", "person_short"):
            p.person = it
            p.parts.append(it)
            p.end = it.end
            return
        k = j
        while k < len(tokens) and k - j < 4 and self._namelike(tokens, found, k, first=k == j):
            k += 1
        if k - j >= (2 if comma else 1) and tokens[k - 1].text not in _NAME_JOINERS:
            p.name = (j, k)
            p.end = k

    def _namelike(self, tokens: list[Token], found: dict[int, Item], k: int, *, first: bool) -> bool:
        t = tokens[k]
        if not t.is_word or t.text.isdigit() or k in found or t.text in self.function_words:
            return False
        if t.text in self.stop_forms:
            return False
        if first:
            return t.text in self.given_names or k in self._persons
        return True

    def _apposition(self, tokens: list[Token], found: dict[int, Item], p: Phrase) -> None:
        """"اسماعيل قآاني قائد فيلق القدس": a title chain right after a name describes it."""
        j = p.end
        if j < len(tokens) and tokens[j].text in ("،", ","):
            j += 1
        it = found.get(j)
        if it is None or it.entry.kind != "role":
            return
        q = Phrase(it.start, it.end, it, [it])
        self._chain(tokens, found, q)
        if len(q.parts) < 2 and q.nisba is None and q.country is None:
            return  # a bare title after a name is more often the next clause's subject
        p.parts.extend(q.parts)
        p.nisba = p.nisba or q.nisba
        p.country = p.country or q.country
        p.former = p.former or q.former
        p.end = q.end
