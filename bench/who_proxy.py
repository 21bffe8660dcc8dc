"""A proxy for "Who commented on …?": is the asked person among the speakers listed?

    KUTIP_DATA_DIR=DIR python bench/who_proxy.py SAID.jsonl [SAID.jsonl …]
                                                 [--corpus ../shared/eval/corpus]

No who questions come with gold answers, so each said row ("What did X say about Y?") is
turned into "Who commented on Y?" ("Siapa saja yang berkomentar soal Y?"): X spoke on Y, so
X should be listed. Prints speaker@1 and speaker@5 (X is the first / among the first five
listed) and quote@5 (X's listed statement holds the row's key phrase). Uses `kutip eval`'s
cached index (same key). Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.messages import t
from index.names import match_speaker
from kutip.evaluate import _services_for
from kutip.settings import Settings
from retriever.question import Question
from retriever.speakers import MIN_SPEAKER_MATCH

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("said", type=Path, nargs="+")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_EVAL / "corpus")
    parser.add_argument("--unrelated", type=Path, help="topics nothing indexed covers")
    args = parser.parse_args()
    retriever = _services_for("hybrid", Settings(), args.corpus).retriever
    n = first = listed = quoted = 0
    for path in args.said:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            said = Question.parse(row["question"]).said
            if said is None or not said.topic or not row.get("speaker"):
                continue
            quotes = retriever.search(_who(said.topic, said.language), k=5).quotes
            ranks = [i for i, q in enumerate(quotes) if q.speaker and match_speaker(
                row["speaker"], q.speaker, q.role) >= MIN_SPEAKER_MATCH]
            n += 1
            if ranks:
                listed += 1
                first += ranks[0] == 0
                quoted += row["answer"] in quotes[ranks[0]].text
    print(f"n {n}  speaker@1 {first / n:.3f}  speaker@5 {listed / n:.3f}  quote@5 {quoted / n:.3f}")
    if args.unrelated:
        rows = [json.loads(line) for line in args.unrelated.read_text(encoding="utf-8").splitlines()]
        wrong = [r["topic"] for r in rows
                 if retriever.search(_who(r["topic"], r["language"]), k=5).answered]
        print(f"unrelated answered {len(wrong)} of {len(rows)}: {', '.join(wrong)}")


def _who(topic: str, language: str | None) -> str:
    return t("en" if language == "en" else "id", "who_question", topic=topic)


if __name__ == "__main__":
    main()
