"""Article identity: one id per source (file, record, URL), stable across runs (#13.1)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kutip.app import Services

BODY_A = "Berita dari folder A.\nWali kota Padang meresmikan pasar baru pada hari Senin pagi."
BODY_B = "Berita dari folder B.\nGubernur Bali membuka festival budaya di Denpasar kemarin."


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a / "news.txt", BODY_A)
    _write(b / "news.txt", BODY_B)
    return a, b


def _ids(services: Services) -> dict[str, str]:
    return {r.article_id: r.title for r in services.store.articles()}


def test_same_file_name_in_two_folders_keeps_both(
    services: Services, two_folders: tuple[Path, Path]
) -> None:
    a, b = two_folders
    first = services.indexer.run([str(a)])
    second = services.indexer.run([str(b)])
    assert (second.added, second.updated) == (1, 0)
    ids = _ids(services)
    assert ids["news.txt"] == "Berita dari folder A.", "the first source keeps its id"
    [other] = [i for i in ids if i != "news.txt"]
    assert other.startswith("news.txt~") and ids[other] == "Berita dari folder B."
    assert first.added == 1 and services.store.counts()[0] == 2


def test_reindexing_either_folder_is_a_no_op(
    services: Services, two_folders: tuple[Path, Path]
) -> None:
    a, b = two_folders
    services.indexer.run([str(a)])
    services.indexer.run([str(b)])
    before = sorted(_ids(services))
    for target in (b, a, a / "news.txt"):
        again = services.indexer.run([str(target)])
        assert (again.added, again.updated, again.unchanged) == (0, 0, 1), target
        assert again.embedded_chunks == 0
    assert sorted(_ids(services)) == before


def test_a_folder_inside_another_indexed_from_either_is_a_no_op(
    services: Services, tmp_path: Path
) -> None:
    """The same file reached from its folder and from the one above proposes "a.txt" and
    "sub/a.txt": one article, stored once, under the id and source it first had."""
    _write(tmp_path / "top" / "sub" / "a.txt", BODY_A)
    assert services.indexer.run([str(tmp_path / "top" / "sub")]).added == 1
    for target in ("top", "top/sub", "top"):
        again = services.indexer.run([str(tmp_path / target)])
        assert (again.added, again.updated, again.unchanged) == (0, 0, 1), target
        assert again.embedded_chunks == 0
    assert [(r.article_id, r.source) for r in services.store.articles()] == [("a.txt", "a.txt")]


def test_both_folders_in_one_run_are_both_indexed(
    services: Services, two_folders: tuple[Path, Path]
) -> None:
    report = services.indexer.run([str(p) for p in two_folders])
    assert report.ok and report.added == 2


def test_records_with_the_same_id_in_two_files_stay_apart(
    services: Services, tmp_path: Path
) -> None:
    for name, body in (("one.jsonl", BODY_A), ("two.jsonl", BODY_B)):
        _write(tmp_path / name, json.dumps({"id": "42", "title": name, "text": body}) + "\n")
    report = services.indexer.run([str(tmp_path / "one.jsonl"), str(tmp_path / "two.jsonl")])
    assert report.ok and report.added == 2
    titles = _ids(services)
    assert titles["42"] == "one.jsonl" and sorted(titles.values()) == ["one.jsonl", "two.jsonl"]


def test_prune_leaves_other_folders_alone(
    services: Services, two_folders: tuple[Path, Path]
) -> None:
    a, b = two_folders
    _write(b / "more.txt", BODY_B.replace("festival", "pameran"))
    services.indexer.run([str(a)])
    services.indexer.run([str(b)])
    (b / "more.txt").unlink()
    report = services.indexer.run([str(b)], prune=True)
    assert report.removed == 1
    assert "news.txt" in _ids(services), "a's article is not in b: never pruned by b's run"
    assert len(_ids(services)) == 2


def _forget_origins(services: Services) -> None:
    """Make the index look like one written before origins were recorded."""
    _, article_col = services.store._open()
    ids = article_col.get()["ids"]
    article_col.update(ids=ids, metadatas=[{"origin": None}] * len(ids))


def test_legacy_index_is_claimed_without_re_embedding(
    services: Services, two_folders: tuple[Path, Path]
) -> None:
    a, _ = two_folders
    services.indexer.run([str(a)])
    _forget_origins(services)
    again = services.indexer.run([str(a)])
    assert (again.unchanged, again.embedded_chunks) == (1, 0)
    [record] = services.store.articles()
    assert record.origin == str((a / "news.txt").resolve())


def test_legacy_id_is_never_replaced_by_another_source(
    services: Services, two_folders: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    a, b = two_folders
    services.indexer.run([str(a)])
    _forget_origins(services)
    with caplog.at_level(logging.WARNING):
        report = services.indexer.run([str(b)])
    assert report.added == 1 and _ids(services)["news.txt"] == "Berita dari folder A."
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "kutip remove news.txt" in warnings[0]
    pruned = services.indexer.run([str(b)], prune=True)
    assert pruned.removed == 0 and len(_ids(services)) == 2
