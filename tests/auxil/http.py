"""A local web server for tests: the only "internet" they have, on 127.0.0.1."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable, Iterator

__all__ = ["local_site", "send_body"]


@contextlib.contextmanager
def local_site(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free port of 127.0.0.1 in a thread; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def send_body(handler: http.server.BaseHTTPRequestHandler, body: bytes, content_type: str,
              *, status: int = 200) -> None:
    """One complete response: status, type, length, body."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
