"""Quotes: direct and reported speech with the speaker resolved to an actor."""
from __future__ import annotations

from ..doc import Doc, Mention, Participant
from ..pipeline import stage
from ..quotes.find import QuoteFinder, headline
from .text import FIELDS


def participant(doc: Doc):
    """Mention -> Participant, coded with its actor's code and sector (coreference included)."""
    by_key = {m.key: a for a in doc.actors for m in a.mentions}

    def of(m: Mention) -> Participant:
        a = by_key.get(m.key)
        if a is None:
            return Participant(m.text, m.code, m.sector, m.span)
        return Participant(m.text, a.code, a.sector, m.span, a.id)

    return of


@stage("quotes", requires=("actors", "sentences"), provides=("quotes",))
def build():
    def run(doc: Doc) -> Doc:
        of = participant(doc)
        finder = QuoteFinder(of)
        previous = None
        out = []
        for fld in FIELDS:
            mentions = sorted((m for m in doc.mentions if m.span.field == fld), key=lambda m: m.span.start)
            quotes, previous = finder.field(doc, fld, mentions, previous)
            out.extend(quotes)
            if fld == "title" and not quotes:
                q = headline(doc, mentions, of)
                out.extend([q] if q else [])
        doc.quotes = out
        return doc

    return run
