"""Turn files, folders and URLs into `Article`s.

Each loader yields `Article` or `LoadError` items, never raises for one bad input:
the indexer reports failures and carries on with the batch. Beyond the failures named
here, anything one input raises (a URL httpx cannot parse, JSON nested too deeply for
the parser, a MemoryError in a parser...) ends that input only (`_per_input`).
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import json
import logging
import os
import re
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal
from urllib.parse import urldefrag, urlsplit

import httpx

from index._article import Article
from index.markdown_text import markdown_text
from index.net import AddressRefused, fetch_transport, request_deadline
from kutip.errors import LoadError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FileProblem",
    "LoadResult",
    "Loader",
    "article_from_html",
    "file_problem",
    "is_url",
]

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".json", ".jsonl"})
MIN_ARTICLE_CHARS = 20
MAX_FEED_ENTRIES = 200
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "text/xml",
              "application/xml", "application/feed+json")

LoadResult = Article | LoadError
# Only encodings `_Inflater` can decode with a bounded output; asked for on every request.
ACCEPT_ENCODING = "gzip, deflate"


def is_url(value: str) -> bool:
    """True for http(s) URLs (anything else is treated as a path)."""
    return value.startswith(("http://", "https://"))


# "ftp://…", "file:///…": a URL kutip does not fetch, not a path "ftp:/…" that is missing.
_OTHER_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")


def _normalise_url(url: str) -> str:
    return urldefrag(url.strip())[0]


def _looks_binary(head: bytes) -> bool:
    """A NUL byte in the first 8 KiB: no text file of any encoding we read has one."""
    return b"\x00" in head[:8192]


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _decode_text(data: bytes, source: str) -> str:
    """UTF-8 (a BOM allowed), or UTF-16 with its BOM: what Windows editors save as
    "Unicode", whose NUL bytes are no sign of a binary file."""
    if not data.strip():
        raise LoadError(source, "empty file")
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(source, f"not UTF-16 text ({exc.reason} at byte {exc.start})"
                            ) from None
        if not text.strip():
            raise LoadError(source, "empty file")
        return text
    if _looks_binary(data):
        raise LoadError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(source, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _per_input(source: str, items: Iterator[LoadResult]) -> Iterator[LoadResult]:
    """`items`, with any exception they raise turned into one `LoadError` for `source`
    (the boundary that keeps one bad input from stopping a batch)."""
    try:
        yield from items
    except LoadError as exc:
        yield exc
    except Exception as exc:  # any one input's failure, reported as such
        logger.debug("loading %s failed", source, exc_info=exc)
        detail = f": {exc}" if str(exc) else ""
        yield LoadError(source, f"cannot load ({type(exc).__name__}{detail})")


def _parse_json(raw: str, source: str, *, one_line: bool = False) -> object:
    """`json.loads`, with a `LoadError` for invalid or too deeply nested JSON."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        where = "" if one_line else f" at line {exc.lineno}"
        raise LoadError(source, f"invalid JSON ({exc.msg}{where})") from None
    except RecursionError:
        raise LoadError(source, "invalid JSON (nested too deeply)") from None


def _clean(text: str) -> str:
    """Normalise line endings and trim; the result is what quotes are cut from."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _check_body(text: str, source: str) -> str:
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise LoadError(source, "no article text found (too short or empty)")
    return text


def article_from_text(raw: str, *, article_id: str, source: str, markdown: bool) -> Article:
    """`.txt`/`.md`: the first line is the title, the rest is the body."""
    text = _clean(raw)
    if markdown:
        text = markdown_text(text)
    first, _, body = text.partition("\n")
    title = first.strip()
    body = body.strip()
    if not body:  # a one-line file: the line is the article
        body, title = text, Path(source).stem
    return Article(
        article_id=article_id, title=title, text=_check_body(body, source), source=source
    )


def article_from_html(html: str, *, article_id: str, source: str, url: str = "") -> Article:
    """Extract title, date and body text from an HTML page with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, favor_precision=True
    )
    if doc is None or not (doc.text or "").strip():
        raise LoadError(source, "no article text found in the page (not an article?)")
    text = _clean(doc.text)
    title = (doc.title or "").strip() or Path(source).stem
    return Article(
        article_id=article_id,
        title=title,
        text=_check_body(text, source),
        source=source,
        url=url,
        date=(doc.date or "").strip(),
    )


def _article_from_record(record: object, *, fallback_id: str, source: str) -> Article:
    if not isinstance(record, dict):
        raise LoadError(source, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(source, "missing or empty 'text' field")
    article_id = str(record.get("id") or record.get("url") or fallback_id).strip()
    url = str(record.get("url") or "").strip()
    return Article(
        article_id=article_id,
        title=str(record.get("title") or "").strip(),
        text=_check_body(_clean(text), source),
        source=url or source,
        url=url,
        date=str(record.get("date") or "").strip(),
    )


def _article_from_line(line: str, where: str) -> Article:
    record = _parse_json(line, where, one_line=True)
    return _article_from_record(record, fallback_id=where, source=where)


def articles_from_json(raw: str, *, rel: str, lines: bool) -> Iterator[LoadResult]:
    """`.json` (one object or a list) and `.jsonl` (one object a line)."""
    if lines:
        for lineno, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield _article_from_line(line, f"{rel}:{lineno}")
            except LoadError as exc:
                yield exc
        return
    try:
        data = _parse_json(raw, rel)
    except LoadError as exc:
        yield exc
        return
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records):
        where = f"{rel}[{n}]" if isinstance(data, list) else rel
        try:
            yield _article_from_record(record, fallback_id=where, source=where)
        except LoadError as exc:
            yield exc


FileProblem = Literal["unsupported type", "too large"]


def file_problem(name: str, size: int, *, max_bytes: int) -> FileProblem | None:
    """Why a file is not read, from its name and size alone: the one check for files on
    disk, uploads (`Loader.load_bytes`) and the bot's upload handler (before downloading)."""
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        return "unsupported type"
    if size > max_bytes:
        return "too large"
    return None


def _refusal(name: str, size: int, *, max_bytes: int, source: str) -> LoadError | None:
    problem = file_problem(name, size, max_bytes=max_bytes)
    if problem == "unsupported type":
        suffix = Path(name).suffix.lower() or "(none)"
        return LoadError(source, f"unsupported file type {suffix}; "
                                 f"use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    if problem == "too large":
        return LoadError(source, f"file too large ({size:,} bytes > {max_bytes:,})")
    return None


def _articles_from_raw(raw: str, suffix: str, name: str) -> Iterator[LoadResult]:
    """The articles of a whole file's decoded text, by its suffix; `name` is id and source."""
    if suffix in (".json", ".jsonl"):
        yield from articles_from_json(raw, rel=name, lines=suffix == ".jsonl")
    elif suffix in (".html", ".htm"):
        yield article_from_html(raw, article_id=name, source=name)
    else:
        yield article_from_text(raw, article_id=name, source=name, markdown=suffix == ".md")


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary stream, each read with at most `limit` bytes in memory;
    a longer line is skipped to its end and stands as None."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def articles_from_jsonl_file(path: Path, *, rel: str, max_bytes: int) -> Iterator[LoadResult]:
    """A `.jsonl` file streamed line by line: `max_bytes` caps each record, not the file,
    so a corpus of thousands of articles in one file loads in bounded memory."""
    seen_text = False
    with path.open("rb") as stream:
        head = stream.read(8192)
        if head.startswith(_UTF16_BOMS):  # read line by line as bytes: UTF-8 only
            yield LoadError(rel, "UTF-16 text: save the .jsonl as UTF-8")
            return
        if _looks_binary(head):
            yield LoadError(rel, "binary file, not text")
            return
        stream.seek(0)
        for lineno, data in enumerate(_bounded_lines(stream, max_bytes), start=1):
            where = f"{rel}:{lineno}"
            if data is None:
                seen_text = True
                yield LoadError(where, f"line too large (> {max_bytes:,} bytes)")
                continue
            if not data.strip():
                continue
            seen_text = True
            try:
                text = data.decode("utf-8-sig" if lineno == 1 else "utf-8")
                yield _article_from_line(text, where)
            except UnicodeDecodeError as exc:
                yield LoadError(where, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
            except LoadError as exc:
                yield exc
    if not seen_text:
        yield LoadError(rel, "empty file")


class _Inflater:
    """Decode a response body's content-encoding, never producing more than `limit` bytes.

    httpx inflates each network read whole, so a small gzip "bomb" (64 KB on the wire,
    64 MB inflated) would be in memory before any size check; here no call returns more
    than `limit + 1` bytes in all.
    """

    def __init__(self, encoding: str, *, source: str, limit: int) -> None:
        codings = [c.strip() for c in encoding.lower().split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise LoadError(source, f"unsupported content-encoding {encoding!r}")
        self._source = source
        self._limit = limit
        self._total = 0
        self._raw_deflate_next = bool(codings) and codings[0] == "deflate"
        # wbits 32+: a zlib or gzip header, detected; "deflate" without a header is retried raw
        self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 32) if codings else None

    def feed(self, data: bytes) -> bytes:
        """The decoded bytes of the next piece of body; `LoadError` once over the limit."""
        room = self._limit - self._total
        if self._inflate is None:
            out = data
        else:
            try:
                out = self._inflate.decompress(data, room + 1)
            except zlib.error:
                if not (self._raw_deflate_next and self._total == 0):
                    raise LoadError(self._source, "corrupt compressed response") from None
                self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                self._raw_deflate_next = False
                return self.feed(data)
        if len(out) > room:
            inflated = " once inflated" if self._inflate is not None else ""
            raise LoadError(self._source,
                            f"response too large (> {self._limit:,} bytes{inflated})")
        self._total += len(out)
        return out


def _with_origin(path: Path, items: Iterator[LoadResult]) -> Iterator[LoadResult]:
    """Stamp each article of the file at `path` with its origin (see `Article.origin`):
    what keeps two folders' `news.txt` apart when both propose the id "news.txt"."""
    real = os.path.realpath(path)
    records = path.suffix.lower() in (".json", ".jsonl")
    for item in items:
        if isinstance(item, Article):
            origin = f"{real}#{item.article_id}" if records else real
            item = dataclasses.replace(item, origin=origin)
        yield item


@dataclass(frozen=True)
class _Input:
    path: Path
    rel: str


def _rel_order(item: _Input | LoadError) -> tuple[str, ...]:
    """Sort like `Path`s: part by part ("a/b" before "a-b/x")."""
    return tuple((item.rel if isinstance(item, _Input) else item.source).split("/"))


def _real_path(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        return None


def folder_inputs(root: Path) -> list[_Input | LoadError]:
    """The supported, non-hidden files under `root`, each real file once, in path order.

    Symbolic links are followed only while they stay inside `root`: a link that leads out
    is one `LoadError` and is not read. A file or folder reached both by its own name and
    through a link is taken once, under its own name; folders are entered once each, so
    links in a loop end. Folders reached through links are walked after all the others.
    """
    top = root.resolve()
    plain: list[tuple[Path, bool]] = [(root, False)]
    linked: list[tuple[Path, bool]] = []
    entered: set[Path] = set()
    files: dict[Path, tuple[bool, _Input]] = {}  # real path -> (through a link, input)
    refused: list[_Input | LoadError] = []  # links out, unreadable folders
    while plain or linked:
        folder, through_link = plain.pop() if plain else linked.pop()
        real_folder = folder.resolve()
        if real_folder in entered:
            continue
        entered.add(real_folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            where = folder.relative_to(root).as_posix()
            refused.append(LoadError(where, f"cannot read folder ({exc.strerror or exc})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            via = through_link or entry.is_symlink()
            real = _real_path(path)
            if real is None:
                continue  # a link in a loop, or to nothing
            if via and not real.is_relative_to(top):
                refused.append(LoadError(rel, "symbolic link to outside the indexed folder; "
                                              "not followed"))
            elif real.is_dir():
                (linked if via else plain).append((path, via))
            elif (real.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
                  and (real not in files or (files[real][0] and not via))):
                files[real] = (via, _Input(path, rel))
    return sorted([*refused, *(item for _, item in files.values())], key=_rel_order)


class Loader:
    """Load articles from paths and URLs, within size and time limits."""

    def __init__(
        self,
        *,
        max_bytes: int = 5_000_000,
        http_timeout: float = 15.0,
        allow_private_urls: bool = False,
        http_client: httpx.Client | None = None,
    ) -> None:
        """`allow_private_urls`: fetch from loopback, private and other non-public
        addresses too (intranet sources, local tests); refused otherwise (index/net.py).
        An `http_client` given here is used as it is, without that check."""
        self.max_bytes = max_bytes
        self.http_timeout = http_timeout
        self.allow_private_urls = allow_private_urls
        self._http = http_client

    # ---- files -------------------------------------------------------------

    def _walk(self, root: Path) -> Iterator[_Input | LoadError]:
        if root.is_file():
            yield _Input(root, root.name)
            return
        if not root.exists():
            yield LoadError(str(root), "no such file or directory")
            return
        yield from folder_inputs(root)

    def load_file(self, path: Path, rel: str) -> Iterator[LoadResult]:
        """Load one file; `rel` (path relative to the indexed root) is its id and source."""
        suffix = path.suffix.lower()
        try:
            streamed = suffix == ".jsonl"  # capped line by line, not as a whole
            size = 0 if streamed else path.stat().st_size
            refused = _refusal(path.name, size, max_bytes=self.max_bytes, source=rel)
            if refused is not None:
                yield refused
            elif streamed:
                yield from articles_from_jsonl_file(path, rel=rel, max_bytes=self.max_bytes)
            else:
                yield from _articles_from_raw(_decode_text(path.read_bytes(), rel), suffix, rel)
        except LoadError as exc:
            yield exc
        except OSError as exc:
            yield LoadError(rel, f"cannot read file ({exc.strerror or exc})")

    def load_path(self, root: Path) -> Iterator[LoadResult]:
        """Every supported file under `root` (or `root` itself when it is a file)."""
        for item in self._walk(root):
            if isinstance(item, LoadError):
                yield item
            else:
                yield from _with_origin(
                    item.path, _per_input(item.rel, self.load_file(item.path, item.rel)))

    def load_bytes(self, data: bytes, filename: str) -> Iterator[LoadResult]:
        """Load an uploaded file (the bot's document upload) from memory."""
        yield from _per_input(filename, self._load_bytes(data, filename))

    def _load_bytes(self, data: bytes, filename: str) -> Iterator[LoadResult]:
        refused = _refusal(filename, len(data), max_bytes=self.max_bytes, source=filename)
        if refused is not None:
            yield refused
            return
        suffix = Path(filename).suffix.lower()
        yield from _articles_from_raw(_decode_text(data, filename), suffix, filename)

    # ---- URLs ----------------------------------------------------------------

    def _client(self) -> httpx.Client:
        if self._http is None:
            self._http = httpx.Client(
                transport=fetch_transport(allow_private_urls=self.allow_private_urls),
                trust_env=False,  # no proxy from the environment: see index/net.py
                follow_redirects=True,
                max_redirects=5,
                timeout=self.http_timeout,
                headers={"User-Agent": "kutip/0.1 (+news quote bot)"},
            )
        return self._http

    def _fetch(self, url: str) -> tuple[bytes, str]:
        """GET with a size cap and a time cap on the whole request; returns the decoded
        body and its content type (lower case, without parameters).

        The body is streamed and inflated here (see `_Inflater`), so a huge, endless or
        compressed-bomb response cannot fill memory; a server that trickles bytes (headers
        or body) slowly enough to dodge the per-read timeout still gives up after
        `http_timeout` seconds (`request_deadline`).
        """
        deadline = time.monotonic() + self.http_timeout
        try:
            with request_deadline(self.http_timeout), self._client().stream(
                "GET", url, headers={"Accept-Encoding": ACCEPT_ENCODING}
            ) as response:
                if response.status_code >= 400:
                    raise LoadError(url, f"HTTP {response.status_code}")
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.max_bytes:
                    raise LoadError(url, f"response too large ({declared:,} bytes)")
                body = self._read_body(response, url, deadline)
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                return body, ctype
        except httpx.InvalidURL as exc:  # not an httpx.HTTPError
            raise LoadError(url, f"invalid URL ({exc})") from None
        except httpx.TooManyRedirects:
            raise LoadError(url, "too many redirects") from None
        except httpx.TimeoutException:
            raise LoadError(url, f"timed out after {self.http_timeout:g}s") from None
        except httpx.HTTPError as exc:
            if isinstance(exc.__cause__, AddressRefused):
                raise LoadError(url, str(exc.__cause__)) from None
            raise LoadError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

    def _read_body(self, response: httpx.Response, url: str, deadline: float) -> bytes:
        """The decoded body, within the size cap and what is left of the deadline."""
        slow = LoadError(url, f"timed out after {self.http_timeout:g}s "
                              "(the response kept coming too slowly)")
        inflater = _Inflater(response.headers.get("content-encoding", ""),
                             source=url, limit=self.max_bytes)
        chunks: list[bytes] = []
        try:
            for raw in response.iter_raw():
                chunks.append(inflater.feed(raw))
                if time.monotonic() > deadline:
                    raise slow
        except httpx.TimeoutException:
            raise slow from None
        return b"".join(chunks)

    @staticmethod
    def _looks_like_feed(data: bytes, ctype: str) -> bool:
        if ctype in FEED_TYPES or ctype.endswith(("+xml", "/xml")):
            return True
        head = data[:2048].lstrip().lower()
        return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)

    def _article_from_page(self, url: str, data: bytes, ctype: str) -> Article:
        if ctype and not (ctype.startswith(("text/html", "text/plain")) or "xhtml" in ctype):
            raise LoadError(url, f"not an HTML page (content-type {ctype})")
        # Always UTF-8 (a declared charset is not read); undecodable bytes become U+FFFD.
        utf8_text = data.decode("utf-8", errors="replace")
        if ctype.startswith("text/plain"):
            return article_from_text(utf8_text, article_id=_normalise_url(url), source=url,
                                     markdown=False)
        return article_from_html(utf8_text, article_id=_normalise_url(url), source=url, url=url)

    def _entries(self, feed_url: str, data: bytes) -> Iterator[LoadResult]:
        import feedparser

        # A file-like object: `parse(bytes)` would first try `open(data)` (a body reading
        # "/dev/zero" or naming a local file); a stream is only `.read()` (feedparser's
        # `_open_resource`), so the body is always parsed as the body.
        parsed = feedparser.parse(io.BytesIO(data))
        if not parsed.entries:
            yield LoadError(feed_url, "feed has no entries")
            return
        for entry in parsed.entries[:MAX_FEED_ENTRIES]:
            link = entry.get("link")
            if not link or not is_url(link):
                yield LoadError(feed_url, f"feed entry {entry.get('title', '?')!r} has no link")
                continue
            yield from _per_input(link, self._load_article_url(
                link, feed_date=entry.get("published", "")))

    def _load_article_url(self, url: str, *, feed_date: str = "") -> Iterator[LoadResult]:
        try:
            data, ctype = self._fetch(url)
            article = self._article_from_page(url, data, ctype)
            if feed_date and not article.date:
                article = Article(article_id=article.article_id, title=article.title,
                                  text=article.text, source=article.source, url=article.url,
                                  date=feed_date)
            yield article
        except LoadError as exc:
            yield exc

    def load_url(self, url: str) -> Iterator[LoadResult]:
        """An article page, or an RSS/Atom feed whose entries' articles are loaded."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            yield LoadError(url, "not a valid http(s) URL")
            return
        try:
            data, ctype = self._fetch(url)
        except LoadError as exc:
            yield exc
            return
        if self._looks_like_feed(data, ctype):
            yield from self._entries(url, data)
            return
        try:
            yield self._article_from_page(url, data, ctype)
        except LoadError as exc:
            yield exc

    def load(self, target: str) -> Iterator[LoadResult]:
        """Dispatch one CLI argument: a URL or a path."""
        if is_url(target):
            yield from _per_input(target, self.load_url(target))
        elif (scheme := _OTHER_SCHEME.match(target)) is not None:
            yield LoadError(target, f"unsupported URL scheme {scheme.group(1)!r} (kutip "
                                    "fetches http:// and https:// URLs; give a file as a path)")
        else:
            yield from _per_input(target, self.load_path(Path(target)))

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

