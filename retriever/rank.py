"""Pure ranking functions: fuse dense and lexical scores (no model, no store).

Plain reciprocal-rank fusion drowns good dense results when the question shares
no word with the article (an English question over Indonesian text): the BM25
list is then noise but still gets half the vote. Here the lexical signal is
weighted by how much of the question it could match at all (`lexical_confidence`),
so with zero overlap the ranking is the dense ranking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

__all__ = ["fuse_scores", "lexical_confidence", "top_indices"]


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the `k` largest scores, best first (ties keep index order)."""
    if k <= 0 or scores.size == 0:
        return np.zeros(0, dtype=np.int64)
    k = min(k, scores.size)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


def lexical_confidence(query_tokens: Sequence[str], vocabulary: Mapping[str, object]) -> float:
    """Share of the question's content words that occur anywhere in the corpus (0..1)."""
    if not query_tokens:
        return 0.0
    known = sum(1 for t in set(query_tokens) if t in vocabulary)
    return known / len(set(query_tokens))


def fuse_scores(
    dense: Mapping[str, float],
    lexical: Mapping[str, float],
    *,
    confidence: float,
    lexical_weight: float = 0.15,
) -> dict[str, float]:
    """Score-aware fusion: dense cosine + weight × confidence × normalised BM25.

    Args:
        dense: candidate id → cosine similarity (every candidate must have one).
        lexical: candidate id → BM25 score (missing means 0).
        confidence: `lexical_confidence` of the question, scales the lexical term.
        lexical_weight: how much a perfect lexical match may add to a cosine score.

    Returns:
        candidate id → fused score, for every id in `dense`.
    """
    top = max(lexical.values(), default=0.0)
    scale = lexical_weight * confidence / top if top > 0 else 0.0
    return {cid: d + scale * lexical.get(cid, 0.0) for cid, d in dense.items()}
