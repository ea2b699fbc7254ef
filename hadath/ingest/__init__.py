"""Ingestion: inputs (JSONL corpora, HTML pages, plain text, stdin, directories) to RawArticles.

``iter_inputs`` is the entry point; every input yields articles or an :class:`InputFailure`.
"""
from .article import InputFailure, RawArticle
from .boilerplate import strip_boilerplate
from .encoding import decode
from .html import from_html
from .readers import iter_inputs

__all__ = ["RawArticle", "InputFailure", "iter_inputs", "from_html", "decode", "strip_boilerplate"]
