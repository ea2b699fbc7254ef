"""One JSON shape for every error the API returns: ``{"error": {"code", "type", "message", "fix"}}``.

hadath's own errors already carry a message and a fix; FastAPI's validation errors, Starlette's
404/405 and unexpected exceptions are turned into hadath errors first, so a client parses one
shape whatever went wrong (datasette's rule), and the fix reaches the analyst.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (BadDate, BadInputRecord, BadOption, EmptyArticle, HadathError,
                      HtmlExtractionFailed, InternalError, InvalidRequest, QueryRefused,
                      RequestTooLarge, ResourceNotFound, StoreLocked, StoreNotFound,
                      UnsupportedEncoding, WriteForbidden)

# The first class of an error's MRO found here gives its status; anything else is a 500.
STATUS: dict[type[HadathError], int] = {
    ResourceNotFound: 404, WriteForbidden: 403, RequestTooLarge: 413,
    InvalidRequest: 422, BadDate: 422, BadOption: 422, BadInputRecord: 422, EmptyArticle: 422,
    HtmlExtractionFailed: 422, UnsupportedEncoding: 422, QueryRefused: 422,
    StoreLocked: 503, StoreNotFound: 503,
}
_DOCS = "See /docs for the API's paths and parameters."


def status_of(exc: HadathError) -> int:
    return next((STATUS[c] for c in type(exc).__mro__ if c in STATUS), 500)


def error_response(exc: HadathError, status: int | None = None, *,
                   details: list[dict] | None = None) -> JSONResponse:
    body = exc.to_dict()
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status or status_of(exc))


async def _hadath_error(request: Request, exc: HadathError) -> JSONResponse:
    return error_response(exc)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    details = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
               for e in exc.errors()]
    summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details)
    return error_response(InvalidRequest(f"The request does not fit {request.url.path}: {summary}.",
                                         f"Correct the parameters named above. {_DOCS}"),
                          details=details)


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    path = request.url.path
    if exc.status_code == 404:
        error: HadathError = ResourceNotFound(f"There is nothing at {path}.", _DOCS)
    elif exc.status_code == 405:
        error = InvalidRequest(f"{request.method} is not allowed on {path}.", _DOCS)
    else:
        error = InvalidRequest(f"{path}: {exc.detail}", _DOCS)
    response = error_response(error, exc.status_code)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Starlette re-raises the exception after this answer, so the server logs its traceback;
    # the client gets the shape, without internals.
    return error_response(InternalError(
        f"{request.method} {request.url.path} failed unexpectedly ({type(exc).__name__}).",
        "This is a bug in hadath: report it with the request; the server's log has the details."), 500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(HadathError, _hadath_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
