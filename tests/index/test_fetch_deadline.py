"""The fetch deadline covers the whole request, headers included (issue 13, item 10).

A server on 127.0.0.1 sends its status line and headers one byte every 1.5 s: each read
is quick enough for httpx's per-read timeout, so before the fix the request only ended
when the server did (a minute here), holding the indexing lock all that time.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from index.loaders import Loader
from kutip.errors import LoadError

TIMEOUT = 2.0
BYTE_EVERY = 1.5
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"


def _drip(conn: socket.socket, stop: threading.Event) -> None:
    with conn:
        try:
            conn.recv(65536)
            for byte in RESPONSE:
                conn.sendall(bytes([byte]))
                if stop.wait(BYTE_EVERY):
                    return
        except OSError:
            return  # the client hung up: what the deadline should make it do


@pytest.fixture
def dripping_server() -> Iterator[str]:
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=_drip, args=(conn, stop), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow-headers"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_headers_sent_one_byte_at_a_time_are_cut_off_at_the_deadline(
    dripping_server: str,
) -> None:
    loader = Loader(http_timeout=TIMEOUT, allow_private_urls=True)  # a test server
    started = time.monotonic()
    try:
        items = list(loader.load(dripping_server))
    finally:
        loader.close()
    seconds = time.monotonic() - started
    assert [(type(i), i.reason) for i in items] == [(LoadError, f"timed out after {TIMEOUT:g}s")]
    assert seconds < TIMEOUT + BYTE_EVERY + 1, f"took {seconds:.1f}s for a {TIMEOUT:g}s deadline"
