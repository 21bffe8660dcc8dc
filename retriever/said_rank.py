"""Rank statements by how well they answer a topic (pure functions, no model, no store).

A statement's topic score is its cosine with the topic's query vector, plus a small
lexical bonus for the topic's content words it contains (IDF-weighted share), plus a
bonus for the context: how well the chunk around it matched the whole question.
Cosine scales differ across languages (an English topic over an Indonesian statement
scores lower), so cross-lingual pairs get the same offset the abstention uses
(`retriever.rank.CROSS_LINGUAL_OFFSET`). The refusal threshold is compared with the
best statement's score.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from retriever.rank import CROSS_LINGUAL_OFFSET

__all__ = [
    "CONTEXT_WEIGHT", "LEXICAL_WEIGHT", "MIN_TOPIC_SCORE", "ScoredStatement", "lexical_share",
    "rank_statements",
]

# Calibrated on ../shared/eval/said.jsonl and said-absent.jsonl (see README, "Quality").
LEXICAL_WEIGHT = 0.1
CONTEXT_WEIGHT = 0.2
MIN_TOPIC_SCORE = 0.80


@dataclass(frozen=True)
class ScoredStatement:
    """A statement (by its position in the speaker index) and its topic score."""

    row: int
    score: float


def lexical_share(tokens: Collection[str], weights: Mapping[str, float]) -> float:
    """IDF-weighted share of the topic's content words that `tokens` contains (0..1)."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(w for t, w in weights.items() if t in tokens) / total


def rank_statements(
    rows: Sequence[int],
    dense: Mapping[int, float],
    lexical: Mapping[int, float],
    context: Mapping[int, float],
    cross_lingual: Collection[int] = (),
    *,
    lexical_weight: float = LEXICAL_WEIGHT,
    context_weight: float = CONTEXT_WEIGHT,
    offset: float = CROSS_LINGUAL_OFFSET,
) -> list[ScoredStatement]:
    """Statements `rows` ranked by topic score, best first.

    Args:
        rows: the candidate statements (positions in the speaker index).
        dense: row → cosine of its vector with the topic (missing: not scored, left out).
        lexical: row → `lexical_share` of the topic in it.
        context: row → relevance of its surrounding chunk to the question (0..1).
        cross_lingual: rows in another language than the question.

    >>> [s.row for s in rank_statements([1, 2], {1: .80, 2: .85}, {1: 1.0}, {})]
    [1, 2]
    """
    out = []
    for row in rows:
        if row not in dense:
            continue
        score = (dense[row] + lexical_weight * lexical.get(row, 0.0)
                 + context_weight * context.get(row, 0.0)
                 + (offset if row in cross_lingual else 0.0))
        out.append(ScoredStatement(row, score))
    out.sort(key=lambda s: (-s.score, s.row))
    return out
