"""Build sets I and J's corpus: the 400 eval articles plus 240 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_ij.py OUT_DIR [--list I|J]

As make_corpus_gh.py, with F's, G's and H's picks left out: I (said-I.jsonl) was written
over the first 120 fresh articles, J (said-J.jsonl) over the other 120; both are scored on
the whole OUT_DIR.
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
from make_corpus_gh import PER_SET, fresh_picks

SEED = 20261203


def picks_ij() -> dict[str, list[dict]]:
    """I's and J's articles: F's, G's and H's picks replayed and left out, then 2 × 120."""
    have = {p.stem for p in (SHARED / "corpus").glob("*.txt")}
    rows = [json.loads(line) for line in
            (SHARED / "scale" / "indosum-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    fresh = [r for r in rows if r["id"] not in have
             and sum(r["text"].count(mark) for mark in '"“') >= 4]
    taken = {r["id"] for r in random.Random(F_SEED).sample(fresh, F_FRESH)}
    taken |= {r["id"] for rows_ in fresh_picks().values() for r in rows_}
    pool = [r for r in fresh if r["id"] not in taken]
    picked = random.Random(SEED).sample(pool, 2 * PER_SET)
    return {"I": picked[:PER_SET], "J": picked[PER_SET:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--list", choices=("I", "J"))
    args = parser.parse_args()
    picks = picks_ij()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in (SHARED / "corpus").glob("*.txt"):
        shutil.copy(path, args.out / path.name)
    for row in picks["I"] + picks["J"]:
        text = f"{row['title'].strip()}\n\n{row['text'].strip()}\n"
        (args.out / f"{row['id']}.txt").write_text(text, encoding="utf-8")
    if args.list:
        print("\n".join(f"{row['id']}.txt" for row in picks[args.list]))
    else:
        print(f"400 + {2 * PER_SET} articles -> {args.out}")


if __name__ == "__main__":
    main()
