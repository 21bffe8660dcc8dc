"""Inline buttons under answers: their `callback_data` and their keyboards.

`callback_data` is at most 64 bytes, so it carries only a kind, the short id of a
page saved in `BotState`, and a number: "more:<id>:<next page>" or
"ctx:<id>:<quote index>". Anything that does not parse is treated as expired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

__all__ = ["ButtonData", "answer_keyboard", "parse_callback_data"]

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
