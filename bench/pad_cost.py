"""How much padding each way of batching chunks costs, from token counts alone (no timing).

    python bench/pad_cost.py [--corpus ../shared/eval/scale/indosum-dev.jsonl] [--articles 500]

A model pads every batch to its longest text, so a batch costs its width times its size on
the linear layers and the width squared times its size on attention. For calls of C texts
cut into batches of B (each call sorted by length, as the indexer and the torch runtime do),
prints both costs relative to the real tokens (1.0 = no padding). Deterministic: it needs
no quiet machine. Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from index.chunk import SentenceChunker
from index.e5_model import PASSAGE_PREFIX, bundled_weights, ensure_e5_model
from index.indexer import embedding_text

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "eval" / "scale" / "indosum-dev.jsonl"
SHAPES = ((16, 16), (32, 32), (64, 16), (128, 16), (256, 16), (256, 32), (1024, 32))


def chunk_lengths(corpus: Path, articles: int, tokenizer: Tokenizer) -> np.ndarray:
    chunker = SentenceChunker(chunk_size=800)
    lengths = []
    with corpus.open(encoding="utf-8") as lines:
        for _, line in zip(range(articles), lines, strict=False):
            row = json.loads(line)
            for chunk in chunker.split(row["text"]):
                text = PASSAGE_PREFIX + embedding_text(row.get("title", ""), chunk.text)
                lengths.append(min(len(tokenizer.encode(text).ids), 512))  # one window at most
    return np.asarray(lengths)


def padded_cost(lengths: np.ndarray, call: int, batch: int) -> tuple[float, float]:
    """(linear, attention) cost of calls of `call` sorted texts in batches of `batch`."""
    linear = attention = 0
    for lo in range(0, len(lengths), call):
        part = np.sort(lengths[lo:lo + call])[::-1]
        for b in range(0, len(part), batch):
            width = int(part[b:b + batch].max())
            size = len(part[b:b + batch])
            linear += width * size
            attention += width * width * size
    return linear / lengths.sum(), attention / (lengths.astype(np.int64) ** 2).sum()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--cache", type=Path, default=Path("bench/out/models"))
    args = parser.parse_args()
    folder = ensure_e5_model(bundled_weights(), args.cache, dtype="float32")
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    lengths = chunk_lengths(args.corpus, args.articles, tokenizer)
    print(f"{len(lengths)} chunks, tokens mean {lengths.mean():.0f}, "
          f"p10/p50/p90 {np.percentile(lengths, [10, 50, 90]).round().tolist()}")
    for call, batch in SHAPES:
        linear, attention = padded_cost(lengths, call, batch)
        print(f"calls of {call:>4}, batches of {batch:>2}: linear x{linear:.3f}  "
              f"attention x{attention:.3f}")


if __name__ == "__main__":
    main()
