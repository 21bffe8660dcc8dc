"""`BotContext`: typed access from handlers to the services `build_application` stored."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot

if TYPE_CHECKING:
    from bot.access import AccessPolicy, SlidingWindowLimiter
    from bot.state import BotState
    from kutip.app import Services
    from kutip.settings import Settings
    from retriever.search import Retriever

__all__ = ["BotContext", "BotOptions"]


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


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """The callback context of every handler, with typed properties for shared services."""

    def __init__(self, application: Application, chat_id: int | None = None,
                 user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    def _get(self, key: str) -> Any:
        return self.bot_data[key]

    @property
    def services(self) -> Services:
        return self._get("services")

    @property
    def retriever(self) -> Retriever:
        return self.services.retriever

    @property
    def settings(self) -> Settings:
        """The settings the application was built with (top_k, sources, limits)."""
        return self._get("settings")

    @property
    def state(self) -> BotState:
        return self._get("state")

    @property
    def policy(self) -> AccessPolicy:
        return self._get("policy")

    @property
    def limiter(self) -> SlidingWindowLimiter:
        return self._get("limiter")

    @property
    def index_lock(self) -> asyncio.Lock:
        """Held while a re-index, /add or upload runs: one at a time."""
        return self._get("index_lock")

    @property
    def options(self) -> BotOptions:
        return self._get("options")
