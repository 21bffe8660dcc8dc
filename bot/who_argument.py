"""Read a /who argument (`kutip who NAME` too): the person and the topic, or a topic alone.

No Telegram types here: the command line parses its NAME the same way without importing the
bot's library.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.names import match_speaker
from retriever import Retriever, SpeakerStatements
from retriever.text import Language

__all__ = ["who_argument", "who_statements", "who_topic", "who_topic_language"]

MAX_NAME_WORDS = 5
_TOPIC_WORDS = r"(?:about|on|regarding|soal|tentang|terkait|mengenai|perihal)"
# "/who Ushakov about Iran", "/who Ushakov soal Iran", "/who Ushakov: Iran", "/who Ushakov, Iran"
_TOPIC_MARK = re.compile(rf"\s+{_TOPIC_WORDS}\s+|\s*[:,;]\s*|\s+[-–—]\s+", re.IGNORECASE)
# "/who about Iran", "/who soal Iran": a topic and no name, so who spoke on it.
_TOPIC_ONLY = re.compile(rf"{_TOPIC_WORDS}(?:\s+(?P<topic>\S.*))?", re.IGNORECASE)


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
