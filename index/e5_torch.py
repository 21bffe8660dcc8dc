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
10.2 ms for one question, equal from ~500 tokens on); larger ones use every thread, unless
the caller asks for one (`window_means(..., threads=1)`: bulk embedding runs one pass per
core instead).

Attention of a batch is two batched products with float32 scores and softmax over groups
of heads (`_Attention`), not `scaled_dot_product_attention`: torch's CPU flash kernel ran at
~55 GFLOP/s in bf16 (per-block matrix calls of 32 query rows), a third of the time of a
16-chunk pass for 7% of its arithmetic; this way the attention of a 16 x 176-token batch took
~2.3x less time (BENCHMARKS.md, "Indexing throughput, fourth round").
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import safe_open

from index.e5_tokenizer import UnigramTokenizer
from kutip.memory import trim_free_heap

__all__ = [
    "SINGLE_THREAD_TOKENS",
    "WIDTH_STEP",
    "E5Encoder",
    "padded_batches",
    "padded_width",
]

# Passes of fewer padded tokens than this run on one thread (see the module docstring).
SINGLE_THREAD_TOKENS = 512
# Widths are padded to a multiple of this. oneDNN builds kernels and buffers for every new
# matrix shape and the heap keeps what they leave: measured, 52 new widths of one question
# cost 130 MB that stayed (1,200 shapes of one product: +1.1 GB, +285 MB after a trim).
WIDTH_STEP = 8
# What a pass costs beyond its tokens, counted in tokens: measured on one thread, a pass of
# one 16-token text took 6.1 ms and each further token ~0.115 ms (every pass reads all the
# layers' weights, 42 MB in bf16). Attention adds its square: a token of a 256-token batch
# cost ~1.3x one of a 64-token batch.
PASS_TOKENS = 36
ATTENTION_TOKENS = 768
# Attention scores computed at once (float32 elements): groups of heads whose scores stay
# in the caches (measured over 2^15..2^19 at 16 x 176 tokens: 2^19 the fastest).
ATTENTION_GROUP = 1 << 19
# One text of at most this width (a question) attends through torch's own kernel: one
# layer's attention of one 24-32-token text took 54-58 us that way against 66-70 us by
# `_Attention`, which is faster from 48 tokens on (89 vs 105 us; 432 vs 812 us at 176).
KERNEL_WIDTH = 32


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

    def window_means(self, windows: list[list[int]], *, threads: int | None = None) -> np.ndarray:
        """Mean of the last hidden states over each window framed by <s> ... </s> (float32
        pooling whatever the weights' dtype); windows must fit `max_positions`. `threads`
        (this calling thread's OpenMP threads) defaults to one for a small pass, all else."""
        width = padded_width(max(len(w) for w in windows))
        ids = torch.full((len(windows), width), self.pad, dtype=torch.long)
        mask = torch.zeros((len(windows), width), dtype=torch.bool)
        for row, tokens in enumerate(windows):
            ids[row, : len(tokens) + 2] = torch.tensor([self.bos, *tokens, self.eos])
            mask[row, : len(tokens) + 2] = True
        if threads is None:
            threads = 1 if ids.numel() < SINGLE_THREAD_TOKENS else self.threads
        torch.set_num_threads(threads)  # OpenMP's count is per calling thread
        with torch.inference_mode():
            hidden = self._forward(ids, mask).float()
            weights = mask.unsqueeze(-1).float()
            means = (hidden * weights).sum(dim=1) / weights.sum(dim=1)
        if ids.shape not in self._shapes:  # a new shape's scratch memory back to the OS
            self._shapes.add(ids.shape)
            trim_free_heap()
        return means.numpy()

    def _forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """BERT's encoder (post-norm, absolute positions, token type 0) as functional calls."""
        batch, width = ids.shape
        size, eps = (self.hidden,), self._eps
        x = F.embedding(ids, self._word) + self._position[:width] + self._type0
        x = F.layer_norm(x, size, *self._ln, eps)
        if batch == 1 and width <= KERNEL_WIDTH:
            attention = functools.partial(_kernel_attention, None if bool(mask.all()) else mask)
        else:
            attention = _Attention(mask, heads=self.heads, width=width, dtype=x.dtype)
        for layer in self._layers:
            qkv = F.linear(x, layer.qkv_w, layer.qkv_b)
            attended = attention(qkv.view(batch, width, 3, self.heads, -1))
            x = F.layer_norm(F.linear(attended, layer.out_w, layer.out_b) + x, size,
                             layer.ln1_w, layer.ln1_b, eps)
            up = F.gelu(F.linear(x, layer.up_w, layer.up_b))
            x = F.layer_norm(F.linear(up, layer.down_w, layer.down_b) + x, size,
                             layer.ln2_w, layer.ln2_b, eps)
        return x


class _Attention:
    """Every layer's self-attention for one pass: softmax(q k^T / sqrt(d) + bias) v, where
    bias is -inf at padding keys. Scores are computed for a group of heads at a time in
    reused buffers (fresh tensors of this size cost page faults: measured ~5x slower), in
    float32 as torch's own bf16 kernel keeps them (bf16 scores moved the vectors 7-10% further
    from float32's, for 2% of the time); the probabilities go back to the weights' dtype for
    the second product, as that kernel does."""

    def __init__(self, mask: torch.Tensor, *, heads: int, width: int, dtype: torch.dtype):
        batch = mask.shape[0]
        self._group = max(1, min(batch * heads, ATTENTION_GROUP // (width * width)))
        bias = torch.zeros((batch, 1, width)).masked_fill_(~mask[:, None, :], float("-inf"))
        self._bias = bias.repeat_interleave(heads, dim=0)  # one row per (text, head)
        shape = (self._group, width, width)
        self._scores, self._probs = torch.empty(shape), torch.empty(shape)
        self._low_probs = None if dtype == torch.float32 else torch.empty(shape, dtype=dtype)

    def __call__(self, qkv: torch.Tensor) -> torch.Tensor:
        """(batch, width, 3, heads, head size) query/key/value in, (batch, width, hidden) out."""
        batch, width, _, heads, size = qkv.shape
        q, k, v = qkv.permute(2, 0, 3, 1, 4).reshape(3, batch * heads, width, size)
        out = torch.empty_like(q)
        q, k = q.float(), k.float()
        scores, probs = self._scores, self._probs
        for lo in range(0, batch * heads, self._group):
            hi = min(batch * heads, lo + self._group)
            n = hi - lo
            torch.bmm(q[lo:hi], k[lo:hi].transpose(1, 2), out=scores[:n])
            torch.add(self._bias[lo:hi], scores[:n], alpha=size ** -0.5, out=scores[:n])
            torch.softmax(scores[:n], -1, out=probs[:n])
            if self._low_probs is not None:
                self._low_probs[:n].copy_(probs[:n])
            low = probs if self._low_probs is None else self._low_probs
            torch.bmm(low[:n], v[lo:hi], out=out[lo:hi])
        return out.view(batch, heads, width, size).transpose(1, 2).reshape(batch, width, -1)


def _kernel_attention(mask: torch.Tensor | None, qkv: torch.Tensor) -> torch.Tensor:
    """`_Attention` by torch's own kernel (for one short text; `mask` None: no padding)."""
    batch, width = qkv.shape[:2]
    q, k, v = qkv.permute(2, 0, 3, 1, 4)
    attend = None if mask is None else mask[:, None, None, :]
    attended = F.scaled_dot_product_attention(q, k, v, attn_mask=attend)
    return attended.transpose(1, 2).reshape(batch, width, -1)


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


def padded_width(tokens: int) -> int:
    """The width of a pass whose longest window has `tokens` content tokens."""
    return -(-(tokens + 2) // WIDTH_STEP) * WIDTH_STEP


def padded_batches(lengths: list[int], largest: int) -> list[tuple[int, int]]:
    """(start, stop) of consecutive batches over windows sorted longest first (`lengths`
    their token counts), each a power of two of at most `largest` items, chosen for the
    least work: a batch costs its size times its padded width (attention's square
    included) plus `PASS_TOKENS`. Fixed batches of `largest` padded statements (a sentence
    or two, 14-108 tokens) to 1.40x their tokens in the indexer's calls of 64; this split
    gives 1.16x in twice the passes, chunks 1.09x -> 1.03x (500 IndoSum articles,
    `bench/pad_cost.py`)."""
    sizes = [1 << i for i in range(max(largest, 1).bit_length())]
    best, last = [0.0] * (len(lengths) + 1), [0] * (len(lengths) + 1)
    for stop in range(1, len(lengths) + 1):
        best[stop] = float("inf")
        for size in sizes:
            if size > stop:
                break
            width = padded_width(lengths[stop - size])
            cost = best[stop - size] + size * width * (1 + width / ATTENTION_TOKENS) + PASS_TOKENS
            if cost < best[stop]:
                best[stop], last[stop] = cost, size
    spans, stop = [], len(lengths)
    while stop:
        spans.append((stop - last[stop], stop))
        stop -= last[stop]
    return spans[::-1]
