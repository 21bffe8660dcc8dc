"""Who said what, round five: more verbs after a quote, an attribution in the middle of a
reported sentence, "mengumumkan/membantah bahwa", nicknames made of the starts of a full
name's words ("Aher"), "lebih dikenal dengan", and name boundaries that gave wrong speakers
(a subheading, "selaku", a middle initial, a province before the name, a sentence-opening
"Sebelum") (passages written like the corpus)."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found, said

QUOTE = "Kami sudah menyiapkan semuanya untuk pertandingan besok malam"
CLAIM = "harga beras akan turun pada bulan depan di seluruh provinsi"

# ---- verbs after a quote --------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["urai", "cerita", "kisah", "harap", "pinta", "ajak", "imbau",
                                  "teriak", "sergah", "sanggah", "kecam"])
@pytest.mark.parametrize("who", ["Budi Santoso", "nya"])
def test_more_verbs_after_a_quote(verb: str, who: str) -> None:
    lead = "Pelatih Budi Santoso hadir di Bandung. "
    attribution = f"{verb}nya" if who == "nya" else f"{verb} {who}"
    text = f"{lead}“{QUOTE},” {attribution}."
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Budi Santoso", "direct")
    assert said(text, s) == QUOTE


def test_a_verb_after_a_quote_needs_the_quote() -> None:
    text = "Budi Santoso bercerita tentang masa kecilnya di kampung halamannya."
    assert found(text) == []


# ---- an attribution in the middle of a reported sentence ----------------------------------


@pytest.mark.parametrize("attribution", ["kata dia,", "kata Budi", "lanjutnya", "lanjut Budi",
                                         "kata Budi lagi,"])
def test_an_attribution_after_a_short_opening(attribution: str) -> None:
    first = f"Menteri Pertanian Budi Santoso mengatakan bahwa {CLAIM}."
    second = f"Saat ini, {attribution} pihaknya tengah mengkaji mana saja yang akan dilakukan."
    text = f"{first}\n{second}"
    statements = found(text)
    assert [s.speaker for s in statements] == ["Budi Santoso", "Budi Santoso"]
    assert said(text, statements[1]) == second
    assert statements[1].role in (None, "Menteri Pertanian")  # never the clause after it


def test_an_adverbial_after_the_attribution_is_not_the_clause() -> None:
    text = ("Menteri Pertanian Budi Santoso mengatakan bahwa harga beras turun.\n"
            "Harga gabah di tingkat petani juga turun tajam, kata dia di Jakarta, Senin (5/5).")
    statements = found(text)
    assert said(text, statements[-1]) == "Harga gabah di tingkat petani juga turun tajam"


# ---- reported verbs that need "bahwa" ---------------------------------------------------------


@pytest.mark.parametrize("verb", ["mengumumkan", "membantah"])
def test_announced_and_denied_that(verb: str) -> None:
    text = f"Pelatih Antonio Cassano {verb} bahwa ia memutuskan untuk gantung sepatu."
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Antonio Cassano", "reported")
    assert said(text, s) == "ia memutuskan untuk gantung sepatu."


@pytest.mark.parametrize("text", [
    "Presiden Joko Widodo mengumumkan kabinet barunya di Istana Negara pada Rabu pagi.",
    "Kapolda Jawa Barat Irjen Agung Budi membantah tuduhan itu di depan para wartawan.",
])
def test_announcing_or_denying_a_thing_is_no_statement(text: str) -> None:
    assert found(text) == []


# ---- nicknames and other names of one person -------------------------------------------------


@pytest.mark.parametrize(("full", "short"), [
    ("Ahmad Heryawan", "Aher"), ("Budi Waseso", "Buwas"), ("Joko Widodo", "Jokowi"),
])
def test_a_nickname_made_of_the_starts_of_the_name(full: str, short: str) -> None:
    text = (f"Gubernur Jawa Barat, {full}, mengatakan bahwa {CLAIM}.\n"
            f"“{QUOTE},” kata {short}.")
    statements = found(text)
    assert [s.speaker for s in statements] == [f"{full} ({short})"] * 2


def test_a_short_word_that_is_no_blend_stays_a_new_speaker() -> None:
    text = (f"Gubernur Jawa Barat, Ahmad Heryawan, mengatakan bahwa {CLAIM}.\n"
            f"“{QUOTE},” kata Asep.")
    assert [s.speaker for s in found(text)][-1] == "Asep"


def test_lebih_dikenal_dengan_makes_one_person() -> None:
    text = ("Penyanyi Abdul Wahyu Affandi atau lebih dikenal dengan Doel Sumbang meraih "
            "penghargaan budaya tahun ini.\n"
            "Sementara itu Doel Sumbang mengaku tak menyangka akan menerima penghargaan itu.\n"
            f"“{QUOTE},” ujar Doel.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Abdul Wahyu Affandi (Doel Sumbang)"] * 2


@pytest.mark.parametrize("karib", ["akrab", "karib"])
def test_sapaan_karib_names_the_full_name(karib: str) -> None:
    text = f"Padahal, kata Soni, sapaan {karib} Sumarsono, {CLAIM} sejak awal tahun."
    (s,) = found(text)
    assert s.speaker.startswith("Sumarsono")


# ---- name boundaries that gave wrong speakers ----------------------------------------------


def test_a_title_case_question_line_names_nobody() -> None:
    text = ("Manajer Arsene Wenger menanggapi hasil itu dengan tenang.\n"
            "Sindiran Wenger untuk Siapa?\n"
            "“Bakal sulit sekali,” ujar Wenger.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Arsene Wenger"]


def test_selaku_gives_the_office_of_the_name_before_it() -> None:
    text = ("Irving Scholar selaku mantan pimpinan Tottenham Hotspur mengungkapkan bahwa "
            "Alex Ferguson nyaris menjadi manajer di White Hart Lane.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Irving Scholar", "mantan pimpinan Tottenham Hotspur")


def test_a_middle_initial_is_part_of_the_name() -> None:
    text = (f"“{QUOTE},” ucap Komisaris PT Persib Bandung Bermartabat, Kuswara S. Taryono, "
            "Kamis (4/1).")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Kuswara S. Taryono", "Komisaris PT Persib Bandung Bermartabat")


def test_a_province_the_article_names_is_not_the_first_name() -> None:
    text = ("KPK memeriksa pejabat di Provinsi Jambi pekan ini.\n"
            "Saat itu, Gubernur Jambi Zumi Zola mengaku tidak mengetahui adanya instruksi "
            "pemberian uang kepada anggota dewan.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Zumi Zola", "Gubernur Jambi")


def test_a_sentence_opening_conjunction_is_not_the_subject() -> None:
    text = ("Aktor Roy Marten dan Sys NS menyambangi Mako Brimob untuk menjenguk kawannya. "
            "Keduanya kembali keluar meninggalkan Mako Brimob.\n"
            "Sebelum meninggalkan Mako, Sys sempat berkomentar singkat. "
            "“Sedang istirahat,” katanya saat hendak keluar dari Mako Brimob.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Sys NS"]


def test_a_pronoun_subject_is_still_the_subject() -> None:
    text = ("Mantan Kapolres Wiliardi Wizar hadir di persidangan itu. Dalam persidangan, "
            "Wiliardi melontarkan pernyataan keras.\n"
            "Dia menuduh Iriawan berupaya mengintervensi proses pemeriksaan. "
            "“Dirkrimum bilang ke istri saya, semuanya akan dibantu,” katanya.")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Wiliardi Wizar"]


# ---- more forms ---------------------------------------------------------------------------

INTRO = "Pelatih Budi Santoso hadir di Bandung.\n"


@pytest.mark.parametrize("misspelt", ["mengetakan,", "mengtakan,", "menjelakan bahwa"])
def test_a_long_verb_misspelt_by_one_letter(misspelt: str) -> None:
    text = f"{INTRO}Budi {misspelt} {CLAIM}."
    statements = found(text)
    assert [(s.speaker, said(text, s)) for s in statements] == [("Budi Santoso", f"{CLAIM}.")]


@pytest.mark.parametrize("word", ["menegangkan,", "mematikan,", "menandakan bahwa"])
def test_a_word_one_letter_off_a_verb_is_no_verb(word: str) -> None:
    assert found(f"{INTRO}Laga Budi {word} {CLAIM}.") == []


def test_a_quote_goes_on_after_its_attribution() -> None:
    text = (f"{INTRO}“Bakal sulit sekali,” ujar Budi. “Saya pikir kami harus mengerahkan "
            "segalanya untuk meraih 75 poin itu.”")
    statements = found(text)
    assert [(s.speaker, s.speech) for s in statements] == [("Budi Santoso", "direct")] * 2
    assert said(text, statements[1]).startswith("Saya pikir kami harus")


def test_a_quote_after_an_attribution_with_words_after_it_is_not_continued() -> None:
    text = (f"{INTRO}“Bakal sulit sekali,” ujar Budi. “Saya pikir kami harus mengerahkan "
            "segalanya,” tulis seorang suporter di akunnya.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"]


@pytest.mark.parametrize("adverb", ["juga", "pun", "kemudian"])
def test_a_description_with_an_adverb_before_the_verb(adverb: str) -> None:
    text = (f"{INTRO}“{QUOTE},” kata Budi.\n"
            f"Mantan anak asuh Johan Cruyff ini {adverb} mengatakan bahwa {CLAIM}.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso"] * 2


def test_an_office_with_dan_after_a_closing_verb() -> None:
    text = f"“{QUOTE},” kata Menteri Kelautan dan Perikanan Susi Pudjiastuti di Jakarta."
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Susi Pudjiastuti", "Menteri Kelautan dan Perikanan")


@pytest.mark.parametrize("verb", ["berharap", "menilai"])
def test_a_pronoun_hopes_or_judges(verb: str) -> None:
    text = f"{INTRO}Dia {verb} {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.carried, said(text, s)) == ("Budi Santoso", True, f"{CLAIM}.")


def test_a_pronoun_requests_of_someone() -> None:
    text = f"{INTRO}Ia meminta kepada warga untuk tidak mudah terprovokasi kabar bohong."
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"


def test_a_pronoun_asking_for_something_is_no_statement() -> None:
    assert found(f"{INTRO}Ia meminta maaf kepada warga atas kejadian itu.") == []


@pytest.mark.parametrize("platform", ["Twitter", "Instagram"])
def test_where_a_post_was_written_then_who(platform: str) -> None:
    text = (f"Kim Kardashian memamerkan foto putrinya.\nDi {platform} Kim menulis, “Yang "
            "termanis! Dia terlihat sedikit mirip North!” demikian Kim menerangkan.")
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Kim Kardashian", "direct")
    assert said(text, s).startswith("Yang termanis!")


def test_a_release_issued_by_an_organisation() -> None:
    text = (f"“{QUOTE},” demikian bunyi rilis resmi Olympique Marseille.")
    (s,) = found(text)
    assert s.speaker == "Olympique Marseille"


@pytest.mark.parametrize("verb", ["Dikatakan", "Disampaikan", "Dijelaskan"])
def test_a_passive_verb_opening_the_sentence(verb: str) -> None:
    text = f"{INTRO}{verb} Budi, {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.speech, said(text, s)) == ("Budi Santoso", "reported", f"{CLAIM}.")


def test_a_passive_opening_needs_the_whole_speaker_before_the_comma() -> None:
    text = f"Disampaikan Co - Founder & CEO Investree Adrian Gunadi, {CLAIM}."
    speakers = [s.speaker for s in found(text)]
    # Round 18 reads "Co - Founder & CEO" as his role; alone, nothing tells the company's
    # one-word name from his own first name (the article's other mentions do: "Adrian").
    assert speakers in ([], ["Adrian Gunadi"], ["Investree Adrian Gunadi"])


def test_selaku_and_a_lowercase_office_after_the_name() -> None:
    text = (f"Kepala Dinas Pariwisata dan Kebudayaan Ida Hernida selaku penyelenggara "
            f"mengungkapkan, {CLAIM}.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Ida Hernida", "Kepala Dinas Pariwisata dan Kebudayaan")


@pytest.mark.parametrize("time", ["ketika itu", "saat itu", "Bahkan, ketika itu"])
def test_a_time_before_a_pronoun_subject(time: str) -> None:
    text = f"{INTRO}{time[0].upper()}{time[1:]} dia menyebut bahwa {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Budi Santoso", True)
