"""The Telegram bot: ask in private chats and groups, re-index from the chat.
May import `retriever`, `index` and the ground (`kutip.errors`, `kutip.settings`); never a root.

`bot.main` wires everything (`build_application`, `run_application`); `bot.handlers` holds the
thin PTB handlers; `bot.format` the pure HTML formatting; `bot.access` the admin,
allowed-chat and rate-limit checks; `bot.state` and `bot.callbacks` the buttons that
survive restarts; `bot.indexing` the re-index progress bridge; `bot.catalog` the cached
/help and /sources replies.

The names below are imported on first use: the CLI shares `bot.format` and `bot.messages`
(no Telegram in them), and importing python-telegram-bot with the handlers cost a cold
`kutip ask` ~0.1 s.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.access import AccessPolicy, RateDecision, SlidingWindowLimiter
    from bot.context import BotContext, BotOptions
    from bot.main import build_application, run_application

__all__ = [
    "AccessPolicy",
    "BotContext",
    "BotOptions",
    "RateDecision",
    "SlidingWindowLimiter",
    "build_application",
    "run_application",
]

_HOMES = {
    "AccessPolicy": "bot.access",
    "RateDecision": "bot.access",
    "SlidingWindowLimiter": "bot.access",
    "BotContext": "bot.context",
    "BotOptions": "bot.context",
    "build_application": "bot.main",
    "run_application": "bot.main",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
