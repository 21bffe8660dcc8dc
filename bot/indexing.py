"""Run an indexing job off the event loop and show its progress by editing one message.

The indexer reports `Progress` from its worker thread; `ProgressReporter.update`
throttles those reports and hands them to the event loop with
`loop.call_soon_threadsafe`, where a single task edits the status message, so edits
never overlap and never arrive out of order.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from telegram import Message
from telegram.error import BadRequest, TelegramError

from bot.format import escape, format_progress, format_report
from bot.messages import t
from index.indexer import IndexReport, Progress
from retriever.text import Language

__all__ = ["ProgressReporter", "run_indexing"]

logger = logging.getLogger(__name__)

IndexJob = Callable[[Callable[[Progress], None]], IndexReport]


class ProgressReporter:
    """Edits `message` with the latest progress, at most once per `interval` seconds."""

    def __init__(
        self, message: Message, title: str, *, loop: asyncio.AbstractEventLoop,
        interval: float = 1.5, clock: Callable[[], float] = time.monotonic,
        lang: Language = "en",
    ) -> None:
        self._message, self._title, self._loop, self._lang = message, title, loop, lang
        self._interval, self._clock = interval, clock
        self._last = float("-inf")
        self._shown = ""
        self._pending: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self.edits = 0

    def update(self, progress: Progress) -> None:
        """The indexer's progress callback: call from any thread."""
        now = self._clock()
        if now - self._last < self._interval:
            return
        self._last = now
        self._loop.call_soon_threadsafe(self._want,
                                        format_progress(self._title, progress, lang=self._lang))

    def _want(self, text: str) -> None:
        if self._closed:
            return
        self._pending = text
        if self._task is None or self._task.done():
            self._task = self._loop.create_task(self._flush())

    async def _flush(self) -> None:
        while self._pending is not None:
            text, self._pending = self._pending, None
            await self._edit(text)

    async def _edit(self, text: str) -> None:
        if text == self._shown:
            return
        try:
            await self._message.edit_text(text)
        except BadRequest as exc:  # e.g. "message is not modified": harmless
            logger.debug("status edit refused: %s", exc)
        except TelegramError as exc:
            logger.warning("could not update the status message: %s", exc)
        else:
            self._shown = text
            self.edits += 1

    async def finish(self, text: str) -> None:
        """Stop live updates (after showing the latest one) and show `text`, the summary."""
        self._closed = True
        if self._task is not None:
            await self._task
        await self._edit(text)


async def run_indexing(
    message: Message, title: str, job: IndexJob, *, interval: float = 1.5,
    lang: Language = "en",
) -> IndexReport:
    """Reply with a status message, run `job(progress)` in a worker thread, end with the summary.

    Raises:
        Whatever `job` raises (after the status message says the run stopped).
    """
    status = await message.reply_html(format_progress(title, None))
    reporter = ProgressReporter(status, title, loop=asyncio.get_running_loop(), interval=interval,
                                lang=lang)
    try:
        report = await asyncio.to_thread(job, reporter.update)
    except Exception:
        await reporter.finish(t(lang, "progress_error", title=escape(title)))
        raise
    await reporter.finish(format_report(title, report, lang=lang))
    return report
