"""The Telegram bot: ask in private chats and groups, re-index from the chat.
May import `retriever`, `index` and the ground (`kutip.errors`, `kutip.settings`); never a root.

`bot.main` wires everything (`build_application`, `run_application`); `bot.handlers` holds the
thin PTB handlers; `bot.format` the pure HTML formatting; `bot.access` the admin,
allowed-chat and rate-limit checks; `bot.state` and `bot.callbacks` the buttons that
survive restarts; `bot.indexing` the re-index progress bridge; `bot.catalog` the cached
/help and /sources replies.
"""

from typing import TYPE_CHECKING

from bot.access import AccessPolicy, RateDecision, SlidingWindowLimiter

if TYPE_CHECKING:
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


def __getattr__(name: str) -> object:
    """The names that need python-telegram-bot, on first use: `kutip ask` shares
    `bot.format` and `bot.messages` (no Telegram in them) and need not import PTB (~0.1 s)."""
    if name in ("BotContext", "BotOptions"):
        from bot import context

        return getattr(context, name)
    if name in ("build_application", "run_application"):
        from bot import main

        return getattr(main, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
