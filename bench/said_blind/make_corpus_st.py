"""Build sets S and T's corpus: the 400 eval articles plus the last 177 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_st.py OUT_DIR [--list S|T]

As make_corpus_qr.py, with F's to R's picks (labels-f's 30 included) and every article of
the hand-labelled statement sets (bench/speech_labels/labels-a … labels-f) left out. What
is left of the eligible IndoSum articles (177) is all used, shuffled (seeded) and cut in
two: S (said-S.jsonl) was written over the first 88, T (said-T.jsonl) over the other 89;
both are scored on the whole OUT_DIR. No eligible IndoSum articles remain after these.
"""

from __future__ import annotations

import random

from make_corpus_f import eligible
from make_corpus_gh import build
from make_corpus_qr import picks_qr, taken_before_qr

SEED = 20261214


def taken_before_st() -> set[str]:
    """Ids of every article an earlier set (F to R) or a labelled set used."""
    taken = taken_before_qr()
    taken |= {r["id"] for rows in picks_qr().values() for r in rows}
    return taken


def picks_st() -> dict[str, list[dict]]:
    """S's first half and T's rest of every eligible article not used before (seeded shuffle)."""
    taken = taken_before_st()
    pool = [r for r in eligible() if r["id"] not in taken]
    random.Random(SEED).shuffle(pool)
    half = len(pool) // 2
    return {"S": pool[:half], "T": pool[half:]}


if __name__ == "__main__":
    build(picks_st(), __doc__.split("\n")[0])
