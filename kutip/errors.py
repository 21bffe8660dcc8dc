"""Every error kutip raises on purpose, in one place.

Callers (the CLI, the bot's error handler) map these to a user-facing message;
anything else is a bug and is logged with its traceback.

* KutipError
  + ConfigError               bad settings; the message lists each bad value
  + StoreError
    - StoreUnavailable        the Chroma server cannot be reached right now
    - StoreLocked             another process writes to the embedded store
    - ModelMismatch           the collection was built with another embedding model
  + IndexingError
    - LoadError               one input could not be loaded (reported, batch goes on)
  + RetrievalError
    - EmptyQuestion           nothing to search for
  + EmbeddingError            the embedding backend could not be loaded
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EmbeddingError",
    "EmptyQuestion",
    "IndexingError",
    "KutipError",
    "LoadError",
    "ModelMismatch",
    "RetrievalError",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
]


class KutipError(Exception):
    """Base class of every expected kutip error."""


class ConfigError(KutipError):
    """A setting is missing or invalid."""


class StoreError(KutipError):
    """The vector store failed."""


class StoreUnavailable(StoreError):
    """The Chroma server is down or unreachable; retrying later may work."""


class StoreLocked(StoreError):
    """Another process holds the embedded store's write lock."""


class ModelMismatch(StoreError):
    """The index was built with a different embedding model than the one configured."""

    def __init__(self, *, stored: str, configured: str) -> None:
        super().__init__(
            f"the index was built with embedding model {stored!r} but {configured!r} is "
            "configured; run `kutip index --reembed` to embed the stored articles anew with the "
            "new model (or `kutip index --rebuild PATH...` to start over from files, dropping "
            "uploads and URLs; or set KUTIP_EMBEDDING_BACKEND/KUTIP_EMBEDDING_MODEL back)"
        )
        self.stored = stored
        self.configured = configured


class IndexingError(KutipError):
    """Indexing could not proceed."""


class LoadError(IndexingError):
    """One input (file, URL, feed entry) could not be turned into an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class RetrievalError(KutipError):
    """A question could not be answered because of the input."""


class EmptyQuestion(RetrievalError):
    """The question has no searchable text."""


class EmbeddingError(KutipError):
    """The configured embedding backend could not be loaded."""
