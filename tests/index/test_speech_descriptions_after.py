"""Attributions the blind questions found missing: "demikian <verb> X" and joking verbs after a
quote, a statement's words ("bunyi pernyataan itu"), related-article headlines in the body, a
pronoun before any speaker, lower-case roles after a name, a body's spokesman, companies and
institutions inside a name run, unclosed quotes, short name forms (passages written like the
corpus)."""

from __future__ import annotations

from index._speech_names import article_places
from tests.index.test_speech_attribution import found, said

# ---- "demikian <verb> X", verbs that attribute only after a quote ------------------------


def test_demikian_before_the_closing_verb() -> None:
    text = ("Dua bintang veteran, Michael Essien dan Didier Zokora, akhirnya bertemu kembali.\n"
            "\"Senang bertemu dengan kamu lagi, saudaraku,\" demikian tulis Essien di akun "
            "Instagramnya.\n"
            "\"Nah, sekarang kamu tampak ganteng, ababa,\" demikian canda Zokora dalam akun "
            "Instagramnya yang disukai 1.970 pengguna.")
    first, second = found(text)
    assert (first.speaker, said(text, first)) == ("Michael Essien",
                                                  "Senang bertemu dengan kamu lagi, saudaraku")
    assert (second.speaker, said(text, second)) == ("Didier Zokora",
                                                    "Nah, sekarang kamu tampak ganteng, ababa")


def test_a_question_and_its_asker() -> None:
    text = ("Wartawan Budi Santoso menemui pelatih itu seusai latihan.\n"
            "\"Kapan tim ini siap bertanding lagi?\" tanya Budi kepada pelatih.")
    (s,) = found(text)
    assert (s.speaker, said(text, s)) == ("Budi Santoso", "Kapan tim ini siap bertanding lagi?")


def test_demikian_without_a_verb_attributes_nothing() -> None:
    text = ("Presiden Joko Widodo meresmikan jalan tol itu pada Senin.\n"
            "\"Tol ini dibangun untuk rakyat,\" demikian spanduk yang dipasang warga di gerbang.")
    assert found(text) == []


def test_a_joking_verb_without_a_quote_is_no_attribution() -> None:
    text = ("Pemain Persib Bandung Michael Essien mengunggah foto bersama kawan lamanya, canda "
            "Essien kepada wartawan menjadi bahan perbincangan di media sosial.")
    assert found(text) == []


# ---- a statement's words: whoever issued it ------------------------------------------------


def test_the_words_of_a_statement_go_to_its_issuer() -> None:
    text = ("Media Iran menyiarkan rekaman komandan Pasukan Quds, Qassem Soleimani, di kota Albu "
            "Kamal. Dalam pesan yang dirilis Garda Revolusi, Soleimani mengucapkan selamat kepada "
            "Khamenei atas \"kemenangan kunci\" dari ISIS ini.\n"
            "\"Saya mengumumkan akhir dari kelompok ini,\" bunyi pernyataan itu.")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Qassem Soleimani", True)
    assert said(text, s) == "Saya mengumumkan akhir dari kelompok ini"


def test_the_words_of_a_statement_with_no_issuer_go_to_nobody() -> None:
    text = ("Pemerintah daerah memasang pengumuman di setiap kantor kelurahan pekan lalu.\n"
            "\"Pelayanan ditutup selama libur Lebaran,\" bunyi pernyataan itu.")
    assert found(text) == []


# ---- headlines of related articles are no antecedents --------------------------------------


def test_a_related_headline_is_no_antecedent() -> None:
    text = ("Setelah lama menyandang status janda, musisi Maia Estianty masih sangat tertutup.\n"
            "Dalam acara tersebut, ia pun terlihat cantik mengenakan kebaya putih.\n"
            "Alasan Fanny Ghassani Mau Dinikahi Pria yang Baru 1 Tahun Kenal\n"
            "\"Ini kan baju sehari-hari, batik sehari-hari,\" tutupnya.")
    (s,) = found(text)
    assert (s.speaker, said(text, s)) == ("Maia Estianty",
                                          "Ini kan baju sehari-hari, batik sehari-hari")


def test_a_short_line_that_ends_a_sentence_still_introduces_its_name() -> None:
    text = ("Kepala Dinas Kesehatan Budi Santoso datang ke lokasi.\n"
            "\"Kami siapkan obat untuk semua warga,\" ujarnya.")
    (s,) = found(text)
    assert s.speaker == "Budi Santoso"


# ---- a pronoun before any speaker: the person named before it ----------------------------


def test_a_place_named_after_the_pronoun_is_not_its_referent() -> None:
    text = ("Eko Hadi Susilo, warga Madiun, bahkan rela berjalan kaki hingga Jakarta.\n"
            "\"Keluar dari Madiun tanggal 23. Memang sudah niat kalo Anies menang,\" ungkapnya yang baru tiba di Kali Malang "
            "pukul 00.45 WIB, Minggu (7/5).")
    (s,) = found(text)
    assert (s.speaker, s.carried) == ("Eko Hadi Susilo", True)


def test_demikian_pernyataan_names_the_body_that_issued_it() -> None:
    text = ("Kedua negara menggelar latihan gabungan di Laut Jepang pekan ini.\n"
            "\"Latihan ini digelar untuk meningkatkan kesiapan pasukan,\" demikian pernyataan "
            "Angkatan Laut AS, sebagaimana dikutip AFP.")
    (s,) = found(text)
    assert s.speaker.startswith("Angkatan Laut") and s.organisation
    assert said(text, s) == "Latihan ini digelar untuk meningkatkan kesiapan pasukan"


# ---- a name, then its role in lower case ---------------------------------------------------


def test_a_lowercase_role_after_the_name_keeps_the_name() -> None:
    text = ("Raha Spehrara dokter gigi dari Dental Suites Clinic mengungkapkan bahwa air lemon "
            "hangat yang diminum harian akan merusak enamel gigi.\n"
            "\"Asam lemon aman mengikis enamel gigi,\" katanya dikutip dari Metro.\n"
            "\"Orang yang mengalami erosi akan memiliki gigi yang transparan dan kekuningan.\"")
    statements = found(text)
    assert [(s.speaker, s.role) for s in statements] == [
        ("Raha Spehrara", "dokter gigi dari Dental Suites Clinic")] * 3


def test_a_lowercase_word_that_is_no_role_does_not_split_the_subject() -> None:
    text = ("Ketua Komisi III DPR Bambang Soesatyo mengatakan bahwa rapat itu akan digelar "
            "kembali pada pekan depan di gedung parlemen.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Bambang Soesatyo", "Ketua Komisi III DPR")


# ---- "-nya" after a subject who answers; "dari X" is no place for a first name ----------


def test_nya_after_a_subject_who_answers_is_theirs() -> None:
    text = ("Teman dekat musisi Maia Estianty, Papah Edwan, juga berkomentar pada fotonya.\n"
            "\"Abis lamaran tuh mukanya bersinar banget,\" tulis Papah Edwan.\n"
            "Maia pun juga membalas komentar tersebut dengan candaan.\n"
            "\"Iyeee, gw dilamar jadi satpam di mako brimob,\" ungkapnya.")
    first, second = found(text)
    assert first.speaker == "Papah Edwan"
    assert (second.speaker, second.carried) == ("Maia Estianty", True)


def test_nya_after_a_subject_who_only_acts_stays_with_the_speaker() -> None:
    text = ("\"Kami sudah menyiapkan tim,\" kata Budi Santoso.\n"
            "Menteri Retno Marsudi membuka rapat itu pada pagi hari.\n"
            "\"Kami terus memantau,\" ujarnya.")
    assert [s.speaker for s in found(text)] == ["Budi Santoso", "Budi Santoso"]


def test_a_first_name_after_dari_is_no_place() -> None:
    text = ("Setelah lama menyandang status janda, musisi Maia Estianty masih sangat tertutup.\n"
            "\"Ah enggaklah,\" ucapnya sembari pergi.\n"
            "Namun tak mendapat tanggapan dari Maia. Justru Maia melihat itu sekadar candaan.\n"
            "\"@titirajobintang huahahahahaha,\" tulis Maia.")
    assert [s.speaker for s in found(text)] == ["Maia Estianty"] * 2


def test_after_dari_a_town_and_a_body_in_capitals_stay_places() -> None:
    places = article_places("Ia datang dari Madrid. Bantuan dari PBB tiba. Kepala PBB Antonio "
                            "Guterres hadir. Tanggapan dari Maia. Musisi Maia Estianty diam.")
    assert {"madrid", "pbb"} <= places and "maia" not in places


# ---- a role of a body, no one named; a company or institution inside the name run ---------


def test_a_spokesman_of_a_brigade_is_a_role_only_speaker() -> None:
    text = ("Sayap militer Hamas memberi Israel waktu selama 24 jam untuk merespons tuntutan itu.\n"
            "“Kami memberi mereka waktu 24 jam untuk merespons,” kata juru bicara Brigade "
            "Ezzedine al - Qassam, dikutip AFP.\n"
            "“Jika tidak, Israel akan membayar mahal atas setiap hari penundaan”.")
    first, second = found(text)
    assert first.speaker == second.speaker == "juru bicara Brigade Ezzedine al - Qassam"
    assert (first.carried, second.carried) == (False, True)


def test_a_lawyer_of_a_person_still_names_nobody() -> None:
    text = ("Setya Novanto belum hadir di gedung KPK pada Senin pagi.\n"
            "“Klien kami sedang sakit,” kata kuasa hukum Setya Novanto, dikutip Antara.")
    assert found(text) == []


def test_the_company_before_a_ceo_name_goes_into_the_role() -> None:
    text = ("Fitur Stories milik Instagram meraih 100 juta views dalam sehari.\n"
            "CEO Instagram Kevin Systrom membeberkan bahwa fitur itu sangat populer di kalangan "
            "pengguna muda. Systrom mengatakan tercatat ada 100 juta views di fitur Stories.")
    statements = found(text)
    assert [(s.speaker, s.role) for s in statements] == [("Kevin Systrom", "CEO Instagram")] * 2


def test_a_ceo_with_three_names_keeps_them() -> None:
    text = ("CEO Abdul Muhaimin Iskandar membeberkan bahwa perusahaan itu akan membuka kantor "
            "baru di Surabaya tahun depan. Muhaimin juga hadir dalam acara itu.")
    (s,) = found(text)
    assert (s.speaker, s.role) == ("Abdul Muhaimin Iskandar", "CEO")


def test_the_university_before_a_name_goes_into_the_role() -> None:
    text = ("Pengamat politik dari Universitas Gadjah Mada Erwan Agus Purwanto berpendapat AHY "
            "merupakan kurir SBY untuk meredakan ketegangan.\n"
            "Selain membawa pesan, kata Erwan, kunjungan AHY juga bertujuan membangun komunikasi.")
    statements = found(text)
    assert {(s.speaker, s.role) for s in statements} == {("Erwan Agus Purwanto",
                                                          "Universitas Gadjah Mada")}


# ---- a quote whose closing mark was left out; a name cut to four letters ------------------


def test_a_quote_without_its_closing_mark_ends_before_the_closing_verb() -> None:
    text = ("Jakarta -- Mark Zuckerberg, pendiri dan CEO Facebook, baru saja resmi menyandang "
            "sarjana Universitas Harvard.\n"
            "\"Bagaimana dengan menghentikan perubahan iklim? Bagaimana dengan menyembuhkan semua "
            "penyakit? ucap Zuck kepada para sarjana baru Harvard, Kamis (25/5).")
    (s,) = found(text)
    assert (s.speaker, s.speech) == ("Mark Zuckerberg", "direct")
    assert said(text, s).endswith("menyembuhkan semua penyakit?")


def test_an_unclosed_quote_with_no_closing_verb_attributes_nothing() -> None:
    text = ("Mark Zuckerberg hadir di Harvard pada Kamis.\n"
            "\"Bagaimana dengan menghentikan perubahan iklim? Para sarjana baru bertepuk tangan.")
    assert found(text) == []


def test_four_letters_of_a_long_name_word_are_that_person() -> None:
    text = ("Mark Zuckerberg memutuskan meninggalkan bangku kuliahnya di Harvard.\n"
            "\"Kemudian saya sadar semua terjadi seperti ini,\" kata Zuck kepada para lulusan.")
    (s,) = found(text)
    assert s.speaker == "Mark Zuckerberg"


def test_four_letters_of_a_short_name_word_are_someone_new() -> None:
    text = ("Bambang Susanto memutuskan meninggalkan bangku kuliahnya di Bandung.\n"
            "\"Kami sadar semua terjadi seperti ini,\" kata Bamb kepada para lulusan.")
    (s,) = found(text)
    assert s.speaker == "Bamb"


def test_a_naval_rank_before_a_first_name_is_a_role() -> None:
    text = ("Danlantamal IV Kepulauan Riau Laksma TNI Eko Suyatno mengaku sudah berkoordinasi "
            "dengan jajaran Gugus Keamanan Laut Barat untuk mencari korban.\n"
            "\"Sampai saat ini 10 kru hilang dan masih dalam pencarian,\" ujar Laksma Eko dalam "
            "keterangan tertulis.")
    *_, s = found(text)
    assert (s.speaker, s.role) == ("Eko Suyatno", "Laksma")
