"""Events: PLOVER type and mode from the trigger lexicon, actor and recipient from the clause,
date and place from the sentence, deduplicated within the article.

Not coded: acts in a question, in a conditional ("إذا", "لو", "في حال"), and negated acts ("لم
يقصف"); a negated act inside someone's reported claim is that someone's denial, REJECT. An
attack with no named attacker is coded with an unknown armed actor (UAF, no country).
"""
from __future__ import annotations

from dataclasses import replace

from ..doc import Doc, Event, Participant, Span
from ..events.arguments import actor, recipient
from ..events.field import FieldIndex, Located
from ..events.lexicon import MUTUAL, Trigger, quad_and_score, triggers
from ..pipeline import stage
from ..text.normalize import fold
from .quotes import participant
from .text import FIELDS

_NEGATION = frozenset(fold(w) for w in ("لم", "لن", "لا", "ما", "عدم", "غير", "دون", "بدون", "ليس", "ليست"))
_CONDITION = frozenset(fold(w) for w in ("إذا", "اذا", "لو", "لولا", "حال", "حالة", "ربما"))
_UNNAMED_ATTACK = ("ASSAULT",)


@stage("events", requires=("actors", "times", "places", "quotes"), provides=("events",))
def build():
    matcher = triggers()

    def run(doc: Doc) -> Doc:
        part = participant(doc)
        found: dict[tuple, Event] = {}
        for fld in FIELDS:
            fi = FieldIndex(doc, fld)
            for m in matcher.find_all(fi.tokens):
                for ev in _code(doc, fi, m.start, m.end, m.payloads[0], part):
                    _merge(found, ev)
        doc.events = list(found.values())
        return doc

    return run


def _negated(fi: FieldIndex, start: int, lo: int) -> bool:
    return any(fi.words[k] in _NEGATION for k in range(max(lo, start - 2), start))


def _hypothetical(fi: FieldIndex, start: int, lo: int) -> bool:
    return any(fi.words[k] in _CONDITION for k in range(max(lo, start - 8), start))


def _code(doc: Doc, fi: FieldIndex, start: int, end: int, trig: Trigger, part) -> list[Event]:
    lo, hi = fi.sentence_of(start)
    if fi.words[hi - 1] == "؟":
        return []
    quote = fi.quote_around(start)
    quote_span = None
    if quote is not None:
        q = fi.locate(quote.span.start, quote.span.end, quote)
        quote_span = (q.start, q.end)
    if _hypothetical(fi, start, lo):
        return []
    event, mode = trig.event, trig.mode
    provenance = f"lexicon:trigger:{trig.form}"
    if _negated(fi, start, lo):
        if quote is None or quote.speaker is None or quote.kind != "reported":
            return []
        event, mode, provenance = "REJECT", None, provenance + "+negated-claim"
    actors = actor(fi, start, end, (lo, hi), quote_span)
    if actors:
        actor_parts = [part(m.item) for m in actors]
    elif quote is not None and quote.speaker is not None:
        actor_parts = [quote.speaker]
        provenance += "+speaker"
    elif event in _UNNAMED_ATTACK:
        a, b = fi.raw(start, end)
        actor_parts = [Participant(doc.field_text(fi.field)[a:b], None, "UAF", Span(fi.field, a, b))]
        provenance += "+unnamed-attacker"
    else:
        return []
    taken = {m.start for m in actors or ()}
    rec = recipient(fi, start, end, hi, trig.recipient, taken) if event != "REJECT" or trig.event == "REJECT" else []
    rec_parts = [part(m.item) for m in rec]
    rec_parts = [r for r in rec_parts if (r.code, r.sector) != (actor_parts[0].code, actor_parts[0].sector)
                 or r.entity_text != actor_parts[0].entity_text]
    a, b = fi.raw(start, end)
    evidence_start = min([a] + [p.span.start for p in actor_parts + rec_parts if p.span and p.span.field == fi.field])
    evidence_end = max([b] + [p.span.end for p in actor_parts + rec_parts if p.span and p.span.field == fi.field])
    text = doc.field_text(fi.field)
    time = fi.time_near(start, lo, hi)
    occupied = {(m.start, m.end) for m in (actors or []) + rec}
    place = fi.place_near(start, lo, hi, occupied)
    quad, score = quad_and_score(event, mode)
    return [Event(
        event=event, mode=mode, actor=tuple(actor_parts), recipient=tuple(rec_parts),
        event_text=text[evidence_start:evidence_end], spans=(Span(fi.field, evidence_start, evidence_end),),
        trigger=text[a:b], cameo=trig.cameo, quad_class=quad, intensity=score, provenance=provenance,
        confidence=0.7 if actors else 0.5, date=time.value if time else None,
        event_loc={"text": place.text, "country": place.country, "lat": place.lat, "lon": place.lon}
        if place else None,
    )]


def _key(ev: Event) -> tuple:
    actors = tuple(sorted({(p.code, p.sector) for p in ev.actor}, key=str))
    recips = tuple(sorted({(p.code, p.sector) for p in ev.recipient}, key=str))
    if ev.event in MUTUAL:
        actors, recips = tuple(sorted((actors, recips), key=str))
    return ev.event, actors, recips


def _merge(found: dict[tuple, Event], ev: Event) -> None:
    """The same (type, actor, recipient) reported twice is one event with two evidence spans."""
    key = _key(ev)
    old = found.get(key)
    if old is None:
        found[key] = ev
        return
    found[key] = replace(old, spans=old.spans + ev.spans, date=old.date or ev.date,
                         event_loc=old.event_loc or ev.event_loc, confidence=max(old.confidence, ev.confidence))
