"""Who said what, round twenty-one (from the bot's QA): a lower-case role written in
English order, its head last ("vendor association chair Marta Quispe", "media officer
Persib Irfan Suryadireja", "harbour master Kai Ström"), is read as the role of the name
after it; and English titles ("Councillor", "Engineer", "Inspector", "Chief Executive")
are roles, not parts of the name."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

QUOTE_EN = '"These fees will ruin small traders,"'


@pytest.mark.parametrize(("text", "speaker", "role"), [
    (f"{QUOTE_EN} said vendor association chair Marta Quispe.", "Marta Quispe",
     "vendor association chair"),
    (f"{QUOTE_EN} said chair Marta Quispe.", "Marta Quispe", "chair"),
    (f"{QUOTE_EN} said harbour master Kai Ström on Monday.", "Kai Ström", "harbour master"),
])
def test_a_lower_case_english_role_before_a_name_is_its_role(text: str, speaker: str,
                                                              role: str) -> None:
    assert [(s.speech, s.speaker, s.role) for s in found(text)] == [("direct", speaker, role)]


@pytest.mark.parametrize(("text", "role"), [
    ("The fees will ruin small traders, vendor association chair Marta Quispe said.",
     "vendor association chair"),
    ("Ships are welcome again, harbour master Kai Ström said on Monday.", "harbour master"),
    ("Harbour master Kai Ström said ships were welcome again.", "Harbour master"),
])
def test_the_role_before_a_name_and_said_is_read_too(text: str, role: str) -> None:
    assert [(s.speech, s.speaker.split()[-1], s.role) for s in found(text)] == [
        ("reported", text.split(" said")[0].split()[-1], role)]


PERSIB = ("Manajemen Persib Bandung turut berduka cita atas meninggalnya Ricko Andrean Maulana "
          "saat laga Persib melawan Persija pada Sabtu (22/7).\n"
          "\"Persib turut berdukacita dan merasa kehilangan seorang Bobotoh,\" ujar media "
          "officer Persib Irfan Suryadireja saat melayat ke rumah duka di Jalan Tamim Abdul "
          "Syukur, Cicadas, Kota Bandung.\n"
          "\"Semoga ini menjadi korban terakhir,\" kata dia.\n")


def test_the_body_the_article_writes_apart_belongs_to_the_role() -> None:
    """"Persib" stands alone elsewhere ("laga Persib melawan"): the officer's club, and the
    next "kata dia" is the officer's, not Ricko's."""
    said = [(s.speaker, s.role) for s in found(PERSIB)]
    assert said == [("Irfan Suryadireja", "media officer Persib")] * 2


def test_three_capitalised_words_after_the_role_with_no_evidence_stay_unknown() -> None:
    """Where the body ends and the name begins is unsaid: nobody, and "kata dia" after it
    is not the previous speaker's (the _unread rule)."""
    text = ("\"Kami siap,\" kata Budi Santoso.\n"
            "\"Ini terlambat,\" ujar media officer Persebaya Irfan Suryadireja.\n"
            "\"Kami kecewa,\" kata dia.\n")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"]


@pytest.mark.parametrize("text", [
    # a description, no role head: nobody named
    f"{QUOTE_EN} said local market regular Marta Quispe.",
    # more words than a role runs to
    f"{QUOTE_EN} said the long time local vendor association chair Marta Quispe.",
    # the name runs on past the phrase: no clean end
    f"{QUOTE_EN} said vendor association chair Marta Quispe Lima Ramos Diaz.",
])
def test_a_lower_case_run_that_is_no_head_last_role_names_nobody(text: str) -> None:
    assert all(s.speaker != "Marta Quispe" or s.role is None for s in found(text))


@pytest.mark.parametrize("text", [
    # Indonesian puts the head first: "istri aktor Iko Uwais" is his wife, not Iko
    '"Dia sehat," ujar istri aktor Iko Uwais.',
    # the verb is no part of the role
    '"Vaksin ini aman," ujar dr Stephanie Patricia.',
])
def test_indonesian_head_first_runs_take_no_english_role(text: str) -> None:
    assert all(s.role is None or not s.role.startswith(("istri", "ujar")) for s in found(text))


@pytest.mark.parametrize("title", [
    "Councillor", "Engineer", "Inspector", "Detective", "Sergeant", "Captain", "Commissioner",
    "Chief Executive", "Managing Director", "Senator", "Professor", "Judge", "Coach",
    "Chairman", "Chairwoman", "Ambassador", "Spokesman", "Spokeswoman", "Director",
])
def test_an_english_title_is_a_role_not_a_name(title: str) -> None:
    for text in (f'"We want safer routes," said {title} Bea Hart.',
                 f"{title} Bea Hart said the routes were unsafe."):
        assert [(s.speaker, s.role) for s in found(text)] == [("Bea Hart", title)]


def test_said_with_a_time_after_it_still_ends_the_sentence() -> None:
    text = "Ships are welcome again, Kai Ström said on Monday night."
    assert [(s.speech, s.speaker) for s in found(text)] == [("reported", "Kai Ström")]


@pytest.mark.parametrize("text", [
    f"{QUOTE_EN} said on Monday vendor association chair Marta Quispe.",
    f"{QUOTE_EN} said on Monday Marta Quispe.",
])
def test_a_time_between_said_and_the_role_is_no_attribution_read(text: str) -> None:
    """An odd order the rule does not guess at: left unattributed."""
    assert all(s.speaker != "Marta Quispe" for s in found(text))
