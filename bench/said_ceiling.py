"""How far can re-weighting the statement features take said.jsonl's quote-hit@1? An upper
bound, fitted in-sample over `bench/said_rank_dump.py`'s dump.

    python bench/said_ceiling.py [--dump /tmp/said_rank.pkl]

For every setting of a grid over the features a statement's score can be made of (its cosine,
its chunk's, the whole question's cosine, the lexical share, the direct-quotation bonus, its
length), it counts the said rows whose best-scored statement holds the gold answer (rows the
retriever does not rank count as misses; no joins, no refusals). It prints the current weights'
count, the best count any setting reaches on all rows (fitted on the very rows it counts: a
ceiling, not a figure to expect), and what the best setting on the tune half scores on the
held half. When the ceiling stays under a target, no weighting of these features meets it.
Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
from pathlib import Path

import numpy as np

from retriever.rank import CROSS_LINGUAL_OFFSET
from retriever.said_rank import CONTEXT_WEIGHT, DIRECT_BONUS, LEXICAL_WEIGHT

FEATURES = ("dense", "context", "question", "lexical", "direct", "log_length")
GRID = {
    "dense": (0.2, 0.35, 0.5, 0.65, 0.8),
    "context": (0.0, 0.2, 0.35, 0.5, 0.65),
    "question": (0.0, 0.15, 0.3),
    "lexical": (0.0, 0.02, 0.04, 0.08),
    "direct": (0.0, 0.02, 0.05, 0.08),
    "log_length": (-0.01, 0.0, 0.01),
}
CURRENT = (1 - CONTEXT_WEIGHT, CONTEXT_WEIGHT, 0.0, LEXICAL_WEIGHT, DIRECT_BONUS, 0.0)


def _matrices(dump: list[dict]) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """Per ranked said row: (split, features, cross-lingual offsets, gold flags)."""
    out = []
    for q in dump:
        if q["skipped"] or not q["item"].get("answer") or not q["statements"]:
            continue
        rows, offsets, gold = [], [], []
        for st in q["statements"]:
            f = st["features"]
            context = f.dense if f.context is None else f.context
            rows.append((f.dense, context, st["question_features"].dense, f.lexical,
                         float(f.direct), math.log(len(st["text"]))))
            offsets.append(CROSS_LINGUAL_OFFSET if f.cross_lingual else 0.0)
            gold.append(st["gold"])
        out.append((q["split"], np.array(rows), np.array(offsets), np.array(gold)))
    return out


def _hits(questions: list, weights: tuple[float, ...], split: str | None = None) -> int:
    w = np.array(weights)
    return sum(int(gold[int(np.argmax(x @ w + off))])
               for s, x, off, gold in questions if split in (None, s))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, default=Path("/tmp/said_rank.pkl"))
    args = parser.parse_args()
    dump = pickle.loads(args.dump.read_bytes())
    questions = _matrices(dump)
    said = sum(1 for q in dump if q["item"].get("answer"))
    best_all, best_tune = (-1, CURRENT), (-1, CURRENT)
    for weights in itertools.product(*GRID.values()):
        best_all = max(best_all, (_hits(questions, weights), weights))
        best_tune = max(best_tune, (_hits(questions, weights, "tune"), weights))
    names = ", ".join(f"{n}={v:g}" for n, v in zip(FEATURES, best_all[1], strict=True))
    print(f"said rows {said}, ranked {len(questions)}")
    print(f"current weights: best statement holds the gold on {_hits(questions, CURRENT)}")
    print(f"ceiling (fitted on all rows): {best_all[0]} ({names})")
    print(f"fitted on tune: tune {best_tune[0]}, held {_hits(questions, best_tune[1], 'held')} "
          f"(current: tune {_hits(questions, CURRENT, 'tune')}, "
          f"held {_hits(questions, CURRENT, 'held')})")


if __name__ == "__main__":
    main()
