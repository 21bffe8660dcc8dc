"""One suffix and size check for files on disk, uploads and the bot's upload handler
(issue 10: it was written three times)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index._article import Article
from index.loaders import Loader, file_problem
from kutip.errors import LoadError

LIMIT = 1_000
TEXT = b"Judul\n\nIsi berita yang cukup panjang untuk diindeks di sini."


@pytest.mark.parametrize(("name", "size", "problem", "reason"), [
    pytest.param("a.txt", len(TEXT), None, None, id="fine"),
    pytest.param("A.MD", len(TEXT), None, None, id="suffix-any-case"),
    pytest.param("setup.exe", len(TEXT), "unsupported type", "unsupported file type .exe; use "
                 "one of .htm, .html, .json, .jsonl, .md, .txt", id="unsupported"),
    pytest.param("README", len(TEXT), "unsupported type", "unsupported file type (none)",
                 id="no-suffix"),
    pytest.param("big.txt", LIMIT + 1, "too large", f"file too large ({LIMIT + 1:,} bytes > "
                 f"{LIMIT:,})", id="too-large"),
    pytest.param("big.exe", LIMIT + 1, "unsupported type", "unsupported file type .exe",
                 id="type-before-size"),
])
def test_files_on_disk_and_uploads_are_refused_alike(
    tmp_path: Path, name: str, size: int, problem: str | None, reason: str | None
) -> None:
    data = TEXT + b" " * (size - len(TEXT))
    (tmp_path / name).write_bytes(data)
    loader = Loader(max_bytes=LIMIT)
    assert file_problem(name, size, max_bytes=LIMIT) == problem
    for [item] in (list(loader.load_bytes(data, name)),
                   list(loader.load_file(tmp_path / name, name))):
        if reason is None:
            assert isinstance(item, Article)
        else:
            assert isinstance(item, LoadError) and item.reason.startswith(reason)


def test_jsonl_files_on_disk_are_capped_per_line_not_as_a_whole(tmp_path: Path) -> None:
    line = b'{"id": "x%d", "text": "Isi berita yang cukup panjang di baris ini."}\n'
    data = b"".join(line % n for n in range(40))
    (tmp_path / "many.jsonl").write_bytes(data)
    assert len(data) > LIMIT
    items = list(Loader(max_bytes=LIMIT).load_file(tmp_path / "many.jsonl", "many.jsonl"))
    assert len(items) == 40 and all(isinstance(i, Article) for i in items)
    assert file_problem("many.jsonl", len(data), max_bytes=LIMIT) == "too large"  # as upload
