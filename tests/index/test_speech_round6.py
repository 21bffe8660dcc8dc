"""Who said what, round six: more reporting verbs with "bahwa" or a comma, weak verbs when a
clause follows, a concessive clause's own speaker, titles and commenters that are no
antecedents, "Ditambahkan X,", "…, demikian ujar X.", "tulis akun @handle", epithets, and
bodies named with "dan" and their acronym (passages written like the corpus)."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found, said

LEAD = "Menteri Pertanian Budi Santoso hadir dalam rapat kerja di Jakarta pekan lalu.\n"
CLAIM = "harga beras akan turun pada bulan depan di seluruh provinsi"
QUOTE = "Kami sudah menyiapkan semuanya untuk pertandingan besok malam"

# ---- reporting verbs that need "bahwa" or a comma ------------------------------------------


@pytest.mark.parametrize("verb", ["menampik", "menjamin", "berkeras", "memprediksi",
                                  "beralasan", "memaparkan", "bercerita", "mendeskripsikan",
                                  "mewartakan", "mencuitkan"])
@pytest.mark.parametrize("marker", [" bahwa", ","])
def test_more_verbs_with_a_marked_clause(verb: str, marker: str) -> None:
    text = f"{LEAD}Ia {verb}{marker} {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.speech, s.carried) == ("Budi Santoso", "reported", True)
    assert said(text, s) == f"{CLAIM}."


@pytest.mark.parametrize("sentence", [
    "Para pemain Meksiko juga tak menampik kehebatan penyerang Real Madrid tersebut kemarin.",
    "Budi Santoso menjamin keamanan para pemudik yang melintas di jalur selatan tahun ini.",
    "Budi Santoso memaparkan program kerja kementerian untuk lima tahun ke depan di sana.",
])
def test_those_verbs_with_an_object_report_nothing(sentence: str) -> None:
    assert found(f"{LEAD}{sentence}") == []


@pytest.mark.parametrize("negation", ["tak", "tidak"])
@pytest.mark.parametrize("marker", ["bahwa", "bila", "jika"])
def test_not_denying_grants_the_clause(negation: str, marker: str) -> None:
    text = f"{LEAD}Ia juga {negation} menampik {marker} {CLAIM}."
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"


@pytest.mark.parametrize("day", ["pada Minggu", "pada Selasa (14/11)"])
def test_a_day_between_the_verb_and_bahwa(day: str) -> None:
    text = f"Kementerian Pertanian mengumumkan {day} bahwa {CLAIM}."
    (s,) = found(text)
    assert s.speaker == "Kementerian Pertanian"
    assert said(text, s) == f"{CLAIM}."


# ---- weak verbs when a clause follows ---------------------------------------------------------


@pytest.mark.parametrize("clause", ["dokumen tersebut mestinya mengakhiri penyelidikan itu",
                                    "Korea Utara akan terus melakukan provokasi di perbatasan",
                                    "pemerintah tidak bisa menunda kebijakan itu lebih lama"])
@pytest.mark.parametrize("subject", ["Ia", "Sedangkan Budi Santoso", "Kementerian Pertanian"])
@pytest.mark.parametrize("verb", ["menyebut", "menilai", "menganggap", "menduga"])
def test_a_weak_verb_reports_a_marked_clause(subject: str, verb: str, clause: str) -> None:
    text = f"{LEAD}{subject} {verb} {clause}."
    (s,) = found(text)
    assert s.speaker == ("Kementerian Pertanian" if subject.startswith("Kem") else "Budi Santoso")
    assert said(text, s) == f"{clause}."


@pytest.mark.parametrize("sentence", [
    "Ia menyebut nama-nama pejabat yang selama ini bersembunyi di balik kekuasaan itu.",
    "Ia menyebut dokumen yang sudah beredar luas di kalangan wartawan sejak kemarin.",
    "Ia meminta maaf kepada seluruh warga yang sudah menunggu terlalu lama di sana.",
    "Tim nasional memastikan diri sebagai juara setelah menang 2-0 atas Thailand tadi malam.",
    "Dulu, orang-orang Eropa menganggap sepak bola China adalah permainan yang menyenangkan.",
])
def test_a_weak_verb_without_a_clause_reports_nothing(sentence: str) -> None:
    assert found(f"{LEAD}{sentence}") == []


def test_a_pronoun_needs_nobody_else_named_since() -> None:
    text = (f"Andi Wijaya juga hadir di sana.\n“{QUOTE},” kata Budi Santoso.\nNamun, Andi tak setuju.\n"
            "Ia menganggap raksasa sesungguhnya dari kota itu adalah tim lawan mereka.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"]


def test_a_body_in_passing_does_not_take_the_next_katanya() -> None:
    text = (f"{LEAD}BNPB memastikan tidak ada korban jiwa dalam peristiwa tersebut.\n"
            f"“{QUOTE},” katanya.")
    assert [s.speaker for s in found(text)] == ["BNPB", "Budi Santoso"]


def test_a_clause_with_a_trailing_attribution_is_the_attributed_one() -> None:
    text = (f"{LEAD}Sejalan dengan resolusi itu, Inggris menganggap wilayah timur sebagai bagian "
            "dari negara Palestina, katanya.")
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"


# ---- a concessive clause has its own speaker -----------------------------------------------


def test_a_concessive_clause_keeps_its_speaker() -> None:
    text = ("Meski PPP mengatakan akan mengevaluasi dukungan mereka untuk calon itu, Partai "
            "Nasdem mengklaim koalisi yang dibangun partainya dengan PPP masih solid.")
    statements = found(text)
    assert sorted(s.speaker for s in statements) == ["PPP", "Partai Nasdem"]
    by = {s.speaker: said(text, s) for s in statements}
    assert by["PPP"] == "akan mengevaluasi dukungan mereka untuk calon itu"
    assert by["Partai Nasdem"].startswith("koalisi yang dibangun")


@pytest.mark.parametrize("opener", ["Bagaimanapun", "Kendati demikian"])
def test_a_connective_is_no_name(opener: str) -> None:
    text = f"{opener}, para peneliti mengatakan bahwa rokok elektronik perlu diteliti lebih jauh."
    assert all(not s.speaker.startswith(opener.split()[0]) for s in found(text))


# ---- no antecedents: titles, a lower-cased title line, a statement noun -------------------


@pytest.mark.parametrize("word", ["bertajuk", "berjudul", "bertema"])
def test_a_title_is_no_antecedent(word: str) -> None:
    text = ("Pelantun lawas Yon Koeswoyo siap tampil kembali setelah sembuh dari sakitnya.\n"
            f"Ia akan tampil pada konser {word} Andaikan Koes Plus Datang Kembali di Jakarta.\n"
            f"“{QUOTE},” ujarnya.")
    assert [s.speaker for s in found(text)] == ["Yon Koeswoyo"]


def test_a_lower_cased_title_line_makes_no_common_nouns() -> None:
    text = ("Sembuh yon koeswoyo siap konser lagi\n\n"
            "Yon Koeswoyo siap tampil kembali setelah sembuh dari sakitnya pada Juni lalu.\n"
            f"“{QUOTE},” ujarnya.")
    assert [s.speaker for s in found(text)] == ["Yon Koeswoyo"]


def test_a_statement_noun_is_no_part_of_the_name() -> None:
    text = ("Pernyataan Gallas merujuk pada komentar manajer Arsenal, Arsene Wenger.\n"
            f"“{QUOTE},” kata Gallas.")
    assert [s.speaker for s in found(text)] == ["Gallas"]


def test_a_name_inside_a_closed_quote_is_not_its_speaker() -> None:
    text = ("“Ketika Lorde mengklaim prihatin dengan hak asasi manusia, dia secara munafik "
            "memilih untuk melanjutkan konsernya,” tulis iklan itu lebih lanjut.")
    assert [s.speaker for s in found(text)] == []


# ---- passive and trailing attributions -------------------------------------------------------


@pytest.mark.parametrize("verb", ["Ditambahkan", "Dipaparkan", "Dikatakan"])
def test_a_passive_verb_opening_the_sentence(verb: str) -> None:
    text = f"{verb} Budi, dalam pertemuan tersebut {CLAIM}."
    (s,) = found(text)
    assert s.speaker == "Budi"
    assert said(text, s) == f"dalam pertemuan tersebut {CLAIM}."


@pytest.mark.parametrize("verb", ["ujar", "kata", "pernyataan", "dikatakan"])
def test_demikian_after_an_unquoted_clause(verb: str) -> None:
    clause = "Ribuan pengungsi tinggal dengan kondisi penuh keterbatasan di kamp itu"
    text = f"{clause}, demikian {verb} Menteri Pertanian Budi Santoso."
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Budi Santoso", "Menteri Pertanian")
    assert said(text, s) == clause


@pytest.mark.parametrize("verb", ["tulis akun", "cuit"])
def test_a_handle_after_a_quote(verb: str) -> None:
    text = f"{LEAD}“{QUOTE},” {verb} @budi_santoso2002.\n“Ini luar biasa sekali,” ujarnya."
    statements = found(text)
    assert statements[0].speaker == "@budi_santoso2002"
    assert said(text, statements[0]) == QUOTE
    assert statements[1].speaker == "Budi Santoso"  # a commenter in passing


def test_dibenarkan_oleh_names_the_next_speaker() -> None:
    text = ("Layanan itu sendiri merupakan aplikasi yang tengah naik daun saat ini. Pemblokiran "
            "itu dibenarkan oleh Kepala Humas Kementerian, Budi Santoso.\n"
            f"“{QUOTE},” kata dia.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"]


# ---- epithets, adverbs, bodies -----------------------------------------------------------


@pytest.mark.parametrize("epithet", ["pelantun lagu 'Keep Being You' tersebut",
                                     "mantan pasangan Jennifer Garner itu",
                                     "kekasih selebritas Ariel Tatum itu"])
def test_an_epithet_means_the_latest_speaker(epithet: str) -> None:
    text = f"“{QUOTE},” kata Budi Santoso.\n“Ini luar biasa sekali untuk kami,” kata {epithet}."
    assert [s.speaker for s in found(text)] == ["Budi Santoso", "Budi Santoso"]


def test_an_epithet_after_someone_else_is_named_is_nobody() -> None:
    text = (f"“{QUOTE},” kata Budi Santoso.\nNamun, salah satunya Andi Wijaya tidak setuju. "
            "Belum lama ini, pemeran film laga itu menyatakan bahwa dirinya tidak setuju.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"]


@pytest.mark.parametrize("adverb", ["turut", "kerap", "sering"])
def test_an_adverb_between_subject_and_verb(adverb: str) -> None:
    text = f"Budi Santoso {adverb} menegaskan bahwa {CLAIM}."
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"


@pytest.mark.parametrize("body", ["Asosiasi Pengusaha Pengolahan dan Pemurnian Indonesia (AP3I)",
                                  "Kementerian Pendidikan dan Kebudayaan"])
def test_a_body_named_with_dan_and_its_acronym(body: str) -> None:
    text = f"Sebelumnya, {body} mengatakan ada 11 smelter yang tutup akibat kebijakan tersebut."
    (s,) = found(text)
    assert (s.speaker, s.organisation) == (body, True)


@pytest.mark.parametrize("sentence", [
    "Smart city menurut Budi jadi program yang ditawarkan para dubes negara Uni Eropa itu.",
    "Hal itu menurutnya harus segera dibenahi sebelum kompetisi dimulai bulan depan.",
    "Sebab menurut Budi, titik-titik luka yang dialami korban adalah titik mematikan.",
])
def test_menurut_in_mid_sentence_reports_the_whole_sentence(sentence: str) -> None:
    text = f"{LEAD}{sentence}"
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"
    assert said(text, s) == sentence


def test_menurut_before_an_adverbial_still_ends_the_sentence() -> None:
    text = f"{LEAD}Harga gabah di tingkat petani juga turun tajam menurut Budi di Jakarta."
    (s,) = found(text)
    assert said(text, s) == "Harga gabah di tingkat petani juga turun tajam"
