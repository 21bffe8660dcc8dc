"""Questions in languages other than English and Indonesian, over the eval corpus.

    KUTIP_DATA_DIR=DIR python bench/other_languages.py [--questions bench/probes/other-languages.jsonl]
                                                       [--corpus ../shared/eval/corpus]

The probe file holds 17 dev.jsonl questions translated by hand (10 Russian, 4 Spanish, one
each Portuguese, German, French; `a`: a verbatim part of the answer) and 10 questions the
corpus cannot answer (`a`: null; translations of tests/fixtures/unanswerable.jsonl). Prints,
per question, whether it was answered, whether a quote holds `a`, and the support score
the abstention compares with `min_score`. Uses `kutip eval`'s cached index (same key).
Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kutip.evaluate import _services_for
from kutip.settings import Settings
from retriever.question import Question

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=Path, default=HERE / "probes" / "other-languages.jsonl")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_EVAL / "corpus")
    args = parser.parse_args()
    retriever = _services_for("hybrid", Settings(), args.corpus).retriever
    answered = hits = false_answers = 0
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        answer = retriever.search(row["q"])
        best = answer.candidates[0] if answer.candidates else None
        support = retriever._support(Question.parse(row["q"]), best) if best else 0.0
        hit = answer.answered and row["a"] is not None and any(row["a"] in q.text
                                                                 for q in answer.quotes)
        answered += answer.answered and row["a"] is not None
        hits += hit
        false_answers += answer.answered and row["a"] is None
        print(f"{'answered' if answer.answered else 'refused '} {'hit' if hit else '   '} "
              f"{'answerable' if row['a'] else 'no answer '} support {support:.3f}  {row['q']}")
    print(f"answerable answered {answered}, with the answer quoted {hits}; "
          f"unanswerable answered {false_answers}")


if __name__ == "__main__":
    main()
