"""Concurrent callers of one batch function share its calls.

The bot answers questions on worker threads; each needs one query embedding. Run one at a
time, a burst of questions pays one forward pass each. Here a caller that finds every
pass slot busy queues its texts; when a pass ends, one waiting caller runs a single pass
for everything queued meanwhile and hands each caller its rows. A lone caller runs at
once, so nothing waits on a timer. With `passes=2` two passes may run at once (one per
core, each on one thread: measured on 2 shared cores, a one-thread pass of a few questions
is as fast as a two-thread one, and two of them keep both cores busy in a burst).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Coalescer"]


@dataclass
class _Request:
    texts: list[str]
    result: np.ndarray | None = None
    error: BaseException | None = None
    taken: bool = False  # a pass has it (set under the queue lock)
    finished: threading.Event = field(default_factory=threading.Event)


class Coalescer:
    """`run(texts)` returns `batch_fn(texts)`, batching with other threads' calls."""

    def __init__(self, batch_fn: Callable[[list[str]], np.ndarray], *, passes: int = 1) -> None:
        self._batch_fn = batch_fn
        self._running = threading.BoundedSemaphore(max(passes, 1))  # a slot per running pass
        self._queue_lock = threading.Lock()
        self._queue: list[_Request] = []

    def run(self, texts: list[str]) -> np.ndarray:
        request = _Request(list(texts))
        with self._queue_lock:
            self._queue.append(request)
        with self._running:
            if not request.taken:
                self._run_queued()
        request.finished.wait()  # at once, unless another slot's pass has this request
        if request.result is None:
            raise request.error or RuntimeError("the batch was interrupted")
        return request.result

    def _run_queued(self) -> None:
        with self._queue_lock:
            batch, self._queue = self._queue, []
            for request in batch:
                request.taken = True
        if not batch:  # another pass took this caller's request while it waited for a slot
            return
        vectors, error = None, None
        try:
            vectors = self._batch_fn([text for request in batch for text in request.texts])
        except Exception as exc:  # every caller of this pass sees the failure
            error = exc
            raise
        finally:  # even when interrupted, no caller is left waiting for rows
            _hand_out(batch, vectors, error or RuntimeError("the batch was interrupted"))


def _hand_out(batch: list[_Request], vectors: np.ndarray | None, error: BaseException) -> None:
    start = 0
    for request in batch:
        if vectors is None:
            request.error = error
        else:
            request.result = vectors[start : start + len(request.texts)]
            start += len(request.texts)
        request.finished.set()
