"""``hadath serve``: an HTTP API over a store and a web interface for analysts, in one process.

    >>> from hadath.serve import create_app
    >>> app = create_app("hadath.duckdb")            # read-only
    >>> app = create_app("hadath.duckdb", token="s")  # POST /api/ingest with Bearer s
    >>> uvicorn.run(app)                               # what ``hadath serve`` does

The API and its documentation are described in docs/serve.md; the interface (static files in
``static/``, plain JavaScript and SVG, nothing fetched from the network) is served at ``/``.
"""
from .app import create_app

__all__ = ["create_app"]
