"""bot.questions and bot.who_argument: reading the question out of commands, @mentions and
replies, and a /who argument into a name and a topic."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Message

from bot.questions import command_argument, group_question, is_reply_to_bot
from bot.who_argument import who_argument, who_topic

BOT_ID, USERNAME = 123, "KutipBot"


def message(text: str, entities: list[dict[str, Any]] | None = None,
            reply_from: int | None = None) -> Message:
    data: dict[str, Any] = {
        "message_id": 1, "date": 0, "chat": {"id": -100, "type": "supergroup"},
        "from": {"id": 5, "is_bot": False, "first_name": "A"}, "text": text,
        "entities": entities or [],
    }
    if reply_from is not None:
        data["reply_to_message"] = {
            "message_id": 0, "date": 0, "chat": {"id": -100, "type": "supergroup"},
            "from": {"id": reply_from, "is_bot": reply_from == BOT_ID, "first_name": "B"},
            "text": "earlier"}
    return Message.de_json(data, None)


def test_mention_is_removed_with_utf16_offsets() -> None:
    text = "😀 hey @KutipBot what did Ushakov say?"
    offset = len("😀 hey ".encode("utf-16-le")) // 2
    msg = message(text, [{"type": "mention", "offset": offset, "length": 9}])
    assert group_question(msg, bot_username=USERNAME, bot_id=BOT_ID) == \
        "😀 hey what did Ushakov say?"


def test_other_mentions_and_chatter_are_not_addressed() -> None:
    other = message("@SomeoneElse hi", [{"type": "mention", "offset": 0, "length": 12}])
    assert group_question(other, bot_username=USERNAME, bot_id=BOT_ID) is None
    assert group_question(message("lunch?"), bot_username=USERNAME, bot_id=BOT_ID) is None


def test_text_mention_of_the_bot_counts() -> None:
    msg = message("Kutip tell me", [{"type": "text_mention", "offset": 0, "length": 5,
                                     "user": {"id": BOT_ID, "is_bot": True, "first_name": "K"}}])
    assert group_question(msg, bot_username=USERNAME, bot_id=BOT_ID) == "tell me"


def test_mention_without_entities_is_still_found() -> None:
    msg = message("hey @kutipbot, who won?")
    assert group_question(msg, bot_username=USERNAME, bot_id=BOT_ID) == "hey , who won?"
    assert group_question(message("mail x@kutipbot.org"), bot_username=USERNAME,
                          bot_id=BOT_ID) is None


def test_reply_to_the_bot_is_addressed() -> None:
    msg = message("and Macron?", reply_from=BOT_ID)
    assert is_reply_to_bot(msg, BOT_ID)
    assert group_question(msg, bot_username=USERNAME, bot_id=BOT_ID) == "and Macron?"
    assert group_question(message("and Macron?", reply_from=9), bot_username=USERNAME,
                          bot_id=BOT_ID) is None


def test_only_a_mention_is_addressed_but_empty() -> None:
    msg = message("@KutipBot", [{"type": "mention", "offset": 0, "length": 9}])
    assert group_question(msg, bot_username=USERNAME, bot_id=BOT_ID) == ""


@pytest.mark.parametrize(("text", "length", "expected"), [
    ("/ask What did Ushakov say?", 4, "What did Ushakov say?"),
    ("/ask@KutipBot  line one\nline two", 13, "line one line two"),
    ("/ask", 4, ""),
])
def test_command_argument(text: str, length: int, expected: str) -> None:
    msg = message(text, [{"type": "bot_command", "offset": 0, "length": length}])
    assert command_argument(msg) == expected


def test_who_argument_splits_the_name_from_the_topic() -> None:
    known = {"ushakov": 0.8, "yuri ushakov": 1.0, "yuri": 0.6, "yuri ushakov iran": 0.9}
    asked: list[str] = []

    def match(name: str) -> float:
        asked.append(name)
        return known.get(name.lower(), 0.0)

    assert who_argument("Ushakov about Iran", match) == ("Ushakov", "Iran")
    assert who_argument("Ushakov soal  Iran dan Timur Tengah", match) == (
        "Ushakov", "Iran dan Timur Tengah")
    assert who_argument("Ushakov: Iran", match) == ("Ushakov", "Iran")
    assert asked == []  # a topic word or mark splits without looking names up
    assert who_argument("Ushakov Iran", match) == ("Ushakov", "Iran")
    assert who_argument("Yuri Ushakov Iran", match) == ("Yuri Ushakov", "Iran")
    assert who_argument("Yuri Ushakov", match) == ("Yuri Ushakov", "")
    assert who_argument("Retno Marsudi Rohingya", match) == ("Retno Marsudi Rohingya", "")


@pytest.mark.parametrize(("argument", "topic"), [
    ("about Iran", "Iran"), ("soal  harga beras", "harga beras"), ("Tentang Iran?", "Iran"),
    ("about “Iran”", "Iran"), ("about 'the deal'.", "the deal"),  # QA: echoed as ““Iran””
    ("Ushakov about Iran", None), ("Ushakov", None), ("about", ""), ("soal ", ""),
    ("about ?", ""),
    ("Onyango on Iran", None), ("Aboutaleb", None),
])
def test_who_topic_is_a_topic_without_a_name(argument: str, topic: str | None) -> None:
    assert who_topic(argument) == topic
