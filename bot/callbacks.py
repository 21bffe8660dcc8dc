"""Inline buttons under answers: their `callback_data` and their keyboards.

`callback_data` is at most 64 bytes, so it carries only a kind, the short id of a
page saved in `BotState`, and a number: "more:<id>:<next page>" or
"ctx:<id>:<quote index>". A /remove confirmation needs no saved page:
"rm:<key>:<issued>" and "rmx:<key>:<issued>" (cancel) carry a short hash of the article's
id and content (`removal_key`, so a button never removes an article changed since it was
shown) and when it was issued (it expires like the others). Anything that does not parse
is treated as expired.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from index.store import ArticleRecord

__all__ = ["REMOVE_PATTERN", "ButtonData", "RemoveData", "answer_keyboard",
           "parse_callback_data", "parse_remove_data", "record_for_key", "remove_keyboard"]

Kind = Literal["more", "ctx"]
MAX_CALLBACK_BYTES = 64
_PATTERN = re.compile(r"^(more|ctx):([A-Za-z0-9_-]{1,32}):(\d{1,3})$")


@dataclass(frozen=True)
class ButtonData:
    """What one button press asks for."""

    kind: Kind
    page_id: str
    number: int

    def encode(self) -> str:
        data = f"{self.kind}:{self.page_id}:{self.number}"
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback_data too long: {data!r}")
        return data


def parse_callback_data(data: str | None) -> ButtonData | None:
    """The button a `callback_data` string stands for, or None for anything unknown."""
    match = _PATTERN.match(data or "")
    if match is None:
        return None
    return ButtonData(match[1], match[2], int(match[3]))  # type: ignore[arg-type]


def answer_keyboard(
    page_id: str, *, first_number: int, quotes: int, next_page: int | None,
    more_label: str,
) -> InlineKeyboardMarkup | None:
    """"¶ N" buttons (the paragraph around quote N) and, when more may exist, a button
    labelled `more_label` (in the reply's language) for the next page."""
    rows = []
    if quotes:
        rows.append([
            InlineKeyboardButton(f"¶ {first_number + i}",
                                 callback_data=ButtonData("ctx", page_id, i).encode())
            for i in range(quotes)
        ])
    if next_page is not None:
        rows.append([InlineKeyboardButton(
            more_label, callback_data=ButtonData("more", page_id, next_page).encode()
        )])
    return InlineKeyboardMarkup(rows) if rows else None


REMOVE_PATTERN = r"^rmx?:"
"""What the /remove confirmation handler is registered for (before the answer buttons)."""
_REMOVE = re.compile(r"^(rmx?):([0-9a-f]{16}):(\d{1,12})$")


def removal_key(record: ArticleRecord) -> str:
    """16 hex digits naming one version of one article (its id and content hash)."""
    digest = hashlib.sha256(f"{record.article_id}\x00{record.content_hash}".encode())
    return digest.hexdigest()[:16]


def record_for_key(records: Sequence[ArticleRecord], key: str) -> ArticleRecord | None:
    """The article (as it is now) a confirmation button was issued for, or None."""
    return next((r for r in records if removal_key(r) == key), None)


@dataclass(frozen=True)
class RemoveData:
    """One press on a /remove confirmation: confirm or cancel, for which article, when issued."""

    confirm: bool
    key: str
    issued: int

    def expired(self, ttl: float, *, now: float | None = None) -> bool:
        return (time.time() if now is None else now) - self.issued > ttl


def parse_remove_data(data: str | None) -> RemoveData | None:
    """The confirmation a `callback_data` string stands for, or None."""
    match = _REMOVE.match(data or "")
    if match is None:
        return None
    return RemoveData(match[1] == "rm", match[2], int(match[3]))


def remove_keyboard(record: ArticleRecord, *, issued: float | None = None,
                    labels: tuple[str, str] = ("Remove", "Cancel")) -> InlineKeyboardMarkup:
    """"Remove" and "Cancel" (`labels`, in the reply's language) under a /remove
    confirmation."""
    stamp = int(time.time() if issued is None else issued)
    key = removal_key(record)
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(labels[0], callback_data=f"rm:{key}:{stamp}"),
        InlineKeyboardButton(labels[1], callback_data=f"rmx:{key}:{stamp}"),
    ]])
