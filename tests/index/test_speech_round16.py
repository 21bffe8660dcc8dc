"""Who said what, round sixteen: a sentence opening with a passive attribution ("Hal itu
disampaikan …", "Pernyataan tersebut disampaikan oleh …", "Demikian diungkapkan …")
gives the sentence right before it, which has no speaker of its own, to the named person
after the verb. The sentences are quoted from IndoSum articles."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found, said

_REINALDO = ("Persija Jakarta akhirnya memastikan bakal merekrut eks penyerang asing PSM Makassar "
             "Reinaldo Elias da Costa.")


def test_the_sentence_before_hal_tersebut_ditegaskan_is_the_named_persons() -> None:
    before = ("Para pemain tim nasional U-19 Indonesia diberi kompensasi untuk tidak berpuasa "
              "saat berada di Prancis.")
    text = f"{before} Hal tersebut ditegaskan oleh pelatih timnas U-19, Indra Sjafri.\n"
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Indra Sjafri", "pelatih timnas U-19", "reported")
    assert said(text, s) == before
    assert text[s.speaker_start:s.speaker_end] == "Indra Sjafri"
    assert text[s.start:s.end] == text.rstrip()  # shown with the sentence naming him


def test_the_previous_paragraph_past_its_dateline() -> None:
    lede = ("Kementerian Perhubungan memberi tenggat waktu tiga bulan kepada pelaku transportasi "
            "konvensional dan transportasi online untuk menyesuaikan diri sebelum Peraturan "
            "Menteri Perhubungan Nomor 32 Tahun 2016 resmi diberlakukan.")
    text = ("Menhub beri tenggat tiga bulan untuk taksi online\n\nSemarang, CNN Indonesia -- "
            f"{lede}\nPernyataan tersebut disampaikan oleh Menteri Perhubungan Budi Karya Sumadi "
            "saat melakukan sosialisasi kepada para pelaku transportasi di Semarang.\n")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Budi Karya Sumadi", "Menteri Perhubungan")
    assert said(text, s) == lede


def test_demikian_diungkapkan_after_a_short_name_the_article_gave_in_full() -> None:
    text = ("Kapolri Jenderal Tito Karnavian meninjau jalur mudik di Jawa Tengah.\n"
            "Kemacetan, terutama di pintu tol Brebes Timur seperti pada arus mudik 2016 telah "
            "diantisipasi dan tidak akan terulang kembali. Demikian diungkapkan Tito usai meninjau "
            "sejumlah titik di Jawa Tengah dan Jawa Barat, hari ini.\n")
    (s,) = found(text)
    assert s.speaker == "Tito Karnavian"
    assert said(text, s).startswith("Kemacetan, terutama")


def test_the_named_person_is_whom_the_next_menurutnya_means() -> None:
    text = ("JAKARTA (Pos Kota) – Menjelang akhir tahun, Bakamla RI bersama mitra maritim terkait "
            "telah menyiagakan sejumlah kapal patroli di beberapa wilayah Indonesia.\n"
            "Keterangan tersebut disampaikan Direktur Operasi Laut Bakamla RI Laksma TNI Rahmat "
            "Eko Rahardjo, S.T., M.Tr (Han) pada saat dihubungi via telepon seluler.\n"
            "Menurutnya, pengamanan ini menjadi perhatian serius institusi maritim, khususnya "
            "Bakamla RI sebagai penjaga laut nusantara.\n")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Rahmat Eko Rahardjo"] * 2
    assert statements[1].carried


def test_a_quote_paragraph_before_it_is_direct_speech() -> None:
    quote = "Tadi di kantor sudah kita lakukan negosiasi."
    text = f"“{quote}”\nHal ini disampaikan Direktur Utama Persija, Gede Widiade.\n"
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Gede Widiade", "Direktur Utama Persija", "direct")
    assert said(text, s) == quote


@pytest.mark.parametrize("after", [
    # someone unnamed, or a body
    "Hal ini disampaikan polisi melalui akun twitter Polresta Depok, Senin (3/7).",
    "Hal ini sudah disampaikan juga oleh PT Liga Indonesia Baru selaku operator kompetisi.",
    "Hal tersebut diungkapkan langsung oleh pejabat Irak.",
    # the same thing said by someone else, not this sentence
    "Hal senada disampaikan asisten manajer Persija Ardhi Tjahjoko.",
    "Demikian juga disampaikan asisten manajer Persija Ardhi Tjahjoko.",
    # when and where he spoke runs on to a place, which is no name
    ("Hal itu disampaikan Presiden Jokowi dalam Konferensi Tingkat Tinggi (KTT) ASEAN - PBB "
     "ke-8 di hadapan kepala negara ASEAN, di Vientiane, Laos, Rabu."),
    # the office goes on to the real name after a comma
    "Hal itu disampaikan Kasat Reskrim Polresta Depok, Kompol Teguh Nugroho, kepada PoskotaNews.",
    # no passive opening the sentence
    "Menteri Luar Negeri Retno Marsudi mengatakan, hal itu diungkapkan oleh Duta Besar India.",
])
def test_no_named_person_or_no_opening_passive_gives_no_statement(after: str) -> None:
    text = f"{_REINALDO}\n{after}\n"
    assert all(s.start >= len(_REINALDO) for s in found(text))


def test_a_byline_before_it_is_no_statement() -> None:
    text = ("Penulis: Noverta Salyadi\nHal itu disampaikan Alex Noerdin setelah membuka Kejuaraan "
            "Reli Nasional di lintasan Tanjung Senai.\n")
    assert found(text) == []


def test_of_a_paragraph_of_several_sentences_none_is_taken() -> None:
    text = ("Jakarta, CNN Indonesia -- Putri Ketua Dewan Perwakilan Rakyat (DPR) Setya Novanto, "
            "Dwina Michaella dipastikan mangkir dari panggilan penyidik Komisi Pemberantasan "
            "Korupsi (KPK). Dia sedianya diperiksa sebagai saksi untuk tersangka Direktur Utama "
            "PT Quadra Solution Anang Sugiana Sudihardjo.\n"
            "Hal tersebut disampaikan oleh kuasa hukum Setnov, Fredrich Yunadi.\n")
    assert found(text) == []


def test_a_sentence_with_its_own_speaker_keeps_it() -> None:
    text = ("Andi mengaku awal perkenalannya dengan Setya pada tahun 2009 karena urusan bisnis "
            "pengadaan kaos dan atribut kampanye.\nHal ini diungkapkan Jaksa Irene Putri saat "
            "membacakan surat tuntutan.\n")
    assert [s.speaker for s in found(text)] == ["Andi"]


def test_diungkap_after_a_short_name_the_article_gave_in_full() -> None:
    before = ("Selang sepuluh tahun sejak seri ketiga ini dirilis, nampaknya film keempat serial "
              "ini akan segera digarap.")
    text = (f"Jackie Chan konfirmasi Rush Hour 4 tengah digodok.\n\n{before}\nHal itu diungkap oleh "
            "Chan saat diwawancara oleh stasiun radio Amerika Serikat Power 106, melansir NME.\n")
    (s,) = found(text)
    assert s.speaker == "Jackie Chan" and said(text, s) == before
