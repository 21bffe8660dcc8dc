"""/remove through the Bot API emulator: an admin confirms with a button, nothing else
removes anything (#13.2). The bot runs on its own copy of the fixture index."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.callbacks import removal_key
from bot.messages import t
from tests.bot.bot_support import (
    ADMIN_ID,
    copy_index,
    services_on,
    start_polling_bot,
    stop_polling_bot,
)
from tests.bot.test_e2e import GROUP, WAIT, ask, buttons, text_of

pytestmark = pytest.mark.e2e

RATES = "rates.txt"
RATES_QUESTION = "What did governor Petra Lindqvist say about interest rates?"


@pytest.fixture
def own_services(fixture_index: Path, tmp_path: Path, embedder: Any) -> Iterator[Any]:
    with services_on(copy_index(fixture_index, tmp_path / "data"), embedder) as built:
        yield built


@pytest.fixture
async def remove_bot(emu: Any, own_services: Any, tmp_path: Path) -> AsyncIterator[Any]:
    app = await start_polling_bot(emu, own_services, tmp_path / "data")
    yield own_services
    await stop_polling_bot(app)


async def _press(emu: Any, user: int, message_id: int, data: str,
                 chat: Any = None, *, edits: bool = False) -> dict[str, Any]:
    """Press a button; the bot's answer to the press (and, with `edits`, its edit after)."""
    since = emu.last_seq()
    chat = user if chat is None else chat
    emu.press_button(chat, user, message_id, data, force=True)
    chat_id = chat if isinstance(chat, int) else chat["id"]
    [alert] = await emu.aio.wait_for_events(chat_id, 1, WAIT, since=since,
                                             kinds=["callback_answer"])
    if edits:
        await emu.aio.wait_for_events(chat_id, 1, WAIT, since=since, kinds=["edit"])
    return alert


def _ids(services: Any) -> set[str]:
    return {r.article_id for r in services.store.articles()}


async def test_admin_removes_an_article_only_on_the_confirming_press(
    emu: Any, remove_bot: Any
) -> None:
    services = remove_bot
    assert RATES in _ids(services)
    _, [answer] = await ask(emu, 601, 601, RATES_QUESTION)
    assert "Lindqvist" in text_of(answer)

    _, [refused] = await ask(emu, 602, 602, f"/remove {RATES}")
    assert text_of(refused) == t("en", "admin_only")
    _, [unknown] = await ask(emu, ADMIN_ID, ADMIN_ID, "/remove no-such-article.txt")
    assert "No indexed article has the id or source no-such-article.txt" in text_of(unknown)

    _, [prompt] = await ask(emu, ADMIN_ID, ADMIN_ID, f"/remove {RATES}")
    assert text_of(prompt).startswith("Remove Central bank of Norland")
    confirm, cancel = (b["callback_data"] for b in buttons(prompt))
    assert RATES in _ids(services), "asking removes nothing"

    alert = await _press(emu, ADMIN_ID, prompt["message_id"], cancel, edits=True)
    assert not alert.get("show_alert")
    assert RATES in _ids(services)
    assert text_of(emu.message(ADMIN_ID, prompt["message_id"])).startswith("Kept ")

    pressed = await _press(emu, ADMIN_ID, prompt["message_id"], confirm, edits=True)
    assert RATES not in _ids(services), "the admin's press removed it"
    assert not pressed.get("show_alert")
    assert text_of(emu.message(ADMIN_ID, prompt["message_id"])).startswith("Removed ")
    assert all(r.article_id != RATES for r in services.store.chunk_rows())
    _, [after] = await ask(emu, 601, 601, RATES_QUESTION)
    assert "Lindqvist said" not in text_of(after), "the retriever saw the removal at once"

    since = emu.last_seq()
    again = await _press(emu, ADMIN_ID, prompt["message_id"], confirm)
    assert again["text"] == t("en", "remove_gone") and again["show_alert"]
    await emu.aio.wait_for_calls("editMessageReplyMarkup", since=since, timeout=WAIT)
    assert text_of(emu.message(ADMIN_ID, prompt["message_id"])).startswith("Removed "), \
        "a second tap keeps the confirmation of the first"


async def test_help_and_menu_list_remove_for_admins_only(emu: Any, remove_bot: Any) -> None:
    _, [admin_help] = await ask(emu, ADMIN_ID, ADMIN_ID, "/help")
    assert "/remove ID or source – remove one article (asks to confirm)" in text_of(admin_help)
    _, [user_help] = await ask(emu, 604, 604, "/help")
    assert "/remove" not in text_of(user_help)
    menus = [c["params"]["commands"] for c in emu.calls("setMyCommands")]
    assert any("remove" in str(m) for m in menus) and "remove" not in str(menus[0])


async def test_only_admins_confirm_and_buttons_expire(emu: Any, remove_bot: Any) -> None:
    services = remove_bot
    [record] = [r for r in services.store.articles() if r.article_id == RATES]
    _, [prompt] = await ask(emu, GROUP, ADMIN_ID, f"/remove {RATES}")
    confirm = buttons(prompt)[0]["callback_data"]
    refused = await _press(emu, 603, prompt["message_id"], confirm, chat=GROUP)
    assert refused["text"] == t("en", "admin_only") and refused["show_alert"]
    old = f"rm:{removal_key(record)}:{int(time.time()) - 31 * 24 * 3600}"
    expired = await _press(emu, ADMIN_ID, prompt["message_id"], old, chat=GROUP)
    assert expired["text"] == t("en", "remove_expired") and expired["show_alert"]
    forged = await _press(emu, ADMIN_ID, prompt["message_id"], "rm:zzzz:1", chat=GROUP)
    assert forged["text"] == t("en", "remove_expired")
    assert RATES in _ids(services)


async def test_confirmation_presses_count_against_the_command_limit(
    emu: Any, own_services: Any, tmp_path: Path
) -> None:
    app = await start_polling_bot(emu, own_services, tmp_path / "data", command_rate_limit=2)
    try:
        _, [prompt] = await ask(emu, ADMIN_ID, ADMIN_ID, f"/remove {RATES}")  # 1 of 2
        cancel = buttons(prompt)[1]["callback_data"]
        await _press(emu, ADMIN_ID, prompt["message_id"], cancel, edits=True)  # 2 of 2
        limited = await _press(emu, ADMIN_ID, prompt["message_id"], buttons(prompt)[0][
            "callback_data"])
        assert limited["show_alert"] and "slow down" in limited["text"].lower()
        assert RATES in _ids(own_services)
    finally:
        await stop_polling_bot(app)
