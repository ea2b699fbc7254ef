"""Places: every named country, region, city and site, disambiguated by the article's context.

A name several places share (طرابلس in Libya and Lebanon) goes to the one whose country the
article names most, then to the most populous. Small GeoNames towns need a place noun before
them ("بلدة", "قرية", …) or a population of at least 100,000, since many of their names are also
ordinary words. A place is listed once per distinct name; a name contained in an already listed
name of the same place ("الولايات المتحدة" after "الولايات المتحدة الأمريكية") is the same mention.
"""
from __future__ import annotations

from collections import Counter

from ..doc import Doc, Place
from ..lexicon.matcher import Match
from ..pipeline import stage
from ..places.gazetteer import PlaceEntry, gazetteer
from ..text.normalize import fold
from .text import FIELDS

PLACE_NOUNS = frozenset(fold(w) for w in (
    "مدينة", "محافظة", "منطقة", "بلدة", "قرية", "مخيم", "ولاية", "إقليم", "ريف", "مطار", "قاعدة",
    "ميناء", "معبر", "جزيرة", "حي", "مديرية", "قضاء", "ناحية", "بلدية", "شمال", "جنوب", "شرق",
    "غرب", "وسط", "عاصمة", "العاصمة"))
_SMALL_TOWN = 100_000
_LEVEL_CONFIDENCE = {"country": 0.95, "admin": 0.85, "city": 0.85, "site": 0.8, "district": 0.75}


def _choose(m: Match, votes: Counter) -> PlaceEntry:
    return max(m.payloads, key=lambda e: (votes.get(e.country, 0), e.level == "country", e.population))


@stage("places", requires=("tokens", "mentions"), provides=("places",))
def build():
    gaz = gazetteer()

    def run(doc: Doc) -> Doc:
        found = {fld: gaz.find_all(doc.tokens[fld]) for fld in FIELDS}
        votes: Counter = Counter()
        for fld in FIELDS:
            for m in found[fld]:
                for e in m.payloads:
                    votes[e.country] += 1 if len(m.payloads) == 1 else 0
        out: list[Place] = []
        listed: list[tuple[str, str, str]] = []  # (folded name, name_en, country)
        # "فيلق القدس", "قناة الجزيرة": a name inside an organisation's or person's name is no place
        inside = [(m.span.field, m.span.start, m.span.end) for m in doc.mentions
                  if m.kind in ("org", "person") and m.entry]
        for fld in FIELDS:
            toks = doc.tokens[fld]
            for m in found[fld]:
                e = _choose(m, votes)
                start = m.start
                noun = start > 0 and toks[start - 1].text in PLACE_NOUNS
                if e.source == "geonames" and not noun and e.population < _SMALL_TOWN:
                    continue
                if noun:
                    start -= 1
                a, b = doc.views[fld].to_raw(toks[m.start].start, toks[m.end - 1].end)
                if any(f == fld and s0 <= a and b <= e0 for f, s0, e0 in inside):
                    continue
                name = " ".join(t.text for t in toks[m.start:m.end])
                if any(e.name_en == n_en and e.country == c and (name in n or n in name)
                       for n, n_en, c in listed):
                    continue
                listed.append((name, e.name_en, e.country))
                span = doc.raw_span(fld, toks[start].start, toks[m.end - 1].end)
                out.append(Place(doc.span_text(span), e.name_en, e.country, round(e.lat, 4), round(e.lon, 4),
                                 "admin" if e.level == "district" else e.level, span,
                                 e.source, _LEVEL_CONFIDENCE.get(e.level, 0.7) * (0.8 if len(m.payloads) > 1 else 1),
                                 e.geonames_id))
        doc.places = out
        return doc

    return run
