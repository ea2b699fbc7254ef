"""Bare definite nouns that stand for an actor the article names: "التحالف" for the coalition,
"المملكة" for the kingdom, "الحركة" for حركة حماس, "التنظيم" for تنظيم داعش, "الحزب" for حزب الله.

Each becomes a mention coded (and keyed) like the actor it stands for, so coreference joins them.
"""
from __future__ import annotations

import re
from collections import Counter

from ..doc import Doc, Mention, Span
from ..lexicon.entries import load
from ..text.normalize import fold
from ..text.tokens import forms
from ..stages.text import FIELDS

# A coalition named by its lead ("التحالف الذي تقوده السعودية") or by the war it fights in (the
# Houthis' enemy in Yemen, ISIS's in Iraq and Syria) is what a bare "التحالف" means.
_COALITIONS = ("saudi_led_coalition", "us_led_coalition")
_COALITION_BY_ENEMY = {"houthis": "saudi_led_coalition", "isis": "us_led_coalition"}
_COALITION = fold("التحالف")
_HEAD_BY_ENEMY = {fold("المقاومة"): {"houthis": "yemen_popular_resistance"}}
# "المملكة" alone is the kingdom the article names most ("سيزور المملكة" in a Saudi story).
_KINGDOMS = frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA", "JPN"})
_KINGDOM = fold("المملكة")
# Head nouns of organisation names that, bare and definite, refer back to the organisation
# ("حركة حماس" … "الحركة"); unnamed, "المقاومة" fighting the Houthis is Yemen's popular resistance.
_HEADS = frozenset(fold(w) for w in ("الحركة", "الجماعة", "التنظيم", "الحزب", "الجبهة", "المقاومة", "الميليشيا",
                                      "الميليشيات", "المليشيات"))


# the letters every form of those words keeps, to skip other tokens cheaply
_CORES = re.compile("|".join(sorted({w[2:] for w in _HEADS | {_COALITION, _KINGDOM}})))


def bare_references(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    covered = {(m.span.field, k) for m in mentions for k in range(m.span.start, m.span.end)}
    orgs = sorted((m for m in mentions if m.kind == "org" and m.entry), key=_order)
    kingdom = _kingdom(mentions)
    coalition = _coalition(mentions)
    out = []
    for fld in FIELDS:
        for t in doc.tokens[fld]:
            if not _CORES.search(t.text):
                continue
            stem = next((f for f in forms(t.text) if f in _HEADS or f in (_COALITION, _KINGDOM)), None)
            if stem is None:
                continue
            span = doc.raw_span(fld, t.start, t.end)
            if (fld, span.start) in covered:
                continue
            if stem == _KINGDOM and kingdom:
                out.append(_state(doc, span, kingdom))
            elif stem == _COALITION and coalition:
                out.append(_org(doc, span, coalition, "rule:bare-coalition"))
            elif stem in _HEADS:
                head = stem[2:]
                named = [m for m in orgs if _order(m) < (fld != "title", span.start)
                         and fold(m.text).split()[0].lstrip("وفلب").removeprefix("ال") == head]
                if named:
                    out.append(replace_span(named[-1], doc, span))
                elif (ref := _by_enemy(stem, mentions)) is not None:
                    out.append(_org(doc, span, ref, "rule:bare-head"))
    return out


def _by_enemy(stem: str, mentions: list[Mention]) -> str | None:
    enemies = _HEAD_BY_ENEMY.get(stem, {})
    return next((enemies[m.entry] for m in mentions if m.entry in enemies), None)


def _order(m: Mention) -> tuple:
    return (m.span.field != "title", m.span.start)


def _kingdom(mentions: list[Mention]) -> str | None:
    named = Counter(m.code for m in mentions if m.code in _KINGDOMS)
    return named.most_common(1)[0][0] if named else None


def _coalition(mentions: list[Mention]) -> str | None:
    named = next((m for m in mentions if m.entry in _COALITIONS), None)
    if named:
        return named.entry
    return next((_COALITION_BY_ENEMY[m.entry] for m in mentions if m.entry in _COALITION_BY_ENEMY), None)


def _state(doc: Doc, span: Span, code: str) -> Mention:
    return Mention(span, doc.span_text(span), code, "GOV", "state", "rule:bare-kingdom", 0.75, code,
                   load().countries[code].name_en, key=f"state:{code}")


def _org(doc: Doc, span: Span, ref: str, provenance: str) -> Mention:
    e = next(r for r in load().tables["orgs"].rows if r["id"] == ref)
    return Mention(span, doc.span_text(span), e["code"], e["sector"], "org", f"{provenance}:{ref}", 0.75, ref,
                   e["name_en"], e["wikidata"] or None, f"org:{ref}")


def replace_span(m: Mention, doc: Doc, span: Span) -> Mention:
    """A later bare mention of the organisation ``m`` names."""
    return Mention(span, doc.span_text(span), m.code, m.sector, "org", f"rule:bare-head:{m.entry}",
                   min(m.confidence, 0.75), m.entry, m.name_en, m.wikidata, m.key)
