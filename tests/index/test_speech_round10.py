"""Who said what, round ten (passages written like the corpus): an epithet after the verb
("kata mantan pengusaha itu", "ujar sang gelandang Italia kepada Goal", "the 31-year-old
said") carries to the person the text speaks of; a capitalised common noun or conjunction
that opens a sentence ("Petugas juga mengimbau …", "Sambil menegaskan …") is nobody's
name; "ia" does not carry to someone its own reported words name."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found


@pytest.mark.parametrize("epithet", [
    "kata mantan pengusaha itu",
    "ujar pria kelahiran Bandung itu",
    "kata politikus PDIP tersebut",
    "aku pria 56 tahun itu",
    "kata pemenang emas di nomor 100 meter gaya kupu-kupu di Olimpiade Rio tersebut",
])
def test_an_epithet_before_any_speaker_carries_to_the_person_named_first(epithet: str) -> None:
    text = ("Sandiaga Uno meninjau kawasan Luar Batang pada Senin pagi bersama warga.\n"
            f"\"Alangkah baiknya kalau di sini ada tempat untuk wisatawan yang ingin sholat,\" "
            f"{epithet}.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Sandiaga Uno", True)


@pytest.mark.parametrize("epithet", [
    "ujar sang gelandang Italia kepada Goal",
    "tutur eks striker Chelsea di FFT",
    "kata mantan kapten Persib saat ditemui",
])
def test_an_epithet_closed_by_where_it_was_said_carries_to_the_latest_speaker(
    epithet: str,
) -> None:
    text = ("\"Kami akan bermain di kandang dan kami sering menderita,\" kata Thiago Motta.\n"
            f"\"Benar, ini pertandingan penting bagi kami semua,\" {epithet}.")
    statements = found(text)
    assert [(s.speaker, s.carried) for s in statements] == [
        ("Thiago Motta", False), ("Thiago Motta", True)]


def test_an_epithet_followed_by_a_name_is_that_person() -> None:
    text = ("\"Kami akan bermain di kandang dan kami sering menderita,\" kata Thiago Motta.\n"
            "\"Laga ini sangat menentukan bagi kedua tim,\" kata mantan striker Chelsea "
            "Tony Cascarino di FFT.")
    first, second = found(text)
    assert first.speaker == "Thiago Motta"
    assert second.speaker.endswith("Tony Cascarino") and not second.carried


def test_a_loose_epithet_after_someone_else_was_named_is_nobody() -> None:
    text = ("\"Kami akan bermain di kandang dan kami sering menderita,\" kata Thiago Motta.\n"
            "Pelatih Monaco Leonardo Jardim juga sudah menyiapkan timnya untuk laga ini.\n"
            "\"Benar, ini pertandingan penting bagi kami semua,\" ujar sang gelandang Italia "
            "kepada Goal.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Thiago Motta"]


@pytest.mark.parametrize("epithet", ["the former striker said", "the 31-year-old said"])
def test_an_english_epithet_carries_to_the_person_the_text_speaks_of(epithet: str) -> None:
    text = ("Jamie Vardy scored twice as Leicester beat Chelsea on Saturday.\n"
            f"\"It was a good night for everyone at the club,\" {epithet}.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Jamie Vardy", True)


def test_a_subject_described_with_sang_carries_to_the_person_the_text_speaks_of() -> None:
    text = ("Ewan McGregor bercerita tentang pertemuannya dengan Noel Gallagher.\n"
            "\"Dia datang ke rumah saya larut malam,\" kata McGregor.\n"
            "Sang aktor melanjutkan, \"Keesokan paginya kami bertarung lightsaber di halaman.\"")
    statements = found(text)
    assert [(s.speaker, s.carried) for s in statements] == [
        ("Ewan McGregor", False), ("Ewan McGregor", True)]


def test_a_former_club_described_is_no_person() -> None:
    text = ("Mantan bek Timnas Brasil Roberto Carlos dihantam tudingan doping.\n"
            "Eks Real Madrid itu pun langsung membantah laporan televisi ARD tersebut.\n"
            "\"Saya tidak pernah menggunakan obat apa pun selama karier saya,\" terang mantan "
            "pemain berkepala plontos tersebut.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Roberto Carlos", True)


def test_a_capitalised_common_noun_opening_a_sentence_is_no_speaker() -> None:
    text = ("Menteri Agama Lukman Hakim Saifuddin meninjau tenda jamaah di Arafah.\n"
            "Sebelumnya, petugas PPIH beberapa kali mengimbau jamaah untuk tidak keluar tenda.\n"
            "Petugas juga mengimbau agar jamaah lanjut usia mewakilkan lontar jumroh kepada "
            "pendampingnya.\n"
            "\"Saya menyaksikan sendiri dedikasi mereka selama musim haji ini,\" katanya.")
    assert all(s.speaker != "Petugas" for s in found(text))


def test_a_name_that_opens_a_sentence_and_is_also_a_word_is_still_a_name() -> None:
    text = ("Sejak menangani City, Guardiola terus diterpa isu soal guardiola dan Messi.\n"
            "Guardiola kemudian menegaskan bahwa ia tak pernah bicara dengan pemain itu soal "
            "kepindahan.")
    (s,) = found(text)
    assert s.speaker == "Guardiola"


def test_a_conjunction_opening_a_sentence_is_no_speaker() -> None:
    text = ("\"Bagaimana mungkin kita tidak menerapkannya dalam sepak bola?\" tambah Diego "
            "Maradona.\n"
            "Sambil menegaskan dukungannya atas teknologi VAR, Maradona juga melakukan "
            "pengakuan dosa lain.\n"
            "\"Saya menggunakan tangan saya untuk mengamankan bola,\" aku pria 56 tahun itu.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Diego Maradona", "Diego Maradona"]


def test_ia_does_not_carry_to_someone_its_reported_words_name() -> None:
    text = ("\"Saya tidak pernah memakai doping,\" kata Roberto Carlos.\n"
            "Film itu juga menunjukkan pengakuan dokter pribadi Carlos, Julio Alves.\n"
            "Dalam tayangan itu ia mengklaim pernah memberikan trik kepada Carlos untuk "
            "mengelabui tes doping.")
    assert [s.speaker for s in found(text)] == ["Roberto Carlos"]


def test_a_name_inside_a_quote_is_not_whom_a_description_after_it_means() -> None:
    text = ("Wali Kota Bandung Ridwan Kamil ingin mengundang aktor Korea Selatan saat "
            "peresmian jembatan layang.\n"
            "\"Saya minta pemilik flyover mengundang artis Korea. Opsi pertama masih Lee Min "
            "Ho,\" kata pria yang akrab disapa Emil itu di Pendopo.\n"
            "Emil menuturkan bahwa Pemkot Bandung akan menyuguhkan hiburan bernuansa Korea.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Ridwan Kamil (Emil)"] * 2


@pytest.mark.parametrize(("full", "initials"), [
    ("Wakil Presiden Jusuf Kalla", "JK"), ("Bunga Citra Lestari", "BCL"),
])
def test_capitals_that_are_a_named_persons_initials_are_that_person(
    full: str, initials: str,
) -> None:
    text = (f"{full} menghadiri acara itu di Jakarta pada Selasa pagi.\n"
            f"\"Kita menunggu saja keputusan dari pimpinan partai,\" ujar {initials}.\n"
            "\"Semuanya akan berjalan baik sampai akhir tahun,\" ujarnya.")
    statements = found(text)
    name = full.removeprefix("Wakil Presiden ")
    assert [s.speaker for s in statements] == [f"{name} ({initials})"] * 2
    assert not any(s.organisation for s in statements)


def test_the_acronym_of_a_known_body_stays_a_body() -> None:
    text = ("Kepala Polisi Kota Kusuma Pratama hadir di lokasi.\n"
            "\"Kami sudah menerima laporan itu dan akan menindaklanjutinya,\" kata KPK.")
    (s,) = found(text)
    assert s.speaker == "KPK" and s.organisation


def test_an_alias_in_a_description_that_is_a_named_persons_initials_is_theirs() -> None:
    text = ("Yoo Jae Hoon memutuskan hengkang dari Persipura musim ini.\n"
            "Padahal diakui ketua umum klub, Benhur Tommy Mano, kiper itu masih ingin bertahan.\n"
            "\"Benar, memang ada pertemuan dengan Yoo Jae. Dia pamitan dengan saya,\" kata sosok "
            "yang karib disapa BTM.")
    (s,) = found(text)
    assert s.speaker.startswith("Benhur Tommy Mano")


def test_a_description_before_any_speaker_fits_a_named_persons_role() -> None:
    text = ("Pelatih Persebaya Surabaya, Angel Alfredo Vera membeber kunci kemenangan timnya.\n"
            "Skuat Bajul Ijo berhasil mempermalukan tuan rumah dengan skor tipis 1-2.\n"
            "Menurut pelatih asal Argentina tersebut, para pemain mampu bermain bagus sepanjang "
            "laga.")
    (s,) = found(text)
    assert s.speaker == "Angel Alfredo Vera"


def test_a_passive_verb_opening_a_sentence_is_no_name() -> None:
    text = ("Dilansir NME, Rowling mengumumkan permintaan maaf pada hari ulang tahun itu.\n"
            "\"Tahun ini saya ingin meminta maaf karena membunuh Snape,\" kata perempuan berusia "
            "51 tahun itu.")
    assert all("Dilansir" not in s.speaker for s in found(text))


def test_quote_paragraphs_left_open_go_on_in_the_speakers_words() -> None:
    text = ("\"Saya menolak tawaran itu dulu,\" kata Ricardo Kaka.\n"
            "Ia menambahkan: “Saya tidak tahu bahwa City tertarik merekrut saya sampai mereka "
            "melayangkan tawaran. Mereka langsung menghubungi Milan.\n"
            "“Saya akhirnya memutuskan itu bukan waktu yang tepat untuk bergabung dengan City.\n"
            "“Saya tidak tahu akan seperti apa skuat mereka. “Waktu itu saya hanya ditawari "
            "untuk pindah.”\n"
            "Kaka kini bermain di Orlando.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Ricardo Kaka"] * 4
    assert text[statements[2].quote_start:statements[2].quote_end].startswith("Saya akhirnya")


def test_quote_paragraphs_before_an_attributed_quote_paragraph_are_its_speakers() -> None:
    text = ("Jelang laga itu, Ridwan Kamil bertemu perwakilan bobotoh di Pendopo.\n"
            "\"Pada hari-hari jelang laga, tolong dikampanyekan hal-hal positif di media sosial. "
            "Tidak boleh ada provokasi kepada siapapun.\"\n"
            "\"Kalau itu dilakukan, pertandingan nanti bisa berlangsung dengan lancar,\" ujar "
            "Ridwan Kamil.")
    statements = found(text)
    assert [(s.speaker, s.carried) for s in statements] == [
        ("Ridwan Kamil", True), ("Ridwan Kamil", False)]


def test_a_quote_paragraph_after_narrative_and_before_narrative_is_nobodys() -> None:
    text = ("Jelang laga itu, Ridwan Kamil bertemu perwakilan bobotoh di Pendopo.\n"
            "\"Pada hari-hari jelang laga, tolong dikampanyekan hal-hal positif.\"\n"
            "Pertandingan itu akan digelar di Stadion GBLA pada Sabtu malam.")
    assert found(text) == []


def test_demikian_and_a_name_after_a_quote_attributes_it() -> None:
    text = ("\"Satu-satunya hal yang memisahkan City dan saya hanya kalimat akhir,\" demikian "
            "Ricardo Kaka kepada FourFourTwo.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Ricardo Kaka", False)


@pytest.mark.parametrize("verb", ["kicau", "celetuk", "bantah", "nilai"])
def test_more_verbs_attribute_a_quote(verb: str) -> None:
    text = ("\"Saya bahagia buat melanjutkan kisah dengan Juventus musim depan,\" "
            f"{verb} Massimiliano Allegri di akun Twitter miliknya.")
    (s,) = found(text)
    assert s.speaker == "Massimiliano Allegri"


def test_an_english_quote_tweeted_is_attributed() -> None:
    text = "\"We are going to fight for this title until the very end,\" Gary Lineker tweeted."
    (s,) = found(text)
    assert s.speaker == "Gary Lineker"


def test_a_statement_issued_by_someone_named_after_it_is_theirs() -> None:
    text = ("\"Kami mendedikasikan album live ini untuk saudara kami, Chester Bennington,\" bunyi "
            "pernyataan tertulis yang dikeluarkan Linkin Park melalui laman resmi mereka.\n"
            "\"Setelah kami selesai rekaman album, kami bergurau dengan Chester,\" bunyi "
            "pernyataan tersebut.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Linkin Park", "Linkin Park"]


def test_a_loose_epithet_before_any_speaker_means_the_subject_named_last() -> None:
    text = ("Paris Saint-Germain menjamu AS Monaco akhir pekan ini di bawah Unai Emery.\n"
            "Namun, apa pun hasilnya nanti, Thiago Motta beranggapan kans masih terbuka.\n"
            "\"Benar, ini pertandingan penting bagi kami semua,\" ujar sang gelandang Italia "
            "kepada Goal.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Thiago Motta", True)


def test_a_name_joined_to_another_by_dan_is_no_lone_subject() -> None:
    text = ("Laudya Cynthia Bella sedang syuting di Jakarta, jauh dari suaminya Engku Emran.\n"
            "Dalam foto itu terlihat Emran dan Engku Alessya memasang wajah cemberut.\n"
            "Dalam unggahannya itu, selebriti berusia 29 tahun ini mengaku meninggalkan suami "
            "dan anak merupakan hal terberat dalam hidupnya.")
    assert all(s.speaker != "Engku Alessya" for s in found(text))
