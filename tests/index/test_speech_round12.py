"""Who said what, round twelve: a club or company glued to a speaker's name. The name run
of "Manajer Persib Umuh Muchtar" takes the club in; when the article writes the club on its
own ("Persib") and calls the person by one of their names ("Umuh"), the club goes to the
role, while a three-word name the article shortens to its first word ("Djarot Saiful
Hidayat", "kata Djarot") or a given name it attributes speech to stays whole."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found

_QUOTE = "\"Kami akan menindaklanjuti laporan itu pekan depan,\""


@pytest.mark.parametrize(("speaker", "short", "name", "role"), [
    ("Manajer Persib Umuh Muchtar", "Umuh", "Umuh Muchtar", "Manajer Persib"),
    ("Pelatih Arsenal Arsene Wenger", "Wenger", "Arsene Wenger", "Pelatih Arsenal"),
    ("Direktur Utama Pertamina Elia Massa Manik", "Elia", "Elia Massa Manik",
     "Direktur Utama Pertamina"),
])
def test_a_body_the_article_writes_alone_goes_from_the_name_to_the_role(
    speaker: str, short: str, name: str, role: str,
) -> None:
    body = role.rsplit(" ", 1)[-1]
    text = (f"{body} tengah menyiapkan diri untuk laga pekan depan.\n"
            f"{_QUOTE} kata {speaker} di Jakarta.\n"
            f"{short} juga meminta para pemain menjaga kondisi menjelang laga itu.")
    first = found(text)[0]
    assert (first.speaker, first.role) == (name, role)


def test_a_body_with_a_place_word_goes_whole_to_the_role() -> None:
    text = ("Atletico tengah menyiapkan diri untuk laga di Madrid pekan depan.\n"
            f"{_QUOTE} kata Pelatih Atletico Madrid Diego Simeone di Madrid.\n"
            "Simeone juga sudah memulihkan para pemain yang cedera sejak bulan lalu.")
    first = found(text)[0]
    assert (first.speaker, first.role) == ("Diego Simeone", "Pelatih Atletico Madrid")


def test_a_body_without_a_role_becomes_the_role() -> None:
    text = ("Arsenal kembali gagal menang di kandang sendiri.\n"
            "Arsenal Arsene Wenger mengatakan bahwa timnya akan menindaklanjuti laporan "
            "itu pekan depan.\nWenger juga menyesalkan keputusan wasit.")
    first = found(text)[0]
    assert (first.speaker, first.role) == ("Arsene Wenger", "Arsenal")


@pytest.mark.parametrize(("text", "name"), [
    # the first word is how the article shortens the name, no body of its own
    ((f"{_QUOTE} kata Gubernur DKI Jakarta Djarot Saiful Hidayat di Balai Kota.\n"
     "Djarot juga meminta warga ikut mengawasi."), "Djarot Saiful Hidayat"),
    # the rest is written alone, but the first word never is
    ((f"{_QUOTE} kata Menteri Pertanian Andi Amran Sulaiman di Jakarta.\n"
     "Amran juga meminta petani ikut mengawasi."), "Andi Amran Sulaiman"),
    # the first word stands alone, but the article attributes speech to it
    (("Hariyadi datang bersama keluarganya.\n"
     f"{_QUOTE} kata Presiden Direktur Hariyadi Bidisantoso Sukamdani.\n"
     "Sukamdani dimakamkan siang itu. \"Beliau orang baik dan dermawan sekali,\" "
     "kata Hariyadi."), "Hariyadi Bidisantoso Sukamdani"),
])
def test_a_three_word_name_whose_first_word_is_no_body_stays_whole(text: str,
                                                                    name: str) -> None:
    assert found(text)[0].speaker == name
