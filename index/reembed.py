"""The stored articles kept in a file while the index is embedded anew with another model.

A model change makes every stored vector useless, but not the articles: the store keeps
each one's text and fields. `kutip index --reembed` writes them all to a file first (one
JSON object per line, written atomically), drops the index, and indexes them again from
that file with the configured model, so articles no folder holds (uploads, URLs) survive.
The file is removed only when the run completes: a run that stops midway leaves it, and
the next `--reembed` starts from it again instead of from the half-built index.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from index._article import Article
from index.store import ArticleRecord

__all__ = ["read_backup", "write_backup"]

_FIELDS = ("article_id", "title", "text", "source", "url", "date", "origin")


def write_backup(path: Path, records: Sequence[ArticleRecord]) -> None:
    """Write `records` (with their texts) to `path`: a temporary file, flushed to disk,
    then renamed over `path`, so `path` is either absent or complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for record in records:
            line = {name: getattr(record, name) for name in _FIELDS}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def read_backup(path: Path) -> list[Article]:
    """The articles `write_backup` wrote, with the same ids, fields and content hashes."""
    with path.open(encoding="utf-8") as lines:
        return [Article(**{name: row[name] for name in _FIELDS})
                for row in map(json.loads, lines) if row]
