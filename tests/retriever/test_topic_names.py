"""A topic's names, and the refusal when none of the person's articles holds one of them."""

from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
import pytest

from retriever.lexical import LexicalIndex
from retriever.said import TopicQuery, names_missed
from retriever.speakers import Person
from retriever.text import tokenize
from retriever.topic_names import holds_name, topic_names


@pytest.mark.parametrize(("topic", "person", "names"), [
    ("cedera Valentino Rossi", "Jorge Lorenzo", [{"valentino", "rossi"}]),
    ("Persib's ticket prices for the new Liga 1 season", "Umuh Muchtar", [{"persib"}, {"liga"}]),
    ("Kim's New Year speech", "Kim Jong-un", []),  # their own name is no topic name
    ("the US decision on the UN vote", "Nikki Haley", []),  # lone two-letter words
    ("Brazil at the 2018 World Cup", "Kaka", [{"brazil"}, {"2018"}, {"world", "cup"}]),
    ("harga beras di pasar", "Arief Prasetyo Adi", []),
])
def test_topic_names_are_runs_of_capitalised_words_and_numbers(
    topic: str, person: str, names: list[set[str]],
) -> None:
    assert topic_names(topic, [person]) == [frozenset(n) for n in names]


@pytest.mark.parametrize(("name", "text"), [
    ({"jerusalem"}, "Trump mengakui Yerusalem sebagai ibu kota Israel"),
    ({"democrat"}, "anggota Fraksi Partai Demokrat di DPR"),
    ({"ozil"}, "kontrak Mesut Oezil di Arsenal"),
    ({"rossi", "valentino"}, "Rossi cedera kaki"),  # one word of the name is enough
    ({"pyongyang"}, "Retno mendesak Korea Utara mematuhi resolusi"),  # another name of it
    ({"pyongyang"}, "uji coba rudal Korut"),
])
def test_a_name_is_held_across_spellings(name: set[str], text: str) -> None:
    assert holds_name(name, set(tokenize(text)))


@pytest.mark.parametrize(("name", "text"), [
    ({"lebaran"}, "tarif kereta bandara belum ditentukan"),
    ({"pcc"}, "peredaran obat ilegal pcb di pasar"),  # short words only match exactly
    ({"rossi"}, "Lorenzo puas dengan tata letak Montmelo"),
    ({"pyongyang"}, "Korea Selatan menggelar latihan"),  # half of another name is not it
])
def test_a_name_the_text_lacks_is_not_held(name: set[str], text: str) -> None:
    assert not holds_name(name, set(tokenize(text)))


def _refuses(theirs_text: str, other_text: str, other_cosine: float, *,
             theirs: float = 0.9) -> bool:
    """`SaidRanking.named_elsewhere` (`names_missed`) for Lorenzo asked about Rossi's injury: his one article, and an index
    of two chunks (his, another article's) whose cosines with the topic are `theirs` and
    `other_cosine`."""
    vectors = np.array([[theirs, np.sqrt(1 - theirs**2)],
                        [other_cosine, -np.sqrt(1 - other_cosine**2)]], dtype=np.float32)
    snapshot = SimpleNamespace(best_score_among=lambda v, positions: (
        float(np.max(vectors[positions] @ v)) if len(positions) else None))
    query = TopicQuery("cedera Valentino Rossi", np.array([1.0, 0.0], dtype=np.float32), "id")
    speakers = SimpleNamespace(rows=[SimpleNamespace(speaker="Jorge Lorenzo")],
                               keys=["jorge lorenzo"], by_article={})
    elsewhere, _ = names_missed(
        Person(name="Jorge Lorenzo", role=None, rows=(0,)), query, theirs,
        {"lorenzo": SimpleNamespace(text=theirs_text, content_hash="h")}, speakers=speakers,
        lexical=LexicalIndex.build([theirs_text, other_text]), chunks=snapshot)
    return elsewhere


LORENZO = "Lorenzo puas dengan tata letak sirkuit Montmelo yang baru."
ROSSI = "Valentino Rossi cedera kaki dan absen dari balapan."


def test_a_name_only_other_articles_hold_refuses_when_they_match_the_topic_as_well() -> None:
    assert _refuses(LORENZO, ROSSI, other_cosine=0.88)  # within the margin of his 0.9


def test_no_refusal_when_the_name_is_theirs_or_its_chunks_match_the_topic_worse() -> None:
    assert not _refuses(LORENZO, ROSSI, other_cosine=0.80)  # his article matches far better
    assert not _refuses("Lorenzo mendoakan Valentino Rossi cepat pulih.", ROSSI,
                        other_cosine=0.95)  # his article names Rossi


ARTICLE = ("BBPOM Lampung menggelar aksi pemberantasan obat ilegal.\n"
           "\"Pil PCC masih beredar di Lampung,\" kata Reihana.\n"
           "\"Pelaku usaha diimbau tidak memproduksi obat ilegal,\" ujar Syamsuliani.")


def _others_only(text: str, topic: str = "peredaran pil PCC di Lampung") -> bool:
    """`SaidRanking.named_by_others` (`names_missed`) for Syamsuliani asked about `topic`, over one article `text`
    quoting Reihana (first) and her (second)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r'"[^"]+"[^\n]*', text)]
    rows = [SimpleNamespace(start=a, end=b, content_hash="h", speaker=who)
            for (a, b), who in zip(spans, ("Reihana", "Syamsuliani"), strict=True)]
    speakers = SimpleNamespace(rows=rows, keys=["reihana", "syamsuliani"],
                               by_article={"bpom": [0, 1]})
    record = SimpleNamespace(article_id="bpom", content_hash="h", text=text)
    _, by_others = names_missed(
        Person(name="Syamsuliani", role=None, rows=(1,)),
        TopicQuery(topic, np.zeros(2, dtype=np.float32), "id"), None, {"bpom": record},
        speakers=speakers, lexical=LexicalIndex.build([text]), chunks=None)
    return by_others


def test_a_name_only_another_speaker_says_in_their_article_is_not_theirs() -> None:
    assert _others_only(ARTICLE)  # "PCC" only in Reihana's words


def test_a_name_in_narration_or_in_their_own_paragraph_may_be_theirs() -> None:
    assert not _others_only(ARTICLE.replace("obat ilegal.\n", "pil PCC.\n", 1))  # narration
    assert not _others_only(ARTICLE.replace("memproduksi obat", "memproduksi PCC"))  # theirs
    assert not _others_only(ARTICLE, topic="obat ilegal di Lampung")  # Lampung is in narration
