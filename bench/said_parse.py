"""How often questions parse as "what did X say" and whether the parsed person is the speaker.

    python bench/said_parse.py [--eval DIR] [--verbose]

Over ../shared/eval/said.jsonl (rows with `question` and `speaker`): how many questions parse
as kind "said", by language, and for how many the parsed person matches the row's `speaker`
through `index.names.match_speaker` (the rows carry no role, so a question that names only a
role cannot match here; tests/index/test_names.py checks descriptions against roles). Questions
that ask for reasons without a verb of speech ("Why did X do Y?") parse with explicit=False and
are counted. Over dev.jsonl (factoid questions): how many parse as said/who at
all, each listed. Over said-absent.jsonl: the same as said.jsonl. Figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from index.names import match_speaker
from retriever.said_question import parse_said_question

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _speaker_rows(path: Path, verbose: bool) -> None:
    """Parse and match counts over a file whose rows name the speaker."""
    rows = _rows(path)
    counts: Counter[str] = Counter()
    misses = []
    for row in rows:
        lang = row.get("lang", "?")
        query = parse_said_question(row["question"])
        counts[f"rows {lang}"] += 1
        if query is None or query.kind != "said":
            misses.append(("not said", row["question"], query))
            continue
        counts[f"said {lang}"] += 1
        counts["weak"] += not query.explicit
        score = match_speaker(query.person or "", row["speaker"])
        if score > 0:
            counts[f"match {lang}"] += 1
            counts["score sum"] += score
        else:
            misses.append((f"no match ({row['speaker']})", row["question"], query))
    total = len(rows)
    said = counts["said en"] + counts["said id"]
    matched = counts["match en"] + counts["match id"]
    print(f"{path.name}: {total} rows; parsed as said {said}/{total} "
          f"(en {counts['said en']}/{counts['rows en']}, "
          f"id {counts['said id']}/{counts['rows id']});"
          f" person matches speaker {matched}/{said} "
          f"(en {counts['match en']}, id {counts['match id']}; "
          f"mean score {counts['score sum'] / max(matched, 1):.2f}); "
          f"{counts['weak']} asked for reasons without a verb of speech (explicit=False)")
    for why, question, query in misses:
        print(f"  - {why}: {question}" + (f"\n      {query}" if verbose else ""))


def _factoid_rows(path: Path) -> None:
    """Questions of other kinds that the parser takes as said/who (each is listed)."""
    rows = _rows(path)
    questions = [row["question"] for row in rows]
    parsed = [(q, query) for q in questions if (query := parse_said_question(q))]
    started = time.perf_counter()  # second pass: patterns already compiled
    for question in questions:
        parse_said_question(question)
    per_question = (time.perf_counter() - started) / max(len(rows), 1) * 1e6
    kinds = Counter(q.kind for _, q in parsed)
    print(f"{path.name}: {len(rows)} rows; parsed as said {kinds['said']}, as who {kinds['who']}"
          f" ({per_question:.0f} µs per question)")
    for question, query in parsed:
        print(f"  - {query.kind} person={query.person!r}: {question}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder of the eval files")
    parser.add_argument("--verbose", action="store_true", help="show the parsed query of misses")
    args = parser.parse_args()
    _speaker_rows(args.eval / "said.jsonl", args.verbose)
    absent = args.eval / "said-absent.jsonl"
    if absent.exists():
        _speaker_rows(absent, args.verbose)
    _factoid_rows(args.eval / "dev.jsonl")


if __name__ == "__main__":
    main()
