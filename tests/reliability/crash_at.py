"""`python crash_at.py POINT GROUP kutip-args...`: run the real `kutip` CLI in this process and
SIGKILL it inside the GROUP-th store write, at POINT:

* `before-records`: that group's chunks are written, its article records (the commit
  markers) are not;
* `before-stale-delete`: chunks and records are written, the chunks of the articles'
  earlier versions are not deleted yet.

The kill is a real `kill -9` of this process (nothing is flushed or cleaned up), placed
by wrapping chromadb's `Collection` methods, which both the embedded and the HTTP client use.
"""

from __future__ import annotations

import os
import signal
import sys

from chromadb.api.models.Collection import Collection

from kutip.cli import main

POINTS = ("before-records", "before-stale-delete")


def install(point: str, group: int) -> None:
    calls = {"n": 0}

    def hit() -> None:
        calls["n"] += 1
        if calls["n"] == group:
            sys.stderr.write(f"crash_at: SIGKILL at {point}, group {group}\n")
            sys.stderr.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    upsert, get = Collection.upsert, Collection.get

    def patched_upsert(self, *args, **kwargs):
        if point == "before-records" and self.name.endswith("-articles"):
            hit()
        return upsert(self, *args, **kwargs)

    def patched_get(self, *args, **kwargs):
        if point == "before-stale-delete" and self.name.endswith("-chunks") and kwargs.get("where"):
            hit()
        return get(self, *args, **kwargs)

    Collection.upsert = patched_upsert
    Collection.get = patched_get


if __name__ == "__main__":
    point, group = sys.argv[1], int(sys.argv[2])
    if point not in POINTS:
        sys.exit(f"POINT must be one of {POINTS}")
    install(point, group)
    sys.exit(main(sys.argv[3:]))
