"""Build sets M and N's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_mn.py OUT_DIR [--list M|N]

As make_corpus_kl.py, with F's to L's picks, labels-f's 30 (make_corpus_kl.py's "M" pick)
and every article of the hand-labelled statement sets (bench/speech_labels/labels-*.jsonl,
labels-f included) left out: M (said-M.jsonl) was written over the first 120 fresh
articles, N (said-N.jsonl) over the other 120; both are scored on the whole OUT_DIR.
"""

from __future__ import annotations

from make_corpus_f import eligible, f_pick
from make_corpus_gh import build, fresh_picks, pick_pair
from make_corpus_ij import picks_ij
from make_corpus_kl import labelled, picks_kl

SEED = 20261205


def picks_mn() -> dict[str, list[dict]]:
    """M's and N's 2 × 120: everything used before replayed and left out."""
    taken = {r["id"] for r in f_pick(eligible())} | labelled("a-f")
    taken |= {r["id"] for rows in fresh_picks().values() for r in rows}
    taken |= {r["id"] for rows in picks_ij().values() for r in rows}
    taken |= {r["id"] for rows in picks_kl().values() for r in rows}
    return pick_pair(("M", "N"), SEED, taken)


if __name__ == "__main__":
    build(picks_mn(), __doc__.split("\n")[0])
