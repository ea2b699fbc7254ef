"""Actors: mentions grouped into the distinct actors of the article (in-article coreference).

- persons and organisations known to the lexicon group by their entry, states by their code
  (name, capital, seat, "الجانب الروسي" are one actor);
- a new name met after a title ("وزير الدفاع العراقي جمعة عناد") is found again by its last word
  ("عناد"), with a title written just before it ("الرئيس الأسد");
- a title with no name ("وزير الدفاع", "البرلماني العراقي") refers back to the latest person whose
  own title contains it, or else whose country and sector it repeats;
- a generic institution joins the earlier mention of the same institution of the same state.
"""
from __future__ import annotations

from dataclasses import replace

from ..actors.vocab import function_words
from ..doc import Actor, Doc, Mention
from ..lexicon.entries import load
from ..pipeline import stage
from ..text.normalize import fold
from ..text.tokens import forms

_PERSONAL = ("person:", "name:")


@stage("actors", requires=("mentions",), provides=("actors",))
def build():
    lex = load()
    stop = function_words()

    def run(doc: Doc) -> Doc:
        mentions = sorted(doc.mentions, key=_order)
        mentions = _add_surnames(doc, mentions, lex.person_names, stop)
        resolved: list[Mention] = []
        for m in mentions:
            resolved.append(replace(m, key=_resolve(m, resolved)))
        groups: dict[str, list[Mention]] = {}
        for m in resolved:
            groups.setdefault(m.key, []).append(m)
        doc.mentions = resolved
        doc.actors = [_actor(f"a{n}", ms) for n, ms in enumerate(groups.values(), 1)]
        return doc

    return run


def _order(m: Mention) -> tuple:
    return (m.span.field != "title", m.span.start, -m.span.end)


def _resolve(m: Mention, earlier: list[Mention]) -> str:
    if m.kind == "institution":
        return f"{m.key}:{m.code}"
    if m.kind != "role":
        return m.key
    words = set(fold(m.text).split())
    same_role = [e for e in earlier if e.key.startswith(_PERSONAL + ("role:",))
                 and words <= set(fold(e.text).split())]
    if same_role:
        return same_role[-1].key
    if m.code and "context-country" not in m.provenance:
        same_side = [e for e in earlier if e.key.startswith(_PERSONAL) and (e.code, e.sector) == (m.code, m.sector)]
        if same_side:
            return same_side[-1].key
    return f"{m.key}:{m.code}"


def _add_surnames(doc: Doc, mentions: list[Mention], person_names: dict, stop: frozenset[str]) -> list[Mention]:
    """Later mentions of a named person by the last word of the name."""
    surnames: dict[str, Mention] = {}
    for m in mentions:
        if m.key.startswith("name:"):
            words = m.key[5:].split()
        elif m.key.startswith("person:") and m.entry in person_names:
            words = fold(person_names[m.entry][0]).split()
        elif m.key.startswith("person:") and m.entry is None:  # a title with a name no lexicon has
            words = m.key[7:].split()
        else:
            continue
        # "محمد بن سلمان" is not "سلمان": a last word after بن names the father.
        if len(words) >= 2 and words[-2] not in ("بن", "ابن", "بنت") and len(words[-1]) >= 3 \
                and words[-1] not in stop:
            surnames.setdefault(words[-1], m)
    if not surnames:
        return mentions
    taken = {(m.span.field, i) for m in mentions for i in range(m.span.start, m.span.end)}
    added = []
    for fld, toks in doc.tokens.items():
        for k, t in enumerate(toks):
            first = next((surnames[f] for f in forms(t.text) if f in surnames), None)
            if first is None:
                continue
            span = doc.raw_span(fld, t.start, t.end)
            if (fld, span.start) in taken or _order(first) > (fld != "title", span.start, -span.end):
                continue
            added.append(replace(first, span=span, text=doc.span_text(span), kind="person",
                                 provenance="coref:surname", confidence=min(first.confidence, 0.8)))
    if not added:
        return mentions
    return _absorb_titles(doc, sorted(mentions + added, key=_order))


def _absorb_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A bare title right before a surname is part of that mention: "الرئيس الأسد"."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (m.provenance == "coref:surname" and prev is not None and prev.kind == "role"
                and prev.span.field == m.span.field
                and not doc.field_text(m.span.field)[prev.span.end:m.span.start].strip()):
            span = replace(m.span, start=prev.span.start)
            out[-1] = replace(m, span=span, text=doc.span_text(span))
            continue
        out.append(m)
    return out


def _actor(actor_id: str, ms: list[Mention]) -> Actor:
    best = max(ms, key=lambda m: m.confidence)
    fullest = max(ms, key=lambda m: len(m.text))
    named = next((m for m in ms if m.name_en), None)
    ordered = [fullest] + [m for m in ms if m is not fullest]
    return Actor(actor_id, fullest.text, best.code, best.sector, tuple(ordered), best.provenance,
                 best.confidence, named.name_en if named else None, named.wikidata if named else None)
