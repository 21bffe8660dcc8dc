"""bot.state and bot.callbacks: buttons and follow-ups that survive a restart."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.callbacks import ButtonData, answer_keyboard, parse_callback_data
from bot.state import AnswerPage, AskedQuestion, BotState, ShownQuote


def page() -> AnswerPage:
    return AnswerPage(AskedQuestion("and Macron?", "What did Ushakov say?"), 1,
                      [ShownQuote("a.txt", 10, 20, "Título <x>")],
                      [ShownQuote("b.txt", 0, 5, "B")])


def test_pages_and_answers_survive_reopening(tmp_path: Path) -> None:
    state = BotState(tmp_path / "state.sqlite3")
    page_id = state.save_page(page())
    state.remember_answer(-100, [5, 6], AskedQuestion("q1", "c0"))
    state.close()
    reopened = BotState(tmp_path / "state.sqlite3")
    assert reopened.load_page(page_id) == page()
    assert reopened.answered(-100, 6) == AskedQuestion("q1", "c0")
    assert reopened.answered(-100, 7) is None
    assert reopened.load_page("unknown") is None
    reopened.close()


def test_expired_rows_are_unknown_and_pruned(tmp_path: Path) -> None:
    state = BotState(tmp_path / "s.sqlite3", ttl=0.05)
    page_id = state.save_page(page())
    state.remember_answer(1, [1], AskedQuestion("q"))
    time.sleep(0.1)
    assert state.load_page(page_id) is None
    assert state.answered(1, 1) is None
    assert state.prune() == 2


def test_followup_context_keeps_the_thread_short() -> None:
    asked = AskedQuestion("and Macron?", "What did Ushakov say about Iran?")
    assert asked.followup_context() == "What did Ushakov say about Iran? and Macron?"
    assert len(AskedQuestion("x" * 900, "y" * 900).followup_context()) == 600


def test_all_shown_lists_earlier_pages_first() -> None:
    assert [s.article_id for s in page().all_shown] == ["b.txt", "a.txt"]


def test_callback_data_round_trip_and_size() -> None:
    data = ButtonData("more", "AbC-_123xyz", 2)
    assert parse_callback_data(data.encode()) == data
    assert len(data.encode().encode()) <= 64
    with pytest.raises(ValueError):
        ButtonData("ctx", "x" * 70, 1).encode()


@pytest.mark.parametrize("data", [None, "", "more", "more:abc", "zap:abc:1", "ctx:a b:1",
                                  "more:abc:-1", "more:abc:1:2"])
def test_unknown_callback_data_is_none(data: str | None) -> None:
    assert parse_callback_data(data) is None


def test_keyboard_has_paragraph_buttons_and_more() -> None:
    keyboard = answer_keyboard("pid", first_number=4, quotes=3, next_page=2,
                               more_label="More quotes ▸")
    rows = keyboard.inline_keyboard
    assert [b.text for b in rows[0]] == ["¶ 4", "¶ 5", "¶ 6"]
    assert [b.callback_data for b in rows[0]] == ["ctx:pid:0", "ctx:pid:1", "ctx:pid:2"]
    assert rows[1][0].callback_data == "more:pid:2"
    assert len(answer_keyboard("pid", first_number=1, quotes=2, next_page=None,
                                      more_label="m").inline_keyboard) == 1
    assert answer_keyboard("pid", first_number=1, quotes=0, next_page=None,
                           more_label="m") is None
