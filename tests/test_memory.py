"""`release_free_memory` hands freed heap back to the OS (the bot's RSS after a snapshot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kutip.memory import _malloc_trim, release_free_memory

MIB = 1024 * 1024


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def test_freed_heap_goes_back_to_the_os() -> None:
    if _malloc_trim() is None or not Path("/proc/self/status").exists():
        pytest.skip("needs glibc's malloc_trim and /proc")
    # > 512 bytes each: from malloc, not Python's small-object arenas
    blocks = [bytes(2000) for _ in range(50_000)]
    pin = bytes(2000)  # allocated last: the heap cannot shrink from its top by itself
    del blocks
    freed_but_kept = _rss()
    assert release_free_memory()
    assert _rss() < freed_but_kept - 50 * MIB
    del pin
