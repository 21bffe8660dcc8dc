"""Who said what: social-media posts as statements, weak verbs with an object noun, and
names the last round misread (Sasak "Lalu", a bank's one-word name)."""

from __future__ import annotations

from index.speech import Statement, extract_statements
from tests.index.test_speech import check_spans


def found(text: str) -> list[Statement]:
    statements = extract_statements(text)
    check_spans(text, statements)
    return statements


def said(text: str, statement: Statement) -> str:
    return text[statement.quote_start:statement.quote_end]


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
