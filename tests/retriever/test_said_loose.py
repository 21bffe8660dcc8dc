"""The loose reading of questions about someone's words (`retriever.said_loose`)."""

from __future__ import annotations

import json

import pytest

from retriever.question import Question
from retriever.said_loose import loose_said_question
from retriever.said_question import parse_said_question
from tests.auxil.seed import FIXTURES, SHARED


@pytest.mark.parametrize(("question", "person", "topic_word", "language"), [
    ("Which concerns did Sri Mulyani raise about the deficit?", "Sri Mulyani", "deficit", "en"),
    ("In Sri Mulyani's view, what caused the slowdown?", "Sri Mulyani", "slowdown", "en"),
    ("What message did Jokowi send to the regional heads?", "Jokowi", "regional", "en"),
    ("Apa yang dikeluhkan Anies soal banjir?", "Anies", "banjir", "id"),
    ("Dalam pandangan Menteri Susi, apa masalah nelayan?", "Menteri Susi", "nelayan", "id"),
    # intentions and memories are voiced too, and then "where" or "does" may open
    ("Where does Anies want to move the street vendors?", "Anies", "vendors", "en"),
    ("Does Prabowo plan to meet Megawati?", "Prabowo", "Megawati", "en"),
    ("How did Susi Pudjiastuti remember her first day as minister?", "Susi Pudjiastuti",
     "first", "en"),
    ("Di mana Gubernur Ganjar ingin pabrik semen dibangun?", "Gubernur Ganjar", "pabrik", "id"),
    # willingness is a stance too ("Apakah X mau …", "Is X willing to …")
    ("Apakah Elza Syarief mau mencabut kesaksiannya soal e-KTP?", "Elza Syarief", "e-KTP",
     "id"),
    ("Is Mourinho willing to sell Rashford?", "Mourinho", "Rashford", "en"),
    # a person's reasons and ways need no word of speech
    ("Mengapa Taufik Hidayat mundur dari pelatnas?", "Taufik Hidayat", "pelatnas", "id"),
    ("Bagaimana cara Risma menata taman kota?", "Risma", "taman", "id"),
    ("What led Susi Pudjiastuti to sink foreign boats?", "Susi Pudjiastuti", "boats", "en"),
    # a role between an organisation and the name belongs to the person
    ("How did Tokopedia executive Ahmad Fauzi compare the outage?", "executive Ahmad Fauzi",
     "outage", "en"),
    ("Where does Malaysia's prime minister Anwar Ibrahim want to hold the summit?",
     "prime minister Anwar Ibrahim", "summit", "en"),
    # what they knew and how they dealt with something are their words too
    ("Did Christopher Nolan know how famous Harry Styles was?", "Christopher Nolan",
     "Harry Styles", "en"),
    ("How did Jakarta education chief Sopan Adrianto deal with the KJP rumour?",
     "Jakarta education chief Sopan Adrianto", "rumour", "en"),
    ("What did Rio Haryanto find hard about driving the Formula E car?", "Rio Haryanto",
     "Formula", "en"),
])
def test_a_named_person_and_a_word_of_speech_read_as_a_weak_request(
    question: str, person: str, topic_word: str, language: str,
) -> None:
    said = loose_said_question(question)
    assert said is not None and said.kind == "said" and not said.explicit
    assert said.person == person and said.language == language
    assert topic_word in said.topic and person not in said.topic


@pytest.mark.parametrize("question", [
    "Who told reporters about the deficit?",  # asks for a person
    "When did Jokowi tell the governors about the budget?",  # asks for a time
    "How many people did Anies say were evacuated?",  # asks for a number
    "Berapa jumlah korban menurut BNPB?",
    "Siapa yang mengatakan harga beras naik?",
    "What did the minister say about rice?",  # names nobody: the parser's job, not a name
    "What did Jokowi build in Papua?",  # no word of speech
    "What did Jokowi find in Papua?",  # "find" discovers here, it does not judge
    "Why did the plane crash into the Java Sea?",  # a reason, but the name is no subject
    "Mengapa harga cabai naik menjelang Lebaran?",
    "Bagaimana cara mendaftar CPNS 2019?",
    "Which ideology does Germany's Left Party want to end?",  # "which" asks for a thing
    "What is Jokowi's plan for the new capital?",  # "plan" as a noun, not "plan to"
])
def test_factoid_who_and_nameless_questions_are_left_alone(question: str) -> None:
    assert loose_said_question(question) is None


def test_the_parsers_reading_comes_first_and_the_loose_one_only_after_it() -> None:
    strict = Question.parse("What did Ushakov say about Iran?").said
    assert strict is not None and strict.explicit
    loose = Question.parse("Which concerns did Ushakov raise about Iran?").said
    assert loose is not None and not loose.explicit and loose.person == "Ushakov"


def test_no_factoid_question_of_the_fixtures_or_of_dev_reads_as_a_request() -> None:
    """The fixture's factoid questions naming a person, and every dev.jsonl question the
    parser does not read, keep the usual path."""
    rows = [json.loads(line) for line in
            (FIXTURES / "said_forms.jsonl").read_text(encoding="utf-8").splitlines() if line]
    factoid = [r["question"] for r in rows if r["person"] is None]
    dev = SHARED / "eval" / "dev.jsonl"
    if dev.exists():
        factoid += [q for line in dev.read_text(encoding="utf-8").splitlines() if line
                    if not parse_said_question(q := json.loads(line)["question"])]
    assert len(factoid) > 50
    assert [q for q in factoid if loose_said_question(q)] == []
