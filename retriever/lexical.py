"""An in-memory BM25 index over chunk texts (bm25s), with the vocabulary statistics
the fusion and the quote picker need. Built from plain texts: no model, no store.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from retriever.rank import top_indices
from retriever.text import tokenize

__all__ = ["LexicalIndex"]


@dataclass(frozen=True)
class LexicalIndex:
    """BM25 over `n_docs` texts plus document frequencies of every token."""

    bm25: object | None
    doc_freq: Counter[str]
    n_docs: int

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        """Index `texts` (one per chunk, in the order scores are returned)."""
        # one string object per distinct token, not per occurrence: the token lists of
        # 12,497 chunks hold about a million tokens, of 48 thousand distinct words
        token_lists = [[sys.intern(tok) for tok in tokenize(t)] for t in texts]
        doc_freq: Counter[str] = Counter()
        for tokens in token_lists:
            doc_freq.update(set(tokens))
        bm25 = None
        if token_lists:
            import bm25s  # lazy: importing bm25s is slow and only search needs it

            bm25 = bm25s.BM25()
            bm25.index(token_lists, show_progress=False)
        return cls(bm25=bm25, doc_freq=doc_freq, n_docs=len(token_lists))

    def top(self, query_tokens: Sequence[str], n: int) -> dict[int, float]:
        """Positions of the `n` best-scoring texts (score > 0) → BM25 score.

        Tokens the corpus never saw are left out first: they cannot score, and bm25s
        would look each one up in vain.
        """
        known = [t for t in query_tokens if t in self.doc_freq]
        if self.bm25 is None or not known:
            return {}
        scores = np.asarray(self.bm25.get_scores(known))
        return {int(i): float(scores[i]) for i in top_indices(scores, n) if scores[i] > 0}

    def idf(self, token: str) -> float:
        """Inverse document frequency (unknown tokens weigh most)."""
        return math.log(1 + (self.n_docs + 1) / (self.doc_freq.get(token, 0) + 0.5))

    def query_weights(self, query_tokens: Iterable[str]) -> dict[str, float]:
        """IDF weight of each distinct content word of a question (unknown words weigh most)."""
        return {t: self.idf(t) for t in set(query_tokens)}

    def known_share(self, query_tokens: Sequence[str]) -> float:
        """Share of the question's content words that occur anywhere in the corpus (0..1)."""
        unique = set(query_tokens)
        if not unique:
            return 0.0
        return sum(1 for t in unique if t in self.doc_freq) / len(unique)
