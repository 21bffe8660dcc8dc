"""bot.main: configuration errors, URLs, wiring, and the token never reaching the logs."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from telegram.ext import AIORateLimiter, CommandHandler

import bot
from bot.context import BOT_DATA_KEY, BotOptions
from bot.main import _file_base_url, build_application, protect_token
from bot.state import AnswerPage, AskedQuestion, ShownQuote
from index.lock import WriteLock
from kutip.app import run_bot
from kutip.errors import ConfigError, StoreLocked
from kutip.settings import load_settings
from tests.bot.bot_support import TOKEN, OfflineBotApi, bot_settings


def test_exports_are_sorted_and_real() -> None:
    assert bot.__all__ == sorted(bot.__all__)
    assert all(hasattr(bot, name) for name in bot.__all__)


def test_missing_token_is_a_clear_config_error(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, telegram_bot_token="")
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN is not set"):
        run_bot(settings)
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        build_application(settings, services=None)  # type: ignore[arg-type]


def test_kutip_bot_without_token_exits_with_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kutip.cli import main

    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("KUTIP_DATA_DIR", str(tmp_path))
    assert main(["bot"]) == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("api", "files", "expected"),
    [
        pytest.param("https://api.telegram.org/bot", None, "https://api.telegram.org/file/bot",
                     id="official"),
        pytest.param("http://127.0.0.1:8081/bot", None, "http://127.0.0.1:8081/file/bot",
                     id="local-server"),
        pytest.param("http://127.0.0.1:9/bot", "http://files:1/file/bot",
                     "http://files:1/file/bot", id="explicit"),
    ],
)
def test_file_base_url(tmp_path: Path, api: str, files: str | None, expected: str) -> None:
    settings = load_settings(data_dir=tmp_path, telegram_api_base_url=api,
                             telegram_file_base_url=files)
    assert _file_base_url(settings) == expected


def test_wiring(tmp_path: Path) -> None:
    settings = bot_settings(tmp_path, telegram_api_base_url="http://127.0.0.1:9/bot")
    services = SimpleNamespace(store=object())  # nothing is called while wiring
    app = build_application(settings, services=services, request=OfflineBotApi())  # type: ignore[arg-type]
    assert app.bot.base_url == f"http://127.0.0.1:9/bot{TOKEN}"
    assert app.bot.base_file_url == f"http://127.0.0.1:9/file/bot{TOKEN}"
    assert isinstance(app.bot.rate_limiter, AIORateLimiter)
    assert app.concurrent_updates > 1
    commands = {c for h in app.handlers[0] if isinstance(h, CommandHandler) for c in h.commands}
    assert commands == {"start", "help", "ask", "who", "sources", "reindex", "add", "remove"}
    assert len(app.error_handlers) == 1
    app.bot_data[BOT_DATA_KEY].state.close()


def test_token_is_redacted_everywhere(caplog: pytest.LogCaptureFixture) -> None:
    redactor = protect_token(TOKEN)
    caplog.handler.addFilter(redactor)
    log = logging.getLogger("telegram.ext.test")
    with caplog.at_level(logging.DEBUG):
        log.debug("Set Bot API URL: %s", f"https://api.telegram.org/bot{TOKEN}")
        log.info(f"plain {TOKEN} message")
        try:
            raise RuntimeError(f"failed https://x/bot{TOKEN}/getUpdates")
        except RuntimeError:
            log.exception("polling failed")
    assert TOKEN not in caplog.text
    assert "<TOKEN>" in caplog.text and "polling failed" in caplog.text
    assert logging.getLogger("httpx").level == logging.WARNING


def test_bot_refuses_to_start_while_the_index_is_locked(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Any] = []
    monkeypatch.setattr("telegram.ext.Application.run_polling",
                        lambda self, **kw: started.append(kw))
    settings = bot_settings(tmp_path / "data")
    with WriteLock(settings.data_dir, holder="kutip index"), \
            pytest.raises(StoreLocked, match="kutip index"):
        run_bot(settings)
    assert started == []
    run_bot(settings)  # free again: polls (patched), holding the lock meanwhile
    assert started and started[0]["allowed_updates"] == ["message", "edited_message", "callback_query"]


def test_webhook_mode_is_used_when_a_url_is_set(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("telegram.ext.Application.run_webhook",
                        lambda self, **kw: calls.append(kw))
    monkeypatch.setattr("telegram.ext.Application.run_polling",
                        lambda self, **kw: pytest.fail("polled in webhook mode"))
    run_bot(bot_settings(tmp_path / "data", webhook_url="https://bot.example.org/hook/kutip",
                         webhook_port=8443))
    [options] = calls
    assert options["url_path"] == "hook/kutip" and options["port"] == 8443
    assert options["webhook_url"] == "https://bot.example.org/hook/kutip"
    assert len(options["secret_token"]) >= 32


def _state_rows(path: Path) -> int:
    """Rows in both state tables, read through a connection of its own."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        return sum(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                   for t in ("pages", "answers"))


async def test_expired_state_is_pruned_while_the_bot_runs(tmp_path: Path) -> None:
    options = BotOptions(warm_up=False, state_ttl=0.5, prune_interval=0.2)
    services: Any = SimpleNamespace(store=object())
    app = build_application(bot_settings(tmp_path), services=services, options=options,
                            request=OfflineBotApi())
    state = app.bot_data[BOT_DATA_KEY].state
    await app.initialize()
    await app.start()
    try:
        asked = AskedQuestion("What did Ushakov say?")
        state.save_page(AnswerPage(asked, 0, [ShownQuote("a", 0, 5, "T")]))
        state.remember_answer(42, [1, 2], asked)
        assert _state_rows(state.path) == 3
        deadline = time.monotonic() + 10.0
        while _state_rows(state.path) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert _state_rows(state.path) == 0, "old rows must go while the bot runs"
    finally:
        await app.stop()
        await app.shutdown()
        state.close()
