"""Read the question out of a message: commands, @mentions, replies to the bot."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity

__all__ = ["command_argument", "group_question", "is_reply_to_bot"]


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` minus the given UTF-16 (offset, length) spans (Telegram's entity units)."""
    data = text.encode("utf-16-le")
    for offset, length in sorted(spans, reverse=True):
        data = data[: offset * 2] + data[(offset + length) * 2:]
    return " ".join(data.decode("utf-16-le").split())


def command_argument(message: Message) -> str:
    """The text after a leading /command, e.g. "x" for "/ask@kutip_bot x"."""
    text = message.text or ""
    for entity in message.entities:
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return _without(text, [(0, entity.length)])
    return " ".join(text.split())


def is_reply_to_bot(message: Message, bot_id: int) -> bool:
    """True when `message` replies to a message the bot sent."""
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)


def group_question(message: Message, *, bot_username: str, bot_id: int) -> str | None:
    """The question in a group message addressed to the bot, or None for other chatter.

    A message is addressed to the bot when it @mentions it (the mention is removed from
    the question) or replies to one of its messages. "" means addressed but empty.
    """
    text = message.text or ""
    mention = f"@{bot_username}".casefold()
    spans = [
        (entity.offset, entity.length)
        for entity, value in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
        ).items()
        if (entity.type == MessageEntity.MENTION and value.casefold() == mention)
        or (entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id)
    ]
    if not spans and not message.entities:
        # No entities at all (some Bot API emulators omit them): match the text itself.
        pattern = re.compile(rf"(?<![\w@])@{re.escape(bot_username)}\b", re.IGNORECASE)
        if pattern.search(text):
            return " ".join(pattern.sub(" ", text).split())
    if spans:
        return _without(text, spans)
    if is_reply_to_bot(message, bot_id):
        return " ".join(text.split())
    return None
