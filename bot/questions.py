"""Read the question out of a message: commands, @mentions, replies to the bot."""

from __future__ import annotations

import re
from collections.abc import Callable

from telegram import Message, MessageEntity

from index.names import match_speaker
from retriever import Retriever, SpeakerStatements
from retriever.text import Language

__all__ = ["command_argument", "group_question", "is_reply_to_bot", "who_argument", "who_statements",
           "who_topic", "who_topic_language"]

MAX_NAME_WORDS = 5
_TOPIC_WORDS = r"(?:about|on|regarding|soal|tentang|terkait|mengenai|perihal)"
# "/who Ushakov about Iran", "/who Ushakov soal Iran", "/who Ushakov: Iran", "/who Ushakov, Iran"
_TOPIC_MARK = re.compile(rf"\s+{_TOPIC_WORDS}\s+|\s*[:,;]\s*|\s+[-–—]\s+", re.IGNORECASE)
# "/who about Iran", "/who soal Iran": a topic and no name, so who spoke on it.
_TOPIC_ONLY = re.compile(rf"{_TOPIC_WORDS}(?:\s+(?P<topic>\S.*))?", re.IGNORECASE)


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


def who_argument(text: str, match: Callable[[str], float]) -> tuple[str, str]:
    """(name, topic) of the argument of "/who NAME [topic]".

    A topic word or mark ("about", "soal", "tentang", ":", ",") splits the two; without
    one, NAME is the run of leading words that `match` (how well a name matches a quoted
    person, 0 for nobody) scores best, the longest on a tie, and the rest is the topic:
    "Ushakov Iran" → ("Ushakov", "Iran"). Nobody matching: the whole text is the name.
    """
    text = " ".join(text.split())
    parts = _TOPIC_MARK.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    words = text.split()
    best, cut = 0.0, len(words)
    for n in range(min(len(words), MAX_NAME_WORDS), 0, -1):
        score = match(" ".join(words[:n]))
        if score > best:
            best, cut = score, n
        if best >= 1.0:  # an exact name: no shorter one can do better
            break
    return " ".join(words[:cut]), " ".join(words[cut:])


def who_topic(text: str) -> str | None:
    """The topic of a /who argument that opens with a topic word and names nobody
    ("about Iran" → "Iran"): the user asks who spoke on it; "" for the topic word alone
    ("about"), None for "NAME [topic]"."""
    found = _TOPIC_ONLY.fullmatch(" ".join(text.split()))
    return (found["topic"] or "").strip(_AROUND_TOPIC) if found else None


def who_topic_language(text: str) -> Language | None:
    """The language a topic-only /who argument's topic word is in ("soal Iran": Indonesian,
    "about Iran": English); None for other arguments. The topic itself, often a name, tells
    nothing."""
    words = text.split()
    if not words or who_topic(text) is None:
        return None
    return "en" if words[0].lower() in _EN_TOPIC_WORDS else "id"


_EN_TOPIC_WORDS = frozenset({"about", "on", "regarding"})
_AROUND_TOPIC = " \"'“”‘’«»?!.,;:"  # quotes and end marks around a topic are not the topic


def who_statements(retriever: Retriever, argument: str, *, limit: int
                   ) -> tuple[str, str, SpeakerStatements]:
    """(name, topic, their statements) for "/who NAME [topic]" or `kutip who "NAME topic"`
    (`who_argument` splits it, by the names the index quotes)."""

    def match(name: str) -> float:
        found = retriever.statements_of(name, limit=1)
        return match_speaker(name, found.speaker, found.role) if found.speaker else 0.0

    name, about = who_argument(argument, match)
    return name, about, retriever.statements_of(name, about=about or None, limit=limit)
