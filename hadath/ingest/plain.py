"""An article from plain text: the first non-empty line is the title, the rest is the body."""
from __future__ import annotations

from ..errors import EmptyArticle
from .article import RawArticle
from .boilerplate import strip_boilerplate


def from_plain(text: str, *, doc_id: str, source: str) -> RawArticle:
    """Split ``text`` (newlines already normalized) into title and body; boilerplate is stripped
    from the body only — a title is the article's own words."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise EmptyArticle(
            f"{source} is empty: it has no line of text.",
            "Check the file; a plain-text article is its title on the first line, then its text.",
            source=source,
        )
    start = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), len(lines))
    body, removed = strip_boilerplate("\n".join(lines[start:]))
    return RawArticle(doc_id=doc_id, title=lines[first].strip(), text=body, published=None,
                      url=None, source=source, boilerplate=removed)
