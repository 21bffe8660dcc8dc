"""Loaders: every supported format, and a clear LoadError for every bad input."""

from __future__ import annotations

import codecs
import http.server
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from index._article import Article
from index.loaders import Loader
from index.speech import extract_statements
from kutip.errors import LoadError
from tests.auxil.http import local_site, send_body
from tests.conftest import FIXTURES


def _load(path: Path, **kwargs: object) -> list[Article | LoadError]:
    return list(Loader(**kwargs).load(str(path)))


def test_txt_first_line_is_title_and_id_is_relative_path() -> None:
    items = _load(FIXTURES / "articles")
    by_id = {i.article_id: i for i in items if isinstance(i, Article)}
    beras = by_id["harga-beras.txt"]
    assert beras.title == "Harga beras di Jakarta naik menjelang Lebaran"
    assert beras.text.startswith("Harga beras medium")
    assert beras.source == "harga-beras.txt"


def test_markdown_title_loses_hashes() -> None:
    [article] = _load(FIXTURES / "articles" / "gempa-sulawesi.md")
    assert article.title == "Gempa magnitudo 6,1 guncang Sulawesi Tengah"
    assert article.article_id == "gempa-sulawesi.md"


def test_html_extracts_title_date_and_body_without_boilerplate() -> None:
    [article] = _load(FIXTURES / "articles" / "election.html")
    assert article.title == "City council approves new bike lanes"
    assert "Mayor Lena Hart said" in article.text
    assert "Copyright Example News" not in article.text
    assert article.date == "2025-03-14"


def test_jsonl_records_keep_their_ids_urls_and_dates() -> None:
    items = _load(FIXTURES / "articles" / "wires.jsonl")
    assert [a.article_id for a in items] == ["wire-001", "wire-002"]
    assert items[0].url == "https://news.example.org/bank-sentral-tahan-suku-bunga"
    assert items[0].source == items[0].url
    assert items[0].date == "2025-06-19"


def test_nested_folder_ids_are_posix_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Judul\n\nIsi berita yang cukup panjang di sini.")
    (tmp_path / ".hidden.txt").write_text("Judul\n\nTersembunyi dan tidak dimuat sama sekali.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00")
    items = _load(tmp_path)
    assert [a.article_id for a in items] == ["a/b/x.txt"]


def test_same_content_same_hash_and_any_change_changes_it() -> None:
    a = Article(article_id="x", title="T", text="body", source="x")
    assert a.content_hash == Article(article_id="x", title="T", text="body", source="x").content_hash
    assert a.content_hash != Article(article_id="x", title="T", text="body!", source="x").content_hash
    assert a.content_hash != Article(article_id="x", title="T2", text="body", source="x").content_hash


BAD_FILES = [
    pytest.param("empty.txt", b"", "empty", id="empty"),
    pytest.param("blank.txt", b"  \n\n ", "empty", id="whitespace"),
    pytest.param("bin.txt", b"\x00\x01\x02binary", "binary", id="binary"),
    pytest.param("latin.txt", "Judul\n\ncaf\xe9 ".encode("latin-1") * 20, "UTF-8", id="undecodable"),
    pytest.param("short.txt", b"Judul\n\nok", "no article text", id="too-short"),
    pytest.param("bad.json", b"{not json", "invalid JSON", id="bad-json"),
    pytest.param("notext.json", json.dumps({"id": "1", "title": "t"}).encode(), "'text'",
                 id="json-missing-text"),
    pytest.param("page.html", b"<html><body><nav>Menu</nav></body></html>", "no article text",
                 id="html-not-an-article"),
    pytest.param("data.csv", b"a,b\n1,2\n", "unsupported", id="unsupported-type"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_bad_file_gives_clear_load_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [item] = _load(path)
    assert isinstance(item, LoadError)
    assert reason.lower() in item.reason.lower()
    assert item.source == name


UTF16_TEXT = "Menteri Keuangan\n\nSri Mulyani mengatakan “anggaran cukup” untuk tahun depan."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["article.txt", "article.md", "article.json"])
def test_utf16_with_a_bom_reads_as_its_utf8_twin(tmp_path: Path, encoding: str,
                                                 name: str) -> None:
    text = json.dumps({"title": "Menteri Keuangan", "text": UTF16_TEXT}, ensure_ascii=False) \
        if name.endswith(".json") else UTF16_TEXT
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    (tmp_path / "16").mkdir()
    (tmp_path / "8").mkdir()
    (tmp_path / "16" / name).write_bytes(bom + text.encode(encoding))
    (tmp_path / "8" / name).write_text(text, encoding="utf-8")
    [wide] = _load(tmp_path / "16" / name)
    [narrow] = _load(tmp_path / "8" / name)
    assert isinstance(wide, Article), wide
    assert (wide.title, wide.text) == (narrow.title, narrow.text)


def test_utf16_without_a_bom_or_odd_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "nobom.txt").write_bytes(UTF16_TEXT.encode("utf-16-le"))
    (tmp_path / "odd.txt").write_bytes(codecs.BOM_UTF16_LE + UTF16_TEXT.encode("utf-16-le")[:-1])
    (tmp_path / "bom-only.txt").write_bytes(codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"))
    (tmp_path / "wide.jsonl").write_bytes(
        json.dumps({"id": "a", "text": UTF16_TEXT}).encode("utf-16"))
    reasons = {i.source: i.reason for i in _load(tmp_path) if isinstance(i, LoadError)}
    assert reasons["nobom.txt"] == "binary file, not text"
    assert reasons["odd.txt"].startswith("not UTF-16 text (truncated data")
    assert reasons["bom-only.txt"] == "empty file"
    assert reasons["wide.jsonl"] == "UTF-16 text: save the .jsonl as UTF-8"


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Judul\n\n" + "kata " * 2000)
    [item] = _load(path, max_bytes=1000)
    assert isinstance(item, LoadError) and "too large" in item.reason


def test_jsonl_limit_applies_per_line_not_to_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    body = "Isi berita yang cukup panjang untuk menjadi artikel nomor {n}."
    records = [json.dumps({"id": f"a{n}", "text": body.format(n=n)}) for n in range(40)]
    records[7] = json.dumps({"id": "huge", "text": "kata " * 400})  # ~2 KB: over the limit
    path.write_text("\n".join(records) + "\n")
    assert path.stat().st_size > 1000
    items = _load(path, max_bytes=1000)
    errors = [i for i in items if isinstance(i, LoadError)]
    assert [(e.source, e.reason) for e in errors] == [
        ("corpus.jsonl:8", "line too large (> 1,000 bytes)")
    ]
    assert [a.article_id for a in items if isinstance(a, Article)] == [
        f"a{n}" for n in range(40) if n != 7
    ]


def test_binary_or_empty_jsonl_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "blob.jsonl").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "blank.jsonl").write_text("\n \n")
    [blob] = _load(tmp_path / "blob.jsonl")
    [blank] = _load(tmp_path / "blank.jsonl")
    assert isinstance(blob, LoadError) and blob.reason == "binary file, not text"
    assert isinstance(blank, LoadError) and blank.reason == "empty file"


def test_jsonl_bad_lines_are_reported_and_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "mix.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok", "title": "t", "text": "Isi berita yang cukup panjang di sini."}),
        "{broken",
        json.dumps({"id": "no-text", "title": "t"}),
    ]))
    items = _load(path)
    assert isinstance(items[0], Article) and items[0].article_id == "ok"
    assert [i.source for i in items[1:]] == ["mix.jsonl:2", "mix.jsonl:3"]


def test_missing_path_is_reported() -> None:
    [item] = _load(Path("/nonexistent/kutip"))
    assert isinstance(item, LoadError) and "no such file" in item.reason


# ---- URLs and feeds against a local server -----------------------------------

ARTICLE_HTML = (FIXTURES / "articles" / "election.html").read_bytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes = {
            "/article": ("text/html; charset=utf-8", ARTICLE_HTML),
            "/image": ("image/png", b"\x89PNG\r\n" + b"\x00" * 100),
            "/feed": ("application/rss+xml", f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example</title>
<item><title>Bike lanes</title><link>http://127.0.0.1:{port}/article</link>
<pubDate>Fri, 14 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Broken</title><link>http://127.0.0.1:{port}/missing</link></item>
</channel></rss>""".encode()),
            "/big": ("text/html", b"<p>" + b"x" * 50_000 + b"</p>"),
        }
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404)
            return
        ctype, body = routes[self.path]
        send_body(self, body, ctype)


@pytest.fixture(scope="module")
def http_base() -> Iterator[str]:
    with local_site(_Handler) as base:
        yield base


def test_article_url_is_fetched_and_extracted(http_base: str) -> None:
    [article] = list(Loader(allow_private_urls=True).load(f"{http_base}/article#comments"))
    assert isinstance(article, Article)
    assert article.article_id == f"{http_base}/article"
    assert article.url.startswith(http_base) and "Mayor Lena Hart" in article.text


def test_feed_entries_are_each_loaded(http_base: str) -> None:
    items = list(Loader(allow_private_urls=True).load(f"{http_base}/feed"))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, LoadError)]
    assert [a.title for a in articles] == ["City council approves new bike lanes"]
    assert len(errors) == 1 and "HTTP 404" in errors[0].reason


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "HTTP 404"),
    ("/image", "not an HTML page"),
    ("/loop", "too many redirects"),
    ("/big", "too large"),
])
def test_bad_urls_give_clear_errors(http_base: str, path: str, reason: str) -> None:
    [item] = list(Loader(max_bytes=10_000, allow_private_urls=True).load(f"{http_base}{path}"))
    assert isinstance(item, LoadError) and reason in item.reason


def test_unreachable_url_is_reported() -> None:
    [item] = list(Loader(http_timeout=2, allow_private_urls=True).load(
        "http://127.0.0.1:9/nothing"))
    assert isinstance(item, LoadError) and "cannot fetch" in item.reason


def test_markdown_is_stored_as_the_text_a_reader_sees(tmp_path: Path) -> None:
    """No asterisks or link targets in quotes, and the speaker is the person, not
    "Keuangan** Sri Mulyani"."""
    path = tmp_path / "apbn.md"
    path.write_text(
        "# Judul **APBN** berita\n\n"
        "**Menteri Keuangan** Sri Mulyani mengatakan defisit anggaran tahun ini akan "
        "[turun](http://contoh.id/apbn) di bawah tiga persen dari produk domestik bruto.\n"
        "Dia menambahkan, belanja negara tetap dijaga.\n\n"
        "- butir `satu`\n- butir dua\n", encoding="utf-8")
    [article] = _load(path)
    assert article.title == "Judul APBN berita"
    assert article.text == (
        "Menteri Keuangan Sri Mulyani mengatakan defisit anggaran tahun ini akan turun di "
        "bawah tiga persen dari produk domestik bruto.\n"
        "Dia menambahkan, belanja negara tetap dijaga.\nbutir satu\nbutir dua")
    [statement, *_] = extract_statements(article.text)
    assert statement.speaker == "Sri Mulyani"


@pytest.mark.parametrize("target", ["ftp://example.com/x.txt", "file:///tmp/x.txt"])
def test_a_url_kutip_does_not_fetch_is_named_as_such(target: str) -> None:
    [error] = list(Loader().load(target))
    assert isinstance(error, LoadError) and error.source == target
    assert "unsupported URL scheme" in error.reason
