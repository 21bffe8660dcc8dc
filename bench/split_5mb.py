"""Seconds to split 5 MB articles of hostile shapes (issue 13, item 7).

    python bench/split_5mb.py [CASE ...]

Times `sentence_spans` and `SentenceChunker.split` on each; figures, not a pass/fail test.
"""

from __future__ import annotations

import sys
import time

from index.chunk import SentenceChunker
from index.sentences import sentence_spans

N = 5_000_000
CASES = {
    "dots": "Awal " + "." * N + "x akhir.",
    "dot-space": ". " * (N // 2),
    "a-dot-space": "a. " * (N // 3),
    "initials": "A. " * (N // 3),
    "sentences": "Ini kalimat berita yang biasa. " * (N // 31),
    "no-space": "x" * N,
    "newlines": "\n" * N,
    "mixed-punct": "?!.…\"'" * (N // 6),
    "abbr-chain": "x" + ".x" * (N // 2) + ". ",
}


def main(names: list[str]) -> None:
    chunker = SentenceChunker(chunk_size=800)
    for name in names or list(CASES):
        text = CASES[name]
        started = time.perf_counter()
        sentence_spans(text)
        spans_s = time.perf_counter() - started
        started = time.perf_counter()
        chunker.split(text)
        split_s = time.perf_counter() - started
        print(f"{name:12s} {len(text) / 1e6:.1f} MB  sentence_spans {spans_s:6.2f}s  "
              f"chunker.split {split_s:6.2f}s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
