"""What "More quotes" adds: each answered question's second page, against its gold answer.

    KUTIP_DATA_DIR=DIR python bench/more_pages.py [--questions ../shared/eval/dev.jsonl]
                                                  [--corpus ../shared/eval/corpus] [-k 3]

Uses `kutip eval`'s cached index (same key). For every answered question: the first page
(`k` quotes), then, when `has_more`, the second (`exclude=` the first page). Prints how many
second-page quotes there are, how many come from the question's gold article, how often the
gold answer is on page 1 or 2, and how often a More button led to an empty page. Figures
only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kutip.evaluate import _services_for
from kutip.settings import Settings

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_EVAL / "dev.jsonl")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_EVAL / "corpus")
    parser.add_argument("-k", type=int, default=3)
    args = parser.parse_args()
    retriever = _services_for("hybrid", Settings(), args.corpus).retriever
    answered = on_first = on_two = second = from_gold = empty = 0
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        first = retriever.search(row["question"], k=args.k)
        if not first.answered:
            continue
        answered += 1
        hit = any(row["answer"] in q.text for q in first.quotes)
        shown = [(q.article_id, q.start, q.end) for q in first.quotes]
        more = retriever.search(row["question"], k=args.k, exclude=shown).quotes \
            if first.has_more else []
        empty += first.has_more and not more
        on_first += hit
        on_two += hit or any(row["answer"] in q.text for q in more)
        second += len(more)
        from_gold += sum(q.article_id == row.get("article") for q in more)
    print(f"answered {answered}; gold answer on page 1: {on_first}, on pages 1-2: {on_two}")
    print(f"second pages: {second} quotes, {from_gold} from the gold article; "
          f"More buttons leading to an empty page: {empty}")


if __name__ == "__main__":
    main()
