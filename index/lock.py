"""An exclusive, cross-process write lock for the embedded store.

Embedded Chroma (a PersistentClient on a directory) is not safe for two writer
processes. Whoever writes takes this lock; a second writer gets `StoreLocked`
with a message naming the holder, never a corrupted index. The Chroma server mode
needs no lock: the server serialises writes itself.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from types import TracebackType
from typing import Self

from filelock import FileLock, Timeout

from kutip.errors import StoreLocked

__all__ = ["WriteLock"]


class WriteLock:
    """`with WriteLock(data_dir, holder="kutip index"):` — raises `StoreLocked` if taken."""

    def __init__(self, data_dir: Path, *, holder: str) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(data_dir / "kutip.lock"))
        self._info = data_dir / "kutip.lock.json"
        self.holder = holder

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise StoreLocked(self._busy_message()) from None
        self._info.write_text(json.dumps(
            {"pid": os.getpid(), "holder": self.holder, "since": time.time()}
        ))

    def release(self) -> None:
        if self._lock.is_locked:
            self._info.unlink(missing_ok=True)
            self._lock.release()

    def _busy_message(self) -> str:
        try:
            info = json.loads(self._info.read_text())
            who = f"{info.get('holder', 'another process')} (pid {info.get('pid', '?')})"
        except (OSError, ValueError):
            who = "another process"
        return (
            f"the index in {self._info.parent} is in use by {who}. Embedded Chroma allows one "
            "writer at a time: wait for it to finish, use the bot's /reindex or /add while the bot "
            "runs, or run a Chroma server (set CHROMA_HOST) so several processes can share it"
        )

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
