"""Who said what, round eleven: speaker names that were wrong strings. A role word inside
an Indonesian name ("Lukman Hakim Saifuddin", "Bambang Putra Wijaya") is part of the name,
while real roles ("Ketua Majelis Hakim", "Jaksa Agung", "Hakim Ketua") stay roles; a ke-…-an
or pe(r)-…-an noun ("Keinginan", "Kehadiran", "Kemaritiman", "Penanaman") is never a name
word, opening a sentence or inside an office; a bracketed short form inside an office
("… Bencana Daerah (BPBD) Jember") belongs to the office."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

_QUOTE = "\"Kami akan menindaklanjuti laporan itu pekan depan,\""


@pytest.mark.parametrize(("speaker", "name", "role"), [
    ("Menteri Urusan Agama Lukman Hakim Saifuddin", "Lukman Hakim Saifuddin", "Menteri Urusan Agama"),
    ("Direktur Utama Bambang Putra Wijaya", "Bambang Putra Wijaya", "Direktur Utama"),
    ("Ketua Yayasan Sinar Harapan Dewi Putri Lestari", "Dewi Putri Lestari",
     "Ketua Yayasan Sinar Harapan"),
])
def test_a_role_word_between_a_given_name_and_the_name_is_part_of_the_name(
    speaker: str, name: str, role: str,
) -> None:
    (s,) = found(f"{_QUOTE} kata {speaker} di Jakarta.")
    assert (s.speaker, s.role) == (name, role)


def test_a_name_holding_a_role_word_is_whole_as_a_subject_too() -> None:
    (s,) = found("Lukman Hakim Saifuddin mengatakan bahwa pemerintah akan menindaklanjuti "
                 "laporan itu pekan depan.")
    assert (s.speaker, s.role) == ("Lukman Hakim Saifuddin", None)


@pytest.mark.parametrize(("speaker", "name", "role"), [
    ("Ketua Majelis Hakim Jhon Halasan", "Jhon Halasan", "Ketua Majelis Hakim"),
    ("Jaksa Agung Prasetyo", "Prasetyo", "Jaksa Agung"),
    ("Hakim Ketua Sarpin Rizaldi", "Sarpin Rizaldi", "Hakim Ketua"),
    ("Ketua Hakim Agung Hatta Ali", "Hatta Ali", "Ketua Hakim Agung"),
    ("Hakim Tunggal Cepi Iskandar", "Cepi Iskandar", "Hakim Tunggal"),
    ("Jaksa Penuntut Umum Ali Fikri", "Ali Fikri", "Jaksa Penuntut Umum"),
    ("Kepala Bakamla Laksamana Madya Arie Soedewo", "Arie Soedewo",
     "Kepala Bakamla Laksamana Madya"),
    ("Ketua Majelis Hakim Konstitusi Arief Hidayat", "Arief Hidayat",
     "Ketua Majelis Hakim Konstitusi"),
])
def test_a_role_word_that_heads_a_role_stays_in_the_role(speaker: str, name: str,
                                                         role: str) -> None:
    (s,) = found(f"{_QUOTE} kata {speaker} di Jakarta.")
    assert (s.speaker, s.role) == (name, role)


def test_a_place_before_a_role_word_gives_no_given_name() -> None:
    (s,) = found(f"{_QUOTE} kata gubernur Banten Ratu Atut Chosiyah.")
    assert "Banten" not in s.speaker


@pytest.mark.parametrize(("opening", "name"), [
    ("Keinginan Joe Taslim untuk berkarier di luar negeri sudah tercapai.", "Joe Taslim"),
    ("Kehadiran Agus Harimurti Yudhoyono ke Istana dinilai meredakan ketegangan.",
     "Agus Harimurti Yudhoyono"),
])
def test_a_sentence_opening_nominalisation_is_no_part_of_the_name(opening: str,
                                                                 name: str) -> None:
    text = f"{opening}\n\"Saya merasa tertantang dengan peran ini,\" kata {name.split()[0]}."
    (s,) = found(text)
    assert s.speaker == name


def test_one_name_after_a_sentence_opening_nominalisation_is_known() -> None:
    text = ("Kedatangan Nolito ke Sevilla disambut para pendukung.\n"
            "Menanjaknya penampilan Leroy Sane jadi kendala di City. Bahkan, dalam suatu "
            "wawancara, Nolito mengeluhkan persoalan bahasa.\n"
            "“Saya baru mengerti sedikit Bahasa Inggris,” katanya.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Nolito", True)


def test_a_name_after_a_sentence_opening_nominalisation_is_not_its_subject() -> None:
    text = ("Peringatan Hari Kartini yang jatuh setiap April disambut antusias oleh banyak "
            "artis.\n\"Cita-cita Ibu Kartini harus kita lanjutkan dengan baik,\" katanya.")
    assert all(s.speaker != "Hari Kartini" for s in found(text))


@pytest.mark.parametrize(("speaker", "name", "role"), [
    ("Menko Kemaritiman Luhut Binsar Pandjaitan", "Luhut Binsar Pandjaitan",
     "Menko Kemaritiman"),
    ("Juru Bicara Kepresidenan Johan Budi", "Johan Budi", "Juru Bicara Kepresidenan"),
    ("Kepala Badan Koordinasi Penanaman Modal Thomas Lembong", "Thomas Lembong",
     "Kepala Badan Koordinasi Penanaman Modal"),
    ("Direktur Pemasaran Rudi Hartono", "Rudi Hartono", "Direktur Pemasaran"),
    ("Menteri Perhubungan Budi Karya Sumadi", "Budi Karya Sumadi", "Menteri Perhubungan"),
])
def test_a_nominalisation_inside_an_office_is_the_offices(speaker: str, name: str,
                                                         role: str) -> None:
    (s,) = found(f"{_QUOTE} kata {speaker} di Jakarta.")
    assert (s.speaker, s.role) == (name, role)


def test_the_lone_object_of_an_office_nominalisation_is_nobody() -> None:
    text = ("Pusat Pengendalian Penyakit menyatakan bahwa kasus demam kuning di wilayah itu "
            "terus bertambah sejak awal tahun.")
    assert all(s.speaker != "Penyakit" for s in found(text))


@pytest.mark.parametrize(("speaker", "name"), [
    (("Kepala Bidang Kedaruratan dan Logistik Badan Penanggulangan Bencana Daerah (BPBD) "
      "Jember Heru Widagdo"), "Heru Widagdo"),
    ("Kepala Bidang Kedokteran dan Kesehatan Polda Metro Jaya Komisaris Besar Umar Shahab",
     "Umar Shahab"),
])
def test_an_office_with_dan_after_a_nominalisation_and_a_bracketed_short_form_is_read_whole(
    speaker: str, name: str,
) -> None:
    (s,) = found(f"\"Korban sudah dibawa ke puskesmas untuk dirawat,\" kata {speaker} di Jember.")
    assert s.speaker == name
    assert s.role is not None and s.role.startswith("Kepala Bidang")


def test_a_bracketed_short_name_after_a_name_makes_no_role_of_the_name() -> None:
    statements = found("Presiden Joko Widodo (Jokowi) mengatakan bahwa pemerintah akan "
                       "membangun jalan baru di wilayah itu.")
    assert all("Presiden" not in s.speaker for s in statements)


@pytest.mark.parametrize(("speaker", "name", "role"), [
    ("Presenter Jimmy Kimmel", "Jimmy Kimmel", "Presenter"),
    ("Pesinetron Soraya Larasati", "Soraya Larasati", "Pesinetron"),
    ("Selebriti Donna Agnesia", "Donna Agnesia", "Selebriti"),
])
def test_an_epithet_opening_a_name_run_is_the_role(speaker: str, name: str, role: str) -> None:
    (s,) = found(f"{speaker} mengatakan bahwa ia akan kembali tampil di layar kaca tahun depan.")
    assert (s.speaker, s.role) == (name, role)


def test_a_given_name_that_is_an_epithet_word_stays_a_name() -> None:
    (s,) = found("\"Saya senang sekali bisa tampil di sini,\" kata Bintang Emon di Jakarta.")
    assert (s.speaker, s.role) == ("Bintang Emon", None)


def test_an_epithet_set_off_before_the_name_describes_whom_the_comma_names() -> None:
    text = ("Bintang Real Madrid, Cristiano Ronaldo, enggan meremehkan Juventus jelang final.\n"
            "\"Tidak ada yang mudah di final, kami akan berjuang hingga akhir,\" katanya.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Cristiano Ronaldo", True)


def test_a_partner_epithet_names_the_partner_not_the_speaker() -> None:
    text = ("Kekasih Raisa Andriana mengatakan bahwa mereka akan segera menikah tahun depan.")
    assert all(s.speaker != "Raisa Andriana" for s in found(text))


def test_quotes_after_one_closed_by_an_unread_attribution_are_nobodys_by_carry() -> None:
    text = ("Gelandang Hull City, Ryan Mason, memutuskan pensiun setelah cedera kepala.\n"
            "\"Dengan penyesalan mendalam klub harus mengumumkan bahwa Ryan Mason akan pensiun "
            "dari sepakbola,\" rilis Hull.\n"
            "\"Ryan telah mencari panduan dari banyak ahli saraf terkenal di dunia.\n"
            "\"Ryan ingin menyampaikan terima kasihnya kepada semua anggota klub,\" tutupnya.")
    assert all(s.speaker != "Ryan Mason" for s in found(text))


def test_a_carried_quote_after_a_read_attribution_still_carries() -> None:
    text = ("\"Klub harus mengumumkan bahwa Ryan Mason akan pensiun dari sepakbola,\" kata "
            "Ehab Allam.\n"
            "\"Ryan ingin menyampaikan terima kasihnya kepada semua anggota klub,\" tutupnya.")
    assert [(s.speaker, s.carried) for s in found(text)] == [("Ehab Allam", False),
                                                            ("Ehab Allam", True)]
