"""`ArticleCatalog`: the /help and /sources replies, re-read only when the index changes.

Both replies sum up every stored article (the count, the last update, the most recent
titles; /help's example questions name people quoted in the index and their topics);
reading every record takes 240–400 ms at 3,500 articles. The catalog keeps the
formatted replies and rebuilds them only when the store's cheap `version()` changes
(any write, by this process or another), so repeated calls read nothing heavy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from typing import Protocol

from bot.format import format_help, format_sources
from bot.messages import LANGUAGES
from index.store import ArticleRecord
from retriever.text import Language

__all__ = ["ArticleCatalog", "CatalogStore"]

HELP_EXAMPLES = 3


class CatalogStore(Protocol):
    """What the catalog reads of the store (`index.store.ChromaStore`)."""

    def version(self) -> Hashable: ...

    def articles(self) -> list[ArticleRecord]: ...


class ArticleCatalog:
    """Cached /help and /sources texts, keyed by the store's version; thread-safe
    (handlers call it through `asyncio.to_thread`)."""

    def __init__(self, store: CatalogStore, *,
                 examples: Callable[[int], Sequence[tuple[str, str]]] = lambda n: ()) -> None:
        """`examples(n)`: up to n (speaker, topic) pairs of the index for /help's example
        questions (`Retriever.speaker_examples`); none: examples from recent titles."""
        self._store = store
        self._examples = examples
        self._lock = threading.Lock()
        self._version: Hashable | None = None
        self._help: dict[tuple[bool, Language], str] = {}
        self._sources: dict[Language, list[str]] = {}

    def help_text(self, *, is_admin: bool, lang: Language = "en") -> str:
        """The /help reply in `lang` (admins also see the admin commands)."""
        with self._lock:
            self._refresh()
            return self._help[is_admin, lang]

    def sources_texts(self, *, lang: Language = "en") -> list[str]:
        """The /sources reply in `lang`, as one or more messages."""
        with self._lock:
            self._refresh()
            return list(self._sources[lang])

    def _refresh(self) -> None:
        """Re-read the records once per index version (the lock is held)."""
        version = self._store.version()
        if version == self._version:
            return
        records: Sequence[ArticleRecord] = self._store.articles()
        speakers = list(self._examples(HELP_EXAMPLES))
        self._help = {(admin, lang): format_help(records, is_admin=admin, speakers=speakers,
                                                 lang=lang)
                      for admin in (False, True) for lang in LANGUAGES}
        self._sources = {lang: format_sources(records, lang=lang) for lang in LANGUAGES}
        self._version = version
