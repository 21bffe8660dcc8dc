"""The composition root: build every service from `Settings`, in one place."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.e5_runtime import Workload
from index.embed import KutipEmbeddings
from index.lock import WriteLock
from index.store import ChromaStore
from kutip.factories import build_client, build_embedder
from kutip.settings import Settings
from retriever.search import Mode, Retriever

if TYPE_CHECKING:
    from index.indexer import Indexer
    from index.loaders import Loader

__all__ = ["Services", "build_services", "run_bot"]

logger = logging.getLogger(__name__)

# With a Chroma server, another process may be mid-run: its chunks without a record yet
# are left alone for this long before a later run treats them as crash leftovers.
SERVER_ORPHAN_GRACE_S = 3600.0


@dataclass
class Services:
    """Everything the CLI and the bot use, built once per process. The loader and the
    indexer are built on first use: a process that only answers (a cold `kutip ask`) never
    imports them, nor the statement extractor and the HTTP fetching they bring."""

    settings: Settings
    embedder: KutipEmbeddings
    store: ChromaStore
    retriever: Retriever

    @functools.cached_property
    def loader(self) -> Loader:
        from index.loaders import Loader

        settings = self.settings
        return Loader(max_bytes=settings.max_article_bytes, http_timeout=settings.http_timeout,
                      allow_private_urls=settings.allow_private_urls)

    @functools.cached_property
    def indexer(self) -> Indexer:
        from index.chunk import SentenceChunker
        from index.indexer import Indexer
        from index.speech import EXTRACTOR_VERSION, extract_statements

        return Indexer(
            loader=self.loader,
            chunker=SentenceChunker(chunk_size=self.settings.chunk_size),
            embedder=self.embedder,
            store=self.store,
            batch_size=self.settings.embed_batch_size,
            extract_statements=extract_statements,
            extractor_version=EXTRACTOR_VERSION,
        )

    @contextlib.contextmanager
    def writing(self, holder: str) -> Iterator[None]:
        """Hold the embedded store's write lock (no-op with a Chroma server)."""
        if self.settings.uses_chroma_server:
            yield
            return
        with WriteLock(self.settings.data_dir, holder=holder):
            yield

    def close(self) -> None:
        if "loader" in self.__dict__:  # built (cached_property keeps it in the instance)
            self.loader.close()


def build_services(
    settings: Settings,
    *,
    embedder: KutipEmbeddings | None = None,
    mode: Mode = "hybrid",
    workload: Workload = "serve",
) -> Services:
    """Wire embedder → store → retriever (the indexer on first use). Checks the store's
    model early."""
    embedder = embedder or build_embedder(settings, workload=workload)
    store = ChromaStore(
        client=build_client(settings),
        name=settings.collection,
        model_id=embedder.model_id,
        orphan_grace_s=SERVER_ORPHAN_GRACE_S if settings.uses_chroma_server else 0.0,
    )
    retriever = Retriever(
        store=store,
        embedder=embedder,
        min_score=settings.min_score,
        max_quote_chars=settings.max_quote_chars,
        mode=mode,
        cache_dir=settings.data_dir / "cache",
        release_memory=workload != "oneoff",
    )
    return Services(settings, embedder, store, retriever)


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
