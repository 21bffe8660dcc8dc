"""One bad input never stops a batch (issue 13, item 9).

Failures that are not `httpx.HTTPError`s or `LoadError`s used to escape the loader's
generator and end the whole batch: `httpx.InvalidURL` and an IDNA error from a feed link,
`RecursionError` from JSON nested 200,000 deep, a `MemoryError` in a parser. Each is now
that input's error, reported once, and the inputs after it still load and index.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

import index.loaders
from index._article import Article
from index.loaders import Loader
from kutip.app import Services
from kutip.errors import LoadError

DEEP = "[" * 200_000
GOOD_TEXT = "Judul baik\n\nIsi berita yang cukup panjang untuk diindeks di sini."
GOOD_LINE = '{"id": "baris-%d", "text": "Isi berita yang cukup panjang di baris ini."}'
NESTED = "invalid JSON (nested too deeply)"


def _folder(root: Path) -> Path:
    root.mkdir()
    (root / "a-deep.json").write_text(DEEP)
    (root / "b-lines.jsonl").write_text("\n".join([GOOD_LINE % 1, DEEP, GOOD_LINE % 3]) + "\n")
    (root / "c-page.html").write_text("<html><body><p>Halaman.</p></body></html>")
    (root / "d-last.txt").write_text(GOOD_TEXT)
    return root


@pytest.fixture
def parser_out_of_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML extractor runs out of memory (lxml and trafilatura can, on a huge page)."""
    def exhausted(*args: object, **kwargs: object) -> Article:
        raise MemoryError
    monkeypatch.setattr(index.loaders, "article_from_html", exhausted)


def _outcome(items: list[Article | LoadError]) -> tuple[dict[str, str], list[str]]:
    errors = {i.source: i.reason for i in items if isinstance(i, LoadError)}
    return errors, [i.article_id for i in items if isinstance(i, Article)]


def test_each_bad_file_or_line_is_one_error_and_the_rest_of_the_folder_loads(
    tmp_path: Path, parser_out_of_memory: None
) -> None:
    errors, loaded = _outcome(list(Loader().load(str(_folder(tmp_path / "in")))))
    assert errors == {"a-deep.json": NESTED, "b-lines.jsonl:2": NESTED,
                      "c-page.html": "cannot load (MemoryError)"}
    assert loaded == ["baris-1", "baris-3", "d-last.txt"]


def test_an_upload_nested_too_deeply_is_one_error() -> None:
    assert [(i.source, i.reason) for i in Loader().load_bytes(DEEP.encode(), "deep.json")] == [
        ("deep.json", NESTED)]


def test_feed_links_httpx_cannot_parse_are_errors_and_the_other_entries_load() -> None:
    links = ["http://[::1/x", "http://xn--zz/", "https://news.example/article"]
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            + "".join(f"<item><title>n{n}</title><link>{link}</link></item>"
                      for n, link in enumerate(links))
            + "</channel></rss>").encode()
    page = (b"<html><head><title>Berita</title></head><body><article><p>Isi berita yang "
            b"cukup panjang untuk dimuat sebagai artikel di sini.</p></article></body></html>")

    def serve(request: httpx.Request) -> httpx.Response:
        body, ctype = (feed, "application/rss+xml") if request.url.path == "/rss" else (
            page, "text/html")
        return httpx.Response(200, stream=httpx.ByteStream(body), headers={"Content-Type": ctype})

    loader = Loader(http_client=httpx.Client(transport=httpx.MockTransport(serve)))
    errors, loaded = _outcome(list(loader.load("https://news.example/rss")))
    assert errors["http://[::1/x"] == "invalid URL (Invalid port: ':1')"
    assert errors["http://xn--zz/"].startswith("cannot load (IDNAError: ")
    assert loaded == ["https://news.example/article"]


def test_the_indexer_reports_each_once_and_indexes_the_rest(
    services: Services, tmp_path: Path, parser_out_of_memory: None
) -> None:
    report = services.indexer.run([str(_folder(tmp_path / "in"))])
    assert sorted(report.failed) == [("a-deep.json", NESTED), ("b-lines.jsonl:2", NESTED),
                                     ("c-page.html", "cannot load (MemoryError)")]
    assert report.added == 3
    assert {r.article_id for r in services.store.articles()} == {
        "baris-1", "baris-3", "d-last.txt"}
