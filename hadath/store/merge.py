"""Dataset events: the article-level events that report one real-world event, merged.

Reports merge when they have the same PLOVER type, the same actor and recipient country codes
(either order for the mutual types AGREE, CONSULT, COOPERATE, whose party order means nothing),
dates within ``WINDOW_DAYS`` of the first report's date, and places in one country (or no place).
Reports whose participants carry no code at all ("مجهولون" attacking) say too little to be
matched across stories; they merge only with the copies of their own story (near-duplicates).

Clustering is greedy over the reports sorted by (day, doc_id, event_id), so the result depends
on the stored events only, never on the order in which articles were ingested.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ..events.lexicon import MUTUAL

WINDOW_DAYS = 3


@dataclass(frozen=True, slots=True)
class Report:
    """One article-level event, with what merging needs to know about it and its article."""

    event_id: str
    doc_id: str
    event: str
    mode: str | None
    day: date | None
    place_country: str | None
    actor_codes: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    source: str | None
    published: date | None
    confidence: float | None
    quad_class: int | None
    intensity: float | None
    story: str  # near-duplicate group of its article (the doc_id itself when it has none)


@dataclass(slots=True)
class _Cluster:
    first: date
    country: str | None
    reports: list[Report]


def _key(r: Report) -> tuple:
    actors = tuple(sorted(set(r.actor_codes)))
    recipients = tuple(sorted(set(r.recipient_codes)))
    if r.event in MUTUAL:
        actors, recipients = sorted((actors, recipients), key=lambda side: (not side, side))
    story = None if actors or recipients else r.story
    return r.event, actors, recipients, story


def merge(reports: Iterable[Report]) -> tuple[list[dict], list[tuple[str, str]]]:
    """(dataset_events rows, (dataset_event_id, event_id) links), sorted by id."""
    by_key: dict[tuple, list[Report]] = {}
    for r in reports:
        by_key.setdefault(_key(r), []).append(r)
    rows, links = [], []
    for key, group in by_key.items():
        group.sort(key=lambda r: (r.day or date.max, r.doc_id, r.event_id))
        for cluster in _clusters(group):
            row = _summary(key, cluster)
            rows.append(row)
            links.extend((row["dataset_event_id"], r.event_id) for r in cluster)
    rows.sort(key=lambda row: row["dataset_event_id"])
    links.sort()
    return rows, links


def _clusters(reports: list[Report]) -> list[list[Report]]:
    out: list[_Cluster] = []
    alone: list[list[Report]] = []
    live: list[_Cluster] = []  # clusters whose first day is within the window of the current one
    for r in reports:
        if r.day is None:  # an undated report cannot be placed in time: it stays on its own
            alone.append([r])
            continue
        live = [c for c in live if (r.day - c.first).days <= WINDOW_DAYS]
        target = next((c for c in live if c.country is None or r.place_country is None
                       or c.country == r.place_country), None)
        if target is None:
            target = _Cluster(r.day, None, [])
            out.append(target)
            live.append(target)
        target.reports.append(r)
        target.country = target.country or r.place_country
    return [c.reports for c in out] + alone


def _summary(key: tuple, reports: list[Report]) -> dict:
    event, actors, recipients, _ = key
    first = reports[0]
    modes = Counter(r.mode for r in reports if r.mode)
    days = [r.day for r in reports if r.day]
    reported = [r.published for r in reports if r.published]
    sources = sorted({r.source for r in reports if r.source})
    scores = [r.intensity for r in reports if r.intensity is not None]
    # Copies of one story are one witness, not several: take each story's best confidence and
    # combine the stories as independent evidence (noisy-or).
    best: dict[str, float] = {}
    for r in reports:
        if r.confidence is not None:
            best[r.story] = max(best.get(r.story, 0.0), r.confidence)
    doubt = 1.0
    for c in best.values():
        doubt *= 1.0 - c
    return {
        "dataset_event_id": "de-" + hashlib.sha1(first.event_id.encode()).hexdigest()[:16],
        "event": event,
        "mode": min(modes, key=lambda m: (-modes[m], m)) if modes else None,
        "actor_codes": list(actors), "recipient_codes": list(recipients),
        "place_country": next((r.place_country for r in reports if r.place_country), None),
        "first_day": min(days) if days else None, "last_day": max(days) if days else None,
        "first_reported": min(reported) if reported else None,
        "last_reported": max(reported) if reported else None,
        "n_mentions": len(reports), "n_articles": len({r.doc_id for r in reports}),
        "n_sources": len(sources), "sources": sources,
        "quad_class": next((r.quad_class for r in reports if r.quad_class is not None), None),
        "intensity": round(sum(scores) / len(scores), 3) if scores else None,
        "confidence": round(1.0 - doubt, 4) if best else None,
    }
