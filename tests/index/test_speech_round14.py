"""Who said what, round fourteen: a speaker's name that took a word that is no name. An
office's short form capitalised before the name ("Menpar Arief Yahya", "Wakapolri Komjen
Syafruddin") and a trade ("Komika Arie Kriting") go to the role; a role word that is also a
given name ("Imam", "Ratu") after an office is the name's ("Menpora Imam Nahrawi"); the
medium quoted ("Dilansir Reuters", "Mengutip ZDnet") and a foster parent ("Bapak Angkat Egy
…, Subagja Suihan") are no speaker; and "Menurut X, <clause>" takes no clause as X's role.
Sentences are quoted from IndoSum articles."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

_QUOTE = "\"Bali bisa menjadi semakin dikenal di dunia melalui video klip tersebut,\""


@pytest.mark.parametrize(("attribution", "speaker", "role"), [
    ("kata Menpar Arief Yahya.", "Arief Yahya", "Menpar"),
    ("kata Menhub Budi Karya Sumadi.", "Budi Karya Sumadi", "Menhub"),
    ("ujar Menkominfo Rudiantara.", "Rudiantara", "Menkominfo"),
    ("kata Menkopolhukam Wiranto.", "Wiranto", "Menkopolhukam"),
    ("kata Menaker Hanif.", "Hanif", "Menaker"),
])
def test_a_ministers_short_title_goes_to_the_role(attribution: str, speaker: str,
                                                   role: str) -> None:
    (s,) = found(f"{_QUOTE} {attribution}")
    assert (s.speaker, s.role) == (speaker, role)


def test_a_deputy_police_chiefs_short_title_is_the_role_and_his_rank_stays_with_him() -> None:
    text = ("Wakapolri Komjen Syafruddin memastikan proses pengaduan itu tak akan "
            "dilanjutkan.")
    (s,) = found(text)
    assert s.speaker.endswith("Syafruddin") and "Wakapolri" in (s.role or "")


def test_a_short_title_in_a_police_office_is_kept_in_the_role() -> None:
    text = ("\"Kami sudah mengirim SPDP kepada pengadilan,\" kata Dirlantas Polda Metro Jaya "
            "Kombes Halim Pagarra.")
    (s,) = found(text)
    assert s.speaker == "Halim Pagarra" and (s.role or "").startswith("Dirlantas")


def test_a_comedian_is_named_without_the_trade() -> None:
    text = ("Komika Arie Kriting dan penyanyi Once Mekel terpanggil untuk memberikan bantuan.\n"
            "\"Hormat dan terima kasih untuk perhatian kawan sekalian,\" tulis Arie.")
    assert {(s.speaker, s.role) for s in found(text)} == {("Arie Kriting", "Komika")}


def test_a_short_title_that_is_said_after_a_verb_still_ends_at_selepas() -> None:
    text = ("Menteri Pemuda dan Olahraga Imam Nahrawi mengapresiasi acara itu.\n"
            "\"Kegiatan penghitungan mundur ini menambah keyakinan kami,\" kata Menpora "
            "selepas mengikuti acara penghitungan mundur Asian Games 2018 di Jakarta.")
    assert len(found(text)) == 1


def test_a_short_title_alone_is_the_minister_the_article_named() -> None:
    text = ("Menteri Agama Lukman Hakim Saifuddin mengatakan kepatuhan jamaah haji menjadi "
            "faktor pendukung kelancaran ibadah haji.\n"
            "Selain kepatuhan jamaah, Menag juga menyebut komitmen dan dedikasi petugas PPIH "
            "sebagai faktor yang menyukseskan penyelenggaraan haji kali ini.")
    last = found(text)[-1]
    assert (last.speaker, last.role) == ("Lukman Hakim Saifuddin", "Menteri Agama")


@pytest.mark.parametrize(("sentence", "speaker", "role"), [
    (("Hal senada diungkapkan Menpora Imam Nahrawi yang mengharapkan ajang ini semakin "
     "memperkuat rasa persaudaraan.\n\"Pencak silat bukan hanya menjadi sekadar olahraga,\" "
     "ujar Nahrawi."), "Imam Nahrawi", "Menpora"),
    (("Menteri Pemuda dan Olahraga Imam Nahrawi mengatakan hal demikian merupakan "
     "tindaklanjut dari langkah pemerintah."), "Imam Nahrawi", "Menteri Pemuda dan Olahraga"),
    (("Anggota Dewan Pers Imam Wahyudi menyatakan media abal-abal adalah musuh kebebasan "
     "pers."), "Imam Wahyudi", "Anggota Dewan Pers"),
    (("\"Laporan memang harus diberikan kepada FIFA maksimal 2x24 jam,\" ujar Sekretaris "
     "Jenderal Ratu Tisha Destria di Kantor PSSI, Jakarta, Selasa."), "Ratu Tisha Destria",
     "Sekretaris Jenderal"),
])
def test_a_role_word_that_is_a_given_name_after_an_office_is_the_name(
    sentence: str, speaker: str, role: str,
) -> None:
    assert {(s.speaker, s.role) for s in found(sentence)} == {(speaker, role)}


def test_a_king_is_still_a_role() -> None:
    text = "\"Kami akan menyelidiki kasus ini,\" kata Raja Salman."
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Salman", "Raja")


@pytest.mark.parametrize(("sentence", "speaker"), [
    (("Dokter gigi asal Washington, Tyrone Rodriguez, seperti dilansir dari Health, menyatakan "
     "bahwa seorang pasien datang dengan gigi yang retak karena kerap mengunyah biji bunga "
     "matahari."), "Tyrone Rodriguez"),
    (("Kapolsek Gubug Polres Grobogan, AKP Dedy Setya, seperti dikutip dari Tribratanews, "
     "mengatakan, korban saat itu berjalan di pinggir, namun posisinya masih cukup dekat "
     "dengan lintasan rel kereta."), "Dedy Setya"),
])
def test_the_medium_quoted_between_a_speaker_and_the_verb_is_left_out(sentence: str,
                                                                      speaker: str) -> None:
    assert [s.speaker for s in found(sentence)] == [speaker]


def test_the_medium_quoted_before_the_speaker_is_no_speaker() -> None:
    text = ("Mengutip ZDnet, Direktur Intel untuk Client Graphics Marketing John Webb "
            "mengatakan cip baru ini menyeimbangkan sisi performa dan mobilitas.")
    (s,) = found(text)
    assert "ZDnet" not in s.speaker and s.speaker.endswith("John Webb")


def test_dilansir_and_a_description_is_the_description() -> None:
    text = ("Dilansir Reuters, mantan presiden AS itu menyatakan kesedihannya atas kepergian "
            "Brzezinski.")
    assert all("Reuters" not in s.speaker for s in found(text))


def test_seperti_dikutip_before_ia_keeps_the_pronoun() -> None:
    text = ("\"Orang ini tidak waras,\" kata Robert De Niro.\nDe Niro akhirnya menanggapi "
            "kritik itu. Seperti dikutip NME ia mengatakan, Voight adalah pria yang baik tapi "
            "delusional.")
    assert [s.speaker for s in found(text)] == ["Robert De Niro", "Robert De Niro"]


def test_a_foster_father_is_the_role_of_the_man_named_after_him() -> None:
    text = ("\"Namun yang pasti kami akan ke Eropa,\" kata Bapak Angkat Egy Maulana Vikri, "
            "Subagja Suihan.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Subagja Suihan", "Bapak Angkat Egy Maulana Vikri")


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Menurut Gomes, pemain lain sudah siap menggantikan peran kedua pilar tersebut.", "Gomes"),
    (("Menurut Emil, tak semua kepala daerah harus mengungkapkan keanggotaannya di sebuah "
     "partai."), "Emil"),
])
def test_menurut_takes_no_clause_as_the_role(sentence: str, speaker: str) -> None:
    (s,) = found(sentence)
    assert (s.speaker, s.role) == (speaker, None)


def test_menurut_keeps_an_appositive_role_a_comma_closes() -> None:
    text = "Menurut Gomes, pelatih Madura United, pemain lain sudah siap menggantikan mereka."
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Gomes", "pelatih Madura United")


def test_a_common_noun_the_article_writes_in_lower_case_leaves_the_name() -> None:
    text = ("Pebalap asal Jerman itu juga memuji seluruh tim mekanik Mercedes yang rela "
            "mengorbankan waktu istirahat.\nSementara Kepala Mekanik Mercedes Toto Wolff mengaku "
            "kecewa dengan performa mobil rakitannya.\n\"Hari ini kami tidak cukup cepat,\" ujar "
            "Wolff.")
    assert {(s.speaker, s.role) for s in found(text)} == {("Toto Wolff",
                                                           "Kepala Mekanik Mercedes")}


def test_the_tail_of_an_office_written_in_lower_case_goes_with_the_office() -> None:
    text = ("Kepala Dinas Lingkungan Hidup Banjarnegara Ahmad Nurudin mengatakan peragaan "
            "busana unik ini diikat dalam satu benang merah.\n\"Limbah sering menjadi persoalan "
            "di masyarakat,\" kata Nurudin di sela acara Festival Jerami.\nLimbah bisa diolah "
            "menjadi barang bernilai guna bagi lingkungan hidup warga di Banjarnegara.")
    assert {(s.speaker, s.role) for s in found(text)} == {
        ("Ahmad Nurudin", "Kepala Dinas Lingkungan Hidup Banjarnegara")}


def test_a_name_whose_first_word_is_also_a_common_noun_keeps_it() -> None:
    text = ("Penyidik KPK Novel Baswedan Hendrawan kembali bekerja.\n\"Saya siap,\" kata Novel.\n"
            "Ia membaca novel di rumah sakit.")
    assert {s.speaker for s in found(text)} == {"Novel Baswedan Hendrawan"}


@pytest.mark.parametrize(("sentence", "speaker", "role"), [
    (("Deputi IV Bidang Peningkatan Prestasi Olahraga Kemenpora Mulyana mengatakan tidak ada "
     "patokan medali."), "Mulyana", "Deputi IV Bidang Peningkatan Prestasi Olahraga Kemenpora"),
    (("Deputi Kelembagaan Kemenpar Ahman Sya mengatakan perhelatan JWG sebelumnya sudah "
     "dilaksanakan sebanyak dua kali."), "Ahman Sya", "Deputi Kelembagaan Kemenpar"),
    (("Sementara itu, Kemenpar Nia Niscaya mengatakan Kemenpar akan menempati Paviliun "
     "Kemenpar seluas 600 m2."), "Nia Niscaya", "Kemenpar"),
])
def test_a_ministrys_short_name_is_the_roles(sentence: str, speaker: str, role: str) -> None:
    assert {(s.speaker, s.role) for s in found(sentence)} == {(speaker, role)}


def test_a_local_governments_short_name_still_speaks_as_a_body() -> None:
    (s,) = found("Pemkot Bima menyebut saat ini air sudah mulai surut dan sebagian pengungsi "
                 "telah kembali ke rumah masing-masing.")
    assert (s.speaker, s.organisation) == ("Pemkot Bima", True)


def test_a_passive_verb_of_saying_opening_a_sentence_is_no_name_word() -> None:
    text = ("Wakil Gubernur DKI Jakarta Sandiaga Uno membuka festival itu.\n\"Jadi ini yang kita "
            "harapkan,\" kata Sandi.\nDisebut Sandi, pada acara itu total ada 72 stand.")
    assert {s.speaker for s in found(text)} == {"Sandiaga Uno"}


def test_a_brokerage_is_the_analysts_role() -> None:
    text = ("\"Penguatan IHSG didorong sentimen The Fed yang memberikan kepastian kenaikan "
            "tingkat suku bunganya,\" kata Analis Binaartha Sekuritas Reza Priyambada.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Reza Priyambada", "Analis Binaartha Sekuritas")
