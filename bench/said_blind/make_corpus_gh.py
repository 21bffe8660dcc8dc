"""Build sets G and H's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_gh.py OUT_DIR [--list G|H]

G (said-G.jsonl) was written over the first 120 fresh articles, H (said-H.jsonl) over the
other 120; both are scored on the whole OUT_DIR (`kutip eval bench/said_blind/said-G.jsonl
--corpus OUT_DIR --unanswerable bench/said_blind/said-G-absent.jsonl`). The pick is fixed
(seeded) and leaves out set F's 120 (make_corpus_f.py's pick). `--list G` prints the file
names of G's articles only (for whoever writes questions over them).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from make_corpus_f import eligible, f_pick, write_corpus

SEED = 20261202
PER_SET = 120


def pick_pair(names: tuple[str, str], seed: int, taken: set[str]) -> dict[str, list[dict]]:
    """Two sets of `PER_SET` eligible articles none of `taken` (ids), seeded."""
    pool = [r for r in eligible() if r["id"] not in taken]
    picked = random.Random(seed).sample(pool, 2 * PER_SET)
    return {names[0]: picked[:PER_SET], names[1]: picked[PER_SET:]}


def fresh_picks() -> dict[str, list[dict]]:
    """G's and H's articles: F's pick replayed and left out, then 2 × 120 more."""
    return pick_pair(("G", "H"), SEED, {r["id"] for r in f_pick(eligible())})


def build(picks: dict[str, list[dict]], description: str,
          extra: dict[str, list[dict]] | None = None) -> None:
    """The command line of the make_corpus scripts over their `picks`.

    `extra` picks can be listed but are not written into the corpus (articles set aside for
    a hand-labelled statement set).
    """
    listable = picks | (extra or {})
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", type=Path)
    parser.add_argument("--list", choices=tuple(listable))
    args = parser.parse_args()
    write_corpus(args.out, [row for rows in picks.values() for row in rows])
    if args.list:
        print("\n".join(f"{row['id']}.txt" for row in listable[args.list]))
    else:
        print(f"400 + {sum(map(len, picks.values()))} articles -> {args.out}")


if __name__ == "__main__":
    build(fresh_picks(), __doc__.split("\n")[0])
