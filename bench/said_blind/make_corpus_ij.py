"""Build sets I and J's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_ij.py OUT_DIR [--list I|J]

As make_corpus_gh.py, with F's, G's and H's picks left out: I (said-I.jsonl) was written
over the first 120 fresh articles, J (said-J.jsonl) over the other 120; both are scored on
the whole OUT_DIR.
"""

from __future__ import annotations

from make_corpus_f import eligible, f_pick
from make_corpus_gh import build, fresh_picks, pick_pair

SEED = 20261203


def picks_ij() -> dict[str, list[dict]]:
    """I's and J's articles: F's, G's and H's picks replayed and left out, then 2 × 120."""
    taken = {r["id"] for r in f_pick(eligible())}
    taken |= {r["id"] for rows in fresh_picks().values() for r in rows}
    return pick_pair(("I", "J"), SEED, taken)


if __name__ == "__main__":
    build(picks_ij(), __doc__.split("\n")[0])
