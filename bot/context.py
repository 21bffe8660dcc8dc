"""`BotContext`: typed access from handlers to the collaborators `build_application` stored."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from telegram.ext import Application, CallbackContext, ExtBot

from bot.state import DEFAULT_TTL_S

if TYPE_CHECKING:
    from bot.access import AccessPolicy, SlidingWindowLimiter
    from bot.catalog import ArticleCatalog
    from bot.state import BotState
    from index.indexer import Indexer
    from index.loaders import Loader
    from index.store import ChromaStore
    from kutip.settings import Settings
    from retriever.search import Retriever

__all__ = ["BOT_DATA_KEY", "BotContext", "BotDeps", "BotOptions", "BotServices"]

BOT_DATA_KEY = "kutip"
"""The one `bot_data` key under which `build_application` stores the `BotDeps`."""


@dataclass(frozen=True)
class BotOptions:
    """Tunables that are not user settings (tests shorten them)."""

    progress_interval: float = 1.5
    """Seconds between two edits of a re-index's status message."""
    typing_delay: float = 0.5
    """Seconds a search may take before "typing…" is shown: most answers come sooner,
    and each action is one more Bot API call under the bot's flood limit."""
    typing_interval: float = 4.0
    """Seconds between two "typing…" actions while a question is searched."""
    warm_up: bool = True
    """Run one search at start-up so the first question is not slower than the rest."""
    state_ttl: float = DEFAULT_TTL_S
    """Seconds a button page or an answered question is remembered (`BotState`)."""
    prune_interval: float = 3600.0
    """Seconds between two prunings of the expired state rows (a JobQueue job)."""


class BotServices(Protocol):
    """What the bot uses of the services the composition root built (`kutip.app.Services`)."""

    @property
    def store(self) -> ChromaStore: ...

    @property
    def loader(self) -> Loader: ...

    @property
    def indexer(self) -> Indexer: ...

    @property
    def retriever(self) -> Retriever: ...


@dataclass(frozen=True)
class BotDeps:
    """Everything the handlers share, built once by `build_application`."""

    settings: Settings
    """The settings the application was built with (top_k, sources, limits)."""
    services: BotServices
    state: BotState
    policy: AccessPolicy
    limiter: SlidingWindowLimiter
    """Questions and "More quotes" presses per user (KUTIP_RATE_LIMIT)."""
    command_limiter: SlidingWindowLimiter
    """Every other reply per user: commands, ¶ buttons, hints, refusals
    (KUTIP_COMMAND_RATE_LIMIT)."""
    catalog: ArticleCatalog
    """The /help and /sources replies, cached per index version."""
    index_lock: asyncio.Lock
    """Held while a re-index, /add or upload runs: one at a time."""
    options: BotOptions


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """The callback context of every handler; `deps` is the typed home of what they share."""

    def __init__(self, application: Application, chat_id: int | None = None,
                 user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def deps(self) -> BotDeps:
        """The services, state, access policy and limits the handlers share."""
        deps: BotDeps = self.bot_data[BOT_DATA_KEY]
        return deps
