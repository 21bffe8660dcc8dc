"""Who said what, round eight (passages written like the corpus)."""

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
