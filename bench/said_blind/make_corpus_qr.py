"""Build sets Q and R's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_qr.py OUT_DIR [--list Q|R]

As make_corpus_op.py, with F's to P's picks (labels-f's 30 included) and every article of
the hand-labelled statement sets (bench/speech_labels/labels-a … labels-f) left out: Q
(said-Q.jsonl) was written over the first 120 fresh articles, R (said-R.jsonl) over the
other 120; both are scored on the whole OUT_DIR.
"""

from __future__ import annotations

from make_corpus_gh import build, pick_pair
from make_corpus_op import picks_op, taken_before_op

SEED = 20261207


def taken_before_qr() -> set[str]:
    """Ids of every article an earlier set (F to P) or a labelled set used."""
    taken = taken_before_op()
    taken |= {r["id"] for rows in picks_op().values() for r in rows}
    return taken


def picks_qr() -> dict[str, list[dict]]:
    """Q's and R's 2 × 120: everything used before replayed and left out."""
    return pick_pair(("Q", "R"), SEED, taken_before_qr())


if __name__ == "__main__":
    build(picks_qr(), __doc__.split("\n")[0])
