"""How much padding each way of batching chunks costs, from token counts alone (no timing).

    python bench/pad_cost.py [--corpus ../shared/eval/scale/indosum-dev.jsonl] [--articles 500]

A model pads every batch to its longest text, so a batch costs its width times its size on
the linear layers and the width squared times its size on attention. For calls of C texts
cut into batches of B (each call sorted by length, as the indexer and the torch runtime do),
prints both costs relative to the real tokens (1.0 = no padding). Then, for chunks and for
statements (what the indexer embeds of them) in the indexer's calls, the linear cost and the
number of passes of fixed power-of-two batches against the torch runtime's own split
(`index.e5_torch.padded_batches`, widths rounded as it does). Deterministic: it needs no
quiet machine. Figures only: nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from index.chunk import SentenceChunker
from index.e5_model import PASSAGE_PREFIX, bundled_weights, ensure_e5_model
from index.e5_torch import padded_batches, padded_width
from index.indexer import CHUNK_CALL_BATCHES, STATEMENT_BATCH_FACTOR, embedding_text
from index.speech import extract_statements
from index.statements import embedded_records, with_sentence_parts

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


def statement_lengths(corpus: Path, articles: int, tokenizer: Tokenizer) -> np.ndarray:
    """Content tokens of each statement text the indexer embeds (no <s> ... </s>)."""
    lengths = []
    with corpus.open(encoding="utf-8") as lines:
        for _, line in zip(range(articles), lines, strict=False):
            text = json.loads(line)["text"]
            found = with_sentence_parts(text, extract_statements(text))
            lengths += [len(tokenizer.encode(PASSAGE_PREFIX + text[st.start:st.end]).ids) - 2
                        for st, own in zip(found, embedded_records(found), strict=True) if own]
    return np.asarray(lengths)


def split_cost(contents: np.ndarray, call: int, split) -> tuple[float, int]:
    """(linear cost relative to the real tokens, passes) of calls of `call` texts sorted
    longest first and cut by `split(lengths, 16)`, widths rounded as the runtime does."""
    linear, passes = 0, 0
    for lo in range(0, len(contents), call):
        part = sorted(contents[lo:lo + call].tolist(), reverse=True)
        for start, stop in split(part, 16):
            linear += padded_width(part[start]) * (stop - start)
            passes += 1
    return linear / (contents + 2).sum(), passes


def fixed_batches(lengths: list[int], largest: int) -> list[tuple[int, int]]:
    """Power-of-two batches of `largest` while they fill, as before `padded_batches`."""
    spans, start = [], 0
    while start < len(lengths):
        size = min(largest, 1 << ((len(lengths) - start).bit_length() - 1))
        spans.append((start, start + size))
        start += size
    return spans


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
    statements = statement_lengths(args.corpus, args.articles, tokenizer)
    for name, contents, call in (("chunks", np.minimum(lengths, 512) - 2,
                                  16 * CHUNK_CALL_BATCHES),
                                 ("statements", statements, 16 * STATEMENT_BATCH_FACTOR)):
        for how, split in (("fixed batches of 16", fixed_batches),
                           ("padded_batches", padded_batches)):
            linear, passes = split_cost(contents, call, split)
            print(f"{len(contents)} {name}, calls of {call}, {how}: linear x{linear:.3f}, "
                  f"{passes} passes")


if __name__ == "__main__":
    main()
