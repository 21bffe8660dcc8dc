"""bot.access: admins, allowed chats and the per-user sliding-window rate limit."""

from __future__ import annotations

import pytest

from bot.access import AccessPolicy, SlidingWindowLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_admins() -> None:
    policy = AccessPolicy(admin_ids=frozenset({1, 2}))
    assert policy.is_admin(1) and not policy.is_admin(3) and not policy.is_admin(None)


@pytest.mark.parametrize(
    ("allowed", "chat_id", "user_id", "expected"),
    [
        pytest.param(None, 5, 5, True, id="no-allow-list-serves-everyone"),
        pytest.param(frozenset({-100}), -100, 9, True, id="listed-group"),
        pytest.param(frozenset({-100}), 9, 9, False, id="unlisted-private-chat"),
        pytest.param(frozenset({-100}), -200, 9, False, id="unlisted-group"),
        pytest.param(frozenset({-100}), 1, 1, True, id="admin-always-served"),
        pytest.param(frozenset(), 9, 9, False, id="empty-allow-list-serves-admins-only"),
    ],
)
def test_allowed_chats(allowed: frozenset[int] | None, chat_id: int, user_id: int,
                       expected: bool) -> None:
    policy = AccessPolicy(admin_ids=frozenset({1}), allowed_chat_ids=allowed)
    assert policy.chat_allowed(chat_id, user_id) is expected


def test_sliding_window_allows_limit_then_refuses_until_the_oldest_expires() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=3, window=60.0, clock=clock)
    assert [limiter.check("u").allowed for _ in range(3)] == [True, True, True]
    clock.now += 10
    refused = limiter.check("u")
    assert not refused.allowed and refused.retry_after == pytest.approx(50.0) and refused.notify
    again = limiter.check("u")
    assert not again.allowed and not again.notify  # told once per streak
    assert limiter.check("other").allowed  # per user
    clock.now += 50.0
    assert limiter.check("u").allowed
    clock.now += 0.1
    assert limiter.check("u").allowed and limiter.check("u").allowed
    assert not limiter.check("u").allowed


def test_refused_requests_are_not_counted() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=1, window=10.0, clock=clock)
    assert limiter.check(1).allowed
    for _ in range(20):
        clock.now += 0.4
        assert not limiter.check(1).allowed
    clock.now = 1010.0
    assert limiter.check(1).allowed


def test_notify_again_after_a_new_streak() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=1, window=10.0, clock=clock)
    limiter.check(1)
    assert limiter.check(1).notify
    clock.now += 11
    assert limiter.check(1).allowed
    assert limiter.check(1).notify


def test_at_most_one_notice_per_window_even_across_streaks() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=3, window=60.0, clock=clock)
    notices = []
    for at in (0.0, 58.0, 59.0, 59.5, 60.0, 60.5, 61.0, 118.0, 118.5, 119.5, 121.0, 121.5):
        clock.now = 1000.0 + at
        decision = limiter.check("u")
        if decision.notify:
            notices.append(at)
    assert notices == [59.5, 121.5]  # 60.5, 61 and 118.5 were refused in silence


def test_idle_keys_are_forgotten() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=1, window=1.0, clock=clock)
    for user in range(10_001):
        limiter.check(user)
    clock.now += 5
    limiter.check("new")
    assert len(limiter._events) < 10


@pytest.mark.parametrize(("limit", "window"), [(0, 1.0), (1, 0.0)])
def test_bad_limits_are_rejected(limit: int, window: float) -> None:
    with pytest.raises(ValueError):
        SlidingWindowLimiter(limit=limit, window=window)
