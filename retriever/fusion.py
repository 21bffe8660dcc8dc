"""How the retriever combines its two signals: one small strategy object per mode.

`hybrid` (the default) embeds the question, runs BM25 too, scores BM25-only chunks by
their stored vectors and fuses with `rank.fuse_scores`; `dense` uses the vectors only;
`bm25` needs no embedding at all and, having no calibrated scale, never abstains.
The mode names are the public way to choose (`kutip eval --retriever`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from retriever.rank import fuse_scores

__all__ = ["FUSIONS", "Fusion", "Mode", "fusion_for"]

Mode = Literal["hybrid", "dense", "bm25"]
Combine = Callable[[Mapping[str, float], Mapping[str, float], float], dict[str, float]]


@dataclass(frozen=True)
class Fusion:
    """Which signals a search uses and how their scores become one ranking."""

    name: Mode
    dense: bool
    """Embed the question and query the vectors."""
    lexical: bool
    """Query the BM25 index."""
    rescore_lexical: bool
    """Score BM25-only candidates by their stored vectors (so every candidate has both)."""
    abstains: bool
    """Compare the best candidate's support with the threshold (else answer when any)."""
    combine: Combine
    """(dense scores, BM25 scores, share of known query words) → fused score per chunk."""


def _hybrid(dense: Mapping[str, float], lexical: Mapping[str, float],
            confidence: float) -> dict[str, float]:
    return fuse_scores(dense, lexical, confidence=confidence)


def _dense_only(dense: Mapping[str, float], lexical: Mapping[str, float],
                confidence: float) -> dict[str, float]:
    return fuse_scores(dense, {}, confidence=confidence)


def _bm25_only(dense: Mapping[str, float], lexical: Mapping[str, float],
               confidence: float) -> dict[str, float]:
    top = max(lexical.values(), default=1.0)
    return {cid: s / top for cid, s in lexical.items()}


FUSIONS: dict[str, Fusion] = {
    "hybrid": Fusion("hybrid", dense=True, lexical=True, rescore_lexical=True, abstains=True,
                     combine=_hybrid),
    "dense": Fusion("dense", dense=True, lexical=False, rescore_lexical=False, abstains=True,
                    combine=_dense_only),
    "bm25": Fusion("bm25", dense=False, lexical=True, rescore_lexical=False, abstains=False,
                   combine=_bm25_only),
}


def fusion_for(mode: Mode) -> Fusion:
    """The strategy of a mode name; ValueError for an unknown one."""
    try:
        return FUSIONS[mode]
    except KeyError:
        raise ValueError(f"unknown retriever mode {mode!r}; one of {sorted(FUSIONS)}") from None
