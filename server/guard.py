"""What stands between the network and the routes: request limits, a time limit, following a new
index, and the admin reload route.

- A request body over ``MAX_BODY_BYTES`` is refused with 413 (by its Content-Length, or while it
  streams in), before any route reads it.
- A request that has not started its response within ``request_timeout`` seconds gets a 503.
- Before a request, at most once a second, the server looks at ``index/current``; when an ingest
  has published a new generation, it is opened in full and swapped in (``Minutebook.refresh``).
- ``POST /admin/reload`` swaps now; it needs ``Authorization: Bearer $MINUTEBOOK_ADMIN_TOKEN`` and
  does not exist (404) unless that token is set.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from minutebook.settings import Settings

MAX_BODY_BYTES = 1 << 20

log = logging.getLogger(__name__)


class Guard:
    """Pure ASGI middleware (no buffering, works for streamed responses)."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES, timeout: float = 30.0) -> None:
        self.app = app
        self.max_body = max_body
        self.timeout = timeout

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                await _send_error(send, 400, "the Content-Length header is not a number")
                return
            if int(length) > self.max_body:
                await _send_error(send, 413, f"the request body is over the limit of {self.max_body} bytes")
                return
        library = getattr(scope["app"].state, "library", None) if "app" in scope else None
        if library is not None and getattr(library, "refresh_due", lambda: False)():
            await run_in_threadpool(library.refresh)

        received = 0
        started = asyncio.Event()
        answered = False  # the 503 went out: whatever the route sends later is dropped

        async def limited_receive():
            nonlocal received, answered
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:  # answer 413 now; the route sees the client leave
                    if not started.is_set() and not answered:
                        answered = True
                        await _send_error(send, 413, f"the request body is over the limit of {self.max_body} bytes")
                    return {"type": "http.disconnect"}
            return message

        async def watched_send(message) -> None:
            if answered:
                return
            if message["type"] == "http.response.start":
                started.set()
            await send(message)

        task = asyncio.ensure_future(self.app(scope, limited_receive, watched_send))
        waiter = asyncio.ensure_future(started.wait())
        try:
            await asyncio.wait({task, waiter}, timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED)
            if not started.is_set() and not task.done():  # no response within the time limit
                answered = True
                task.cancel()
                log.warning("%s %s took over %s s; answered 503", scope.get("method"), scope.get("path"), self.timeout)
                await _send_error(send, 503, f"the request took longer than {self.timeout:g} s; try a narrower one")
                return
            await task
        except Exception:
            if not answered:  # the route's own failure: the error handlers outside deal with it
                raise
            log.debug("route stopped after the guard answered", exc_info=True)
        finally:
            waiter.cancel()
            if not task.done():
                task.cancel()


async def _send_error(send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def add_guard(app: FastAPI, settings: Settings) -> None:
    """The middleware and ``POST /admin/reload``."""
    app.add_middleware(Guard, max_body=MAX_BODY_BYTES, timeout=settings.request_timeout)

    @app.post("/admin/reload", include_in_schema=False)
    def admin_reload(request: Request) -> JSONResponse:
        token = settings.admin_token
        if not token:  # off: indistinguishable from a route that does not exist
            raise StarletteHTTPException(404, "Not Found")
        scheme, _, given = (request.headers.get("authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            return JSONResponse({"error": "send Authorization: Bearer <MINUTEBOOK_ADMIN_TOKEN>"}, 401,
                                headers={"WWW-Authenticate": "Bearer"})
        library = request.app.state.library
        try:
            changed = library.refresh(force=True)
        except Exception as exc:
            return JSONResponse({"error": f"the new index cannot be opened: {exc}"}, 409)
        return JSONResponse({"reloaded": changed, "generation": library.index.name, **library.health()})
