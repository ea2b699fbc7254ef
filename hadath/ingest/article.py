"""The records ingestion hands on: one article as read, or the reason an input could not be read."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import HadathError


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as it came in, before any analysis.

    ``text`` is the article body with boilerplate lines already removed; it becomes the raw text
    of the Doc, which never changes afterwards, so every later span points into this string.
    """

    doc_id: str
    title: str
    text: str
    published: str | None  # ISO date YYYY-MM-DD
    url: str | None
    source: str  # where it came from: "path" or "path:line"
    boilerplate: tuple[str, ...] = ()  # lines removed as boilerplate, kept so a reviewer can audit

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "title": self.title, "text": self.text,
                "published": self.published, "url": self.url, "source": self.source,
                "boilerplate": list(self.boilerplate)}


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that yielded no article. Readers return it instead of raising, so a batch goes on
    and the failure still reaches the output as an error record."""

    doc_id: str
    source: str
    error: HadathError

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "source": self.source, "error": self.error.to_dict()}
