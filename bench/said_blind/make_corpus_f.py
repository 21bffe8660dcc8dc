"""Build set F's corpus: the 400 eval articles plus 120 IndoSum articles nobody had used.

    python bench/said_blind/make_corpus_f.py OUT_DIR

Set F (said-F.jsonl) was written over the 120 fresh articles only; it is scored with
`kutip eval bench/said_blind/said-F.jsonl --corpus OUT_DIR --unanswerable
bench/said_blind/said-F-absent.jsonl`. The pick is fixed (seeded): articles of
../shared/eval/scale/indosum-dev.jsonl that the 400 do not hold and that have at least
four quotation marks, written as "title, blank line, text" files named by their id.
The later sets' scripts (make_corpus_gh.py, make_corpus_ij.py) reuse `eligible` and
`write_corpus`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"
SEED = 20261201
FRESH = 120


def eligible() -> list[dict]:
    """IndoSum-dev rows the 400 do not hold, with at least four quotation marks."""
    have = {p.stem for p in (SHARED / "corpus").glob("*.txt")}
    rows = [json.loads(line) for line in
            (SHARED / "scale" / "indosum-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["id"] not in have
            and sum(r["text"].count(mark) for mark in '"“') >= 4]


def f_pick(rows: list[dict]) -> list[dict]:
    """Set F's 120 of `eligible()` (seeded)."""
    return random.Random(SEED).sample(rows, FRESH)


def write_corpus(out: Path, fresh: list[dict]) -> None:
    """The 400 eval articles and `fresh` as "title, blank line, text" files in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for path in (SHARED / "corpus").glob("*.txt"):
        shutil.copy(path, out / path.name)
    for row in fresh:
        text = f"{row['title'].strip()}\n\n{row['text'].strip()}\n"
        (out / f"{row['id']}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    write_corpus(args.out, f_pick(eligible()))
    print(f"400 + {FRESH} articles -> {args.out}")


if __name__ == "__main__":
    main()
