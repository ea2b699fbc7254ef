"""Request body size limits, enforced before an endpoint reads anything.

An ASGI middleware rather than a check in the endpoint: the declared Content-Length is refused
at once, and a body sent without one (chunked) is counted while it arrives, so a client cannot
make the server buffer more than the limit. A body within the limit is handed on unchanged.
"""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import RequestTooLarge
from .problems import error_response

DEFAULT_LIMIT = 64 * 1024  # any other POST: the API takes no large body elsewhere


class BodyLimit:
    def __init__(self, app: ASGIApp, limits: dict[str, int]):
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], DEFAULT_LIMIT)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > limit:
                await self._refuse(scope, receive, send, limit)
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # after the body: wait for the disconnect, as ASGI does
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = error_response(RequestTooLarge(
            f"The request body is larger than {scope['path']} accepts ({limit:,} bytes).",
            "Send a smaller body: split a corpus into several requests, or ingest large corpora "
            "with the hadath ingest command (stop the read-only server first)."))
        await response(scope, receive, send)
