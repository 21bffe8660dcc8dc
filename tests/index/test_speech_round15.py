"""Who said what, round fifteen (twelfth session, from the misses of sets Q and R): a
dateline with a region ("Magelang, Jawa Tengah (ANTARA News) - ") is no part of the first
sentence's speaker, a sentence before a comma and a name is no role of theirs, and an
office a relational word opens ("asisten pelatih") names its holder, not whom they assist."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

_TITLE = "KSAD: TNI tangani kelompok bersenjata secara persuasif\n\n"


@pytest.mark.parametrize("dateline", [
    "Magelang, Jawa Tengah (ANTARA News) - ",
    "Serang, Banten (ANTARA News) - ",
    "Magelang (ANTARA News) - ",
])
def test_a_dateline_with_a_region_is_no_speaker(dateline: str) -> None:
    text = (_TITLE + dateline + "Kepala Staf Angkatan Darat (KSAD) Jenderal TNI Mulyono "
            "mengatakan pasukan TNI menangani kelompok itu dengan cara persuasif.\n"
            "\"Kita melakukan pendekatan dengan cara persuasif,\" katanya.\n")
    statements = found(text)
    assert [s.speaker for s in statements] == ["Mulyono", "Mulyono"]
    assert statements[0].role == "Kepala Staf Angkatan Darat (KSAD) Jenderal TNI"
    assert not text[statements[0].start:statements[0].end].startswith(dateline)


def test_a_sentence_before_the_comma_is_no_role_of_the_name_after_it() -> None:
    text = ("Ahok tunggu janji Anies\n\nRimanews - Gubernur DKI Jakarta Basuki Tjahaja Purnama "
            "menyatakan akan menanti janji pasangan gubernur terpilih, Anies Baswedan dan "
            "Sandiaga Uno untuk menutup Alexis.\nDalam pernyataannya kemarin, Anies mengatakan, "
            "komitmennya untuk menutup Alexis sesuai dengan Perda.\n")
    last = found(text)[-1]
    assert last.speaker == "Anies Baswedan" and last.role is None


def test_the_late_husband_stays_in_a_widows_role() -> None:
    text = ("Istri mendiang Chris Cornell, Vicky Cornell mengatakan suaminya bukan dirinya "
            "sendiri pada jam-jam terakhirnya.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Vicky Cornell", "Istri mendiang Chris Cornell")


_QUOTE = "“Antisipasi sudah kita persiapkan sejak jauh-jauh hari,”"


def test_an_assistant_coach_is_the_named_person() -> None:
    (s,) = found(f"{_QUOTE} ujar asisten pelatih Herrie Setyawan kepada wartawan.")
    assert (s.speaker, s.role) == ("Herrie Setyawan", "asisten pelatih")


@pytest.mark.parametrize("relation", ["asisten", "kuasa hukum", "perwakilan"])
def test_whom_an_assistant_or_a_lawyer_serves_is_still_no_speaker(relation: str) -> None:
    assert all(s.speaker != "Herrie Setyawan"
               for s in found(f"{_QUOTE} ujar {relation} Herrie Setyawan."))


_WIRANTO = ("Wiranto: demo harus bubar pukul 18.00\n\nJakarta (ANTARA News) - Menteri Koordinator "
            "Bidang Politik, Hukum dan Keamanan (Menko Polhukam) Wiranto mengatakan demonstrasi "
            "harus tetap berpegang pada ketentuan yang berlaku.\n"
            "\"Pukul 6 sore harus bubar sendiri, jangan dibubarkan,\" kata Wiranto.\n")


def test_a_comma_inside_an_offices_list_of_fields_does_not_end_the_office() -> None:
    first = found(_WIRANTO)[0]
    assert first.speaker == "Wiranto"
    assert first.role == ("Menteri Koordinator Bidang Politik, Hukum dan Keamanan "
                          "(Menko Polhukam)")


def test_the_abbreviation_of_a_speakers_office_is_that_speaker() -> None:
    text = _WIRANTO + ("Menko Polhukam juga mengatakan para ulama diminta menyerukan kepada "
                       "umat agar demo dilakukan dengan damai.\n")
    assert [s.speaker for s in found(text)] == ["Wiranto"] * 3


def test_the_abbreviation_of_a_body_in_an_office_stays_the_body() -> None:
    text = ("Komnas HAM pantau pilkada\n\nJakarta - Wakil Ketua Komisi Nasional Hak Asasi Manusia "
            "(Komnas HAM) Hairansyah mengatakan delapan wilayah menjadi fokus pemantauan.\n"
            "Komnas HAM juga mengatakan pemantauan dimulai bulan depan.\n")
    assert [s.speaker for s in found(text)][-1] != "Hairansyah"
