"""Score said-question rankings offline over `bench/said_rank_dump.py`'s dump, for a grid of
`said_rank` weights, in well under a second per setting.

    python bench/said_rank_grid.py [--dump /tmp/said_rank.pkl] [--top 15]

For each setting it ranks every dumped question's statements with `said_rank.topic_score`,
takes the quotes `statement_quotes` would show (overlapping runs skipped), and counts, per
split (tune / held) and language: quote-hit@1 and @3 (of all said rows: rows the retriever
does not rank for a person count as misses here, though the eval may still hit them through
the usual path), said rows wrongly refused and said-absent rows refused
(`said_rank.on_topic`). The current constants come first; then the best settings on tune,
each with its held figures. Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
from dataclasses import replace
from pathlib import Path

from retriever.said_rank import (
    CONTEXT_WEIGHT,
    DIRECT_BONUS,
    LEXICAL_WEIGHT,
    MAX_TOPIC_GAP,
    MIN_TOPIC_SCORE,
    on_topic,
    topic_score,
)

GRID = {
    "context_weight": (0.3, 0.4, 0.5, 0.6),
    "lexical_weight": (0.02, 0.04, 0.08),
    "direct_bonus": (0.03, 0.05, 0.08),
    "question_weight": (0.0, 0.1, 0.25),
}
CURRENT = {"context_weight": CONTEXT_WEIGHT, "lexical_weight": LEXICAL_WEIGHT,
           "direct_bonus": DIRECT_BONUS, "question_weight": 0.0}


def _shown(statements: list[dict], weights: dict[str, float]) -> tuple[float, list[dict]]:
    """(best score, the statements whose quotes would be shown, in order)."""
    qw = weights["question_weight"]
    scored = []
    for st in statements:
        f, fq = st["features"], st["question_features"]
        f = replace(f, dense=(1 - qw) * f.dense + qw * fq.dense)
        scored.append((topic_score(f, context_weight=weights["context_weight"],
                                   lexical_weight=weights["lexical_weight"],
                                   direct_bonus=weights["direct_bonus"]), st))
    scored.sort(key=lambda x: (-x[0], x[1]["row"]))
    shown: list[dict] = []
    for _, st in scored:
        a, s, e = st["run"]
        if not any(a == b and s < f and t < e for b, t, f in (x["run"] for x in shown)):
            shown.append(st)
    return (scored[0][0] if scored else 0.0), shown


def figures(dump: list[dict], weights: dict[str, float], *, min_score: float = MIN_TOPIC_SCORE,
            max_gap: float = MAX_TOPIC_GAP) -> dict[str, dict[str, int]]:
    """{split: {"n", "hit1", "hit3", "en1", "id1", "refused", "absent", "absent_refused"}}."""
    out: dict[str, dict[str, int]] = {}
    for q in dump:
        item = q["item"]
        fig = out.setdefault(q["split"], dict.fromkeys(
            ("n", "hit1", "hit3", "en", "en1", "id", "id1", "refused", "absent",
             "absent_refused"), 0))
        said = bool(item.get("answer"))
        fig["n" if said else "absent"] += 1
        if said:
            fig[item["lang"]] += 1
        if q["skipped"]:
            continue
        best, shown = _shown(q["statements"], weights)
        answered = bool(shown) and on_topic(best, q["gap"], min_score=min_score, max_gap=max_gap)
        if not said:
            fig["absent_refused"] += not answered
            continue
        fig["refused"] += not answered
        rank = next((i for i, st in enumerate(shown[:3], 1) if st["gold"]), None)
        fig["hit1"] += bool(answered and rank == 1)
        fig[f"{item['lang']}1"] += bool(answered and rank == 1)
        fig["hit3"] += bool(answered and rank)
    return out


def _line(name: str, fig: dict[str, dict[str, int]]) -> str:
    cells = []
    for split in ("tune", "held"):
        f = fig[split]
        cells.append(f"{split} @1 {f['hit1']:2}/{f['n']} (en {f['en1']}/{f['en']}, id "
                     f"{f['id1']}/{f['id']}) @3 {f['hit3']:2} refused {f['refused']} "
                     f"absent {f['absent_refused']}/{f['absent']}")
    return f"{name:34} " + " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, default=Path("/tmp/said_rank.pkl"))
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    dump = pickle.loads(args.dump.read_bytes())
    print(_line("current", figures(dump, CURRENT)))
    rows = []
    for values in itertools.product(*GRID.values()):
        weights = dict(zip(GRID, values, strict=True))
        fig = figures(dump, weights)
        rows.append(((fig["tune"]["hit1"], fig["tune"]["hit3"]), weights, fig))
    rows.sort(key=lambda r: r[0], reverse=True)
    for _, weights, fig in rows[:args.top]:
        name = " ".join(f"{k.split('_')[0][:3]}={v:g}" for k, v in weights.items())
        print(_line(name, fig))


if __name__ == "__main__":
    main()
