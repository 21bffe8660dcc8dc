"""End to end: the real bot against a real Bot API emulator (tests/emulator, node).

The bot runs in this process (long polling the emulator, like against Telegram); the
tests act as Telegram users through the emulator's client endpoints and assert on
what the bot sent. The emulator parses every HTML message like Telegram does and
refuses invalid markup or messages over 4096 characters, so every answer here is
also checked to be valid. One test starts the real `kutip bot` process.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.context import BotOptions
from bot.format import MAX_MESSAGE_CHARS, escape, tg_len
from bot.main import build_application, webhook_options
from bot.messages import t
from tests.auxil.http import local_site
from tests.auxil.seed import REPO, SEED_QUESTION, SEED_QUOTE
from tests.bot.bot_support import (
    ADMIN_ID,
    BOT_USERNAME,
    FIXTURES,
    HOSTILE_QUESTION,
    HOSTILE_TITLE,
    INDEX_TARGETS,
    LONG_QUESTION,
    NOT_FOUND_QUESTION,
    TOKEN,
    UPLOAD,
    UPLOAD_QUESTION,
    bot_settings,
    copy_index,
    services_on,
    start_polling_bot,
    stop_polling_bot,
)

pytestmark = pytest.mark.e2e

GROUP = {"id": -1001000000001, "type": "supergroup", "title": "News fans"}
WAIT = 20.0


def text_of(event: dict[str, Any]) -> str:
    """What the user sees (the emulator parsed the bot's HTML into text + entities)."""
    return event["message"].get("text", "")


def html_of(event: dict[str, Any]) -> str:
    """What the bot sent (the HTML source)."""
    return event["params"]["text"]


def buttons(event: dict[str, Any]) -> list[dict[str, Any]]:
    markup = event.get("reply_markup") or event["message"].get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def ask(emu: Any, chat: Any, user: Any, text: str, count: int = 1,
              reply_to: int | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Send `text` as `user`; wait for `count` bot messages in that chat after it."""
    since = emu.last_seq()
    sent = emu.send_text(chat, user, text, reply_to=reply_to)
    chat_id = chat if isinstance(chat, int) else chat["id"]
    return sent, await emu.aio.wait_for_messages(chat_id, count, WAIT, since=since)


async def edits_until(emu: Any, chat: int, done: str, *, since: int) -> list[dict[str, Any]]:
    """The bot's edits in `chat` since `since`, once the latest shows `done`.

    A long job (re-index, upload, /add) edits its status message until it has finished.
    """
    edits = await emu.aio.wait_for_events(chat, 1, WAIT, since=since, kinds=["edit"])
    while done not in text_of(edits[-1]):
        edits = await emu.aio.wait_for_events(chat, len(edits) + 1, WAIT, since=since,
                                              kinds=["edit"])
    return edits


async def test_typing_is_shown_only_when_an_answer_takes_a_while(
    emu: Any, live_bot: Any, e2e_services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    await live_bot(options=BotOptions(warm_up=False, typing_delay=2.0, typing_interval=30.0))
    await ask(emu, 521, 521, SEED_QUESTION)  # warm: the first search builds the BM25 index
    since = emu.last_seq()
    await ask(emu, 522, 522, SEED_QUESTION)
    assert "chat_action" not in [e["kind"] for e in emu.events(522, since=since)]

    search = e2e_services.retriever.search

    def slow_search(*args: Any, **kwargs: Any) -> Any:
        time.sleep(3.0)  # longer than typing_delay: the user should see "typing…"
        return search(*args, **kwargs)

    monkeypatch.setattr(e2e_services.retriever, "search", slow_search)
    since = emu.last_seq()
    await ask(emu, 523, 523, SEED_QUESTION)
    kinds = [e["kind"] for e in emu.events(523, since=since)]
    assert kinds.count("chat_action") == 1
    assert kinds.index("chat_action") < kinds.index("message")


async def test_start_help_and_command_menu(emu: Any, live_bot: Any) -> None:
    await live_bot()
    menus = emu.calls("setMyCommands")
    commands = [c["command"] for c in _commands(menus[0])]
    assert commands == ["start", "help", "ask", "who", "sources"]
    indonesian = [m for m in menus if m["params"].get("language_code") == "id"]
    assert indonesian and "who" in [c["command"] for c in _commands(indonesian[0])]
    assert any("reindex" in [c["command"] for c in _commands(m)] for m in menus)
    _, [start] = await ask(emu, 501, 501, "/start")
    assert "Just send me a question" in text_of(start)
    _, [help_message] = await ask(emu, 501, 501, "/help")
    assert "I know 5 articles" in text_of(help_message)
    assert "for example:\n• What did Yuri Ushakov say about " in text_of(help_message)
    assert "/who name [topic]" in text_of(help_message)


def _commands(call: dict[str, Any]) -> list[dict[str, Any]]:
    commands = call["params"]["commands"]
    return commands if isinstance(commands, list) else json.loads(commands)


async def test_seed_question_is_answered_with_the_right_quote_and_source(
    emu: Any, live_bot: Any
) -> None:
    await live_bot()
    since = emu.last_seq()
    question, [answer] = await ask(emu, 502, 502, SEED_QUESTION)
    text = text_of(answer)
    assert text.startswith("Yuri Ushakov, quoted in 1 article:\n\n"
                           "Trump dan Putin bahas Ukraina dan Iran lewat telepon · "
                           f"seed-bbn-ushakov.txt\n{SEED_QUOTE}\n"
                           "1. — Yuri Ushakov, penasihat kebijakan luar negeri Kremlin\n")
    assert answer["message"]["reply_to_message"]["message_id"] == question["message_id"]
    entity_types = {e["type"] for e in answer["message"]["entities"]}
    assert {"blockquote", "bold", "italic"} <= entity_types
    kinds = [e["kind"] for e in emu.events(502, since=since)]
    assert kinds.index("chat_action") < kinds.index("message")  # typing… first
    assert [b["text"] for b in buttons(answer)][-1] == "More quotes ▸"


async def test_hostile_title_is_shown_literally(emu: Any, live_bot: Any) -> None:
    await live_bot()
    _, [answer] = await ask(emu, 503, 503, HOSTILE_QUESTION)
    assert escape(HOSTILE_TITLE) in html_of(answer)
    assert HOSTILE_TITLE in text_of(answer)  # the user sees the title as text, not markup
    assert "<soon> & stay low" in text_of(answer)
    assert all(e["type"] in {"blockquote", "bold", "italic"} for e in answer["message"]["entities"])


async def test_not_found_is_honest(emu: Any, live_bot: Any) -> None:
    await live_bot()
    _, [answer] = await ask(emu, 504, 504, NOT_FOUND_QUESTION)
    assert text_of(answer).startswith("No indexed article answers this.")
    assert "The closest articles are:" in text_of(answer)


async def test_long_answer_is_split_between_quotes(emu: Any, live_bot: Any) -> None:
    await live_bot(top_k=6)
    _, answers = await ask(emu, 505, 505, LONG_QUESTION, count=2)
    await asyncio.sleep(0.3)
    answers = emu.bot_messages(505)
    assert len(answers) >= 2
    total = 0
    for answer in answers:
        html = html_of(answer)
        assert tg_len(html) <= MAX_MESSAGE_CHARS
        assert html.count("<blockquote>") == html.count("</blockquote>")
        total += tg_len(html)
    assert total > MAX_MESSAGE_CHARS
    assert "\n6." in text_of(answers[-1]) and buttons(answers[-1])
    assert not buttons(answers[0])
    assert emu.failed_calls() == []


async def test_group_answers_mentions_replies_and_ask_but_ignores_chatter(
    emu: Any, live_bot: Any
) -> None:
    await live_bot()
    since = emu.last_seq()
    emu.send_text(GROUP, 601, "anyone seen the match yesterday?")
    mention, [answer] = await ask(emu, GROUP, 602, f"@{BOT_USERNAME} {SEED_QUESTION}")
    assert answer["message"]["reply_to_message"]["message_id"] == mention["message_id"]
    assert SEED_QUOTE in text_of(answer)
    command, [by_command] = await ask(emu, GROUP, 603, f"/ask@{BOT_USERNAME} {SEED_QUESTION}")
    assert by_command["message"]["reply_to_message"]["message_id"] == command["message_id"]
    _, [by_reply] = await ask(emu, GROUP, 604, "and what about Macron?",
                              reply_to=answer["message_id"])
    assert "Macron" in text_of(by_reply)
    emu.send_text(GROUP, 605, "thanks, bye")
    await asyncio.sleep(0.5)
    assert len(emu.bot_messages(GROUP["id"], since=since)) == 3


async def test_reply_to_an_answer_is_a_follow_up(emu: Any, live_bot: Any) -> None:
    await live_bot()
    _, [answer] = await ask(emu, 506, 506, SEED_QUESTION)
    _, [followup] = await ask(emu, 506, 506, "and what about Macron?",
                              reply_to=answer["message_id"])
    _, [fresh] = await ask(emu, 507, 507, "and what about Macron?")
    # The earlier question steers the follow-up: Macron's words on Iran. The seed names him
    # but never quotes him, so the reply says so, and its first quote is the Iran one.
    lines = text_of(followup).split("\n")
    assert lines[:3] == ["Macron is not quoted in the indexed articles.", "",
                         "Other quotes on this, not by Macron:"]
    assert lines[5] == SEED_QUOTE
    assert text_of(fresh).split("\n")[3] != SEED_QUOTE


async def test_an_edited_question_is_answered_again(emu: Any, live_bot: Any) -> None:
    """A user who fixes a typo by editing the question gets the answer to the fixed one."""
    await live_bot()
    sent, _ = await ask(emu, 509, 509, "What did Ushakof say about Iran?")
    since = emu.last_seq()
    emu.edit_text(509, 509, sent["message_id"], SEED_QUESTION)
    [again] = await emu.aio.wait_for_messages(509, 1, WAIT, since=since)
    assert again["message"]["reply_to_message"]["message_id"] == sent["message_id"]
    assert text_of(again).split("\n")[3] == SEED_QUOTE
    assert "— Yuri Ushakov" in text_of(again)
    since = emu.last_seq()
    emu.edit_text(GROUP, 510, emu.send_text(GROUP, 510, "see you later")["message_id"],
                  "see you tomorrow")  # group chatter, edited: still not for the bot
    command = emu.send_text(509, 509, "/help")
    emu.edit_text(509, 509, command["message_id"], "/sources")  # only /ask and /who re-run
    await emu.aio.wait_for_messages(509, 1, WAIT, since=since)
    await asyncio.sleep(0.5)
    assert len(emu.bot_messages(509, since=since)) == 1, "the edited /help did not run again"
    assert emu.bot_messages(GROUP["id"], since=since) == []


async def test_more_and_paragraph_buttons_survive_a_restart(emu: Any, live_bot: Any) -> None:
    app = await live_bot()
    _, [answer] = await ask(emu, 508, 508, SEED_QUESTION)
    more = next(b["callback_data"] for b in buttons(answer) if b["text"].startswith("More"))
    paragraph = next(b["callback_data"] for b in buttons(answer) if b["text"] == "¶ 1")
    await live_bot.stop(app)
    await live_bot()  # a restarted bot: only the state file remembers the buttons

    since = emu.last_seq()
    emu.press_button(508, 508, answer["message_id"], more)
    [page] = await emu.aio.wait_for_messages(508, 1, WAIT, since=since)
    assert text_of(page).startswith("More quotes:") and "\n4." in text_of(page)
    assert SEED_QUOTE not in text_of(page)
    await emu.aio.wait_for_events(508, 1, WAIT, since=since, kinds=["edit"])
    assert all(not b["text"].startswith("More") for b in
               buttons({"message": emu.message(508, answer["message_id"])["message"]}))

    since = emu.last_seq()
    emu.press_button(508, 508, answer["message_id"], paragraph)
    [context] = await emu.aio.wait_for_messages(508, 1, WAIT, since=since)
    assert text_of(context).startswith("Context from Trump dan Putin")
    assert SEED_QUOTE in text_of(context)
    assert "underline" in {e["type"] for e in context["message"]["entities"]}

    since = emu.last_seq()
    emu.press_button(508, 508, answer["message_id"], "more:forgotten123:1", force=True)
    [expired] = await emu.aio.wait_for_events(508, 1, WAIT, since=since,
                                               kinds=["callback_answer"])
    assert expired["text"] == t("en", "button_expired") and expired["show_alert"]


async def test_admin_reindex_edits_progress_and_ends_with_the_summary(
    emu: Any, live_bot: Any
) -> None:
    await live_bot()
    since = emu.last_seq()
    _, [refused] = await ask(emu, 509, 509, "/reindex")
    assert text_of(refused) == t("en", "admin_only")
    status_since = emu.last_seq()
    _, [status] = await ask(emu, ADMIN_ID, ADMIN_ID, "/reindex")
    assert text_of(status) == "Re-indexing…"
    edits = await edits_until(emu, ADMIN_ID, "Re-indexing: done.", since=status_since)
    texts = [text_of(e) for e in edits]
    assert all(e["message_id"] == status["message_id"] for e in edits)
    assert any("indexed" in t and "/5 articles" in t for t in texts)
    assert texts[-1].split("\n")[1].startswith("added 0, updated 0, unchanged 5, removed 0")
    assert len(emu.bot_messages(509, since=since)) == 1  # the refusal only


async def test_document_upload_is_indexed_by_admins_only(emu: Any, live_bot: Any) -> None:
    await live_bot()
    since = emu.last_seq()
    emu.send_document(510, 510, UPLOAD.read_bytes(), file_name=UPLOAD.name,
                      mime_type="text/markdown")
    [refused] = await emu.aio.wait_for_messages(510, 1, WAIT, since=since)
    assert text_of(refused) == t("en", "admin_only")

    since = emu.last_seq()
    emu.send_document(ADMIN_ID, ADMIN_ID, UPLOAD.read_bytes(), file_name=UPLOAD.name,
                      mime_type="text/markdown")
    [status] = await emu.aio.wait_for_messages(ADMIN_ID, 1, WAIT, since=since)
    assert text_of(status) == f"Indexing {UPLOAD.name}…"
    edits = await edits_until(emu, ADMIN_ID, "done.", since=since)
    assert "added 1" in text_of(edits[-1])
    assert emu.calls("file_download") or emu.calls("getFile")
    _, [answer] = await ask(emu, 511, 511, UPLOAD_QUESTION)
    assert "Duncan Flett" in text_of(answer) and UPLOAD.name in text_of(answer)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A local web server for `directory` (the only "internet" these tests have)."""
    with local_site(functools.partial(_QuietHandler, directory=str(directory))) as base:
        yield base


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return None


async def test_admin_add_fetches_and_indexes_an_article(emu: Any, live_bot: Any) -> None:
    await live_bot()
    with serve(FIXTURES) as site:
        url = f"{site}/served-article.html"
        _, [refused] = await ask(emu, 517, 517, f"/add {url}")
        assert text_of(refused) == t("en", "admin_only")
        since = emu.last_seq()
        _, [status] = await ask(emu, ADMIN_ID, ADMIN_ID, f"/add {url}")
        assert text_of(status) == f"Adding {url}…"
        edits = await edits_until(emu, ADMIN_ID, "done.", since=since)
    assert "added 1," in text_of(edits[-1])
    _, [answer] = await ask(emu, 518, 518, "What did project director Alun Pritchard say about the tidal power station on the Severn?")
    assert "twice a day" in text_of(answer)
    assert "Tidal power station opens on the Severn estuary · 2025-06-30" in text_of(answer)
    links = [e["url"] for e in answer["message"]["entities"] if e["type"] == "text_link"]
    assert links and set(links) == {url}


async def test_rate_limit_replies_slow_down(emu: Any, live_bot: Any) -> None:
    await live_bot(rate_limit_questions=2, rate_limit_window=60)
    await ask(emu, 512, 512, SEED_QUESTION)
    await ask(emu, 512, 512, SEED_QUESTION)
    _, [slow] = await ask(emu, 512, 512, SEED_QUESTION)
    assert text_of(slow).startswith("Slow down, please")


MARMOT_QUOTE = "The marmots of Quillbury woke three weeks early this spring, keeper Isla Brack said."


async def test_an_article_with_a_very_long_url_is_answered_and_listed(
    emu: Any, fixture_index: Path, embedder: Any, tmp_path: Path
) -> None:
    data_dir = copy_index(fixture_index, tmp_path / "data")
    url = ("https://news.example.com/marmots?ref=" + "&" * 1000)[:1000]  # 4,852 escaped
    record = {"id": "quillbury-marmots", "title": "Quillbury marmots wake early", "url": url,
              "text": f"{MARMOT_QUOTE} The burrows on the hill stayed warm all winter."}
    with services_on(data_dir, embedder) as services:
        report = services.indexer.add_loaded(
            services.loader.load_bytes(json.dumps(record).encode(), "marmots.json"))
        assert report.ok and report.added == 1
        app = await start_polling_bot(emu, services, data_dir)
        try:
            _, [answer] = await ask(emu, 530, 530, "When did the Quillbury marmots wake up?")
            assert MARMOT_QUOTE in text_of(answer)
            assert "Quillbury marmots wake early · news.example.com" in text_of(answer)
            _, [listed] = await ask(emu, 530, 530, "/sources")
            assert "• Quillbury marmots wake early · news.example.com" in text_of(listed)
        finally:
            await stop_polling_bot(app)


async def test_non_text_messages_get_a_hint(emu: Any, live_bot: Any) -> None:
    await live_bot()
    since = emu.last_seq()
    emu.send_update({"message": {
        "message_id": 9001, "date": 1, "chat": {"id": 513, "type": "private", "first_name": "U"},
        "from": {"id": 513, "is_bot": False, "first_name": "U"},
        "sticker": {"file_id": "st", "file_unique_id": "st", "width": 512, "height": 512,
                    "type": "regular", "is_animated": False, "is_video": False}}})
    [hint] = await emu.aio.wait_for_messages(513, 1, WAIT, since=since)
    assert text_of(hint).startswith("I can only read text")


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_retries_after_429(emu: Any, live_bot: Any) -> None:
    await live_bot()
    emu.inject_fault("sendMessage", "retry_after", 1, retry_after=1)
    _, [answer] = await ask(emu, 514, 514, SEED_QUESTION)
    assert SEED_QUOTE in text_of(answer)
    assert emu.calls("sendMessage")[0].get("fault")


async def test_twenty_users_asking_at_once_are_all_answered(emu: Any, live_bot: Any) -> None:
    await live_bot()
    since = emu.last_seq()
    users = range(700, 720)
    for user in users:
        emu.send_text(user, user, SEED_QUESTION)
    events = await emu.aio.wait_for_messages(None, 20, 60.0, since=since)
    answered = {e["chat_id"] for e in events}
    assert answered == set(users)
    assert all(SEED_QUOTE in text_of(e) for e in events)


def test_kutip_bot_process_answers_holds_the_lock_and_hides_the_token(
    emu: Any, fixture_index: Path, tmp_path: Path
) -> None:
    data_dir = copy_index(fixture_index, tmp_path / "data")
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": emu.base_url,
           "TELEGRAM_FILE_BASE_URL": emu.base_file_url, "KUTIP_DATA_DIR": str(data_dir),
           "KUTIP_ADMIN_IDS": str(ADMIN_ID), "KUTIP_ARTICLE_SOURCES": ",".join(INDEX_TARGETS)}
    kutip = [sys.executable, "-m", "kutip.cli"]
    log = tmp_path / "bot.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([*kutip, "-v", "bot"], env=env, cwd=tmp_path, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        emu.wait_for_calls("setMyCommands", 1, 60.0)
        since = emu.last_seq()
        emu.send_text(515, 515, SEED_QUESTION)
        [answer] = emu.wait_for_messages(515, 1, WAIT, since=since)
        assert SEED_QUOTE in text_of(answer)
        index = subprocess.run([*kutip, "index", str(REPO / "examples")], check=False,
                               env=env,
                               cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert index.returncode != 0
        assert "in use by kutip bot" in index.stderr
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    output = log.read_text(errors="replace")
    assert proc.returncode == 0, output[-3000:]
    assert "starting long polling" in output
    assert "<TOKEN>" in output  # PTB logged its API URL at DEBUG: redacted
    assert TOKEN not in output


async def test_webhook_mode_answers(emu: Any, e2e_services: Any, e2e_data_dir: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = bot_settings(
        e2e_data_dir, telegram_api_base_url=emu.base_url, webhook_listen="127.0.0.1",
        webhook_port=port, webhook_url=f"http://127.0.0.1:{port}/kutip/hook",
    )
    app = build_application(settings, e2e_services, options=BotOptions(warm_up=False))
    await app.initialize()
    await app.start()
    await app.updater.start_webhook(**webhook_options(settings))
    try:
        assert emu.calls("setWebhook")[-1]["params"]["url"].endswith(f":{port}/kutip/hook")
        _, [answer] = await ask(emu, 516, 516, SEED_QUESTION)
        assert SEED_QUOTE in text_of(answer)
        assert not emu.calls("getUpdates")
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


# ---- who said what ---------------------------------------------------------------------

NO_STATEMENT_QUESTION = "What did Petra Lindqvist say about the football final?"


def blockquotes(event: dict[str, Any]) -> list[str]:
    """The text of every blockquote the user sees (entity offsets are UTF-16 units)."""
    data = text_of(event).encode("utf-16-le")
    return [data[e["offset"] * 2:(e["offset"] + e["length"]) * 2].decode("utf-16-le")
            for e in event["message"].get("entities", []) if e["type"] == "blockquote"]


def assert_verbatim(events: list[dict[str, Any]], services: Any) -> int:
    """Every quote shown is a verbatim span of a stored article; returns how many."""
    texts = [r.text for r in services.store.get_articles(
        [r.article_id for r in services.store.articles()]).values()]
    shown = [q for event in events for q in blockquotes(event)]
    for quote in shown:
        assert any(quote in text for text in texts), quote
    return len(shown)


async def test_said_question_shows_the_persons_statement_first_with_their_name(
    emu: Any, live_bot: Any, e2e_services: Any
) -> None:
    await live_bot()
    _, [answer] = await ask(emu, 531, 531, SEED_QUESTION)
    lines = text_of(answer).split("\n")
    assert lines[0] == "Yuri Ushakov, quoted in 1 article:"
    assert blockquotes(answer)[0] == SEED_QUOTE  # the Iran statement first
    assert lines[4] == "1. — Yuri Ushakov, penasihat kebijakan luar negeri Kremlin"
    assert text_of(answer).count("Trump dan Putin bahas Ukraina dan Iran lewat telepon") == 1
    assert assert_verbatim([answer], e2e_services) == 3


async def test_a_person_quoted_on_another_topic_gets_a_clear_no_statement_reply(
    emu: Any, live_bot: Any, e2e_services: Any
) -> None:
    await live_bot()
    _, [refusal] = await ask(emu, 532, 532, NO_STATEMENT_QUESTION)
    text = text_of(refusal)
    assert text.startswith(
        "I found no statement by Petra Lindqvist about the football final.\n"
        "Petra Lindqvist is quoted in:\n"
        "• Central bank of Norland holds interest rates at 4.5 percent · rates.txt")
    assert "Their closest statements, which are not about this:" in text
    assert "— Petra Lindqvist, Governor" in text
    assert "Harbour City" not in text  # nobody else's words, nor the football article
    assert not buttons(refusal)
    assert assert_verbatim([refusal], e2e_services) == 1


async def test_who_lists_what_a_person_is_quoted_as_saying(
    emu: Any, live_bot: Any, e2e_services: Any
) -> None:
    await live_bot()
    _, [listing] = await ask(emu, 533, 533, "/who Ushakov")
    text = text_of(listing)
    assert text.startswith("What Yuri Ushakov is quoted as saying, newest first:\n\n"
                           "Trump dan Putin bahas Ukraina dan Iran lewat telepon · "
                           "seed-bbn-ushakov.txt\n")
    assert text.count("— Yuri Ushakov, penasihat kebijakan luar negeri Kremlin") == 3
    assert assert_verbatim([listing], e2e_services) == 3
    assert [b["text"] for b in buttons(listing)][:3] == ["¶ 1", "¶ 2", "¶ 3"]
    _, [on_topic] = await ask(emu, 533, 533, "/who Ushakov about Iran")
    assert blockquotes(on_topic)[0] == SEED_QUOTE
    assert emu.failed_calls() == []


async def test_indonesian_questions_get_indonesian_words_and_english_ones_english(
    emu: Any, live_bot: Any, e2e_services: Any
) -> None:
    await live_bot()
    user = {"id": 534, "first_name": "Sari", "language_code": "en"}
    _, [indonesian] = await ask(emu, 534, user, "Apa kata Ushakov soal Iran?")
    assert text_of(indonesian).startswith("Yuri Ushakov, dikutip dalam 1 artikel:\n\n")
    assert blockquotes(indonesian)[0] == SEED_QUOTE  # quotes stay in the article's language
    assert [b["text"] for b in buttons(indonesian)][-1] == "Kutipan lain ▸"
    _, [refusal] = await ask(emu, 534, user, "Apa kata Petra Lindqvist soal final sepak bola?")
    assert text_of(refusal).startswith(
        "Saya tidak menemukan pernyataan Petra Lindqvist tentang final sepak bola.")
    _, [english] = await ask(emu, 535, {"id": 535, "language_code": "id"}, SEED_QUESTION)
    assert text_of(english).startswith("Yuri Ushakov, quoted in 1 article:")
    _, [help_id] = await ask(emu, 535, {"id": 535, "language_code": "id"}, "/help")
    assert text_of(help_id).startswith("Saya mengetahui ")  # (uploads change the count)
    assert "• Apa kata Yuri Ushakov soal " in text_of(help_id)
    assert assert_verbatim([indonesian, refusal, english], e2e_services) == 7
