"""Load: many users asking at once, and a re-index while they ask (the real bot, the emulator).

The bot runs in this process and long-polls the Bot API emulator (tests/emulator, node);
the users are emulator clients sending from worker threads. Every bot message replies to
the question it answers, so answers are matched to questions by `reply_to_message`, and
latency is the emulator's own clock from the user's message to the bot's answer.

`make test-slow` runs the 50 users × 10 questions figure and writes bench/out/bot-load.json.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from tests.auxil.seed import REPO, SEED_QUESTION, SEED_QUOTE
from tests.bot.bot_support import (
    ADMIN_ID,
    HOSTILE_QUESTION,
    INDEX_TARGETS,
    NOT_FOUND_QUESTION,
    copy_index,
    services_on,
    start_polling_bot,
    stop_polling_bot,
)
from tests.bot.conftest import emu, emulator, fixture_index  # noqa: F401  (fixtures)

pytestmark = pytest.mark.e2e

WAIT = 60.0
BENCH_OUT = REPO / "bench" / "out" / "bot-load.json"
# Questions whose answer is one message (the seed one, a hostile title, and a not-found).
QUESTIONS = [SEED_QUESTION, HOSTILE_QUESTION, NOT_FOUND_QUESTION,
             "What did Putin and Trump discuss?", "and what about Macron?"]


# ---- shared with test_bot_faults.py and test_hostile_input.py ---------------------------


def text_of(event: dict[str, Any]) -> str:
    """What the user sees of a bot event: a message's text, or a callback answer's alert."""
    message = event.get("message") or {}
    return message.get("text") or event.get("text") or ""


@contextlib.contextmanager
def private_services(source: Path, data_dir: Path, embedder: Any,
                     **overrides: Any) -> Iterator[Any]:
    """Services on a private copy of the cached fixture index (changes there stay there)."""
    copy_index(source, data_dir)
    with services_on(data_dir, embedder, **overrides) as built:
        yield built


@contextlib.asynccontextmanager
async def running_bot(client: Any, services: Any, data_dir: Path,
                      **overrides: Any) -> AsyncIterator[Application]:
    """The real application long-polling the emulator in this event loop, like `kutip bot`."""
    app = await start_polling_bot(client, services, data_dir, **overrides)
    try:
        yield app
    finally:
        await stop_polling_bot(app)


async def ask(client: Any, chat: int, text: str, *, user: int | None = None,
              wait: float = WAIT) -> dict[str, Any]:
    """Send `text` in private chat `chat`; the bot's first message after it."""
    since = client.last_seq()
    client.send_text(chat, user if user is not None else chat, text)
    [answer] = await client.aio.wait_for_messages(chat, 1, wait, since=since)
    return answer


async def wait_for_text(client: Any, chat: int, fragment: str, *, since: int,
                        timeout: float = WAIT,
                        kinds: tuple[str, ...] = ("message", "edit", "callback_answer"),
                        ) -> list[dict[str, Any]]:
    """Every bot event in `chat` since `since`, once one of them shows `fragment`."""
    deadline = time.monotonic() + timeout
    events: list[dict[str, Any]] = []
    while not any(fragment in text_of(e) for e in events):
        left = deadline - time.monotonic()
        if left <= 0:
            shown = [text_of(e)[:300] for e in events]
            raise AssertionError(f"no bot event in chat {chat} shows {fragment!r}: {shown}")
        with contextlib.suppress(TimeoutError):  # the emulator's wait ran out: re-check
            await client.aio.wait_for_events(chat, len(events) + 1, left, since=since,
                                             kinds=list(kinds))
        events = client.events(chat, since=since, kinds=list(kinds))
    return events


# ---- load ------------------------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


async def run_load(client: Any, users: int, questions: int, *, first_chat: int,
                   timeout: float) -> dict[str, Any]:
    """`users` users each send `questions` questions at once; wait for every answer.

    Returns the figures; asserts every question got exactly one answer, with the right
    quote for the seed question.
    """
    chats = list(range(first_chat, first_chat + users))
    since = client.last_seq()

    def one_user(chat: int) -> list[tuple[int, int, str]]:
        asked = []
        for n in range(questions):
            text = QUESTIONS[n % len(QUESTIONS)]
            message = client.send_text(chat, chat, text)
            asked.append((chat, message["message_id"], text))
        return asked

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=users) as pool:
        sent = [q for batch in await asyncio.gather(*[
            asyncio.get_running_loop().run_in_executor(pool, one_user, chat) for chat in chats
        ]) for q in batch]
    total = users * questions
    assert len(sent) == total
    await client.aio.wait_for_messages(None, total, timeout, since=since)
    elapsed = time.monotonic() - started
    await client.aio.wait_until_updates_consumed(timeout)  # nothing left for a late duplicate

    user_times = {(e["chat_id"], e["message_id"]): e["time"]
                  for e in client.events(since=since, kinds=["message"], direction="user")}
    answers = [e for e in client.bot_messages(since=since) if e["chat_id"] in set(chats)]
    replies = Counter((e["chat_id"], e["message"]["reply_to_message"]["message_id"])
                      for e in answers)
    asked = {(chat, message_id): text for chat, message_id, text in sent}
    assert set(replies) == set(asked), "an answer replies to no question, or one is lost"
    duplicated = {key: n for key, n in replies.items() if n != 1}
    assert not duplicated, f"questions answered more than once: {duplicated}"
    latencies = []
    for event in answers:
        key = (event["chat_id"], event["message"]["reply_to_message"]["message_id"])
        latencies.append((event["time"] - user_times[key]) / 1000.0)
        if asked[key] == SEED_QUESTION:
            assert SEED_QUOTE in text_of(event)
    assert client.failed_calls(since=since) == []
    return {
        "users": users, "questions_per_user": questions, "questions": total,
        "answered_exactly_once": len(replies), "lost": total - len(replies),
        "duplicated": 0, "wall_s": round(elapsed, 2),
        "p50_s": round(statistics.median(latencies), 3),
        "p95_s": round(_percentile(latencies, 0.95), 3),
        "max_s": round(max(latencies), 3),
        "throughput_qps": round(total / elapsed, 1),
    }


def _report(figures: dict[str, Any], *, write: bool) -> None:
    print(f"\nbot load: {figures['users']} users × {figures['questions_per_user']} questions: "
          f"{figures['answered_exactly_once']}/{figures['questions']} answered exactly once; "
          f"reply latency p50 {figures['p50_s']:.3f} s, p95 {figures['p95_s']:.3f} s, "
          f"max {figures['max_s']:.3f} s; {figures['throughput_qps']} questions/s")
    if write:
        BENCH_OUT.parent.mkdir(parents=True, exist_ok=True)
        BENCH_OUT.write_text(json.dumps({**figures, "when": time.strftime(
            "%Y-%m-%dT%H:%M:%SZ", time.gmtime())}, indent=2) + "\n")


@pytest.fixture
def load_services(fixture_index: Path, tmp_path: Path, embedder: Any  # noqa: F811
                  ) -> Iterator[tuple[Any, Path]]:
    data_dir = tmp_path / "data"
    with private_services(fixture_index, data_dir, embedder) as services:
        yield services, data_dir


@pytest.mark.parametrize(("users", "questions", "first_chat", "timeout", "write"), [
    pytest.param(10, 3, 3000, 120.0, False, id="10x3"),
    # the figure, recorded in bench/out/bot-load.json
    pytest.param(50, 10, 4000, 600.0, True, id="50x10", marks=pytest.mark.slow),
])
async def test_users_asking_at_once_are_each_answered_exactly_once(
    emu: Any, load_services: tuple[Any, Path],  # noqa: F811
    users: int, questions: int, first_chat: int, timeout: float, write: bool,
) -> None:
    services, data_dir = load_services
    async with running_bot(emu, services, data_dir, rate_limit_questions=10_000):
        figures = await run_load(emu, users, questions, first_chat=first_chat, timeout=timeout)
    _report(figures, write=write)
    assert figures["answered_exactly_once"] == users * questions


# ---- a re-index while users ask ---------------------------------------------------------


NEW_FACT = ("Harbourmaster Ilse Varnholt said the Quillmere ferry will resume its winter "
            "crossings on the first of March after the pier repairs.")
NEW_ARTICLES = 8
NEW_QUESTION = "What did harbourmaster Ilse Varnholt say about the Quillmere ferry?"


def _new_articles(folder: Path, count: int) -> Path:
    """`count` new plain-text articles; the first one holds NEW_FACT."""
    folder.mkdir(parents=True)
    filler = ("The regional council met on Tuesday to review the budget for roads, schools "
              "and the coastal defences, and members debated the timetable at length. ")
    for n in range(count):
        lead = NEW_FACT if n == 0 else (f"Council note {n}: the committee for district {n} "
                                        "approved minor works on local paths.")
        body = "\n\n".join([lead, *(f"{filler} Paragraph {p} of note {n}." for p in range(6))])
        (folder / f"new-{n:03d}.txt").write_text(f"Local news {n}\n\n{body}\n")
    return folder


async def test_reindex_while_users_ask_keeps_answering_and_finds_new_articles(
    emu: Any, load_services: tuple[Any, Path], tmp_path: Path  # noqa: F811
) -> None:
    services, data_dir = load_services
    fresh = _new_articles(tmp_path / "new-articles", NEW_ARTICLES)
    async with running_bot(emu, services, data_dir, rate_limit_questions=10_000,
                           article_sources=[*INDEX_TARGETS, str(fresh)]):
        before = await ask(emu, 3100, NEW_QUESTION)
        assert "Ilse Varnholt said the Quillmere ferry" not in text_of(before)  # not yet indexed

        status_since = emu.last_seq()
        emu.send_text(ADMIN_ID, ADMIN_ID, "/reindex")
        [status] = await emu.aio.wait_for_messages(ADMIN_ID, 1, WAIT, since=status_since)
        assert text_of(status) == "Re-indexing…"

        answered_during: list[dict[str, Any]] = []
        users = list(range(3101, 3111))
        done: list[dict[str, Any]] = []
        rounds = 0
        while not done and rounds < 200:  # keep asking until the re-index has finished
            rounds += 1
            since = emu.last_seq()
            for user in users:
                emu.send_text(user, user, SEED_QUESTION)
            answers = await emu.aio.wait_for_messages(None, len(users), WAIT, since=since)
            done = [e for e in emu.events(ADMIN_ID, since=status_since, kinds=["edit"])
                    if text_of(e).startswith("Re-indexing: done.")]
            finished_seq = done[0]["seq"] if done else float("inf")
            answered_during += [a for a in answers if a["seq"] < finished_seq]
            assert all(SEED_QUOTE in text_of(a) for a in answers)
        assert done, "the re-index did not finish"
        assert answered_during, "no answer arrived while the re-index ran"
        summary = text_of(done[0])
        assert f"added {NEW_ARTICLES}," in summary and "failed 0;" in summary, summary

        after = await ask(emu, 3111, NEW_QUESTION)
        assert "Ilse Varnholt said the Quillmere ferry will resume" in text_of(after)
    print(f"\nre-index: {len(answered_during)} answers arrived while it ran ({rounds} rounds)")
