"""Who said what, round twenty-two (from QA): a business executive's title written before
a company's one word and no personal name ("kata Chief Executive Disney", "Pemilik
Nerazzurri") is a role-only speaker, the role as written, as "kata juru bicara Brigade
Qassam" is; a word before a name's initial that the article never calls the person by, while
it calls them by a word after it ("Koordinator WWF Riau M Nur Anam", later "menurut Anam"),
is the role's; and a plainly emotional adjective before an English head-last role ("said
angry chair Marta Quispe") is no part of the role."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

DISNEY = ("Disney baru saja mengumumkan bahwa mereka akan membuka layanan streaming sendiri. "
          "Film Disney, Disney Channel dan Pixar hanya bisa disaksikan lewat platform itu.\n"
          "\"Perkembangan teknologi dapat membuat merek kami menguat,\" kata Chief Executive "
          "Disney dalam sebuah pernyataan.\n")


@pytest.mark.parametrize(("text", "speaker"), [
    (DISNEY, "Chief Executive Disney"),
    ("\"Merek kami menguat,\" kata Chief Executive Disney dalam sebuah pernyataan.",
     "Chief Executive Disney"),
    ("\"Merek kami menguat,\" kata CEO Disney.", "CEO Disney"),
    ("Inter mengincar Ozil. Pemilik Nerazzurri sempat menyatakan, Ozil cocok di Inter.",
     "Pemilik Nerazzurri"),
])
def test_an_executive_title_before_a_company_alone_is_a_role_only_speaker(
    text: str, speaker: str,
) -> None:
    """Before, the company was the person's name ("Disney", or "Disney Channel" where the
    article names the channel)."""
    assert [(s.speaker, s.role) for s in found(text)] == [(speaker, None)]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    # a political office before one name is the usual short form
    ("\"Kami siap,\" kata Presiden Jokowi.", "Jokowi", "Presiden"),
    # a full name after the title
    (("Instagram tumbuh pesat tahun ini.\n\"Kami siap,\" kata CEO Instagram Kevin Systrom.\n"
      "\"Kami tumbuh,\" kata Kevin."), "Kevin Systrom", "CEO Instagram"),
])
def test_a_named_person_after_the_title_stays_the_speaker(text: str, speaker: str,
                                                          role: str) -> None:
    assert (found(text)[0].speaker, found(text)[0].role) == (speaker, role)


def test_a_person_the_article_quotes_by_that_word_stays_the_speaker() -> None:
    """"kata CEO Albert" after "Albert Lucius" spoke: him, not a company called Albert."""
    text = ("Albert Lucius mengatakan platform itu tumbuh.\n"
            "\"Kami terus berkembang,\" kata Albert.\n"
            "\"Target kami tercapai,\" kata CEO Albert.\n")
    assert [s.speaker for s in found(text)] == ["Albert Lucius"] * 3


WWF = ("Ketua Divisi Awarness World Wide Fund (WWF) Riau M Nur Anam mengatakan semua "
       "persinggungan antara harimau dan manusia memang terjadi di areal bukaan lahan. "
       "Menurut Anam, hal ini terjadi karena kebutuhan pangan harimau Sumatera terganggu.\n")


def test_a_place_before_an_initial_goes_to_the_role() -> None:
    """"Riau M Nur Anam" had been the speaker: the article calls him "Anam", never "Riau"."""
    assert [(s.speaker, s.role) for s in found(WWF)] == [
        ("M Nur Anam", "Ketua Divisi Awarness World Wide Fund (WWF) Riau")] * 2


def test_a_place_before_an_initial_after_the_verb_goes_to_the_role() -> None:
    text = ("\"Harimau itu terdesak oleh pembukaan lahan,\" kata Koordinator WWF Riau M Nur "
            "Anam.\nMenurut Anam, kebutuhan pangan harimau terganggu.\n")
    assert [(s.speaker, s.role) for s in found(text)] == [
        ("M Nur Anam", "Koordinator WWF Riau")] * 2


@pytest.mark.parametrize(("text", "speaker"), [
    # the article calls him by his first word
    (("Deputi IV Kemenpora Gatot S Dewa Broto mengatakan atlet siap bertanding. "
      "Menurut Gatot, persiapan sudah matang."), "Gatot S Dewa Broto"),
    # one word after the initial: a given name, a middle initial and a surname
    (("Wakil Ketua KPK Laode M Syarif mengatakan penyidikan berjalan. "
      "Menurut Syarif, kasus itu segera tuntas."), "Laode M Syarif"),
])
def test_a_middle_initial_keeps_the_name_whole(text: str, speaker: str) -> None:
    assert {s.speaker for s in found(text)} == {speaker}


QUOTE_EN = '"These fees will ruin small traders,"'


@pytest.mark.parametrize(("text", "role"), [
    (f"{QUOTE_EN} said angry chair Marta Quispe.", "chair"),
    (f"{QUOTE_EN} said furious vendor association chair Marta Quispe.",
     "vendor association chair"),
    ("The fees will ruin small traders, angry chair Marta Quispe said.", "chair"),
])
def test_an_emotional_adjective_is_no_part_of_the_role(text: str, role: str) -> None:
    assert [(s.speaker, s.role) for s in found(text)] == [("Marta Quispe", role)]


@pytest.mark.parametrize(("text", "role"), [
    (f"{QUOTE_EN} said acting chair Marta Quispe.", "acting chair"),
    (f"{QUOTE_EN} said senior harbour master Kai Ström.", "senior harbour master"),
])
def test_a_modifier_of_the_office_stays_in_the_role(text: str, role: str) -> None:
    assert [s.role for s in found(text)] == [role]
