"""bot.indexing: progress from a worker thread reaches the event loop, throttled and in order."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot.indexing import ProgressReporter, run_indexing
from index.indexer import IndexReport, Progress


class FakeMessage:
    """Records edits; each edit takes a little while, like a real HTTP round trip."""

    def __init__(self) -> None:
        self.edits: list[str] = []
        self.replies: list[str] = []
        self.threads: set[int] = set()

    async def edit_text(self, text: str) -> FakeMessage:
        self.threads.add(threading.get_ident())
        await asyncio.sleep(0.01)
        self.edits.append(text)
        return self

    async def reply_html(self, text: str) -> FakeMessage:
        self.replies.append(text)
        return self


async def test_updates_from_a_thread_are_throttled_and_ordered() -> None:
    message = FakeMessage()
    clock = iter(float(n) for n in range(10_000))
    reporter = ProgressReporter(message, "Re-indexing", loop=asyncio.get_running_loop(),
                                interval=5.0, clock=lambda: next(clock))  # type: ignore[arg-type]

    def work() -> None:
        for n in range(1, 101):
            reporter.update(Progress("indexing", n, 100))

    await asyncio.to_thread(work)
    await reporter.finish("done")
    assert message.edits[-1] == "done"
    progress = message.edits[:-1]
    assert 1 <= len(progress) <= 20  # 100 reports, one per 5 "seconds"
    numbers = [int(e.split("indexed ")[1].split("/")[0]) for e in progress]
    assert numbers == sorted(numbers)
    assert message.threads == {threading.get_ident()}  # edited on the loop's thread only


async def test_run_indexing_ends_with_the_summary() -> None:
    message = FakeMessage()

    def job(progress: Any) -> IndexReport:
        progress(Progress("loading", 1, 1))
        progress(Progress("indexing", 3, 3))
        return IndexReport(added=3, chunks=9)

    report = await run_indexing(message, "Re-indexing", job, interval=0.0)  # type: ignore[arg-type]
    assert message.replies == ["Re-indexing…"]
    assert message.edits[-1] == f"Re-indexing: done.\n{report.summary()}"
    assert "Re-indexing: indexed 3/3 articles…" in message.edits


async def test_run_indexing_says_when_it_stopped() -> None:
    message = FakeMessage()

    def job(progress: Any) -> IndexReport:
        raise OSError("disk full")

    with pytest.raises(OSError):
        await run_indexing(message, "Re-indexing", job)  # type: ignore[arg-type]
    assert message.edits == ["Re-indexing: stopped by an error (see the log)."]
