"""How the extractor does on statements a person labelled by hand in articles it was not
built on: recall, wrong speakers, and statements nobody labelled.

    python bench/speech_labels.py --labels LABELS.jsonl --corpus DIR [--misses]

LABELS.jsonl has one line per statement: {"article", "speaker", "speech", "key" (a
verbatim phrase of the statement), "form" (how it is attributed)}. A label is *found*
when a stored statement holds its key and is the speaker's (`speech_coverage`'s
`speaker_matches`), *wrong* when the statements holding its key are someone else's, else
*missed*; *under part of the name* when it is stored under a name that `match_speaker`
still gives the labelled speaker (`MIN_SPEAKER_MATCH`: "Agung" for Agung Sampurno). Stored statements holding no label's key are counted as *unlabelled* (spurious,
or a label left out). Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from speech_coverage import load_corpus, speaker_matches

from index.names import match_speaker
from index.names import name_key as fold
from index.speech import extract_statements
from retriever.speakers import MIN_SPEAKER_MATCH


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--misses", action="store_true", help="list missed and wrong labels")
    args = parser.parse_args()
    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    articles = load_corpus(args.corpus)
    outcome: Counter[str] = Counter()
    by_form: dict[str, Counter[str]] = {}
    used: set[tuple[str, int]] = set()
    for label in labels:
        article = articles.get(label["article"])
        if article is None:
            outcome["no article"] += 1
            continue
        text = article.text
        statements = extract_statements(text)
        key = fold(label["key"])
        holding = [s for s in statements if key in fold(text[s.start:s.end])]
        used.update((label["article"], s.start) for s in holding)
        if any(speaker_matches(label["speaker"], s) for s in holding):
            result = "found"
        elif any(match_speaker(label["speaker"], s.speaker, s.role) >= MIN_SPEAKER_MATCH
                 for s in holding):
            result = "partly"  # "Agung" for Agung Sampurno: a question about them finds it
        elif holding:
            result = "wrong"
        else:
            result = "missed"
        outcome[result] += 1
        by_form.setdefault(label.get("form", "?"), Counter())[result] += 1
        if args.misses and result != "found":
            got = "; ".join(f"{s.speaker} / {s.role}" for s in holding) or "-"
            print(f"  {result:6} {label['article'][:50]} {label['speaker']!r} "
                  f"[{label.get('form')}] {label['key']!r} -> {got}")
    stored = sum(len(extract_statements(articles[name].text)) for name in
                 {label["article"] for label in labels} if name in articles)
    n = sum(outcome[k] for k in ("found", "partly", "wrong", "missed"))
    print(f"labels {n}: found {outcome['found']} ({outcome['found'] / max(n, 1):.3f}), "
          f"under part of the name {outcome['partly']}, wrong speaker {outcome['wrong']}, "
          f"missed {outcome['missed']}; "
          f"stored statements {stored}, holding no label {stored - len(used)}")
    for form, counts in sorted(by_form.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {form[:40]:40} {dict(counts)}")


if __name__ == "__main__":
    main()
