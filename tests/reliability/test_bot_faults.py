"""Telegram-side faults: flood waits and network errors of the Bot API, injected by the emulator.

The user's question must survive them: RetryAfter (429) is retried by PTB's
AIORateLimiter, a 502 or a dropped connection on sendMessage by the reply path
(`bot.handlers._send_retrying`), and failing getUpdates by PTB's polling loop. When the
errors do not stop, the user is told to try again instead of being left waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.messages import t
from tests.auxil.seed import SEED_QUESTION, SEED_QUOTE
from tests.bot.conftest import emu, emulator, fixture_index  # noqa: F401  (fixtures)
from tests.reliability.test_bot_load import ask, private_services, running_bot, text_of

APOLOGY = t("en", "apology")

pytestmark = [pytest.mark.e2e,
              pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")]

WAIT = 60.0


@pytest.fixture(scope="module")
def fault_services(fixture_index: Path, tmp_path_factory: pytest.TempPathFactory,  # noqa: F811
                   embedder: Any) -> Iterator[tuple[Any, Path]]:
    data_dir = tmp_path_factory.mktemp("faults") / "data"
    with private_services(fixture_index, data_dir, embedder) as services:
        yield services, data_dir


async def _answers_once(emu: Any, chat: int) -> dict[str, Any]:  # noqa: F811
    """Ask the seed question; exactly one answer, with the right quote, reaches the user."""
    since = emu.last_seq()
    answer = await ask(emu, chat, SEED_QUESTION, wait=WAIT)
    assert SEED_QUOTE in text_of(answer)
    await emu.aio.wait_until_updates_consumed(WAIT)
    assert len(emu.bot_messages(chat, since=since)) == 1
    return answer


@pytest.mark.parametrize(("method", "kind", "count"), [
    pytest.param("sendMessage", "retry_after", 1, id="sendMessage-429-once"),
    pytest.param("sendMessage", "retry_after", 2, id="sendMessage-429-twice", marks=pytest.mark.slow),
    pytest.param("sendMessage", "502", 1, id="sendMessage-502-once"),
    pytest.param("sendMessage", "502", 2, id="sendMessage-502-twice"),
    pytest.param("sendMessage", "disconnect", 1, id="sendMessage-disconnect"),
    pytest.param("sendMessage", "disconnect", 2, id="sendMessage-disconnect-twice", marks=pytest.mark.slow),
    pytest.param("sendChatAction", "502", 1, id="typing-502"),
    pytest.param("sendChatAction", "retry_after", 1, id="typing-429", marks=pytest.mark.slow),
    pytest.param("getUpdates", "502", 2, id="getUpdates-502"),
    pytest.param("getUpdates", "disconnect", 1, id="getUpdates-disconnect", marks=pytest.mark.slow),
])
async def test_question_survives_bot_api_faults(
    emu: Any, fault_services: tuple[Any, Path], method: str, kind: str, count: int,  # noqa: F811
) -> None:
    services, data_dir = fault_services
    async with running_bot(emu, services, data_dir):
        await _answers_once(emu, 800)  # warm: the first search builds the lexical snapshot
        since = emu.last_seq()
        emu.inject_fault(method, kind, count, retry_after=1)
        await _answers_once(emu, 801)
        faulted = [c for c in emu.calls(method, since=since) if c.get("fault")]
        assert len(faulted) == count  # the faults did hit the bot


async def test_network_errors_that_do_not_stop_are_reported_once(
    emu: Any, fault_services: tuple[Any, Path]  # noqa: F811
) -> None:
    services, data_dir = fault_services
    async with running_bot(emu, services, data_dir):
        await _answers_once(emu, 810)
        since = emu.last_seq()
        emu.inject_fault("sendMessage", "502", 3)  # every attempt at the answer fails
        emu.send_text(811, 811, SEED_QUESTION)
        [reply] = await emu.aio.wait_for_messages(811, 1, WAIT, since=since)
        assert text_of(reply) == APOLOGY  # told to try again, not left waiting
        await emu.aio.wait_until_updates_consumed(WAIT)
        assert len(emu.bot_messages(811, since=since)) == 1
        assert len(emu.calls("sendMessage", since=since)) == 4  # 3 attempts + the apology
        await _answers_once(emu, 811)  # and the next question is answered


async def test_flood_wait_under_load_loses_nothing(
    emu: Any, fault_services: tuple[Any, Path]  # noqa: F811
) -> None:
    services, data_dir = fault_services
    async with running_bot(emu, services, data_dir):
        await _answers_once(emu, 820)
        since = emu.last_seq()
        emu.inject_fault("sendMessage", "retry_after", 3, retry_after=1)
        emu.inject_fault("sendMessage", "502", 2)
        users = list(range(821, 831))
        for user in users:
            emu.send_text(user, user, SEED_QUESTION)
        answers = await emu.aio.wait_for_messages(None, len(users), WAIT, since=since)
        await emu.aio.wait_until_updates_consumed(WAIT)
        answers = emu.bot_messages(since=since)
        assert sorted(a["chat_id"] for a in answers) == users  # each exactly once
        assert all(SEED_QUOTE in text_of(a) for a in answers)
