"""The lexical snapshot saved on disk, so a fresh `kutip ask` process need not rebuild it.

Reading every chunk from Chroma and building BM25 takes seconds at a few thousand
articles (2.3 s at 3,463), and each `kutip ask` process paid it before answering. A
saved snapshot is keyed by the store's `version()` (counts and the generation that
every write changes), its name and its model, so it is only ever used for the exact
index it was built from; an index without a generation (written before generations
existed) is not cached.

The file is untrusted input: anyone who can write the data dir could plant one. It is
a run of `.npy` records (numpy's own format, written and read back to back as `np.save`
documents) of plain numeric arrays, read with `allow_pickle=False` so nothing in it can run
code; the first record is one JSON document (as bytes) with the strings and the names of
the other records. Every part is checked against the others and against the expected key
on load; a file that does not fit is logged and ignored, and the caller rebuilds (and
overwrites it). No zip container: its CRC pass cost more than the whole pickle did.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import numpy as np

from index.store import ChunkRow
from retriever.lexical import LexicalIndex

__all__ = ["load_snapshot", "save_snapshot", "snapshot_key"]

logger = logging.getLogger(__name__)

FORMAT = 3  # 1 was a pickle, 2 had no vectors; bump when ChunkRow or the arrays change
_PREFIX = "lexical-"
_SUFFIX = ".arrays"
_ROW_ARRAYS = {"starts": np.int64, "ends": np.int64, "article_idx": np.int64,
               "hash_idx": np.int64, "text_offsets": np.int64, "text_utf8": np.uint8,
               "vectors": np.float32}
_ONE_PER_ROW = ("starts", "ends", "article_idx", "hash_idx", "vectors")
_META = "meta"


def snapshot_key(store_name: str, model_id: str, version: tuple[int, int, str]) -> str | None:
    """The cache key of one index state, or None when that state cannot be told apart."""
    articles, chunks, generation = version
    if not generation:
        return None
    text = f"{FORMAT}|{store_name}|{model_id}|{articles}|{chunks}|{generation}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _path(directory: Path, key: str) -> Path:
    return directory / f"{_PREFIX}{key}{_SUFFIX}"


# ---- encoding ------------------------------------------------------------------


def _encode(
    key: str, rows: list[ChunkRow], vectors: np.ndarray, lexical: LexicalIndex
) -> dict[str, np.ndarray]:
    """Every array of the file; the strings go into one JSON document (`meta`)."""
    lex_arrays, lex_fields = lexical.to_arrays()
    articles = list(dict.fromkeys(r.article_id for r in rows))
    hashes = list(dict.fromkeys(r.content_hash for r in rows))
    article_pos = {a: i for i, a in enumerate(articles)}
    hash_pos = {h: i for i, h in enumerate(hashes)}
    texts = [r.text.encode() for r in rows]
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=offsets[1:])
    columns = {
        "starts": np.array([r.start for r in rows], dtype=np.int64),
        "ends": np.array([r.end for r in rows], dtype=np.int64),
        "article_idx": np.array([article_pos[r.article_id] for r in rows], dtype=np.int64),
        "hash_idx": np.array([hash_pos[r.content_hash] for r in rows], dtype=np.int64),
        "text_offsets": offsets,
        "text_utf8": np.frombuffer(b"".join(texts), dtype=np.uint8),
        "vectors": np.asarray(vectors, dtype=np.float32),
        **{f"lex_{name}": arr for name, arr in lex_arrays.items()},
    }
    meta = {"format": FORMAT, "key": key, "arrays": list(columns),
            "chunk_ids": [r.chunk_id for r in rows], "article_ids": articles, "hashes": hashes,
            "lexical": lex_fields}
    text = json.dumps(meta, ensure_ascii=False).encode()
    return {_META: np.frombuffer(text, dtype=np.uint8), **columns}


def _strings(meta: dict, name: str) -> list[str]:
    values = meta.get(name)
    if not isinstance(values, list) or not set(map(type, values)) <= {str}:
        raise ValueError(f"{name} is not a list of strings")
    return values


def _check_row_arrays(arrays: dict[str, np.ndarray], n: int, articles: int, hashes: int) -> None:
    for name, dtype in _ROW_ARRAYS.items():
        if arrays[name].dtype != dtype or arrays[name].ndim != (2 if name == "vectors" else 1):
            raise ValueError(f"{name}: {arrays[name].dtype} {arrays[name].shape}")
    for name in _ONE_PER_ROW:
        if len(arrays[name]) != n:
            raise ValueError(f"{name}: {len(arrays[name])} values for {n} chunks")
    if len(arrays["text_offsets"]) != n + 1:
        raise ValueError(f"text_offsets: {len(arrays['text_offsets'])} values for {n} chunks")
    vectors = arrays["vectors"]
    if n and (vectors.shape[1] == 0 or not np.isfinite(vectors).all()):
        raise ValueError("vectors are empty or not finite")
    starts, ends, offsets = arrays["starts"], arrays["ends"], arrays["text_offsets"]
    if n and (starts.min() < 0 or np.any(ends < starts)):
        raise ValueError("chunk offsets out of order")
    if offsets[0] != 0 or np.any(np.diff(offsets) < 0):
        raise ValueError("text offsets out of order")
    for name, size in (("article_idx", articles), ("hash_idx", hashes)):
        if n and (arrays[name].min() < 0 or arrays[name].max() >= size):
            raise ValueError(f"{name} points outside its list")


def _decode(
    meta: dict, arrays: dict[str, np.ndarray], key: str
) -> tuple[list[ChunkRow], np.ndarray, LexicalIndex]:
    """The rows and the lexical index; ValueError when any part does not fit the rest."""
    if meta.get("format") != FORMAT or meta.get("key") != key:
        raise ValueError("saved for another index state or format")
    chunk_ids = _strings(meta, "chunk_ids")
    articles, hashes = _strings(meta, "article_ids"), _strings(meta, "hashes")
    n = len(chunk_ids)
    _check_row_arrays(arrays, n, len(articles), len(hashes))
    utf8 = arrays["text_utf8"].tobytes()
    offsets = arrays["text_offsets"].tolist()
    if offsets[-1] != len(utf8):
        raise ValueError("text offsets do not match the text")
    lex_fields = meta.get("lexical")
    if not isinstance(lex_fields, dict) or lex_fields.get("n_docs") != n:
        raise ValueError("the lexical index covers other chunks")
    lex_arrays = {k[4:]: v for k, v in arrays.items() if k.startswith("lex_")}
    lexical = LexicalIndex.from_arrays(lex_arrays, lex_fields)
    # one small decode per chunk (a cut inside a character raises UnicodeDecodeError);
    # positional arguments in ChunkRow's field order: half the cost of keywords per row
    texts = [utf8[lo:hi].decode() for lo, hi in itertools.pairwise(offsets)]
    rows = list(map(
        ChunkRow, chunk_ids, map(articles.__getitem__, arrays["article_idx"].tolist()),
        map(hashes.__getitem__, arrays["hash_idx"].tolist()), arrays["starts"].tolist(),
        arrays["ends"].tolist(), texts,
    ))
    return rows, arrays["vectors"], lexical


# ---- files ---------------------------------------------------------------------


def _read_record(fh: BinaryIO, remaining: int) -> np.ndarray:
    """One .npy record from `fh`: plain dtypes only, and no bigger than what is left."""
    start = fh.tell()
    version = np.lib.format.read_magic(fh)  # ValueError for anything else, e.g. a pickle
    if version == (1, 0):
        shape, _, dtype = np.lib.format.read_array_header_1_0(fh)
    elif version == (2, 0):
        shape, _, dtype = np.lib.format.read_array_header_2_0(fh)
    else:
        raise ValueError(f"npy version {version}")
    if dtype.hasobject or len(shape) not in (1, 2):
        raise ValueError(f"unexpected array {dtype} {shape}")
    if int(np.prod(shape, dtype=np.int64)) * dtype.itemsize > remaining:
        raise ValueError("an array longer than the file")
    fh.seek(start)
    return np.lib.format.read_array(fh, allow_pickle=False)


def _read_arrays(fh: BinaryIO, size: int) -> tuple[dict, dict[str, np.ndarray]]:
    """The meta document and the named arrays of a snapshot file: .npy records, the first
    one the JSON `meta` whose "arrays" names the others in order; ValueError when the file
    is anything else."""
    record = _read_record(fh, size)
    if record.dtype != np.uint8:
        raise ValueError("no meta record")
    meta = json.loads(record.tobytes().decode())
    names = meta.get("arrays") if isinstance(meta, dict) else None
    if not isinstance(names, list) or not set(map(type, names)) <= {str}:
        raise ValueError("no array names")
    extra = set(names) - _ROW_ARRAYS.keys()
    if len(set(names)) != len(names) or not set(names) >= _ROW_ARRAYS.keys() or any(
            not n.startswith("lex_") for n in extra):
        raise ValueError(f"unexpected arrays {names}")
    arrays = {name: _read_record(fh, size - fh.tell()) for name in names}
    if fh.read(1):
        raise ValueError("data after the last array")
    return meta, arrays


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic GC while tens of thousands of rows are created: each pass would scan them
    all again, doubling the load (measured at 12,497 chunks: 161 → 89 ms)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_snapshot(
    directory: Path, key: str
) -> tuple[list[ChunkRow], np.ndarray, LexicalIndex] | None:
    """The saved (rows, vectors, lexical index) for `key`, or None (missing, foreign or
    invalid)."""
    path = _path(directory, key)
    try:
        with path.open("rb") as fh:
            meta, arrays = _read_arrays(fh, os.fstat(fh.fileno()).st_size)
        with _collector_paused():
            return _decode(meta, arrays, key)
    except FileNotFoundError:
        return None
    # A planted or torn file can fail in any part of numpy, json or the checks; whatever it
    # is, the answer is the same: rebuild from the store. Nothing in it was executed.
    except Exception as exc:  # noqa: BLE001
        logger.warning("ignoring invalid lexical cache %s: %s: %s", path, type(exc).__name__, exc)
        return None


def save_snapshot(
    directory: Path, key: str, rows: list[ChunkRow], vectors: np.ndarray, lexical: LexicalIndex
) -> None:
    """Save atomically (temp file, then rename) and drop older snapshots; never raises.

    `vectors` is the (len(rows), dim) float32 matrix of the rows' stored vectors.
    """
    tmp = directory / f".{_PREFIX}{key}.{os.getpid()}.tmp"
    try:
        arrays = _encode(key, rows, vectors, lexical)
    except ValueError as exc:  # an index bm25s laid out unexpectedly: search without a cache
        logger.warning("not saving the lexical cache: %s", exc)
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            for array in arrays.values():  # `meta` first: it names the others in order
                np.lib.format.write_array(fh, np.ascontiguousarray(array), allow_pickle=False)
        os.replace(tmp, _path(directory, key))
        for old in [*directory.glob(f"{_PREFIX}*{_SUFFIX}"), *directory.glob(f"{_PREFIX}*.pickle")]:
            if old.name != _path(directory, key).name:
                old.unlink(missing_ok=True)  # older states, and format 1's pickles
    except OSError as exc:  # read-only or full disk: searching works without the cache
        logger.warning("could not save the lexical cache in %s: %s", directory, exc)
        tmp.unlink(missing_ok=True)
