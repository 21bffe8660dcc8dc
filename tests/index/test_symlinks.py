"""Symbolic links in an indexed folder (issue 13, item 13).

Policy: links are followed only while they stay inside the indexed folder. A link that
leads out (to a file or a folder) is reported and not read; a file reached both by its
own name and through a link is indexed once, under its own name; links in a loop end.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from index._article import Article
from index.loaders import Loader
from kutip.errors import LoadError

BODY = "\n\nIsi berita yang cukup panjang untuk diindeks sebagai artikel."
OUTSIDE = "symbolic link to outside the indexed folder; not followed"


def _article(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(title + BODY)


def _load(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    items = list(Loader().load(str(root)))
    errors = {i.source: i.reason for i in items if isinstance(i, LoadError)}
    return errors, {i.article_id: i.title for i in items if isinstance(i, Article)}


def test_links_that_leave_the_folder_are_refused_and_never_read(tmp_path: Path) -> None:
    _article(tmp_path / "outside" / "secret.txt", "Rahasia")
    root = tmp_path / "news"
    _article(root / "kept.txt", "Berita")
    (root / "secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (root / "elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True)
    (root / "passwd.txt").symlink_to("/etc/passwd")
    errors, loaded = _load(root)
    assert errors == {"secret.txt": OUTSIDE, "elsewhere": OUTSIDE, "passwd.txt": OUTSIDE}
    assert loaded == {"kept.txt": "Berita"}


def test_links_inside_the_folder_are_followed_once(tmp_path: Path) -> None:
    root = tmp_path / "news"
    _article(root / "2025" / "pemilu.txt", "Pemilu")
    _article(root / ".arsip" / "lama.txt", "Lama")  # hidden: reached only through its link
    (root / "terbaru.txt").symlink_to(root / "2025" / "pemilu.txt")
    (root / "a-tahun-ini").symlink_to(root / "2025", target_is_directory=True)
    (root / "lama.txt").symlink_to(Path(".arsip") / "lama.txt")
    errors, loaded = _load(root)
    assert errors == {}
    assert loaded == {"2025/pemilu.txt": "Pemilu", "lama.txt": "Lama"}


def test_links_in_a_loop_end(tmp_path: Path) -> None:
    root = tmp_path / "news"
    _article(root / "a" / "x.txt", "X")
    (root / "a" / "back").symlink_to(root, target_is_directory=True)
    (root / "a" / "self").symlink_to(root / "a", target_is_directory=True)
    os.symlink("ring-2", root / "ring-1")
    os.symlink("ring-1", root / "ring-2")
    result: list[tuple[dict[str, str], dict[str, str]]] = []
    worker = threading.Thread(target=lambda: result.append(_load(root)), daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "walking the folder did not end"
    assert result == [({}, {"a/x.txt": "X"})]
