"""Who said what, round eight (passages written like the corpus): "X bercerita “…”"; an
office then a ranked name ("Panglima TNI, Jenderal TNI Gatot Nurmantyo") is the person and a
dateline is nobody's words; short names the article ties to a person ("J - Law", "Mou,
sapaan akrabnya"); after an unnamed speaker a pronoun is nobody named before; areas and
streets are no speakers; a name ending a description is not the sentence's subject."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found, said

QUOTE = "Saya sempat gugup sekali waktu pertama kali naik panggung di depan ribuan orang"


@pytest.mark.parametrize("lead", ["Raisa bercerita ", "Raisa bercerita, ", "Ia bercerita "])
def test_a_quote_right_after_bercerita_is_the_speakers(lead: str) -> None:
    text = ("Penyanyi Raisa Andriana hadir dalam acara itu di Jakarta.\n"
            f"{lead}“{QUOTE}.”")
    (s,) = found(text)
    assert (s.speaker, s.speech, said(text, s)) == ("Raisa Andriana", "direct", f"{QUOTE}.")


def test_bercerita_about_something_reports_nothing() -> None:
    text = ("Penyanyi Raisa Andriana hadir dalam acara itu di Jakarta.\n"
            "Raisa bercerita tentang masa kecilnya di Bandung bersama keluarga besarnya.")
    assert found(text) == []


WORDS = "Prajurit TNI juga siap untuk berjihad dalam mempertahankan Negara Kesatuan"


def test_an_office_then_a_ranked_name_is_the_person_without_the_dateline() -> None:
    text = (f"Panglima tni siap berjihad\n\nMedan (ANTARA News) - \"{WORDS},\" kata Panglima TNI,"
            " Jenderal TNI Gatot Nurmantyo, di Medan, Sabtu.\n"
            "Dia mengatakan, TNI menghargai setiap proses demokrasi di seluruh Indonesia.")
    first, second = found(text)
    assert (first.speaker, first.role) == ("Gatot Nurmantyo", "Panglima TNI")
    assert text[first.start:].startswith(f"\"{WORDS}")
    assert second.speaker == "Gatot Nurmantyo"


def test_a_name_with_its_own_rank_on_the_office_side_stays_the_person() -> None:
    text = (f"\"{WORDS},\" kata Kompol Yhogi Hadi Setiawan, Kapolsek Dukuh Pakis.")
    (s,) = found(text)
    assert s.speaker == "Yhogi Hadi Setiawan"


@pytest.mark.parametrize("short", ["J - Law", "J-Law"])
def test_an_initial_and_a_cut_is_the_known_person(short: str) -> None:
    text = ("Jennifer Lawrence kembali memicu kehebohan di acara itu.\n"
            f"Dalam acara itu, {short} bercerita bahwa dia pernah menduduki batu keramat di Hawaii.")
    (s,) = found(text)
    assert s.speaker.startswith("Jennifer Lawrence")


def test_a_nickname_the_article_gives_is_the_person_it_cuts() -> None:
    text = ("Manajer Manchester United Jose Mourinho mengaku kecewa dengan hasil laga itu.\n"
            "Mou merasa terharu ketika legenda sepak bola, Diego Armando Maradona memberikan dukungan.\n"
            "Mou, sapaan akrabnya, mengungkapkan bahwa ia telah dihubungi langsung oleh Maradona.")
    assert [s.speaker for s in found(text)] == ["Jose Mourinho (Mou)"] * 2


@pytest.mark.parametrize("lead", [
    "Seorang musisi misalnya, menulis “Saya korban penyerangan oleh seseorang di Oslo.”",
    "Penyanyi lain mengatakan dirinya sering dikomentari secara tidak pantas di tempat kerja.",
    ("“Persib turut berdukacita dan merasa kehilangan,” ujar media officer Persib Irfan"
     " Suryadireja saat melayat."),
])
def test_after_an_unnamed_speaker_a_pronoun_is_not_someone_named_before(lead: str) -> None:
    text = ("Isu itu marak karena ratusan perempuan dilecehkan oleh produser Harvey Weinstein.\n"
            "Weinstein melecehkan lebih dari 100 perempuan selama dua dekade.\n"
            f"{lead}\n"
            "“Saya pikir ini sesuatu yang biasa, bukan hal yang layak ditanggapi,” ujarnya.")
    assert all(s.speaker != "Harvey Weinstein" for s in found(text))


@pytest.mark.parametrize("place", ["Kelurahan Tondo", "Desa Pace", "Jalan Gunung Latimojong"])
def test_an_area_is_no_speaker(place: str) -> None:
    text = (f"Seorang pengendara tewas di {place}, Kota Palu, Minggu pagi.\n"
            "“Tadi saya minta dia bonceng tapi dia bilang tidak usah, katanya berat,” ungkapnya.")
    assert found(text) == []


def test_a_name_ending_a_description_is_not_the_subject() -> None:
    text = ("Khloe Kardashian mengumumkan kabar kehamilannya pekan ini di Los Angeles.\n"
            "Melalui Instagram, adik kandung Kim Kardashian ini memamerkan perut buncitnya.\n"
            "“Mimpi terbesar saya terwujud. Kami memiliki bayi,” tulisnya.")
    assert [s.speaker for s in found(text)] == ["Khloe Kardashian"]
