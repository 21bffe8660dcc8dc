"""Build sets O and P's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_op.py OUT_DIR [--list O|P]

As make_corpus_mn.py, with F's to N's picks (labels-f's 30 included) and every article of
the hand-labelled statement sets (bench/speech_labels/labels-a … labels-f) left out: O
(said-O.jsonl) was written over the first 120 fresh articles, P (said-P.jsonl) over the
other 120; both are scored on the whole OUT_DIR.
"""

from __future__ import annotations

from make_corpus_f import eligible, f_pick
from make_corpus_gh import build, fresh_picks, pick_pair
from make_corpus_ij import picks_ij
from make_corpus_kl import labelled, picks_kl
from make_corpus_mn import picks_mn

SEED = 20261206


def taken_before_op() -> set[str]:
    """Ids of every article an earlier set (F to N) or a labelled set used."""
    taken = {r["id"] for r in f_pick(eligible())} | labelled("a-f")
    for picks in (fresh_picks(), picks_ij(), picks_kl(), picks_mn()):
        taken |= {r["id"] for rows in picks.values() for r in rows}
    return taken


def picks_op() -> dict[str, list[dict]]:
    """O's and P's 2 × 120: everything used before replayed and left out."""
    return pick_pair(("O", "P"), SEED, taken_before_op())


if __name__ == "__main__":
    build(picks_op(), __doc__.split("\n")[0])
