"""Hostile and malformed input at the indexing level: a clear message each, never a crash.

Files (binary, undecodable, 50 MB, JSONL lines with missing or wrong fields) and URLs
served by a local HTTP server on 127.0.0.1 (timeouts, a slow trickle, endless
redirects, non-HTML, compressed bombs, an endless body, feeds built to blow up).
Each is checked through `Loader` (with the time and memory it took) and, all together,
through `Indexer.run` and the real `kutip index` process next to good inputs that still
get indexed. (test_hostile_input.py checks the bot's replies to such input.)
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from index._article import Article
from index.loaders import MAX_FEED_ENTRIES, Loader
from kutip.app import Services
from kutip.errors import LoadError
from tests.auxil.processes import venv_tool
from tests.auxil.seed import FIXTURES
from tests.reliability.support import kutip_env

MB = 1_000_000
LIMIT = 1 * MB  # the loader's max_bytes in these tests
TIMEOUT = 1.0  # the loader's http_timeout in these tests
ARTICLE_HTML = (FIXTURES / "articles" / "election.html").read_bytes()
BOMB = gzip.compress(b"\0" * (60 * MB), 9)  # ~60 KB on the wire, 60 MB inflated
DEFLATE_BOMB = zlib.compress(b"\0" * (60 * MB), 9)
FEED_BOMB = gzip.compress(b'<?xml version="1.0"?><rss version="2.0"><channel><title>'
                          + b"a" * (60 * MB) + b"</title></channel></rss>", 9)
LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))


def _feed(items: str, doctype: str = "") -> bytes:
    return (f'<?xml version="1.0"?>\n{doctype}<rss version="2.0"><channel><title>t</title>'
            f"{items}</channel></rss>").encode()


class _Hostile(http.server.BaseHTTPRequestHandler):
    """Every way a URL can go wrong, and one good article."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8",
              **headers: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, piece: bytes, pause: float) -> None:
        """A chunked body that never ends (until the client hangs up)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            while True:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        path = self.path
        if path == "/article":
            self._send(ARTICLE_HTML)
        elif path == "/slow-headers":
            time.sleep(TIMEOUT * 4)
            self._send(ARTICLE_HTML)
        elif path == "/trickle":
            self._stream(b"<p>a</p>", pause=0.2)
        elif path == "/endless":
            self._stream(b"<p>" + b"a" * 60_000 + b"</p>", pause=0)
        elif path == "/loop" or path.startswith("/hop/"):
            self.send_response(302)
            nxt = "/loop" if path == "/loop" else f"/hop/{int(path[5:]) + 1}"
            self.send_header("Location", nxt)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/pdf":
            self._send(b"%PDF-1.7\n" + os.urandom(2000), "application/pdf")
        elif path == "/json":
            self._send(b'{"text": "not a page"}', "application/json")
        elif path == "/empty":
            self._send(b"")
        elif path == "/gzip-bomb":
            self._send(BOMB, Content_Encoding="gzip")
        elif path == "/deflate-bomb":
            self._send(DEFLATE_BOMB, Content_Encoding="deflate")
        elif path == "/corrupt-gzip":
            self._send(b"\x1f\x8b\x08\x00garbage-not-gzip" * 10, Content_Encoding="gzip")
        elif path == "/brotli":
            self._send(b"\x0b\x02\x80hello\x03", Content_Encoding="br")
        elif path == "/huge-declared":
            self._send(b"<p>small</p>", length=str(50 * MB))
        elif path == "/feed-gzip-bomb":
            self._send(FEED_BOMB, "application/rss+xml", Content_Encoding="gzip")
        elif path == "/feed-laughs":
            doctype = f'<!DOCTYPE r [\n<!ENTITY lol0 "lol">\n{LAUGHS}]>\n'
            self._send(_feed(f"<item><title>&lol9;</title><description>&lol9;</description>"
                             f"<link>http://127.0.0.1:{port}/article</link></item>", doctype),
                       "application/rss+xml")
        elif path == "/feed-many":
            items = "".join(f"<item><title>n{i}</title><link>http://127.0.0.1:{port}/gone/{i}"
                            "</link></item>" for i in range(5 * MAX_FEED_ENTRIES))
            self._send(_feed(items), "application/rss+xml")
        else:
            self.send_error(404)


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on purpose (timeouts, size limits) are expected here


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    import feedparser  # noqa: F401 - imported now, so memory peaks measure the loads only
    import trafilatura  # noqa: F401

    server = _QuietServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _loader() -> Loader:
    return Loader(max_bytes=LIMIT, http_timeout=TIMEOUT, allow_private_urls=True)  # 127.0.0.1


def _measured(target: str) -> tuple[list[Article | LoadError], float, float]:
    """Load `target`; returns the items, seconds and peak Python memory (MB) it took."""
    loader = _loader()
    tracemalloc.start()
    started = time.monotonic()
    try:
        items = list(loader.load(target))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        loader.close()
    return items, time.monotonic() - started, peak / MB


URL_CASES = [
    pytest.param("/slow-headers", f"timed out after {TIMEOUT:g}s", id="no-answer"),
    pytest.param("/trickle", "kept coming too slowly", id="slow-trickle"),
    pytest.param("/loop", "too many redirects", id="redirect-to-itself"),
    pytest.param("/hop/0", "too many redirects", id="redirect-forever"),
    pytest.param("/pdf", "not an HTML page (content-type application/pdf)", id="pdf"),
    pytest.param("/json", "not an HTML page (content-type application/json)", id="json"),
    pytest.param("/empty", "no article text found", id="empty-page"),
    pytest.param("/endless", "too large", id="endless-body"),
    pytest.param("/huge-declared", "too large (50,000,000 bytes)", id="huge-content-length"),
    pytest.param("/gzip-bomb", "too large (> 1,000,000 bytes once inflated)", id="gzip-bomb"),
    pytest.param("/deflate-bomb", "once inflated", id="deflate-bomb"),
    pytest.param("/feed-gzip-bomb", "once inflated", id="gzip-bomb-feed"),
    pytest.param("/corrupt-gzip", "corrupt compressed response", id="corrupt-gzip"),
    pytest.param("/brotli", "unsupported content-encoding 'br'", id="unasked-encoding"),
    pytest.param("/missing", "HTTP 404", id="not-found"),
]


@pytest.mark.parametrize(("path", "reason"), URL_CASES)
def test_hostile_url_gives_one_clear_error_quickly_in_bounded_memory(
    base: str, path: str, reason: str
) -> None:
    items, seconds, peak_mb = _measured(f"{base}{path}")
    assert len(items) == 1 and isinstance(items[0], LoadError), items
    assert reason in items[0].reason
    assert items[0].source == f"{base}{path}"
    assert seconds < TIMEOUT + 3, f"took {seconds:.1f}s"
    assert peak_mb < 3 * LIMIT / MB, f"{peak_mb:.1f} MB in memory for a {LIMIT / MB:g} MB limit"


def test_entity_expansion_feed_is_not_expanded(base: str) -> None:
    items, seconds, peak_mb = _measured(f"{base}/feed-laughs")
    assert seconds < 10 and peak_mb < 20
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == [f"{base}/article"]  # its one entry, loaded safely


def test_feed_with_thousands_of_entries_is_capped(base: str) -> None:
    items, _, _ = _measured(f"{base}/feed-many")
    assert len(items) == MAX_FEED_ENTRIES
    assert all(isinstance(i, LoadError) and i.reason == "HTTP 404" for i in items)


# ---- files -----------------------------------------------------------------------

GOOD = json.dumps({"id": "good", "title": "Baik", "text": "Isi berita yang cukup panjang di sini."})
JSONL_LINES = [
    (GOOD, None),
    (json.dumps({"id": "no-text", "title": "t"}), "missing or empty 'text' field"),
    (json.dumps({"id": "null-text", "text": None}), "missing or empty 'text' field"),
    (json.dumps({"id": "number-text", "text": 42}), "missing or empty 'text' field"),
    (json.dumps({"id": "short", "text": "pendek"}), "no article text found"),
    (json.dumps(["a", "list"]), "expected a JSON object"),
    (json.dumps("just a string"), "expected a JSON object"),
    ('{"id": "cut", "text": "Isi berita yang terpoto', "invalid JSON"),
    (json.dumps({"text": "Tanpa id, judul, atau tanggal: tetap dimuat."}), None),
]


def _hostile_files(root: Path) -> dict[str, str]:
    """Write one file per bad case under `root`; returns source → expected reason."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good.txt").write_text("Judul baik\n\nIsi berita yang cukup panjang untuk diindeks.")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500))
    (root / "page.html").write_bytes(b"<html>\x00\x00\x00<body>x</body></html>")
    (root / "latin1.md").write_bytes("# Judul\n\nCaf\xe9 di Jakarta ramai.".encode("latin-1"))
    (root / "utf16.txt").write_bytes("Judul\n\nIsi berita dalam UTF-16.".encode("utf-16"))
    (root / "utf16-nobom.txt").write_bytes("Judul\n\nTanpa BOM.".encode("utf-16-le"))
    with (root / "huge.txt").open("wb") as f:  # 50 MB, sparse: refused by its size alone
        f.truncate(50 * MB)
    (root / "mixed.jsonl").write_text("\n".join(line for line, _ in JSONL_LINES) + "\n")
    (root / "feed.xml").write_bytes(BOMB)
    expected = {
        "image.txt": "binary file, not text",
        "page.html": "binary file, not text",
        "latin1.md": "not UTF-8 text",
        "utf16-nobom.txt": "binary file, not text",  # no BOM: its NULs are all we see
        "huge.txt": "file too large (50,000,000 bytes > 1,000,000)",
    }
    for n, (_, reason) in enumerate(JSONL_LINES, start=1):
        if reason:
            expected[f"mixed.jsonl:{n}"] = reason
    return expected


def test_bad_files_each_give_a_clear_error_and_the_good_ones_load(tmp_path: Path) -> None:
    expected = _hostile_files(tmp_path / "in")
    tracemalloc.start()
    try:
        items = list(_loader().load(str(tmp_path / "in")))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    errors = {i.source: i.reason for i in items if isinstance(i, LoadError)}
    for source, reason in expected.items():
        assert reason in errors.get(source, ""), (source, errors.get(source))
    assert set(errors) == set(expected), "feed.xml is not a supported suffix, so never read"
    assert sorted(a.article_id for a in items if isinstance(a, Article)) == [
        "good", "good.txt", "mixed.jsonl:9", "utf16.txt"]
    assert peak < 10 * MB, "the 50 MB file was read"


def test_a_50_mb_upload_is_refused() -> None:
    data = b"Judul\n\n" + b"kata " * (10 * MB)
    [item] = list(_loader().load_bytes(data, "upload.txt"))
    assert isinstance(item, LoadError)
    assert item.reason == f"file too large ({len(data):,} bytes > {LIMIT:,})"


# ---- the indexer and the real CLI ----------------------------------------------------


def test_indexer_reports_every_bad_input_and_indexes_the_rest(
    services: Services, tmp_path: Path, base: str
) -> None:
    expected = _hostile_files(tmp_path / "in")
    services.indexer.loader = _loader()
    urls = [f"{base}{p}" for p in ("/gzip-bomb", "/trickle", "/loop", "/pdf", "/article")]
    report = services.indexer.run([str(tmp_path / "in"), *urls])
    failed = dict(report.failed)
    assert set(expected) | set(urls[:-1]) == set(failed)
    assert report.added == 5 and not report.ok
    assert {r.article_id for r in services.store.articles()} == {
        "good", "good.txt", "mixed.jsonl:9", "utf16.txt", f"{base}/article"}


def test_cli_index_prints_one_line_per_bad_input_and_no_traceback(
    tmp_path: Path, base: str
) -> None:
    expected = _hostile_files(tmp_path / "in")
    urls = [f"{base}{p}" for p in ("/gzip-bomb", "/slow-headers", "/hop/0", "/json")]
    env = kutip_env(tmp_path / "data", KUTIP_HTTP_TIMEOUT=str(TIMEOUT),
                    KUTIP_MAX_ARTICLE_BYTES=str(LIMIT), KUTIP_ALLOW_PRIVATE_URLS="true")
    done = subprocess.run([venv_tool("kutip"), "index", str(tmp_path / "in"), *urls], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(expected) + len(urls)
    for source, reason in [*expected.items(), (urls[0], "once inflated"),
                           (urls[1], "timed out"), (urls[2], "too many redirects"),
                           (urls[3], "not an HTML page")]:
        assert any(line.startswith(f"failed: {source}: ") and reason in line for line in failed)
    assert done.stdout.startswith("added 4, updated 0, unchanged 0, removed 0, failed ")
