"""The shapes the HTTP API answers with, declared so that /docs and /openapi.json describe them.

An article's full analysis (``/api/articles/{id}``, ``POST /api/analyze``) is the record that
``Doc.to_dict()`` defines (the GOLD.md shape plus spans, confidence and provenance); it is
passed through as a JSON object rather than redeclared here, so that it has one definition.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="hadath error code, e.g. E070.")
    type: str = Field(description="Error class, e.g. ResourceNotFound.")
    message: str
    fix: str = Field(description="What to do about it.")
    source: str | None = None
    details: list[dict[str, Any]] | None = Field(None, description="Per-field problems of a request.")


class ErrorBody(BaseModel):
    """Every error the API returns, whatever its status."""

    error: ErrorDetail


ERRORS = {status: {"model": ErrorBody} for status in (403, 404, 413, 422, 500, 503)}


class Participant(BaseModel):
    entity_text: str | None
    code: str | None
    sector: str | None


class Place(BaseModel):
    text: str | None
    country: str | None
    lat: float | None
    lon: float | None


class EventItem(BaseModel):
    event_id: str
    doc_id: str
    day: dt.date | None = Field(description="The day the event is filed under.")
    date: str | None = Field(description="The date as the text gives it (YYYY-MM-DD, YYYY-MM, YYYY).")
    event: str
    mode: str | None
    actor: list[Participant]
    recipient: list[Participant]
    place: Place | None
    event_text: str | None = Field(description="The evidence, verbatim.")
    trigger: str | None
    quad_class: int | None
    intensity: float | None
    confidence: float | None
    title: str | None = Field(description="The title of the article that reports it.")
    source: str | None
    published: dt.date | None
    url: str | None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventItem]


class ArticleItem(BaseModel):
    doc_id: str
    title: str | None
    published: dt.date | None
    url: str | None
    source: str | None
    events: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleItem]


class ActorItem(BaseModel):
    name: str = Field(description="English name where known, else the Arabic text.")
    entity_text: str = Field(description="The most frequent Arabic form.")
    code: str | None
    sector: str | None
    articles: int
    as_actor: int = Field(description="Events in which it acts.")
    as_recipient: int = Field(description="Events of which it is the recipient.")


class ActorPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ActorItem]


class Count(BaseModel):
    key: str | None
    label: str | None = None
    count: int


class Stats(BaseModel):
    articles: int
    events: int
    actors: int
    errors: int
    first_published: dt.date | None
    last_published: dt.date | None
    writable: bool = Field(description="Whether POST /api/ingest is enabled (server started with a token).")
    types: list[str] = Field(description="The PLOVER event types, cooperative to conflictual.")
    sectors: list[str]
    per_type: list[Count]
    sources: list[Count]
    countries: list[Count] = Field(description="Country codes of participants and places, by events.")


class TimelinePeriod(BaseModel):
    period: dt.date
    counts: dict[str, int]


class Timeline(BaseModel):
    bucket: str = Field(description="day, week or month.")
    start: dt.date | None
    end: dt.date | None
    outside: int = Field(description="Matching events dated outside [start, end] (or undated).")
    periods: list[TimelinePeriod]


class Node(BaseModel):
    id: str
    code: str
    sector: str | None
    label: str
    events: int


class Edge(BaseModel):
    source: str
    target: str
    events: int


class Network(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class PlaceCount(BaseModel):
    text: str | None
    country: str | None
    lat: float
    lon: float
    events: int


class PlaceMap(BaseModel):
    places: list[PlaceCount]
    countries: list[Count] = Field(description="Events located in each country.")


class AnalyzeRequest(BaseModel):
    text: str | None = Field(None, description="The article body (plain text).")
    title: str | None = None
    html: str | None = Field(None, description="A whole HTML page, instead of text.")
    published: str | None = Field(None, description="Publication date YYYY-MM-DD; relative dates resolve against it.")
    url: str | None = None


class IngestReport(BaseModel):
    run_id: int
    added: int
    replaced: int
    skipped: int
    failed: int
    seconds: float
    errors: list[dict[str, Any]]
