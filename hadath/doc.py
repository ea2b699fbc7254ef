"""The document and its annotation records.

A :class:`Doc` holds the article's title and text exactly as ingested; they never change. Every
annotation is a frozen record whose :class:`Span` points into one of them, so that
``doc.title`` / ``doc.text`` sliced with a span gives back the annotated string. Stages add
records; ``Doc.to_dict()`` gives the GOLD.md shape plus spans, confidence and provenance.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text.normalize import View
from .text.tokens import Token


@dataclass(frozen=True, slots=True)
class Span:
    field: str  # "title" | "text"
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming an actor, with the code and sector it carries on its own."""

    span: Span
    text: str
    code: str | None
    sector: str | None
    kind: str  # person | org | country | capital | seat | institution | role | group | ner | ref
    provenance: str
    confidence: float
    entry: str | None = None  # lexicon entry id (person or organisation slug)
    name_en: str | None = None
    wikidata: str | None = None
    key: str = ""  # what identifies the actor across mentions: "person:<id>", "state:IRQ", "name:…"

    def to_dict(self) -> dict:
        out = {"text": self.text, "spans": [self.span.to_dict()], "code": self.code,
               "sector": self.sector, "kind": self.kind, "provenance": self.provenance,
               "confidence": self.confidence}
        if self.entry:
            out["entry"] = self.entry
        return out


@dataclass(frozen=True, slots=True)
class Actor:
    """One distinct actor of the article with all its mentions (the first is the fullest)."""

    id: str
    entity_text: str
    code: str | None
    sector: str | None
    mentions: tuple[Mention, ...]
    provenance: str
    confidence: float
    name_en: str | None = None
    wikidata: str | None = None

    @property
    def aliases(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in self.mentions:
            if m.text != self.entity_text:
                seen.setdefault(m.text, None)
        return list(seen)

    def to_dict(self) -> dict:
        return {"id": self.id, "entity_text": self.entity_text, "name_en": self.name_en,
                "code": self.code, "sector": self.sector, "wikidata": self.wikidata,
                "aliases": self.aliases, "mentions": [m.to_dict() for m in self.mentions],
                "spans": [self.mentions[0].span.to_dict()], "confidence": self.confidence,
                "provenance": self.provenance}


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor or recipient of an event, or the speaker of a quote, as written at that place."""

    entity_text: str
    code: str | None
    sector: str | None
    span: Span | None
    actor_id: str | None = None

    def to_dict(self) -> dict:
        out = {"entity_text": self.entity_text, "code": self.code, "sector": self.sector}
        if self.actor_id:
            out["actor_id"] = self.actor_id
        if self.span:
            out["spans"] = [self.span.to_dict()]
        return out


@dataclass(frozen=True, slots=True)
class Time:
    text: str
    value: str  # ISO date at the precision the text gives: YYYY-MM-DD, YYYY-MM or YYYY
    span: Span
    provenance: str
    confidence: float

    def to_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "spans": [self.span.to_dict()],
                "confidence": self.confidence, "provenance": self.provenance}


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    name_en: str
    country: str
    lat: float
    lon: float
    level: str  # country | admin | city | site
    span: Span
    provenance: str
    confidence: float
    geonames_id: int | None = None

    def to_dict(self) -> dict:
        return {"text": self.text, "name_en": self.name_en, "country": self.country,
                "lat": self.lat, "lon": self.lon, "level": self.level,
                "geonames_id": self.geonames_id, "spans": [self.span.to_dict()],
                "confidence": self.confidence, "provenance": self.provenance}


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    span: Span
    speaker: Participant | None
    cue: str | None  # the speech verb or "«»" for a bare direct quotation
    kind: str  # direct | reported
    provenance: str
    confidence: float

    def to_dict(self) -> dict:
        sp = self.speaker
        return {"text": self.text, "spans": [self.span.to_dict()],
                "speaker": sp.to_dict() if sp else None,
                "speaker_code": sp.code if sp else None,
                "speaker_sector": sp.sector if sp else None,
                "cue": self.cue, "kind": self.kind,
                "confidence": self.confidence, "provenance": self.provenance}


@dataclass(frozen=True, slots=True)
class Event:
    event: str
    mode: str | None
    actor: tuple[Participant, ...]
    recipient: tuple[Participant, ...]
    event_text: str
    spans: tuple[Span, ...]  # evidence: one per report of the same event in the article
    trigger: str
    cameo: str | None
    quad_class: int | None
    intensity: float | None
    provenance: str
    confidence: float
    date: str | None = None
    event_loc: dict | None = None

    def to_dict(self) -> dict:
        out = {"event": self.event, "mode": self.mode,
               "actor": [p.to_dict() for p in self.actor],
               "recipient": [p.to_dict() for p in self.recipient],
               "date": self.date, "event_loc": self.event_loc, "event_text": self.event_text,
               "spans": [s.to_dict() for s in self.spans], "trigger": self.trigger,
               "cameo": self.cameo, "cameo_root": self.cameo[:2] if self.cameo else None,
               "quad_class": self.quad_class, "intensity": self.intensity,
               "confidence": self.confidence, "provenance": self.provenance}
        return out


@dataclass(slots=True)
class Doc:
    """An article flowing through the pipeline. Title and text are never modified."""

    doc_id: str
    title: str
    text: str
    published: str | None = None
    url: str | None = None
    source: str | None = None
    boilerplate: tuple[str, ...] = ()
    views: dict[str, View] = field(default_factory=dict)
    tokens: dict[str, list[Token]] = field(default_factory=dict)
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def field_text(self, name: str) -> str:
        return self.title if name == "title" else self.text

    def span_text(self, span: Span) -> str:
        return self.field_text(span.field)[span.start:span.end]

    def raw_span(self, fld: str, vstart: int, vend: int) -> Span:
        """A span of the raw field for a [vstart, vend) span of its folded view."""
        a, b = self.views[fld].to_raw(vstart, vend)
        return Span(fld, a, b)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id, "title": self.title, "text": self.text,
                               "published": self.published, "url": self.url}
        if self.boilerplate:
            out["boilerplate"] = list(self.boilerplate)
        out["actors"] = [a.to_dict() for a in self.actors]
        out["events"] = [e.to_dict() for e in self.events]
        out["quotes"] = [q.to_dict() for q in self.quotes]
        out["times"] = [t.to_dict() for t in self.times]
        out["places"] = [p.to_dict() for p in self.places]
        return out
