"""Write the IndoSum articles a labels file covers, for `bench/speech_labels.py`.

    python bench/speech_labels/make_articles.py bench/speech_labels/labels-a.jsonl OUT_DIR

Each article of ../shared/eval/scale/indosum-dev.jsonl that the labels name is written as
"title, blank line, text" to OUT_DIR/<id>.txt, as the make_corpus scripts of
bench/said_blind/ write them; an article of the eval corpus (../shared/eval/corpus) is
copied as it is (the labels' keys are phrases of those texts).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
SCALE = EVAL / "scale" / "indosum-dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    wanted = {json.loads(line)["article"].removesuffix(".txt")
              for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()}
    args.out.mkdir(parents=True, exist_ok=True)
    found = 0
    for name in sorted(wanted):
        if (EVAL / "corpus" / f"{name}.txt").exists():
            shutil.copy(EVAL / "corpus" / f"{name}.txt", args.out / f"{name}.txt")
            found += 1
    for line in SCALE.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] in wanted and not (args.out / f"{row['id']}.txt").exists():
            text = f"{row['title'].strip()}\n\n{row['text'].strip()}\n"
            (args.out / f"{row['id']}.txt").write_text(text, encoding="utf-8")
            found += 1
    print(f"{found} of {len(wanted)} articles -> {args.out}")


if __name__ == "__main__":
    main()
