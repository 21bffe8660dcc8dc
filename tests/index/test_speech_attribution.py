"""Who said what: attributions before a quote, mistyped quote marks, pronouns and descriptions
pointing back, and names as news prose writes them (passages written like the corpus)."""

from __future__ import annotations

import pytest

from index.speech import Statement, extract_statements
from tests.index.test_speech import check_spans


def found(text: str) -> list[Statement]:
    statements = extract_statements(text)
    check_spans(text, statements)
    return statements


def said(text: str, statement: Statement) -> str:
    return text[statement.quote_start:statement.quote_end]


# ---- 1. an attribution before the quote --------------------------------------------------


def test_a_verb_that_reports_only_before_a_quote() -> None:
    text = ("Uskup Anglikan Rennis Ponniah mengeluarkan saran resmi menjelang pemutaran film itu.\n"
            "Ponniah melanjutkan, “Orang tua disarankan melindungi anak-anak mereka dari film itu.”\n"
            "Ponniah melanjutkan studi teologinya di Inggris pada tahun-tahun berikutnya.")
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Rennis Ponniah", "Uskup Anglikan", "direct")
    assert said(text, s) == "Orang tua disarankan melindungi anak-anak mereka dari film itu."


def test_a_known_subject_joined_to_its_reporting_verb_by_dan() -> None:
    text = ("Calon presiden Donald Trump mengaku mikrofon miliknya rusak dalam debat perdana.\n"
            "Trump tidak membantahnya dan mengatakan \"Mungkin dia tidak melakukan pekerjaan yang "
            "baik dan saya tidak puas dengan pekerjaannya.\"")
    *_, s = found(text)
    assert (s.speaker, s.speech) == ("Donald Trump", "direct")
    assert said(text, s).startswith("Mungkin dia tidak melakukan pekerjaan yang baik")


def test_a_one_word_name_unknown_before_dan_is_no_subject() -> None:
    text = ("Dalam debat itu Clinton tidak membantahnya dan mengatakan \"Mungkin dia tidak "
            "melakukan pekerjaan yang baik.\"")
    assert found(text) == []


def test_reported_speech_holding_a_quoted_fragment_and_the_pronoun_after_it() -> None:
    text = ("Pemimpin Korea Utara Kim Jong Un telah memesan lebih banyak mesin roket.\n"
            "\"Kami tidak akan pernah menempatkan program itu di meja perundingan,\" kata Kim "
            "kepada Sekretaris Jenderal PBB Antonio Guterres melalui telepon.\n"
            "Sementara itu Guterres mengatakan bahwa ini saatnya untuk \"meredakan retorika dan "
            "mendorong diplomasi\" terkait Korea Utara. Ia juga telah mengatakan kepada Rusia dan "
            "Jepang bahwa dia bersedia membantu menengahi perundingan.")
    kim, guterres, carried = found(text)
    assert kim.speaker == "Kim Jong Un"
    assert (guterres.speaker, guterres.role, guterres.speech) == (
        "Antonio Guterres", "Sekretaris Jenderal PBB", "reported")
    assert said(text, guterres) == ("ini saatnya untuk \"meredakan retorika dan mendorong "
                                    "diplomasi\" terkait Korea Utara.")
    assert (carried.speaker, carried.carried) == ("Antonio Guterres", True)


@pytest.mark.parametrize(("closing", "mention"), [
    ("ia mengawali imbauannya dalam situs web gereja", "ia"),
    ("dia menambahkan", "dia"),
    ("Ponniah menerangkan", "Ponniah"),
])
def test_a_subject_and_verb_after_a_quote_ending_in_a_comma(closing: str, mention: str) -> None:
    text = ("Uskup Anglikan Rennis Ponniah mengeluarkan saran resmi menjelang pemutaran film itu.\n"
            f"“Film untuk hiburan anak biasanya berkaitan dengan nilai-nilai yang utuh,” {closing}.")
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Rennis Ponniah", "direct")
    assert text[s.speaker_start:s.speaker_end] == mention
    assert said(text, s) == "Film untuk hiburan anak biasanya berkaitan dengan nilai-nilai yang utuh"


def test_a_quote_ending_a_sentence_hands_over_to_nobody_after_it() -> None:
    text = ("Uskup Anglikan Rennis Ponniah mengeluarkan saran resmi kemarin.\n"
            "Jemaat membaca “Film untuk hiburan anak berkaitan dengan nilai-nilai yang utuh.” "
            "Ponniah menutup ibadah itu di gereja.")
    assert found(text) == []


# ---- 2. a closing mark typed for an opening one -------------------------------------------


def test_a_closing_mark_glued_to_a_sentence_opens_the_quote() -> None:
    text = ("Tokoh muda Poso Rizal Calvary Marimbo hadir dalam festival itu.\n"
            "Sebagian besar investasi tersebut bergerak di sektor energi baru terbarukan dari "
            "sembilan perusahaan yang berinvestasi ke Poso.”Kita berharap Poso akan menjadi "
            "primadona investasi nasional, semua kita punya,” ujar Rizal.")
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Rizal Calvary Marimbo", "direct")
    assert said(text, s) == ("Kita berharap Poso akan menjadi primadona investasi nasional, semua "
                             "kita punya")


# ---- 3. pronouns --------------------------------------------------------------------------


def test_ia_dia_mean_the_person_made_subject_since_the_last_statement() -> None:
    text = ("Pemerintah Indonesia menyatakan pada Agustus bahwa tidak ada tempat bagi gerakan itu "
            "di Nusantara.\nKetua Women Transforming Cities dan mantan Dewan Kota Vancouver Ellen "
            "Woodsworth adalah "
            "sosok yang memprakarsai desakan Kanada.\nDia mengatakan bahwa dirinya terkejut "
            "ketika pertama kali menyampaikan ide itu.\n\"Sungguh sulit dipercaya bahwa dokumen "
            "seperti ini tidak memuat perlindungan,\" kata dia dilansir Reuters.")
    body, *carried = found(text)
    assert (body.speaker, body.organisation) == ("Pemerintah Indonesia", True)
    assert [(s.speaker, s.carried, s.organisation) for s in carried] == [
        ("Ellen Woodsworth", True, False)] * 2


def test_ia_does_not_carry_a_body_over_an_earlier_person() -> None:
    text = ("\"Kami sudah menyiapkan tim,\" kata Budi Santoso.\nKementerian Luar Negeri "
            "mengatakan bahwa seluruh WNI di kota itu dalam keadaan aman.\n\"Kami terus "
            "memantau,\" kata dia.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso", "Kementerian Luar Negeri",
                                                "Budi Santoso"]


def test_nya_still_carries_a_body_and_a_later_subject_does_not_take_it() -> None:
    text = ("Kementerian Luar Negeri mengatakan bahwa seluruh WNI di kota itu dalam keadaan aman.\n"
            "Budi Santoso adalah salah satu WNI di kota itu.\n\"Kami terus memantau,\" katanya.")
    assert [s.speaker for s in found(text)] == ["Kementerian Luar Negeri"] * 2


def test_a_subject_inside_a_quote_is_no_referent() -> None:
    text = ("\"Kami sudah menyiapkan tim,\" kata Budi Santoso. \"Saya yakin Joko Widodo "
            "mendukung. Semua akan berjalan baik,\" ujarnya.\n\"Kami terus memantau,\" kata dia.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"] * 3


def test_a_subject_after_the_pronoun_is_no_referent() -> None:
    text = ("\"Kami sudah menyiapkan tim,\" kata Budi Santoso.\nIa menambahkan, tim itu berangkat "
            "besok pagi dari Jakarta.\nAni Lestari juga hadir di sana.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"] * 2


# ---- 4. descriptions --------------------------------------------------------------------------


def test_a_description_before_any_speaker_means_the_person_last_named() -> None:
    text = ("JUARA.net - Kontrak Radja Nainggolan di AS Roma berakhir pada Juni 2020.\n"
            "Direktur Olahraga Roma, Monchi, akan menemui agen pemain itu pekan depan.\n"
            "Roma berharap kontrak baru itu bisa melindungi Nainggolan dari klub-klub peminat.\n"
            "“Sebagai pemain sepak bola, saya harus membuat banyak pilihan,” kata gelandang "
            "bertinggi 175 cm itu.\nNainggolan juga tidak memberi kepastian soal itu.\n"
            "“Bisa benar, bisa juga tidak,” lanjut pemain kelahiran kota Antwerpen itu.")
    statements = found(text)
    assert [(s.speaker, s.carried) for s in statements] == [("Radja Nainggolan", True)] * 2
    assert text[statements[0].speaker_start:statements[0].speaker_end] == (
        "gelandang bertinggi 175 cm itu")


def test_a_description_before_any_speaker_and_anyone_named_is_nobody() -> None:
    assert found("“Saya harus membuat banyak pilihan,” kata gelandang bertinggi 175 cm itu.") == []


# ---- 5. names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("opening", "speaker"), [
    ("Kontrak Radja Nainggolan di AS Roma berakhir pada Juni 2020, menurut surat kontraknya.",
     "Radja Nainggolan"),
    (("Keputusan Lorde Yelich membatalkan konser di Israel menuai reaksi. Itu keputusan "
      "pribadinya."), "Lorde Yelich"),
])
def test_a_common_noun_opening_the_sentence_is_no_part_of_the_name(opening: str,
                                                                      speaker: str) -> None:
    surname = speaker.split()[-1]
    text = f"{opening}\n“Kita lihat saja apa yang akan terjadi musim panas ini,” kata {surname}."
    assert [s.speaker for s in found(text)] == [speaker]


def test_a_first_name_the_article_never_writes_in_lower_case_stays() -> None:
    text = ("Bintang Emon tampil di Jakarta pekan lalu.\n“Kita lihat saja apa yang akan terjadi "
            "nanti,” kata Emon.")
    assert [s.speaker for s in found(text)] == ["Bintang Emon"]


def test_a_quoted_nickname_inside_a_name_is_an_alias() -> None:
    text = ("Festival Danau Poso digelar di Poso pekan ini.\n"
            "Tokoh Masyarakat Poso Hendrik “Acheo” Lyanto mengatakan, masyarakat Poso sudah "
            "dewasa dalam hal hidup dalam keragaman.\n“Hal itu terlihat dari semua lapisan "
            "agama,” ujar Hendrik.\n“Keamanan sudah sungguh sangat baik,” ujar Acheo.")
    statements = found(text)
    assert [(s.speaker, s.role) for s in statements] == [
        ("Hendrik Lyanto (Acheo)", "Tokoh Masyarakat Poso")] * 3


def test_a_one_letter_spelling_slip_names_the_same_person() -> None:
    text = ("\"Kami langsung mengirimkan surat kepada operator kompetisi,\" ujar Asisten Manajer "
            "Persija Jakarta, Ardhi Tjahjoko.\nArdi berharap, PSSI bisa memberikan sanksi tegas "
            "kepada wasit itu.\n\"Jangan membuat sepakbola hancur,\" kata Saakashbili.")
    _, second, third = found(text)
    assert (second.speaker, second.role) == ("Ardhi Tjahjoko", "Asisten Manajer Persija Jakarta")
    assert third.speaker == "Saakashbili"  # no one of that name before


def test_a_spelling_slip_two_people_could_be_names_neither() -> None:
    text = ("Ketua panitia Ardhi Tjahjoko dan bendahara Ardy Santoso hadir.\n\"Kami siap,\" "
            "kata Ardi.")
    assert [s.speaker for s in found(text)] == ["Ardi"]


def test_a_company_before_the_name_the_person_goes_by_belongs_to_the_role() -> None:
    text = ("Mantan Ketua Umum Partai Golkar Aburizal Bakrie dan pendiri grup Barito Pacific "
            "Prayogo Pangestu meminta pengampunan dari pemerintah.\n\"Pokoknya saya dukung "
            "pemerintah menunaikan tax amnesty,\" ujar Prayogo, Kamis (29/9).")
    assert [(s.speaker, s.role) for s in found(text)] == [
        ("Prayogo Pangestu", "pendiri grup Barito Pacific")] * 2


def test_a_name_called_by_its_middle_word_without_a_company_role_stays_whole() -> None:
    text = ("Mantan presiden Susilo Bambang Yudhoyono meminta pengampunan dari pemerintah.\n"
            "\"Pokoknya saya dukung pemerintah,\" ujar Bambang, Kamis (29/9).")
    assert [s.speaker for s in found(text)] == ["Susilo Bambang Yudhoyono"] * 2


def test_a_short_form_of_an_office_finds_the_person_given_it_in_full() -> None:
    text = ("Acara itu dihadiri sejumlah pejabat PBB, antara lain Direktur Jenderal Kantor PBB "
            "Jenewa, Michael Moller dan Direktur Eksekutif UNODC, Yuri Fedotov.\n"
            "\"Tidak ada tempat untuk perilaku korupsi,\" kata Dirjen PBB.")
    assert [(s.speaker, s.role) for s in extract_statements(text)] == [
        ("Michael Moller", "Direktur Jenderal Kantor PBB Jenewa")]
