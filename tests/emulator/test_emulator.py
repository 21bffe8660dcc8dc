"""End-to-end tests: a real python-telegram-bot v22 Application against the local Bot API emulator."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import socket
import subprocess
import time
from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from .client import EMULATOR_DIR, BotApiEmulator, EmulatorError

ALICE = {"id": 1001, "first_name": "Alice", "username": "alice"}
BOB = {"id": 1002, "first_name": "Bob", "username": None}
PRIVATE = ALICE["id"]  # private chat with Alice
GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Test group"}
GROUP_ID = GROUP["id"]
COMMANDS = [BotCommand("start", "Start the bot"), BotCommand("help", "Show help")]

pytestmark = pytest.mark.e2e  # every test here talks to the node emulator on 127.0.0.1

# --------------------------------------------------------------------------------------------
# The bot under test
# --------------------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Yes", callback_data="vote:yes"),
                InlineKeyboardButton("No", callback_data="vote:no"),
            ]
        ]
    )
    await update.effective_message.reply_html(
        f"<b>Welcome</b>, {update.effective_user.first_name}! Vote:", reply_markup=keyboard
    )


async def vote(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer("Thanks!")
    await query.edit_message_text(f"You chose {query.data.split(':', 1)[1]}")


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    document = update.effective_message.document
    tg_file = await document.get_file()
    data = await tg_file.download_as_bytearray()
    await update.effective_message.reply_text(
        f"got {document.file_name} {len(data)} bytes sha256={hashlib.sha256(data).hexdigest()}"
    )


async def on_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await context.bot.send_message(
        update.effective_chat.id, f"edited: {update.edited_message.text}"
    )


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(update.effective_message.text)


def build_app(emu: BotApiEmulator) -> Application:
    app = (
        Application.builder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(vote, pattern=r"^vote:"))
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, on_edit))
    app.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, echo)
    )
    return app


@pytest.fixture
def emu(bot_api_emulator: BotApiEmulator) -> BotApiEmulator:
    return bot_api_emulator


@pytest_asyncio.fixture
async def bot_app(emu: BotApiEmulator) -> AsyncIterator[Application]:
    app = build_app(emu)
    async with app:  # initialize() -> getMe ... shutdown()
        await app.bot.set_my_commands(COMMANDS)  # what a post_init would do
        await app.start()
        await app.updater.start_polling(timeout=5, poll_interval=0)
        try:
            yield app
        finally:
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()


# --------------------------------------------------------------------------------------------
# PTB end to end
# --------------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_startup_get_me_and_commands(bot_app: Application, emu: BotApiEmulator) -> None:
    assert bot_app.bot.id == 123
    assert bot_app.bot.username == "TestNameBot"
    assert bot_app.bot.bot.is_bot is True
    assert [c["method"] for c in emu.calls("getMe")] == ["getMe"]
    assert len(emu.calls("deleteWebhook")) == 1  # start_polling
    (set_cmds,) = emu.calls("setMyCommands")
    assert set_cmds["params"]["commands"] == [
        {"command": "start", "description": "Start the bot"},
        {"command": "help", "description": "Show help"},
    ]
    assert tuple(await bot_app.bot.get_my_commands()) == tuple(COMMANDS)
    await emu.aio.wait_for_calls("getUpdates", 1)  # polling is running


@pytest.mark.asyncio
async def test_echo_in_private_chat(bot_app: Application, emu: BotApiEmulator) -> None:
    sent = emu.send_text(PRIVATE, ALICE, "hello there")
    assert sent["chat"] == {
        "id": PRIVATE,
        "type": "private",
        "first_name": "Alice",
        "username": "alice",
    }
    assert isinstance(sent["date"], int) and abs(sent["date"] - time.time()) < 60  # seconds
    (reply,) = await emu.aio.wait_for_messages(PRIVATE, 1)
    assert reply["text"] == "hello there"
    assert reply["message"]["from"]["is_bot"] is True
    assert "reply_to_message" not in reply["message"]  # PTB does not quote in private chats


@pytest.mark.asyncio
async def test_echo_in_group_quotes_the_user(bot_app: Application, emu: BotApiEmulator) -> None:
    sent = emu.send_text(GROUP, BOB, "hi group")
    assert "username" not in sent["from"]
    (reply,) = await emu.aio.wait_for_messages(GROUP_ID, 1)
    assert reply["text"] == "hi group"
    assert reply["message"]["chat"]["type"] == "supergroup"
    # PTB form-encodes reply_parameters as a JSON string; the emulator parses it
    assert reply["params"]["reply_parameters"]["message_id"] == sent["message_id"]
    assert reply["message"]["reply_to_message"]["message_id"] == sent["message_id"]
    assert reply["message"]["reply_to_message"]["text"] == "hi group"


@pytest.mark.asyncio
async def test_start_command_sends_html_keyboard_and_chat_action(
    bot_app: Application, emu: BotApiEmulator
) -> None:
    sent = emu.send_text(PRIVATE, ALICE, "/start")
    assert sent["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    (reply,) = await emu.aio.wait_for_messages(PRIVATE, 1)
    assert reply["text"] == "Welcome, Alice! Vote:"
    assert reply["message"]["entities"] == [{"type": "bold", "offset": 0, "length": 7}]
    assert reply["params"]["parse_mode"] == "HTML"
    assert reply["params"]["text"] == "<b>Welcome</b>, Alice! Vote:"
    buttons = reply["message"]["reply_markup"]["inline_keyboard"][0]
    assert [(b["text"], b["callback_data"]) for b in buttons] == [
        ("Yes", "vote:yes"),
        ("No", "vote:no"),
    ]
    # the chat action came first, and is recorded both as a call and on the chat's timeline
    (action,) = emu.events(PRIVATE, kinds=["chat_action"])
    assert action["action"] == "typing" and action["seq"] < reply["seq"]
    assert emu.calls("sendChatAction")[0]["params"] == {"chat_id": PRIVATE, "action": "typing"}


@pytest.mark.asyncio
async def test_command_addressed_to_bot_in_group(bot_app: Application, emu: BotApiEmulator) -> None:
    other = emu.send_text(GROUP, ALICE, "/start@SomeOtherBot")
    assert other["entities"] == [{"type": "bot_command", "offset": 0, "length": 19}]
    mark = emu.last_seq()
    emu.send_text(GROUP, ALICE, "/start@TestNameBot please")
    (reply,) = await emu.aio.wait_for_messages(GROUP_ID, 1, since=mark)
    assert reply["text"].startswith("Welcome, Alice!")
    await emu.aio.wait_until_updates_consumed()
    assert len(emu.bot_messages(GROUP_ID)) == 1  # the command for another bot was ignored
    mention = emu.send_text(GROUP, BOB, "hey @TestNameBot look")
    assert mention["entities"] == [{"type": "mention", "offset": 4, "length": 12}]


@pytest.mark.asyncio
async def test_callback_query_edits_message(bot_app: Application, emu: BotApiEmulator) -> None:
    emu.send_text(PRIVATE, ALICE, "/start")
    (menu,) = await emu.aio.wait_for_messages(PRIVATE, 1)
    mark = emu.last_seq()
    query = emu.press_button(PRIVATE, ALICE, menu["message_id"], text="No")
    assert query["data"] == "vote:no"
    assert query["chat_instance"] and query["message"]["message_id"] == menu["message_id"]
    (edit,) = await emu.aio.wait_for_events(PRIVATE, 1, since=mark, kinds=["edit"])
    assert edit["method"] == "editMessageText"
    assert edit["text"] == "You chose no"
    assert "reply_markup" not in edit["message"]  # edited without a keyboard -> removed
    assert isinstance(edit["message"]["edit_date"], int)
    (answer,) = emu.events(PRIVATE, since=mark, kinds=["callback_answer"])
    assert answer["text"] == "Thanks!" and answer["callback_query_id"] == query["id"]
    current = emu.message(PRIVATE, menu["message_id"])
    assert current["message"]["text"] == "You chose no" and not current["deleted"]
    with pytest.raises(EmulatorError, match="(?i)no button"):
        emu.press_button(PRIVATE, ALICE, menu["message_id"], data="vote:yes")  # keyboard is gone
    # answering the same query twice is an error, like on Telegram
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot_app.bot.answer_callback_query(query["id"])


@pytest.mark.asyncio
async def test_document_is_downloaded_by_the_bot(bot_app: Application, emu: BotApiEmulator) -> None:
    content = os.urandom(5000) + b"\x00\r\n--boundary--\r\n"
    sent = emu.send_document(PRIVATE, ALICE, content, file_name="report.bin", caption="see /start")
    assert sent["document"]["file_size"] == len(content)
    (reply,) = await emu.aio.wait_for_messages(PRIVATE, 1)
    assert (
        reply["text"]
        == f"got report.bin {len(content)} bytes sha256={hashlib.sha256(content).hexdigest()}"
    )
    (get_file,) = emu.calls("getFile")
    assert get_file["params"]["file_id"] == sent["document"]["file_id"]
    assert len(emu.calls("file_download")) == 1


@pytest.mark.asyncio
async def test_bot_uploads_document_and_photo(bot_app: Application, emu: BotApiEmulator) -> None:
    payload = b"name,value\n" + os.urandom(2048)
    msg = await bot_app.bot.send_document(
        PRIVATE,
        InputFile(payload, filename="data.csv"),
        caption="<i>export</i>",
        parse_mode=ParseMode.HTML,
    )
    assert msg.document.file_name == "data.csv" and msg.caption == "export"
    assert msg.caption_entities[0].type == "italic"
    assert emu.file_content(msg.document.file_id) == payload
    tg_file = await bot_app.bot.get_file(msg.document.file_id)
    assert bytes(await tg_file.download_as_bytearray()) == payload
    photo = await bot_app.bot.send_photo(PRIVATE, photo=msg.document.file_id)  # re-send by file_id
    assert photo.photo[-1].file_id == msg.document.file_id
    assert [e["method"] for e in emu.bot_messages(PRIVATE)] == ["sendDocument", "sendPhoto"]


@pytest.mark.asyncio
async def test_user_edit_arrives_as_edited_message(
    bot_app: Application, emu: BotApiEmulator
) -> None:
    sent = emu.send_text(PRIVATE, ALICE, "first")
    await emu.aio.wait_for_messages(PRIVATE, 1)
    mark = emu.last_seq()
    emu.edit_text(PRIVATE, ALICE, sent["message_id"], "second")
    (reply,) = await emu.aio.wait_for_messages(PRIVATE, 1, since=mark)
    assert reply["text"] == "edited: second"


@pytest.mark.asyncio
async def test_reply_keyboard_is_recorded(bot_app: Application, emu: BotApiEmulator) -> None:
    await bot_app.bot.send_message(
        PRIVATE, "pick", reply_markup=ReplyKeyboardMarkup([["A", "B"]], resize_keyboard=True)
    )
    (event,) = emu.bot_messages(PRIVATE)
    assert "reply_markup" not in event["message"]  # a Message only carries inline keyboards
    assert event["reply_markup"]["keyboard"] == [[{"text": "A"}, {"text": "B"}]]
    assert event["params"]["reply_markup"]["resize_keyboard"] is True


@pytest.mark.asyncio
async def test_telegram_validation_errors(bot_app: Application, emu: BotApiEmulator) -> None:
    bot = bot_app.bot
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await bot.send_message(PRIVATE, "<b>unclosed", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="(?i)Character '!' is reserved"):
        await bot.send_message(PRIVATE, "Hello!", parse_mode=ParseMode.MARKDOWN_V2)
    ok = await bot.send_message(PRIVATE, r"*Hi* \(_there_\)\!", parse_mode=ParseMode.MARKDOWN_V2)
    assert ok.text == "Hi (there)!" and [e.type for e in ok.entities] == ["bold", "italic"]
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(
            PRIVATE,
            "x",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("b", callback_data="x" * 65)]]
            ),
        )
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text(
            r"*Hi* \(_there_\)\!", PRIVATE, ok.message_id, parse_mode=ParseMode.MARKDOWN_V2
        )
    # the same text without entities is a change
    edited = await bot.edit_message_text("Hi (there)!", PRIVATE, ok.message_id)
    assert edited.text == "Hi (there)!" and not edited.entities
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(PRIVATE, "   ")
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(PRIVATE, "x" * 4097)
    with pytest.raises(BadRequest, match="(?i)message to be replied not found"):
        await bot.send_message(PRIVATE, "x", reply_to_message_id=999)
    assert await bot.delete_message(PRIVATE, ok.message_id) is True
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await bot.delete_message(PRIVATE, ok.message_id)
    (deleted,) = emu.events(PRIVATE, kinds=["delete"])
    assert deleted["message_id"] == ok.message_id
    failed = emu.failed_calls()
    assert {c["error_code"] for c in failed} == {400} and len(failed) == 8


# --------------------------------------------------------------------------------------------
# Fault injection
# --------------------------------------------------------------------------------------------


@pytest.mark.asyncio
# PTB itself reads the deprecated int-valued RetryAfter.retry_after
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_retry_after_fault(bot_app: Application, emu: BotApiEmulator) -> None:
    emu.inject_fault("sendMessage", "retry_after", count=2, retry_after=3)
    status, body = await emu.aio.bot_api("sendMessage", chat_id=PRIVATE, text="raw")
    assert status == 429
    assert body == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3},
    }
    with pytest.raises(RetryAfter) as excinfo:
        await bot_app.bot.send_message(PRIVATE, "through PTB")
    assert "Retry in 3 seconds" in str(excinfo.value)
    msg = await bot_app.bot.send_message(PRIVATE, "after the flood")  # faults are used up
    assert msg.text == "after the flood"
    faulted = [c for c in emu.calls("sendMessage") if c.get("fault")]
    assert [c["error_code"] for c in faulted] == [429, 429]


@pytest.mark.asyncio
async def test_network_and_other_error_faults(bot_app: Application, emu: BotApiEmulator) -> None:
    bot = bot_app.bot
    emu.inject_fault("sendMessage", "502")
    with pytest.raises(NetworkError, match="(?i)Bad Gateway"):
        await bot.send_message(PRIVATE, "x")
    emu.inject_fault("sendMessage", "disconnect")
    with pytest.raises(NetworkError):
        await bot.send_message(PRIVATE, "x")
    emu.inject_fault("sendMessage", 403)
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(PRIVATE, "x")
    emu.inject_fault("*", "error", error_code=400, description="Bad Request: chat not found")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_chat_action(PRIVATE, ChatAction.TYPING)
    assert (await bot.send_message(PRIVATE, "fine")).text == "fine"


@pytest.mark.asyncio
# PTB itself reads the deprecated int-valued RetryAfter.retry_after
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_polling_survives_get_updates_faults(
    bot_app: Application, emu: BotApiEmulator
) -> None:
    mark = emu.last_seq()
    emu.inject_fault("getUpdates", "502")
    emu.inject_fault("getUpdates", "retry_after", retry_after=1)
    emu.send_text(PRIVATE, ALICE, "one")  # answers the pending long poll; the next polls fail
    await emu.aio.wait_for_messages(PRIVATE, 1, since=mark)
    faulted = await emu.aio.wait_for_calls("getUpdates", 2, timeout=10, since=mark)
    assert sum(1 for c in faulted if c.get("fault")) >= 1
    emu.send_text(PRIVATE, ALICE, "two")
    replies = await emu.aio.wait_for_messages(PRIVATE, 2, since=mark, timeout=15)
    assert [r["text"] for r in replies] == ["one", "two"]
    assert {c.get("fault") for c in emu.calls("getUpdates", since=mark)} >= {
        "bad_gateway",
        "retry_after",
    }


# --------------------------------------------------------------------------------------------
# Raw Bot API semantics (no PTB)
# --------------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_get_updates_long_polling_offset_and_allowed_updates(emu: BotApiEmulator) -> None:
    url = f"{emu.base_url}{emu.token}/getUpdates"
    async with httpx.AsyncClient(timeout=20) as http:
        assert (await http.post(url, data={"timeout": "0"})).json() == {"ok": True, "result": []}

        # long poll: returns as soon as an update arrives, not after the timeout
        async def later() -> None:
            await asyncio.sleep(0.3)
            await asyncio.to_thread(emu.send_text, PRIVATE, ALICE, "wake up")

        t0 = time.monotonic()
        resp, _ = await asyncio.gather(http.post(url, data={"timeout": "10"}), later())
        assert time.monotonic() - t0 < 5
        (update,) = resp.json()["result"]
        assert update["message"]["text"] == "wake up"
        # not confirmed yet -> delivered again; confirmed by offset -> gone
        again = (await http.post(url, data={"timeout": "0"})).json()["result"]
        assert [u["update_id"] for u in again] == [update["update_id"]]
        t0 = time.monotonic()
        empty = await http.post(url, data={"offset": str(update["update_id"] + 1), "timeout": "1"})
        assert empty.json()["result"] == [] and time.monotonic() - t0 >= 0.9

        # allowed_updates (form-encoded JSON list) filters updates created afterwards
        await http.post(
            url, data={"timeout": "0", "allowed_updates": json.dumps(["callback_query"])}
        )
        emu.send_text(PRIVATE, ALICE, "dropped")
        assert emu.state()["pending_updates"] == 0
        await http.post(url, data={"timeout": "0", "allowed_updates": "[]"})  # back to the default
        emu.send_text(PRIVATE, ALICE, "kept")
        kept = (await http.post(url, data={"timeout": "0"})).json()["result"]
        assert [u["message"]["text"] for u in kept] == ["kept"]


def test_client_errors_and_state(emu: BotApiEmulator) -> None:
    with pytest.raises(EmulatorError, match="(?i)not found"):
        emu.press_button(PRIVATE, ALICE, 12345, data="x")
    with pytest.raises(EmulatorError, match="(?i)to reply to not found"):
        emu.send_text(PRIVATE, ALICE, "x", reply_to=999)
    status, body = emu.bot_api("getFile", file_id="nope")
    assert status == 400 and body["description"] == "Bad Request: invalid file_id"
    status, body = emu.bot_api("setChatMenuButton", menu_button={"type": "commands"})
    assert status == 200 and body["result"] is True
    assert emu.bot_api("getChatMenuButton")[1]["result"] == {"type": "commands"}
    status, body = emu.bot_api("someFutureMethod", foo=1)
    assert status == 200 and body["result"] is True
    assert emu.calls("someFutureMethod")[0]["unmodeled"] is True
    with httpx.Client() as http:
        assert http.get(f"{emu.base_file_url}{emu.token}/documents/missing").status_code == 404
        assert http.post(f"{emu.base_url}not-a-token/getMe").status_code == 404


def test_telegram_test_api_client_compatibility(emu: BotApiEmulator) -> None:
    """telegram-test-api's own TelegramClient works against the emulator's client routes."""
    script = r"""
const TelegramServer = require('telegram-test-api');
const [port, token] = process.argv.slice(1);
const client = new TelegramServer({ port: Number(port), host: '127.0.0.1' }).getClient(token, { timeout: 5000, chatId: 1001, userId: 1001 });
(async () => {
  await client.sendMessage(client.makeMessage('hello from tta'));
  await client.sendCommand(client.makeCommand('/start'));
  const res = await fetch(`http://127.0.0.1:${port}/bot${token}/sendMessage`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: 1001, text: 'bot says hi' }),
  });
  if (!res.ok) throw new Error(`sendMessage ${res.status}`);
  const updates = await client.getUpdates();
  console.log(JSON.stringify(updates.result.map((u) => u.message.text)));
})().catch((e) => { console.error(e); process.exit(1); });
"""
    out = subprocess.run(
        ["node", "-e", script, str(emu.port), emu.token],
        cwd=EMULATOR_DIR,
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["bot says hi"]
    user_msgs = emu.events(PRIVATE, direction="user", kinds=["message"])
    assert [e["text"] for e in user_msgs] == ["hello from tta", "/start"]
    assert user_msgs[1]["message"]["entities"][0]["type"] == "bot_command"


def test_process_lifecycle_and_free_ports(tmp_path: object) -> None:
    first = BotApiEmulator(token="42:OTHER", bot_username="OtherBot")
    second = BotApiEmulator(token="43:OTHER")
    with first, second:
        assert first.port != second.port and first.port and second.port
        assert first.bot_api("getMe")[1]["result"]["username"] == "OtherBot"
        pid = first._proc.pid
        assert first.running
    for emu_ in (first, second):
        assert not emu_.running
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with socket.socket() as sock:
        sock.settimeout(2)
        assert sock.connect_ex(("127.0.0.1", first.port)) != 0  # nothing listens any more
    first.stop()  # idempotent


def test_formatting_entities_use_utf16_offsets(emu: BotApiEmulator) -> None:
    def send(text: str, mode: str) -> dict:
        status, body = emu.bot_api("sendMessage", chat_id=PRIVATE, text=text, parse_mode=mode)
        assert status == 200, body
        return body["result"]

    html = send(
        '👍 <b>bold <i>both</i></b> <a href="https://e.com/?a=1&amp;b=2">link</a> &lt;t&gt; '
        '<pre><code class="language-python">print()</code></pre> <span class="tg-spoiler">s</span>',
        "HTML",
    )
    assert html["text"] == "👍 bold both link <t> print() s"
    assert html["entities"] == [
        {"type": "bold", "offset": 3, "length": 9},  # 👍 is two UTF-16 code units
        {"type": "italic", "offset": 8, "length": 4},
        {"type": "text_link", "url": "https://e.com/?a=1&b=2", "offset": 13, "length": 4},
        {"type": "pre", "offset": 22, "language": "python", "length": 7},
        {"type": "spoiler", "offset": 30, "length": 1},
    ]
    md2 = send("*b _bi_* __u__ ~s~ ||sp|| `c` [l](https://e.com/x\\)) \\. see /help", "MarkdownV2")
    assert md2["text"] == "b bi u s sp c l . see /help"
    assert [(e["type"], e["offset"], e["length"]) for e in md2["entities"]] == [
        ("bold", 0, 4), ("italic", 2, 2), ("underline", 5, 1), ("strikethrough", 7, 1),
        ("spoiler", 9, 2), ("code", 12, 1), ("text_link", 14, 1), ("bot_command", 22, 5),
    ]  # fmt: skip
    assert md2["entities"][6]["url"] == "https://e.com/x)"
    legacy = send("*b* _i_ `c` [l](https://e.com)", "Markdown")
    assert [e["type"] for e in legacy["entities"]] == ["bold", "italic", "code", "text_link"]
    status, body = emu.bot_api("sendMessage", chat_id=PRIVATE, text="a < b", parse_mode="HTML")
    assert status == 400 and "can't parse entities" in body["description"]


def test_webhook_delivery_and_conflict(emu: BotApiEmulator) -> None:
    import http.server
    import queue as queue_mod
    import threading

    received: queue_mod.Queue[tuple[str | None, dict]] = queue_mod.Queue()

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.put((self.headers.get("X-Telegram-Bot-Api-Secret-Token"), json.loads(body)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/hook"
        assert emu.bot_api("setWebhook", url=url, secret_token="s3cret") == (
            200,
            {"ok": True, "result": True},
        )
        assert emu.bot_api("setWebhook", url="https://example.com/hook")[0] == 400  # loopback only
        assert emu.bot_api("getUpdates")[0] == 409
        emu.send_text(PRIVATE, ALICE, "to the webhook")
        secret, update = received.get(timeout=10)
        assert secret == "s3cret" and update["message"]["text"] == "to the webhook"
        deadline = time.monotonic() + 10
        while (info := emu.bot_api("getWebhookInfo")[1]["result"])["pending_update_count"]:
            assert time.monotonic() < deadline, info  # the 200 answer confirms the update
            time.sleep(0.02)
        assert info["url"] == url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert emu.bot_api("deleteWebhook")[1]["result"] is True
    assert emu.bot_api("getUpdates")[1]["result"] == []


@pytest.mark.asyncio
async def test_more_methods_through_ptb(bot_app: Application, emu: BotApiEmulator) -> None:
    from telegram import InputMediaPhoto
    from telegram.error import ChatMigrated

    bot = bot_app.bot
    original = emu.send_text(GROUP, ALICE, "forward me")
    fwd = await bot.forward_message(PRIVATE, GROUP_ID, original["message_id"])
    assert fwd.text == "forward me" and fwd.forward_origin.sender_user.id == ALICE["id"]
    copy_id = await bot.copy_message(PRIVATE, GROUP_ID, original["message_id"])
    assert emu.message(PRIVATE, copy_id.message_id)["message"]["text"] == "forward me"
    album = await bot.send_media_group(
        PRIVATE,
        [InputMediaPhoto(b"\x89PNG fake one", caption="one"), InputMediaPhoto(b"\x89PNG fake two")],
    )
    assert len(album) == 2 and album[0].media_group_id == album[1].media_group_id
    assert emu.file_content(album[1].photo[-1].file_id) == b"\x89PNG fake two"
    emu.set_chat_member(GROUP_ID, ALICE["id"], "administrator")
    member = await bot.get_chat_member(GROUP_ID, ALICE["id"])
    assert member.status == "administrator" and member.can_delete_messages
    assert (await bot.get_chat(GROUP_ID)).title == "Test group"
    emu.inject_fault("sendMessage", "migrate", migrate_to_chat_id=-1009999)
    with pytest.raises(ChatMigrated) as excinfo:
        await bot.send_message(GROUP_ID, "x")
    assert excinfo.value.new_chat_id == -1009999
    emu.inject_fault("sendMessage", "delay", delay=0.3)
    t0 = time.monotonic()
    await bot.send_message(PRIVATE, "slow but fine")
    assert time.monotonic() - t0 >= 0.25
    assert await bot.log_out() is True and await bot.close() is True
