"""Pure ranking functions: fuse dense and lexical scores, score an answer's support.

Plain reciprocal-rank fusion drowns good dense results when the question shares
no word with the article (an English question over Indonesian text): the BM25
list is then noise but still gets half the vote. Here the lexical signal is a
small bonus on top of the cosine, scaled by how much of the question it could
match at all (`LexicalIndex.known_share`), so with zero overlap the ranking is the
dense ranking, and with full overlap a strong BM25 match can lift a close second.

Cosine scales differ across languages: an English question scores about 0.06
lower against its own Indonesian answer than the Indonesian question does, so
`support_score` adds `CROSS_LINGUAL_OFFSET` before the abstention threshold.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

__all__ = [
    "CROSS_LINGUAL_OFFSET", "FUSION_LEXICAL_WEIGHT", "fuse_scores", "support_score",
    "top_indices",
]

# Chosen on the tuning half of dev (see README, "Quality"): 0.03–0.08 all score within
# one question of each other there; 0.15 (the first guess) lost 2 points of R@1.
FUSION_LEXICAL_WEIGHT = 0.05
# Difference of the 4th-percentile best fused score of Indonesian and of English
# (cross-lingual) questions on the tuning half of dev.
CROSS_LINGUAL_OFFSET = 0.065


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the `k` largest scores, best first (ties keep index order)."""
    if k <= 0 or scores.size == 0:
        return np.zeros(0, dtype=np.int64)
    k = min(k, scores.size)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.lexsort((part, -scores[part]))]


def fuse_scores(
    dense: Mapping[str, float],
    lexical: Mapping[str, float],
    *,
    confidence: float,
    lexical_weight: float = FUSION_LEXICAL_WEIGHT,
) -> dict[str, float]:
    """Score-aware fusion: dense cosine + weight × confidence × BM25 / best BM25.

    Args:
        dense: candidate id → cosine similarity (every candidate must have one).
        lexical: candidate id → BM25 score (missing means 0).
        confidence: `LexicalIndex.known_share` of the question, scales the lexical term.
        lexical_weight: how much a perfect lexical match may add to a cosine score.

    Returns:
        candidate id → fused score, for every id in `dense`.
    """
    top = max(lexical.values(), default=0.0)
    scale = lexical_weight * confidence / top if top > 0 else 0.0
    return {cid: d + scale * lexical.get(cid, 0.0) for cid, d in dense.items()}


def support_score(
    best_score: float, *, cross_lingual: bool, offset: float = CROSS_LINGUAL_OFFSET
) -> float:
    """How well the best candidate supports an answer, on the same-language scale.

    Args:
        best_score: the best fused (or dense) score among the candidates.
        cross_lingual: the question and that candidate are in different languages.
        offset: what a cross-lingual pair loses in cosine, added back.

    Returns:
        A score compared with the abstention threshold (`min_score`).
    """
    return best_score + offset if cross_lingual else best_score
