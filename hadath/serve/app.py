"""The FastAPI application: the API under /api, its documentation at /docs, the interface at /."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from . import problems
from .api import ROUTERS
from .cache import Answers
from .database import Database
from .limits import BodyLimit

STATIC = Path(__file__).parent / "static"
ARTICLE_LIMIT = 1024 * 1024  # bytes of POST /api/analyze: ten times a long news page
INGEST_LIMIT = 64 * 1024 * 1024  # bytes of POST /api/ingest: thousands of articles a request

DESCRIPTION = """Arabic news as PLOVER event data, each item tied to its evidence in the text.

Read-only unless the server was started with `--token`; then `POST /api/ingest` takes
`Authorization: Bearer TOKEN`. Every error has the shape
`{"error": {"code", "type", "message", "fix"}}`."""


def create_app(db: str | Path, *, token: str | None = None, article_limit: int = ARTICLE_LIMIT,
               ingest_limit: int = INGEST_LIMIT) -> FastAPI:
    """The application over the store at ``db``: opened read-only, or, with a ``token``, as the
    store's single writer (see database.py). The store opens here, so that a missing or locked
    store fails before the server listens."""
    database = Database(db, writable=token is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        database.close()

    app = FastAPI(title="hadath", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.db = database
    app.state.token = token
    app.state.answers = Answers(database)
    problems.install(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimit, limits={"/api/analyze": article_limit,
                                          "/api/ingest": ingest_limit})
    for router in ROUTERS:
        app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app

