"""Speaker index and statement ranking (pure: no model, no store)."""

from __future__ import annotations

import numpy as np
import pytest

from index.statements import StatementRow
from index.store import ArticleRecord, ChunkRow
from retriever.lexical import LexicalIndex
from retriever.said import TopicQuery, holding_name, statement_features, statement_quotes
from retriever.said_rank import (
    ScoredStatement,
    StatementFeatures,
    lexical_share,
    on_topic,
    rank_statements,
    topic_score,
)
from retriever.speakers import SpeakerIndex

TEXT = ("“Kami tidak akan mundur,” ujar Yuri Ushakov. Cuaca cerah. "
        "Menurut Ushakov, Iran dibahas. Trump mengatakan bahwa pasar naik.")


def _row(i: int, needle: str, speaker: str, role: str | None = None,
         article: str = "a") -> StatementRow:
    start = TEXT.index(needle)
    return StatementRow(statement_id=f"{article}::h::s{i}", article_id=article, content_hash="h",
                        start=start, end=start + len(needle), speaker=speaker, role=role,
                        speech="reported", carried=False, text=needle)


ROWS = [
    _row(0, "“Kami tidak akan mundur,” ujar Yuri Ushakov.", "Yuri Ushakov", "penasihat Kremlin"),
    _row(1, "Menurut Ushakov, Iran dibahas.", "Ushakov"),
    _row(2, "Trump mengatakan bahwa pasar naik.", "Trump"),
]


def _match(asked: str, speaker: str, role: str | None) -> float:
    """A tiny matcher for these tests: shared lower-cased word with the name or the role."""
    words = set(asked.lower().split())
    if words & set(speaker.lower().split()):
        return 1.0
    return 0.6 if role and words & set(role.lower().split()) else 0.0


@pytest.fixture
def speakers() -> SpeakerIndex:
    return SpeakerIndex.build(ROWS, name_key=lambda name: name.lower().split()[-1])


def test_person_collects_every_spelling_and_names_them_fully(speakers: SpeakerIndex) -> None:
    person = speakers.person("Ushakov", _match)
    assert person is not None
    assert person.rows == (0, 1)
    assert person.name == "Yuri Ushakov"
    assert person.role == "penasihat Kremlin"


def test_person_by_role_brings_their_other_mentions(speakers: SpeakerIndex) -> None:
    by_role = speakers.person("the Kremlin adviser", _match)
    assert by_role is not None and by_role.rows == (0, 1)  # "Ushakov" too, without the role
    assert by_role.name == "Yuri Ushakov"
    assert speakers.person("Retno Marsudi", _match) is None


def test_covering_attributes_only_quotes_inside_one_speakers_statement(
    speakers: SpeakerIndex,
) -> None:
    iran = TEXT.index("Menurut Ushakov")
    assert speakers.covering("a", iran, iran + 30) == ROWS[1]
    weather = TEXT.index("Cuaca cerah.")
    assert speakers.covering("a", weather, weather + 12) is None
    # a span over two speakers' statements is nobody's
    assert speakers.covering("a", iran, len(TEXT)) is None
    assert speakers.covering("other-article", iran, iran + 30) is None


def test_lexical_share_is_idf_weighted() -> None:
    weights = {"iran": 3.0, "bahas": 1.0}
    assert lexical_share({"iran"}, weights) == pytest.approx(0.75)
    assert lexical_share(set(), weights) == 0.0
    assert lexical_share({"iran"}, {}) == 0.0


def test_topic_score_blends_statement_and_context_and_adds_bonuses() -> None:
    f = StatementFeatures(dense=0.80, context=0.90, lexical=0.5, cross_lingual=True)
    assert topic_score(f, context_weight=0.5, lexical_weight=0.1, offset=0.05) == \
        pytest.approx(0.85 + 0.05 + 0.05)
    no_chunk = StatementFeatures(dense=0.80, context=None, lexical=0.0, cross_lingual=False)
    assert topic_score(no_chunk, context_weight=0.5) == pytest.approx(0.80)
    quoted = StatementFeatures(dense=0.80, context=None, lexical=0.0, cross_lingual=False,
                               direct=True)
    assert topic_score(quoted, direct_bonus=0.05) == pytest.approx(0.85)


def test_refusal_needs_a_near_statement_and_the_topic_where_they_speak() -> None:
    assert on_topic(0.85, 0.0, min_score=0.8, max_gap=0.03)
    assert not on_topic(0.85, 0.031, min_score=0.8, max_gap=0.03)  # covered elsewhere
    assert not on_topic(0.79, 0.0, min_score=0.8, max_gap=0.03)  # nothing near


def test_rank_statements_orders_by_score_then_position() -> None:
    same = StatementFeatures(dense=0.8, context=None, lexical=0.0, cross_lingual=False)
    better = StatementFeatures(dense=0.8, context=None, lexical=1.0, cross_lingual=False)
    ranked = rank_statements({2: same, 0: same, 1: better})
    assert [s.row for s in ranked] == [1, 0, 2]


def test_each_statement_knows_the_chunk_it_starts_in() -> None:
    half = TEXT.index("Menurut")
    chunks = [ChunkRow("c0", "a", "h", 0, half, TEXT[:half]),
              ChunkRow("c1", "a", "h", half, len(TEXT), TEXT[half:]),
              ChunkRow("old", "a", "old-hash", 0, len(TEXT), TEXT)]
    index = SpeakerIndex.build(ROWS, name_key=str.lower, chunks=chunks)
    assert index.chunk_of == ["c0", "c1", "c1"]


def test_run_of_joins_the_same_speakers_next_sentences_in_the_paragraph() -> None:
    text = "“Satu dua,” kata Ani. “Tiga empat,” tambahnya.\nLima enam, ujar Ani."
    spans = [(0, text.index(" “Tiga")), (text.index("“Tiga"), text.index("\n")),
             (text.index("Lima"), len(text))]
    rows = [StatementRow(f"a::h::s{i}", "a", "h", s, e, "Ani", None, "direct", i == 1,
                         text[s:e]) for i, (s, e) in enumerate(spans)]
    index = SpeakerIndex.build(rows, name_key=str.lower)
    assert index.run_of(0, text, 400) == (0, spans[1][1])  # not over the paragraph break
    assert index.run_of(0, text, 30) == spans[0]  # only while it fits
    assert index.run_of(2, text, 400) == spans[2]


def test_run_of_joins_over_a_paragraph_break_only_the_statements_it_is_told_to() -> None:
    """The person's paragraph before or after, when on the same topic (`joins`): one quote;
    never another speaker's words, nor text that is not theirs in between."""
    text = ("Pembuka, kata Ani.\n“Satu dua,” kata Ani.\n\nTiga empat, ujar Ani.\n"
            "Budi menolak, ujar Budi.\nNarasi. Lima, kata Ani.")
    needles = ["Pembuka, kata Ani.", "“Satu dua,” kata Ani.", "Tiga empat, ujar Ani.",
               "Budi menolak, ujar Budi.", "Lima, kata Ani."]
    spans = [(text.index(n), text.index(n) + len(n)) for n in needles]
    rows = [StatementRow(f"a::h::s{i}", "a", "h", s, e, "Budi" if i == 3 else "Ani", None,
                         "direct", False, text[s:e]) for i, (s, e) in enumerate(spans)]
    index = SpeakerIndex.build(rows, name_key=str.lower)
    assert index.run_of(1, text, 400) == spans[1]  # no joins asked: the paragraph only
    assert index.run_of(1, text, 400, joins=lambda j: True) == (spans[0][0], spans[2][1])
    assert index.run_of(1, text, 400, joins=lambda j: j == 2) == (spans[1][0], spans[2][1])
    assert index.run_of(1, text, 30, joins=lambda j: True) == spans[1]  # only while it fits
    assert index.run_of(2, text, 400, joins=lambda j: True)[1] == spans[2][1]  # not Budi's
    assert index.run_of(4, text, 400, joins=lambda j: True) == spans[4]  # "Narasi." between


def test_statement_quotes_join_only_paragraphs_as_close_to_the_topic() -> None:
    """A neighbour joins when it scores within the margin and has one of the topic's words
    (when the answer has any); one further off, or without the topic's words (the seed's
    Ukraine paragraph scores as close to "Iran" as its Iran statement), is a quote of its own."""
    text = ("“Iran penting,” kata Ani.\n“Iran mitra,” kata Ani.\n“Ukraina lain,” kata Ani.\n"
            "“Rusia juga,” kata Ani.")
    needles = ["“Iran penting,” kata Ani.", "“Iran mitra,” kata Ani.",
               "“Ukraina lain,” kata Ani.", "“Rusia juga,” kata Ani."]
    spans = [(text.index(n), text.index(n) + len(n)) for n in needles]
    rows = [StatementRow(f"a::h::s{i}", "a", "h", s, e, "Ani", None, "direct", False,
                         text[s:e]) for i, (s, e) in enumerate(spans)]
    index = SpeakerIndex.build(rows, name_key=str.lower)
    record = ArticleRecord("a", "T", "a.txt", "", "", "h", 1, 0.0, text=text)
    ranked = [ScoredStatement(0, 0.90, 1.0), ScoredStatement(2, 0.89, 0.0),
              ScoredStatement(1, 0.88, 1.0), ScoredStatement(3, 0.70, 0.0)]
    joined = statement_quotes(ranked, index, {"a": record}, k=4, max_chars=400,
                              join_margin=0.05)
    assert [q.text for q in joined] == [text[spans[0][0]:spans[1][1]], needles[2], needles[3]]
    apart = statement_quotes(ranked, index, {"a": record}, k=4, max_chars=400)
    assert [q.text for q in apart] == [needles[0], needles[2], needles[1], needles[3]]
    assert all(q.text in text and q.speaker == "Ani" for q in joined + apart)
    no_words = [ScoredStatement(2, 0.90, 0.0), ScoredStatement(3, 0.87, 0.0)]  # cross-lingual
    assert [q.text for q in statement_quotes(no_words, index, {"a": record}, k=2, max_chars=400,
                                             join_margin=0.05)] == [text[spans[2][0]:]]


def test_a_statements_cosine_is_the_best_of_its_own_and_its_sentences() -> None:
    """One sentence of a long statement may answer the topic better than the whole."""
    text = "Satu hal. Dua hal lain yang panjang sekali. Tiga."
    rows = [StatementRow("a::h::s0", "a", "h", 0, len(text), "Ani", None, "direct", False,
                         text, parts=2),
            StatementRow("a::h::s1", "a", "h", 0, 9, "Ani", None, "direct", False, text[:9])]
    index = SpeakerIndex.build(rows, name_key=str.lower)
    topic = np.array([1.0, 0.0])
    vectors = {"a::h::s0": np.array([0.6, 0.8]), "a::h::s0::p0": np.array([0.9, 0.436]),
               "a::h::s0::p1": np.array([0.0, 1.0]), "a::h::s1": np.array([0.7, 0.714])}
    features = statement_features(
        [0, 1], TopicQuery("hal", topic, "id"), speakers=index,
        lexical=LexicalIndex.build([text]), vectors=vectors, chunk_vectors={})
    assert features[0].dense == pytest.approx(0.9)  # its best sentence
    assert features[1].dense == pytest.approx(0.7)  # no parts: its own vector
    without_parts = statement_features(
        [0], TopicQuery("hal", topic, "id"), speakers=index, lexical=LexicalIndex.build([text]),
        vectors={"a::h::s0": vectors["a::h::s0"]}, chunk_vectors={})
    assert without_parts[0].dense == pytest.approx(0.6)  # parts not stored: the statement's


def test_a_lead_quote_with_the_dateline_is_the_first_statements() -> None:
    """The extractor leaves "Jakarta (ANTARA News) - " out of the first statement; a quote of
    the whole lead sentence is still that speaker's, but a longer narration is not."""
    lead = "Jakarta (ANTARA News) - Wimo Sumanto mengatakan pemuda harus cinta tanah air."
    start = lead.index("Wimo")
    row = StatementRow(statement_id="w::h::s0", article_id="w", content_hash="h", start=start,
                       end=len(lead), speaker="Wimo Sumanto", role=None, speech="reported",
                       carried=False, text=lead[start:])
    index = SpeakerIndex.build([row], name_key=lambda name: name.lower().split()[-1])
    assert index.covering("w", 0, len(lead)) == row
    assert index.covering("w", start - 60, len(lead)) is None


@pytest.mark.parametrize(("topic", "held"), [
    ("Iran", {1}), ("Iran?", {1}), ("the Trump", {2}), ("Ira", set()),
    ("iran", {1}),  # lower case, but the statements write it capitalised: a name
    ("pasar", set()),  # a lower-case word the statements write in lower case: a topic word
    ("Iran talks", set()),  # not every word a name
    ("Kremlin", set()),  # the role's word, not the statement's
])
def test_holding_name_is_a_name_found_word_for_word(
    speakers: SpeakerIndex, topic: str, held: set[int],
) -> None:
    assert holding_name(topic, speakers, range(len(ROWS))) == held
    assert holding_name(topic, speakers, [0]) == set(), "only among the rows given"


def test_people_of_tells_apart_the_people_an_office_fits() -> None:
    """QA: "/who Menlu" merged the foreign ministers of three countries into one person."""
    from index.names import match_speaker

    text = ("Menlu Retno Marsudi mengatakan A. Retno menyebut B. "
            "Menteri Luar Negeri Rusia Sergey Lavrov mengatakan C.")
    def row(i: int, needle: str, speaker: str, role: str | None) -> StatementRow:
        start = text.index(needle)
        return StatementRow(statement_id=f"m::h::s{i}", article_id="m", content_hash="h",
                            start=start, end=start + len(needle), speaker=speaker, role=role,
                            speech="reported", carried=False, text=needle)
    rows = [row(0, "Menlu Retno Marsudi mengatakan A.", "Retno Marsudi", "Menlu"),
            row(1, "Retno menyebut B.", "Retno", None),
            row(2, "Menteri Luar Negeri Rusia Sergey Lavrov mengatakan C.", "Sergey Lavrov",
                "Menteri Luar Negeri Rusia")]
    index = SpeakerIndex.build(rows, name_key=lambda name: name.lower().split()[-1])
    office = index.person("Menlu", match_speaker)
    assert office is not None and set(office.rows) == {0, 1, 2}
    assert index.people_of(office, match_speaker) == [
        "Retno Marsudi (Menlu)", "Sergey Lavrov (Menteri Luar Negeri Rusia)"]
    retno = index.person("Retno", match_speaker)
    assert retno is not None and len(index.people_of(retno, match_speaker)) == 1


def test_a_name_that_names_a_speaker_is_them_not_someone_whose_role_holds_it() -> None:
    """QA: "and Hamas?" was answered "no statement by Khaled Meshaal" (his role "pemimpin
    Hamas" matches as well as the speaker Hamas), with Hamas's words as "his"."""
    from index.names import match_speaker

    text = "Hamas mengatakan A. Pemimpin Hamas Khaled Meshaal mengatakan B."
    def row(i: int, needle: str, speaker: str, role: str | None) -> StatementRow:
        start = text.index(needle)
        return StatementRow(statement_id=f"h::h::s{i}", article_id="h", content_hash="h",
                            start=start, end=start + len(needle), speaker=speaker, role=role,
                            speech="reported", carried=False, text=needle)
    rows = [row(0, "Hamas mengatakan A.", "Hamas", None),
            row(1, "Pemimpin Hamas Khaled Meshaal mengatakan B.", "Khaled Meshaal",
                "Pemimpin Hamas")]
    index = SpeakerIndex.build(rows, name_key=lambda name: name.lower().split()[-1])
    hamas = index.person("Hamas", match_speaker, within={"h"})
    assert hamas is not None and hamas.name == "Hamas"
    leader = index.person("the Hamas leader", match_speaker, within={"h"})
    assert leader is not None and leader.name == "Khaled Meshaal"
    # /who Hamas: Hamas's own words, not also its leader's (they would be "several people")
    assert index.by_name(hamas, "Hamas", match_speaker).rows == (0,)
    assert index.people_of(index.by_name(hamas, "Hamas", match_speaker), match_speaker) == [
        "Hamas"]


def test_a_person_is_named_by_the_spelling_quoted_most_a_spaced_hyphen_no_extra_word() -> None:
    """QA: a refusal named "Kim Jong - un" (quoted once) over the statements of "Kim Jong Un"."""
    from index.names import match_speaker

    text = "Kim Jong Un berkata A. Kim Jong Un berkata B. Kim Jong - un berkata C."
    def row(i: int, needle: str, speaker: str) -> StatementRow:
        start = text.index(needle)
        return StatementRow(statement_id=f"k::h::s{i}", article_id="k", content_hash="h",
                            start=start, end=start + len(needle), speaker=speaker, role=None,
                            speech="reported", carried=False, text=needle)
    rows = [row(0, "Kim Jong Un berkata A.", "Kim Jong Un"),
            row(1, "Kim Jong Un berkata B.", "Kim Jong Un"),
            row(2, "Kim Jong - un berkata C.", "Kim Jong - un")]
    index = SpeakerIndex.build(rows, name_key=lambda name: name.lower().split()[-1])
    person = index.person("Kim Jong Un", match_speaker)
    assert person is not None and person.name == "Kim Jong Un" and len(person.rows) == 3
