"""Scoring of one article, layer by layer, as GOLD.md ("How a system is scored") defines it.

Both documents are expected to have passed :mod:`hadath.evaluate.shape`; missing lists and
``null`` values count as empty.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from hadath.evaluate.matching import max_matching
from hadath.evaluate.report import Counts
from hadath.evaluate.strings import normalize, overlap

# Event types whose two parties act on each other alike, so "A meets B" and "B meets A" are one event.
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})

# A predicted quote is found when it contains this many leading normalized characters of the gold
# quote_start: enough to identify the quote, short enough to survive a different end of the span.
QUOTE_KEY_CHARS = 40

# A predicted place counts when within this distance of the gold point (unless it is a country,
# whose centroid may lie anywhere inside it).
PLACE_RADIUS_KM = 50.0
_EARTH_RADIUS_KM = 6371.0088


def score_article(gold: dict, pred: dict) -> dict[str, Counts]:
    """Counts of every layer (in :data:`hadath.evaluate.report.LAYERS` order) for one article."""
    quotes_found, quotes_attributed = _quotes(gold, pred)
    return {
        "events": _events(gold, pred, strict=False),
        "events_strict": _events(gold, pred, strict=True),
        "actors": _actors(gold, pred, strict=False),
        "actors_strict": _actors(gold, pred, strict=True),
        "quotes_found": quotes_found,
        "quotes_attributed": quotes_attributed,
        "times": _one_to_one(_items(gold, "times"), _items(pred, "times"), _same_time),
        "places": _one_to_one(_items(gold, "places"), _items(pred, "places"), _same_place),
    }


def _items(doc: dict, field: str) -> list[dict]:
    return doc.get(field) or []


def _events(gold: dict, pred: dict, strict: bool) -> Counts:
    gold_triples, pred_triples = _triples(gold, strict), _triples(pred, strict)
    shared = len(gold_triples & pred_triples)
    return Counts(len(gold_triples), len(pred_triples), shared, shared)


def _triples(doc: dict, strict: bool) -> set[tuple[str, str, str]]:
    """The distinct (event, actor, recipient) triples of ``doc``: one per pair of listed actor and
    recipient, a party being its code, or "code/sector" when ``strict``."""
    triples = set()
    for event in _items(doc, "events"):
        kind = event.get("event") or ""
        for actor in _parties(event.get("actor"), strict):
            for recipient in _parties(event.get("recipient"), strict):
                pair = (actor, recipient)
                triples.add((kind, *(sorted(pair) if kind in MUTUAL else pair)))
    return triples


def _parties(entries: list[dict] | None, strict: bool) -> list[str]:
    # An empty list is one unnamed party, so an event without a recipient still yields its triple;
    # it gets the same key as an entry with null code (and null sector), which says the same.
    return [_party(entry, strict) for entry in entries or [{}]]


def _party(entry: dict, strict: bool) -> str:
    code = entry.get("code") or ""
    return f"{code}/{entry.get('sector') or ''}" if strict else code


def _actors(gold: dict, pred: dict, strict: bool) -> Counts:
    """Recall counts gold actors found by some predicted actor, precision counts predicted actors
    that find some gold actor; not one-to-one, as GOLD.md defines it."""

    def identity(actor: dict) -> tuple[str, ...]:
        code = actor.get("code") or ""
        return (code, actor.get("sector") or "") if strict else (code,)

    gold_actors = [
        (identity(a), [a.get("entity_text"), *(a.get("aliases") or [])]) for a in _items(gold, "actors")
    ]
    pred_actors = [
        (identity(a), [a.get("entity_text"), *(m.get("text") for m in a.get("mentions") or [])])
        for a in _items(pred, "actors")
    ]

    def same(g: tuple, p: tuple) -> bool:
        return g[0] == p[0] and any(overlap(m, n) for m in p[1] if m for n in g[1] if n)

    gold_found = sum(any(same(g, p) for p in pred_actors) for g in gold_actors)
    pred_matched = sum(any(same(g, p) for g in gold_actors) for p in pred_actors)
    return Counts(len(gold_actors), len(pred_actors), gold_found, pred_matched)


def _quotes(gold: dict, pred: dict) -> tuple[Counts, Counts]:
    """Counts of quotes_found and quotes_attributed.

    Each layer takes its own maximum one-to-one matching: quotes_found over the pairs where the
    prediction contains the gold quote, quotes_attributed over the pairs that also agree on the
    speaker. Attributed pairs being a subset of found pairs, the attributed count never exceeds the
    found count. Two matchings rather than one that prefers attributed pairs, because a single
    matching cannot always maximize both: with gold g1, g2 and predictions p1, p2 where g1-p1 is
    attributed and g1-p2, g2-p1 are found only, the most quotes found (g1-p2, g2-p1) leaves g1-p1
    unused while taking g1-p1 leaves only one quote found.
    """
    gold_quotes = [
        (
            # Stripped: a key cut right after a word ends with a space that a prediction ending
            # with that word does not have.
            normalize(q.get("quote_start") or "")[:QUOTE_KEY_CHARS].strip(),
            [_speaker_text(q.get("speaker")), *(q.get("speaker_aliases") or [])],
        )
        for q in _items(gold, "quotes")
    ]
    pred_quotes = [(normalize(q.get("text") or ""), _speaker_text(q.get("speaker"))) for q in _items(pred, "quotes")]

    def found(g: tuple, p: tuple) -> bool:
        return bool(g[0]) and g[0] in p[0]

    def attributed(g: tuple, p: tuple) -> bool:
        return found(g, p) and any(overlap(p[1], name) for name in g[1] if name)

    n_found = max_matching(gold_quotes, pred_quotes, found)
    n_attributed = max_matching(gold_quotes, pred_quotes, attributed)
    n_gold, n_pred = len(gold_quotes), len(pred_quotes)
    return Counts(n_gold, n_pred, n_found, n_found), Counts(n_gold, n_pred, n_attributed, n_attributed)


def _speaker_text(speaker: str | dict | None) -> str:
    # A speaker is its text, or an actor-like object carrying it.
    if isinstance(speaker, dict):
        return speaker.get("entity_text") or speaker.get("text") or ""
    return speaker or ""


def _one_to_one(gold_items: list[dict], pred_items: list[dict], same: Callable[[dict, dict], bool]) -> Counts:
    found = max_matching(gold_items, pred_items, same)
    return Counts(len(gold_items), len(pred_items), found, found)


def _same_time(g: dict, p: dict) -> bool:
    return overlap(g.get("text") or "", p.get("text") or "") and g.get("value") == p.get("value")


def _same_place(g: dict, p: dict) -> bool:
    if not overlap(g.get("text") or "", p.get("text") or ""):
        return False
    if (g.get("country") or "") != (p.get("country") or ""):
        return False
    if p.get("level") == "country":
        return True
    distance = _distance_km(g, p)
    return distance is not None and distance <= PLACE_RADIUS_KM


def _distance_km(a: dict, b: dict) -> float | None:
    """Great-circle (haversine) distance between two items' lat/lon; None when one lacks a point."""
    points = [(x.get("lat"), x.get("lon")) for x in (a, b)]
    if any(v is None for point in points for v in point):
        return None
    (lat1, lon1), (lat2, lon2) = [(math.radians(lat), math.radians(lon)) for lat, lon in points]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
