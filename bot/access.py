"""Who may use the bot and how often: admin and allowed-chat checks, a per-user rate limit."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

__all__ = ["AccessPolicy", "RateDecision", "SlidingWindowLimiter"]


@dataclass(frozen=True)
class AccessPolicy:
    """Admins (may change the index) and, optionally, the only chats the bot serves."""

    admin_ids: frozenset[int] = frozenset()
    """User ids allowed to /reindex, /add and upload files."""
    allowed_chat_ids: frozenset[int] | None = None
    """When set, every other chat gets a polite refusal; None serves everyone."""

    def is_admin(self, user_id: int | None) -> bool:
        """True for a configured admin."""
        return user_id is not None and user_id in self.admin_ids

    def chat_allowed(self, chat_id: int | None, user_id: int | None) -> bool:
        """True when the chat is served: no allow-list, a listed chat, or an admin."""
        if self.allowed_chat_ids is None:
            return True
        return (chat_id is not None and chat_id in self.allowed_chat_ids) or self.is_admin(user_id)


@dataclass(frozen=True)
class RateDecision:
    """The outcome of one `SlidingWindowLimiter.check`."""

    allowed: bool
    retry_after: float = 0.0
    """Seconds until the next request would be allowed (0 when allowed)."""
    notify: bool = False
    """True when this key was not told in the last `window` seconds: at most one
    "slow down" notice per window, however many requests are refused."""


@dataclass
class SlidingWindowLimiter:
    """At most `limit` events per `window` seconds per key (a sliding window log).

    Not thread-safe: use it from the event loop only.

    >>> limiter = SlidingWindowLimiter(limit=2, window=60.0)
    >>> [limiter.check("u").allowed for _ in range(3)]
    [True, True, False]
    """

    limit: int
    window: float
    clock: Callable[[], float] = time.monotonic
    _events: dict[Hashable, deque[float]] = field(default_factory=dict, init=False, repr=False)
    _warned_at: dict[Hashable, float] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError(f"limit must be at least 1, got {self.limit}")
        if self.window <= 0:
            raise ValueError(f"window must be positive, got {self.window}")

    def check(self, key: Hashable) -> RateDecision:
        """Record an event for `key` if it is allowed; refused events are not recorded."""
        now = self.clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) < self.limit:
            events.append(now)
            self._forget_idle(now)
            return RateDecision(allowed=True)
        notify = now - self._warned_at.get(key, float("-inf")) >= self.window
        if notify:
            self._warned_at[key] = now
        free_at = events[0] + self.window
        return RateDecision(allowed=False, retry_after=max(0.0, free_at - now), notify=notify)

    def _forget_idle(self, now: float) -> None:
        """Drop keys with no recent events once many have accumulated (bounded memory)."""
        if len(self._events) <= 10_000:
            return
        for key in [k for k, ev in self._events.items() if not ev or ev[-1] <= now - self.window]:
            del self._events[key]
            self._warned_at.pop(key, None)
