"""Reusable pytest fixtures for the Bot API emulator.

Enable them elsewhere with ``pytest_plugins = ["tests.emulator.fixtures"]`` in a conftest.py
(when ``tests`` is importable), or import them: ``from tests.emulator.fixtures import *``.

* ``bot_api_emulator_process`` (session): one node process for the whole run, stopped at the end.
* ``bot_api_emulator`` (function): the same emulator, reset before each test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .client import BotApiEmulator, node_available


@pytest.fixture(scope="session")
def bot_api_emulator_process() -> Iterator[BotApiEmulator]:
    if not node_available():
        pytest.skip("Node.js is not installed; the Bot API emulator needs it")
    emu = BotApiEmulator()
    emu.start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def bot_api_emulator(bot_api_emulator_process: BotApiEmulator) -> Iterator[BotApiEmulator]:
    emu = bot_api_emulator_process
    if not emu.running:  # e.g. a test stopped it
        emu.start()
    emu.clear_faults()
    emu.reset()
    yield emu
    if emu.running:
        emu.clear_faults()
