"""``POST /api/ingest``: store articles, on a server started with a token, and only with it.

The body is JSON Lines (``application/x-ndjson``: one ``{"doc_id","title","text","published",
"url"}`` object a line, as ``hadath ingest`` reads them) or one JSON article object
(``application/json``). Records without a doc_id get one from their content, so sending the
same article twice stores it once. Everything goes through the server's single writer.
"""
from __future__ import annotations

import hashlib
import hmac
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ...errors import InvalidRequest, WriteForbidden
from ...ingest.dates import check_date
from ..models import ERRORS, IngestReport

router = APIRouter(tags=["ingest"], responses=ERRORS)
_bearer = HTTPBearer(auto_error=False, description="The token given to hadath serve --token.")
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines")

_BODY = {"requestBody": {"required": True, "content": {
    "application/x-ndjson": {"schema": {"type": "string"},
                             "example": '{"doc_id": "a1", "title": "…", "text": "…", "published": "2020-12-08"}\n'},
    "application/json": {"schema": {"type": "object", "properties": {
        "doc_id": {"type": "string"}, "title": {"type": "string"}, "text": {"type": "string"},
        "published": {"type": "string"}, "url": {"type": "string"}}}}}}}


def _authorized(request: Request,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    token = request.app.state.token
    if token is None:
        raise WriteForbidden("This server is read-only: it was started without a token.",
                             "Restart it with hadath serve --token SECRET and send the header "
                             "Authorization: Bearer SECRET; or stop it and run hadath ingest.")
    given = credentials.credentials if credentials else ""
    if not hmac.compare_digest(given.encode(), token.encode()):  # constant time: no timing oracle
        raise WriteForbidden("Writing needs the server's token; none or another was sent.",
                             "Send the header Authorization: Bearer TOKEN with the token given to "
                             "hadath serve --token.")


def _with_doc_id(line: bytes) -> bytes:
    """The line with a content-derived doc_id added when its record has none; a line that is not
    a JSON object is passed on unchanged, for hadath's reader to report with its line number."""
    try:
        record = json.loads(line)
    except ValueError:
        return line
    if not isinstance(record, dict) or record.get("doc_id") not in (None, ""):
        return line
    content = json.dumps([record.get("title"), record.get("text")], ensure_ascii=False)
    record["doc_id"] = "api:" + hashlib.sha256(content.encode()).hexdigest()[:16]
    return json.dumps(record, ensure_ascii=False).encode()


def _json_articles(body: bytes) -> list[bytes]:
    """One article object, or a list of them, as JSONL lines (a pretty-printed object spans
    several lines, which the JSONL reader would take for several records)."""
    try:
        value = json.loads(body)
    except ValueError as exc:
        raise InvalidRequest(f"The body is not valid JSON ({exc}).",
                             "Send one JSON article object, or JSON Lines as "
                             "application/x-ndjson.") from exc
    records = value if isinstance(value, list) else [value]
    return [json.dumps(r, ensure_ascii=False).encode() for r in records]


@router.post("/api/ingest", response_model=IngestReport, summary="Store articles (token only)",
             dependencies=[Depends(_authorized)], openapi_extra=_BODY)
async def ingest(request: Request,
                 published: Annotated[str | None, Query(description="Publication date (YYYY-MM-DD) for records without one.")] = None) -> dict:
    """Analyse and store the articles of the body (JSON Lines, or one JSON article object).
    Bad records become error records, reported here and stored in the errors table."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if kind in JSONL_TYPES:
        lines = [line for line in body.splitlines() if line.strip()]
    elif kind == "application/json":
        lines = _json_articles(body)
    else:
        raise InvalidRequest(f"POST /api/ingest does not read {kind or 'a body without a type'}.",
                             "Send JSON Lines as application/x-ndjson, or one article as "
                             "application/json.")
    if not lines:
        raise InvalidRequest("The request body holds no article.",
                             'Send at least one {"title", "text"} record.')
    if published is not None:
        published = check_date(published)
    db = request.app.state.db
    report = await run_in_threadpool(db.ingest, [_with_doc_id(line) for line in lines],
                                     published=published)
    counts = report.counts
    return {"run_id": report.run_id, "added": counts.added, "replaced": counts.replaced,
            "skipped": counts.skipped, "failed": counts.failed, "seconds": round(report.seconds, 3),
            "errors": report.errors}
