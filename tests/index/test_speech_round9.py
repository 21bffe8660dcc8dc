"""Who said what, round nine (passages written like the corpus): a corps mark after a rank
("Letkol Czi Dwi Bima Nurahmat") is part of the rank; a word the article names after a
geographic head ("Gunung Tambora") is a place, so an office that ends with it does not glue
it to the name ("Kepala Balai Taman Nasional Tambora Budi Kurniawan")."""

from __future__ import annotations

import pytest

from tests.index.test_speech_attribution import found


@pytest.mark.parametrize(("rank", "name"), [
    ("Letkol Czi", "Dwi Bima Nurahmat"), ("Kolonel Inf", "M Aidi"),
    ("Mayjen TNI", "Hartomo"), ("Serma", "Budi Santoso"),
])
def test_a_corps_mark_after_a_rank_is_part_of_the_rank(rank: str, name: str) -> None:
    text = (f"Sementara itu, Dandim 0621 Bogor, {rank} {name}, mengatakan penjualan tiket "
            "di Makodim sudah ludes terjual pada pukul 09.00 WIB.\n"
            f"\"Ya, tiket yang dijual di sini sudah habis,\" jelas {rank} {name}, Selasa.")
    statements = found(text)
    assert [s.speaker for s in statements] == [name, name]


@pytest.mark.parametrize(("head", "place"), [
    ("Gunung", "Tambora"), ("Danau", "Kelimutu"), ("Pulau", "Komodo"),
])
def test_an_office_ending_in_a_named_place_does_not_glue_it_to_the_name(
    head: str, place: str,
) -> None:
    text = (f"Kepala Balai Taman Nasional {place} Budi Kurniawan mengatakan jumlah pendaki "
            "tahun ini naik.\n"
            f"Wisatawan yang datang ke {head} {place} terus bertambah setiap tahun.\n")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Budi Kurniawan", f"Kepala Balai Taman Nasional {place}")

