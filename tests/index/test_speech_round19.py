"""Who said what, round nineteen (fifteenth session, from a wrong speaker in set G): ordinary
people ("warga", "pedagang", "guru") head an appositive role as offices do; someone new whom
no rule reads stops "katanya" from carrying the previous speaker; a village's name before a
person's belongs to the role; a short "seperti yang dikatakan X" still says who speaks."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

LONG = ("pemerintah harus segera membantu para korban gempa yang kehilangan rumah mereka di "
        "desa itu sejak pagi tadi.")


@pytest.mark.parametrize(("subject", "speaker", "role"), [
    ("Sulaeman, warga Cidahu,", "Sulaeman", "warga Cidahu"),
    ("Budi Santoso, seorang pedagang,", "Budi Santoso", "pedagang"),
    ("Warga Cidahu, Sulaeman,", "Sulaeman", "Warga Cidahu"),
    ("Sulaeman salah seorang warga Cidahu", "Sulaeman", "warga Cidahu"),
    ("Sementara itu Budi Santoso salah seorang warga", "Budi Santoso", "warga"),
    ("Budi Santoso warga Cidahu", "Budi Santoso", "warga Cidahu"),
])
def test_a_lay_person_is_read_with_what_they_are(subject: str, speaker: str, role: str) -> None:
    [statement] = found(f"{subject} mengatakan {LONG}\n")
    assert (statement.speaker, statement.role) == (speaker, role)


def test_a_lay_role_before_a_name_is_no_name() -> None:
    """"warga Cidahu Sulaeman": where the place ends and the name begins is unsaid."""
    assert found(f"\"{LONG}\" kata warga Cidahu Sulaeman.\n") == []


def test_a_clause_is_no_lay_role() -> None:
    text = (f"Suprapto, Humas PT KAI, menjelaskan {LONG}\n"
            "Menurut Suprapto, jumlah penumpang tersebut merujuk pada data yang diterima "
            "bagian humas dari semua stasiun di Jakarta.\n")
    assert [s.role for s in found(text)] == ["Humas PT KAI", "Humas PT KAI"]


def test_someone_unread_stops_katanya_carrying_the_last_speaker() -> None:
    text = ("\"Gempa tersebut tidak berpotensi tsunami,\" kata Kepala BPBD Yana Rusyana.\n"
            "Sementara itu Sulaeman bersama rombongannya dari Cidahu juga mengatakan getaran "
            "itu ia rasakan cukup kencang dan membuat panik seluruh warga.\n"
            "\"Saat kejadian saya sedang berada di dalam rumah,\" katanya.\n")
    assert [s.speaker for s in found(text)] == ["Yana Rusyana"]


def test_the_last_speaker_under_another_spelling_still_carries() -> None:
    text = ("\"Beliau wafat dengan tenang,\" kata Hariyadi Sukamdani.\n"
            "Lebih lanjut Haryadi mengungkapkan, penyebab kematian ayahnya adalah usia yang "
            "sudah senja dan organ yang tidak lagi berfungsi.\n"
            "\"Waktu beliau kolaps pertama karena batuk,\" tuturnya.\n")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Hariyadi Sukamdani"] * 2
    assert "kolaps" in text[statements[-1].start:statements[-1].end]


@pytest.mark.parametrize(("phrase", "speaker", "role"), [
    ("Kepala Desa Cidahu Opi Novianti", "Opi Novianti", "Kepala Desa Cidahu"),
    ("warga Kecamatan Citamiang Opi Novianti", "Opi Novianti", "warga Kecamatan Citamiang"),
])
def test_a_village_before_a_name_is_the_roles(phrase: str, speaker: str, role: str) -> None:
    [statement] = found(f"\"Getarannya cukup kencang tetapi sebentar,\" kata {phrase}.\n")
    assert (statement.speaker, statement.role) == (speaker, role)


def test_a_short_as_said_by_names_who_speaks_next() -> None:
    text = ("\"Gempa tersebut tidak berpotensi tsunami,\" kata Kepala BPBD Yana Rusyana.\n"
            "Gempa juga dirasakan di Kota Sukabumi seperti yang dikatakan warga Kecamatan "
            "Citamiang Opi Novianti. \"Getarannya cukup kencang tetapi sebentar,\" katanya.\n")
    speakers = [s.speaker for s in found(text)]
    assert speakers[0] == "Yana Rusyana" and speakers[-1] == "Opi Novianti"
    assert "Yana Rusyana" not in speakers[1:]


def test_someone_named_with_an_office_in_passing_stops_katanya_too() -> None:
    text = ("\"Ada 14 calon yang bermasalah dalam isu keberagaman,\" kata Wahyu Widianto.\n"
            "Dalam kesempatan yang sama, anggota lainnya yang juga Ketua Perhimpunan Bantuan "
            "Hukum Indonesia (PBHI) Totok Yuliyanto menjelaskan, sejauh ini koalisi belum "
            "menemukan kekerasan lain selain seksual.\n"
            "\"Belum ditemukan kekerasan rumah tangga,\" katanya.\n")
    assert "Wahyu Widianto" not in [s.speaker for s in found(text)[1:]]


def test_the_last_speaker_by_another_name_still_carries() -> None:
    text = ("\"Organisasi yang bertentangan dengan Pancasila harus ditindak,\" kata Presiden "
            "Joko Widodo di Istana.\n"
            "Seperti diberitakan Antara, Jokowi memang tidak secara khusus mengatakan organisasi "
            "mana yang dimaksudnya.\n"
            "\"Kalau PKI muncul gebuk saja,\" ujarnya.\n")
    assert [s.speaker for s in found(text)][-1] == "Joko Widodo"


def test_meski_demikian_opens_no_concession() -> None:
    text = ("Meski demikian, pengacara Nelly, Scott Rosenblum mengatakan bahwa itu semua hanya "
            "akal-akalan wanita itu saja untuk mendapat uang dan perhatian publik.\n")
    [statement] = found(text)
    assert (statement.speaker, statement.role) == ("Scott Rosenblum", "pengacara Nelly")


@pytest.mark.parametrize(("closing", "role"), [
    ("kata Pelatih Elektrik, Tien Mei kepada wartawan", "Pelatih Elektrik"),
    ("ucap Tien Mei", None),
])
def test_a_month_after_a_given_name_is_part_of_the_name(closing: str, role: str | None) -> None:
    [statement] = found(f"\"Permainan kami sedang menurun pada putaran kedua,\" {closing}.\n")
    assert (statement.speaker, statement.role) == ("Tien Mei", role)


def test_a_month_in_a_date_is_still_no_name() -> None:
    [statement] = found("\"Permainan kami sedang menurun,\" kata Jokowi, Senin (3 Mei 2017).\n")
    assert statement.speaker == "Jokowi"


def test_a_neighbourhood_unit_number_stays_in_the_office() -> None:
    [statement] = found("\"Kami imbau warga menyelamatkan barang berharga,\" kata Ketua RT 05 "
                        "Budi Santoso.\n")
    assert (statement.speaker, statement.role) == ("Budi Santoso", "Ketua RT 05")


@pytest.mark.parametrize("verb", ["diucapkan", "dibacakan", "diumumkan"])
def test_a_statement_read_out_by_someone_is_theirs(verb: str) -> None:
    text = ("\"Dengan rasa menyesal saya sampaikan bahwa hari ini saya mengajukan permohonan "
            f"untuk dijual,\" demikian bunyi pernyataan resmi yang {verb} Van Dijk.\n")
    assert [s.speaker for s in found(text)] == ["Van Dijk"]
