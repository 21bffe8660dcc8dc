"""Who said what, round four: adverbials between a speaker and the verb, more reporting verbs,
passive "seperti diungkapkan X", objects before a quote, a quote resumed after its
attribution, descriptions with a relative clause, nicknames ("sapaan akrab"), offices with
"dan", short names and the latest speaker, pronouns after an adverbial (passages written like
the corpus)."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found, said

CLAIM = "harga beras akan turun pada bulan depan di seluruh provinsi"

# ---- adverbials between the speaker and the verb ------------------------------------------


@pytest.mark.parametrize("between", [
    ", hari ini,", " di Denpasar, Sabtu,", ", Senin (14/8),", " juga", " bahkan pernah",
    " dengan bangga", " secara terbuka", " secara tidak langsung", " kembali", " akhirnya",
    " hari ini", " secara terpisah",
])
def test_an_adverbial_between_the_speaker_and_the_verb(between: str) -> None:
    text = f"Kepala BPS Budi Santoso{between} mengatakan bahwa {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Budi Santoso", "Kepala BPS", "reported")
    assert said(text, s) == f"{CLAIM}."


def test_adverbs_between_an_appositive_and_the_verb() -> None:
    text = ("Manajer Setan Merah, Jose Mourinho, bahkan pernah mengatakan, mantan pemainnya itu "
            "mengalami penurunan performa.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Jose Mourinho", "Manajer Setan Merah")


def test_senada_dengan_itu_is_no_manner_and_no_name() -> None:
    text = f"Senada dengan itu, Ketua DPRD Hendrik Lyanto mengatakan, {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Hendrik Lyanto", "Ketua DPRD")


@pytest.mark.parametrize("opener", ["Terpisah", "Senada", "Padahal"])
def test_a_sentence_adverb_before_a_comma_is_no_name(opener: str) -> None:
    text = f"{opener}, Wakil Ketua DPR Fadli Zon mengatakan bahwa {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Fadli Zon", "Wakil Ketua DPR")


# ---- reporting verbs ----------------------------------------------------------------------


@pytest.mark.parametrize(("verb", "lead"), [
    ("menyampaikan harapannya bahwa", ""), ("memperkirakan,", ""), ("membenarkan bahwa", ""),
    ("mengancam akan", "akan "), ("menilai", ""),
])
def test_more_reporting_verbs(verb: str, lead: str) -> None:
    text = f"Menteri Perdagangan Enggartiasto Lukita {verb} {CLAIM}."
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Enggartiasto Lukita", "reported")
    assert said(text, s) == f"{lead}{CLAIM}."


@pytest.mark.parametrize("text", [
    "Menteri Perdagangan Enggartiasto Lukita memperkirakan harga beras di pasar induk.",
    "Banjir besar itu mengancam ribuan rumah warga di bantaran sungai Ciliwung.",
    "Menteri Perdagangan Enggartiasto Lukita mengancam pedagang yang menimbun beras.",
])
def test_an_estimate_or_a_threat_without_a_clause_is_no_statement(text: str) -> None:
    assert found(text) == []


def test_ulas_after_a_quote() -> None:
    text = ("Kabid Humas Polda Jabar Kombes Yusri Yunus menjelaskan kasus itu kepada wartawan.\n"
            "“Dari keterangan tersangka uang itu digunakan untuk kepentingan pribadi,” ulasnya.")
    *_, s = found(text)
    assert (s.speaker, s.speech, s.carried) == ("Yusri Yunus", "direct", True)


def test_a_threat_made_by_saying_a_quote() -> None:
    text = ("Ancaman ini dilayangkan setelah Presiden AS Donald Trump menggertak dengan mengatakan, "
            "\"Korut akan berhadapan dengan api dan kemarahan AS\" jika terus mengancam.")
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Donald Trump", "Presiden AS", "direct")
    assert said(text, s) == "Korut akan berhadapan dengan api dan kemarahan AS"


# ---- passive attributions -----------------------------------------------------------------


@pytest.mark.parametrize("passive", ["seperti diungkap", "seperti diungkapkan",
                                     "sebagaimana dikatakan", "seperti disampaikan",
                                     "sebagaimana dijelaskan"])
def test_as_said_by_at_the_end_of_a_sentence(passive: str) -> None:
    text = (f"Sebanyak 13 orang tewas dalam serangan udara di Douma, {passive} Kepala Pengamat "
            "HAM Suriah, Rami Abdel Rahman, kepada AFP.")
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Rami Abdel Rahman", "Kepala Pengamat HAM Suriah",
                                             "reported")
    assert said(text, s) == "Sebanyak 13 orang tewas dalam serangan udara di Douma"


def test_as_said_by_does_not_take_a_sentence_with_its_own_speaker() -> None:
    text = ("Komisioner Komnas HAM Muhammad Nurkhoiron menyatakan, draf itu belum dibeberkan di "
            "paripurna.\nDia mengaku belum mengetahui apakah draf tersebut sudah selesai, "
            "sebagaimana disampaikan Komisioner Komnas HAM lainnya, Natalius Pigai.")
    first, second = found(text)
    assert first.speaker == second.speaker == "Muhammad Nurkhoiron"


# ---- quotes after an object, resumed after their attribution ------------------------------


@pytest.mark.parametrize(("verb", "role"), [
    ("juga membenarkan laporan tersebut,", None), ("mengunggah foto bersama suaminya,", "Penyanyi"),
    ("menyatakan kepada majelis hakim,", None),
])
def test_a_short_object_between_the_verb_and_the_quote(verb: str, role: str | None) -> None:
    speaker = "Penyanyi Raisa Andriana" if role else "Raisa Andriana"
    text = f"{speaker} {verb} “Terima kasih untuk semua doa dan dukungan kalian selama ini.”"
    (s,) = found(text)
    assert (s.speaker, s.role, s.speech) == ("Raisa Andriana", role, "direct")
    assert said(text, s) == "Terima kasih untuk semua doa dan dukungan kalian selama ini."


def test_a_role_only_speaker_from_a_body_before_a_quote() -> None:
    text = ("Perwakilan dari agensi Label SJ juga membenarkan laporan tersebut, “Memang benar kalau "
            "Super Junior akan comeback di bulan November.”")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Perwakilan dari agensi Label SJ", None)


@pytest.mark.parametrize("text", [
    "Terpisah, perwakilan Tencent mengatakan mereka menyiapkan strategi khusus untuk Snap.",
    ("Menurut perwakilan properti Michael Jackson, keputusan untuk membuat versi baru video itu "
     "ditetapkan bulan lalu."),
])
def test_a_representative_of_someone_is_not_that_someone(text: str) -> None:
    assert found(text) == []


def test_a_quote_resumed_after_its_attribution() -> None:
    text = ("“Kami tidak pernah melakukannya,” kata bos tim Williams, Frank Dean, “Bahkan sebelum "
            "musim dimulai, beberapa tim sudah melihat banyak hantu.”")
    first, second = found(text)
    assert (first.speaker, second.speaker) == ("Frank Dean", "Frank Dean")
    assert said(text, first) == "Kami tidak pernah melakukannya"
    assert said(text, second).startswith("Bahkan sebelum musim dimulai")


# ---- who a description, a nickname, a short name or a pronoun means ----------------------


@pytest.mark.parametrize("description", [
    "pria yang bekerja sebagai konsultan teknis di sebuah perusahaan antivirus",
    "pria yang juga dosen di Universitas Indonesia",
    "perempuan yang dijadwalkan hadir di Paris pekan depan",
])
def test_a_description_with_a_relative_clause_means_the_latest_speaker(description: str) -> None:
    text = ("“Sebagian besar serangan itu datang dari luar negeri,” kata peneliti keamanan siber, "
            f"Andi Pratama. “Saya yakin pelakunya bukan peretas lokal,” tambah {description}.")
    first, second = found(text)
    assert (first.speaker, first.carried) == ("Andi Pratama", False)
    assert (second.speaker, second.carried) == ("Andi Pratama", True)


def test_a_relative_description_after_someone_new_of_its_kind_is_nobodys() -> None:
    text = ("“Serangan itu datang dari luar negeri,” kata peneliti keamanan siber, Andi Pratama. "
            "Seorang pria lain juga ditemui di lokasi. “Saya melihat asap hitam dari gedung "
            "itu,” kata pria yang tinggal di dekat gedung tersebut.")
    assert [s.speaker for s in found(text)] == ["Andi Pratama"]


def test_sapaan_akrab_with_the_full_name() -> None:
    text = ("“Kami ke sini punya misi menghabisi semua lawan di sini,” ucap Eyi, sapaan akrab "
            "Raja Sapta Ervian.")
    (s,) = found(text)
    assert s.speaker == "Raja Sapta Ervian (Eyi)"


def test_sapaan_akrabnya_names_the_latest_speaker() -> None:
    text = ("Ketua Umum Perbanas Kartika Wirjoatmodjo menilai, peran Ketua OJK perlu ditinjau "
            "kembali oleh DPR.\n“Kalau masih seperti sekarang, pemikirannya jadi tidak "
            "integratif,” ujar Tiko, sapaan akrabnya.\n“Tantangannya adalah pendalaman pasar "
            "keuangan,” jelas Tiko.")
    speakers = {s.speaker for s in found(text)}
    assert len(speakers) == 1 and "Kartika Wirjoatmodjo (Tiko)" in speakers.pop()


def test_sapaan_akrabnya_after_someone_new_is_named_is_nobodys_alias() -> None:
    text = ("“Baru-baru ini saya bertemu dengan orang Tumi lagi,” terang Didiet Maulana.\n"
            "Hal ini dialami oleh perancang Amanda Indah Lestari.\n“Saya ikut program pertukaran "
            "perancang dari British Council,” terang Mandy, sapaan akrabnya.")
    assert [s.speaker for s in found(text)] == ["Didiet Maulana", "Mandy"]


def test_a_role_subject_is_the_person_the_article_gave_that_office() -> None:
    text = ("Menteri Kelautan dan Perikanan Susi Pudjiastuti menjadi tamu kehormatan di KRI Bima "
            "Suci.\nDalam sambutannya Menteri Kelautan dan Perikanan menyampaikan harapannya "
            "bahwa, kedatangan KRI Bima Suci dapat melatih dan mendidik taruna AAL.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Susi Pudjiastuti", "Menteri Kelautan dan Perikanan")


def test_a_role_subject_nobody_was_given_stays_role_only() -> None:
    text = ("Menteri Susi Pudjiastuti menjadi tamu kehormatan di KRI Bima Suci.\nDalam sambutannya "
            "Menteri Kelautan dan Perikanan menyampaikan harapannya bahwa, kedatangan KRI Bima "
            "Suci dapat melatih dan mendidik taruna AAL.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Menteri Kelautan dan Perikanan", None)


def test_a_short_name_right_after_its_speaker_is_theirs_not_the_first_of_that_name() -> None:
    text = ("Proyek itu digenjot oleh Presiden Joko Widodo sejak tahun lalu.\nKetua Umum "
            "Partai Demokrat Joko Suyanto menilai jajaran OJK harus meningkatkan kualitas pengawasan.\n"
            "“Pengawasan, peraturan, dan sinergi juga cukup baik,” tambah Joko.")
    assert [s.speaker for s in found(text)] == ["Joko Suyanto", "Joko Suyanto"]


def test_a_short_name_goes_to_the_first_of_that_name_who_spoke() -> None:
    text = ("Presiden Joko Widodo mengatakan bahwa pemerintah akan membangun bendungan baru.\n"
            "Ketua Umum Partai Demokrat Joko Suyanto menilai jajaran OJK harus meningkatkan kualitas "
            "pengawasan.\n“Bendungan itu akan selesai tahun depan,” kata Joko.")
    assert [s.speaker for s in found(text)][-1] == "Joko Widodo"


@pytest.mark.parametrize("adverbial", ["Seperti dikutip NME ia", "Tapi ia", "Lebih lanjut ia",
                                       "Untuk Hillary ia"])
def test_a_pronoun_after_an_adverbial_carries_the_subject(adverbial: str) -> None:
    text = ("“Dia harus dihentikan,” kata aktor Robert De Niro.\nPerkataan itu dikritik oleh "
            "Jon Voight. “Betapa kotor kata-kata yang dia gunakan,” tulis Voight di Twitter.\n"
            f"De Niro akhirnya menanggapi kritik itu. {adverbial} mengatakan, Voight adalah pria "
            "yang baik tapi delusional.")
    *_, s = found(text)
    assert (s.speaker, s.carried) == ("Robert De Niro", True)


def test_a_pronoun_inside_a_quote_is_someone_the_speaker_quotes() -> None:
    text = ("Penyanyi Ed Sheeran bercerita kepada Ellen DeGeneres.\n“Saya meminta Beyonce "
            "bernyanyi bersama saya. Dan dia mengatakan, ‘Iya,’ jadi di sinilah kami sekarang.”")
    assert all(s.speech != "reported" for s in found(text))


def test_a_description_of_another_kin_or_office_is_not_the_latest_speaker() -> None:
    text = ("Sang putra, Adam Cohen, menyampaikan bahwa ayahnya meninggal dengan tenang di rumah.\n"
            "Cohen meninggal dalam tidur, seperti disampaikan sang manajer, setelah terjatuh di "
            "tengah malam pada 7 November.")
    assert [s.speaker for s in found(text)] == ["Adam Cohen"]
