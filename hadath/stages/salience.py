"""Salience: which of the recognised actors the article presents as actors.

Every state and generic institution named in a text is recognised (and states stay places),
but an analyst's actor list holds what acts, speaks or is acted upon. Kept: named persons and
organisations; institutions and titles whose country the phrase itself states ("الجيش العراقي");
and any actor that takes part in an event or speaks a quote. Dropped: a state only named in
passing ("زار وفد من فلسطين واليمن …"), a generic noun coded only from context, and a name the
NER model found that nothing codes (it stays the speaker of its quotes, as written).
"""
from __future__ import annotations

from ..doc import Actor, Doc
from ..pipeline import stage


def _explicit(a: Actor) -> bool:
    for m in a.mentions:
        if m.kind in ("person", "org"):
            return True
        if m.kind in ("institution", "role") and "context-country" not in m.provenance and len(m.text.split()) > 1:
            return True
    return False


@stage("salience", requires=("actors", "events", "quotes"), provides=("salient_actors",))
def build():
    def run(doc: Doc) -> Doc:
        involved = {p.actor_id for e in doc.events for p in e.actor + e.recipient}
        involved |= {q.speaker.actor_id for q in doc.quotes if q.speaker is not None}
        doc.actors = [a for a in doc.actors if (a.id in involved or _explicit(a)) and (a.code or a.sector)]
        return doc

    return run
