"""Speaker index and statement ranking (pure: no model, no store)."""

from __future__ import annotations

import pytest

from index.statements import StatementRow
from retriever._types import Candidate
from retriever.said import _context_scores
from retriever.said_rank import lexical_share, rank_statements
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


def test_rank_statements_adds_lexical_context_and_cross_lingual_offset() -> None:
    ranked = rank_statements([0, 1, 2], {0: 0.80, 1: 0.80, 2: 0.79}, {1: 1.0}, {2: 1.0},
                             cross_lingual={0}, lexical_weight=0.1, context_weight=0.2,
                             offset=0.05)
    assert [s.row for s in ranked] == [2, 1, 0]
    assert ranked[0].score == pytest.approx(0.99)
    assert ranked[2].score == pytest.approx(0.85)


def test_rank_statements_leaves_out_rows_without_a_vector() -> None:
    assert [s.row for s in rank_statements([0, 1], {1: 0.5}, {}, {})] == [1]


def test_context_scores_scale_the_chunk_around_each_statement(speakers: SpeakerIndex) -> None:
    def cand(start: int, end: int, score: float) -> Candidate:
        return Candidate(chunk_id=f"c{start}", article_id="a", content_hash="h", start=start,
                         end=end, text=TEXT[start:end], dense=score, lexical=0.0, score=score)

    half = TEXT.index("Menurut")
    context = _context_scores([0, 1, 2], speakers, [cand(half, len(TEXT), 0.9),
                                                      cand(0, half, 0.7)])
    assert context == {0: pytest.approx(0.0), 1: pytest.approx(1.0), 2: pytest.approx(1.0)}
