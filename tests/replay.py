"""A replay server on 127.0.0.1 for the publishing systems minutebook syncs from: it answers each
request from a table (path and query -> status, body, content type) built by the test from the
real recorded responses in ../shared/sources, and logs every request it gets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

Answer = tuple  # status, body, content type[, extra headers]


class Replay:
    def __init__(self) -> None:
        self.routes: dict[str, Callable[[dict], Answer]] = {}
        self.log: list[str] = []
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                parts = urlsplit(self.path)
                replay.log.append(self.path)
                route = replay.routes.get(parts.path)
                status, body, kind, *extra = route(dict(parse_qsl(parts.query))) if route else (404, b"not found", "text/plain")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                for name, value in (extra[0] if extra else {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Replay":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def requests_to(self, path: str) -> int:
        return sum(1 for line in self.log if urlsplit(line).path == path)
