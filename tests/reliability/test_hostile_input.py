"""Hostile and malformed input: each case gets its clear reply, and the bot keeps answering.

One real bot (in-process, long-polling the Bot API emulator) serves the whole module on
a private copy of the fixture index. Each case sends something odd as a user or as the
admin, waits for the reply that names the problem, checks that the emulator refused
none of the bot's messages (so no markup leaked into them) and that nothing crashed,
then asks the seed question again. `/add` cases fetch from a local server on
127.0.0.1 that serves a gzip bomb, a page that never answers, a redirect loop, binary
data and so on; the loader's HTTP timeout is 2 s here.
"""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from telegram.ext import Application

from bot.messages import t
from tests.auxil.http import local_site
from tests.auxil.seed import SEED_QUESTION, SEED_QUOTE
from tests.bot.bot_support import (
    ADMIN_ID,
    BOT_USERNAME,
)
from tests.bot.conftest import emulator, fixture_index  # noqa: F401  (fixtures)
from tests.reliability.test_bot_load import (
    ask,
    private_services,
    running_bot,
    text_of,
    wait_for_text,
)

ADMIN_ONLY = t("en", "admin_only")
APOLOGY = t("en", "apology")

pytestmark = pytest.mark.e2e
in_module_loop = pytest.mark.asyncio(loop_scope="module")  # the bot's loop

WAIT = 60.0
HTTP_TIMEOUT = 2.0
SEED_CHAT = 990
GROUP = {"id": -1001000000077, "type": "supergroup", "title": "Hostile fans"}

EMPTY = "Please ask a question in words"
LONG = "Your question is long: I searched with its first 1000 characters."
USAGE = "Usage: /add https://example.com/article-or-feed"
NOT_A_FILE_TYPE = "is not one of them."


# ---- a hostile web site on 127.0.0.1 ------------------------------------------------------


class _HostileSite(http.server.BaseHTTPRequestHandler):
    """Serves the pages `/add` is pointed at; `stop` ends the slow answers at teardown."""

    stop = threading.Event()
    bomb = b""

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path in ("/bomb.html", "/bomb.xml"):
            ctype = "text/html" if path.endswith("html") else "application/rss+xml"
            self._send(200, self.bomb, ctype, Content_Encoding="gzip")
        elif path == "/never":
            self.stop.wait(30)  # longer than the loader's HTTP timeout
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop?again")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/binary":
            self._send(200, bytes(range(256)) * 64, "application/octet-stream")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 512, "image/png")
        elif path == "/error":
            self._send(500, b"oops", "text/plain")
        elif path == "/empty.html":
            self._send(200, b"<html><head><title>x</title></head><body></body></html>",
                       "text/html")
        elif path == "/hostile.html":
            self._send(200, HOSTILE_PAGE.encode(), "text/html; charset=utf-8")
        else:
            self._send(404, b"not here", "text/plain")


HOSTILE_PAGE_TITLE = "<b>Zorvek</b> & <script>alert(1)</script> *quarry* [x](javascript:1)"
HOSTILE_PAGE = (
    "<html><head><title>&lt;b&gt;Zorvek&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
    " *quarry* [x](javascript:1)</title></head><body><article>"
    "<h1>&lt;b&gt;Zorvek&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; *quarry* "
    "[x](javascript:1)</h1>"
    "<p>Quarry foreman Tamsin Orrelby said the &lt;/blockquote&gt; Zorvek slate quarry will "
    "close for **three weeks** in _April_ while the &lt;i&gt;haul road&lt;/i&gt; is rebuilt."
    "</p><p>The council said the slate quarry employs forty people and the road works were "
    "approved last winter after a long consultation with residents of the valley.</p>"
    "</article></body></html>"
)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    _HostileSite.bomb = gzip.compress(b"<html>" + b"\x00" * 64_000_000, compresslevel=9)
    _HostileSite.stop.clear()
    with local_site(_HostileSite) as base:
        try:
            yield base
        finally:
            _HostileSite.stop.set()  # end the slow answers before the server shuts down


# ---- the bot ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_services(fixture_index: Path, tmp_path_factory: pytest.TempPathFactory,  # noqa: F811
                     embedder: Any) -> Iterator[tuple[Any, Path]]:
    data_dir = tmp_path_factory.mktemp("hostile") / "data"
    with private_services(fixture_index, data_dir, embedder,
                          http_timeout=HTTP_TIMEOUT, allow_private_urls=True) as services:
        yield services, data_dir


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(emulator: Any, hostile_services: tuple[Any, Path]  # noqa: F811
              ) -> AsyncIterator[tuple[Any, Application]]:
    """One bot for the module; cases use their own chats and `since` markers."""
    if not emulator.running:
        emulator.start()
    emulator.clear_faults()
    emulator.reset()
    services, data_dir = hostile_services
    async with running_bot(emulator, services, data_dir, http_timeout=HTTP_TIMEOUT) as app:
        answer = await ask(emulator, SEED_CHAT, SEED_QUESTION)
        assert SEED_QUOTE in text_of(answer)
        yield emulator, app


# ---- the cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """Something a user (or the admin) sends, and the fragment its reply must show."""

    expect: str
    text: str | None = None  # "{site}" is the hostile site's URL
    document: tuple[str, bytes] | None = None  # (file name, content)
    raw: dict[str, Any] | None = None  # a raw message (without chat/from/date)
    admin: bool = False
    group: bool = False


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


LONG_TAIL = " and also" * 1200
CASES = [
    # questions that are not questions
    pytest.param(Case(EMPTY, text="   \t  "), id="whitespace"),
    pytest.param(Case(EMPTY, text="?!…"), id="punctuation-only"),
    pytest.param(Case(EMPTY, text="🤔🤔🤔🔥"), id="emoji-only"),
    pytest.param(Case(EMPTY, text="\u200b\u200c\u200d\ufeff"), id="zero-width-only"),
    pytest.param(Case(EMPTY, text="\u202e\u200f\u202c"), id="rtl-marks-only"),
    pytest.param(Case(EMPTY, text="🙂" * 5000), id="10k-emoji"),
    # odd but real questions
    pytest.param(Case(LONG, text=SEED_QUESTION + LONG_TAIL), id="10k-characters"),
    pytest.param(Case(LONG, text="A" * 10_000), id="10k-one-word"),
    pytest.param(Case(SEED_QUOTE, text="<b>What</b> did <script>Ushakov</script> say about "
                      "<a href='x'>Iran</a>?</blockquote>"), id="html-injection"),
    pytest.param(Case(SEED_QUOTE, text="*What* did _Ushakov_ say about `Iran`? "
                      "[x](tg://user?id=1) ||spoiler||"), id="markdown-injection"),
    pytest.param(Case(SEED_QUOTE, text="What\u200b did Ushakov\u200d say about Iran?\ufeff"),
                 id="zero-width-inside"),
    pytest.param(Case(SEED_QUOTE, text="\u202eWhat did Ushakov say about Iran?\u202c"),
                 id="rtl-override"),
    pytest.param(Case(SEED_QUOTE, text="🔥🔥 What did Ushakov say about Iran? 🇮🇷"),
                 id="emoji-around"),
    pytest.param(Case(SEED_QUOTE, text="What did Ushakov\x07 say\x1b[31m about Iran?"),
                 id="control-characters"),
    # commands with odd arguments
    pytest.param(Case(EMPTY, text="/ask"), id="ask-nothing"),
    pytest.param(Case(EMPTY, text="/ask    ?!"), id="ask-punctuation"),
    pytest.param(Case(EMPTY, text=f"/ask@{BOT_USERNAME}"), id="ask-at-bot-nothing"),
    pytest.param(Case(SEED_QUOTE, text=f"/ask@{BOT_USERNAME} {SEED_QUESTION}"),
                 id="ask-at-bot"),
    pytest.param(Case("Just send me a question", text="/start <b>x</b> 🤡 extra"),
                 id="start-extra-args"),
    pytest.param(Case("I know", text="/help </code> *x*"), id="help-extra-args"),
    pytest.param(Case("I don't know that command", text="/rm -rf / <b>"),
                 id="unknown-command"),
    pytest.param(Case(EMPTY, text=f"@{BOT_USERNAME}", group=True), id="group-mention-only"),
    pytest.param(Case("I can only read text", raw={"sticker": {
        "file_id": "st", "file_unique_id": "st", "width": 512, "height": 512,
        "type": "regular", "is_animated": False, "is_video": False}}), id="sticker"),
    # admin commands from non-admins
    pytest.param(Case(ADMIN_ONLY, text="/reindex"), id="non-admin-reindex"),
    pytest.param(Case(ADMIN_ONLY, text="/reindex now please"), id="non-admin-reindex-args"),
    pytest.param(Case(ADMIN_ONLY, text="/add {site}/hostile.html"), id="non-admin-add"),
    pytest.param(Case(ADMIN_ONLY, document=("notes.txt", b"Some text " * 40)),
                 id="non-admin-upload"),
    # admin commands with odd arguments
    pytest.param(Case(USAGE, text="/add", admin=True), id="add-nothing"),
    pytest.param(Case(USAGE, text="/add not-a-url", admin=True), id="add-not-a-url"),
    pytest.param(Case(USAGE, text="/add javascript:alert(1)", admin=True), id="add-javascript"),
    pytest.param(Case(USAGE, text="/add " + " ".join(f"{{site}}/a{n}.html" for n in range(5)),
                      admin=True), id="add-five-urls"),
    pytest.param(Case("Re-indexing: done.", text="/reindex extra args <b>", admin=True),
                 id="reindex-extra-args"),
    # uploads
    pytest.param(Case("binary file, not text", document=("blob.txt", bytes(range(256)) * 40),
                      admin=True), id="upload-binary"),
    pytest.param(Case("not UTF-8 text", document=("latin1.txt", b"Caf\xe9 au lait. " * 60),
                      admin=True), id="upload-undecodable"),
    pytest.param(Case("empty file", document=("blank.md", b" \n\t\n"), admin=True),
                 id="upload-empty"),
    pytest.param(Case(NOT_A_FILE_TYPE, document=("setup.exe", b"MZ\x90\x00" * 100),
                      admin=True), id="upload-exe"),
    pytest.param(Case(NOT_A_FILE_TYPE, document=("<b>x</b>.pdf", b"%PDF-1.4"), admin=True),
                 id="upload-html-in-name"),
    pytest.param(Case("is too large (6,000,000 bytes; the limit is 5,000,000)",
                      document=("big.txt", b"a" * 6_000_000), admin=True),
                 id="upload-6mb"),
    pytest.param(Case("is too large (52,428,800 bytes; the limit is 5,000,000)", raw={
        "document": {"file_id": "fifty-mb", "file_unique_id": "fifty-mb",
                     "file_name": "huge.txt", "mime_type": "text/plain",
                     "file_size": 52_428_800}}, admin=True), id="upload-50mb"),
    pytest.param(Case("missing or empty 'text' field", document=("feed.jsonl", _jsonl(
        '{"id": "no-text", "title": "Only a title"}',
        '{"id": "blank", "title": "Blank", "text": "   "}',
    )), admin=True), id="upload-jsonl-missing-fields"),
    pytest.param(Case("invalid JSON", document=("broken.jsonl", _jsonl(
        '{"id": "half", "title": "Half a line", "te',
    )), admin=True), id="upload-jsonl-invalid"),
    pytest.param(Case("expected a JSON object", document=("list.json", b"[1, \"two\", null]"),
                      admin=True), id="upload-json-not-objects"),
    # /add of hostile URLs
    pytest.param(Case("once inflated", text="/add {site}/bomb.html", admin=True),
                 id="add-gzip-bomb-page"),
    pytest.param(Case("once inflated", text="/add {site}/bomb.xml", admin=True),
                 id="add-gzip-bomb-feed"),
    pytest.param(Case(f"timed out after {HTTP_TIMEOUT:g}s", text="/add {site}/never",
                      admin=True), id="add-timeout"),
    pytest.param(Case("too many redirects", text="/add {site}/loop", admin=True),
                 id="add-redirect-loop"),
    pytest.param(Case("not an HTML page (content-type application/octet-stream)",
                      text="/add {site}/binary", admin=True), id="add-binary"),
    pytest.param(Case("not an HTML page (content-type image/png)", text="/add {site}/image.png",
                      admin=True), id="add-image"),
    pytest.param(Case("HTTP 500", text="/add {site}/error", admin=True), id="add-http-500"),
    pytest.param(Case("HTTP 404", text="/add {site}/missing.html", admin=True), id="add-404"),
    pytest.param(Case("no article text found", text="/add {site}/empty.html", admin=True),
                 id="add-empty-page"),
    pytest.param(Case("cannot fetch", text="/add http://127.0.0.1:9/closed", admin=True),
                 id="add-connection-refused"),
]


def _send(emu: Any, case: Case, chat: int, site: str) -> None:
    user = ADMIN_ID if case.admin else chat
    if case.text is not None:
        where: Any = GROUP if case.group else chat
        emu.send_text(where, user, case.text.replace("{site}", site))
    elif case.document is not None:
        name, content = case.document
        emu.send_document(chat, user, content, file_name=name, mime_type="text/plain")
    else:
        assert case.raw is not None
        emu.send_update({"message": {
            "message_id": 50_000 + chat % 10_000, "date": 1,
            "chat": {"id": chat, "type": "private", "first_name": "U"},
            "from": {"id": user, "is_bot": False, "first_name": "U"}, **case.raw}})


@in_module_loop
@pytest.mark.parametrize("case", CASES)
async def test_hostile_input_gets_a_clear_reply_and_no_crash(
    bot: tuple[Any, Application], site: str, case: Case
) -> None:
    emu, _ = bot
    number = next(n for n, p in enumerate(CASES) if p.values[0] is case)
    chat = ADMIN_ID if case.admin else 1000 + number
    where = GROUP["id"] if case.group else chat
    since = emu.last_seq()
    _send(emu, case, chat, site)
    events = await wait_for_text(emu, where, case.expect, since=since, timeout=WAIT)
    shown = [text_of(e) for e in events]
    assert not any(APOLOGY in t for t in shown), shown  # nothing crashed
    assert emu.failed_calls(since=since) == []  # every reply was valid for Telegram
    if case.raw and "document" in case.raw:
        assert not emu.calls("getFile", since=since)  # refused by size, never downloaded
    answer = await ask(emu, SEED_CHAT, SEED_QUESTION)
    assert SEED_QUOTE in text_of(answer)


# ---- markup in articles ----------------------------------------------------------------------


async def _admin_done(emu: Any, since: int) -> str:
    events = await wait_for_text(emu, ADMIN_ID, "done.", since=since)
    return next(text_of(e) for e in events if "done." in text_of(e))


@in_module_loop
async def test_markup_in_a_fetched_article_title_and_body_is_shown_as_text(
    bot: tuple[Any, Application], site: str
) -> None:
    emu, _ = bot
    since = emu.last_seq()
    emu.send_text(ADMIN_ID, ADMIN_ID, f"/add {site}/hostile.html")
    assert "added 1," in await _admin_done(emu, since)
    since = emu.last_seq()
    answer = await ask(emu, 2001, "What did quarry foreman Tamsin Orrelby say about the "
                                  "Zorvek slate quarry?")
    text = text_of(answer)
    assert HOSTILE_PAGE_TITLE in text  # the title, literally
    assert "</blockquote> Zorvek slate quarry will close for **three weeks** in _April_" in text
    assert "<i>haul road</i>" in text
    assert {e["type"] for e in answer["message"]["entities"]} <= {"blockquote", "bold", "italic",
                                                                   "text_link"}
    assert emu.failed_calls(since=since) == []


@in_module_loop
async def test_markup_in_an_uploaded_jsonl_article_is_shown_as_text(
    bot: tuple[Any, Application]
) -> None:
    emu, _ = bot
    title = "</b><i>Fennow</i> <a href=\"tg://x\">mill</a> ` *bold* _x_ \u202eevil"
    body = ("Miller Odo Brackwater said the </blockquote><b>Fennow</b> watermill "
            "will grind rye again from May, `code` and [a](http://x) included. "
            "The mill stood idle for eleven years after the weir collapsed in a flood.")
    line = ('{"id": "fennow", "title": ' + _json(title) + ', "text": ' + _json(body)
            + ', "url": "javascript:alert(1)", "date": "<b>2025</b>"}')
    since = emu.last_seq()
    emu.send_document(ADMIN_ID, ADMIN_ID, _jsonl(line), file_name="hostile.jsonl",
                      mime_type="application/jsonl")
    assert "added 1," in await _admin_done(emu, since)
    since = emu.last_seq()
    answer = await ask(emu, 2002, "What did miller Odo Brackwater say about the Fennow "
                                  "watermill?")
    text = text_of(answer)
    assert "</blockquote><b>Fennow</b> watermill will grind rye again from May" in text
    assert title in text
    links = [e.get("url", "") for e in answer["message"]["entities"]
             if e["type"] == "text_link"]
    assert not any(link.startswith("javascript:") for link in links)
    assert emu.failed_calls(since=since) == []


def _json(value: str) -> str:
    import json

    return json.dumps(value)


def test_there_are_at_least_thirty_hostile_cases() -> None:
    assert len(CASES) >= 30
