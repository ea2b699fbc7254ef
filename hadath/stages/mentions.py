"""Actor mentions: lexicon matches composed into phrases, each coded to a country and sector.

Resolution order for a phrase's code: the person's lexicon role on the publication date, the
organisation's fixed code, the nisba ("العراقي"), a state named inside the phrase ("سفير العراق",
"في العراق"), and last the article's dominant state for generic institutions ("وزارة الدفاع",
"الحكومة", "المدنيين") — the convention of the gold coding, flagged by a lower confidence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..actors.bare import bare_references
from ..actors.phrase import Phrase, PhraseBuilder, items
from ..actors.vocab import given_names, function_words, trigger_words
from ..doc import Doc, Mention
from ..lexicon.entries import NON_STATE_CODES, load
from ..ner.model import load_tagger, spans
from ..pipeline import stage
from .text import FIELDS

# Sectors of unnamed perpetrators and unknown actors have no country (GOLD.md conventions).
_NO_COUNTRY_SECTORS = frozenset({"UAF", "UNK"})


@dataclass(frozen=True, slots=True)
class Coded:
    code: str | None
    sector: str | None
    kind: str
    provenance: str
    confidence: float
    entry: str | None = None
    name_en: str | None = None
    wikidata: str | None = None
    key: str = ""


@lru_cache(maxsize=1)
def builder() -> PhraseBuilder:
    return PhraseBuilder(function_words(), given_names(), trigger_words())


def dominant_country(phrases_by_field: dict[str, list[Phrase]], found_by_field: dict) -> str | None:
    """The state the article is mostly about: the most named state, its organisations included
    (title counts double)."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    order = 0
    for fld in FIELDS:
        weight = 2 if fld == "title" else 1
        # "ميليشيات الحوثي الإيرانية": a nisba qualifying an organisation says who backs it, not
        # which state the article is about
        org_ends = {it.end for it in found_by_field[fld].values() if it.entry.kind == "org"}
        for it in found_by_field[fld].values():
            e = it.entry
            if e.kind == "nisba" and it.start in org_ends:
                continue
            if e.kind in ("country", "capital", "seat", "nisba", "org") and e.code and e.code not in NON_STATE_CODES:
                votes[e.code] += weight
                first.setdefault(e.code, order)
                order += 1
    if not votes:
        return None
    return max(votes, key=lambda c: (votes[c], -first[c]))


def local_states(tokens, found: dict, sentences: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(sentence number, token index, code) of every state named in a field: the context that
    codes a generic institution ("المدنيين في سوريا", "قوات التحالف الذي تقوده السعودية")."""
    out = []
    starts = [a for a, _ in sentences]
    for i, it in sorted(found.items()):
        e = it.entry
        # states named on their own; a nisba belongs to its own phrase ("السفير الروسي")
        if e.kind in ("country", "capital", "seat") and e.code and e.code not in NON_STATE_CODES:
            out.append((bisect_right(starts, tokens[i].start) - 1, i, e.code))
    return out


def context_country(p: Phrase, tokens, states: list[tuple[int, int, str]], sentences, dominant: str | None) -> str | None:
    """The last state named before the phrase in its sentence, or one right after it ("في
    سوريا"), else the article's."""
    sent = bisect_right([a for a, _ in sentences], tokens[p.start].start) - 1
    before = [c for s_, i, c in states if s_ == sent and i < p.start]
    if before:
        return before[-1]
    attached = [c for s_, i, c in states if s_ == sent and p.end <= i <= p.end + 2]  # "المدنيين في سوريا"
    return attached[0] if attached else dominant


def code_phrase(p: Phrase, published: str | None, dominant: str | None, key: str = "") -> Coded:
    """Code and sector of a phrase; ``key`` is the clustering key of a title or institution
    phrase (its folded words), which only the caller, holding the tokens, can spell."""
    head = p.head.entry if p.head else None
    if p.side:
        e = p.nisba.entry
        return Coded(e.code, "GOV", "state", "rule:side+nisba", 0.85, e.code, e.name_en, key=f"state:{e.code}")
    if p.person is not None:
        e = p.person.entry
        code, sector = e.at(published)
        if p.former:
            sector = "ELI"
        conf = 0.95 if e.kind == "person" else 0.85
        return Coded(code, sector, "person", f"lexicon:person:{e.ref}", conf, e.ref, e.name_en, e.wikidata,
                     f"person:{e.ref}")
    if head.kind in ("country", "capital", "seat"):
        return Coded(head.code, "GOV", "state", f"lexicon:{head.kind}:{head.code}", 0.9, head.code, head.name_en,
                     key=f"state:{head.code}")
    if head.kind == "org":
        code = head.code or _place_code(p)
        return Coded(code, head.sector, "org", f"lexicon:org:{head.ref}", 0.9, head.ref, head.name_en, head.wikidata,
                     f"org:{head.ref}")
    # A title or an institution: sector from the title, else from the institutions it names.
    sector = head.sector or next((it.entry.sector for it in p.parts if it.entry.sector), None)
    orgs = [it.entry for it in p.parts if it.entry.kind == "org" and it.entry.code]
    code = _place_code(p) or (orgs[0].code if orgs else None)
    kind = "role" if head.kind == "role" else "institution"
    provenance = f"rule:{kind}-phrase"
    confidence = 0.85
    if p.former and kind == "role":
        sector = "ELI"
    if sector in _NO_COUNTRY_SECTORS:
        code = None
    elif code is None and dominant is not None:
        code, provenance, confidence = dominant, provenance + "+context-country", 0.6
    if kind == "role" and p.name is not None:
        kind, provenance = "person", provenance + "+name"
    if sector is None and kind in ("role", "person"):
        sector = "GOV"  # a title naming no institution ("الرئيس", "رئيس") is an executive office
    return Coded(code, sector, kind, provenance, confidence, key=f"{kind}:{key}")


def _place_code(p: Phrase) -> str | None:
    if p.nisba is not None:
        return p.nisba.entry.code
    return p.country.code if p.country is not None else None


@stage("mentions", requires=("tokens",), provides=("mentions",))
def build():
    lex = load()
    pb = builder()
    tagger = load_tagger()

    def run(doc: Doc) -> Doc:
        found = {fld: items(doc.tokens[fld], lex.matcher) for fld in FIELDS}
        names = {fld: _person_names(tagger, doc.tokens[fld], doc.sentences[fld], found[fld]) for fld in FIELDS}
        phrases = {fld: pb.phrases(doc.tokens[fld], found[fld], frozenset(a for a, _ in names[fld]))
                   for fld in FIELDS}
        dominant = dominant_country(phrases, found)
        out = []
        for fld in FIELDS:
            toks = doc.tokens[fld]
            sents = doc.sentences[fld]
            states = local_states(toks, found[fld], sents)
            for p in phrases[fld]:
                if _affairs_adjective(toks, p):
                    continue
                here = context_country(p, toks, states, sents, dominant)
                c = code_phrase(p, doc.published, here, _key_words(toks, p))
                span = doc.raw_span(fld, toks[p.start].start, toks[p.end - 1].end)
                out.append(Mention(span, doc.span_text(span), c.code, c.sector, c.kind, c.provenance,
                                   c.confidence, c.entry, c.name_en, c.wikidata, c.key))
                out.extend(_nested(doc, fld, toks, p, here))
            out.extend(_unknown_persons(doc, fld, toks, names[fld], phrases[fld], found[fld]))
        out.extend(bare_references(doc, out))
        doc.mentions = out
        return doc

    return run


_AFFAIRS = ("شوون", "الشوون", "شيون", "الشيون")
_MINISTRY_ADJECTIVES = frozenset({"الداخليه", "الخارجيه"})


def _affairs_adjective(toks, p: Phrase) -> bool:
    """"شؤونها الداخلية" (its internal affairs): the adjective, not the interior ministry."""
    return p.end - p.start == 1 and toks[p.start].text in _MINISTRY_ADJECTIVES and p.start > 0 \
        and toks[p.start - 1].text.startswith(_AFFAIRS)


def _nested(doc: Doc, fld: str, toks, p: Phrase, dominant: str | None) -> list[Mention]:
    """Institutions and organisations named inside a phrase are actors of their own ("فيلق
    القدس" in "قائد فيلق القدس", "البرلمان العراقي" in "رئيس لجنة … في البرلمان العراقي"); they
    take the phrase's nisba or state, and their span takes the nisba when it follows them."""
    out = []
    for it in p.parts[1:]:
        if it.entry.kind not in ("institution", "org"):
            continue
        sub = Phrase(it.start, it.end, it, [it], nisba=p.nisba, country=p.country)
        c = code_phrase(sub, doc.published, dominant, _key_words(toks, sub))
        end = p.nisba.end if p.nisba is not None and p.nisba.start == it.end else it.end
        span = doc.raw_span(fld, toks[it.start].start, toks[end - 1].end)
        out.append(Mention(span, doc.span_text(span), c.code, c.sector, c.kind, c.provenance + "+nested",
                           c.confidence, c.entry, c.name_en, c.wikidata, c.key))
    return out


def _person_names(tagger, tokens, sentences: list[tuple[int, int]], found: dict) -> list[tuple[int, int]]:
    """Token ranges the NER model tags PERS, in the sentences where a name no lexicon knows
    matters most: those with a title, which a name may follow ("رئيس المؤتمر ووفغانغ ايشنيغر").
    Tagging only these keeps the model's cost to a fraction of the article; a speaker without a
    title is still kept as written by the quote finder."""
    out = []
    starts = [t.start for t in tokens]
    titled = {i for i, it in found.items() if it.entry.kind == "role"}
    for a, b in sentences:
        i, j = bisect_left(starts, a), bisect_left(starts, b)
        if j <= i:
            continue
        if not any(i <= k < j for k in titled):
            continue
        for s, e, kind in spans(tagger.tag([t.text for t in tokens[i:j]])):
            if kind == "PERS":
                out.append((i + s, i + e))
    return out


def _unknown_persons(doc: Doc, fld: str, toks, names: list[tuple[int, int]], phrases: list[Phrase],
                     found: dict) -> list[Mention]:
    """Persons the model finds that no lexicon entry or title phrase covers: mentions without a
    code (who they speak for is unknown), which quotes and coreference can still use."""
    covered = {k for p in phrases for k in range(p.start, p.end)} | {k for it in found.values()
                                                                   for k in range(it.start, it.end)}
    out = []
    for a, b in names:
        if any(k in covered for k in range(a, b)) or b - a < 2:
            continue
        span = doc.raw_span(fld, toks[a].start, toks[b - 1].end)
        key = "name:" + " ".join(t.text for t in toks[a:b])
        out.append(Mention(span, doc.span_text(span), None, None, "person", "model:ner", 0.6, key=key))
    return out


def _key_words(toks, p: Phrase) -> str:
    """A personal name when the phrase has one, else the head's words without clitics."""
    if p.name is not None:
        return " ".join(t.text for t in toks[p.name[0]:p.name[1]])
    if p.head is None:
        return ""
    return p.head.entry.ref or " ".join(t.text for t in toks[p.head.start:p.head.end])
