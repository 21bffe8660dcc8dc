"""Article records read once per snapshot of the store, not on every question.

A question needs the full records (texts) of its first candidates' articles, to cut quotes
from and to check each candidate belongs to the stored version. Reading them from Chroma
cost several milliseconds a question, a tenth of a question's time in a burst. While the
store's version is unchanged (the snapshot's), a record read once is still the stored one,
so each snapshot keeps the records it has read, the most recently used `RECORD_CACHE`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from index.store import ArticleRecord

__all__ = ["RECORD_CACHE", "GetArticles", "RecordCache"]

RECORD_CACHE = 512  # records kept per snapshot (an article's text is ~4 KB on average)

GetArticles = Callable[[Sequence[str]], dict[str, ArticleRecord]]
"""Full article records by id, unknown ids left out (`ChromaStore.get_articles`)."""


class RecordCache:
    """The records one snapshot has read, most recently used last; thread-safe."""

    def __init__(self, read: GetArticles, *, size: int = RECORD_CACHE) -> None:
        self._read = read
        self._size = size
        self._records: OrderedDict[str, ArticleRecord] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, article_ids: Sequence[str]) -> dict[str, ArticleRecord]:
        """Records for the given ids (unknown ids left out); only the missing are read.
        Absent ids are not remembered: an article being written may appear any moment."""
        wanted = list(dict.fromkeys(article_ids))
        with self._lock:
            found = {a: self._records[a] for a in wanted if a in self._records}
            for a in found:
                self._records.move_to_end(a)
        missing = [a for a in wanted if a not in found]
        if missing:
            read = self._read(missing)
            with self._lock:
                for a, record in read.items():
                    self._records[a] = record
                    self._records.move_to_end(a)
                while len(self._records) > self._size:
                    self._records.popitem(last=False)
            found.update(read)
        return {a: found[a] for a in wanted if a in found}
