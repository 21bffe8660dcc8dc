"""The composition root: build every service from `Settings`, in one place."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from index.chunk import SentenceChunker
from index.e5_runtime import Workload
from index.embed import KutipEmbeddings
from index.indexer import Indexer
from index.loaders import Loader
from index.lock import WriteLock
from index.speech import EXTRACTOR_VERSION, extract_statements
from index.store import ChromaStore
from kutip.factories import build_client, build_embedder
from kutip.settings import Settings
from retriever.search import Mode, Retriever

__all__ = ["Services", "build_services", "run_bot"]

logger = logging.getLogger(__name__)

# With a Chroma server, another process may be mid-run: its chunks without a record yet
# are left alone for this long before a later run treats them as crash leftovers.
SERVER_ORPHAN_GRACE_S = 3600.0


@dataclass
class Services:
    """Everything the CLI and the bot use, built once per process."""

    settings: Settings
    embedder: KutipEmbeddings
    store: ChromaStore
    loader: Loader
    indexer: Indexer
    retriever: Retriever

    @contextlib.contextmanager
    def writing(self, holder: str) -> Iterator[None]:
        """Hold the embedded store's write lock (no-op with a Chroma server)."""
        if self.settings.uses_chroma_server:
            yield
            return
        with WriteLock(self.settings.data_dir, holder=holder):
            yield

    def close(self) -> None:
        self.loader.close()


def build_services(
    settings: Settings,
    *,
    embedder: KutipEmbeddings | None = None,
    mode: Mode = "hybrid",
    workload: Workload = "serve",
) -> Services:
    """Wire embedder → store → indexer and retriever. Checks the store's model early."""
    embedder = embedder or build_embedder(settings, workload=workload)
    store = ChromaStore(
        client=build_client(settings),
        name=settings.collection,
        model_id=embedder.model_id,
        orphan_grace_s=SERVER_ORPHAN_GRACE_S if settings.uses_chroma_server else 0.0,
    )
    loader = Loader(max_bytes=settings.max_article_bytes, http_timeout=settings.http_timeout,
                    allow_private_urls=settings.allow_private_urls)
    indexer = Indexer(
        loader=loader,
        chunker=SentenceChunker(chunk_size=settings.chunk_size),
        embedder=embedder,
        store=store,
        batch_size=settings.embed_batch_size,
        extract_statements=extract_statements,
        extractor_version=EXTRACTOR_VERSION,
    )
    retriever = Retriever(
        store=store,
        embedder=embedder,
        min_score=settings.min_score,
        max_quote_chars=settings.max_quote_chars,
        mode=mode,
        cache_dir=settings.data_dir / "cache",
    )
    return Services(settings, embedder, store, loader, indexer, retriever)


def run_bot(settings: Settings) -> None:
    """`kutip bot`: build the services once, hold the write lock, run the Telegram bot.

    Raises:
        ConfigError: TELEGRAM_BOT_TOKEN is missing (checked before anything is built).
        StoreLocked: another process (e.g. `kutip index`) writes to the embedded store.
    """
    from bot.main import bot_token, build_application, protect_token, run_application

    protect_token(bot_token(settings))
    services = build_services(settings)
    try:
        services.store.check()
        with services.writing("kutip bot"):
            run_application(build_application(settings, services), settings)
    finally:
        services.close()
