"""Build sets K and L's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_kl.py OUT_DIR [--list K|L|M]

As make_corpus_ij.py, with F's to J's picks and every article of the hand-labelled
statement sets (bench/speech_labels/labels-*.jsonl) left out: K (said-K.jsonl) was written
over the first 120 fresh articles, L (said-L.jsonl) over the other 120; both are scored on
the whole OUT_DIR. `--list M` prints 30 more fresh articles, none of K's or L's, for the
next hand-labelled statement set (labels-f.jsonl); they are not part of the corpus.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from make_corpus_f import eligible, f_pick
from make_corpus_gh import build, fresh_picks, pick_pair
from make_corpus_ij import picks_ij

SEED = 20261204
LABELS = Path(__file__).resolve().parents[1] / "speech_labels"
LABEL_PICK = 30


def labelled(sets: str = "a-e") -> set[str]:
    """Ids of the articles the hand-labelled sets `sets` cover (a glob range: labels-a …
    labels-e here; labels-f's own are M's pick)."""
    ids: set[str] = set()
    for path in sorted(LABELS.glob(f"labels-[{sets}].jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["article"].removesuffix(".txt"))
    return ids


def picks_kl() -> dict[str, list[dict]]:
    """K's and L's 2 × 120 and M's 30: everything used before replayed and left out."""
    taken = {r["id"] for r in f_pick(eligible())} | labelled()
    taken |= {r["id"] for rows in fresh_picks().values() for r in rows}
    taken |= {r["id"] for rows in picks_ij().values() for r in rows}
    picks = pick_pair(("K", "L"), SEED, taken)
    taken |= {r["id"] for rows in picks.values() for r in rows}
    pool = [r for r in eligible() if r["id"] not in taken]
    return picks | {"M": random.Random(SEED + 1).sample(pool, LABEL_PICK)}


if __name__ == "__main__":
    picks = picks_kl()
    build({"K": picks["K"], "L": picks["L"]}, __doc__.split("\n")[0], extra={"M": picks["M"]})
