"""The lexical snapshot saved on disk, so a fresh `kutip ask` process need not rebuild it.

Reading every chunk from Chroma and building BM25 takes seconds at a few thousand
articles (2.3 s at 3,463), and each `kutip ask` process paid it before answering. A
saved snapshot is keyed by the store's `version()` (counts and the generation that
every write changes), its name and its model, so it is only ever used for the exact
index it was built from; an index without a generation (written before generations
existed) is not cached. The file lives in the data dir, which only kutip writes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from pathlib import Path

from index.store import ChunkRow
from retriever.lexical import LexicalIndex
from retriever.speakers import SpeakerIndex

__all__ = ["load_snapshot", "save_snapshot", "snapshot_key"]

logger = logging.getLogger(__name__)

FORMAT = 2  # bump when ChunkRow, LexicalIndex or SpeakerIndex change shape
_PREFIX = "lexical-"
# what unpickling a torn, truncated or outdated file raises
_UNREADABLE = (pickle.UnpicklingError, EOFError, OSError, AttributeError, ImportError,
               IndexError, TypeError, ValueError)


def snapshot_key(store_name: str, model_id: str, version: tuple[int, int, str]) -> str | None:
    """The cache key of one index state, or None when that state cannot be told apart."""
    articles, chunks, generation = version
    if not generation:
        return None
    text = f"{FORMAT}|{store_name}|{model_id}|{articles}|{chunks}|{generation}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _path(directory: Path, key: str) -> Path:
    return directory / f"{_PREFIX}{key}.pickle"


Snapshot = tuple[list[ChunkRow], LexicalIndex, SpeakerIndex]


def load_snapshot(directory: Path, key: str) -> Snapshot | None:
    """The saved (rows, lexical index, speaker index) for `key`, or None (missing or
    unreadable)."""
    path = _path(directory, key)
    try:
        with path.open("rb") as fh:
            rows, lexical, speakers = pickle.load(fh)  # kutip's own file, in its own data dir
    except FileNotFoundError:
        return None
    except _UNREADABLE as exc:  # a torn or foreign file: rebuild instead
        logger.warning("ignoring unreadable lexical cache %s: %s", path, exc)
        return None
    if not isinstance(rows, list) or not isinstance(lexical, LexicalIndex) \
            or not isinstance(speakers, SpeakerIndex):
        logger.warning("ignoring lexical cache %s: unexpected content", path)
        return None
    return rows, lexical, speakers


def save_snapshot(directory: Path, key: str, snapshot: Snapshot) -> None:
    """Save atomically (temp file, then rename) and drop older snapshots; never raises."""
    tmp = directory / f".{_PREFIX}{key}.{os.getpid()}.tmp"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(snapshot, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _path(directory, key))
        for old in directory.glob(f"{_PREFIX}*.pickle"):
            if old.name != _path(directory, key).name:
                old.unlink(missing_ok=True)
    except OSError as exc:  # read-only or full disk: searching works without the cache
        logger.warning("could not save the lexical cache in %s: %s", directory, exc)
        tmp.unlink(missing_ok=True)
