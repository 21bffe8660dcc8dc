"""Build sets G and H's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_gh.py OUT_DIR [--list G|H]

G (said-G.jsonl) was written over the first 120 fresh articles, H (said-H.jsonl) over the
other 120; both are scored on the whole OUT_DIR (`kutip eval bench/said_blind/said-G.jsonl
--corpus OUT_DIR --unanswerable bench/said_blind/said-G-absent.jsonl`). The pick is fixed
(seeded) and leaves out set F's 120 (make_corpus_f.py's pick): IndoSum articles the 400 do
not hold, with at least four quotation marks. `--list G` prints the file names of G's
articles only (for whoever writes questions over them).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

from make_corpus_f import FRESH as F_FRESH
from make_corpus_f import SEED as F_SEED
from make_corpus_f import SHARED

SEED = 20261202
PER_SET = 120


def fresh_picks() -> dict[str, list[dict]]:
    """G's and H's articles: F's pick replayed and left out, then 2 × 120 more."""
    have = {p.stem for p in (SHARED / "corpus").glob("*.txt")}
    rows = [json.loads(line) for line in
            (SHARED / "scale" / "indosum-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    fresh = [r for r in rows if r["id"] not in have
             and sum(r["text"].count(mark) for mark in '"“') >= 4]
    taken = {r["id"] for r in random.Random(F_SEED).sample(fresh, F_FRESH)}
    pool = [r for r in fresh if r["id"] not in taken]
    picked = random.Random(SEED).sample(pool, 2 * PER_SET)
    return {"G": picked[:PER_SET], "H": picked[PER_SET:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--list", choices=("G", "H"))
    args = parser.parse_args()
    picks = fresh_picks()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in (SHARED / "corpus").glob("*.txt"):
        shutil.copy(path, args.out / path.name)
    for row in picks["G"] + picks["H"]:
        text = f"{row['title'].strip()}\n\n{row['text'].strip()}\n"
        (args.out / f"{row['id']}.txt").write_text(text, encoding="utf-8")
    if args.list:
        print("\n".join(f"{row['id']}.txt" for row in picks[args.list]))
    else:
        print(f"400 + {2 * PER_SET} articles -> {args.out}")


if __name__ == "__main__":
    main()
