"""Attributions the blind questions found missing: "demikian <verb> X" and joking verbs after a
quote, a statement's words ("bunyi pernyataan itu"), related-article headlines in the body,
and a pronoun before any speaker (passages written like the corpus)."""

from __future__ import annotations

from index.speech import Statement, extract_statements
from tests.index.test_speech import check_spans


def found(text: str) -> list[Statement]:
    statements = extract_statements(text)
    check_spans(text, statements)
    return statements


def said(text: str, statement: Statement) -> str:
    return text[statement.quote_start:statement.quote_end]


# ---- "demikian <verb> X", verbs that attribute only after a quote ------------------------


def test_demikian_before_the_closing_verb() -> None:
    text = ("Dua bintang veteran, Michael Essien dan Didier Zokora, akhirnya bertemu kembali.\n"
            "\"Senang bertemu dengan kamu lagi, saudaraku,\" demikian tulis Essien di akun "
            "Instagramnya.\n"
            "\"Nah, sekarang kamu tampak ganteng, ababa,\" demikian canda Zokora dalam akun "
            "Instagramnya yang disukai 1.970 pengguna.")
    first, second = found(text)
    assert (first.speaker, said(text, first)) == ("Michael Essien",
                                                  "Senang bertemu dengan kamu lagi, saudaraku")
    assert (second.speaker, said(text, second)) == ("Didier Zokora",
                                                    "Nah, sekarang kamu tampak ganteng, ababa")


def test_a_question_and_its_asker() -> None:
    text = ("Wartawan Budi Santoso menemui pelatih itu seusai latihan.\n"
            "\"Kapan tim ini siap bertanding lagi?\" tanya Budi kepada pelatih.")
    (s,) = found(text)
    assert (s.speaker, said(text, s)) == ("Budi Santoso", "Kapan tim ini siap bertanding lagi?")


def test_demikian_without_a_verb_attributes_nothing() -> None:
    text = ("Presiden Joko Widodo meresmikan jalan tol itu pada Senin.\n"
            "\"Tol ini dibangun untuk rakyat,\" demikian spanduk yang dipasang warga di gerbang.")
    assert found(text) == []


def test_a_joking_verb_without_a_quote_is_no_attribution() -> None:
    text = ("Pemain Persib Bandung Michael Essien mengunggah foto bersama kawan lamanya, canda "
            "Essien kepada wartawan menjadi bahan perbincangan di media sosial.")
    assert found(text) == []


# ---- a statement's words: whoever issued it ------------------------------------------------


def test_the_words_of_a_statement_go_to_its_issuer() -> None:
    text = ("Media Iran menyiarkan rekaman komandan Pasukan Quds, Qassem Soleimani, di kota Albu "
            "Kamal. Dalam pesan yang dirilis Garda Revolusi, Soleimani mengucapkan selamat kepada "
            "Khamenei atas \"kemenangan kunci\" dari ISIS ini.\n"
            "\"Saya mengumumkan akhir dari kelompok ini,\" bunyi pernyataan itu.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Qassem Soleimani", True)
    assert said(text, s) == "Saya mengumumkan akhir dari kelompok ini"


def test_the_words_of_a_statement_with_no_issuer_go_to_nobody() -> None:
    text = ("Pemerintah daerah memasang pengumuman di setiap kantor kelurahan pekan lalu.\n"
            "\"Pelayanan ditutup selama libur Lebaran,\" bunyi pernyataan itu.")
    assert found(text) == []


# ---- headlines of related articles are no antecedents --------------------------------------


def test_a_related_headline_is_no_antecedent() -> None:
    text = ("Setelah lama menyandang status janda, musisi Maia Estianty masih sangat tertutup.\n"
            "Dalam acara tersebut, ia pun terlihat cantik mengenakan kebaya putih.\n"
            "Alasan Fanny Ghassani Mau Dinikahi Pria yang Baru 1 Tahun Kenal\n"
            "\"Ini kan baju sehari-hari, batik sehari-hari,\" tutupnya.")
    (s,) = found(text)
    assert (s.speaker, said(text, s)) == ("Maia Estianty",
                                          "Ini kan baju sehari-hari, batik sehari-hari")


def test_a_short_line_that_ends_a_sentence_still_introduces_its_name() -> None:
    text = ("Kepala Dinas Kesehatan Budi Santoso datang ke lokasi.\n"
            "\"Kami siapkan obat untuk semua warga,\" ujarnya.")
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"


# ---- a pronoun before any speaker: the person named before it ----------------------------


def test_a_place_named_after_the_pronoun_is_not_its_referent() -> None:
    text = ("Eko Hadi Susilo, warga Madiun, bahkan rela berjalan kaki hingga Jakarta.\n"
            "\"Keluar dari Madiun tanggal 23. Memang sudah niat kalo Anies menang,\" ungkapnya yang baru tiba di Kali Malang "
            "pukul 00.45 WIB, Minggu (7/5).")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Eko Hadi Susilo", True)
