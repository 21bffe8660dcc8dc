"""What the bot must remember across restarts, in one small SQLite file.

Two tables: `pages` holds what an answer's buttons need (the question, its follow-up
context, the quotes shown) under a short random id that goes into `callback_data`;
`answers` maps each answer message the bot sent to its question, so a reply to that
message becomes a follow-up. Rows older than `ttl` are forgotten: their buttons then
say they expired, and `prune` (run by the bot on a schedule) deletes them.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["AnswerPage", "AskedQuestion", "BotState", "ShownQuote"]

logger = logging.getLogger(__name__)

DEFAULT_TTL_S = 30 * 24 * 3600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    id TEXT PRIMARY KEY, created REAL NOT NULL, payload TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    chat_id INTEGER NOT NULL, message_id INTEGER NOT NULL, created REAL NOT NULL,
    question TEXT NOT NULL, context TEXT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE TABLE IF NOT EXISTS more_pressed (
    id TEXT PRIMARY KEY, created REAL NOT NULL
);
"""


@dataclass(frozen=True)
class ShownQuote:
    """Where a shown quote sits in its article (enough to show its paragraph again)."""

    article_id: str
    start: int
    end: int
    title: str


@dataclass(frozen=True)
class AskedQuestion:
    """A question as searched: the text and the earlier question(s) it follows up on."""

    question: str
    context: str = ""

    def followup_context(self, max_chars: int = 600) -> str:
        """The context for a follow-up to this question: the thread so far, most recent last."""
        thread = f"{self.context} {self.question}".strip()
        return thread[-max_chars:]


@dataclass(frozen=True)
class AnswerPage:
    """One page of an answer: what its "more" and "context" buttons need."""

    asked: AskedQuestion
    page: int
    quotes: list[ShownQuote]
    shown_before: list[ShownQuote] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({
            "q": self.asked.question, "c": self.asked.context, "p": self.page,
            "quotes": [[s.article_id, s.start, s.end, s.title] for s in self.quotes],
            "before": [[s.article_id, s.start, s.end, s.title] for s in self.shown_before],
        }, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> AnswerPage:
        data = json.loads(text)
        return cls(
            asked=AskedQuestion(data["q"], data.get("c", "")),
            page=int(data["p"]),
            quotes=[ShownQuote(*row) for row in data["quotes"]],
            shown_before=[ShownQuote(*row) for row in data.get("before", [])],
        )

    @property
    def all_shown(self) -> list[ShownQuote]:
        return [*self.shown_before, *self.quotes]


class BotState:
    """The SQLite-backed memory of buttons and answers; safe to share between threads."""

    def __init__(self, path: Path, *, ttl: float = DEFAULT_TTL_S) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.ttl = ttl
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def save_page(self, page: AnswerPage) -> str:
        """Store `page`; returns the short id to put into `callback_data`."""
        page_id = secrets.token_urlsafe(8)
        with self._lock:
            self._db.execute("INSERT INTO pages VALUES (?, ?, ?)",
                             (page_id, time.time(), page.to_json()))
        return page_id

    def load_page(self, page_id: str) -> AnswerPage | None:
        """The page saved under `page_id`, or None when unknown or expired."""
        with self._lock:
            row = self._db.execute("SELECT created, payload FROM pages WHERE id = ?",
                                   (page_id,)).fetchone()
        if row is None or row[0] < time.time() - self.ttl:
            return None
        try:
            return AnswerPage.from_json(row[1])
        except (ValueError, KeyError, TypeError):
            logger.warning("unreadable button page %s; treating it as expired", page_id)
            return None

    def claim_more(self, page_id: str) -> bool:
        """True the first time the "More quotes" button of page `page_id` is pressed, False
        after: a double tap, or a second press before the button is gone, would send the
        same next page twice."""
        with self._lock:
            return self._db.execute("INSERT OR IGNORE INTO more_pressed VALUES (?, ?)",
                                    (page_id, time.time())).rowcount == 1

    def release_more(self, page_id: str) -> None:
        """Undo `claim_more` when sending the next page failed, so a new press may try."""
        with self._lock:
            self._db.execute("DELETE FROM more_pressed WHERE id = ?", (page_id,))

    def remember_answer(self, chat_id: int, message_ids: Iterable[int], asked: AskedQuestion
                        ) -> None:
        """Record that these bot messages answer `asked` (for reply-to follow-ups)."""
        now = time.time()
        rows = [(chat_id, mid, now, asked.question, asked.context) for mid in message_ids]
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)", rows)

    def answered(self, chat_id: int, message_id: int) -> AskedQuestion | None:
        """The question a bot message answered, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT question, context, created FROM answers WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            ).fetchone()
        if row is None or row[2] < time.time() - self.ttl:
            return None
        return AskedQuestion(row[0], row[1])

    def prune(self) -> int:
        """Forget rows older than the TTL; returns how many were removed."""
        cutoff = time.time() - self.ttl
        with self._lock:
            removed = self._db.execute("DELETE FROM pages WHERE created < ?", (cutoff,)).rowcount
            removed += self._db.execute("DELETE FROM answers WHERE created < ?",
                                        (cutoff,)).rowcount
            removed += self._db.execute("DELETE FROM more_pressed WHERE created < ?",
                                        (cutoff,)).rowcount
        return removed

    def close(self) -> None:
        with self._lock:
            self._db.close()
