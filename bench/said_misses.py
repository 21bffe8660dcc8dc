"""Why each said.jsonl question misses quote-hit@1: one line per miss, for diagnosis.

    KUTIP_DATA_DIR=DIR python bench/said_misses.py [--said ../shared/eval/said.jsonl]
                                                   [--corpus ../shared/eval/corpus]

Uses `kutip eval`'s cached index (same key), asks each question like the eval does and
prints, for each row whose first quote is not the gold one: the question, the refusal reason
or the first quote's speaker and text, and the 1-based rank of the gold quote (None: not
among the quotes). Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kutip.evaluate import _services_for, score_question
from kutip.settings import Settings

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--said", type=Path, default=DEFAULT_EVAL / "said.jsonl")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_EVAL / "corpus")
    args = parser.parse_args()
    services = _services_for("hybrid", Settings(), args.corpus)
    with services.writing("said_misses"):
        services.indexer.run([str(args.corpus)])
    rows = [json.loads(line) for line in args.said.read_text().splitlines() if line.strip()]
    misses = 0
    for row in rows:
        answer = services.retriever.search(row["question"], k=3)
        outcome = score_question(row, answer)
        if outcome.quote_rank == 1:
            continue
        misses += 1
        print(f"\n{row['id']} [{row['lang']}] {row['question']}")
        print(f"   gold {row['speaker']!r}: {row['answer']!r}  quote rank {outcome.quote_rank}")
        print(f"   asked {answer.speaker!r}  reason {answer.reason}")
        for quote in answer.quotes[:2]:
            print(f"   -> [{quote.speaker} / {quote.role}] {quote.text[:160]!r}")
    print(f"\n{misses} of {len(rows)} miss quote-hit@1")
    services.close()


if __name__ == "__main__":
    main()
