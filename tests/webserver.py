"""A local HTTP server for URL tests: nothing in the test suite reaches the internet."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


Route = Reply | Callable[[], Reply]


@dataclass
class Server:
    base: str
    hits: list[str]

    def url(self, path: str) -> str:
        return self.base + path


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of zeros, gzipped to a few kilobytes."""
    return gzip.compress(b"\0" * size, compresslevel=9)


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            route = routes.get(self.path)
            reply = route() if callable(route) else route
            if reply is None:
                reply = Reply(404, b"<html><body>Not here</body></html>")
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", hits)
    finally:
        server.shutdown()
        server.server_close()
