"""An in-memory BM25 index over chunk texts (bm25s), with the vocabulary statistics
the fusion and the quote picker need. Built from plain texts: no model, no store.

`to_arrays` / `from_arrays` turn it into plain numpy arrays and JSON-able fields and back
(checked on the way back), so it can be saved in a file that cannot run code on load.
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

# What bm25s 0.3.x holds after `index()` (its own `save`/`load` keep the same arrays).
_BM25_ARRAYS = {"bm25_data": np.float32, "bm25_indices": np.int32, "bm25_indptr": np.int64}


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

    def to_arrays(self) -> tuple[dict[str, np.ndarray], dict[str, object]]:
        """The index as arrays plus JSON-able fields ("tokens" in bm25s id order)."""
        import bm25s

        fields: dict[str, object] = {"bm25s": bm25s.__version__, "n_docs": self.n_docs}
        if self.bm25 is None:
            return {}, {**fields, "tokens": []}
        vocab: dict[str, int] = self.bm25.vocab_dict
        tokens = sorted(vocab, key=vocab.__getitem__)
        dense_ids = [vocab[t] for t in tokens] == list(range(len(tokens)))
        if not dense_ids or not self.doc_freq.keys() <= vocab.keys():
            raise ValueError("bm25s vocabulary is not a dense id range over the corpus tokens")
        if self.bm25.nonoccurrence_array is not None:
            raise ValueError(f"bm25s method {self.bm25.method!r} is not saved")
        scores = self.bm25.scores
        arrays = {
            "bm25_data": scores["data"], "bm25_indices": scores["indices"],
            "bm25_indptr": scores["indptr"],
            "doc_freq": np.array([self.doc_freq.get(t, 0) for t in tokens], dtype=np.int64),
        }
        return arrays, {**fields, "tokens": tokens}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], fields: dict[str, object]) -> LexicalIndex:
        """Rebuild what `to_arrays` returned; ValueError when any part does not fit the rest."""
        import bm25s

        n_docs, tokens = fields.get("n_docs"), fields.get("tokens")
        if fields.get("bm25s") != bm25s.__version__:
            raise ValueError(f"saved by bm25s {fields.get('bm25s')!r}, not {bm25s.__version__}")
        if type(n_docs) is not int or n_docs < 0 or not isinstance(tokens, list):
            raise ValueError("n_docs or tokens missing")
        if n_docs == 0:
            if arrays or tokens:
                raise ValueError("an empty index with content")
            return cls(bm25=None, doc_freq=Counter(), n_docs=0)
        vocab = dict(zip(tokens, range(len(tokens)), strict=True))
        _check_bm25_arrays(arrays, n_docs, tokens, distinct=len(vocab))
        bm25 = bm25s.BM25()  # the parameters `build` uses
        bm25.scores = {"data": arrays["bm25_data"], "indices": arrays["bm25_indices"],
                       "indptr": arrays["bm25_indptr"], "num_docs": n_docs}
        bm25.vocab_dict = vocab
        bm25.unique_token_ids_set = set(range(len(tokens)))
        bm25.nonoccurrence_array = None  # only BM25L/BM25+ have one; `build` uses neither
        freq = arrays["doc_freq"]
        doc_freq: Counter[str] = Counter()
        dict.update(doc_freq, zip(tokens, freq.tolist(), strict=True))  # no per-key counting
        for unseen in np.flatnonzero(freq == 0).tolist():  # bm25s's empty token
            del doc_freq[tokens[unseen]]
        return cls(bm25=bm25, doc_freq=doc_freq, n_docs=n_docs)

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

    def holding(self, tokens: Iterable[str]) -> np.ndarray:
        """Positions of the texts that hold any of `tokens`, ascending."""
        vocab = getattr(self.bm25, "vocab_dict", None) or {}
        ids = [vocab[t] for t in tokens if t in self.doc_freq and t in vocab]
        if not ids:
            return np.zeros(0, dtype=np.int64)
        scores = self.bm25.scores
        indptr, indices = scores["indptr"], scores["indices"]
        return np.unique(np.concatenate([indices[indptr[i]:indptr[i + 1]] for i in ids]))

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


def _check_bm25_arrays(
    arrays: dict[str, np.ndarray], n_docs: int, tokens: list, *, distinct: int
) -> None:
    """Raise ValueError unless `arrays` are a consistent CSC score matrix over `tokens`."""
    if set(arrays) != {*_BM25_ARRAYS, "doc_freq"}:
        raise ValueError(f"unexpected arrays {sorted(arrays)}")
    for name, dtype in {**_BM25_ARRAYS, "doc_freq": np.int64}.items():
        if arrays[name].dtype != dtype or arrays[name].ndim != 1:
            raise ValueError(f"{name}: {arrays[name].dtype} {arrays[name].shape}")
    if not set(map(type, tokens)) <= {str} or distinct != len(tokens):
        raise ValueError("tokens are not distinct strings")
    data, indices, indptr = arrays["bm25_data"], arrays["bm25_indices"], arrays["bm25_indptr"]
    freq = arrays["doc_freq"]
    # bm25s gives every token a column except the empty token it appends to the vocabulary
    columns = len(indptr) - 1
    if not 0 <= columns <= len(tokens) or len(freq) != len(tokens) or len(indices) != len(data):
        raise ValueError("array lengths do not match the vocabulary")
    if indptr[0] != 0 or indptr[-1] != len(data) or np.any(np.diff(indptr) < 0):
        raise ValueError("bm25_indptr is not a valid column index")
    if np.any(freq[columns:] != 0):
        raise ValueError("a corpus token has no score column")
    if len(indices) and (indices.min() < 0 or indices.max() >= n_docs):
        raise ValueError("bm25_indices point outside the documents")
    if not np.isfinite(data).all() or np.any(freq < 0) or np.any(freq > n_docs):
        raise ValueError("scores or document frequencies out of range")
