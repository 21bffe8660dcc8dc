"""Who said what, round seven (precision): a short name the article itself ties to a full
name, bracketed initials ("Rahmad Darmawan (RD)") or "RD, sapaan akrab <description>", is
that person, never a new speaker; a secretariat ("Setjen DPR") is a body, not a person
(passages written like the corpus)."""

from __future__ import annotations

import pytest

from index._speech_aliases import bracketed_initials, initials_fit
from tests.index.test_speech_attribution import found

QUOTE = "Kekuatan mereka ada dalam organisasi pertahanan yang paling menonjol"


@pytest.mark.parametrize(("full", "short", "role"), [
    ("Rahmad Darmawan", "RD", "Pelatih T - Team Terengganu"),
    ("Jusuf Kalla", "JK", "Wakil Presiden"),
    ("Susilo Bambang Yudhoyono", "SBY", "Ketua Umum Partai Demokrat"),
])
@pytest.mark.parametrize("verb", ["terang", "kata", "ucap"])
def test_bracketed_initials_are_the_person(full: str, short: str, role: str, verb: str) -> None:
    text = (f"{role}, {full} ({short}), hadir dalam acara itu di Jakarta kemarin.\n"
            f"\"{QUOTE},\" {verb} {short} kepada wartawan.")
    (s,) = found(text)
    assert s.speaker == f"{full} ({short})"


@pytest.mark.parametrize("epithet", ["mantan pelatih Timnas SEA Games 2011 itu",
                                     "pria kelahiran Jakarta tersebut"])
@pytest.mark.parametrize("verb", ["menilai,", "mengatakan,"])
def test_a_described_short_name_is_the_person_spoken_of(epithet: str, verb: str) -> None:
    text = ("Pelatih T - Team Terengganu, Rahmad Darmawan, memberikan sejumlah bocoran.\n"
            "Rahmad tentu sudah sangat familier dengan gaya permainan Malaysia.\n"
            f"Salah satu yang disoroti RD, sapaan akrab {epithet}, adalah orientasi lawan.\n"
            f"RD {verb} Malaysia bukan tim yang terlalu mementingkan penguasaan bola.")
    (s,) = found(text)
    assert s.speaker == "Rahmad Darmawan (RD)"


@pytest.mark.parametrize("short", ["RD", "Andi"])
def test_a_short_name_with_no_one_spoken_of_stays_itself(short: str) -> None:
    text = (f"Salah satu yang disoroti {short}, sapaan akrab mantan pelatih itu, adalah lawan.\n"
            f"\"{QUOTE},\" terang {short}.")
    (s,) = found(text)
    assert s.speaker == short


@pytest.mark.parametrize(("initials", "name", "fits"), [
    ("RD", "Rahmad Darmawan", True), ("SBY", "Susilo Bambang Yudhoyono", True),
    ("HPM", "Honda Prospect Motor", True), ("RD", "Rahmad Dermawan Putra", False),
    ("DR", "Rahmad Darmawan", False), ("R", "Rahmad", False),
])
def test_initials_fit_the_name_words_in_order(initials: str, name: str, fits: bool) -> None:
    assert initials_fit(initials, name) is fits


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("Pelatih Rahmad Darmawan (RD) datang.", [("RD", "Rahmad Darmawan")]),
    ("Wakil Presiden Jusuf Kalla (JK) hadir.", [("JK", "Jusuf Kalla")]),
    ("Partai Amanat Nasional (PKS) hadir.", []),
    ("Rahmad Darmawan (Persija) datang.", []),
])
def test_bracketed_initials_are_found_only_when_they_fit(sentence: str, pairs: list) -> None:
    assert bracketed_initials(sentence, 0, len(sentence)) == pairs


@pytest.mark.parametrize("body", ["Setjen DPR", "Sekretariat DPR", "Ditjen Pajak"])
def test_a_secretariat_is_no_antecedent_of_ia(body: str) -> None:
    text = ("Wakil Ketua Pansus Teuku Taufikulhadi hadir dalam rapat di Jakarta kemarin.\n"
            "\"Keputusan rapat akan memanggil Miryam pertama kali,\" ujar Taufikulhadi.\n"
            f"Sebelum pemanggilan, {body} akan berkirim surat kepada KPK.\n"
            "Ia berkata, pansus meyakini KPK akan memenuhi permintaan itu.")
    first, second = found(text)
    assert first.speaker.endswith("Teuku Taufikulhadi")
    assert second.speaker == first.speaker


LEE = ("Penggemar drama Korea digemparkan dengan kedatangan aktor Lee Jung - Jin di Indonesia.\n"
       "\"Saya sangat antusias untuk berpartisipasi di turnamen ini,\" ujar Lee Jung - Jin.\n")


@pytest.mark.parametrize("spelling", ["Lee Jung Jing", "Lee Jung - Jing", "Lee Jung Jin"])
def test_a_name_one_letter_off_is_the_same_person(spelling: str) -> None:
    text = (f"{LEE}Menurut {spelling}, makanan khas Indonesia sangat cocok dengan seleranya.")
    first, second = found(text)
    assert second.speaker == first.speaker == "Lee Jung - Jin"


@pytest.mark.parametrize("noun", ["Kedatangan", "Kunjungan"])
def test_a_sentence_opening_noun_is_no_joined_subject(noun: str) -> None:
    text = (f"{LEE}Di sana para tamu menyambut {noun.lower()} sang aktor dengan meriah.\n"
            f"{noun} Lee Jung Jing ke Indonesia bukan pertama kalinya dan mengakui "
            "jatuh cinta pada Indonesia sejak lama.")
    assert [s.speaker for s in found(text)] == ["Lee Jung - Jin"]


@pytest.mark.parametrize("opener", ["Namun", "Bahkan"])
def test_a_function_word_opener_keeps_the_joined_subject(opener: str) -> None:
    text = (f"{opener} Eden Hazard membela Conte dan menegaskan sang manajer telah berusaha "
            "keras mengangkat performa Chelsea.")
    (s,) = found(text)
    assert s.speaker == "Eden Hazard"


@pytest.mark.parametrize(("named", "other"), [("Muhammad Ali", "Muhammad Alif"),
                                              ("Kim Jong Un", "Kim Jong Nam"),
                                              ("Budi Santoso", "Budi Hartono")])
def test_two_different_names_are_not_merged(named: str, other: str) -> None:
    text = (f"Produser {named} dan Menteri {other} hadir di lokasi kemarin.\n"
            f"\"{QUOTE},\" kata {other}.")
    (s,) = found(text)
    assert s.speaker == other


@pytest.mark.parametrize("role", ["Plt Kepala Humas", "Kepala Humas", "Juru bicara"])
@pytest.mark.parametrize("body", ["Kemenkominfo", "Kementerian Pariwisata", "BMKG"])
def test_a_body_between_role_and_name_is_the_roles(role: str, body: str) -> None:
    text = (f"Pemblokiran itu dibenarkan oleh {role}, {body}, Noor Izza.\n"
            "\"Ya, benar diblokir. Pemblokiran itu sejak 1 Desember lalu,\" kata dia kemarin.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Noor Izza", f"{role} {body}")


@pytest.mark.parametrize("prep", ["di", "ke", "dari"])
def test_a_place_after_a_preposition_is_no_antecedent(prep: str) -> None:
    text = ("Penyanyi itu lagi-lagi memberi kejutan kepada para penggemarnya.\n"
            f"Sang rapper datang secara tiba-tiba dalam sebuah konser {prep} Nathan Phillips "
            "Square. Ia mengaku ingin ikut merayakan hari kelahiran negara asalnya.")
    assert found(text) == []


@pytest.mark.parametrize("prep", ["di", "ke"])
def test_a_person_named_before_the_place_stays_the_antecedent(prep: str) -> None:
    text = (f"Eko Hadi Susilo, warga Madiun, rela berjalan kaki {prep} Kali Malang kemarin.\n"
            "Ia mengaku mendapatkan banyak titipan pesan dari masyarakat selama di jalan.")
    (s,) = found(text)
    assert s.speaker == "Eko Hadi Susilo"
