"""Who said what: social-media posts as statements, weak verbs with an object noun, and
names the last round misread (Sasak "Lalu", a bank's one-word name)."""

from __future__ import annotations

from tests.index.test_speech_attribution import found, said


def test_a_post_written_on_an_account_is_the_writers_direct_statement() -> None:
    text = ("Artis Ayu Ting Ting menulis di akun Instagram miliknya, \"Terima kasih untuk semua "
            "doa dan dukungan kalian selama ini.\"")
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Ayu Ting Ting", "Artis", "direct")
    assert said(text, s) == "Terima kasih untuk semua doa dan dukungan kalian selama ini."


def test_a_post_through_a_private_account_before_the_verb() -> None:
    text = ("Presiden Joko Widodo mengunggah foto di media sosial. Lewat akun Instagram "
            "pribadinya, Jokowi menulis, \"Selamat Hari Raya Idul Fitri untuk seluruh umat.\"")
    (s,) = found(text)
    assert s.speech == "direct" and "Joko Widodo" in s.speaker
    assert said(text, s) == "Selamat Hari Raya Idul Fitri untuk seluruh umat."


def test_writing_on_an_account_without_a_quote_is_no_statement() -> None:
    text = ("Ayu Ting Ting menulis di akun Instagram miliknya sebuah pesan panjang untuk "
            "penggemarnya yang setia selama ini.")
    assert found(text) == []


def test_a_weak_verb_with_an_object_noun_reports_no_clause() -> None:
    text = ("Gubernur Anies Baswedan meminta maaf kepada warga atas banjir yang terjadi di "
            "wilayah Jakarta kemarin.")
    assert found(text) == []


def test_a_weak_verb_before_a_clause_still_reports() -> None:
    text = ("Gubernur Anies Baswedan meminta warga agar tidak membuang sampah ke sungai selama "
            "musim hujan ini.")
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Anies Baswedan", "reported")
    assert said(text, s).startswith("warga agar tidak membuang sampah")


def test_lalu_after_a_role_is_a_sasak_given_name() -> None:
    text = ("Gubernur NTB Lalu Iqbal Muhammad mengatakan, program itu akan segera dilaksanakan "
            "di seluruh wilayah provinsi.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Lalu Iqbal Muhammad", "Gubernur NTB")


def test_lalu_opening_a_sentence_is_then() -> None:
    text = ("Presiden Joko Widodo datang. Lalu Jokowi mengatakan, program itu akan segera "
            "dilaksanakan di seluruh wilayah provinsi.")
    (s,) = found(text)
    assert "Lalu" not in s.speaker and "Joko Widodo" in s.speaker


def test_a_bank_with_a_one_word_name_is_a_body() -> None:
    text = ("Bank itu menaikkan suku bunga. \"Kami menaikkan suku bunga untuk menjaga "
            "stabilitas,\" demikian keterangan dari Bank Jiangsu.")
    (s,) = found(text)
    assert (s.speaker, s.organisation) == ("Bank Jiangsu", True)


def test_lalu_after_a_comma_appositive_is_the_name_a_later_verb_uses() -> None:
    text = ("Berita tersebut dikonfirmasi oleh Direktur Perlindungan WNI Kemlu RI, Lalu Iqbal "
            "Muhammad, pada Jumat pekan lalu.\n“Dia sudah dinikahkan di bawah tangan dan "
            "suaminya dipantau aparat Turki,” tutur Iqbal.")
    (s,) = found(text)
    assert s.speaker == "Lalu Iqbal Muhammad"


def test_agung_after_a_brand_is_a_given_name_but_not_in_an_office() -> None:
    text = ("Trainer GMM Audi Agung Arianto, mengatakan bahwa pihaknya ingin merubah pola konsumsi "
            "bahan bakar mobil.\nKetua Mahkamah Agung Hatta Ali mengatakan, program itu akan "
            "segera dilaksanakan di seluruh wilayah provinsi.")
    trainer, judge = found(text)
    assert (trainer.speaker, trainer.role) == ("Agung Arianto", "Trainer GMM Audi")
    assert (judge.speaker, judge.role) == ("Hatta Ali", "Ketua Mahkamah Agung")


# ---- sources the article does not name ---------------------------------------------------


def test_an_unnamed_spokesman_speaks_under_his_role_not_as_the_last_person_named() -> None:
    text = ("Kapolda Metro Jaya Irjen Idham Azis memimpin penangkapan. “Identitas pelaku belum "
            "bisa kami ungkapkan, namun kasus ini akan terus kami selidiki,” ujar juru bicara "
            "kepolisian.")
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("juru bicara kepolisian", None, "direct")


def test_a_senior_official_and_a_source_in_a_ministry() -> None:
    text = ("Menteri Luar Negeri Retno Marsudi tiba di Jakarta. \"Serangan ini dilakukan tanpa "
            "peringatan sama sekali,\" kata seorang pejabat senior yang tidak mau disebut namanya."
            "\nPemerintah akan memulangkan warga itu secepatnya dan tanpa biaya apa pun, ujar "
            "sumber di Kementerian Luar Negeri.")
    official, source = found(text)
    assert official.speaker == "pejabat senior"
    assert (source.speaker, source.speech) == ("sumber di Kementerian Luar Negeri", "reported")
    assert "Retno" not in official.speaker + source.speaker


def test_a_source_already_introduced_or_named_after_its_role_is_no_unnamed_source() -> None:
    text = ("Penyanyi Zayn Malik sedang menyiapkan album. \"Ini akan menjadi sebuah kolaborasi "
            "besar jika terjadi,\" kata sumber itu lebih lanjut.\n\"Kami akan memulangkan warga "
            "itu secepatnya,\" kata juru bicara Kementerian Luar Negeri Arrmanatha Nasir.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Arrmanatha Nasir", "juru bicara Kementerian Luar Negeri")


def test_a_source_in_a_town_is_not_a_body() -> None:
    text = ("\"Kami akan memulangkan warga itu secepatnya,\" kata sumber di Jakarta Budi Santoso.")
    assert all(s.speaker != "sumber di Jakarta" for s in found(text))


def test_a_bare_source_is_nobody_but_a_counted_one_is_stored() -> None:
    text = ("\"Ada diskusi bahwa dia ingin mengerjakan sesuatu bersama-sama,\" ujar seorang sumber "
            "kepada The Sun.\nTrump dijadwalkan menelepon Presiden Ukraina Volodymyr Zelenskiy "
            "pada Jumat, menurut sumber yang mengetahui rencana tersebut.")
    (s,) = found(text)
    assert s.speaker == "sumber" and s.speech == "direct"
