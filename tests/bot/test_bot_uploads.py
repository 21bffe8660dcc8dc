"""Uploads that share a file name: a new version replaces, another article is kept beside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.uploads import beside_other_uploads
from tests.bot.bot_support import services_on

FIRST = "Banjir di Kota Harlow\n\nBanjir merendam ratusan rumah di Kota Harlow sejak Senin pagi."
EDITED = FIRST + " Warga mulai mengungsi ke balai desa."
OTHER = "Harga cabai naik\n\nHarga cabai rawit di pasar induk naik dua kali lipat pekan ini."


def _upload(services: Any, text: str, name: str = "berita.txt") -> Any:
    items = services.loader.load_bytes(text.encode(), name)
    return services.indexer.add_loaded(beside_other_uploads(items, services.store.articles()))


def test_another_article_under_the_same_name_is_kept_beside_the_first(
        tmp_path: Path, embedder: Any) -> None:
    with services_on(tmp_path / "data", embedder) as services:
        assert _upload(services, FIRST).added == 1
        other = _upload(services, OTHER)
        assert (other.added, other.updated) == (1, 0), "the first article was replaced"
        edited = _upload(services, EDITED)  # a new version of the first: it replaces it
        assert (edited.added, edited.updated) == (0, 1)
        again = _upload(services, OTHER)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
        stored = {r.title: r for r in services.store.articles(with_text=True)}
        assert set(stored) == {"Banjir di Kota Harlow", "Harga cabai naik"}
        assert stored["Banjir di Kota Harlow"].article_id == "berita.txt"
        assert "mengungsi" in stored["Banjir di Kota Harlow"].text
        assert stored["Harga cabai naik"].article_id.startswith("berita.txt~")


def test_without_a_stored_upload_of_that_name_nothing_changes() -> None:
    from index import Article

    article = Article(article_id="berita.txt", title="T", text="x", source="berita.txt")
    assert list(beside_other_uploads([article], [])) == [article]
