"""Who said what, round twenty-three (from QA over the 400 corpus): "mengakui Yerusalem
sebagai ibu kota" is a recognition, not a statement; an organisation's name is not cut in
the middle ("Organisasi Pelarangan Senjata Kimia"); a "dan" inside an office's name stays
in the role ("Kepala Badan Promosi dan Investasi Riau"); a passive sentence's agent
("Hal senada diungkapkan X") is whom the next "menurutnya" means; a "Menurut X" inside a
quotation closed by "kata Y" is Y's statement; a topic phrase ("Perihal regulasi pelatih
dan pemain, Tigor mengungkapkan") is no role."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found


@pytest.mark.parametrize("text", [
    ("Presiden Amerika Serikat Donald Trump secara resmi mengakui Yerusalem sebagai ibu kota "
     "Israel."),
    ("Pertemuan tersebut diserukan oleh Inggris setelah pengumuman keputusan Presiden AS "
     "Donald Trump mengakui Yerusalem sebagai ibu kota Israel."),
    ("Suasana semakin menegang setelah dikeluarkannya pengumuman Presiden Amerika Serikat "
     "Donald Trump yang mengakui Yerusalem sebagai ibukota Israel dan rencana pemindahan "
     "kedutaan besar AS."),
])
def test_recognising_a_place_as_something_is_no_statement(text: str) -> None:
    """Before, each of these was Donald Trump's reported speech."""
    assert found(text) == []


def test_an_admission_with_sebagai_is_still_a_statement() -> None:
    text = ("Setya Novanto mengakui pernah menjabat sebagai Komisaris PT Mondialindo Graha "
            "Perdana pada 2000 sampai 2002.")
    assert [s.speaker for s in found(text)] == ["Setya Novanto"]


@pytest.mark.parametrize("text", [
    ("Dalam perang saudara yang telah berlangsung selama enam tahun, Organisasi Pelarangan "
     "Senjata Kimia mengatakan racun syaraf sarin setidaknya dua kali digunakan di sana."),
    ("Organisasi Pelarangan Senjata Kimia mengatakan racun syaraf sarin setidaknya dua kali "
     "digunakan dalam perang saudara itu."),
])
def test_a_body_named_by_what_it_does_is_not_cut_in_the_middle(text: str) -> None:
    """Before, the speaker was a person called "Senjata Kimia"."""
    assert [(s.speaker, s.organisation) for s in found(text)] == [
        ("Organisasi Pelarangan Senjata Kimia", True)]


def test_an_office_with_a_person_named_after_a_nominalisation_keeps_the_name() -> None:
    text = ("Kepala Badan Koordinasi Penanaman Modal Thomas Lembong mengatakan investasi "
            "tumbuh pesat tahun ini di seluruh wilayah.")
    assert [(s.speaker, s.role) for s in found(text)] == [
        ("Thomas Lembong", "Kepala Badan Koordinasi Penanaman Modal")]


LIB = ("Menurut Direktur Utama PT LIB, Berlington Siahaan, kompetisi Liga U-19 ini adalah "
       "kompetisi usia muda yang sesungguhnya.\n"
       "Hal senada kemudian diungkapkan COO PT LIB, Tigor Shalomboboy. Menurutnya, kompetisi "
       "usia muda di Indonesia memang seharusnya mengarah ke level usia u-19 ini.\n")


def test_a_passive_agent_with_a_company_officer_title_speaks_next() -> None:
    """"COO PT LIB" had been read as a body, so "Menurutnya" went back to Berlington."""
    assert [(s.speaker, s.role) for s in found(LIB)] == [
        ("Berlington Siahaan", "Direktur Utama PT LIB"), ("Tigor Shalomboboy", "COO PT LIB")]


@pytest.mark.parametrize("title", ["COO", "CFO", "CTO"])
def test_company_officer_titles_head_a_role(title: str) -> None:
    text = f'"Ini baru tahun ini ada," kata {title} PT LIB, Tigor Shalomboboy.'
    assert [(s.speaker, s.role) for s in found(text)] == [("Tigor Shalomboboy", f"{title} PT LIB")]


@pytest.mark.parametrize("verb", ["diluruskan", "dibantah", "dibenarkan", "ditanggapi"])
def test_a_passive_answer_names_who_speaks_next(verb: str) -> None:
    """"Namun, rupanya hal ini diluruskan Ausilio. Menurutnya, …": his, not the owner's."""
    text = ("Direktur Olahraga Piero Ausilio mengisyaratkan pihaknya bakal bergerak. "
            "Pemilik Nerazzurri sempat menyatakan, Ozil masuk dalam agenda belanja klub.\n"
            f"Namun, rupanya hal ini {verb} Ausilio. Menurutnya, Inter tidak akan melakukan "
            "aktivitas di tahun baru nanti.\n")
    assert [s.speaker for s in found(text)][-1] == "Piero Ausilio"


@pytest.mark.parametrize("speaker", ["keluarga korban", "seorang kerabat"])
def test_menurut_inside_a_quotation_is_not_a_statement_of_its_own(speaker: str) -> None:
    """"“… Menurut dr Joni, Asep cedera berat,” kata keluarga korban": the family's words,
    not dr Joni's (before, stored under Joni)."""
    text = ('Korban dirawat inap di Kamar Ester 10. "Ia beristirahat dan belum bisa memberikan '
            'keterangan. Menurut dr Joni, Asep cedera berat," kata ' + speaker
            + ', ketika ditemui di Kamar Ester 10.')
    assert [s.speaker for s in found(text)] == []


def test_menurut_inside_a_named_quotation_stays_the_quoted_speakers() -> None:
    text = ('Korban dirawat inap di Kamar Ester 10. "Ia beristirahat dan belum bisa memberikan '
            'keterangan. Menurut dr Joni, Asep cedera berat," kata Budi Santoso, ketika '
            'ditemui di Kamar Ester 10.')
    assert [s.speaker for s in found(text)] == ["Budi Santoso"]


@pytest.mark.parametrize("lead", ["Perihal regulasi pelatih dan pemain", "Soal kontrak pemain",
                                  "Terkait jadwal pelatih"])
def test_a_topic_phrase_before_the_name_is_no_role(lead: str) -> None:
    text = (f"{lead}, Tigor Shalomboboy mengungkapkan apabila pelatih yang memimpin tim di "
            "kompetisi ini harus minimal memiliki lisensi C AFC.")
    assert [(s.speaker, s.role) for s in found(text)] == [("Tigor Shalomboboy", None)]


def test_a_role_before_the_comma_stays_the_role() -> None:
    text = ("Pelatih Persib, Mario Gomez mengungkapkan apabila pemain yang dibawa ke laga ini "
            "harus dalam kondisi terbaik mereka.")
    assert [(s.speaker, s.role) for s in found(text)] == [("Mario Gomez", "Pelatih Persib")]


def test_a_one_word_name_the_article_quotes_by_reports_with_a_weak_verb() -> None:
    """"Terkait …, Mastuki pun berharap …" had been kept only through the topic read as his
    role; a one-word name the article attributes speech to ("kata Mastuki") is a person."""
    text = ("\"Kami sudah menyampaikan bahwa model itu berbahaya,\" kata Mastuki.\n"
            "Terkait kasus dugaan penipuan umrah ini, Mastuki pun berharap jadi pelajaran bagi "
            "masyarakat yang sedang merencanakan ibadah tersebut.\n")
    assert [(s.speaker, s.role) for s in found(text)] == [("Mastuki", None)] * 2


def test_unnamed_sources_in_between_stop_kata_dia_carrying_the_spokesman() -> None:
    """"Para narasumber mengatakan bahwa …" comes between the Canadian spokesman and the
    bloc's statement: "kata dia" is not his (before, stored under Josh Bueckert)."""
    text = ("Juru bicara pemerintah Kanada Josh Bueckert mengatakan pemerintah Kanada berjuang "
            "keras agar hak-hak itu resmi diakui.\n"
            "Para narasumber mengatakan bahwa kata-kata ramah keluarga muncul dari delegasi "
            "Belarusia sebagai pilihan yang lebih disukai.\n"
            "\"Kami yakin hak asasi wanita dan pria bisa dilindungi dalam lingkungan yang ramah "
            "keluarga,\" kata dia.\n")
    assert [s.speaker for s in found(text)] == ["Josh Bueckert"]


@pytest.mark.parametrize("text", [
    ("Menurut Kepala Badan Promosi dan Investasi Riau Tiolina Pangaribuan, premanisme tak "
     "sekadar pungli di sepanjang jalan raya."),
    ("Kepala Badan Promosi dan Investasi Riau Tiolina Pangaribuan mengatakan premanisme tak "
     "sekadar pungli di sepanjang jalan raya."),
    ("\"Premanisme tak sekadar pungli di sepanjang jalan raya,\" kata Kepala Badan Promosi dan "
     "Investasi Riau Tiolina Pangaribuan."),
])
def test_dan_inside_an_office_and_a_province_stay_in_the_role(text: str) -> None:
    """Before: "Promosi" (role "Kepala Badan") or "Investasi Riau Tiolina Pangaribuan"."""
    assert [(s.speaker, s.role) for s in found(text)] == [
        ("Tiolina Pangaribuan", "Kepala Badan Promosi dan Investasi Riau")]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("Gubernur Jabar Ahmad Heryawan menegaskan Iwa harus mundur dari jabatannya sebagai Sekda.",
     "Ahmad Heryawan", "Gubernur Jabar"),
    (("Ketua Tim Sinkronisasi Sudirman Said mengatakan DPRD bersikap bijak untuk menunda "
      "pengesahan itu."), "Sudirman Said", "Ketua Tim Sinkronisasi"),
])
def test_a_province_short_form_or_a_loan_noun_is_no_name_word(text: str, speaker: str,
                                                              role: str) -> None:
    """Before: "Jabar Ahmad Heryawan", "Sinkronisasi Sudirman Said"."""
    assert [(s.speaker, s.role) for s in found(text)] == [(speaker, role)]


def test_a_loan_noun_opening_a_sentence_is_nobody() -> None:
    text = ("Spekulasi mengatakan, Perry yang hendak tampil di panggung Grammy Awards akan "
            "membawakan lagu barunya itu untuk pertama kali.")
    assert found(text) == []


JORDAN = ("Yordania mengatakan akan menginterogasi petugas keamanan Israel itu. Adapun "
          "pemerintahan Benjamin Netanyahu menyebut petugas tersebut punya kekebalan diplomatik.\n"
          "Kementerian Luar Negeri Israel mengatakan Jawawdeh menikam petugas keamanan tersebut "
          "di bagian punggung dengan obeng.\n"
          "“Israel masih mempertimbangkan permintaan kami,” kata dia. “Tidak perlu ada eskalasi "
          "diplomatik.”\n"
          "“Kami terus melakukan pembicaraan dengan pemerintah Yordania,” kata Netanyahu.\n")


def test_kata_dia_after_a_ministry_is_not_the_leader_whose_government_was_named() -> None:
    """"pemerintahan Benjamin Netanyahu menyebut" makes the government the subject, not him,
    and "dia" never means the ministry: the Jordanian source's words are nobody's known
    (before, both quotes were Netanyahu's)."""
    assert [s.speaker for s in found(JORDAN)] == [
        "Yordania", "Kementerian Luar Negeri Israel", "Benjamin Netanyahu"]
