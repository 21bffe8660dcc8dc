"""The converted e5 folder run by plain torch: its tokenizer.json and safetensors, no wrappers.

sentence-transformers and transformers' `BertModel` run the same weights, but for one short
question most of their time and memory is machinery around twelve small matrix products:
measured on this 2-core machine (BENCHMARKS.md, issue 11), a 14-token question took 9.3 ms
through `BertModel` and 6.9 ms as the functional forward below, and importing
sentence-transformers alone added 171 MB of resident memory. Here the tensors are memory-mapped
from the folder's safetensors file (the 250k-row word-embedding table is only paged in for
the tokens actually seen), the tokenizer reads the folder's tokenizer.json in a third of
`tokenizers`' memory (`index.e5_tokenizer`), and the encoder is BERT's forward in
`torch.nn.functional` calls, exact erf GELU and all.

Small passes (a question, a few coalesced questions) run on one thread: at that size each
matrix product is shorter than the cost of waking a second OpenMP thread (measured: 7.0 vs
10.2 ms for one question, equal from ~500 tokens on); larger ones use every thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import safe_open

from index.e5_tokenizer import UnigramTokenizer
from kutip.memory import trim_free_heap

__all__ = ["SINGLE_THREAD_TOKENS", "WIDTH_STEP", "E5Encoder", "power_of_two_batches"]

# Passes of fewer padded tokens than this run on one thread (see the module docstring).
SINGLE_THREAD_TOKENS = 512
# Widths are padded to a multiple of this. oneDNN builds kernels and buffers for every new
# matrix shape and the heap keeps what they leave: measured, 52 new widths of one question
# cost 130 MB that stayed (1,200 shapes of one product: +1.1 GB, +285 MB after a trim).
WIDTH_STEP = 8


@dataclass(frozen=True)
class _Layer:
    """One encoder layer's tensors; query, key and value fused into one product."""

    qkv_w: torch.Tensor
    qkv_b: torch.Tensor
    out_w: torch.Tensor
    out_b: torch.Tensor
    ln1_w: torch.Tensor
    ln1_b: torch.Tensor
    up_w: torch.Tensor
    up_b: torch.Tensor
    down_w: torch.Tensor
    down_b: torch.Tensor
    ln2_w: torch.Tensor
    ln2_b: torch.Tensor


class E5Encoder:
    """Token ids in, mean-pooled last hidden states out, for a converted e5 folder."""

    def __init__(self, folder: Path, *, dtype: str = "float32", threads: int | None = None):
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.max_positions = int(config["max_position_embeddings"])
        self._eps = float(config["layer_norm_eps"])
        self._dtype = getattr(torch, dtype)
        self.threads = threads or torch.get_num_threads()
        self.tokenizer = UnigramTokenizer(folder / "tokenizer.json")
        specials = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        self.bos, self.eos, self.pad = (
            self.tokenizer.token_to_id(specials[f"{role}_token"]) for role in ("bos", "eos", "pad")
        )
        self._shapes: set[torch.Size] = set()
        tensors = self._load_tensors(folder / "model.safetensors")
        self._word = tensors["embeddings.word_embeddings.weight"]
        self._position = tensors["embeddings.position_embeddings.weight"]
        self._type0 = tensors["embeddings.token_type_embeddings.weight"][0]
        self._ln = (tensors["embeddings.LayerNorm.weight"], tensors["embeddings.LayerNorm.bias"])
        self._layers = [
            _layer(tensors, f"encoder.layer.{i}.") for i in range(int(config["num_hidden_layers"]))
        ]

    def _load_tensors(self, path: Path) -> dict[str, torch.Tensor]:
        """Memory-mapped tensors (copied only where the file's dtype differs from ours)."""
        with safe_open(str(path), framework="pt") as handle:
            names = list(handle.keys())  # a safe_open handle is not iterable
            return {name: handle.get_tensor(name).to(self._dtype) for name in names}

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text, without <s> and </s>."""
        return [self.tokenizer.content_ids(text) for text in texts]

    def window_means(self, windows: list[list[int]]) -> np.ndarray:
        """Mean of the last hidden states over each window framed by <s> ... </s> (float32
        pooling whatever the weights' dtype); windows must fit `max_positions`."""
        width = -(-(max(len(w) for w in windows) + 2) // WIDTH_STEP) * WIDTH_STEP
        ids = torch.full((len(windows), width), self.pad, dtype=torch.long)
        mask = torch.zeros((len(windows), width), dtype=torch.bool)
        for row, tokens in enumerate(windows):
            ids[row, : len(tokens) + 2] = torch.tensor([self.bos, *tokens, self.eos])
            mask[row, : len(tokens) + 2] = True
        torch.set_num_threads(1 if ids.numel() < SINGLE_THREAD_TOKENS else self.threads)
        with torch.inference_mode():
            hidden = self._forward(ids, None if bool(mask.all()) else mask).float()
            weights = mask.unsqueeze(-1).float()
            means = (hidden * weights).sum(dim=1) / weights.sum(dim=1)
        if ids.shape not in self._shapes:  # a new shape's scratch memory back to the OS
            self._shapes.add(ids.shape)
            trim_free_heap()
        return means.numpy()

    def _forward(self, ids: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        """BERT's encoder (post-norm, absolute positions, token type 0) as functional calls."""
        batch, width = ids.shape
        size, eps = (self.hidden,), self._eps
        x = F.embedding(ids, self._word) + self._position[:width] + self._type0
        x = F.layer_norm(x, size, *self._ln, eps)
        attend = None if mask is None else mask[:, None, None, :]
        for layer in self._layers:
            qkv = F.linear(x, layer.qkv_w, layer.qkv_b)
            q, k, v = qkv.view(batch, width, 3, self.heads, -1).permute(2, 0, 3, 1, 4)
            attended = F.scaled_dot_product_attention(q, k, v, attn_mask=attend)
            attended = attended.transpose(1, 2).reshape(batch, width, self.hidden)
            x = F.layer_norm(F.linear(attended, layer.out_w, layer.out_b) + x, size,
                             layer.ln1_w, layer.ln1_b, eps)
            up = F.gelu(F.linear(x, layer.up_w, layer.up_b))
            x = F.layer_norm(F.linear(up, layer.down_w, layer.down_b) + x, size,
                             layer.ln2_w, layer.ln2_b, eps)
        return x


def _layer(tensors: dict[str, torch.Tensor], prefix: str) -> _Layer:
    def get(name: str) -> torch.Tensor:
        return tensors[prefix + name]

    attention = [f"attention.self.{part}" for part in ("query", "key", "value")]
    return _Layer(
        qkv_w=torch.cat([get(f"{name}.weight") for name in attention]),
        qkv_b=torch.cat([get(f"{name}.bias") for name in attention]),
        out_w=get("attention.output.dense.weight"),
        out_b=get("attention.output.dense.bias"),
        ln1_w=get("attention.output.LayerNorm.weight"),
        ln1_b=get("attention.output.LayerNorm.bias"),
        up_w=get("intermediate.dense.weight"),
        up_b=get("intermediate.dense.bias"),
        down_w=get("output.dense.weight"),
        down_b=get("output.dense.bias"),
        ln2_w=get("output.LayerNorm.weight"),
        ln2_b=get("output.LayerNorm.bias"),
    )


def power_of_two_batches(count: int, largest: int) -> list[tuple[int, int]]:
    """(start, stop) of consecutive batches covering `count` items, each a power of two of
    at most `largest` items, so that passes come in few shapes (see WIDTH_STEP)."""
    cap = 1 << (max(largest, 1).bit_length() - 1)
    spans, start = [], 0
    while start < count:
        size = min(cap, 1 << ((count - start).bit_length() - 1))
        spans.append((start, start + size))
        start += size
    return spans
